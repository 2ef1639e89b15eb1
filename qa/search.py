"""Finding questions: normalised matching everywhere, plus the search backend's ranking.

Every question keeps a normalised ``search_text`` (see ``qa.text``). A query matches a
question when each of its terms occurs in that text: terms of four letters or more anywhere
(Dutch compounds: ``kaart`` finds ``museumkaart``), shorter ones at the start of a word.
This works the same on SQLite, PostgreSQL and with Elasticsearch. The configured Wagtail
search backend then adds its own hits and ranking where it can (Dutch stemming,
Elasticsearch fuzziness); a backend failure falls back to normalised matching only.
"""

import logging

from django.conf import settings
from django.db.models import Case, IntegerField, Q, When

from qa import text

logger = logging.getLogger(__name__)

BACKEND_HITS = 50


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


def _backend_hits(scope_ids, query):
    """Ids of the backend's best matches within ``scope_ids``, best first ([] on failure)."""
    from qa.models import QuestionPage

    if not scope_ids or not getattr(settings, "QA_SEARCH_USE_BACKEND", True):
        return []
    try:
        results = QuestionPage.objects.filter(pk__in=scope_ids).search(query, operator="and")
        return [page.pk for page in results[:BACKEND_HITS]]
    except Exception:  # a search server that is down must not break the Q&A
        logger.warning("Q&A search backend failed; using normalised matching only", exc_info=True)
        return []


def rank(queryset, query, *, use_backend=True):
    """Ids of the questions in ``queryset`` matching ``query``, most relevant first."""
    terms = text.query_terms(query)
    if not terms:
        return []
    condition = Q()
    for term in terms:
        condition &= _term_q(term)
    rows = queryset.order_by().filter(condition).values_list("pk", "title", "alternative_phrasings", "path")
    scores = {pk: (_score(terms, title, phrasings), path) for pk, title, phrasings, path in rows}

    if use_backend:
        scope = list(queryset.order_by().values_list("pk", "path"))
        paths = dict(scope)
        hits = _backend_hits(list(paths), query)
        for position, pk in enumerate(hits):
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


def search(queryset, query, *, use_backend=True):
    return order_by_ids(queryset, rank(queryset, query, use_backend=use_backend))


def suggest(queryset, query, limit=8):
    """Questions for a search box as the reader types: ``[(pk, title, path)]``, best first.

    Every word but the last must match; the last one may be unfinished. A question starting
    with what was typed ranks first.
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
    scored = []
    for pk, title, phrasings, path in rows:
        score = _score([*terms, *last_variants], title, phrasings, prefix=prefix)
        scored.append((-score, path, pk, title))
    scored.sort()
    return [(pk, title, path) for _score_value, path, pk, title in scored[:limit]]
