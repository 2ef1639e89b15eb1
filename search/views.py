"""The site search: every page type of the active language that the reader may see, by type."""

from collections import OrderedDict

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from core.paging import paginate
from core.visibility import Visibility
from qa.models import ZeroResultQuery

from .queries import promotions as search_promotions
from .queries import searchable_page_types

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site search over every page type of the active language, grouped by type."""
    query = request.GET.get("q", "").strip()
    page_types = searchable_page_types()
    selected_type = request.GET.get("type", "")
    errors = []
    page_messages = []
    if "\x00" in query:
        errors.append(_("Your search contains a character that is not allowed."))
        query = ""
    elif len(query) > MAX_QUERY_LENGTH:
        errors.append(
            _("Your search is too long: use at most %(max)s characters.") % {"max": MAX_QUERY_LENGTH}
        )
        query = ""
    if selected_type and selected_type not in page_types:
        errors.append(_("Unknown result type; showing all types."))
        selected_type = ""

    results_page = None
    groups = []
    promotions = []
    total = 0
    if query:
        model = page_types[selected_type] if selected_type else Page
        # The reader sees what they may open: members their pages, a password's pages once it
        # was entered in this session; everyone else what the public sees.
        visibility = Visibility.for_request(request)
        queryset = visibility.search_filter(model.objects.live().filter(locale=Locale.get_active()))
        results = queryset.search(query, operator="and")
        paged = paginate(request, results, RESULTS_PER_PAGE)
        results_page = paged.page
        page_messages = paged.messages
        total = paged.paginator.count

        # Results of this page, made specific in one query per type, grouped by type.
        ids = [page.pk for page in results_page.object_list]
        specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
        grouped = OrderedDict()
        for page_id in ids:
            page = specific.get(page_id)
            if page is None:
                continue
            grouped.setdefault(page._meta.verbose_name, []).append(page)
        groups = [{"label": label, "pages": pages} for label, pages in grouped.items()]

        promotions = search_promotions(query, visibility, Locale.get_active())
        if not total and not selected_type:
            ZeroResultQuery.record(query, Locale.get_active().language_code, ZeroResultQuery.Scope.SITE)

    status = 400 if errors and not query else 200
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results_page": results_page,
            "groups": groups,
            "total": total,
            "promotions": promotions,
            "errors": errors,
            "page_messages": page_messages,
            "page_types": [(label, model._meta.verbose_name) for label, model in page_types.items()],
            "selected_type": selected_type,
        },
        status=status,
    )
