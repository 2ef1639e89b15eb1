"""What the museum templates show: the finder's results, a museum's hours, exhibitions,
accessibility and registered sections.

Every list shows only what the reader may see (``core.visibility``, the reader of the request);
the pages of a language's tree are listed with its aliases (``queries.in_tree``).
"""

from django.utils import timezone

from core.paging import paginate
from core.visibility import Visibility

from . import queries
from .choices import accessibility_by_group
from .extensions import museum_sections, values_for
from .filters import MuseumFilter

DEFAULT_PER_PAGE = 20


def finder_context(index, request, museums, now=None):
    """The finder page: ``museums`` are the index's museum pages (a queryset)."""
    now = now or timezone.now()
    visibility = Visibility.for_request(request)
    base = queries.on_own_table(queries.in_tree(museums, visibility))
    filterset = MuseumFilter(request.GET or None, queryset=base, now=now, visibility=visibility)
    if filterset.is_bound and not filterset.is_valid():
        return {"filter": filterset, "filter_errors": filterset.errors, "results": None}
    paged = paginate(request, queries.with_museum_data(filterset.qs), index.per_page or DEFAULT_PER_PAGE)
    results = [
        {
            "page": museum,
            "open_now": museum.is_open(now),
            "today": museum.hours_today(now),
            "distance_km": getattr(museum, "distance_km", None),
        }
        for museum in paged.page.object_list
    ]
    return {
        "filter": filterset,
        "filter_errors": {},
        "results": results,
        "paginator": paged.paginator,
        "page_obj": paged.page,
        "paging_messages": paged.messages,
        "point": filterset.point,
    }


def museum_context(page, request, now=None):
    """A museum page: hours for today and the week ahead, exhibitions now on and coming up,
    accessibility by group and the sections other apps registered (``museums.extensions``)."""
    now = now or timezone.now()
    queries.prefetch_museum_detail(page)
    local = page.local_now(now)
    today = local.date()
    exhibitions = queries.exhibitions_ahead(page, Visibility.for_request(request), today)
    values = values_for(page, request)
    return {
        "now_local": local,
        "open_now": page.is_open(now),
        "today_hours": page.schedule.hours_on(today),
        "week_hours": page.schedule.week(today),
        "next_opening": page.next_opening(now),
        "current_exhibitions": [e for e in exhibitions if e.status(today) == "current"],
        "upcoming_exhibitions": [e for e in exhibitions if e.status(today) == "upcoming"],
        "accessibility_groups": accessibility_by_group(f.code for f in page.accessibility_features.all()),
        "museum_sections": [
            {"section": section, "value": values[section.name]} for section in museum_sections()
        ],
    }
