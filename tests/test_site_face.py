"""The site's face through the URL stack: the statements in the footer and beside every form that
asks for personal data, the members' login and page password in the site's layout, the menu
button, and Caribbean opening hours that say their time zone."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction, Site

from agenda.factories import AgendaIndexPageFactory
from core.models import SiteSettings
from home.factories import StandardPageFactory
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory
from qa.factories import QACategoryPageFactory, QAIndexPageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def statements(site_root, en_home):
    """A privacy statement in Dutch with an English translation, an accessibility statement in
    Dutch only, both named in the site settings as ``load_demo`` does."""
    privacy = StandardPageFactory(parent=site_root, title="Privacyverklaring", slug="privacy")
    english = privacy.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Privacy statement"
    english.save_revision().publish()
    accessibility = StandardPageFactory(
        parent=site_root, title="Toegankelijkheidsverklaring", slug="toegankelijkheid"
    )
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.privacy_page = privacy
    values.accessibility_page = accessibility
    values.save()
    return {"privacy": privacy, "english_privacy": english, "accessibility": accessibility}


def _statement_links(soup, where):
    return {a["data-statement"]: a for a in soup.select(f"{where} a[data-statement]")}


# --- the statements ----------------------------------------------------------------------------


def test_the_footer_links_both_statements_in_each_language(client, statements, site_root):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    dutch = _statement_links(soup_of(client.get(about.url)), "footer")
    assert dutch["privacy"]["href"] == "/privacy/" and dutch["privacy"].text == "Privacyverklaring"
    assert dutch["accessibility"]["href"] == "/toegankelijkheid/"
    assert not dutch["privacy"].has_attr("lang")  # Dutch on a Dutch page

    english = _statement_links(soup_of(client.get("/en/")), "footer")
    assert english["privacy"]["href"] == "/en/privacy/" and english["privacy"].text == "Privacy statement"
    assert not english["privacy"].has_attr("lang")
    # Not translated: the Dutch statement, marked as Dutch on the English page.
    assert english["accessibility"]["href"] == "/toegankelijkheid/"
    assert english["accessibility"]["lang"] == "nl"


def test_the_footer_costs_no_query_once_the_chrome_is_kept(client, statements, site_root, settings):
    settings.PAGE_CACHE_ENABLED = False
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    client.get(about.url)  # fills the chrome
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert values.privacy_page_id
    with CaptureQueriesContext(connection) as queries:
        client.get(about.url)
    assert not [q for q in queries.captured_queries if "core_sitesettings" in q["sql"]]


def test_the_partner_form_links_the_privacy_statement_beside_its_consent_box(client, statements, site_root):
    agenda = AgendaIndexPageFactory(parent=site_root, submission_enabled=True)
    for response in (
        client.get(agenda.url + "aanmelden/"),
        client.post(agenda.url + "aanmelden/", {"title": ""}),  # the error state
    ):
        assert response.status_code in (200, 400)  # the form, or the form with its errors
        soup = soup_of(response)
        consent = soup.find("input", attrs={"name": "consent"})
        note = consent.find_parent("fieldset").select_one(".privacy-note a[data-statement=privacy]")
        assert note is not None and note["href"] == "/privacy/"
    assert soup.select_one("[role=alert]") is not None


def test_the_qa_feedback_form_links_the_privacy_statement(client, statements, site_root):
    index = QAIndexPageFactory(parent=site_root)
    category = QACategoryPageFactory(parent=index, title="Betalen", slug="betalen")
    question = QuestionPageFactory(parent=category, title="Kan ik per maand betalen?", slug="per-maand")
    soup = soup_of(client.get(question.url))
    link = soup.select_one("form.qa-feedback__form .privacy-note a[data-statement=privacy]")
    assert link is not None and link["href"] == "/privacy/"


# --- the members' login and the page password --------------------------------------------------


def _in_site_layout(soup):
    return (
        soup.select_one("header.site-header .site-header__brand svg.wordmark") is not None
        and soup.select_one("main#main") is not None
        and soup.select_one("footer.site-footer") is not None
    )


@pytest.mark.parametrize(
    ("prefix", "lang", "heading", "username_label"),
    [("", "nl", "Inloggen voor leden", "Gebruikersnaam"), ("/en", "en", "Members' login", "Username")],
)
def test_the_members_login_is_in_the_site_layout_and_language(
    client, statements, prefix, lang, heading, username_label
):
    response = client.get(f"{prefix}/_util/login/?next=/leden/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == lang and _in_site_layout(soup)
    assert soup.find("h1").text == heading
    assert soup.find("label", attrs={"for": "id_username"}).text == username_label
    assert soup.find("input", attrs={"name": "next"})["value"] == "/leden/"
    assert soup.select_one("[role=alert]") is None
    assert soup.select_one(".privacy-note a[data-statement=privacy]") is not None
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_a_wrong_password_is_announced_and_tied_to_the_form(client, statements):
    get_user_model().objects.create_user("lid", "lid@example.org", "een-lang-wachtwoord-12")
    response = client.post("/_util/login/", {"username": "lid", "password": "fout", "next": "/"})
    assert response.status_code == 200
    soup = soup_of(response)
    alert = soup.select_one("[role=alert]#login-errors")
    assert alert is not None and "gebruikersnaam" in alert.text.lower()  # Django's message, in Dutch
    assert soup.find("input", attrs={"name": "username"})["aria-describedby"] == "login-errors"
    assert soup.find("input", attrs={"name": "username"})["value"] == "lid"

    missing = soup_of(client.post("/en/_util/login/", {"username": "", "password": ""}))
    field = missing.find("input", attrs={"name": "username"})
    assert field["aria-invalid"] == "true"
    assert missing.find(id=field["aria-describedby"]).text == "This field is required."
    assert missing.select_one("[role=alert] a[href='#id_username']") is not None

    good = client.post(
        "/_util/login/", {"username": "lid", "password": "een-lang-wachtwoord-12", "next": "/"}
    )
    assert good.status_code == 302


def test_the_page_password_form_is_in_the_site_layout_and_says_nothing_of_the_page(client, site_root):
    page = StandardPageFactory(
        parent=site_root,
        title="Besloten",
        slug="besloten",
        intro="Geheime inleiding",
        search_description="Geheim",
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-genoeg"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert _in_site_layout(soup) and soup.find("h1").text == "Wachtwoord nodig"
    assert b"Geheim" not in response.content
    assert soup.find("form")["action"] == f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    wrong = soup_of(
        client.post(
            f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": "fout", "return_url": page.url},
        )
    )
    assert wrong.select_one("[role=alert]#password-errors") is not None
    assert wrong.find("input", attrs={"name": "password"})["aria-describedby"] == "password-errors"


# --- the menu button ---------------------------------------------------------------------------


def test_the_menu_button_controls_the_menu_and_waits_for_its_script(client, site_root):
    soup = soup_of(client.get("/"))
    button = soup.select_one("header button.menu-toggle")
    assert button["aria-controls"] == "site-menu" and button["aria-expanded"] == "false"
    assert button.has_attr("hidden")  # without the script there is nothing to toggle
    menu = soup.find(id="site-menu")
    assert menu.select_one("nav.main-nav") is not None
    assert soup.find("script", src=re.compile(r"js/menu(\.[0-9a-f]+)?\.js$")) is not None


# --- Caribbean opening hours -------------------------------------------------------------------


@pytest.fixture
def island_museums(site_root):
    index = MuseumIndexPageFactory(parent=site_root)
    week = [(day, datetime.time(9), datetime.time(16)) for day in range(7)]
    bonaire = MuseumPageFactory(
        parent=index,
        title="Museo Chichi Tan",
        slug="chichi-tan",
        city="Kralendijk",
        province="NL-BQ1",
        postcode="",
        latitude=12.15,
        longitude=-68.27,
        hours=week,
    )
    amsterdam = MuseumPageFactory(parent=index, title="Stadsmuseum", slug="stadsmuseum", hours=week)
    return {"index": index, "bonaire": bonaire, "amsterdam": amsterdam}


def _at(monkeypatch, moment):
    monkeypatch.setattr("museums.context.timezone.now", lambda: moment)
    monkeypatch.setattr("museums.filters.timezone.now", lambda: moment)


def test_a_bonaire_museum_shows_its_hours_and_next_opening_in_bonaire_time(
    client, island_museums, monkeypatch
):
    bonaire = island_museums["bonaire"]
    assert bonaire.timezone == "America/Kralendijk"
    # 12:30 UTC is 14:30 in Amsterdam and 08:30 on Bonaire: closed, opening at 09:00 there.
    _at(monkeypatch, datetime.datetime(2026, 12, 3, 12, 30, tzinfo=UTC))
    soup = soup_of(client.get(bonaire.url))
    state = soup.select_one(".museum__state")
    assert "gesloten" in state.select_one(".badge").text
    assert state.select_one(".museum__next").text.endswith("09:00")
    assert state.select_one(".time-zone").text == "(tijd op Bonaire, UTC\u22124)"
    assert soup.select_one(".museum__week caption .time-zone").text == "(tijd op Bonaire, UTC\u22124)"
    assert "09:00–16:00" in soup.select_one(".museum__week td").text

    english = bonaire.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    en_soup = soup_of(client.get(english.url))
    assert en_soup.select_one(".museum__state .time-zone").text == "(Bonaire time, UTC\u22124)"


def test_an_amsterdam_museum_says_dutch_time_with_its_current_offset(client, island_museums, monkeypatch):
    _at(monkeypatch, datetime.datetime(2026, 7, 1, 5, 0, tzinfo=UTC))  # summer: UTC+2
    soup = soup_of(client.get(island_museums["amsterdam"].url))
    assert soup.select_one(".museum__week caption .time-zone").text == "(Nederlandse tijd, UTC+2)"
    assert soup.select_one(".museum__next").text.endswith("09:00")  # 07:00 UTC


@pytest.mark.uncached  # two moments, one address: the full-page cache would answer the second
def test_open_now_in_the_finder_asks_each_museum_in_its_own_zone(client, island_museums, monkeypatch):
    index = island_museums["index"]
    # 12:30 UTC: open in Amsterdam (13:30), not yet on Bonaire (08:30).
    _at(monkeypatch, datetime.datetime(2026, 12, 3, 12, 30, tzinfo=UTC))
    titles = [
        h.text.strip()
        for h in soup_of(client.get(index.url, {"open_now": "on"})).select(".museum-card__title")
    ]
    assert titles == ["Stadsmuseum"]
    # 19:30 UTC: closed in Amsterdam (20:30), open on Bonaire (15:30).
    _at(monkeypatch, datetime.datetime(2026, 12, 3, 19, 30, tzinfo=UTC))
    soup = soup_of(client.get(index.url, {"open_now": "on"}))
    assert [h.text.strip() for h in soup.select(".museum-card__title")] == ["Museo Chichi Tan"]
    card = soup.select_one(".museum-card")
    assert card.select_one(".time-zone").text == "(tijd op Bonaire, UTC\u22124)"
    # Amsterdam museums' cards do not repeat the site's own zone.
    listing = soup_of(client.get(index.url))
    cards = {c.select_one(".museum-card__title").text.strip(): c for c in listing.select(".museum-card")}
    assert cards["Stadsmuseum"].select_one(".time-zone") is None
