"""``/api/v1/search/`` and ``/api/v1/suggest/``: the site search for museum.nl, with the editors'
promotions, facets and highlighted snippets; Elasticsearch or the database backend alike."""

import logging
from typing import Literal

from django.conf import settings
from django.utils.html import strip_tags
from ninja import Query, Router
from pydantic import Field
from wagtail.models import Locale, Page

from core.api.conventions import (
    LANGUAGE_CODES,
    LocaleCode,
    PageItem,
    PageRef,
    WindowParams,
    get_locale,
    page_item,
    page_ref,
)
from core.api.problems import Problem, invalid, unavailable_problem
from core.api.schema import Schema
from core.links import public_url
from core.models import Dossier, Theme
from core.visibility import Visibility
from qa.models import ZeroResultQuery

from . import engine
from .queries import (
    FACET_LIMIT,
    UNAVAILABLE,
    facets,
    highlight,
    promotions,
    public_search_queryset,
    searchable_page_types,
    taxonomy_page_ids,
)

logger = logging.getLogger(__name__)
router = Router(tags=["search"])

MAX_QUERY_LENGTH = 200
SUGGEST_LIMIT = 10


class SearchParams(WindowParams):
    q: str = Field(min_length=1, max_length=MAX_QUERY_LENGTH, description="What to search for.")
    locale: Literal[(*LANGUAGE_CODES, "all")] = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE, description="Language of the results; `all` for every language."
    )
    type: str | None = Field(
        None, max_length=100, description="Only this page type, e.g. `knowledge.articlepage`."
    )
    theme: str | None = Field(None, max_length=100, description="Only pages with this theme (slug).")
    dossier: str | None = Field(None, max_length=150, description="Only pages in this dossier (slug).")


class SuggestParams(Schema):
    q: str = Field(
        min_length=1, max_length=100, description="What was typed so far (the last word may be unfinished)."
    )
    locale: LocaleCode = Field(settings.LANGUAGE_CODE, description="Language of the suggestions.")  # type: ignore[valid-type]
    limit: int = Field(8, ge=1, le=SUGGEST_LIMIT, description=f"How many (at most {SUGGEST_LIMIT}).")


class Promotion(Schema):
    title: str
    description: str
    url: str = Field(description="The absolute address the promotion leads to.")
    page: PageRef | None = Field(description="The promoted page; null for an external link.")


class SearchResult(PageItem):
    type_label: str = Field(description="The page type in words, in the language asked for.")
    snippet: str = Field(description="Text around the first match, HTML-escaped, matches in <mark>.")


class FacetValue(Schema):
    value: str = Field(description="Pass this as the filter of the same name.")
    label: str
    count: int


class Facets(Schema):
    type: list[FacetValue]
    locale: list[FacetValue]
    theme: list[FacetValue]
    dossier: list[FacetValue]


class SearchAnswer(Schema):
    count: int
    next: str | None
    previous: str | None
    promotions: list[Promotion] = Field(description="The editors' promotions for this search, first.")
    facets: Facets = Field(description="What the results hold, counted (at most the first 1,000 results).")
    facets_complete: bool = Field(description="False when there were more results than the facets count.")
    items: list[SearchResult]


class Suggestion(PageRef):
    type_label: str


class SuggestionList(Schema):
    items: list[Suggestion]


def _unavailable(error):
    logger.warning("search backend unavailable: %s", error)
    return unavailable_problem("Search is unavailable for a moment; please try again shortly.")


def _window_link(request, offset, limit):
    query = request.GET.copy()
    query["offset"], query["limit"] = str(offset), str(limit)
    return public_url(request.path) + "?" + query.urlencode()


@router.get(
    "/search/",
    response={200: SearchAnswer, 400: Problem, 503: Problem},
    summary="Search the whole site",
    description=(
        "Every public page type, most relevant first, with the editors' promotions for the search "
        "first, facets (type, language, theme, dossier) with counts, and a highlighted snippet per "
        "result. A search that finds nothing is recorded anonymously for the editors. When the "
        "search engine cannot be reached: 503 with Retry-After."
    ),
)
def search(request, params: Query[SearchParams]):
    query = " ".join(params.q.split())
    if not query:
        raise invalid([{"name": "q", "reason": "must contain a word"}])
    page_types = searchable_page_types()
    errors = []
    if params.type and params.type.lower() not in page_types:
        errors.append({"name": "type", "reason": "must be one of " + ", ".join(sorted(page_types))})
    for name, model in (("theme", Theme), ("dossier", Dossier)):
        slug = getattr(params, name)
        if slug and not model.objects.filter(slug=slug).exists():
            errors.append({"name": name, "reason": f"no {name} with this slug"})
    if errors:
        raise invalid(errors)
    locale = Locale.objects.filter(language_code=params.locale).first() if params.locale != "all" else None
    visibility = Visibility.public()
    model = page_types[params.type.lower()] if params.type else Page
    queryset = public_search_queryset(model, visibility, locale)
    for name, snippet_model in (("theme", Theme), ("dossier", Dossier)):
        slug = getattr(params, name)
        if slug:
            queryset = queryset.filter(pk__in=list(taxonomy_page_ids(snippet_model, slug)) or [0])
    try:
        results = engine.search(queryset, query)
        count = results.count()
        window = list(results[params.offset : params.offset + params.limit]) if params.offset < count else []
        facet_ids = results.ids(FACET_LIMIT)
    except UNAVAILABLE as error:
        return _unavailable(error)
    picks = promotions(query, visibility, locale or Locale.get_default()) if params.offset == 0 else []
    if not count and not (params.type or params.theme or params.dossier):
        ZeroResultQuery.record(query, params.locale, ZeroResultQuery.Scope.SITE)
    specific = Page.objects.filter(pk__in=[page.pk for page in window]).specific().in_bulk()
    locales = Locale.objects.in_bulk()
    items = []
    for page in window:
        page = specific.get(page.pk)
        if page is None:
            continue
        page.locale = locales[page.locale_id]  # one query for all, not one per item
        summary = getattr(page, "get_listing_summary", lambda p=page: p.search_description)()
        summary = strip_tags(summary or str(getattr(page, "intro", "") or "")) or page.title
        items.append(
            {
                **page_item(page, request),
                "type_label": str(page._meta.verbose_name),
                "snippet": highlight(summary, query),
            }
        )
    following = params.offset + params.limit
    return {
        "count": count,
        "next": _window_link(request, following, params.limit) if following < count else None,
        "previous": _window_link(request, max(0, params.offset - params.limit), params.limit)
        if params.offset
        else None,
        "promotions": [
            {
                "title": pick.title or (pick.page.title if pick.page else ""),
                "description": pick.description,
                "url": page_ref(pick.page, request)["url"] if pick.page else pick.link,
                "page": page_ref(pick.page, request) if pick.page else None,
            }
            for pick in picks
        ],
        "facets": facets(facet_ids),
        "facets_complete": count <= FACET_LIMIT,
        "items": items,
    }


@router.get(
    "/suggest/",
    response={200: SuggestionList, 400: Problem, 503: Problem},
    summary="Site-wide suggestions as you type",
    description="Public pages whose title matches what was typed so far, for a search box's suggestions.",
)
def suggest(request, params: Query[SuggestParams]):
    query = " ".join(params.q.split())
    if not query:
        raise invalid([{"name": "q", "reason": "must contain a word"}])
    queryset = public_search_queryset(Page, Visibility.public(), get_locale(params.locale))
    try:
        found = list(queryset.autocomplete(query, fields=["title"])[: params.limit])
    except UNAVAILABLE as error:
        return _unavailable(error)
    specific = Page.objects.filter(pk__in=[page.pk for page in found]).specific().in_bulk()
    return {
        "items": [
            {**page_ref(specific[page.pk], request), "type_label": str(specific[page.pk]._meta.verbose_name)}
            for page in found
            if page.pk in specific
        ]
    }
