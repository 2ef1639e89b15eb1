"""What an event page's "related events" depend on, exactly (``agenda.context.event_context``).

An event page lists the next occurrences of other events of its *groups* (its type, each of its
themes) in its language, by start. Its output changes when an event it shows changes (the page
tags of the cards), or when an event of one of its groups starts, from now on, before the last
one it shows: only then does that event take a place in the list. Tags say the second part:

- the page depends on ``related:<locale>:<group>:<bucket>`` for each of its groups, where the
  bucket is the month of the last shown start (``later`` when it is more than two years ahead,
  or when the list is not full: then any event of the group would join it);
- a change of an event bumps, for each of its groups (as the database holds them after the
  change, which is what decides where the event shows now: a page that showed it before depends
  on its page tag already), every month from its first occurrence still to end up to the
  horizon, and ``later``.

So publishing one event re-renders the pages it takes a place on, not every event page (as a
tag for "any event" did). Which event a page shows before whom follows the clock without a
publish; the page cache's lifetime and the next full export take care of that, as before.
"""

import datetime

from django.apps import apps
from django.utils import timezone

from core.cachetags import page_tag

LATER = "later"
# Starts beyond this are one bucket (a page rendered at ``t`` cuts off in a month before
# ``t + HORIZON`` or in ``later``; a change at a later moment bumps every month up to its own
# ``now + HORIZON``, so it reaches every page rendered before it).
HORIZON = datetime.timedelta(days=730)


def groups(event):
    """The groups ``event`` shares its related list by: its type and its themes."""
    theme_ids = sorted(theme.pk for theme in event.themes.all())
    return [f"type={event.event_type}"] + [f"theme={pk}" for pk in theme_ids]


def _month(moment):
    moment = moment.astimezone(datetime.UTC)
    return f"{moment.year:04d}-{moment.month:02d}"


def _tag(locale_id, group, bucket):
    return f"related:{locale_id}:{group}:{bucket}"


def bucket(start, now, full=True):
    """The bucket of a list cut off at ``start`` (its last row's start), rendered at ``now``."""
    if not full or start is None or start >= now + HORIZON:
        return LATER
    return _month(start)


def list_tags(event, cutoff, now, full=True):
    """The tags of a related list of ``event`` cut off at ``cutoff`` (the start of its last
    row; ``full=False``: the list holds every row there is, any newcomer joins it)."""
    at = bucket(cutoff, now, full)
    return {_tag(event.locale_id, group, at) for group in groups(event)}


def change_tags(page, now=None):
    """The tags a change of the event ``page`` bumps (see the module): none when it has no
    occurrence that may still be listed (unpublished, an alias, all in the past)."""
    now = now or timezone.now()
    occurrence = apps.get_model("agenda", "EventOccurrence")
    first = (
        occurrence.objects.filter(event_id=page.pk, live=True, is_alias=False, end__gt=now)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    if first is None:
        return set()
    event = apps.get_model("agenda", "EventPage").objects.filter(pk=page.pk).first()
    if event is None:
        return set()
    months = []
    year, month = first.astimezone(datetime.UTC).year, first.astimezone(datetime.UTC).month
    last = _month(now + HORIZON)
    while True:
        months.append(f"{year:04d}-{month:02d}")
        if months[-1] >= last:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return {_tag(event.locale_id, group, at) for group in groups(event) for at in [*months, LATER]}


def shown_tags(rows):
    """Page tags of the events of ``rows`` (a kept list depends on every event it holds)."""
    return {page_tag(row["event_id"]) for row in rows}
