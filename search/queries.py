"""What the HTML search and the search API share: page types, promotions, facets, snippets,
suggestions, and the errors of a search backend that cannot be reached."""

import html
import re
from collections import Counter

from django.conf import settings
from django.db.models import Count
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from core.dependencies import page_m2m_fields
from core.models import Dossier, Theme
from core.page_types import project_page_models
from core.services import UNAVAILABLE  # noqa: F401 - the search API's name for them

FACET_LIMIT = 1000  # facets count at most this many results (``facets_complete`` says so)
SNIPPET_CHARS = 200


def searchable_page_types():
    """Page types readers can narrow the search to: ``{label_lower: model}``."""
    return {model._meta.label_lower: model for model in project_page_models()}


def public_search_queryset(model, visibility, locale=None):
    """Live pages of ``model`` the reader may see, without aliases (the API lists pages of their
    own), in ``locale`` (a ``Locale``) when given; in the form search backends accept.

    In a language other than the default, the default language's pages that have no live page of
    their own in ``locale`` yet are searched too (as ``core.api.conventions.public_pages`` lists
    them): a reader of English still finds a page only in Dutch, and its item says ``locale``."""
    queryset = visibility.search_filter(model.objects.live())
    aliases = Page.objects.filter(alias_of__isnull=False)
    if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
        default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        queryset = queryset.filter(locale__in=[locale, default])
        aliases = aliases.filter(locale__in=[locale, default])
        translated = Page.objects.filter(locale=locale, alias_of__isnull=True, live=True)
        translated_ids = list(
            Page.objects.filter(
                locale=default, translation_key__in=translated.values("translation_key")
            ).values_list("pk", flat=True)
        )
        if translated_ids:
            queryset = queryset.exclude(pk__in=translated_ids)
    elif locale is not None:
        queryset = queryset.filter(locale=locale)
        aliases = aliases.filter(locale=locale)
    alias_ids = list(aliases.values_list("pk", flat=True))
    return queryset.exclude(pk__in=alias_ids) if alias_ids else queryset


def taxonomy_page_ids(snippet_model, slug):
    """Ids of the pages tagged with the ``snippet_model`` (theme, dossier) of ``slug``."""
    ids = set()
    for _model, field in page_m2m_fields():
        if field.related_model is snippet_model:
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            ids.update(
                through.objects.filter(**{f"{target}__slug": slug}).values_list(f"{source}_id", flat=True)
            )
    return ids


def promotions(query, visibility, locale):
    """The editors' promotions for ``query`` that the reader may open, in ``locale``; records the
    search (Wagtail's popular searches)."""
    search_query = Query.get(query)
    search_query.add_hit()
    return [
        promotion
        for promotion in search_query.editors_picks.select_related("page").order_by("sort_order")
        if promotion.page is None
        or (visibility.can_view(promotion.page) and promotion.page.locale_id == locale.pk)
    ]


def facets(ids):
    """``{"type", "locale", "theme", "dossier": [{"value", "label", "count"}]}`` of the pages ``ids``."""
    pages = Page.objects.filter(pk__in=ids)
    models = {model._meta.label_lower: model for model in project_page_models()}
    by_type = Counter()
    for _content_type, app_label, model_name, count in pages.values_list(
        "content_type", "content_type__app_label", "content_type__model"
    ).annotate(count=Count("id")):
        by_type[f"{app_label}.{model_name}"] += count
    types = [
        {
            "value": label,
            "label": str(models[label]._meta.verbose_name) if label in models else label,
            "count": count,
        }
        for label, count in by_type.most_common()
    ]
    locales = [
        {"value": code, "label": code, "count": count}
        for code, count in pages.values_list("locale__language_code")
        .annotate(count=Count("id"))
        .order_by("-count")
    ]
    result = {"type": types, "locale": locales}
    for name, snippet_model in (("theme", Theme), ("dossier", Dossier)):
        counts, labels = Counter(), {}
        for _model, field in page_m2m_fields():
            if field.related_model is not snippet_model:
                continue
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = (
                through.objects.filter(**{f"{source}_id__in": ids})
                .values_list(f"{target}__slug", f"{target}__name")
                .annotate(count=Count("id"))
            )
            for slug, label, count in rows:
                counts[slug] += count
                labels[slug] = label
        result[name] = [
            {"value": slug, "label": labels[slug], "count": count} for slug, count in counts.most_common()
        ]
    return result


def highlight(text, query, limit=SNIPPET_CHARS):
    """``text`` around the first word of ``query`` it contains, HTML-escaped, with every word of
    the query in ``<mark>``; the start of ``text`` when none is found."""
    words = [re.escape(word) for word in query.split() if len(word) > 1]
    text = " ".join(text.split())
    if not text:
        return ""
    pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - limit // 3) if match else 0
    if start:
        start = text.rfind(" ", 0, start) + 1
    window = text[start : start + limit]
    if start + limit < len(text):
        window = window[: window.rfind(" ")] if " " in window else window
    parts, last = [], 0
    for found in pattern.finditer(window) if pattern else ():
        parts.append(html.escape(window[last : found.start()]))
        parts.append(f"<mark>{html.escape(found.group())}</mark>")
        last = found.end()
    parts.append(html.escape(window[last:]))
    return ("… " if start else "") + "".join(parts) + (" …" if start + limit < len(text) else "")
