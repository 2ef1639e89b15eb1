"""``/api/v1/dossiers/``, ``/api/v1/articles/`` and ``/api/v1/figures/``.

Only live, public pages are listed: members-only articles and their documents never
appear here (the API is public and cached).
"""

from datetime import date
from typing import Any, Literal

from django.http import Http404
from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field

from core.api.conventions import ListParams, LocaleParams, PageItem, get_locale, page_item, paginate, public_pages
from core.api.problems import ApiError, Problem

from .api_data import article_data, article_summary, dossier_data, dossier_summary, figures_data
from .choices import ArticleKind
from .filters import MAX_QUERY_LENGTH, ArticleFilterSet
from .models import ArticlePage, DossierPage, FiguresPage

router = Router(tags=["knowledge"])


class TaxonomyRef(Schema):
    id: int
    slug: str
    name: str


class DocumentOut(Schema):
    id: int
    title: str = Field(description="The title shown for the download.")
    url: str = Field(description="The download address (served with Wagtail's privacy checks).")
    extension: str = Field(description="File type, e.g. 'pdf'.")
    size: int | None = Field(description="File size in bytes.")


class PageRef(Schema):
    id: int
    title: str
    url: str | None


class Block(Schema):
    type: str = Field(
        description=(
            "Block type: heading, paragraph, image, quote, call_to_action, embed, table, accordion, "
            "documents or chart."
        )
    )
    id: str | None = Field(description="Stable block id within the page.")
    value: Any = Field(
        description=(
            "The block's data. paragraph: an HTML string; heading: {text, level}; documents: "
            "{heading, documents: [document]}; chart: {title, description, chart_type: bar|line, unit, "
            "axis_label, categories: [str], series: [{name, values: [number|null]}], source}; "
            "the other shared blocks as documented for the pages API."
        )
    )


class DossierItem(PageItem):
    summary: str
    intro: str
    dossier: TaxonomyRef | None = Field(description="The taxonomy dossier this page presents.")


class ArticleRef(PageRef):
    kind: str
    publication_date: date


class LeadContact(Schema):
    name: str
    role: str
    email: str


class DossierDetail(DossierItem):
    body: list[Block]
    lead_contact: LeadContact | None
    key_documents: list[DocumentOut]
    articles: list[ArticleRef] = Field(description="Public articles of the dossier, newest first.")
    related_events: list[PageRef] = Field(description="Upcoming public agenda events of the dossier.")


class ArticleItem(PageItem):
    kind: str = Field(description="article, guide, report, toolkit, advice or news.")
    summary: str
    publication_date: date
    last_reviewed: date | None
    dossiers: list[TaxonomyRef]
    themes: list[TaxonomyRef]


class Author(Schema):
    name: str
    role: str


class ArticleDetail(ArticleItem):
    intro: str
    authors: list[Author]
    body: list[Block]
    downloads: list[DocumentOut]
    related: list[PageRef] = Field(description="Related public articles.")


class Figure(Schema):
    key: str = Field(description="A stable key, e.g. total_visits, foreign_visits, museumkaart_visits.")
    label: str
    value: float
    unit: Literal["count", "percent"]
    is_estimate: bool = Field(description="True when the figure is an estimate, not a measured total.")
    notes: str


class FiguresYear(PageItem):
    year: int
    source: str
    figures: list[Figure]


class DossierList(Schema):
    count: int
    items: list[DossierItem]


class ArticleList(Schema):
    count: int
    items: list[ArticleItem]


class FiguresList(Schema):
    count: int
    items: list[FiguresYear]


class ArticleParams(ListParams):
    dossier: str | None = Field(None, max_length=150, description="A dossier's slug, e.g. 'duurzaamheid'.")
    theme: str | None = Field(None, max_length=100, description="A theme's slug, e.g. 'inclusief'.")
    kind: Literal[tuple(ArticleKind.values)] | None = Field(None, description="The kind of item.")  # type: ignore[valid-type]
    year: int | None = Field(None, ge=1900, le=2100, description="Publication year.")
    q: str | None = Field(
        None, max_length=MAX_QUERY_LENGTH, description="Full-text search (public items only)."
    )


def _dossier_queryset(locale):
    return public_pages(DossierPage, locale).select_related("dossier", "locale").order_by("title")


@router.get("/dossiers/", response={200: DossierList, 400: Problem}, summary="Dossiers of the knowledge base")
def list_dossiers(request, params: Query[ListParams]):
    return paginate(
        _dossier_queryset(params.locale),
        params,
        lambda page: {**page_item(page, request), **dossier_summary(page)},
    )


@router.get(
    "/dossiers/{dossier_id}/",
    response={200: DossierDetail, 400: Problem, 404: Problem},
    summary="A dossier with its documents, articles and events",
)
def get_dossier(request, dossier_id: int, params: Query[LocaleParams]):
    page = _dossier_queryset(params.locale).filter(pk=dossier_id).first()
    if page is None:
        raise Http404
    return {**page_item(page, request), **dossier_data(page, request)}


@router.get(
    "/articles/",
    response={200: ArticleList, 400: Problem},
    summary="Knowledge articles, newest first",
    description="Filters combine: `dossier` and `theme` are slugs, `kind` a kind, `year` the "
    "publication year, `q` a full-text search. Unknown slugs are a 400 problem.",
)
def list_articles(request, params: Query[ArticleParams]):
    queryset = (
        public_pages(ArticlePage, params.locale)
        .select_related("locale")
        .prefetch_related("dossiers", "themes")
        .order_by("-publication_date", "-pk")
    )
    data = {name: getattr(params, name) for name in ("dossier", "theme", "kind", "year", "q")}
    data = {name: str(value) for name, value in data.items() if value not in (None, "")}
    filterset = ArticleFilterSet(data, queryset, locale=get_locale(params.locale), user=None)
    if not filterset.is_valid():
        invalid = [
            {"name": name, "reason": " ".join(str(m) for m in messages)}
            for name, messages in filterset.form.errors.items()
        ]
        raise ApiError(400, "; ".join(f"{p['name']}: {p['reason']}" for p in invalid), invalid)
    return paginate(filterset.qs, params, lambda page: {**page_item(page, request), **article_summary(page)})


@router.get(
    "/articles/{article_id}/",
    response={200: ArticleDetail, 400: Problem, 404: Problem},
    summary="A knowledge article with its body blocks and downloads",
)
def get_article(request, article_id: int, params: Query[LocaleParams]):
    page = public_pages(ArticlePage, params.locale).filter(pk=article_id).first()
    if page is None:
        raise Http404
    return {**page_item(page, request), **article_data(page, request)}


@router.get(
    "/figures/",
    response={200: FiguresList, 400: Problem},
    summary="Museumcijfers: every year's figures, oldest first",
    description="Each item is one year's figures page; estimates are marked with `is_estimate`.",
)
def list_figures(request, params: Query[ListParams]):
    queryset = (
        public_pages(FiguresPage, params.locale)
        .select_related("locale")
        .prefetch_related("figures")
        .order_by("year")
    )
    with translation.override(params.locale):  # figure labels in the requested language
        return paginate(queryset, params, lambda page: {**page_item(page, request), **figures_data(page)})
