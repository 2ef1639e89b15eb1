import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

BASE = settings.PUBLIC_BASE_URL
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: [link.get("hreflang") for link in url.findall("x:link", NS)]
        for url in root.findall("s:url", NS)
    }


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_of_every_locale(client, site_root, en_home):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    about_en = about.copy_for_translation(en_home.locale)
    about_en.title, about_en.slug = "About us", "about-us"
    about_en.save_revision().publish()

    urls = _sitemap(client)
    assert f"{BASE}/" in urls
    assert f"{BASE}/en/" in urls
    assert f"{BASE}/over-ons/" in urls
    assert f"{BASE}/en/about-us/" in urls
    assert sorted(urls[f"{BASE}/over-ons/"]) == ["en", "nl", "x-default"]


@pytest.mark.django_db
def test_sitemap_holds_no_draft_private_or_alias_page(client, site_root, en_home):
    StandardPageFactory(parent=site_root, title="Concept", slug="concept", publish=False)
    private = StandardPageFactory(parent=site_root, title="Leden", slug="leden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name="Leden")
    )
    below_private = StandardPageFactory(parent=private, title="Ledenvergadering", slug="alv")
    StandardPageFactory(parent=site_root, title="Gesynchroniseerd", slug="sync").copy_for_translation(
        en_home.locale, alias=True
    )

    urls = _sitemap(client)
    assert not any("concept" in url for url in urls)
    assert not any("/leden/" in url for url in urls)
    assert BASE + below_private.url not in urls
    assert f"{BASE}/sync/" in urls
    assert f"{BASE}/en/sync/" not in urls  # an alias repeats the Dutch page


@pytest.mark.django_db
def test_x_default_names_the_dutch_page(client, site_root, en_home):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    about_en = about.copy_for_translation(en_home.locale)
    about_en.title, about_en.slug = "About us", "about-us"
    about_en.save_revision().publish()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    for url in root.findall("s:url", NS):
        if url.find("s:loc", NS).text in (f"{BASE}/over-ons/", f"{BASE}/en/about-us/"):
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert links["x-default"] == f"{BASE}/over-ons/"
            assert links["en"] == f"{BASE}/en/about-us/"
