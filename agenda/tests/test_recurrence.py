"""Expanding events into occurrences: recurrence rules, DST, exception dates, sessions, horizon."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from agenda.choices import Recurrence
from agenda.recurrence import MAX_OCCURRENCES, expand

AMS = ZoneInfo("Europe/Amsterdam")
T = datetime.time


def _expand(**kwargs):
    values = {
        "start_date": datetime.date(2026, 3, 12),
        "start_time": T(19, 0),
        "end_date": None,
        "end_time": T(20, 30),
        "all_day": False,
        "tz_name": "Europe/Amsterdam",
        "today": datetime.date(2026, 3, 1),
    }
    values.update(kwargs)
    return expand(**values)


def test_a_single_event_has_one_occurrence():
    (slot,) = _expand()
    assert slot.start == datetime.datetime(2026, 3, 12, 19, 0, tzinfo=AMS)
    assert slot.end - slot.start == datetime.timedelta(minutes=90)


def test_weekly_events_keep_their_local_time_across_daylight_saving():
    # Summer time starts on 29 March 2026: 19:00 local stays 19:00, the UTC offset changes.
    slots = _expand(recurrence=Recurrence.WEEKLY, count=4)
    local = [s.start.astimezone(AMS) for s in slots]
    assert [d.date().isoformat() for d in local] == ["2026-03-12", "2026-03-19", "2026-03-26", "2026-04-02"]
    assert {d.time() for d in local} == {T(19, 0)}
    assert [d.utcoffset().total_seconds() / 3600 for d in local] == [1, 1, 1, 2]
    assert all(s.end - s.start == datetime.timedelta(minutes=90) for s in slots)


def test_autumn_change_and_a_wall_time_that_does_not_exist():
    slots = _expand(
        start_date=datetime.date(2026, 10, 18),
        recurrence=Recurrence.WEEKLY,
        count=2,
        today=datetime.date(2026, 10, 1),
    )
    assert [s.start.utcoffset().total_seconds() / 3600 for s in slots] == [2, 1]
    # 02:30 on 29 March 2026 does not exist in Amsterdam: it is moved forward, not lost.
    (slot,) = _expand(start_date=datetime.date(2026, 3, 29), start_time=T(2, 30), end_time=T(4, 0))
    assert slot.start.astimezone(AMS).hour == 3


def test_exception_dates_are_left_out():
    slots = _expand(recurrence=Recurrence.WEEKLY, count=4, exceptions=[datetime.date(2026, 3, 19)])
    assert [s.start.date().isoformat() for s in slots] == ["2026-03-12", "2026-03-26", "2026-04-02"]


def test_until_is_inclusive_and_interval_skips():
    slots = _expand(recurrence=Recurrence.WEEKLY, interval=2, until=datetime.date(2026, 4, 9))
    assert [s.start.date().isoformat() for s in slots] == ["2026-03-12", "2026-03-26", "2026-04-09"]


def test_monthly_on_the_same_date_and_on_the_same_weekday():
    same_date = _expand(recurrence=Recurrence.MONTHLY, count=3)
    assert [s.start.date().isoformat() for s in same_date] == ["2026-03-12", "2026-04-12", "2026-05-12"]
    # 12 March 2026 is the second Thursday: so are 9 April and 14 May.
    weekday = _expand(recurrence=Recurrence.MONTHLY_WEEKDAY, count=3)
    assert [s.start.date().isoformat() for s in weekday] == ["2026-03-12", "2026-04-09", "2026-05-14"]


def test_open_ended_rules_stop_at_the_horizon(settings):
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 60
    slots = _expand(recurrence=Recurrence.WEEKLY)
    assert slots[-1].start.date() <= datetime.date(2026, 3, 1) + datetime.timedelta(days=60)
    assert len(slots) == 8
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 100_000
    assert len(_expand(recurrence=Recurrence.WEEKLY)) == MAX_OCCURRENCES


def test_sessions_are_added_with_their_titles():
    slots = _expand(
        sessions=[
            (datetime.date(2026, 3, 19), T(10, 0), T(16, 0), "Dag 2"),
            (datetime.date(2026, 3, 5), T(10, 0), T(12, 0), ""),
        ]
    )
    assert [(s.start.date().isoformat(), s.title) for s in slots] == [
        ("2026-03-05", ""),
        ("2026-03-12", ""),
        ("2026-03-19", "Dag 2"),
    ]


def test_all_day_events_end_exclusively_the_day_after():
    (slot,) = _expand(start_time=None, end_time=None, all_day=True, end_date=datetime.date(2026, 3, 13))
    assert slot.start == datetime.datetime(2026, 3, 12, tzinfo=AMS)
    assert slot.end == datetime.datetime(2026, 3, 14, tzinfo=AMS)
    assert slot.key == "20260312"


def test_caribbean_events_use_their_own_zone():
    (slot,) = _expand(tz_name="America/Kralendijk")
    assert slot.start.utcoffset() == datetime.timedelta(hours=-4)
    assert slot.start.astimezone(AMS).hour == 0  # 19:00 in Bonaire is midnight in Amsterdam (winter)


@pytest.mark.django_db
def test_saving_writes_occurrences_and_bumps_the_sequence_on_changes(make_event, soon):
    event = make_event(title="Leesclub", recurrence=Recurrence.WEEKLY, recurrence_count=5, start_date=soon)
    assert event.occurrences.count() == 5
    uids = set(event.occurrences.values_list("uid", flat=True))
    assert len(uids) == 5 and all(str(event.ical_uid) in uid for uid in uids)
    assert event.ical_sequence == 0

    event.save_revision().publish()  # no change: same sequence, same UIDs
    event.refresh_from_db()
    assert event.ical_sequence == 0
    assert set(event.occurrences.values_list("uid", flat=True)) == uids

    event.recurrence_count = 3
    event.exception_dates.create(date=soon + datetime.timedelta(days=7))
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 1
    assert event.occurrences.count() == 2
    assert set(event.occurrences.values_list("uid", flat=True)) < uids  # the remaining ones kept their UID


@pytest.mark.django_db
def test_refresh_command_extends_recurring_events(make_event, soon, settings):
    from django.core.management import call_command

    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 30
    event = make_event(recurrence=Recurrence.WEEKLY, start_date=soon)
    before = event.occurrences.count()
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 90
    call_command("refresh_event_occurrences", verbosity=0, stdout=__import__("io").StringIO())
    assert event.occurrences.count() > before


def test_keys_follow_the_original_date_through_a_new_time_and_a_move():
    from agenda.recurrence import DateChange

    at_seven = _expand(recurrence=Recurrence.WEEKLY, count=3)
    at_eight = _expand(
        recurrence=Recurrence.WEEKLY,
        count=3,
        start_time=T(20, 0),
        end_time=T(21, 30),
        exceptions=[DateChange(datetime.date(2026, 3, 19), datetime.date(2026, 3, 21), T(10, 0))],
    )
    assert [s.key for s in at_seven] == [s.key for s in at_eight] == ["20260312", "20260319", "20260326"]
    moved = at_eight[1]
    assert moved.start == datetime.datetime(2026, 3, 21, 10, 0, tzinfo=AMS)
    assert moved.end - moved.start == datetime.timedelta(minutes=90)
    assert moved.original_start == datetime.datetime(2026, 3, 19, 20, 0, tzinfo=AMS)
    assert at_eight[0].original_start is None and at_eight[2].original_start is None


def test_a_move_without_a_time_keeps_the_series_time_and_a_session_at_an_occurrence_is_that_occurrence():
    from agenda.recurrence import DateChange

    (slot,) = [
        s
        for s in _expand(
            recurrence=Recurrence.WEEKLY,
            count=2,
            exceptions=[DateChange(datetime.date(2026, 3, 19), datetime.date(2026, 3, 20))],
        )
        if s.original_start
    ]
    assert slot.start == datetime.datetime(2026, 3, 20, 19, 0, tzinfo=AMS)
    slots = _expand(
        sessions=[
            (datetime.date(2026, 3, 12), T(19, 0), T(20, 30), "Dag 1"),
            (datetime.date(2026, 3, 13), T(10, 0), T(12, 0), "Dag 2"),
        ]
    )
    assert [(s.key, s.title) for s in slots] == [("20260312", "Dag 1"), ("20260313T1000", "Dag 2")]


@pytest.mark.django_db
def test_refreshed_occurrences_reach_cached_pages_and_feeds(make_event, soon, settings, client):
    """The refresh writes occurrences without a publish: what shows them must not stay cached."""
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 30
    event = make_event(recurrence=Recurrence.WEEKLY, start_date=soon)
    feed = event.url + event.reverse_subpage("ical")
    listing = f"/api/v1/events/?limit=100&locale={event.locale.language_code}"
    before = client.get(feed).content.count(b"BEGIN:VEVENT")
    listed = client.get(listing).json()["count"]
    assert client.get(feed)["X-Cache"] == "hit"
    settings.AGENDA_RECURRENCE_HORIZON_DAYS = 90
    call_command("refresh_event_occurrences", verbosity=0, stdout=io.StringIO())
    assert client.get(feed).content.count(b"BEGIN:VEVENT") > before
    assert client.get(listing).json()["count"] > listed
