"""What the agenda pages hand to their templates: the listing (filters, page numbers, feed
addresses) and the context of an event page.

Both judge the reader with the one visibility rule (``core.visibility``). An event the reader may
not open is never shown, not even by title: the listing only says how many occurrences a login
would open ("3 more events for members — log in", from ``Visibility.hidden_count``);
password-protected events are never counted.
"""

from urllib.parse import urlencode

from django.apps import apps
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.cachetags import page_tag
from core.itemcache import ItemCache
from core.links import page_path, public_url
from core.paging import paginate
from core.visibility import Visibility

from .feeds import google_calendar_url
from .filters import FILTER_NAMES
from .queries import (
    hidden_count,
    last_occurrence,
    listable,
    prefetch_event_detail,
    related_occurrences,
    remember_upcoming,
    select_occurrences,
    upcoming_occurrences,
)

PER_PAGE = 20
MORE_DATES = 50


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
        .select_related("event", "event__organiser", "event__venue_museum")
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


def listing_context(page, request, *, past):
    """``(context, status)`` of the agenda page: upcoming or (``past``) archived occurrences for
    the query string's filters, 20 a page. Feed addresses are the page's without a query string;
    the template adds the current filters (``{% querystring page=None %}``)."""
    visibility = Visibility.for_request(request)
    queryset, errors, filterset = select_occurrences(
        page.locale.language_code, request.GET, default="past" if past else "upcoming"
    )
    paged = paginate(request, OCCURRENCE_CARDS.window(listable(queryset, visibility)), PER_PAGE)
    base = page_path(page, request)
    ical_url = public_url(base + page.reverse_subpage("ical"))
    context = {
        "past": past,
        "filter_form": filterset.form,
        "results": paged.page,
        "occurrences": OCCURRENCE_CARDS.items(list(paged.page.object_list), request),
        "count": paged.paginator.count,
        "hidden_count": hidden_count(queryset, visibility),
        "login_url": login_url(request),
        "errors": filter_messages(errors, filterset) + paged.messages,
        "active_filters": has_filters(request.GET),
        "ical_url": ical_url,
        "webcal_url": "webcal://" + ical_url.split("://", 1)[1],
        "rss_url": base + page.reverse_subpage("rss"),
        "archive_url": base + page.reverse_subpage("archive"),
        "upcoming_url": base,
        "submit_url": base + page.reverse_subpage("submit"),
    }
    return context, 400 if errors else 200


def event_context(event, request):
    """The dates, venue, registration and related events of an event page."""
    visibility = Visibility.for_request(request)
    prefetch_event_detail(event)
    upcoming = remember_upcoming(event, upcoming_occurrences(event, limit=MORE_DATES))
    next_occurrence = upcoming[0] if upcoming else last_occurrence(event)
    venue = event.get_venue()
    museum = venue["museum"] if venue else None
    path = page_path(event, request)
    return {
        "next_occurrence": next_occurrence,
        "more_occurrences": upcoming[1:],
        "venue": venue,
        "venue_url": page_path(museum, request) if museum and visibility.can_view(museum) else None,
        "registration_state": event.registration_state(),
        "ics_url": path + event.reverse_subpage("ical") if path else "",
        "google_url": google_calendar_url(event, next_occurrence) if next_occurrence else "",
        "related": OCCURRENCE_CARDS.items(related_occurrences(event, visibility), request),
    }
