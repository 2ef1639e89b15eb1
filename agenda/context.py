"""What the agenda pages hand to their templates: the listing (filters, page numbers, feed
addresses) and the context of an event page.

Both judge the reader with the one visibility rule (``core.visibility``). An event the reader may
not open is never shown, not even by title: the listing only says how many occurrences a login
would open ("3 more events for members — log in", from ``Visibility.hidden_count``);
password-protected events are never counted.
"""

import hashlib
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.cachetags import ahead, cached, depends_on, page_tag, type_tag
from core.fragments import Lazy, fragment_key
from core.images import image_prefetch
from core.itemcache import ItemCache
from core.links import dynamic_url, page_path, public_url
from core.paging import PAGE_PARAMETER, form_key, paginate
from core.visibility import Visibility

from .feeds import google_calendar_url
from .filters import FILTER_NAMES
from .queries import (
    hidden_count,
    last_occurrence,
    listable,
    one_per_event,
    related_occurrences,
    remember_upcoming,
    select_occurrences,
    upcoming_occurrences,
)
from .related import list_tags, shown_tags

PER_PAGE = 20
MORE_DATES = 50
RELATED_EVENTS = 3
# Upcoming occurrences an agenda listing keeps per filters (``upcoming_window``): ten pages.
UPCOMING_KEPT = 200
# Filters that name dates: listings with them are read every time.
DATE_FILTERS = {"from", "to"}


def has_filters(query):
    """Whether ``query`` (a QueryDict) gives any filter a value."""
    return any(value.strip() for name in FILTER_NAMES for value in query.getlist(name))


def filter_messages(errors, filterset):
    """One readable line per bad parameter, named by its field's label."""
    fields = filterset.form.fields
    return [
        f"{fields[name].label}: {' '.join(messages)}" if name in fields else " ".join(messages)
        for name, messages in errors.items()
    ]


def login_url(request):
    """Wagtail's login address (as for a restricted page), coming back to this address."""
    return reverse("wagtailcore_login") + "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})


def _load_occurrences(ids):
    return (
        apps.get_model("agenda", "EventOccurrence")
        .objects.filter(pk__in=ids)
        .select_related("event", "event__locale", "event__organiser", "event__venue_museum")
        .prefetch_related(image_prefetch("event__image"))
        .in_bulk()
    )


def _build_card(occurrence, request):
    return render_to_string(
        "agenda/includes/occurrence_card.html", {"occurrence": occurrence, "request": request}
    )


# The agenda's cards, kept per occurrence and language; an event's change makes its cards stale.
OCCURRENCE_CARDS = ItemCache(
    "agenda-cards",
    load=_load_occurrences,
    build=_build_card,
    finish=lambda card, row, request: mark_safe(card),  # noqa: S308 (rendered by our template)
    fields=("pk", "event_id"),
    tags=lambda row: [page_tag(row["event_id"])],
)


def upcoming_window(page, request, visibility, selection, now):
    """``(paged, hidden_count)`` of an upcoming listing without dates in its filters, from the
    cache; ``None`` when the listing cannot be kept (invalid filters, a page past the kept rows).

    The first ``UPCOMING_KEPT`` occurrences (by start) that had not ended are kept per filters,
    language and reader with the count, until an event or the agenda changes. On every request
    the occurrences that ended since are taken out of both: exact while the last kept occurrence
    has not started (nothing after it can have ended yet) and the page asked for is among the
    kept rows; otherwise the window is read again. The "more for members" count is the one of
    the last read."""
    try:
        number = int(request.GET.get(PAGE_PARAMETER, "1"))
    except ValueError:
        return None
    if not 1 <= number <= UPCOMING_KEPT // PER_PAGE:
        return None
    params = request.GET.copy()
    params.pop(PAGE_PARAMETER, None)
    digest = hashlib.sha256(params.urlencode().encode()).hexdigest()[:24]

    def compute():
        queryset, errors, _filterset = selection()
        if errors:
            return None
        shown = listable(queryset, visibility)
        rows = list(shown.values(*OCCURRENCE_CARDS.fields, "start", "end")[:UPCOMING_KEPT])
        count = shown.count() if len(rows) == UPCOMING_KEPT else len(rows)
        return {"rows": rows, "count": count, "hidden": hidden_count(queryset, visibility)}

    def current(entry):
        rows = [row for row in entry["rows"] if row["end"] > now]
        return rows, entry["count"] - (len(entry["rows"]) - len(rows))

    def serves(entry):
        if entry is None or len(entry["rows"]) == entry["count"]:
            return True  # invalid filters, or every row is kept
        rows, count = current(entry)
        return entry["rows"][-1]["start"] > now and len(rows) >= min(number * PER_PAGE, count)

    entry = cached(
        fragment_key("agenda-upcoming", request, page, digest),
        [page_tag(page), type_tag(apps.get_model("agenda", "EventPage"))],
        compute,
        valid=serves,
    )
    if entry is None:
        return None
    rows, count = current(entry)
    paged = paginate(request, KeptRows(rows, count), PER_PAGE)
    return paged, entry["hidden"]


class KeptRows:
    """The rows of a kept window as a paginator's list: ``count`` long, of which the first
    ``len(rows)`` are known (``upcoming_window`` only pages within them)."""

    def __init__(self, rows, count):
        self.rows, self.total = rows, count

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, index):
        return self.rows[index]


def listing_context(page, request, *, past):
    """``(context, status)`` of the agenda page: upcoming or (``past``) archived occurrences for
    the query string's filters, 20 a page. Feed addresses are the page's without a query string;
    the template adds the current filters (``{% querystring page=None %}``)."""
    visibility = Visibility.for_request(request)
    now = timezone.now()
    selection = Lazy(
        lambda: select_occurrences(
            page.locale.language_code, request.GET, default="past" if past else "upcoming", now=now
        )
    )
    kept = None
    if not past and not DATE_FILTERS & set(request.GET):
        kept = upcoming_window(page, request, visibility, selection, now)
    if kept is not None:
        (paged, hidden), messages = kept, []
    else:
        queryset, errors, filterset = selection()
        paged = paginate(request, OCCURRENCE_CARDS.window(listable(queryset, visibility)), PER_PAGE)
        hidden = hidden_count(queryset, visibility)
        messages = filter_messages(errors, filterset)
    base = page_path(page, request)
    # The feeds of a filtered selection: only the application has them (a static copy of the
    # site has the unfiltered ones and one per type), so on EXPORT_DYNAMIC_ORIGIN when set.
    feeds = dynamic_url if has_filters(request.GET) else str
    ical_url = public_url(feeds(base + page.reverse_subpage("ical")))
    context = {
        "past": past,
        # Read by the form's fragment only (cached without a query string).
        "filter_form": Lazy(lambda: selection()[2].form),
        "results": paged.page,
        "occurrences": OCCURRENCE_CARDS.items(list(paged.page.object_list), request),
        "count": paged.paginator.count,
        "hidden_count": hidden,
        "login_url": login_url(request),
        "errors": messages + paged.messages,
        "active_filters": has_filters(request.GET),
        # The filter form shows only the query string's values: a cached fragment per values.
        "form_key": form_key(request, past),
        "ical_url": ical_url,
        "webcal_url": "webcal://" + ical_url.split("://", 1)[1],
        "rss_url": feeds(base + page.reverse_subpage("rss")),
        "archive_url": base + page.reverse_subpage("archive"),
        "upcoming_url": base,
        "submit_url": base + page.reverse_subpage("submit"),
    }
    return context, 400 if messages else 200


RELATED_KEPT = RELATED_EVENTS * 10


def related_events(event, visibility, request, now):
    """The rows of the related events an event page shows (``agenda.related``: exactly what
    they depend on). Up to ``RELATED_KEPT`` rows are kept, under the page tags of the events
    they hold and the group tags up to the last one's start, and filtered by the clock on every
    request; the response records only what the rows it shows depend on."""

    def compute():
        rows = related_occurrences(event, visibility, now=now, size=RELATED_KEPT)
        full = len(rows) == RELATED_KEPT
        depends_on(*shown_tags(rows), *list_tags(event, rows[-1]["start"] if rows else None, now, full))
        return {"rows": rows, "complete": not full}

    def remaining(entry):
        return [row for row in entry["rows"] if row["end"] > now]

    def enough(entry):
        return entry["complete"] or len(one_per_event(remaining(entry), RELATED_EVENTS)) == RELATED_EVENTS

    key = fragment_key("event-related", request, event)
    entry = cached(key, [page_tag(event)], compute, record=False, valid=enough)
    shown = one_per_event(remaining(entry), RELATED_EVENTS)
    full = len(shown) == RELATED_EVENTS
    depends_on(*list_tags(event, shown[-1]["start"] if shown else None, now, full))
    return shown


def event_context(event, request):
    """The dates, venue, registration and related events of an event page.

    Its dates and related events depend on the moment: both are kept as lists under the tags
    of what they show (the event; any event for the related ones) and filtered by the clock on
    every request (``core.cachetags.ahead``), so a page costs no query for them."""
    visibility = Visibility.for_request(request)
    now = timezone.now()
    upcoming = ahead(
        f"event-dates:{event.pk}",
        [page_tag(event)],
        lambda size: upcoming_occurrences(event, size, now),
        now=now,
        end=lambda occurrence: occurrence.end,
        size=MORE_DATES + 10,
        enough=lambda rows: len(rows) >= MORE_DATES,
    )[:MORE_DATES]
    for occurrence in upcoming:
        occurrence.event = event
    remember_upcoming(event, upcoming)
    if upcoming:
        next_occurrence = upcoming[0]
    else:
        next_occurrence = cached(f"event-last:{event.pk}", [page_tag(event)], lambda: last_occurrence(event))
        if next_occurrence is not None:
            next_occurrence.event = event
    venue = event.get_venue()
    museum = venue["museum"] if venue else None
    path = page_path(event, request)
    related = related_events(event, visibility, request, now)
    return {
        "next_occurrence": next_occurrence,
        "more_occurrences": upcoming[1:],
        "venue": venue,
        "venue_url": page_path(museum, request) if museum and visibility.can_view(museum) else None,
        "registration_state": event.registration_state(),
        "ics_url": path + event.reverse_subpage("ical") if path else "",
        "google_url": google_calendar_url(event, next_occurrence) if next_occurrence else "",
        "related": OCCURRENCE_CARDS.items(related, request),
    }
