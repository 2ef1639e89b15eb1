"""The iCal (RFC 5545) and RSS output, parsed back."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.choices import AttendanceMode, EventStatus, Recurrence
from core.factories import OrganisationFactory

TODAY = datetime.date.today()


def _calendar(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"\r\n" in response.content  # RFC 5545 line endings
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))  # folded
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_ical_feed_is_valid_and_complete(client, agenda, make_event):
    event = make_event(
        title="Leesclub",
        recurrence=Recurrence.WEEKLY,
        recurrence_count=3,
        start_date=TODAY + datetime.timedelta(days=3),
        start_time=datetime.time(19),
        end_time=datetime.time(20, 30),
        venue_name="Demo-zaal",
        venue_address="Straat 1",
        venue_latitude="52.090000",
        venue_longitude="5.120000",
    )
    calendar = _calendar(client, agenda.url + "ical/")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 3
    for vevent in vevents:
        for prop in (
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SEQUENCE",
            "SUMMARY",
            "URL",
            "LOCATION",
            "STATUS",
        ):
            assert prop in vevent, prop
        assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert vevent.decoded("DTSTART").astimezone(datetime.UTC).tzinfo is not None
        assert str(vevent["STATUS"]) == "CONFIRMED"
        assert "Demo-zaal" in str(vevent["LOCATION"])
        assert str(vevent["URL"]).endswith(event.url)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Amsterdam"
    assert {str(v["UID"]) for v in vevents} == set(event.occurrences.values_list("uid", flat=True))
    assert vevents[0].decoded("DTSTART").hour == 19


@pytest.mark.django_db
def test_uids_are_stable_across_renders_and_sequence_follows_changes(client, agenda, make_event):
    event = make_event(title="Seminar", start_date=TODAY + datetime.timedelta(days=9))
    first = _calendar(client, event.url + "ical/").walk("VEVENT")[0]
    second = _calendar(client, event.url + "ical/").walk("VEVENT")[0]
    assert first["UID"] == second["UID"]
    assert first.decoded("DTSTAMP") == second.decoded("DTSTAMP")
    assert first.decoded("SEQUENCE") == 0

    event.start_time = datetime.time(11)
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    moved = _calendar(client, event.url + "ical/").walk("VEVENT")[0]
    assert moved["UID"] == first["UID"]  # the same event, updated in calendars
    assert moved.decoded("SEQUENCE") == 1
    assert str(moved["STATUS"]) == "CANCELLED"
    assert moved.decoded("DTSTART").hour == 11


@pytest.mark.django_db
def test_cancelled_events_stay_in_the_feed_as_cancelled(client, agenda, make_event):
    make_event(title="Afgelast", status=EventStatus.CANCELLED, start_date=TODAY + datetime.timedelta(days=4))
    (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_time_zones_and_all_day_events(client, agenda, make_event):
    make_event(
        title="Bonaire",
        time_zone="America/Kralendijk",
        start_date=TODAY + datetime.timedelta(days=6),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
    )
    make_event(
        title="Hele dag",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=TODAY + datetime.timedelta(days=7),
        end_date=TODAY + datetime.timedelta(days=8),
    )
    calendar = _calendar(client, agenda.url + "ical/")
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"America/Kralendijk"}
    by_title = {str(v["SUMMARY"]): v for v in calendar.walk("VEVENT")}
    bonaire = by_title["Bonaire"]
    assert bonaire["DTSTART"].params["TZID"] == "America/Kralendijk"
    assert bonaire.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=-4)
    assert bonaire.decoded("DTSTART").hour == 18
    whole = by_title["Hele dag"]
    assert whole.decoded("DTSTART") == TODAY + datetime.timedelta(days=7)
    assert whole.decoded("DTEND") == TODAY + datetime.timedelta(days=9)  # exclusive


@pytest.mark.django_db
def test_online_events_carry_their_online_address(client, agenda, make_event):
    make_event(
        title="Webinar",
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://example.org/live",
        venue_city="",
        venue_name="",
        venue_province="",
        start_date=TODAY + datetime.timedelta(days=2),
    )
    (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
    assert str(vevent["LOCATION"]) == "https://example.org/live"
    assert "https://example.org/live" in str(vevent["DESCRIPTION"])
    assert "GEO" not in vevent


@pytest.mark.django_db
def test_rss_is_valid_xml_with_one_item_per_occurrence(client, agenda, make_event):
    make_event(
        title="Leesclub <&>",
        recurrence=Recurrence.WEEKLY,
        recurrence_count=2,
        start_date=TODAY + datetime.timedelta(days=1),
    )
    response = client.get(agenda.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    items = root.findall("./channel/item")
    assert len(items) == 2
    assert all(item.find("title").text.startswith("Leesclub <&>") for item in items)
    assert len({item.find("guid").text for item in items}) == 2


@pytest.mark.django_db
@pytest.mark.uncached
def test_feed_queries_do_not_grow_with_the_number_of_events(client, agenda, make_event):
    def count(url):
        # Warm: the first request after a publication reloads the cached visibility, and the
        # first page of a site creates its settings row.
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for day in range(2):
        make_event(start_date=TODAY + datetime.timedelta(days=day + 1))
    few = (count(agenda.url + "ical/"), count(agenda.url + "rss/"), count(agenda.url))
    for day in range(8):
        make_event(
            start_date=TODAY + datetime.timedelta(days=day + 3),
            recurrence=Recurrence.WEEKLY,
            recurrence_count=2,
        )
    many = (count(agenda.url + "ical/"), count(agenda.url + "rss/"), count(agenda.url))
    assert many == few


@pytest.mark.django_db
def test_the_subscribe_block_links_the_current_filters(client, agenda, make_event, settings):
    from bs4 import BeautifulSoup

    response = client.get(agenda.url, {"type": "webinar", "attendance_mode": "online", "page": "2"})
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in soup.select(".agenda-subscribe a")]
    ical = settings.PUBLIC_BASE_URL + "/agenda/ical/?type=webinar&attendance_mode=online"
    assert links[0] == "webcal://" + ical.split("://", 1)[1]
    assert links[1] == ical
    assert links[2] == "/agenda/rss/?type=webinar&attendance_mode=online"
    # The period tabs keep the filters too, without the page number.
    tabs = [a["href"] for a in soup.select(".agenda-tabs a")]
    assert tabs[:2] == [
        "/agenda/?type=webinar&attendance_mode=online",
        "/agenda/archief/?type=webinar&attendance_mode=online",
    ]
    # Without filters: the whole agenda.
    soup = BeautifulSoup(client.get(agenda.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".agenda-subscribe a")]
    assert links[0] == "webcal://" + settings.PUBLIC_BASE_URL.split("://", 1)[1] + "/agenda/ical/"
    assert links[1] == settings.PUBLIC_BASE_URL + "/agenda/ical/"


@pytest.mark.django_db
def test_feed_links_are_public_addresses(client, agenda, make_event, settings):
    event = make_event(title="Seminar", start_date=TODAY + datetime.timedelta(days=3))
    expected = settings.PUBLIC_BASE_URL + event.url
    (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
    assert str(vevent["URL"]) == expected
    root = ET.fromstring(client.get(agenda.url + "rss/").content)
    assert root.find("./channel/link").text == settings.PUBLIC_BASE_URL + agenda.url
    assert [item.find("link").text for item in root.findall("./channel/item")] == [expected]


@pytest.mark.django_db
def test_feeds_carry_the_feed_cache_preset(client, agenda, make_event, settings):
    event = make_event(start_date=TODAY + datetime.timedelta(days=3))
    max_age = settings.CACHE_CONTROL_PRESETS["feed"]["max_age"]
    for url in (agenda.url + "ical/", agenda.url + "rss/", event.url + "ical/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control and f"max-age={max_age}" in cache_control, url


def _by_uid(calendar):
    vevents = calendar.walk("VEVENT")
    uids = [str(v["UID"]) for v in vevents]
    return {str(v["UID"]): v for v in vevents}, uids


@pytest.mark.django_db
@pytest.mark.parametrize("feed", ["agenda", "event"])
def test_subscribed_calendars_keep_every_uid_through_a_new_time_a_cancellation_and_a_move(
    client, agenda, make_event, feed
):
    first = TODAY + datetime.timedelta(days=10)
    event = make_event(
        title="Leesclub",
        recurrence=Recurrence.WEEKLY,
        recurrence_count=5,
        start_date=first,
        start_time=datetime.time(19),
        end_time=datetime.time(20, 30),
    )
    url = (agenda.url if feed == "agenda" else event.url) + "ical/"
    before, _uids = _by_uid(_calendar(client, url))
    assert len(before) == 5
    (sequence,) = {int(v["SEQUENCE"]) for v in before.values()}

    # The series moves to 20:00, the second date is cancelled, the third moves a day later.
    event.start_time, event.end_time = datetime.time(20), datetime.time(21, 30)
    cancelled_day, moved_day = first + datetime.timedelta(days=7), first + datetime.timedelta(days=14)
    event.exception_dates.create(date=cancelled_day)
    event.exception_dates.create(date=moved_day, moved_to_date=moved_day + datetime.timedelta(days=1))
    event.save_revision().publish()

    after, uids = _by_uid(_calendar(client, url))
    assert len(uids) == len(set(uids)) == 5  # each UID once: nothing duplicated, nothing new
    assert set(after) == set(before)
    assert {int(v["SEQUENCE"]) for v in after.values()} == {sequence + 1}

    def local(vevent, name="DTSTART"):
        return vevent.decoded(name).replace(tzinfo=None)

    statuses = {}
    for uid, vevent in after.items():
        old_start = local(before[uid])
        statuses[old_start.date()] = str(vevent["STATUS"])
        if old_start.date() == cancelled_day:
            assert str(vevent["STATUS"]) == "CANCELLED"
            assert "RECURRENCE-ID" not in vevent
        elif old_start.date() == moved_day:
            assert local(vevent) == datetime.datetime.combine(
                moved_day + datetime.timedelta(days=1), datetime.time(20)
            )
            assert local(vevent, "RECURRENCE-ID") == datetime.datetime.combine(moved_day, datetime.time(20))
            assert vevent["RECURRENCE-ID"].params["TZID"] == "Europe/Amsterdam"
        else:
            assert local(vevent) == datetime.datetime.combine(old_start.date(), datetime.time(20))
            assert "RECURRENCE-ID" not in vevent
    assert sorted(statuses.values()) == ["CANCELLED"] + ["CONFIRMED"] * 4

    # The cancelled date is restored: its UID is an ordinary occurrence again, still once.
    from agenda.models import EventExceptionDate, EventPage

    EventExceptionDate.objects.filter(event=event, date=cancelled_day).delete()
    EventPage.objects.get(pk=event.pk).save_revision().publish()
    restored, uids = _by_uid(_calendar(client, url))
    assert len(uids) == len(set(uids)) == 5
    assert {str(v["STATUS"]) for v in restored.values()} == {"CONFIRMED"}
    assert {int(v["SEQUENCE"]) for v in restored.values()} == {sequence + 2}


@pytest.mark.django_db
def test_a_shortened_series_cancels_the_dates_it_dropped_and_the_site_no_longer_lists_them(
    client, agenda, make_event
):
    event = make_event(
        title="Netwerkochtend",
        recurrence=Recurrence.WEEKLY,
        recurrence_count=4,
        start_date=TODAY + datetime.timedelta(days=3),
    )
    before, _ = _by_uid(_calendar(client, event.url + "ical/"))
    event.recurrence_count = 2
    event.save_revision().publish()
    after, uids = _by_uid(_calendar(client, event.url + "ical/"))
    assert set(after) == set(before) and len(uids) == 4
    assert sorted(str(v["STATUS"]) for v in after.values()) == [
        "CANCELLED",
        "CANCELLED",
        "CONFIRMED",
        "CONFIRMED",
    ]
    # Cancelled dates live beside the occurrences: listings, the API and the event page show two.
    assert event.occurrences.count() == 2
    body = client.get(f"/api/v1/events/{event.pk}/").json()
    assert len(body["occurrences"]) == 2


@pytest.mark.django_db
def test_a_moved_date_says_where_it_was_in_the_api_and_a_new_time_needs_a_new_date(
    client, agenda, make_event
):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from agenda.models import EventExceptionDate, EventPage

    first = TODAY + datetime.timedelta(days=5)
    event = make_event(
        recurrence=Recurrence.WEEKLY,
        recurrence_count=2,
        start_date=first,
        start_time=datetime.time(19),
        end_time=datetime.time(20),
    )
    second = first + datetime.timedelta(days=7)
    EventExceptionDate.objects.create(
        event=event, date=second, moved_to_date=second, moved_to_time=datetime.time(14)
    )
    EventPage.objects.get(pk=event.pk).save_revision().publish()
    occurrences = client.get(f"/api/v1/events/{event.pk}/").json()["occurrences"]
    assert [o["moved_from"] for o in occurrences][0] is None
    assert occurrences[1]["start"].startswith(f"{second.isoformat()}T14:00")
    assert occurrences[1]["moved_from"].startswith(f"{second.isoformat()}T19:00")

    event = EventPage.objects.get(pk=event.pk)
    event.exception_dates = [EventExceptionDate(date=second, moved_to_time=datetime.time(14))]
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    with translation.override("en"):
        assert "new date" in str(raised.value.message_dict["exception_dates"])


@pytest.mark.django_db
def test_line_breaks_written_around_the_models_still_give_one_line_properties(client, agenda, make_event):
    from agenda.models import EventPage

    event = make_event(title="Lezing", venue_name="Zaal")
    EventPage.objects.filter(pk=event.pk).update(title="Lezing\nX-INJECTED:ja", venue_name="Zaal\r\nB")
    response = client.get(agenda.url + "ical/")
    assert response.status_code == 200
    lines = response.content.decode().split("\r\n")
    assert not any(line.startswith("X-INJECTED") for line in lines)
    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Lezing X-INJECTED:ja"


@pytest.mark.django_db
def test_kept_vevents_follow_their_organiser_and_event(client, agenda, make_event, settings):
    settings.PAGE_CACHE_ENABLED = False  # the VEVENTs kept inside the feed, not the whole response
    organiser = OrganisationFactory(name="Erfgoedpartner (demo)", email="info@partner.example")
    event = make_event(title="Netwerkdag", organiser=organiser, start_date=TODAY + datetime.timedelta(days=5))
    for _ in range(2):  # serialised, then read back from the cache
        (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
        assert vevent["ORGANIZER"].params["CN"] == "Erfgoedpartner (demo)"
    organiser.name = "Erfgoedpartner Noord (demo)"
    organiser.save()
    (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
    assert vevent["ORGANIZER"].params["CN"] == "Erfgoedpartner Noord (demo)"
    event.title = "Netwerkdag Noord"
    event.save_revision().publish()
    (vevent,) = _calendar(client, agenda.url + "ical/").walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Netwerkdag Noord"


@pytest.mark.django_db
def test_a_kept_agenda_calendar_loads_only_the_keys_of_its_occurrences(client, agenda, make_event, settings):
    """The agenda's feed reads its occurrences with the key fields only; the whole rows (event,
    organiser, venue) are loaded for the VEVENTs not kept, and the bytes are the same."""
    settings.PAGE_CACHE_ENABLED = False
    organiser = OrganisationFactory(name="Organisator zeldzaam", email="info@example.org")
    for days in (3, 5, 8):
        make_event(
            title=f"Activiteit {days}", start_date=TODAY + datetime.timedelta(days=days), organiser=organiser
        )
    url = agenda.url + "ical/"
    first = client.get(url).content
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url).content
    assert second == first and b"Organisator zeldzaam" in second
    organisation_table = OrganisationFactory._meta.model._meta.db_table
    occurrence_reads = [q["sql"] for q in queries.captured_queries if '"agenda_eventoccurrence"' in q["sql"]]
    assert occurrence_reads, "the feed reads its occurrences"
    assert not any(organisation_table in sql for sql in occurrence_reads)
    assert all('"agenda_eventpage"."intro"' not in sql for sql in occurrence_reads)
