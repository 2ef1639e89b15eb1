"""Expanding an event into occurrences: its main date, hand-entered sessions and a recurrence rule.

All arithmetic happens on local wall-clock times in the event's time zone and is only then
made aware, so a weekly 19:00 book club stays at 19:00 across daylight-saving changes.
Rules are expanded up to a bounded horizon (``AGENDA_RECURRENCE_HORIZON_DAYS`` from today) and
at most ``MAX_OCCURRENCES`` per event.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.utils import timezone

from .choices import Recurrence

MAX_OCCURRENCES = 500


@dataclass(frozen=True)
class Slot:
    """One occurrence: aware start and (exclusive) end, and a stable key for its iCal UID.

    The key of the main date and of a rule's occurrences is their original local date
    (``YYYYMMDD``): it survives a change of the series' time and a move of the one occurrence.
    A moved occurrence keeps the key and carries ``original_start``, the start the rule gave it
    (iCalendar's ``RECURRENCE-ID``). Sessions, entered by hand, are keyed by date and time."""

    start: datetime
    end: datetime
    all_day: bool
    key: str
    title: str = ""
    original_start: datetime | None = None


@dataclass(frozen=True)
class DateChange:
    """A date on which a rule's occurrence does not take place, or (``moved_to_date``) moves to."""

    date: date
    moved_to_date: date | None = None
    moved_to_time: time | None = None


def make_aware(local, tz_name):
    """A naive local datetime in ``tz_name`` as an aware datetime (DST gaps move forward)."""
    zone = ZoneInfo(tz_name)
    aware = local.replace(tzinfo=zone)
    # A wall time inside a spring-forward gap does not exist: normalise it through UTC.
    return aware.astimezone(ZoneInfo("UTC")).astimezone(zone)


def _date_key(local_start):
    return local_start.strftime("%Y%m%d")


def _key(local_start, all_day):
    return _date_key(local_start) if all_day else local_start.strftime("%Y%m%dT%H%M")


def local_bounds(start_date, start_time, end_date, end_time, all_day):
    """Naive local start and exclusive end of one slot."""
    end_date = end_date or start_date
    if all_day:
        return datetime.combine(start_date, time(0)), datetime.combine(end_date + timedelta(days=1), time(0))
    start = datetime.combine(start_date, start_time or time(0))
    end = datetime.combine(end_date, end_time or start_time or time(0))
    return start, end


def build_rule(recurrence, local_start, *, interval=1, until=None, count=None):
    """A dateutil rule for ``recurrence`` starting at ``local_start`` (naive)."""
    interval = max(1, interval or 1)
    kwargs = {"dtstart": local_start, "interval": interval}
    if count:
        kwargs["count"] = count
    if until:
        kwargs["until"] = datetime.combine(until, time.max)
    if recurrence == Recurrence.WEEKLY:
        return rrule.rrule(rrule.WEEKLY, **kwargs)
    if recurrence == Recurrence.MONTHLY:
        return rrule.rrule(rrule.MONTHLY, **kwargs)
    if recurrence == Recurrence.MONTHLY_WEEKDAY:
        nth = (local_start.day - 1) // 7 + 1
        weekday = rrule.weekdays[local_start.weekday()]
        # The fifth weekday of a month does not always exist: use "the last" instead.
        return rrule.rrule(rrule.MONTHLY, byweekday=weekday(-1 if nth == 5 else nth), **kwargs)
    return None


def expand(
    *,
    start_date,
    start_time,
    end_date,
    end_time,
    all_day,
    tz_name,
    recurrence="",
    interval=1,
    until=None,
    count=None,
    exceptions=(),
    sessions=(),
    today=None,
):
    """Every occurrence of an event as a sorted list of ``Slot``.

    ``sessions`` are ``(date, start_time, end_time, title)`` tuples added to the main date;
    ``exceptions`` are local dates on which a recurring event does not take place, or
    ``DateChange`` values, which may move that date's occurrence to another day and time.
    """
    if start_date is None:
        return []
    today = today or timezone.localdate()
    horizon = datetime.combine(today + timedelta(days=settings.AGENDA_RECURRENCE_HORIZON_DAYS), time.max)
    local_start, local_end = local_bounds(start_date, start_time, end_date, end_time, all_day)
    duration = local_end - local_start
    changes = {}
    for exception in exceptions:
        exception = exception if isinstance(exception, DateChange) else DateChange(exception)
        changes[exception.date] = exception

    starts = [local_start]
    rule = build_rule(recurrence, local_start, interval=interval, until=until, count=count)
    if rule is not None:
        starts = []
        for occurrence in rule:
            if occurrence > horizon or len(starts) >= MAX_OCCURRENCES:
                break
            starts.append(occurrence)

    slots = {}
    for local in starts:
        key = _date_key(local)
        change = changes.get(local.date()) if rule is not None else None
        original = None
        if change is not None:
            if change.moved_to_date is None:
                continue  # cancelled on that date
            original = make_aware(local, tz_name)
            # a move keeps the series' time unless it names a new one
            moved_time = time(0) if all_day else (change.moved_to_time or local.time())
            local = datetime.combine(change.moved_to_date, moved_time)
        slots[key] = Slot(
            make_aware(local, tz_name), make_aware(local + duration, tz_name), all_day, key, "", original
        )
    by_start = {slot.start: key for key, slot in slots.items()}
    for session_date, session_start, session_end, title in sessions:
        if session_date is None:
            continue
        s_start, s_end = local_bounds(session_date, session_start, None, session_end, all_day)
        start = make_aware(s_start, tz_name)
        # A session at the very start of another occurrence is that occurrence (with a title).
        key = by_start.get(start) or _key(s_start, all_day)
        slots[key] = Slot(start, make_aware(s_end, tz_name), all_day, key, title or "")
    return sorted(slots.values(), key=lambda slot: slot.start)[:MAX_OCCURRENCES]


def as_date(value):
    """``value`` as a date if it is a date or an ISO date string, else ``None``."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
