"""Opening hours as data, answered in the museum's own time zone.

A schedule is a set of weekly ranges (several per weekday allowed) plus dated exceptions. All
times are wall-clock times of the museum's zone, so a museum that opens at 10:00 opens at 10:00
local time on both sides of a daylight-saving change.

Rules (the SQL filter in ``museums.queries`` implements the same ones):

- On a date with no applicable exception, the weekly ranges of that weekday hold.
- An exception applies on the dates ``start..end`` (inclusive), optionally only on one weekday.
  If several apply, the most specific one wins: the shortest date range. Rows with that same
  range together give the day's ranges; if one of them is "closed", the museum is closed.
- A range may run past midnight (``closes_next_day``): it belongs to the day it starts on and
  keeps the museum open until ``closes`` the next morning.

This module is pure Python (no Django), so it is easy to test against a table of cases.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MIDNIGHT = time(0, 0)
SEARCH_DAYS = 400  # how far ``next_opening`` looks ahead
EXCEPTIONS_AHEAD_DAYS = 366  # how far ahead dated exceptions are published (API, JSON-LD)


@dataclass(frozen=True)
class TimeRange:
    opens: time
    closes: time
    closes_next_day: bool = False

    def contains(self, moment):
        """Whether a wall-clock time on the range's own day falls inside it."""
        return self.opens <= moment and (self.closes_next_day or moment < self.closes)

    def spill_contains(self, moment):
        """Whether a wall-clock time on the *next* day falls inside the part after midnight."""
        return self.closes_next_day and moment < self.closes

    def __str__(self):
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"


@dataclass(frozen=True)
class WeeklyRange:
    weekday: int  # Monday = 0
    opens: time
    closes: time
    closes_next_day: bool = False

    @property
    def range(self):
        return TimeRange(self.opens, self.closes, self.closes_next_day)


@dataclass(frozen=True)
class DatedException:
    start: date
    end: date
    weekday: int | None = None
    closed: bool = False
    opens: time | None = None
    closes: time | None = None
    closes_next_day: bool = False
    label: str = ""

    def applies(self, day):
        return self.start <= day <= self.end and (self.weekday is None or self.weekday == day.weekday())

    @property
    def span(self):
        return (self.end - self.start).days

    @property
    def range(self):
        return None if self.closed else TimeRange(self.opens, self.closes, self.closes_next_day)


@dataclass(frozen=True)
class DayHours:
    """A date's opening ranges after exceptions are applied."""

    date: date
    ranges: tuple = ()
    exception: bool = False  # whether an exception decided this day
    label: str = ""

    @property
    def is_closed(self):
        return not self.ranges


@dataclass
class Schedule:
    weekly: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    timezone: str = "Europe/Amsterdam"

    def __post_init__(self):
        self.tz = ZoneInfo(self.timezone)
        self._by_weekday = {}
        for item in self.weekly:
            self._by_weekday.setdefault(item.weekday, []).append(item.range)
        for ranges in self._by_weekday.values():
            ranges.sort(key=lambda r: r.opens)

    # --- questions ------------------------------------------------------------------

    def hours_on(self, day):
        """The ranges of a date (a ``DayHours``), exceptions applied."""
        applicable = [e for e in self.exceptions if e.applies(day)]
        if not applicable:
            return DayHours(day, tuple(self._by_weekday.get(day.weekday(), ())))
        narrowest = min(e.span for e in applicable)
        winners = [e for e in applicable if e.span == narrowest]
        label = next((e.label for e in winners if e.label), "")
        if any(e.closed for e in winners):
            return DayHours(day, (), exception=True, label=label)
        ranges = tuple(sorted((e.range for e in winners), key=lambda r: r.opens))
        return DayHours(day, ranges, exception=True, label=label)

    def week(self, start, days=7):
        return [self.hours_on(start + timedelta(days=n)) for n in range(days)]

    def local(self, at):
        if at.tzinfo is None:
            raise ValueError("Give an aware datetime: a naive time is ambiguous across zones.")
        return at.astimezone(self.tz)

    def is_open(self, at):
        """Whether the museum is open at an aware datetime."""
        local = self.local(at)
        moment = local.time().replace(tzinfo=None)
        today = local.date()
        if any(r.contains(moment) for r in self.hours_on(today).ranges):
            return True
        return any(r.spill_contains(moment) for r in self.hours_on(today - timedelta(days=1)).ranges)

    def is_open_on(self, day):
        """Whether the museum opens at some time on a date."""
        return not self.hours_on(day).is_closed

    def next_opening(self, after):
        """The next moment (aware, in the museum's zone) at or after ``after`` when a range
        starts, or ``None`` when nothing opens within ``SEARCH_DAYS``."""
        local = self.local(after)
        for offset in range(SEARCH_DAYS):
            day = local.date() + timedelta(days=offset)
            for item in self.hours_on(day).ranges:
                start = wall_clock(day, item.opens, self.tz)
                if start >= after:
                    return start
        return None


# --- shapes shared by the API and the JSON-LD ------------------------------------------------


def hhmm(moment):
    """A wall-clock time as ``HH:MM``."""
    return moment.strftime("%H:%M")


def range_data(item):
    return {"opens": hhmm(item.opens), "closes": hhmm(item.closes), "closes_next_day": item.closes_next_day}


def day_hours_data(day):
    """A ``DayHours`` as plain data."""
    return {
        "date": day.date,
        "closed": day.is_closed,
        "ranges": [range_data(item) for item in day.ranges],
        "exception": day.exception,
        "label": day.label,
    }


def is_ahead(start, end, today, days=EXCEPTIONS_AHEAD_DAYS):
    """Whether an exception from ``start`` to ``end`` is still to come or running on ``today``
    and starts within ``days``: the exceptions worth publishing."""
    return end >= today and (start - today).days <= days


def wall_clock(day, moment, tz):
    """The aware datetime of a wall-clock time; a time skipped by DST moves past the gap."""
    naive = datetime.combine(day, moment)
    aware = naive.replace(tzinfo=tz)
    # A time in the spring-forward gap does not survive a round trip through UTC.
    roundtrip = aware.astimezone(ZoneInfo("UTC")).astimezone(tz)
    if roundtrip.replace(tzinfo=None) != naive:
        return roundtrip
    return aware


# --- validation (shared by the models and the admin form) --------------------------------


def range_problem(opens, closes, closes_next_day):
    """A readable problem with one range, or ``None``."""
    if closes_next_day:
        if closes > opens:
            return "A range past midnight must close the next day before it opened (e.g. 20:00–01:00)."
        return None
    if closes <= opens:
        return "The closing time must be after the opening time (tick 'closes after midnight' for late openings)."
    return None


def _minutes(moment):
    return moment.hour * 60 + moment.minute


def _week_interval(item):
    start = item.weekday * 1440 + _minutes(item.opens)
    end = item.weekday * 1440 + _minutes(item.closes) + (1440 if item.closes_next_day else 0)
    return start, end


def weekly_overlaps(items):
    """Index pairs of weekly ranges that overlap (also across midnight and Sunday→Monday)."""
    week = 7 * 1440
    intervals = [_week_interval(item) for item in items]
    pairs = []
    for i, (a_start, a_end) in enumerate(intervals):
        for j in range(i + 1, len(intervals)):
            b_start, b_end = intervals[j]
            for shift in (-week, 0, week):
                if a_start < b_end + shift and b_start + shift < a_end:
                    pairs.append((i, j))
                    break
    return pairs


def exception_overlaps(items):
    """Index pairs of open exception rows for the same dates whose times overlap."""
    pairs = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.closed or b.closed or (a.start, a.end, a.weekday) != (b.start, b.end, b.weekday):
                continue
            a_end = _minutes(a.closes) + (1440 if a.closes_next_day else 0)
            b_end = _minutes(b.closes) + (1440 if b.closes_next_day else 0)
            if _minutes(a.opens) < b_end and _minutes(b.opens) < a_end:
                pairs.append((i, j))
    return pairs
