"""The sitemap's index and parts in the page cache and the CDN purge: a publish makes the index
and the parts of its section stale (``core.dependencies``), not the other sections' parts; the
index costs the same queries whatever the number of pages."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from core.dependencies import page_dependents
from core.links import public_url
from home.factories import StandardPageFactory
from tests.sitemap_reader import index, urls_of

BASE = settings.PUBLIC_BASE_URL


@pytest.fixture
def sections(site_root, django_capture_on_commit_callbacks):
    # Committed as the site commits each change: what the test then does is the only change.
    with django_capture_on_commit_callbacks(execute=True):
        agenda = AgendaIndexPageFactory(parent=site_root)
        EventPageFactory(parent=agenda, title="Lezing", slug="lezing")
        museums = StandardPageFactory(parent=site_root, title="Musea", slug="musea")
        StandardPageFactory(parent=museums, title="Een museum", slug="een-museum")
    return agenda, museums


@pytest.mark.django_db
def test_a_publish_makes_its_sections_part_and_the_index_stale_not_the_others(
    client, sections, django_capture_on_commit_callbacks
):
    agenda, museums = sections
    addresses = ["/sitemap.xml", f"/sitemaps/{agenda.pk}.xml", f"/sitemaps/{museums.pk}.xml"]
    for address in addresses:
        client.get(address)
    assert [client.get(address)["X-Cache"] for address in addresses] == ["hit", "hit", "hit"]

    with django_capture_on_commit_callbacks(execute=True):
        EventPageFactory(parent=Page.objects.get(pk=agenda.pk), title="Nieuw", slug="nieuw")

    index_response, agenda_part, museums_part = (client.get(address) for address in addresses)
    assert agenda_part["X-Cache"] == "miss"
    assert f"{BASE}/agenda/nieuw/" in urls_of(agenda_part.content)
    assert index_response["X-Cache"] == "miss"
    assert museums_part["X-Cache"] == "hit"


@pytest.mark.django_db
def test_a_translation_published_makes_the_other_languages_part_stale(
    client, site_root, en_home, sections, django_capture_on_commit_callbacks
):
    """A part names the translations of its pages: publishing one (in another language's section)
    bumps the tags of the translation family's ancestors, the other language's section among them."""
    _agenda, museums = sections
    museum = Page.objects.get(url_path__endswith="/een-museum/")
    address = f"/sitemaps/{museums.pk}.xml"
    client.get(address)
    assert client.get(address)["X-Cache"] == "hit"
    assert urls_of(client.get(address).content)[f"{BASE}/musea/een-museum/"] == []

    with django_capture_on_commit_callbacks(execute=True):
        museums_en = museums.copy_for_translation(en_home.locale)
        museums_en.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        museum_en = museum.specific.copy_for_translation(en_home.locale)
        museum_en.save_revision().publish()

    fresh = client.get(address)
    assert fresh["X-Cache"] == "miss"
    assert sorted(urls_of(fresh.content)[f"{BASE}/musea/een-museum/"]) == ["en", "nl", "x-default"]
    assert f"/sitemaps/{museums_en.pk}.xml" in [part for part, _lastmod in index(client)]


@pytest.mark.django_db
def test_the_cdn_purges_the_part_of_the_page_in_every_language(client, site_root, en_home, sections):
    _agenda, museums = sections
    museum = Page.objects.get(url_path__endswith="/een-museum/")
    museums_en = museums.copy_for_translation(en_home.locale)
    museums_en.save_revision().publish()
    museum.specific.copy_for_translation(en_home.locale).save_revision().publish()

    urls = page_dependents(museum).urls
    assert public_url("/sitemap.xml") in urls
    assert public_url(f"/sitemaps/{museums.pk}.xml") in urls
    assert public_url(f"/sitemaps/{museums_en.pk}.xml") in urls
    assert public_url(f"/sitemaps/{site_root.pk}.xml") not in urls
    assert public_url(f"/sitemaps/{site_root.pk}.xml") in page_dependents(site_root).urls
    with override_settings(SITEMAP_PART_SIZE=1):
        assert public_url(f"/sitemaps/{museums.pk}-2.xml") in page_dependents(museum).urls


def _index_queries(client):
    client.get("/sitemap.xml")  # the same warm caches (the site, the public visibility) each time
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return len(queries), len(index(client))


@pytest.mark.django_db
@pytest.mark.uncached
def test_the_index_costs_the_same_queries_whatever_the_number_of_pages(
    client, site_root, django_assert_num_queries
):
    first = StandardPageFactory(parent=site_root, title="Eerste", slug="eerste")
    for n in range(4):
        StandardPageFactory(parent=first, title=f"Pagina {n}", slug=f"p{n}")
    few, few_parts = _index_queries(client)

    for n in range(4, 14):
        StandardPageFactory(parent=first, title=f"Pagina {n}", slug=f"p{n}")
    for section_number in range(2):
        section = StandardPageFactory(
            parent=site_root, title=f"Sectie {section_number}", slug=f"s{section_number}"
        )
        for n in range(4):
            StandardPageFactory(parent=section, title=f"Pagina {n}", slug=f"p{n}")
    assert Page.objects.filter(path__startswith=site_root.path).count() > 25
    client.get("/sitemap.xml")
    with django_assert_num_queries(few):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert len(index(client)) == few_parts + 2
