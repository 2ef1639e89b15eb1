"""Page addresses: the project's ``get_url_parts`` answers exactly as Wagtail's own does."""

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import set_script_prefix
from django.utils import translation
from wagtail.models import Page

from core.links import page_path, url_parts


def _wagtail(page, request=None):
    return Page.get_url_parts(page, request)


@pytest.mark.django_db
def test_every_demo_page_has_wagtails_address_in_every_active_language(demo):
    pages = list(Page.objects.filter(depth__gt=1).specific())
    generic = list(Page.objects.filter(depth__gt=1))
    assert len(pages) > 900
    languages = [code for code, _name in settings.LANGUAGES] + ["en-gb", "fr"]
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    checked = 0
    for language in languages:
        with translation.override(language):
            for page in pages + generic:
                expected = _wagtail(page)
                assert page.get_url_parts() == expected, (language, page.url_path)
                assert page.get_url_parts(request) == _wagtail(page, request)
                assert page_path(page) == (expected[2] if expected else None)
                checked += 1
    assert checked == len(languages) * 2 * len(pages)
    # The English tree's addresses carry their prefix; the Dutch (default) ones do not.
    english = next(p for p in pages if p.locale.language_code == "en" and p.depth > 2)
    assert page_path(english).startswith("/en/")


@pytest.mark.django_db
def test_unusual_slugs_and_pages_outside_a_site(site_root):
    home = site_root
    odd = home.add_child(instance=Page(title="Café", slug="café-één"))
    with translation.override("nl"):
        assert odd.get_url_parts() == _wagtail(odd)
        assert url_parts(odd)[2].endswith("/caf%C3%A9-%C3%A9%C3%A9n/")
    root = Page.objects.get(depth=1)
    outside = root.add_child(instance=Page(title="Elders", slug="elders"))
    assert url_parts(outside) is None and _wagtail(outside) is None and page_path(outside) is None


@pytest.mark.django_db
def test_script_prefix_and_url_configuration_are_followed(demo):
    page = Page.objects.filter(depth=4, locale__language_code="en").first().specific
    with override_settings(FORCE_SCRIPT_NAME="/site/"):
        set_script_prefix("/site/")
        try:
            assert page.get_url_parts() == _wagtail(page)
            assert page_path(page).startswith("/site/en/")
        finally:
            set_script_prefix("/")
