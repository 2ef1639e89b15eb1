"""The knowledge listing: filtered, searchable, newest first, paginated."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .filters import ArticleFilterSet
from .members import Visibility

PER_PAGE = 12
FILTER_NAMES = ("q", "dossier", "theme", "kind", "year")


@dataclass
class Listing:
    filterset: ArticleFilterSet
    page_obj: object
    items: list
    errors: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    years: list = field(default_factory=list)
    query_string: str = ""
    count: int = 0

    @property
    def is_filtered(self):
        return bool(self.query_string)


def article_base_queryset(locale):
    """Every live article of a language (members-only ones included: they show as teasers)."""
    from .models import ArticlePage

    return (
        ArticlePage.objects.live()
        .filter(locale=locale, alias_of__isnull=True)
        .prefetch_related("dossiers", "themes")
        .order_by("-publication_date", "-pk")
    )


def clean_params(querydict):
    """The filter parameters that were given a value (for links and the feed address)."""
    return {name: querydict.get(name, "").strip() for name in FILTER_NAMES if querydict.get(name, "").strip()}


def filtered_articles(data, locale, user):
    """``(filterset, queryset, errors)``; with invalid filters the invalid ones are ignored."""
    base = article_base_queryset(locale)
    filterset = ArticleFilterSet(data, base, locale=locale, user=user)
    errors = []
    if not filterset.is_valid():
        errors = [message for _name, message in filterset.error_messages()]
        valid = {name: value for name, value in data.items() if name not in filterset.form.errors}
        retry = ArticleFilterSet(valid, base, locale=locale, user=user)
        queryset = retry.qs if retry.is_valid() else base
    else:
        queryset = filterset.qs
    return filterset, queryset, errors


def build_listing(request, index_page):
    params = clean_params(request.GET)
    filterset, queryset, errors = filtered_articles(params, index_page.locale, request.user)

    paginator = Paginator(queryset, PER_PAGE)
    page_number = request.GET.get("page", "1")
    notices = []
    if not page_number.isdigit() or not 1 <= int(page_number) <= paginator.num_pages:
        if page_number != "1":
            notices.append(
                _("There is no page %(page)s of results; showing the first page.") % {"page": page_number}
            )
        page_number = 1
    page_obj = paginator.page(page_number)

    visibility = Visibility(request.user)
    items = [
        {
            "page": article,
            "members_only": visibility.is_restricted(article),
            "can_view": visibility.can_view(article),
        }
        for article in page_obj.object_list
    ]
    from .models import ArticlePage

    years = list(
        ArticlePage.objects.live()
        .filter(locale=index_page.locale, alias_of__isnull=True)
        .annotate(y=ExtractYear("publication_date"))
        .values_list("y", flat=True)
        .distinct()
        .order_by("-y")
    )
    return Listing(
        filterset=filterset,
        page_obj=page_obj,
        items=items,
        errors=errors,
        notices=notices,
        years=years,
        query_string=urlencode({k: v for k, v in params.items() if k not in filterset.form.errors}),
        count=paginator.count,
    )
