"""The opening-hours module against a table of cases (DST, holidays, past midnight, Caribbean)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from museums.opening_hours import (
    DatedException,
    Schedule,
    WeeklyRange,
    exception_overlaps,
    range_problem,
    weekly_overlaps,
)

AMS = ZoneInfo("Europe/Amsterdam")
BON = ZoneInfo("America/Kralendijk")
UTC = ZoneInfo("UTC")


def week(opens=time(10), closes=time(17), days=range(1, 7)):
    return [WeeklyRange(day, opens, closes) for day in days]


# Tuesday–Sunday 10–17; Thursday also 19–22; closed Christmas Day; Mondays in the 2026 autumn holiday
# (12–25 Oct) open 11–16; Museumnacht (Sat 7 Nov 2026) 19:00–01:00; summer hours 9–18 in July–August,
# with 1 August closed (a more specific exception wins).
SCHEDULE = Schedule(
    weekly=[*week(), WeeklyRange(3, time(19), time(22))],
    exceptions=[
        DatedException(date(2026, 12, 25), date(2026, 12, 25), closed=True, label="Eerste Kerstdag"),
        DatedException(
            date(2026, 10, 12),
            date(2026, 10, 25),
            weekday=0,
            opens=time(11),
            closes=time(16),
            label="Herfstvakantie",
        ),
        DatedException(date(2026, 11, 7), date(2026, 11, 7), opens=time(10), closes=time(17)),
        DatedException(
            date(2026, 11, 7),
            date(2026, 11, 7),
            opens=time(19),
            closes=time(1),
            closes_next_day=True,
            label="Museumnacht",
        ),
        DatedException(date(2026, 7, 1), date(2026, 8, 31), opens=time(9), closes=time(18), label="Zomer"),
        DatedException(date(2026, 8, 1), date(2026, 8, 1), closed=True, label="Verbouwing"),
    ],
    timezone="Europe/Amsterdam",
)


def ams(*args):
    return datetime(*args, tzinfo=AMS)


IS_OPEN_CASES = [
    # (local time, expected, why)
    (ams(2026, 11, 24, 9, 59), False, "before opening on a Tuesday"),
    (ams(2026, 11, 24, 10, 0), True, "opening minute is open"),
    (ams(2026, 11, 24, 16, 59), True, "last minute"),
    (ams(2026, 11, 24, 17, 0), False, "closing time is closed"),
    (ams(2026, 11, 23, 12, 0), False, "closed on Monday"),
    (ams(2026, 11, 26, 18, 0), False, "Thursday gap between ranges"),
    (ams(2026, 11, 26, 20, 0), True, "Thursday evening range"),
    (ams(2026, 12, 25, 12, 0), False, "Christmas Day exception, a Friday"),
    (ams(2026, 12, 26, 12, 0), True, "Boxing Day as usual"),
    (ams(2026, 10, 19, 12, 0), True, "Monday in the autumn holiday"),
    (ams(2026, 10, 19, 16, 30), False, "autumn holiday Monday closes at 16"),
    (ams(2026, 10, 20, 12, 0), True, "Tuesday in the holiday keeps weekly hours"),
    (ams(2026, 11, 7, 23, 30), True, "Museumnacht past 23:00"),
    (ams(2026, 11, 8, 0, 30), True, "Museumnacht after midnight, on Sunday"),
    (ams(2026, 11, 8, 1, 0), False, "Museumnacht over at 01:00"),
    (ams(2026, 11, 7, 18, 0), False, "gap between the two Museumnacht-day ranges"),
    (ams(2026, 7, 6, 9, 30), True, "summer hours open a Monday at 9:30"),
    (ams(2026, 8, 1, 12, 0), False, "a single closed day beats the summer range"),
    # DST: clocks go back on Sunday 25 Oct 2026, forward on Sunday 29 Mar 2026.
    (datetime(2026, 10, 25, 9, 0, tzinfo=UTC), True, "10:00 CET after the change back"),
    (datetime(2026, 10, 25, 8, 30, tzinfo=UTC), False, "09:30 CET after the change back"),
    (datetime(2026, 3, 29, 8, 0, tzinfo=UTC), True, "10:00 CEST after the change forward"),
    (datetime(2026, 3, 29, 7, 30, tzinfo=UTC), False, "09:30 CEST after the change forward"),
    (datetime(2026, 3, 29, 14, 59, tzinfo=UTC), True, "16:59 CEST"),
    (datetime(2026, 3, 29, 15, 0, tzinfo=UTC), False, "17:00 CEST closes"),
]


@pytest.mark.parametrize(("at", "expected", "why"), IS_OPEN_CASES, ids=[c[2] for c in IS_OPEN_CASES])
def test_is_open(at, expected, why):
    assert SCHEDULE.is_open(at) is expected, why


HOURS_ON_CASES = [
    (date(2026, 11, 23), [], False),
    (date(2026, 11, 26), [(time(10), time(17)), (time(19), time(22))], False),
    (date(2026, 12, 25), [], True),
    (date(2026, 10, 12), [(time(11), time(16))], True),
    (date(2026, 11, 7), [(time(10), time(17)), (time(19), time(1))], True),
    (date(2026, 8, 1), [], True),
    (date(2026, 8, 2), [(time(9), time(18))], True),
]


@pytest.mark.parametrize(("day", "ranges", "exception"), HOURS_ON_CASES)
def test_hours_on(day, ranges, exception):
    hours = SCHEDULE.hours_on(day)
    assert [(r.opens, r.closes) for r in hours.ranges] == ranges
    assert hours.exception is exception
    assert hours.is_closed is (not ranges)


def test_hours_on_labels_the_exception():
    assert SCHEDULE.hours_on(date(2026, 12, 25)).label == "Eerste Kerstdag"
    assert SCHEDULE.hours_on(date(2026, 11, 7)).label == "Museumnacht"


NEXT_OPENING_CASES = [
    (ams(2026, 11, 23, 12, 0), ams(2026, 11, 24, 10, 0), "Monday → Tuesday 10:00"),
    (ams(2026, 11, 24, 10, 0), ams(2026, 11, 24, 10, 0), "at the opening minute"),
    (ams(2026, 11, 24, 11, 0), ams(2026, 11, 25, 10, 0), "while open: the next start"),
    (ams(2026, 11, 26, 18, 0), ams(2026, 11, 26, 19, 0), "the evening range"),
    (ams(2026, 12, 24, 22, 0), ams(2026, 12, 26, 10, 0), "skips Christmas Day (a Friday)"),
    (ams(2026, 7, 31, 19, 0), ams(2026, 8, 2, 9, 0), "skips the closed day in summer"),
]


@pytest.mark.parametrize(
    ("after", "expected", "why"), NEXT_OPENING_CASES, ids=[c[2] for c in NEXT_OPENING_CASES]
)
def test_next_opening(after, expected, why):
    assert SCHEDULE.next_opening(after) == expected, why


def test_next_opening_across_dst_keeps_wall_clock_time():
    # Saturday 24 Oct 2026 after closing: next opening is Sunday 10:00 CET (UTC+1) = 09:00 UTC.
    result = SCHEDULE.next_opening(ams(2026, 10, 24, 18, 0))
    assert result == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert result.utcoffset().total_seconds() == 3600


def test_next_opening_is_none_without_hours():
    assert Schedule(weekly=[], timezone="Europe/Amsterdam").next_opening(ams(2026, 1, 1)) is None


def test_caribbean_zone_is_utc_minus_four_all_year():
    schedule = Schedule(
        weekly=[WeeklyRange(d, time(9), time(17)) for d in range(7)], timezone="America/Kralendijk"
    )
    # 13:30 UTC is 09:30 on Bonaire (open) but 14:30/15:30 in Amsterdam.
    assert schedule.is_open(datetime(2026, 1, 15, 13, 30, tzinfo=UTC))
    assert schedule.is_open(datetime(2026, 7, 15, 13, 30, tzinfo=UTC))
    assert not schedule.is_open(datetime(2026, 7, 15, 21, 0, tzinfo=UTC))  # 17:00 on Bonaire
    # 23:00 on 31 Dec in Bonaire is already 1 Jan in UTC: the local date decides.
    assert schedule.local(datetime(2027, 1, 1, 3, 0, tzinfo=UTC)).date() == date(2026, 12, 31)
    assert schedule.next_opening(datetime(2026, 7, 15, 21, 0, tzinfo=UTC)) == datetime(
        2026, 7, 16, 9, 0, tzinfo=BON
    )


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        SCHEDULE.is_open(datetime(2026, 11, 24, 12, 0))


def test_weekly_range_past_midnight_spills_into_next_day():
    schedule = Schedule(weekly=[WeeklyRange(5, time(20), time(2), closes_next_day=True)])
    assert schedule.is_open(ams(2026, 11, 28, 23, 0))  # Saturday
    assert schedule.is_open(ams(2026, 11, 29, 1, 59))  # Sunday morning
    assert not schedule.is_open(ams(2026, 11, 29, 2, 0))
    assert not schedule.is_open(ams(2026, 11, 30, 1, 0))  # Monday morning: nothing on Sunday evening


def test_week_applies_exceptions():
    days = SCHEDULE.week(date(2026, 12, 21))
    assert [d.date for d in days] == [date(2026, 12, 21 + n) for n in range(7)]
    assert days[4].is_closed and days[4].label == "Eerste Kerstdag"
    assert days[0].is_closed  # a Monday
    assert not days[5].is_closed


@pytest.mark.parametrize(
    ("opens", "closes", "next_day", "ok"),
    [
        (time(10), time(17), False, True),
        (time(17), time(10), False, False),
        (time(10), time(10), False, False),
        (time(20), time(1), True, True),
        (time(20), time(0), True, True),
        (time(10), time(17), True, False),
    ],
)
def test_range_problem(opens, closes, next_day, ok):
    assert (range_problem(opens, closes, next_day) is None) is ok


def test_weekly_overlaps():
    items = [
        WeeklyRange(1, time(10), time(13)),
        WeeklyRange(1, time(12), time(17)),  # overlaps the first
        WeeklyRange(1, time(13), time(17)),  # touches the first: fine, overlaps the second
        WeeklyRange(6, time(22), time(1), closes_next_day=True),  # Sunday night into Monday
        WeeklyRange(0, time(0, 30), time(2)),  # Monday early: overlaps the spill
    ]
    assert weekly_overlaps(items) == [(0, 1), (1, 2), (3, 4)]


def test_exception_overlaps_only_for_the_same_dates():
    a = DatedException(date(2026, 1, 1), date(2026, 1, 1), opens=time(10), closes=time(14))
    b = DatedException(date(2026, 1, 1), date(2026, 1, 1), opens=time(13), closes=time(17))
    c = DatedException(date(2026, 1, 2), date(2026, 1, 2), opens=time(13), closes=time(17))
    assert exception_overlaps([a, b, c]) == [(0, 1)]
