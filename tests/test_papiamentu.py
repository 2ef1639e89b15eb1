"""Papiamentu (``pap``), the third language: Django has no data for it, so the project adds its
language info, plural rule, formats and strings; its pages render through the URL stack in
Papiamentu, name and are named by the other languages, and its first-draft texts say so."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, formats, translation
from wagtail.models import Locale, Page

from core.models import TranslationReview
from core.seeding import SeedContext
from home.demo_pap import site as pap_site
from home.factories import StandardPageFactory
from tests.sitemap_reader import sitemap_text
from tests.test_query_budget import BUDGET, _count

BASE = settings.PUBLIC_BASE_URL


@pytest.fixture
def pap_home(site_root, en_home):
    """The Papiamentu locale (in step with Dutch) and home page, as ``load_demo`` makes them."""
    pap_site(SeedContext(io.StringIO(), verbosity=0))
    return site_root.get_translation(Locale.objects.get(language_code="pap")).specific


@pytest.fixture
def about(site_root, pap_home):
    page = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    translation_ = page.copy_for_translation(pap_home.locale)
    translation_.title, translation_.slug = "Tokante nos", "tokante-nos"
    translation_.save_revision().publish()
    return page


def _soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def _switcher(soup):
    return {a["hreflang"]: a for a in soup.find("nav", class_="language-switcher").find_all("a")}


# --- language data ---------------------------------------------------------------------------


def test_django_knows_papiamentu_through_the_project():
    info = translation.get_language_info("pap")
    assert (info["name"], info["name_local"], info["bidi"]) == ("Papiamento", "Papiamentu", False)
    assert "pap" in dict(settings.LANGUAGES)
    assert "pap" in dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def test_plural_forms_strings_dates_and_numbers_in_papiamentu():
    catalogue = translation.trans_real.translation("pap")
    assert [catalogue.plural(n) for n in (0, 1, 2, 5)] == [1, 0, 1, 1]  # nplurals=2; plural=(n != 1)
    with translation.override("pap"):
        assert translation.gettext("Skip to main content") == "Bai direkto na e kontenido prinsipal"
        assert (
            translation.ngettext("%(counter)s museum", "%(counter)s museums", 1) % {"counter": 1} == "1 museo"
        )
        # Django's own strings come from the project too (not Dutch, the default's fallback).
        assert translation.gettext("Dutch") == "Hulandes"
        assert dateformat.format(datetime.date(2026, 12, 3), "l j F Y") == "diaweps 3 desèmber 2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1.234,5"


# --- pages through the URL stack -------------------------------------------------------------


@pytest.mark.django_db
def test_papiamentu_pages_are_served_in_papiamentu_with_every_alternate(client, about):
    soup = _soup(client, "/pap/tokante-nos/")
    assert soup.html["lang"] == "pap"
    assert soup.find("a", class_="skip-link").text == "Bai direkto na e kontenido prinsipal"
    assert not soup.find("main").has_attr("lang")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {
        "nl": f"{BASE}/over-ons/",
        "pap": f"{BASE}/pap/tokante-nos/",
        "x-default": f"{BASE}/over-ons/",
    }
    # The Dutch page names its Papiamentu translation.
    dutch = _soup(client, "/over-ons/")
    assert {link["hreflang"] for link in dutch.find_all("link", rel="alternate")} == {
        "nl",
        "pap",
        "x-default",
    }


@pytest.mark.django_db
def test_the_switcher_offers_papiamentu(client, about):
    links = _switcher(_soup(client, "/over-ons/"))
    assert links["pap"]["href"] == "/pap/tokante-nos/"
    assert links["pap"].text == "Papiamentu"
    assert links["pap"]["lang"] == "pap"
    links = _switcher(_soup(client, "/pap/tokante-nos/"))
    assert links["pap"]["aria-current"] == "true"
    assert links["nl"]["href"] == "/over-ons/"
    assert links["en"]["href"] == "/en/"  # no English translation: that language's home


@pytest.mark.django_db
def test_an_untranslated_papiamentu_page_shows_the_dutch_one_marked_as_dutch(client, site_root, pap_home):
    page = StandardPageFactory(parent=site_root, title="Jaarplan", slug="jaarplan")
    page.copy_for_translation(pap_home.locale, alias=True)
    soup = _soup(client, "/pap/jaarplan/")
    assert soup.html["lang"] == "pap"
    main = soup.find("main")
    assert main["lang"] == "nl"
    notice = main.find(class_="language-notice")
    assert notice["lang"] == "pap"
    assert "Hulandes" in notice.get_text()  # "Dutch", in Papiamentu
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}/jaarplan/"
    assert not soup.find_all("link", rel="alternate", hreflang=True)
    assert main.find(class_="translation-draft") is None  # an alias is no draft translation


@pytest.mark.django_db
def test_error_pages_speak_papiamentu(client, pap_home):
    soup = _soup(client, "/pap/does-not-exist/", status=404)
    assert soup.html["lang"] == "pap"
    assert "No a haña e página" in soup.get_text()


@pytest.mark.django_db
def test_a_language_without_a_locale_yet_is_an_empty_list_not_an_error(client, site_root):
    assert not Locale.objects.filter(language_code="pap").exists()
    response = client.get("/api/v1/articles/", {"locale": "pap"})
    assert response.status_code == 200
    response = client.get("/api/v1/suggest/", {"locale": "pap", "q": "mus"})
    assert response.status_code == 200


# --- first drafts ----------------------------------------------------------------------------


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-123")
    )
    return client


@pytest.mark.django_db
def test_first_drafts_are_marked_in_the_editor_the_report_and_the_page_until_reviewed(
    editor, about, pap_home
):
    draft = about.get_translation(pap_home.locale)
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = editor.get(edit)
    assert response.status_code == 200
    warning = "moet worden nagekeken"  # the admin speaks Dutch, the default language
    assert warning in response.content.decode()
    dutch_edit = editor.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    assert warning not in dutch_edit.content.decode()

    report = editor.get(reverse("translation_reviews:index"))
    assert report.status_code == 200
    assert "Tokante nos" in report.content.decode()
    assert "Over ons" not in report.content.decode()

    page = _soup(editor, "/pap/tokante-nos/")
    assert page.find(class_="translation-draft") is not None

    response = editor.post(reverse("translation_reviews:mark_reviewed", args=[draft.pk]))
    assert response.status_code == 302
    assert TranslationReview.objects.filter(page=draft).exists()
    assert warning not in editor.get(edit).content.decode()
    assert "Tokante nos" not in editor.get(reverse("translation_reviews:index")).content.decode()
    assert _soup(editor, "/pap/tokante-nos/").find(class_="translation-draft") is None

    editor.post(reverse("translation_reviews:mark_draft", args=[draft.pk]))
    assert _soup(editor, "/pap/tokante-nos/").find(class_="translation-draft") is not None


@pytest.mark.django_db
def test_only_editors_who_may_publish_mark_a_translation_as_reviewed(
    client, django_user_model, about, pap_home
):
    draft = about.get_translation(pap_home.locale)
    url = reverse("translation_reviews:mark_reviewed", args=[draft.pk])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(django_user_model.objects.create_user("lezer", "l@example.org", "wachtwoord-123"))
    assert client.post(url).status_code in (302, 403)
    assert not TranslationReview.objects.exists()
    assert client.get(url).status_code in (302, 405)


# --- the demo in Papiamentu ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_has_the_caribbean_museums_and_the_qa_in_papiamentu(client, demo):
    pap = Locale.objects.get(language_code="pap")
    museums = client.get("/api/v1/museums/", {"locale": "pap", "limit": 100}).json()
    in_papiamentu = {item["title"] for item in museums["items"] if item["locale"] == "pap"}
    assert in_papiamentu == {"Curaçao Museum", "Museo Arqueologico Nacional Aruba", "Museo Chich'i Tan"}
    assert {item["locale"] for item in museums["items"]} == {"pap", "nl"}  # the others, in Dutch

    soup = _soup(client, "/pap/museonan/curacao-museum/")
    assert soup.html["lang"] == "pap"
    assert "Kòrsou" in soup.find("main").get_text()
    assert soup.find(class_="translation-draft") is not None

    question = _soup(client, "/pap/preguntanan/ordena/kuantu-un-museumkaart-ta-kosta/")
    assert question.find("h1").get_text(strip=True) == "Kuantu un Museumkaart ta kosta?"
    assert "pap" in {link["hreflang"] for link in _soup(client, "/vragen/").find_all("link", rel="alternate")}

    # Every Dutch page has its Papiamentu page: a translation or an alias.
    dutch = set(
        Page.objects.filter(locale__language_code="nl", depth__gt=1).values_list("translation_key", flat=True)
    )
    assert dutch <= set(Page.objects.filter(locale=pap).values_list("translation_key", flat=True))

    found = client.get("/pap/zoeken/", {"q": "karchi temporal"})
    assert "Kuantu tempu e karchi temporal ta bálido?" in found.content.decode()
    sitemap = sitemap_text(client)  # the index and every part it names
    assert f'hreflang="pap" href="{BASE}/pap/museonan/curacao-museum/"' in sitemap


@pytest.mark.django_db
def test_papiamentu_pages_keep_to_the_query_budget(client, demo, settings):
    settings.PAGE_CACHE_ENABLED = False
    for path in (
        "/pap/museonan/curacao-museum/",
        "/pap/museonan/",
        "/pap/preguntanan/ordena/kuantu-un-museumkaart-ta-kosta/",
        "/pap/museonan/rijksmuseum/",  # an alias
    ):
        assert _count(client, path) <= BUDGET, path
