"""The site search: every page type of the active language that the reader may see, by type."""

import hashlib
from collections import OrderedDict

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from core.cachetags import cached
from core.dependencies import RESOLVER
from core.fragments import visibility_key
from core.itemcache import ItemCache
from core.paging import PAGE_PARAMETER, paginate
from core.visibility import Visibility
from qa.models import ZeroResultQuery

from . import engine
from .labels import group_label
from .queries import promotions as search_promotions
from .queries import searchable_page_types

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def _load_results(ids):
    """The result pages as their own types (one query per type)."""
    return Page.objects.filter(pk__in=ids).specific().in_bulk()


def _build_result(page, request):
    return {
        "label": group_label(type(page)),
        "html": render_to_string("search/includes/result.html", {"result": page, "request": request}),
    }


# A result as the search page shows it, kept per page and language (``core.itemcache``).
RESULTS = ItemCache("search-results", load=_load_results, build=_build_result)


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

        def run():
            queryset = visibility.search_filter(model.objects.live().filter(locale=Locale.get_active()))
            paged = paginate(request, engine.search(queryset, query), RESULTS_PER_PAGE)
            ids = [page.pk for page in paged.page.object_list]
            return {
                "ids": ids,
                "total": paged.paginator.count,
                "number": paged.page.number,
                "messages": paged.messages,
            }

        # What a search found is kept until any page changes (``resolver``: every publish,
        # unpublish, move, delete and privacy change, when the search index changes too), per
        # language, reader's visibility, type, query and page number.
        digest = hashlib.sha256(
            f"{selected_type}\n{request.GET.get(PAGE_PARAMETER, '')}\n{query}".encode()
        ).hexdigest()
        found = cached(
            f"search:{get_language()}:{visibility_key(visibility)}:{digest}", [RESOLVER], run, record=False
        )
        total = found["total"]
        page_messages = found["messages"]
        results_page = Paginator(range(total), RESULTS_PER_PAGE).page(found["number"])

        # Results of this page (kept per page and language), grouped by type.
        rows = [{"pk": pk} for pk in found["ids"]]
        grouped = OrderedDict()
        for item in RESULTS.items(rows, request):
            grouped.setdefault(item["label"], []).append(mark_safe(item["html"]))  # noqa: S308 (our template)
        groups = [{"label": label, "results": results} for label, results in grouped.items()]

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
