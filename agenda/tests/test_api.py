"""The events API: list of occurrences, detail with all sessions, errors, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.choices import Recurrence
from agenda.models import EventSession
from core.factories import ThemeFactory

TODAY = datetime.date.today()


@pytest.mark.django_db
def test_list_returns_occurrences_sorted_by_start(client, agenda, make_event):
    later = make_event(title="Later", start_date=TODAY + datetime.timedelta(days=9))
    club = make_event(
        title="Leesclub",
        start_date=TODAY + datetime.timedelta(days=1),
        recurrence=Recurrence.WEEKLY,
        recurrence_count=2,
        time_zone="America/Curacao",
    )
    body = client.get("/api/v1/events/").json()
    assert body["count"] == 3
    assert [item["title"] for item in body["items"]] == ["Leesclub", "Leesclub", "Later"]
    first = body["items"][0]
    assert first["id"] == club.pk and first["type"] == "agenda.EventPage"
    assert first["start"].endswith("-04:00") and first["time_zone"] == "America/Curacao"
    assert body["items"][2]["venue"]["city"] == "Utrecht"
    assert body["items"][2]["organiser"] == {"name": "Museumvereniging", "kind": "association", "website": ""}
    paged = client.get("/api/v1/events/", {"limit": 1, "offset": 2}).json()
    assert paged["count"] == 3 and [i["id"] for i in paged["items"]] == [later.pk]


@pytest.mark.django_db
def test_detail_has_every_session(client, agenda, make_event):
    start = TODAY + datetime.timedelta(days=5)
    event = make_event(
        title="Training",
        start_date=start,
        registration_url="https://example.org/r",
        price_member="10.00",
        sessions=[
            EventSession(
                date=start + datetime.timedelta(days=1),
                start_time=datetime.time(9),
                end_time=datetime.time(11),
                title="Dag 2",
            )
        ],
    )
    response = client.get(f"/api/v1/events/{event.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert [o["title"] for o in data["occurrences"]] == ["", "Dag 2"]
    assert data["registration"]["state"] == "open"
    assert data["registration"]["price_member"] == 10.0
    assert data["ical_url"] == event.url + "ical/"
    assert client.get("/api/v1/events/999999/").status_code == 404


@pytest.mark.django_db
def test_resolve_endpoint_knows_events(client, agenda, make_event):
    event = make_event(title="Seminar")
    data = client.get("/api/v1/pages/resolve/", {"path": event.url}).json()
    assert data["data"]["event_type"] == "seminar"
    assert len(data["data"]["occurrences"]) == 1
    index = client.get("/api/v1/pages/resolve/", {"path": agenda.url}).json()
    assert index["type"] == "agenda.AgendaIndexPage"


@pytest.mark.django_db
def test_limits_and_locale(client, agenda, make_event):
    make_event()
    assert client.get("/api/v1/events/", {"limit": 101}).status_code == 400
    assert client.get("/api/v1/events/", {"locale": "fr"}).status_code == 400
    assert client.get("/api/v1/events/", {"locale": "en"}).json()["count"] == 0


@pytest.mark.django_db
def test_list_queries_do_not_grow(client, agenda, make_event):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/events/", {"limit": 100}).status_code == 200
        return len(queries)

    theme = ThemeFactory(slug="duurzaam")
    make_event(themes=[theme], start_date=TODAY + datetime.timedelta(days=1))
    few = count()
    for day in range(6):
        make_event(
            themes=[theme],
            start_date=TODAY + datetime.timedelta(days=day + 2),
            recurrence=Recurrence.WEEKLY,
            recurrence_count=3,
        )
    assert count() == few


@pytest.mark.django_db
def test_openapi_documents_the_parameters(client):
    spec = client.get("/api/v1/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert {
        "from",
        "to",
        "type",
        "theme",
        "dossier",
        "audience",
        "attendance_mode",
        "organiser",
        "museum",
        "status",
        "province",
        "limit",
        "offset",
        "locale",
    } <= params
