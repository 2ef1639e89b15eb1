"""The site search's one way to run a query, for the HTML search, the search API and the score
of the judged query set (``manage.py search_quality``).

1. The query is expanded (``search.expansion``) with the site's vocabulary: the words of the
   public pages' titles, kept until any page changes.
2. The search backend (the database's full-text search or Elasticsearch) gets every term as an
   ``Or`` of its alternatives, the terms joined by ``And``; when that finds nothing, by ``Or``.
   The backend decides what matches (and keeps the reader's visibility and language filters).
3. The head is ranked again (``Hits.head``): the backend's best ``HEAD`` for the query as
   typed, the pages whose titles hold it, and ``CANDIDATES`` more of the expanded query.
   Titles count (the words typed over their forms, synonyms, compounds and corrections; a title
   that is all the query over a long one), then the backend's relevance for the query as typed.
   Results after the head follow in tree order.
"""

from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Q
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText

from core.cachetags import cached
from core.dependencies import RESOLVER
from core.visibility import Visibility

from .expansion import MIN_COMPOUND_PART, STOP_WORDS, TYPED, Vocabulary, expand, fold, words

HEAD = 60  # results of each ranked source (the query as typed, the titles holding it)
CANDIDATES = 200  # results of the expanded query ranked again by their titles
PART_MATCH = 0.6  # a title word that contains an alternative counts this share of its weight
ALL_TERMS_BONUS = 2.0
COVERAGE_WEIGHT = 1.0
BACKEND_WEIGHT = 1.5
NOISE_WORDS = STOP_WORDS | {"demo"}


def site_vocabulary():
    """The words of the titles of the pages the public may see (every language), kept until any
    page changes (members-only titles lend no words: a correction must not hint at them)."""

    def compute():
        pages = Visibility.public().listable(Page.objects.all())
        return Vocabulary.from_texts(pages.values_list("title", flat=True).iterator()).spellings

    return Vocabulary(cached("search:vocabulary", [RESOLVER], compute, record=False))


def any_of(alternatives):
    """An ``Or`` of one-word queries: each is grouped on its own in the backend's query (a
    ``PlainText`` of several words with ``operator="or"`` is not, on SQLite: FTS5 binds ``AND``
    tighter than ``OR``)."""
    parts = [PlainText(word) for word in alternatives]
    return parts[0] if len(parts) == 1 else Or(parts)


def backend_query(terms, operator="and"):
    """The query object handed to the search backend: per term an ``Or`` of its alternatives."""
    parts = [any_of(term.alternatives) for term in terms]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def title_score(title, terms):
    """How well a title answers the query's terms: the mean over the terms of the best weight of
    an alternative in the title (a title word that only contains it counts ``PART_MATCH`` of
    it), a bonus when every term is there (as large as the weakest of their matches), and the
    share of the title's words that answer."""
    return title_match(title, folded(terms))[0]


def folded(terms):
    """Each term's alternatives folded as titles are (``{alternative: weight}`` per term)."""
    prepared = []
    for term in terms:
        weights = {}
        for alternative, weight in term.weights.items():
            key = fold(alternative).replace(" ", "")
            weights[key] = max(weight, weights.get(key, 0.0))
        prepared.append(weights)
    return prepared


def title_match(title, terms):
    """``(score, evidence)`` for ``terms`` as ``folded`` returns them (see ``title_score``):
    ``evidence`` is the score without the share of the title's words, 0 unless every term is in
    the title."""
    title_words = [word for word in words(title) if word not in NOISE_WORDS and not word.isdigit()]
    if not title_words or not terms:
        return 0.0, 0.0
    score, matched_terms, matched_words, weakest = 0.0, 0, set(), TYPED
    for weights in terms:
        best = 0.0
        for alternative, weight in weights.items():
            for word in title_words:
                if word == alternative:
                    value = weight
                elif len(alternative) >= MIN_COMPOUND_PART and alternative in word:
                    value = weight * PART_MATCH
                else:
                    continue
                matched_words.add(word)
                best = max(best, value)
        if best:
            matched_terms += 1
        score += best
        weakest = min(weakest, best)
    if not matched_terms:
        return 0.0, 0.0
    score /= len(terms)
    complete = matched_terms == len(terms)
    if complete:
        score += ALL_TERMS_BONUS * weakest / TYPED
    return score + COVERAGE_WEIGHT * len(matched_words) / len(title_words), score if complete else 0.0


def rank(pages, terms, standing=None):
    """``pages`` (in the backend's order) ranked by their titles, then that order. When a page's
    title holds every term, its children whose titles hold them no better (an award's editions,
    a dossier's articles) come after it. ``standing`` (``{pk: 0..1}``, 0 the best) is each page's
    place in the backend's answers; by default its place in ``pages``."""
    count = len(pages)
    standing = standing or {page.pk: position / count for position, page in enumerate(pages)}
    prepared = folded(terms)
    matches = {page.pk: title_match(page.title, prepared) for page in pages}
    titles = {pk: score for pk, (score, _complete) in matches.items()}
    scores = {page.pk: titles[page.pk] + BACKEND_WEIGHT * (1 - standing[page.pk]) for page in pages}
    by_path = {page.path: page for page in pages}
    for page in pages:
        parent = by_path.get(page.path[: -Page.steplen])
        if parent is not None and 0 < matches[page.pk][1] <= matches[parent.pk][1]:
            scores[page.pk] = min(scores[page.pk], scores[parent.pk] - 0.01)
    return sorted(pages, key=lambda page: scores[page.pk], reverse=True)


class Candidate(NamedTuple):
    """What ranking needs of a result, read without building the page."""

    pk: int
    title: str
    path: str


def candidates(results):
    """``Candidate`` rows of (a window of) search results: straight from the database backends'
    queryset, else (Elasticsearch) from the pages they return."""
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return [Candidate(*row) for row in get_queryset().values_list("pk", "title", "path")]
    return [Candidate(page.pk, page.title, page.path) for page in results]


class Hits:
    """The results of a query on ``queryset``, best first: ``count()`` and slices (pages), as
    Django's paginator and the API's windows take them, and ``ids()``. The backend is asked
    lazily.

    The head (ranked again) is the first ``HEAD`` results of the query as typed (its words and
    their forms only), those whose titles hold the words as typed, then ``CANDIDATES`` more of
    the expanded query: a word typed exactly is not crowded out by its many synonyms and
    compounds (``museo`` among every ``museum``, or among the ``musea`` PostgreSQL's Dutch
    stemmer folds it into). Only the pages of the window asked for are built."""

    def __init__(self, queryset, query, vocabulary=None):
        self.queryset = queryset
        self.terms = expand(query, vocabulary or site_vocabulary(), found=self._finds_any)
        self._query = None
        self._count = None
        self._head = None

    def _finds_any(self, alternatives):
        return self.queryset.search(any_of(alternatives)).count() > 0

    @property
    def query(self):
        """What the backend is asked: every term, or (when that finds nothing) any term."""
        if self._query is None and self.terms:
            self._query = backend_query(self.terms, "and")
            self._count = self._unranked(self.queryset, self._query).count()
            if len(self.terms) > 1 and not self._count:
                self._query = backend_query(self.terms, "or")
                self._count = None
        return self._query

    def _unranked(self, queryset, query=None):
        """``queryset``'s matches of the expanded query in tree order: the database backends'
        relevance costs a scoring subquery per match (on SQLite an FTS5 match per row), too
        much for the many alternatives of an expanded query; the titles rank them instead."""
        return queryset.order_by("path").search(query or self.query, order_by_relevance=False)

    def count(self):
        if self._count is None:
            if self.query is None:  # no words: nothing to find
                self._count = 0
            elif self._count is None:  # ``query`` has counted, unless it fell back to any term
                self._count = self._unranked(self.queryset).count()
        return self._count

    def __len__(self):
        return self.count()

    def _title_ids(self, as_typed):
        """Ids of up to ``HEAD`` pages whose titles hold every term as typed (or a form of it)."""
        condition = Q()
        for term in as_typed:
            condition &= reduce(or_, (Q(title__icontains=word) for word in term.weights))
        return list(self.queryset.order_by().filter(condition).values_list("pk", flat=True)[:HEAD])

    def head(self):
        """The ranked head: ``Candidate`` rows, best first."""
        if self._head is None:
            self._head = []
            if self.count():
                as_typed = [term.as_typed() for term in self.terms]
                operator = "or" if isinstance(self.query, Or) else "and"
                # (results, ranked by the backend's relevance)
                sources = [(self.queryset.search(backend_query(as_typed, operator))[:HEAD], True)]
                if operator == "and" and (title_ids := self._title_ids(as_typed)):
                    sources.append((self.queryset.filter(pk__in=title_ids).search(self.query)[:HEAD], True))
                sources.append((self._unranked(self.queryset)[:CANDIDATES], False))
                rows, standing = {}, {}
                for results, ranked in sources:
                    for position, row in enumerate(candidates(results)):
                        rows.setdefault(row.pk, row)
                        place = position / HEAD if ranked else 1.0
                        standing[row.pk] = min(standing.get(row.pk, 1.0), place)
                self._head = rank(list(rows.values()), self.terms, standing)
        return self._head

    def _rest(self):
        """The matches after the head, in tree order."""
        return self._unranked(self.queryset.exclude(pk__in=[row.pk for row in self.head()]))

    def ids(self, stop):
        """The ids of the first ``stop`` results, without building their pages."""
        head = self.head()
        ids = [row.pk for row in head[:stop]]
        if stop > len(head) and self.count() > len(head):
            ids += [row.pk for row in candidates(self._rest()[: stop - len(head)])]
        return ids

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        if not self.count() or start >= stop:
            return []
        head = self.head()
        window = [row.pk for row in head[start:stop]]
        pages = self.queryset.model._default_manager.in_bulk(window)
        found = [pages[pk] for pk in window if pk in pages]
        if stop > len(head):
            found += list(self._rest()[max(start, len(head)) - len(head) : stop - len(head)])
        return found


def search(queryset, query):
    """The pages of ``queryset`` that answer ``query``, best first (a ``Hits``)."""
    return Hits(queryset, query)
