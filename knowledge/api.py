"""``/api/v1/dossiers/``, ``/api/v1/articles/`` and ``/api/v1/figures/``.

The API is public and cached: it shows what the public may see (``Visibility.public()``),
whoever asks. Members-only articles, their titles and their documents never appear here, not
even as a count. Lists follow ``core.api.conventions`` (``list_schema`` + ``Pagination``);
details are flat (the item's fields plus the type's own) and answer the one not-found problem.
"""

from datetime import date
from typing import Any, Literal

from django.utils import translation
from ninja import Query, Router
from pydantic import Field

from core.api.conventions import (
    ListParams,
    LocaleParams,
    PageItem,
    PageRef,
    Pagination,
    get_locale,
    list_schema,
    public_pages,
)
from core.api.images import Image
from core.api.problems import Problem, invalid, not_found
from core.api.schema import Schema
from core.images import image_prefetch
from core.itemcache import ItemCache
from core.visibility import Visibility

from .choices import ArticleKind, FigureUnit
from .filters import MAX_QUERY_LENGTH, ArticleFilterSet
from .models import ArticlePage, DossierPage, FiguresPage
from .serializers import article_detail, article_item, dossier_detail, dossier_item, figures_item

router = Router(tags=["knowledge"])

ArticleKindValue = Literal[tuple(ArticleKind.values)]  # type: ignore[valid-type]
FigureUnitValue = Literal[tuple(FigureUnit.values)]  # type: ignore[valid-type]


class KnowledgeTaxonomyRef(Schema):
    """A theme or dossier of the taxonomy (``/api/v1/themes/``; dossiers by slug)."""

    id: int
    slug: str
    name: str


class KnowledgeDocument(Schema):
    id: int
    title: str = Field(description="The title shown for the download.")
    url: str = Field(description="The absolute download address (served with the privacy checks).")
    extension: str = Field(description="File type, e.g. 'pdf'.")
    size: int | None = Field(description="File size in bytes.")


class KnowledgeBlock(Schema):
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
    dossier: KnowledgeTaxonomyRef | None = Field(description="The taxonomy dossier this page presents.")


class ArticleRef(PageRef):
    kind: ArticleKindValue  # type: ignore[valid-type]
    publication_date: date


class DossierLeadContact(Schema):
    name: str
    role: str
    email: str


class DossierDetail(DossierItem):
    body: list[KnowledgeBlock]
    lead_contact: DossierLeadContact | None
    key_documents: list[KnowledgeDocument]
    articles: list[ArticleRef] = Field(description="Public articles of the dossier, newest first.")
    related_events: list[PageRef] = Field(description="Upcoming public agenda events of the dossier.")


class ArticleItem(PageItem):
    kind: ArticleKindValue = Field(description="The kind of item.")  # type: ignore[valid-type]
    summary: str
    publication_date: date
    last_reviewed: date | None
    dossiers: list[KnowledgeTaxonomyRef]
    themes: list[KnowledgeTaxonomyRef]
    image: Image | None = Field(description="The article's image, with its alt text and renditions.")


class ArticleAuthor(Schema):
    name: str
    role: str


class ArticleDetail(ArticleItem):
    intro: str
    authors: list[ArticleAuthor]
    body: list[KnowledgeBlock]
    downloads: list[KnowledgeDocument]
    related: list[PageRef] = Field(description="Related public articles.")


class FigureValue(Schema):
    key: str = Field(description="A stable key, e.g. total_visits, foreign_visits, museumkaart_visits.")
    label: str = Field(description="The figure's name in the language of `locale`.")
    value: float
    unit: FigureUnitValue  # type: ignore[valid-type]
    is_estimate: bool = Field(description="True when the figure is an estimate, not a measured total.")
    notes: str


class FiguresYear(PageItem):
    year: int
    source: str
    figures: list[FigureValue]


DossierList = list_schema(DossierItem)
ArticleList = list_schema(ArticleItem)
FiguresList = list_schema(FiguresYear)


class ArticleParams(ListParams):
    dossier: str | None = Field(None, max_length=150, description="A dossier's slug, e.g. 'duurzaamheid'.")
    theme: str | None = Field(None, max_length=100, description="A theme's slug, e.g. 'inclusief'.")
    kind: ArticleKindValue | None = Field(None, description="The kind of item.")  # type: ignore[valid-type]
    year: int | None = Field(None, ge=1900, le=2100, description="Publication year.")
    q: str | None = Field(
        None, max_length=MAX_QUERY_LENGTH, description="Full-text search (public items only)."
    )


FILTER_NAMES = ("dossier", "theme", "kind", "year", "q")


def _dossiers(locale):
    return public_pages(DossierPage, locale).select_related("dossier", "locale").order_by("title", "pk")


def _articles(locale):
    return (
        public_pages(ArticlePage, locale)
        .select_related("locale")
        .prefetch_related("dossiers", "themes", image_prefetch("image"))
        .order_by("-publication_date", "-pk")
    )


@router.get(
    "/dossiers/",
    response={200: DossierList, 400: Problem, 410: Problem},
    summary="Dossiers of the knowledge base",
)
def list_dossiers(request, params: Query[ListParams]):
    return Pagination(request, params).respond(
        _dossiers(params.locale), lambda page: dossier_item(page, request)
    )


@router.get(
    "/dossiers/{dossier_id}/",
    response={200: DossierDetail, 400: Problem, 404: Problem},
    summary="A dossier with its documents, articles and events",
)
def get_dossier(request, dossier_id: int, params: Query[LocaleParams]):
    page = _dossiers(params.locale).filter(pk=dossier_id).first()
    if page is None:
        raise not_found("dossier", dossier_id)
    return dossier_detail(page, request, Visibility.public())


def _load_articles(ids):
    return (
        ArticlePage.objects.filter(pk__in=ids)
        .select_related("locale")
        .prefetch_related("dossiers", "themes", image_prefetch("image"))
        .in_bulk()
    )


ARTICLE_ITEMS = ItemCache("articles", load=_load_articles, build=article_item)


@router.get(
    "/articles/",
    response={200: ArticleList, 400: Problem, 410: Problem},
    summary="Knowledge articles, newest first",
    description="Filters combine: `dossier` and `theme` are slugs, `kind` a kind, `year` the "
    "publication year, `q` a full-text search. Unknown slugs are a 400 problem.",
)
def list_articles(request, params: Query[ArticleParams]):
    data = {name: getattr(params, name) for name in FILTER_NAMES}
    data = {name: str(value) for name, value in data.items() if value not in (None, "")}
    filterset = ArticleFilterSet(
        data, _articles(params.locale), locale=get_locale(params.locale), visibility=Visibility.public()
    )
    if not filterset.is_valid():
        raise invalid(filterset.errors)
    return Pagination(request, params).respond_cached(filterset.qs, ARTICLE_ITEMS)


@router.get(
    "/articles/{article_id}/",
    response={200: ArticleDetail, 400: Problem, 404: Problem},
    summary="A knowledge article with its body blocks and downloads",
)
def get_article(request, article_id: int, params: Query[LocaleParams]):
    page = _articles(params.locale).filter(pk=article_id).first()
    if page is None:
        raise not_found("article", article_id)
    return article_detail(page, request, Visibility.public())


@router.get(
    "/figures/",
    response={200: FiguresList, 400: Problem, 410: Problem},
    summary="Museumcijfers: every year's figures, oldest first",
    description="Each item is one year's figures page; estimates are marked with `is_estimate`.",
)
def list_figures(request, params: Query[ListParams]):
    queryset = (
        public_pages(FiguresPage, params.locale)
        .select_related("locale")
        .prefetch_related("figures")
        .order_by("year", "pk")
    )
    with translation.override(params.locale):  # figure labels in the requested language
        return Pagination(request, params).respond(queryset, lambda page: figures_item(page, request))
