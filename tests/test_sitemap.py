"""The sitemap: an index (``/sitemap.xml``) naming one part per home page and per section, each
part listing the public pages of its section with their ``hreflang`` alternates (``core.sitemaps``)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from core import sitemaps
from home.factories import StandardPageFactory
from tests.sitemap_reader import index, part_bodies, sitemap_urls, urls_of

BASE = settings.PUBLIC_BASE_URL


def _about(site_root, en_home):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    about_en = about.copy_for_translation(en_home.locale)
    about_en.title, about_en.slug = "About us", "about-us"
    about_en.save_revision().publish()
    return about, Page.objects.get(pk=about_en.pk)


def _restrict(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get_or_create(name="Leden")[0])


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_of_every_locale(client, site_root, en_home):
    _about(site_root, en_home)
    urls = sitemap_urls(client)
    assert f"{BASE}/" in urls
    assert f"{BASE}/en/" in urls
    assert f"{BASE}/over-ons/" in urls
    assert f"{BASE}/en/about-us/" in urls
    assert sorted(urls[f"{BASE}/over-ons/"]) == ["en", "nl", "x-default"]


@pytest.mark.django_db
def test_sitemap_holds_no_draft_private_or_alias_page(client, site_root, en_home):
    StandardPageFactory(parent=site_root, title="Concept", slug="concept", publish=False)
    private = StandardPageFactory(parent=site_root, title="Leden", slug="leden")
    _restrict(private)
    below_private = StandardPageFactory(parent=private, title="Ledenvergadering", slug="alv")
    StandardPageFactory(parent=site_root, title="Gesynchroniseerd", slug="sync").copy_for_translation(
        en_home.locale, alias=True
    )

    urls = sitemap_urls(client)
    assert not any("concept" in url for url in urls)
    assert not any("/leden/" in url for url in urls)
    assert BASE + below_private.url not in urls
    assert f"{BASE}/sync/" in urls
    assert f"{BASE}/en/sync/" not in urls  # an alias repeats the Dutch page


@pytest.mark.django_db
@pytest.mark.parametrize("batch", [10_000, 1])
def test_x_default_names_the_dutch_page(client, site_root, en_home, batch, monkeypatch):
    # The translations are asked for in batches of keys (a batch of one: one query per page).
    monkeypatch.setattr(sitemaps, "TRANSLATION_BATCH", batch)
    _about(site_root, en_home)
    bodies = part_bodies(client)
    found = 0
    for body in bodies.values():
        for url in urls_of(body):
            if url in (f"{BASE}/over-ons/", f"{BASE}/en/about-us/"):
                found += 1
    assert found == 2
    text = b"".join(bodies.values()).decode()
    assert f'hreflang="x-default" href="{BASE}/over-ons/"' in text
    assert f'hreflang="en" href="{BASE}/en/about-us/"' in text


@pytest.mark.django_db
def test_the_index_names_a_part_per_home_page_and_section_in_tree_order(client, site_root, en_home):
    about, about_en = _about(site_root, en_home)
    museums = StandardPageFactory(parent=site_root, title="Musea", slug="musea")
    museum = StandardPageFactory(parent=museums, title="Een museum", slug="een-museum")
    response = client.get("/sitemap.xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex')
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]

    parts = index(client)
    sections = sorted([site_root, about, museums, en_home, about_en], key=lambda page: page.path)
    assert [address for address, _lastmod in parts] == [f"/sitemaps/{page.pk}.xml" for page in sections]
    # Each part dated by its newest page, as a W3C datetime.
    museum.refresh_from_db()
    lastmod = dict(parts)[f"/sitemaps/{museums.pk}.xml"]
    assert lastmod == timezone.localtime(museum.last_published_at).isoformat()
    # The home page's part holds just the home page; a section's part the section and below.
    assert list(urls_of(client.get(f"/sitemaps/{site_root.pk}.xml").content)) == [f"{BASE}/"]
    assert list(urls_of(client.get(f"/sitemaps/{museums.pk}.xml").content)) == [
        f"{BASE}/musea/",
        f"{BASE}/musea/een-museum/",
    ]
    part = client.get(f"/sitemaps/{museums.pk}.xml")
    assert part["Content-Type"].startswith("application/xml")
    assert part["Cache-Control"] == response["Cache-Control"]


@pytest.mark.django_db
def test_a_hidden_section_has_no_part_and_its_address_is_a_404(client, site_root, en_home, django_user_model):
    members = StandardPageFactory(parent=site_root, title="Leden", slug="leden")
    StandardPageFactory(parent=members, title="Ledenvergadering", slug="alv")
    _restrict(members)
    draft = StandardPageFactory(parent=site_root, title="Concept", slug="concept", publish=False)
    public = StandardPageFactory(parent=site_root, title="Open", slug="open")
    below = StandardPageFactory(parent=public, title="Onder", slug="onder")

    addresses = [address for address, _lastmod in index(client)]
    assert f"/sitemaps/{public.pk}.xml" in addresses
    assert f"/sitemaps/{members.pk}.xml" not in addresses
    assert f"/sitemaps/{draft.pk}.xml" not in addresses
    for address in (
        f"/sitemaps/{members.pk}.xml",  # restricted
        f"/sitemaps/{draft.pk}.xml",  # a draft
        f"/sitemaps/{below.pk}.xml",  # not a section: below one
        f"/sitemaps/{Page.objects.order_by('-pk').first().pk + 1}.xml",  # no such page
        f"/sitemaps/{Page.get_first_root_node().pk}.xml",  # the tree root
        f"/sitemaps/0{public.pk}.xml",  # not the part's address
    ):
        assert client.get(address).status_code == 404, address
    assert client.get(f"/sitemaps/{public.pk}.xml").status_code == 200
    # Whoever asks: a member gets the same bare 404, not a page whose menu names the section.
    member = django_user_model.objects.create_user("lid", password="x" * 16)
    member.groups.add(Group.objects.get(name="Leden"))
    client.force_login(member)
    response = client.get(f"/sitemaps/{members.pk}.xml")
    assert response.status_code == 404
    assert response.content == b"No such sitemap.\n"


@pytest.mark.django_db
def test_a_part_never_holds_a_draft_a_restricted_page_or_an_alias(client, site_root, en_home):
    section = StandardPageFactory(parent=site_root, title="Sectie", slug="sectie")
    StandardPageFactory(parent=section, title="Concept", slug="concept", publish=False)
    members = StandardPageFactory(parent=section, title="Leden", slug="leden")
    _restrict(members)
    StandardPageFactory(parent=members, title="Verslag", slug="verslag")
    synced = StandardPageFactory(parent=section, title="Gesynchroniseerd", slug="sync")
    section_en = section.copy_for_translation(en_home.locale)
    section_en.save_revision().publish()
    synced.copy_for_translation(en_home.locale, alias=True)

    dutch = urls_of(client.get(f"/sitemaps/{section.pk}.xml").content)
    assert sorted(dutch) == [f"{BASE}/sectie/", f"{BASE}/sectie/sync/"]
    english = urls_of(client.get(f"/sitemaps/{section_en.pk}.xml").content)
    assert sorted(english) == [f"{BASE}/en/sectie/"]  # the alias below it is left out


@pytest.mark.django_db
def test_a_big_section_goes_on_in_numbered_parts(client, site_root, en_home):
    section = StandardPageFactory(parent=site_root, title="Groot", slug="groot")
    children = [StandardPageFactory(parent=section, title=f"Pagina {n}", slug=f"p{n}") for n in range(6)]
    StandardPageFactory(parent=section, title="Concept", slug="concept", publish=False)
    with override_settings(SITEMAP_PART_SIZE=3):
        addresses = [address for address, _lastmod in index(client)]
        expected = [
            f"/sitemaps/{section.pk}.xml",
            f"/sitemaps/{section.pk}-2.xml",
            f"/sitemaps/{section.pk}-3.xml",
        ]
        start = addresses.index(expected[0])
        assert addresses[start : start + 3] == expected
        bodies = part_bodies(client, expected)
        assert [len(urls_of(body)) for body in bodies.values()] == [3, 3, 1]
        for address in (f"/sitemaps/{section.pk}-1.xml", f"/sitemaps/{section.pk}-4.xml"):
            assert client.get(address).status_code == 404, address
        # Every public page once, in path order, over all the parts.
        listed = [url for body in bodies.values() for url in urls_of(body)]
        assert listed == [f"{BASE}/groot/"] + [f"{BASE}/groot/p{n}/" for n in range(6)]
        everywhere = set(sitemap_urls(client))
        public = {BASE + page.url for page in [site_root, en_home, section, *children]}
        assert everywhere == public
    cache.clear()  # parts cut at the old size stay cached until their section changes or they expire
    with override_settings(SITEMAP_PART_SIZE=7):
        assert client.get(f"/sitemaps/{section.pk}-2.xml").status_code == 404
