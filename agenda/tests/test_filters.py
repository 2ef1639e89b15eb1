"""Every filter, alone and combined, gives the same occurrences on the page, in both feeds and the API."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from bs4 import BeautifulSoup

from agenda.choices import AttendanceMode, EventAudience, EventStatus, EventType, Recurrence
from core.factories import DossierFactory, OrganisationFactory, ThemeFactory
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory

TODAY = datetime.date.today()
FROM = TODAY.isoformat()


@pytest.fixture
def world(site_root, make_event):
    duurzaam = ThemeFactory(name="Duurzaam", slug="duurzaam")
    divers = ThemeFactory(name="Divers", slug="divers")
    digitalisering = DossierFactory(name="Digitalisering", slug="digitalisering")
    partner = OrganisationFactory(name="Partner (demo)")
    museums = MuseumIndexPageFactory(parent=site_root)
    fries = MuseumPageFactory(
        parent=museums, title="Fries Museum (demo)", city="Leeuwarden", province="NL-FR"
    )
    day = lambda n: TODAY + datetime.timedelta(days=n)  # noqa: E731
    events = {
        "webinar": make_event(
            title="Webinar duurzaam",
            event_type=EventType.WEBINAR,
            start_date=day(5),
            attendance_mode=AttendanceMode.ONLINE,
            online_url="https://example.org/w",
            venue_city="",
            venue_name="",
            venue_province="",
            audience=EventAudience.PROFESSIONALS,
            themes=[duurzaam],
            dossiers=[digitalisering],
        ),
        "seminar": make_event(
            title="Seminar Utrecht",
            event_type=EventType.SEMINAR,
            start_date=day(10),
            venue_province="NL-UT",
            themes=[divers],
            organiser=partner,
        ),
        "training": make_event(
            title="Training Leeuwarden",
            event_type=EventType.TRAINING,
            start_date=day(20),
            venue_museum=fries,
            venue_city="",
            venue_name="",
            venue_province="",
            attendance_mode=AttendanceMode.MIXED,
            online_url="https://example.org/t",
            audience=EventAudience.MEMBERS,
            status=EventStatus.CANCELLED,
            dossiers=[digitalisering],
        ),
        "bookclub": make_event(
            title="Leesclub",
            event_type=EventType.BOOK_CLUB,
            start_date=day(3),
            recurrence=Recurrence.WEEKLY,
            recurrence_count=3,
            attendance_mode=AttendanceMode.ONLINE,
            online_url="https://example.org/b",
            venue_city="",
            venue_name="",
            venue_province="",
            themes=[duurzaam],
        ),
        "past": make_event(
            title="Voorbij",
            event_type=EventType.WEBINAR,
            start_date=day(-60),
            attendance_mode=AttendanceMode.ONLINE,
            online_url="https://example.org/p",
            venue_city="",
            venue_name="",
            venue_province="",
            themes=[duurzaam],
        ),
        "draft": make_event(
            title="Concept",
            event_type=EventType.WEBINAR,
            start_date=day(4),
            publish=False,
            attendance_mode=AttendanceMode.ONLINE,
            online_url="https://example.org/d",
            venue_city="",
            venue_name="",
            venue_province="",
            themes=[duurzaam],
        ),
    }
    events["museum"] = fries
    return events


def uids(*events):
    return {uid for event in events for uid in event.occurrences.values_list("uid", flat=True)}


def page_uids(client, agenda, query):
    response = client.get(agenda.url, query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {li["data-uid"] for li in soup.select("li.event-card")}


def ical_uids(client, agenda, query):
    response = client.get(agenda.url + "ical/", query)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def rss_uids(client, agenda, query):
    response = client.get(agenda.url + "rss/", query)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {guid.text for guid in root.iter("guid")}


def api_uids(client, query):
    response = client.get("/api/v1/events/", {**query, "limit": 100})
    assert response.status_code == 200, response.content
    return {item["uid"] for item in response.json()["items"]}


CASES = [
    ({}, ["webinar", "seminar", "training", "bookclub"]),
    ({"type": "webinar"}, ["webinar"]),
    ({"type": ["webinar", "book-club"]}, ["webinar", "bookclub"]),
    ({"theme": "duurzaam"}, ["webinar", "bookclub"]),
    ({"dossier": "digitalisering"}, ["webinar", "training"]),
    ({"audience": "members"}, ["training"]),
    ({"attendance_mode": "online"}, ["webinar", "bookclub"]),
    ({"attendance_mode": "mixed"}, ["training"]),
    ({"organiser": "partner"}, ["seminar"]),
    ({"organiser": "association"}, ["webinar", "training", "bookclub"]),
    ({"province": "NL-UT"}, ["seminar"]),
    ({"province": "NL-FR"}, ["training"]),
    ({"status": "cancelled"}, ["training"]),
    ({"type": "webinar", "theme": "duurzaam", "attendance_mode": "online"}, ["webinar"]),
    ({"theme": "duurzaam", "type": "seminar"}, []),
    ({"dossier": "digitalisering", "audience": "members", "province": "NL-FR"}, ["training"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("filters", "expected"), CASES)
def test_same_occurrences_everywhere(client, agenda, world, filters, expected):
    query = {"from": FROM, **filters}
    wanted = uids(*(world[name] for name in expected))
    assert page_uids(client, agenda, query) == wanted
    assert ical_uids(client, agenda, query) == wanted
    assert rss_uids(client, agenda, query) == wanted
    assert api_uids(client, query) == wanted


@pytest.mark.django_db
def test_museum_filter(client, agenda, world):
    query = {"from": FROM, "museum": world["museum"].pk}
    wanted = uids(world["training"])
    assert page_uids(client, agenda, query) == wanted
    assert ical_uids(client, agenda, query) == wanted
    assert api_uids(client, query) == wanted


@pytest.mark.django_db
def test_date_range(client, agenda, world):
    week = {"from": FROM, "to": (TODAY + datetime.timedelta(days=7)).isoformat()}
    # The first meeting of the weekly book club (day 3) and the webinar (day 5).
    bookclub = sorted(world["bookclub"].occurrences.all(), key=lambda o: o.start)
    wanted = {bookclub[0].uid, *uids(world["webinar"])}
    assert page_uids(client, agenda, week) == wanted
    assert ical_uids(client, agenda, week) == wanted
    assert api_uids(client, week) == wanted
    # A "to" date includes that whole day; a datetime is exact.
    day5 = (TODAY + datetime.timedelta(days=5)).isoformat()
    assert api_uids(client, {"from": FROM, "to": day5}) == wanted
    assert api_uids(client, {"from": FROM, "to": day5 + "T09:00"}) == {bookclub[0].uid}
    past = {"from": (TODAY - datetime.timedelta(days=90)).isoformat(), "to": FROM}
    assert api_uids(client, past) == uids(world["past"])


@pytest.mark.django_db
def test_defaults_upcoming_archive_and_feed_window(client, agenda, world):
    upcoming = uids(world["webinar"], world["seminar"], world["training"], world["bookclub"])
    assert page_uids(client, agenda, {}) == upcoming
    assert api_uids(client, {}) == upcoming
    assert rss_uids(client, agenda, {}) == upcoming
    response = client.get(agenda.url + "archief/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert {li["data-uid"] for li in soup.select("li.event-card")} == uids(world["past"])


@pytest.mark.django_db
def test_drafts_never_appear(client, agenda, world):
    draft = uids(world["draft"])
    assert draft
    query = {"from": (TODAY - datetime.timedelta(days=365)).isoformat()}
    for found in (
        page_uids(client, agenda, query),
        ical_uids(client, agenda, query),
        rss_uids(client, agenda, query),
        api_uids(client, query),
    ):
        assert not found & draft
    assert client.get(f"/api/v1/events/{world['draft'].pk}/").status_code == 404


BAD = [
    {"type": "party"},
    {"theme": "onbekend"},
    {"dossier": "onbekend"},
    {"audience": "aliens"},
    {"attendance_mode": "teleport"},
    {"organiser": "someone"},
    {"province": "NL-XX"},
    {"status": "maybe"},
    {"museum": "abc"},
    {"from": "gisteren"},
    {"to": "2026-13-45"},
    {"from": "2026-05-02", "to": "2026-05-01"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", BAD)
def test_bad_parameters_give_a_message_never_a_500(client, agenda, world, query):
    page = client.get(agenda.url, query)
    assert page.status_code == 400
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find(attrs={"role": "alert"}) is not None
    assert not soup.select("li.event-card")
    assert client.get(agenda.url + "ical/", query).status_code == 400
    assert client.get(agenda.url + "rss/", query).status_code == 400
    api = client.get("/api/v1/events/", query)
    assert api.status_code == 400
    assert api["Content-Type"] == "application/problem+json"
    assert api.json()["invalid_params"]


@pytest.mark.django_db
def test_bad_page_numbers_are_handled(client, agenda, world):
    assert client.get(agenda.url, {"page": "x"}).status_code == 200
    response = client.get(agenda.url, {"page": "999"})
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select("li.event-card")
