"""Reads of the Q&A: which categories and questions a reader may see, and which match a search.

Every read takes a ``core.visibility.Visibility``: the pages pass the reader's
(``Visibility.for_request``), the API and the page resolver the public one (``public_*``).

Finding questions: every question keeps a normalised ``search_text`` (see ``qa.text``). A query
matches a question when each of its terms occurs in that text: terms of four letters or more
anywhere (Dutch compounds: ``kaart`` finds ``museumkaart``), shorter ones at the start of a word.
This works the same on SQLite, PostgreSQL and with Elasticsearch. The configured Wagtail search
backend then adds its own hits and ranking where it can (Dutch stemming, Elasticsearch
fuzziness); a backend failure falls back to normalised matching only.

The page models call into this module (through ``qa.context`` and ``qa.serializers``), so it
reaches them as ``qa_models.X`` at call time rather than importing the classes by name.
"""

import logging

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, When

from core.api.conventions import public_pages
from core.tree import children_of, descendants_of, parent_path, parent_path_expression
from core.visibility import Visibility
from qa import models as qa_models
from qa import text

logger = logging.getLogger(__name__)

BACKEND_HITS = 50


# --- What a reader may see -----------------------------------------------------------------


def categories(index, visibility):
    """The categories of ``index`` that ``visibility`` lets through, in tree order."""
    queryset = children_of(qa_models.QACategoryPage.objects.all(), index)
    return visibility.listable(queryset).select_related("locale").order_by("path")


def index_questions(index, visibility):
    """Every question under ``index`` that ``visibility`` lets through, in tree order."""
    queryset = descendants_of(qa_models.QuestionPage.objects.all(), index)
    return visibility.listable(queryset).select_related("locale").order_by("path")


def category_questions(category, visibility):
    """The questions of ``category`` that ``visibility`` lets through, in editor (tree) order."""
    queryset = children_of(qa_models.QuestionPage.objects.all(), category)
    return visibility.listable(queryset).select_related("locale").order_by("path")


def question_counts(questions):
    """``{category path: number of questions}`` for a queryset of questions (one query)."""
    rows = (
        questions.order_by()
        .annotate(category_path=parent_path_expression())
        .values("category_path")
        .annotate(count=Count("pk"))
    )
    return {row["category_path"]: row["count"] for row in rows}


def category_of(question, visibility):
    """The category of ``question`` when ``visibility`` lets it through, else ``None``."""
    queryset = qa_models.QACategoryPage.objects.filter(path=parent_path(question.path))
    return visibility.listable(queryset).select_related("locale").first()


def popular_questions(index, visibility):
    """The editors' most asked questions that ``visibility`` lets through, else each category's
    first question.

    A pick stands for its question in the index's language (a translated index may still point
    at the source language's questions).
    """
    if not index.pk:  # a preview of an unsaved page
        return []
    questions = index_questions(index, visibility)
    keys = list(index.popular_questions.values_list("question__translation_key", flat=True))
    if keys:
        pages = {q.translation_key: q for q in questions.filter(translation_key__in=keys)}
        return [pages[key] for key in keys if key in pages]
    firsts = {}
    for question in questions:
        firsts.setdefault(parent_path(question.path), question)
    return list(firsts.values())


def related_questions(question, visibility):
    """Related questions that ``visibility`` lets through, in editor order, in the language of
    ``question``."""
    ids = [item.question_id for item in question.related_questions.all() if item.question_id]
    if not ids:
        return []
    QuestionPage = qa_models.QuestionPage
    key_of = dict(QuestionPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    keys = [key_of[pk] for pk in ids if pk in key_of]
    queryset = QuestionPage.objects.filter(translation_key__in=keys, locale_id=question.locale_id)
    pages = {q.translation_key: q for q in visibility.listable(queryset).select_related("locale")}
    return [pages[key] for key in keys if key in pages]


# --- What the public may see (the API) -----------------------------------------------------


def public_categories(locale_code):
    """The categories of a language that the public may see, in tree order."""
    return public_pages(qa_models.QACategoryPage, locale_code).select_related("locale").order_by("path")


def public_questions(locale_code):
    """The questions of a language that the public may see, in tree order."""
    return public_pages(qa_models.QuestionPage, locale_code).select_related("locale").order_by("path")


def public_question(question_id):
    """The question with ``question_id`` when the public may see it, else ``None``."""
    queryset = qa_models.QuestionPage.objects.filter(pk=question_id)
    return Visibility.public().listable(queryset).select_related("locale").first()


# --- Finding questions ---------------------------------------------------------------------


def _term_q(term):
    return Q(search_text__contains=term if len(term) >= 4 else " " + term)


def _occurs(term, haystack):
    return (term if len(term) >= 4 else " " + term) in haystack


def _score(terms, title, phrasings, prefix=None):
    """Higher is better: matches in the question weigh most, then phrasings, then the answer."""
    title_text = text.search_text(title)
    phrasing_text = text.search_text(phrasings)
    score = 0
    for term in terms:
        if " " + term in title_text:
            score += 6
        elif term in title_text:
            score += 4
        if _occurs(term, phrasing_text):
            score += 3
        score += 1
    if prefix and text.fold(title).startswith(prefix):
        score += 10
    return score


def _backend_hits(queryset, scope_ids, query):
    """Ids of the backend's best matches within ``scope_ids``, best first ([] on failure)."""
    if not scope_ids:
        return []
    try:
        results = queryset.model.objects.filter(pk__in=scope_ids).search(query, operator="and")
        return [page.pk for page in results[:BACKEND_HITS]]
    except Exception:  # a search server that is down must not break the Q&A
        logger.warning("Q&A search backend failed; using normalised matching only", exc_info=True)
        return []


def rank(queryset, query):
    """Ids of the questions in ``queryset`` matching ``query``, most relevant first."""
    terms = text.query_terms(query)
    if not terms:
        return []
    condition = Q()
    for term in terms:
        condition &= _term_q(term)
    rows = queryset.order_by().filter(condition).values_list("pk", "title", "alternative_phrasings", "path")
    scores = {pk: (_score(terms, title, phrasings), path) for pk, title, phrasings, path in rows}

    if settings.QA_SEARCH_USE_BACKEND:
        paths = dict(queryset.order_by().values_list("pk", "path"))
        for position, pk in enumerate(_backend_hits(queryset, list(paths), query)):
            bonus = max(1, 5 - position)
            score, path = scores.get(pk, (0, paths[pk]))
            scores[pk] = (score + bonus, path)

    return [pk for pk, _value in sorted(scores.items(), key=lambda item: (-item[1][0], item[1][1]))]


def order_by_ids(queryset, ids):
    """``queryset`` restricted to ``ids``, in that order."""
    if not ids:
        return queryset.none()
    ordering = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)], output_field=IntegerField()
    )
    return queryset.filter(pk__in=ids).order_by(ordering)


def search(queryset, query):
    """The questions of ``queryset`` matching ``query``, most relevant first (a queryset)."""
    return order_by_ids(queryset, rank(queryset, query))


def suggest(queryset, query):
    """Ids of questions for a search box as the reader types, best first.

    Every word but the last must match; the last one may be unfinished. A question starting
    with what was typed ranks first; ties keep the tree order.
    """
    words = text.tokens(query)
    if not words:
        return []
    *complete, last = words
    terms = text.query_terms(" ".join(complete)) if complete else []
    last_variants = {text.stem(last), last}
    if last.endswith("e"):
        last_variants.add(text.stem(last + "n"))  # "kaarte" on its way to "kaarten"
    condition = Q()
    for term in terms:
        condition &= _term_q(term)
    last_condition = Q()
    for variant in last_variants:
        last_condition |= Q(search_text__contains=variant if len(variant) >= 3 else " " + variant)
    rows = (
        queryset.order_by()
        .filter(condition & last_condition)
        .values_list("pk", "title", "alternative_phrasings", "path")
    )
    prefix = text.fold(query)
    scored = sorted(
        (-_score([*terms, *last_variants], title, phrasings, prefix=prefix), path, pk)
        for pk, title, phrasings, path in rows
    )
    return [pk for _score_value, _path, pk in scored]
