"""The events API: list of occurrences, detail with all sessions, errors, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.choices import EventAudience, EventStatus, EventType, Recurrence
from agenda.models import EventSession
from core.factories import ThemeFactory
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory

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
def test_detail_has_every_session(client, agenda, make_event, settings):
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
    assert data["ical_url"] == settings.PUBLIC_BASE_URL + event.url + "ical/"
    assert client.get("/api/v1/events/999999/").status_code == 404


@pytest.mark.django_db
def test_resolve_endpoint_knows_events(client, agenda, make_event):
    event = make_event(title="Seminar")
    data = client.get("/api/v1/pages/resolve/", {"path": event.url}).json()
    assert data["id"] == event.pk and data["event_type"] == "seminar"
    assert len(data["occurrences"]) == 1
    index = client.get("/api/v1/pages/resolve/", {"path": agenda.url}).json()
    assert index["type"] == "agenda.AgendaIndexPage"


@pytest.mark.django_db
def test_limits_and_locale(client, agenda, make_event):
    make_event()
    assert client.get("/api/v1/events/", {"limit": 101}).status_code == 400
    assert client.get("/api/v1/events/", {"locale": "fr"}).status_code == 400
    # English readers are shown the Dutch event not translated yet, marked by its locale.
    english = client.get("/api/v1/events/", {"locale": "en"}).json()
    assert english["count"] == 1 and english["items"][0]["locale"] == "nl"


@pytest.mark.uncached
@pytest.mark.django_db
def test_list_queries_do_not_grow(client, agenda, make_event):
    def count():
        client.get("/api/v1/events/", {"limit": 100})  # warm: caches a publish emptied
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


@pytest.mark.django_db
def test_items_and_details_carry_path_and_public_url(client, agenda, make_event, settings, site_root):
    museums = MuseumIndexPageFactory(parent=site_root)
    museum = MuseumPageFactory(parent=museums, title="Demo-museum", city="Leiden")
    event = make_event(title="Seminar", venue_museum=museum, venue_name="", venue_city="")
    (item,) = client.get("/api/v1/events/").json()["items"]
    assert item["path"] == event.url and item["url"] == settings.PUBLIC_BASE_URL + event.url
    assert item["venue"]["museum"] == {
        "id": museum.pk,
        "type": "museums.MuseumPage",
        "title": "Demo-museum",
        "path": museum.url,
        "url": settings.PUBLIC_BASE_URL + museum.url,
    }
    detail = client.get(f"/api/v1/events/{event.pk}/").json()
    assert "data" not in detail  # flat: the page's fields and the event's side by side
    assert detail["id"] == event.pk and detail["path"] == event.url and detail["event_type"] == "seminar"
    assert detail["url"] == settings.PUBLIC_BASE_URL + event.url
    assert detail["venue"]["museum"]["id"] == museum.pk
    missing = client.get("/api/v1/events/999999/")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert missing.json()["detail"] == "No published event with id 999999."


@pytest.mark.django_db
def test_list_pages_with_next_and_previous(client, agenda, make_event):
    for day in range(3):
        make_event(start_date=TODAY + datetime.timedelta(days=day + 1))
    body = client.get("/api/v1/events/", {"limit": 1, "offset": 1}).json()
    assert body["count"] == 3 and len(body["items"]) == 1
    assert "offset=2" in body["next"] and "offset=0" in body["previous"]


@pytest.mark.django_db
def test_audience_filter_takes_the_event_audiences(client, agenda, make_event):
    members = make_event(title="Leden", audience=EventAudience.MEMBERS)
    make_event(title="Iedereen", audience=EventAudience.EVERYONE)
    body = client.get("/api/v1/events/", {"audience": "members"}).json()
    assert [item["id"] for item in body["items"]] == [members.pk]
    assert body["items"][0]["audience"] == "members"
    wrong = client.get("/api/v1/events/", {"audience": "public"})  # a Q&A audience, not an event's
    assert wrong.status_code == 400
    assert [param["name"] for param in wrong.json()["invalid_params"]] == ["audience"]


@pytest.mark.django_db
def test_filter_errors_name_the_parameter(client, agenda):
    response = client.get("/api/v1/events/", {"theme": "bestaat-niet"})
    assert response.status_code == 400
    assert [param["name"] for param in response.json()["invalid_params"]] == ["theme"]


@pytest.mark.django_db
def test_openapi_names_the_event_enums(client):
    spec = client.get("/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    parameters = {p["name"]: p for p in spec["paths"]["/api/v1/events/"]["get"]["parameters"]}

    def enum_of(schema):
        refs = [schema.get("$ref")] + [option.get("$ref") for option in schema.get("anyOf", [])]
        (ref,) = [ref for ref in refs if ref]
        name = ref.rsplit("/", 1)[1]
        return name, schemas[name]["enum"]

    assert enum_of(parameters["audience"]["schema"]) == ("EventAudience", EventAudience.values)
    assert enum_of(schemas["EventItem"]["properties"]["audience"]) == ("EventAudience", EventAudience.values)
    assert enum_of(schemas["EventDetail"]["properties"]["audience"]) == (
        "EventAudience",
        EventAudience.values,
    )
    assert enum_of(schemas["EventItem"]["properties"]["status"]) == ("EventStatus", EventStatus.values)
    assert enum_of(schemas["EventItem"]["properties"]["event_type"]) == ("EventType", EventType.values)
    assert "Audience" not in schemas
