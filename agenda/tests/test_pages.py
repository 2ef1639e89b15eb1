"""The agenda page and event pages: rendering, dates in the reader's language, JSON-LD, states."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from agenda.choices import AttendanceMode, EventStatus, RegistrationState
from core.factories import OrganisationFactory, ThemeFactory
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory

from .conftest import nl

TODAY = datetime.date.today()


def _json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


@pytest.mark.django_db
def test_agenda_lists_upcoming_events_with_count_and_pagination(client, agenda, make_event):
    for day in range(23):
        make_event(title=f"Activiteit {day:02d}", start_date=TODAY + datetime.timedelta(days=day + 1))
    response = client.get(agenda.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text.strip() == "Agenda"
    assert "23" in soup.find(class_="agenda-count").text
    titles = [a.text for a in soup.select(".event-card__title a")]
    assert titles[:2] == ["Activiteit 00", "Activiteit 01"] and len(titles) == 20
    assert soup.find("a", rel="next")["href"] == "?page=2"
    second = BeautifulSoup(client.get(agenda.url, {"page": 2}).content, "html.parser")
    assert len(second.select(".event-card")) == 3
    (data,) = _json_ld(response)
    assert data["@type"] == "CollectionPage"
    # Every filter control has a label (works without JavaScript: a plain GET form).
    form = soup.select_one(".agenda-filters form")
    assert form["method"] == "get"
    for control in form.select("select, input:not([type=hidden])"):
        assert form.find("label", attrs={"for": control["id"]}) is not None, control


@pytest.mark.django_db
def test_event_page_in_dutch_and_english(client, agenda, make_event, en_home):
    event = make_event(
        title="Seminar",
        start_date=datetime.date(2031, 3, 4),
        start_time=datetime.time(14),
        end_time=datetime.time(16, 30),
    )
    html = client.get(event.url).content.decode()
    assert "4 maart 2031, 14:00–16:30" in html
    translation = event.copy_for_translation(en_home.locale, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    response = client.get(translation.url)
    assert response.status_code == 200
    assert "March 4, 2031" in response.content.decode()


@pytest.mark.django_db
def test_caribbean_event_shows_local_time(client, agenda, make_event):
    event = make_event(
        title="Bonaire",
        time_zone="America/Kralendijk",
        start_date=datetime.date(2031, 3, 4),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
    )
    html = client.get(event.url).content.decode()
    assert "18:00–20:00" in html and "America/Kralendijk" in html


@pytest.mark.django_db
def test_event_json_ld_in_person_at_a_museum(client, site_root, agenda, make_event):
    museums = MuseumIndexPageFactory(parent=site_root)
    museum = MuseumPageFactory(
        parent=museums,
        title="Demo-museum",
        address="Museumplein 1",
        city="Amsterdam",
        province="NL-NH",
        latitude=52.36,
        longitude=4.88,
    )
    event = make_event(
        title="Congres",
        venue_museum=museum,
        venue_city="",
        venue_name="",
        venue_province="",
        start_date=datetime.date(2031, 6, 1),
        registration_url="https://example.org/r",
        price_member="95.00",
        price_non_member="150.00",
        organiser=OrganisationFactory(name="Partner X", website="https://example.org/x"),
    )
    response = client.get(event.url)
    assert response.status_code == 200
    (data,) = _json_ld(response)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2031-06-01T10:00:00+02:00"
    assert data["endDate"] == "2031-06-01T12:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Demo-museum"
    assert data["location"]["address"]["streetAddress"] == "Museumplein 1"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 52.36, "longitude": 4.88}
    assert data["organizer"] == {"@type": "Organization", "name": "Partner X", "url": "https://example.org/x"}
    assert [o["price"] for o in data["offers"]] == ["95.00", "150.00"]
    assert {o["priceCurrency"] for o in data["offers"]} == {"EUR"}
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", href=museum.url).text == "Demo-museum"
    assert soup.select_one("a[href*=openstreetmap]")["href"].startswith(
        "https://www.openstreetmap.org/?mlat=52.36"
    )


@pytest.mark.django_db
def test_event_json_ld_online_cancelled_and_rescheduled(client, agenda, make_event):
    online = make_event(
        title="Webinar",
        attendance_mode=AttendanceMode.ONLINE,
        venue_city="",
        venue_name="",
        online_url="https://example.org/live",
        status=EventStatus.CANCELLED,
        start_date=TODAY + datetime.timedelta(days=3),
    )
    (data,) = _json_ld(client.get(online.url))
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["organizer"]["name"] == "Museumvereniging"
    assert "offers" not in data

    previous = timezone.make_aware(datetime.datetime(2031, 1, 10, 10))
    mixed = make_event(
        title="Hybride",
        attendance_mode=AttendanceMode.MIXED,
        online_url="https://example.org/m",
        status=EventStatus.RESCHEDULED,
        previous_start=previous,
        start_date=datetime.date(2031, 2, 1),
    )
    (data,) = _json_ld(client.get(mixed.url))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == previous.isoformat()
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]


@pytest.mark.django_db
def test_registration_states(client, agenda, make_event):
    start = TODAY + datetime.timedelta(days=10)
    base = {"start_date": start, "registration_url": "https://example.org/r"}
    now = timezone.now()
    open_ = make_event(title="Open", **base)
    full = make_event(title="Vol", registration_full=True, **base)
    closed = make_event(title="Gesloten", registration_deadline=now - datetime.timedelta(hours=1), **base)
    none = make_event(title="Vrij", start_date=start)
    past = make_event(
        title="Geweest",
        start_date=TODAY - datetime.timedelta(days=3),
        registration_url="https://example.org/r",
    )
    assert open_.registration_state() == RegistrationState.OPEN
    assert full.registration_state() == RegistrationState.FULL
    assert closed.registration_state() == RegistrationState.CLOSED
    assert none.registration_state() == RegistrationState.NONE
    assert past.registration_state() == RegistrationState.PAST
    assert (
        BeautifulSoup(client.get(open_.url).content, "html.parser").select_one(
            ".event-registration a.button"
        )["href"]
        == "https://example.org/r"
    )
    assert nl("This event is full.") in client.get(full.url).content.decode()
    assert nl("The registration deadline has passed.") in client.get(closed.url).content.decode()
    (data,) = _json_ld(client.get(full.url))
    assert data["offers"][0]["availability"] == "https://schema.org/SoldOut"


@pytest.mark.django_db
def test_add_to_calendar_related_events_and_sessions(client, agenda, make_event):
    from agenda.models import EventSession

    theme = ThemeFactory(name="Duurzaam", slug="duurzaam")
    start = TODAY + datetime.timedelta(days=10)
    event = make_event(
        title="Training",
        themes=[theme],
        start_date=start,
        sessions=[
            EventSession(
                date=start + datetime.timedelta(days=7),
                start_time=datetime.time(10),
                end_time=datetime.time(12),
                title="Dag 2",
            )
        ],
    )
    related = make_event(
        title="Ander seminar",
        event_type="webinar",
        themes=[theme],
        attendance_mode="online",
        online_url="https://example.org/o",
        venue_city="",
        start_date=start,
    )
    make_event(title="Ongerelateerd", event_type="congress", start_date=start)
    draft = make_event(title="Concept", themes=[theme], start_date=start, publish=False)
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.find("a", href=event.url + "ical/") is not None
    assert soup.find("a", href=lambda h: h and h.startswith("https://calendar.google.com/")) is not None
    assert "Dag 2" in soup.find("details").text
    related_titles = [a.text for a in soup.select(".event-related .event-card__title a")]
    assert related.title in related_titles and draft.title not in related_titles
    assert "Ongerelateerd" not in related_titles


@pytest.mark.django_db
def test_drafts_and_private_events_are_not_served(client, agenda, make_event):
    from wagtail.models import PageViewRestriction

    draft = make_event(title="Geheim concept", publish=False)
    private = make_event(title="Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(f"/agenda/{draft.slug}/").status_code == 404
    assert client.get(f"/agenda/{draft.slug}/ical/").status_code == 404
    html = client.get(agenda.url).content.decode()
    assert "Geheim concept" not in html and "Besloten" not in html
    assert b"Besloten" not in client.get(agenda.url + "ical/").content
    assert client.get(f"/api/v1/events/{private.pk}/").status_code == 404


@pytest.mark.django_db
def test_search_finds_events(client, agenda, make_event):
    make_event(title="Zeldzaamwoord seminar")
    make_event(title="Zeldzaamwoord concept", publish=False)
    response = client.get("/zoeken/", {"q": "Zeldzaamwoord"})
    html = response.content.decode()
    assert "Zeldzaamwoord seminar" in html and "Zeldzaamwoord concept" not in html


@pytest.mark.django_db
def test_unpublished_changes_of_a_live_event_never_leak(client, agenda, make_event):
    event = make_event(title="Gepubliceerde titel", start_date=TODAY + datetime.timedelta(days=5))
    event.title = "Onaffe conceptwijziging"
    event.status = EventStatus.CANCELLED
    event.start_date = TODAY + datetime.timedelta(days=50)
    event.save_revision()  # a draft revision, not published
    for url in (
        agenda.url,
        agenda.url + "ical/",
        agenda.url + "rss/",
        "/api/v1/events/",
        f"/api/v1/events/{event.pk}/",
        event.url,
        event.url + "ical/",
    ):
        body = client.get(url).content.decode()
        assert "Onaffe conceptwijziging" not in body, url
        assert "Gepubliceerde titel" in body, url
    item = client.get("/api/v1/events/").json()["items"][0]
    assert item["status"] == "scheduled" and item["start"].startswith(
        (TODAY + datetime.timedelta(days=5)).isoformat()
    )


@pytest.mark.django_db
def test_members_events_are_counted_never_shown(client, agenda, make_event, django_user_model):
    from wagtail.models import PageViewRestriction

    make_event(title="Open seminar")
    members = make_event(title="Ledenbijeenkomst")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    secret = make_event(title="Met wachtwoord")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="geheim")

    soup = BeautifulSoup(client.get(agenda.url).content, "html.parser")
    titles = [a.text for a in soup.select(".event-card__title a")]
    assert titles == ["Open seminar"]
    assert "Ledenbijeenkomst" not in soup.text and "Met wachtwoord" not in soup.text
    teaser = soup.select_one(".agenda-members")
    assert teaser is not None and "1" in teaser.text  # the password page is not counted
    assert teaser.find("a")["href"].startswith("/_util/login/?next=")

    client.force_login(django_user_model.objects.create_user("lid", "lid@example.org", "wachtwoord"))
    soup = BeautifulSoup(client.get(agenda.url).content, "html.parser")
    assert sorted(a.text for a in soup.select(".event-card__title a")) == ["Ledenbijeenkomst", "Open seminar"]
    assert soup.select_one(".agenda-members") is None
    # Feeds and the API are for everyone, whoever asks.
    assert b"Ledenbijeenkomst" not in client.get(agenda.url + "ical/").content
    assert b"Ledenbijeenkomst" not in client.get(agenda.url + "rss/").content
    assert client.get("/api/v1/events/").json()["count"] == 1


@pytest.mark.django_db
def test_event_links_its_museum_only_when_visible(client, site_root, agenda, make_event, settings):
    from wagtail.models import PageViewRestriction

    museums = MuseumIndexPageFactory(parent=site_root)
    museum = MuseumPageFactory(parent=museums, title="Demo-museum", city="Kralendijk", province="NL-BQ1")
    event = make_event(title="Congres", venue_museum=museum, venue_name="", venue_city="", venue_province="")
    response = client.get(event.url)
    assert BeautifulSoup(response.content, "html.parser").find("a", href=museum.url).text == "Demo-museum"
    (data,) = _json_ld(response)
    assert data["location"]["url"] == settings.PUBLIC_BASE_URL + museum.url
    assert data["location"]["address"]["addressCountry"] == "BQ"

    PageViewRestriction.objects.create(page=museum, restriction_type="login")
    response = client.get(event.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", href=museum.url) is None and "Demo-museum" in soup.text
    (data,) = _json_ld(response)
    assert "url" not in data["location"]
    assert client.get(f"/api/v1/events/{event.pk}/").json()["venue"]["museum"] is None


@pytest.mark.django_db
def test_a_museum_that_hosts_an_event_is_not_deleted_and_the_editor_is_told_why(client, agenda, admin_user):
    from agenda.factories import EventPageFactory
    from museums.models import MuseumPage

    finder = MuseumIndexPageFactory(parent=agenda.get_parent())
    venue = MuseumPageFactory(parent=finder, title="Museum met activiteit")
    EventPageFactory(parent=agenda, title="Rondleiding door het depot", venue_museum=venue)
    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{venue.pk}/delete/", follow=True)
    assert MuseumPage.objects.filter(pk=venue.pk).exists()
    assert "Rondleiding door het depot" in response.content.decode()
