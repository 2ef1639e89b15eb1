"""Reads of the agenda: the occurrences a reader may see, filtered, and an event's own dates.

Which events a reader may see is ``core.visibility``'s rule, applied on the copies of their
event's live flag, alias flag and path that occurrences carry (``listable``): HTML listings and
the event page judge the reader (``Visibility.for_request``), feeds, the API and the newsletter
export the public (``Visibility.public()``, the default here).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.models import BaseViewRestriction

from core.models import Theme
from core.visibility import PageUnderPaths, Visibility

from .filters import filter_occurrences

# The models package imports this module (through the pages' context): import the model's own
# module, which is complete by then, rather than the package.
from .models.occurrence import CancelledOccurrence, EventOccurrence

FEED_DEFAULT_PAST_DAYS = 30


def in_language(locale_code):
    """A ``Q`` for the occurrences readers of a language are shown: those of its own events and,
    in any language but the default, those of the default language's events that have no live
    translation of their own in it yet (an English reader still finds an event described only in
    Dutch; its card and API item say so). The Dutch original's own occurrence is listed, never
    its alias's, so whatever hides the original (unpublished, private, under an unpublished
    section) hides it here too: ``listable`` judges the original's own live flag and path."""
    own = Q(locale__language_code=locale_code)
    if locale_code == settings.LANGUAGE_CODE:
        return own
    translated = EventOccurrence.event.field.related_model.objects.filter(
        locale__language_code=locale_code, alias_of__isnull=True, live=True
    ).values("translation_key")
    return own | Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(event__translation_key__in=translated)


def occurrences(locale_code):
    """Occurrences of events for readers of a language (``in_language``), with the related rows
    lists use, sorted by start.

    Visibility is not applied: see ``listable`` and ``core.visibility``."""
    return (
        EventOccurrence.objects.windowed()
        .filter(in_language(locale_code))
        .select_related("event", "event__organiser", "event__venue_museum", "event__locale")
        .order_by("start", "pk")
    )


def select_occurrences(locale_code, data, *, default="upcoming", now=None):
    """``(queryset, errors, filterset)`` for a query string, before visibility is applied.

    ``default`` applies when neither ``from`` nor ``to`` is given: ``upcoming`` (still to end),
    ``past`` (ended, newest first), ``feed`` (from ``FEED_DEFAULT_PAST_DAYS`` ago, so calendars
    learn about recent cancellations) or ``all``. ``errors`` maps each bad parameter to readable
    messages; the queryset is empty then.
    """
    now = now or timezone.now()
    queryset, errors, filterset = filter_occurrences(occurrences(locale_code), data)
    if errors or data.get("from") or data.get("to"):
        if default == "past":
            queryset = queryset.filter(end__lte=now).order_by("-start", "-pk")
        return queryset, errors, filterset
    if default == "upcoming":
        queryset = queryset.filter(end__gt=now)
    elif default == "past":
        queryset = queryset.filter(end__lte=now).order_by("-start", "-pk")
    elif default == "feed":
        queryset = queryset.filter(end__gt=now - timedelta(days=FEED_DEFAULT_PAST_DAYS))
    return queryset, errors, filterset


def listable(queryset, visibility):
    """Occurrences of live, non-alias events ``visibility`` may see: ``core.visibility``'s
    ``listable`` applied to the page fields each occurrence carries (``EventOccurrence.live``,
    ``is_alias``, ``path``), so counting and paging need no join with the page table."""
    queryset = queryset.filter(live=True, is_alias=False)
    if not visibility.closed_paths:
        return queryset
    # Aliases are out already: the event's path decides (``PageUnderPaths``: one subquery on
    # the page table, not the ranges tested on every occurrence).
    return queryset.exclude(PageUnderPaths(visibility.closed_paths, "event_id"))


def hidden_count(queryset, visibility):
    """``Visibility.hidden_count`` on the occurrences' own page fields: how many listable
    occurrences the reader could see by logging in (login or members restrictions; never those
    behind a password or an unpublished section)."""
    closed = visibility.closed_restrictions
    login = [r.path for r in closed if r.kind in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)]
    if not login:
        return 0
    queryset = queryset.filter(PageUnderPaths(login, "event_id"), live=True, is_alias=False)
    never = [r.path for r in closed if r.kind == BaseViewRestriction.PASSWORD] + visibility.hidden_sections
    if never:
        queryset = queryset.exclude(PageUnderPaths(never, "event_id"))
    return queryset.count()


def filtered_occurrences(locale_code, data, *, default="upcoming", visibility=None, now=None):
    """``select_occurrences`` limited to the live events ``visibility`` (the public's unless
    given) may see: what a listing, feed or list shows."""
    visibility = visibility or Visibility.public()
    queryset, errors, filterset = select_occurrences(locale_code, data, default=default, now=now)
    return listable(queryset, visibility), errors, filterset


def feed_occurrences(queryset):
    """The first ``AGENDA_FEED_MAX_ITEMS`` occurrences of ``queryset`` (the longest feed)."""
    return list(queryset[: settings.AGENDA_FEED_MAX_ITEMS])


# --- One event ----------------------------------------------------------------------------


def upcoming_occurrences(event, limit=None, now=None):
    """The event's occurrences that have not ended, by start (without the event attached, so
    that they can be kept in the cache on their own)."""
    queryset = EventOccurrence.objects.filter(event_id=event.pk, end__gte=now or timezone.now()).order_by(
        "start"
    )
    return list(queryset[:limit] if limit else queryset)


# Set on an event by ``remember_upcoming``: its upcoming occurrences as a page already loaded them.
UPCOMING_ATTRIBUTE = "_upcoming_occurrences"


def remember_upcoming(event, upcoming):
    """Keep ``upcoming`` (the first of the event's upcoming occurrences, by start) on ``event``:
    the page's JSON-LD reads its next occurrence from them instead of asking again."""
    event.__dict__[UPCOMING_ATTRIBUTE] = list(upcoming)
    return upcoming


def next_occurrence(event):
    """The next occurrence of the event, or its first when all have passed."""
    upcoming = event.__dict__.get(UPCOMING_ATTRIBUTE)
    if upcoming is None:
        upcoming = upcoming_occurrences(event, limit=1)
    return upcoming[0] if upcoming else event.occurrences.order_by("start").first()


def last_occurrence(event):
    """The latest occurrence of the event (for an event that has taken place; without the
    event attached, as ``upcoming_occurrences``)."""
    return EventOccurrence.objects.filter(event_id=event.pk).order_by("-start").first()


def related_occurrences(event, visibility, *, now=None, size=30):
    """The next occurrences (up to ``size``) of other events ``visibility`` may see, of the same
    type or sharing a theme, by start, as rows ``{"pk", "event_id", "start", "end"}`` (the agenda's card
    cache renders them: ``agenda.context.OCCURRENCE_CARDS``); ``one_per_event`` picks from them."""
    theme_ids = [theme.pk for theme in event.themes.all()]
    same = Q(event__event_type=event.event_type)
    if theme_ids:
        same |= Q(
            event__in=Theme.events.through.objects.filter(theme_id__in=theme_ids).values("eventpage_id")
        )
    queryset = listable(
        occurrences(event.locale.language_code)
        .filter(same, end__gt=now or timezone.now())
        .exclude(event_id=event.pk),
        visibility,
    )
    return list(queryset.values("pk", "event_id", "start", "end")[:size])


def one_per_event(rows, limit=3):
    """The first row of each event in ``rows``, up to ``limit`` events."""
    picked, seen = [], set()
    for row in rows:
        if row["event_id"] not in seen:
            seen.add(row["event_id"])
            picked.append(row)
        if len(picked) == limit:
            break
    return picked


def cancelled_for_feed(occurrences, *, event=None, now=None):
    """The cancelled occurrences a calendar feed lists beside ``occurrences``: those of the
    events it shows (or of ``event``) that had not ended ``FEED_DEFAULT_PAST_DAYS`` ago, so
    subscribed calendars drop them (``STATUS:CANCELLED``)."""
    now = now or timezone.now()
    events = {event.pk} if event is not None else {o.event_id for o in occurrences}
    if not events:
        return []
    queryset = CancelledOccurrence.objects.filter(event_id__in=events).select_related(
        "event", "event__organiser", "event__venue_museum"
    )
    if event is None:
        queryset = queryset.filter(end__gt=now - timedelta(days=FEED_DEFAULT_PAST_DAYS))
    return list(queryset)
