"""The finder page's context: the shared FilterSet, pagination and each result's state."""

from django.core.paginator import Paginator
from django.utils import timezone

from .filters import MuseumFilter
from .models import MuseumPage
from .queries import visible_pages
from .serializers import museum_list_queryset


def _querystring(request, **changes):
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return query.urlencode()


def finder_context(index, request, now=None):
    now = now or timezone.now()
    # Aliases count: they are how the English tree shows Dutch museums not yet translated.
    base = visible_pages(MuseumPage, MuseumPage.objects.child_of(index), aliases=True)
    filterset = MuseumFilter(request.GET or None, queryset=base, now=now)
    if filterset.is_bound and not filterset.is_valid():
        return {"filter": filterset, "filter_errors": filterset.error_list(), "results": None}
    queryset = museum_list_queryset(filterset.qs)
    paginator = Paginator(queryset, index.per_page or 20)
    page = paginator.get_page(request.GET.get("page"))
    results = []
    for museum in page.object_list:
        results.append(
            {
                "page": museum,
                "open_now": museum.is_open(now),
                "today": museum.hours_today(now),
                "distance_km": getattr(museum, "distance_km", None),
            }
        )
    return {
        "filter": filterset,
        "filter_errors": [],
        "results": results,
        "paginator": paginator,
        "page_obj": page,
        "point": filterset.point,
        "query_prefix": _querystring(request, page=None),
    }
