"""The querysets every public view starts from: occurrences of live, public events only."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageViewRestriction

from .filters import filter_occurrences
from .models import AgendaIndexPage, EventOccurrence

FEED_DEFAULT_PAST_DAYS = 30


def _private_q():
    """Events under a view restriction, as a filter on occurrences.

    The same rule as Wagtail's ``PageQuerySet.public()``, but limited to the restrictions that
    can concern events (on an agenda page, its ancestors or inside it), so the database can
    walk occurrences in date order and join each page by its key.
    """
    agendas = list(AgendaIndexPage.objects.values_list("path", flat=True))
    q = Q()
    for restriction in PageViewRestriction.objects.select_related("page").only("page__path", "page__depth"):
        path, depth = restriction.page.path, restriction.page.depth
        if any(agenda.startswith(path) or path.startswith(agenda) for agenda in agendas):
            q |= Q(event__path__startswith=path, event__depth__gte=depth)
    return q


def public_occurrences(locale_code):
    """Occurrences of live, public, non-alias events in a language (what any list may show),
    with the related rows lists use. Equivalent to ``public_pages(EventPage, locale_code)``."""
    queryset = EventOccurrence.objects.filter(
        event__live=True, event__alias_of__isnull=True, event__locale__language_code=locale_code
    )
    private = _private_q()
    if private:
        queryset = queryset.exclude(private)
    return queryset.select_related(
        "event", "event__organiser", "event__venue_museum", "event__locale"
    ).order_by("start", "pk")


def filtered_occurrences(locale_code, data, *, default="upcoming", now=None):
    """``(queryset, errors, filterset)`` for a query string.

    ``default`` applies when neither ``from`` nor ``to`` is given: ``upcoming`` (still to end),
    ``past`` (ended, newest first), ``feed`` (from ``FEED_DEFAULT_PAST_DAYS`` ago, so calendars
    learn about recent cancellations) or ``all``.
    """
    now = now or timezone.now()
    queryset, errors, filterset = filter_occurrences(public_occurrences(locale_code), data)
    if errors or data.get("from") or data.get("to"):
        if default == "past":
            queryset = queryset.filter(end__lte=now).order_by("-start", "-pk")
        return queryset, errors, filterset
    if default == "upcoming":
        queryset = queryset.filter(end__gt=now)
    elif default == "past":
        queryset = queryset.filter(end__lte=now).order_by("-start", "-pk")
    elif default == "feed":
        queryset = queryset.filter(end__gt=now - timezone.timedelta(days=FEED_DEFAULT_PAST_DAYS))
    return queryset, errors, filterset


def feed_limit():
    return getattr(settings, "AGENDA_FEED_MAX_ITEMS", 1000)
