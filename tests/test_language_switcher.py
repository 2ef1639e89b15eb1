import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from home.factories import StandardPageFactory


def _switcher(response):
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.find("nav", class_="language-switcher")
    return {a["hreflang"]: a for a in nav.find_all("a")}


@pytest.fixture
def about(site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    translation = page.copy_for_translation(en_home.locale)
    translation.title, translation.slug = "About us", "about-us"
    translation.save_revision().publish()
    return page


@pytest.mark.django_db
def test_switcher_links_to_the_translation(client, about):
    links = _switcher(client.get("/over-ons/"))
    assert links["en"]["href"] == "/en/about-us/"
    assert links["nl"]["aria-current"] == "true"
    assert links["nl"]["lang"] == "nl"

    links = _switcher(client.get("/en/about-us/"))
    assert links["nl"]["href"] == "/over-ons/"
    assert links["en"]["aria-current"] == "true"


@pytest.mark.django_db
def test_switcher_falls_back_to_the_home_page_without_a_translation(client, site_root, en_home):
    StandardPageFactory(parent=site_root, title="Privacy", slug="privacy")
    links = _switcher(client.get("/privacy/"))
    assert links["en"]["href"] == "/en/"
    # The title explains (in the reader's language) that the page has no English version.
    assert "English" in links["en"]["title"]
    assert links["en"]["title"] != "English"


@pytest.mark.django_db
def test_switcher_on_the_search_page_keeps_the_query(client, site_root, en_home):
    links = _switcher(client.get("/zoeken/?q=museum"))
    assert links["en"]["href"] == "/en/zoeken/?q=museum"


@pytest.mark.django_db
def test_english_pages_are_served_in_english(client, about):
    response = client.get("/en/about-us/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.find("a", class_="skip-link").text == "Skip to main content"
    alternate = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    base = settings.PUBLIC_BASE_URL
    assert alternate == {
        "nl": f"{base}/over-ons/",
        "en": f"{base}/en/about-us/",
        "x-default": f"{base}/over-ons/",
    }
