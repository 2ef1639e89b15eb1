"""A live page under an unpublished section does not exist for readers: Wagtail would still route
to it, the site answers 404 (before any login or password form), and no surface lists it."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from tests.sitemap_reader import index, sitemap_urls


@pytest.fixture
def section(site_root):
    section = StandardPageFactory(parent=site_root, title="Archief", slug="archief")
    StandardPageFactory(parent=section, title="Jaarverslag zeldzaamwoord", slug="jaarverslag")
    return section


def _sitemap_locations(client):
    return set(sitemap_urls(client))


@pytest.mark.django_db
def test_the_page_is_served_and_listed_while_its_section_is_live(client, section):
    assert client.get("/archief/jaarverslag/").status_code == 200
    assert f"{settings.PUBLIC_BASE_URL}/archief/jaarverslag/" in _sitemap_locations(client)
    assert "Jaarverslag zeldzaamwoord" in client.get("/zoeken/", {"q": "zeldzaamwoord"}).content.decode()


@pytest.mark.django_db
def test_a_page_under_an_unpublished_section_is_a_404_for_everyone(client, section):
    section.unpublish()
    assert client.get("/archief/jaarverslag/").status_code == 404
    client.force_login(User.objects.create_superuser("beheer", password="x" * 16))
    assert client.get("/archief/jaarverslag/").status_code == 404


@pytest.mark.django_db
def test_no_password_form_hints_at_a_page_under_an_unpublished_section(client, section):
    page = section.get_children().get()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    form = client.get("/archief/jaarverslag/")
    assert 'name="password"' in form.content.decode()  # Wagtail's password form
    section.unpublish()
    response = client.get("/archief/jaarverslag/")
    assert response.status_code == 404
    assert 'name="password"' not in response.content.decode()


@pytest.mark.django_db
def test_no_surface_lists_a_page_under_an_unpublished_section(client, section):
    section.unpublish()
    assert not any("archief" in url for url in _sitemap_locations(client))
    # Nor has the section a part of its own: not in the index, and its address is a 404.
    assert f"/sitemaps/{section.pk}.xml" not in [address for address, _lastmod in index(client)]
    assert client.get(f"/sitemaps/{section.pk}.xml").status_code == 404
    assert "Jaarverslag" not in client.get("/zoeken/", {"q": "zeldzaamwoord"}).content.decode()
    assert client.get("/api/v1/pages/resolve/", {"path": "/archief/jaarverslag/"}).status_code == 404
