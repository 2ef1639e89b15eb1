"""What the museum templates show: the finder's results, a museum's hours, exhibitions,
accessibility and registered sections.

Every list shows only what the reader may see (``core.visibility``, the reader of the request);
the pages of a language's tree are listed with its aliases (``queries.in_tree``).
"""

import hashlib
from dataclasses import replace

from django.apps import apps
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.cachetags import cached, page_tag, type_tag
from core.fragments import Lazy, fragment_key
from core.itemcache import ItemCache
from core.paging import form_key, kept_page, paginate
from core.visibility import Visibility

from . import queries
from .choices import accessibility_by_group
from .extensions import museum_sections, values_for
from .filters import MuseumFilter
from .time_zones import differs_from_site, zone_label

DEFAULT_PER_PAGE = 20


def _load_cards(ids):
    return queries.with_museum_data(
        apps.get_model("museums", "MuseumPage").objects.filter(pk__in=ids)
    ).in_bulk()


def _build_card(museum, request):
    """What a finder card shows that changes only when the museum does (HTML rendered once)."""
    context = {"museum": museum, "request": request}
    return {
        "head": render_to_string("museums/includes/museum_card_head.html", context),
        "place": f"{museum.city}, {museum.get_province_display()}",
        "tags": render_to_string("museums/includes/museum_card_tags.html", context),
        "schedule": museum.schedule,
        # Caribbean museums: the card's "today" is in the museum's own zone, and says so.
        "zone": zone_label(museum.timezone, museum.province, timezone.now())
        if differs_from_site(museum.timezone)
        else "",
    }


def _finish_card(card, row, now):
    schedule = card["schedule"]
    return {
        "card": {**card, "head": mark_safe(card["head"]), "tags": mark_safe(card["tags"])},  # noqa: S308 (rendered by our template)
        "open_now": schedule.is_open(now),
        "today": schedule.hours_on(schedule.local(now).date()),
        "distance_km": row.get("distance_km"),
    }


# Filters whose answer follows the clock: their results are never kept.
CLOCK_FILTERS = frozenset({"open_now", "open_at", "open_on"})

# The finder's cards, kept per museum and language (``core.itemcache``).
MUSEUM_CARDS = ItemCache("museum-cards", load=_load_cards, build=_build_card)


def finder_context(index, request, museums, now=None):
    """The finder page: ``museums`` are the index's museum pages (a queryset)."""
    now = now or timezone.now()
    visibility = Visibility.for_request(request)
    base = queries.on_own_table(queries.in_tree(museums, visibility))
    filterset = MuseumFilter(request.GET or None, queryset=base, now=now, visibility=visibility)
    if filterset.is_bound and not filterset.is_valid():
        return {"filter": filterset, "filter_errors": filterset.errors, "results": None}
    queryset = filterset.qs
    fields = ("pk", "distance_km") if "distance_km" in queryset.query.annotations else ("pk",)
    cards = replace(
        MUSEUM_CARDS, fields=fields, finish=lambda card, row, _request: _finish_card(card, row, now)
    )
    per_page = index.per_page or DEFAULT_PER_PAGE
    # A card goes stale with its museum's tag; every change that bumps a museum's tag bumps the
    # finder's (an ancestor: a child exhibition, a move or rename above) or the museum type's
    # (the museum itself, what it references or shows): the page carries those two only.
    listing_tags = [page_tag(index), type_tag(apps.get_model("museums", "MuseumPage"))]
    if CLOCK_FILTERS.isdisjoint(request.GET):
        # The page's rows and count depend on content only: kept per filters, page number and
        # reader until a museum or the finder changes ("open now" is added per request).
        digest = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:24]
        paged, _extra = kept_page(
            request,
            fragment_key("museum-finder", request, index, digest),
            listing_tags,
            lambda: cards.window(queryset),
            per_page,
        )
    else:
        paged = paginate(request, cards.window(queryset), per_page)
    results = cards.items(list(paged.page.object_list), request, record=listing_tags)
    return {
        "filter": filterset,
        "filter_errors": {},
        "results": results,
        "paginator": paged.paginator,
        "page_obj": paged.page,
        "paging_messages": paged.messages,
        "point": filterset.point,
        # The filter form shows only the query string's values: a cached fragment per values.
        "form_key": form_key(request),
    }


def exhibition_entries(museum, request, today):
    """The museum's exhibitions the reader may see that had not ended on ``today``, in page
    order, as ``{"start", "last", "html"}`` (the list item rendered once): kept per museum,
    language and reader's visibility under the museum's tag (publishing an exhibition bumps its
    parent's), and filtered again by date on every request, since a kept list only ever has
    exhibitions that ended since."""
    visibility = Visibility.for_request(request)

    def compute():
        return [
            {
                "start": exhibition.start_date,
                "last": exhibition.last_day,
                "html": render_to_string(
                    "museums/includes/exhibition_item.html", {"exhibition": exhibition, "request": request}
                ),
            }
            for exhibition in queries.exhibitions_ahead(museum, visibility, today)
        ]

    key = fragment_key("museum-exhibitions", request, museum)
    entries = cached(key, [page_tag(museum)], compute)
    return [
        {**entry, "html": mark_safe(entry["html"])}  # noqa: S308 (rendered by our template)
        for entry in entries
        if entry["last"] is None or entry["last"] >= today
    ]


def museum_context(page, request, now=None):
    """A museum page: hours for today and the week ahead, exhibitions now on and coming up,
    accessibility by group and the sections other apps registered (``museums.extensions``).

    Only the hours and the exhibitions depend on the moment; the rest of the page is kept in
    fragments (``{% cachedfragment %}``), so its values are lazy."""
    now = now or timezone.now()
    prefetch_related_objects([page], "weekly_hours", "hours_exceptions")
    local = page.local_now(now)
    today = local.date()
    exhibitions = exhibition_entries(page, request, today)
    values = Lazy(lambda: values_for(page, request))
    return {
        "now_local": local,
        "open_now": page.is_open(now),
        "today_hours": page.schedule.hours_on(today),
        "week_hours": page.schedule.week(today),
        "next_opening": page.next_opening(now),
        # The table, today's hours and the next opening are all in the museum's zone; say which.
        "zone_label": zone_label(page.timezone or settings.TIME_ZONE, page.province, now),
        "current_exhibitions": [e for e in exhibitions if e["start"] is None or e["start"] <= today],
        "upcoming_exhibitions": [e for e in exhibitions if e["start"] is not None and e["start"] > today],
        "accessibility_groups": Lazy(
            lambda: accessibility_by_group(f.code for f in page.accessibility_features.all())
        ),
        "museum_sections": [
            {"section": section, "value": Lazy(lambda name=section.name: values()[name])}
            for section in museum_sections()
        ],
    }
