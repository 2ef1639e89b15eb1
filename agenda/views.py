"""Public views of the agenda page: the listing (upcoming and archive) and the feeds."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .filters import FILTER_NAMES
from .ical import build_calendar, calendar_response
from .queries import feed_limit, filtered_occurrences
from .rss import build_rss

PER_PAGE = 20


def _query_string(request, drop=("page",)):
    params = request.GET.copy()
    for name in drop:
        params.pop(name, None)
    # Keep only known, non-empty filters so feed addresses stay short and clean.
    for name in list(params):
        values = [value for value in params.getlist(name) if value.strip()]
        if name not in FILTER_NAMES or not values:
            params.pop(name)
        else:
            params.setlist(name, values)
    return params.urlencode()


def _page_number(request):
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return None


def listing(page, request, *, past):
    queryset, errors, filterset = filtered_occurrences(
        page.locale.language_code, request.GET, default="past" if past else "upcoming"
    )
    messages = [
        f"{filterset.form.fields[name].label}: {' '.join(msgs)}"
        if name in filterset.form.fields
        else " ".join(msgs)
        for name, msgs in errors.items()
    ]
    number = _page_number(request)
    if number is None:
        messages.append(_("The page number must be a whole number."))
        number = 1
    paginator = Paginator(queryset, PER_PAGE)
    if number > paginator.num_pages:
        if paginator.count:
            messages.append(_("There is no page %(number)s; showing the last page.") % {"number": number})
        number = paginator.num_pages
    results = paginator.page(number)
    query = _query_string(request)
    base = page.get_url(request)
    feed_query = f"?{query}" if query else ""
    ical_url = request.build_absolute_uri(base + page.reverse_subpage("ical")) + feed_query
    response = page.render(
        request,
        context_overrides={
            "past": past,
            "filter_form": filterset.form,
            "results": results,
            "occurrences": results.object_list,
            "count": paginator.count,
            "errors": messages,
            "query": query,
            "active_filters": bool(query),
            "ical_url": ical_url,
            "webcal_url": "webcal://" + ical_url.split("://", 1)[1],
            "rss_url": base + page.reverse_subpage("rss") + feed_query,
            "archive_url": base + page.reverse_subpage("archive"),
            "upcoming_url": base,
            "submit_url": base + page.reverse_subpage("submit"),
        },
    )
    if errors:
        response.status_code = 400
    return response


def _feed_problem(errors):
    text = "\n".join(f"{name}: {' '.join(msgs)}" for name, msgs in errors.items())
    return HttpResponse(
        _("Invalid filter.") + "\n" + text, status=400, content_type="text/plain; charset=utf-8"
    )


def ical_feed(page, request):
    queryset, errors, _filterset = filtered_occurrences(
        page.locale.language_code, request.GET, default="feed"
    )
    if errors:
        return _feed_problem(errors)
    occurrences = list(queryset[: feed_limit()])
    calendar = build_calendar(occurrences, request, page.title)
    return calendar_response(calendar, "agenda.ics")


def rss_feed(page, request):
    queryset, errors, _filterset = filtered_occurrences(
        page.locale.language_code, request.GET, default="upcoming"
    )
    if errors:
        return _feed_problem(errors)
    occurrences = list(queryset[:100])
    return build_rss(
        occurrences,
        request,
        title=page.title,
        link=page.get_full_url(request),
        description=page.intro or page.title,
        language=page.locale.language_code,
    )
