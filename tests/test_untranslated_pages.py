"""A page not translated yet: the English site shows the Dutch page (an alias) as Dutch text,
says so, and points search engines at the Dutch page; translated pages name the Dutch one as
``x-default``."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Page

from home.factories import StandardPageFactory

BASE = settings.PUBLIC_BASE_URL


@pytest.fixture
def untranslated(site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Jaarplan", slug="jaarplan")
    page.copy_for_translation(en_home.locale, alias=True)
    return page


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_an_alias_shows_dutch_content_marked_as_dutch(client, untranslated):
    soup = _soup(client, "/en/jaarplan/")
    assert soup.html["lang"] == "en"  # the site around it is English
    main = soup.find("main")
    assert main["lang"] == "nl"  # what it shows is Dutch
    notice = main.find(class_="language-notice")
    assert notice["lang"] == "en"
    assert "Dutch" in notice.get_text()
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}/jaarplan/"
    assert soup.find("meta", property="og:url")["content"] == f"{BASE}/jaarplan/"
    assert not soup.find_all("link", rel="alternate", hreflang=True)


@pytest.mark.django_db
def test_the_dutch_original_is_neither_marked_nor_redirected(client, untranslated):
    soup = _soup(client, "/jaarplan/")
    assert soup.html["lang"] == "nl"
    assert not soup.find("main").has_attr("lang")
    assert soup.find(class_="language-notice") is None
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}/jaarplan/"


@pytest.mark.django_db
def test_translated_pages_name_every_language_and_the_default(client, site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    translation = page.copy_for_translation(en_home.locale)
    translation.title, translation.slug = "About us", "about-us"
    translation.save_revision().publish()
    for url in ("/over-ons/", "/en/about-us/"):
        soup = _soup(client, url)
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
        assert alternates == {
            "nl": f"{BASE}/over-ons/",
            "en": f"{BASE}/en/about-us/",
            "x-default": f"{BASE}/over-ons/",
        }
        assert soup.find(class_="language-notice") is None


@pytest.mark.django_db
def test_english_readers_still_find_what_is_only_in_dutch(client, demo):
    english = client.get("/api/v1/articles/", {"locale": "en", "limit": 100}).json()
    dutch = client.get("/api/v1/articles/", {"locale": "nl", "limit": 100}).json()
    assert english["count"] > 0
    translated = set(
        Page.objects.filter(locale__language_code="en", alias_of__isnull=True).values_list(
            "translation_key", flat=True
        )
    )
    for item in english["items"]:
        page = Page.objects.get(pk=item["id"])
        assert item["locale"] in ("en", "nl")
        if item["locale"] == "nl":  # shown in Dutch only while no English translation exists
            assert page.translation_key not in translated
    untranslated = {i["id"] for i in dutch["items"]} - {i["id"] for i in english["items"]}
    assert all(Page.objects.get(pk=pk).translation_key in translated for pk in untranslated)

    soup = _soup(client, "/en/knowledge-base/")
    titles = soup.select(".knowledge-card .card__title")
    assert titles
    assert any(title.get("lang") == "nl" for title in titles)  # Dutch titles, marked as Dutch
