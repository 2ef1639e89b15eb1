"""What the knowledge pages hand to their templates: the listing (filters, search, page numbers)
and the context of the dossier, article and figures pages.

Every list judges the reader with the one visibility rule (``core.visibility``). An article the
reader may not open is never shown, not even by title: the listing and the dossier page only say
how many articles a login would open ("12 more articles for members — log in", from
``Visibility.hidden_count``); password-protected articles are never counted.
"""

import hashlib
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseViewRestriction

from core.cachetags import cached, page_tag, type_tag
from core.charts import format_value, render_chart
from core.fragments import Lazy, fragment_key
from core.images import image_prefetch
from core.itemcache import ItemCache
from core.models import Dossier, Theme
from core.paging import kept_page
from core.visibility import Visibility

from .choices import ArticleKind, FigureKey
from .filters import ArticleFilterSet
from .queries import related_articles, related_events

PER_PAGE = 12
FILTER_NAMES = ("q", "dossier", "theme", "kind", "year")

# The trend charts on every figures page: (title, figure keys, divisor, unit).
TREND_CHARTS = [
    (
        _("Museum visits per year"),
        [FigureKey.TOTAL_VISITS, FigureKey.FOREIGN_VISITS, FigureKey.MUSEUMKAART_VISITS],
        1_000_000,
        _("million"),
    ),
    (_("Museumkaart holders per year"), [FigureKey.MUSEUMKAART_HOLDERS], 1_000_000, _("million")),
]


@dataclass
class Listing:
    filterset: ArticleFilterSet
    page_obj: object
    items: list
    query: QueryDict
    errors: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    years: list = field(default_factory=list)
    count: int = 0
    hidden_count: int = 0

    @property
    def is_filtered(self):
        return bool(self.query)


def clean_params(querydict):
    """The filter parameters that were given a value (for links and the feed address)."""
    return {name: querydict.get(name, "").strip() for name in FILTER_NAMES if querydict.get(name, "").strip()}


def filtered_articles(data, locale, base, visibility):
    """``(filterset, queryset, errors)`` for the filters in ``data`` over ``base``; with invalid
    filters the invalid ones are ignored. The queryset is not yet limited to what the reader may
    see (``visibility`` only narrows a search), so a listing can count what it leaves out."""
    filterset = ArticleFilterSet(data, base, locale=locale, visibility=visibility)
    errors = []
    if not filterset.is_valid():
        errors = [message for _name, message in filterset.error_messages()]
        valid = {name: value for name, value in data.items() if name not in filterset.form.errors}
        retry = ArticleFilterSet(valid, base, locale=locale, visibility=visibility)
        queryset = retry.qs if retry.is_valid() else base
    else:
        queryset = filterset.qs
    return filterset, queryset, errors


def login_url(request):
    """Wagtail's login page (where a restricted page sends its readers), coming back here."""
    query = QueryDict(mutable=True)
    query[REDIRECT_FIELD_NAME] = request.get_full_path()
    return f"{reverse('wagtailcore_login')}?{query.urlencode(safe='/')}"


MEMBERS_RESTRICTIONS = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def members_only(page, visibility):
    """Whether a login or group restriction covers ``page`` (its "Members only" mark; a page
    behind a password is not "for members")."""
    return any(
        restriction.kind in MEMBERS_RESTRICTIONS and page.path.startswith(restriction.path)
        for restriction in visibility.restrictions
    )


def _load_articles(ids):
    return (
        apps.get_model("knowledge", "ArticlePage")
        .objects.filter(pk__in=ids)
        .prefetch_related("dossiers", image_prefetch("image"))
        .in_bulk()
    )


def _build_card(article, request):
    # The "Members only" mark follows the restrictions (the same for every reader); a change of
    # a restriction makes the cards below it stale (``core.dependencies``, subtree).
    item = {"page": article, "members_only": members_only(article, Visibility.public())}
    return render_to_string("knowledge/includes/article_card.html", {"item": item, "request": request})


# Article cards of the knowledge base and the dossiers, kept per article and language.
ARTICLE_CARDS = ItemCache(
    "article-cards",
    load=_load_articles,
    build=_build_card,
    finish=lambda card, row, request: mark_safe(card),  # noqa: S308 (rendered by our template)
)


def article_items(articles, request):
    """The cards (HTML) of ``articles``, a queryset of articles the reader may see."""
    rows = articles if isinstance(articles, list) else list(ARTICLE_CARDS.window(articles))
    return ARTICLE_CARDS.items(rows, request)


def build_listing(request, index_page):
    visibility = Visibility.for_request(request)
    params = clean_params(request.GET)
    base = index_page.get_articles()
    filterset, queryset, errors = filtered_articles(params, index_page.locale, base, visibility)
    # The page's rows and counts are kept per filters, page number and reader until an article
    # or the index changes: a listing of every article of the language, wherever it sits.
    digest = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:24]
    paged, hidden = kept_page(
        request,
        fragment_key("knowledge-listing", request, index_page, digest),
        [page_tag(index_page), type_tag(apps.get_model("knowledge", "ArticlePage"))],
        lambda: ARTICLE_CARDS.window(visibility.filter(queryset)),
        PER_PAGE,
        extra=lambda: visibility.hidden_count(queryset),
    )
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in params.items() if name not in filterset.form.errors})
    years = cached(
        fragment_key("knowledge-years", request, index_page),
        [page_tag(index_page)],
        lambda: list(
            visibility.filter(base)
            .annotate(y=ExtractYear("publication_date"))
            .order_by("-y")
            .values_list("y", flat=True)
            .distinct()
        ),
    )
    return Listing(
        filterset=filterset,
        page_obj=paged.page,
        items=article_items(list(paged.page.object_list), request),
        query=query,
        errors=errors,
        notices=paged.messages,
        years=years,
        count=paged.paginator.count,
        hidden_count=hidden,
    )


def snippet_choices(model, locale_id):
    """``[{"slug", "name"}]`` of a snippet model in a locale, for a filter's options: kept until
    a snippet of the model changes (``core.dependencies`` bumps its type's tag)."""
    return cached(
        f"choices:{model._meta.label_lower}:{locale_id}",
        [type_tag(model)],
        lambda: list(model.objects.filter(locale_id=locale_id).values("slug", "name")),
    )


def index_context(index_page, request):
    visibility = Visibility.for_request(request)
    return {
        "listing": build_listing(request, index_page),
        "kind_choices": ArticleKind.choices,
        "dossier_choices": snippet_choices(Dossier, index_page.locale_id),
        "theme_choices": snippet_choices(Theme, index_page.locale_id),
        "dossiers": cached(
            fragment_key("knowledge-dossiers", request, index_page),
            [page_tag(index_page)],
            lambda: list(visibility.listable(index_page.get_dossiers())),
        ),
        "login_url": login_url(request),
    }


def dossier_context(dossier_page, request):
    """Only the dossier's cached fragments read these (the events' fragment once a day)."""
    visibility = Visibility.for_request(request)
    articles = dossier_page.get_articles()
    return {
        "articles": Lazy(lambda: article_items(visibility.filter(articles), request)),
        "hidden_count": Lazy(lambda: visibility.hidden_count(articles)),
        "login_url": login_url(request),
        "key_documents": Lazy(lambda: list(dossier_page.key_documents.select_related("document"))),
        "related_events": Lazy(lambda: related_events(dossier_page.dossier, dossier_page.locale, visibility)),
        "figures_pages": Lazy(lambda: list(visibility.listable(dossier_page.get_figures_pages()))),
        "today": timezone.localdate(),
    }


def article_context(article, request):
    visibility = Visibility.for_request(request)
    return {
        # Only the article's cached fragment reads these.
        "downloads": Lazy(lambda: list(article.downloads.select_related("document"))),
        "related_articles": Lazy(lambda: related_articles(article, visibility)),
        # Related articles may be any article of the same dossiers: their fragment goes stale
        # with any article.
        "articles_tag": type_tag(type(article)),
        "members_only": Lazy(lambda: members_only(article, visibility)),
    }


def figures_context(figures_page, request):
    """Only the page's cached fragments read these: the year's table goes stale with the page,
    the trend charts with any figures page (``trend_tag``)."""
    visibility = Visibility.for_request(request)

    def charts():
        pages = visibility.listable(figures_page.get_trend_pages()).prefetch_related("figures")
        return trend_charts(list(pages))

    return {
        "figures": Lazy(lambda: list(figures_page.figures.all())),
        "trend_charts": Lazy(charts),
        "trend_tag": type_tag(type(figures_page)),
    }


def trend_charts(pages):
    """The trend charts over ``pages`` (figures pages, oldest year first, figures prefetched):
    one per entry of ``TREND_CHARTS`` that has figures; none below two years."""
    if len(pages) < 2:
        return []
    maps = [page.figure_map() for page in pages]
    charts = []
    for title, keys, divisor, unit in TREND_CHARTS:
        keys = [key for key in keys if any(key in figures for figures in maps)]
        if not keys:
            continue
        series, notes = [], {}
        for s, key in enumerate(keys):
            values = []
            for i, figures in enumerate(maps):
                figure = figures.get(key)
                values.append(float(figure.value) / divisor if figure else None)
                if figure and figure.is_estimate:
                    notes[(i, s)] = gettext("estimate")
            series.append((capfirst(FigureKey(key).label), values))
        first, last = pages[0].year, pages[-1].year
        description = gettext("%(title)s from %(first)s to %(last)s, in %(unit)s.") % {
            "title": title,
            "first": first,
            "last": last,
            "unit": unit,
        }
        description += " " + "; ".join(
            f"{name} {last}: {format_value(values[-1])} {unit}"
            for name, values in series
            if values[-1] is not None
        )
        charts.append(
            render_chart(
                chart_type="line",
                title=str(title),
                description=description,
                categories=[str(page.year) for page in pages],
                series=series,
                axis_label=gettext("Year"),
                unit=str(unit),
                notes=notes,
            )
        )
    return charts
