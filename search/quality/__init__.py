"""Search quality as a figure: the judged query set (``queries.toml``) and its score.

For every judged query, the site search (``search.engine``) runs as an anonymous reader sees it
on the site of the query's locale; the score is **success at 3** (one of the pages that should
come first is among the first three results) and **nDCG at 10** (the pages that should come first
are high in the first ten; the first listed counts twice as much as the others), averaged over
the queries. ``manage.py search_quality`` prints it; ``make bench`` records it.
"""

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.visibility import Visibility

from ..engine import search
from ..queries import public_search_queryset

QUERIES = Path(__file__).resolve().parent / "queries.toml"
LANGUAGES = {"nl", "en", "pap"}
KINDS = {
    "compound",
    "stem",
    "diacritics",
    "synonym",
    "misspelling",
    "museum",
    "city",
    "english",
    "papiamentu",
}
SUCCESS_AT = 3
NDCG_AT = 10


@dataclass
class Judged:
    q: str
    language: str
    locale: str
    kind: str
    relevant: list


@dataclass
class Outcome:
    judged: Judged
    found: list  # paths of the first results
    first_relevant: int | None  # rank (1-based) of the first relevant result, None when absent
    success: float
    ndcg: float


@dataclass
class Report:
    backend: str
    outcomes: list = field(default_factory=list)

    @property
    def success(self):
        return sum(o.success for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def ndcg(self):
        return sum(o.ndcg for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    def by(self, attribute):
        """``{value: (queries, success at 3)}`` per ``kind`` or ``language``."""
        groups = {}
        for outcome in self.outcomes:
            groups.setdefault(getattr(outcome.judged, attribute), []).append(outcome.success)
        return {key: (len(values), sum(values) / len(values)) for key, values in sorted(groups.items())}


def load(path=QUERIES):
    """The judged queries of ``path``; a malformed entry is an error naming it."""
    data = tomllib.loads(Path(path).read_text())
    queries = []
    for number, entry in enumerate(data.get("query", []), start=1):
        problems = []
        if not str(entry.get("q", "")).strip():
            problems.append("no q")
        if entry.get("language") not in LANGUAGES:
            problems.append(f"language must be one of {sorted(LANGUAGES)}")
        if entry.get("locale") not in {code for code, _name in settings.LANGUAGES}:
            problems.append("locale must be a language of the site")
        if entry.get("kind") not in KINDS:
            problems.append(f"kind must be one of {sorted(KINDS)}")
        relevant = entry.get("relevant")
        if not relevant or not all(isinstance(path, str) and path.startswith("/") for path in relevant):
            problems.append("relevant must list site paths such as /musea/rijksmuseum/")
        if problems:
            raise ValueError(f"{path}: query {number} ({entry.get('q')!r}): " + "; ".join(problems))
        queries.append(Judged(entry["q"], entry["language"], entry["locale"], entry["kind"], list(relevant)))
    return queries


def gains(relevant):
    """The gain of each judged page: the first listed 2, the others 1."""
    return {path: (2.0 if position == 0 else 1.0) for position, path in enumerate(relevant)}


def success_at(found, relevant, k=SUCCESS_AT):
    return 1.0 if set(found[:k]) & set(relevant) else 0.0


def ndcg_at(found, relevant, k=NDCG_AT):
    gain = gains(relevant)
    dcg = sum(gain.get(path, 0.0) / math.log2(rank + 2) for rank, path in enumerate(found[:k]))
    ideal = sum(
        value / math.log2(rank + 2) for rank, value in enumerate(sorted(gain.values(), reverse=True)[:k])
    )
    return dcg / ideal if ideal else 0.0


def backend_name():
    """The search backend in use, in words: ``database (sqlite)``, ``database (postgresql,
    dutch)`` or ``elasticsearch``."""
    backend = get_search_backend()
    module = type(backend).__module__
    if "elasticsearch" in module:
        return "elasticsearch"
    config = getattr(backend, "config", None)
    return f"database ({connection.vendor}{', ' + config if config else ''})"


def page_path(page):
    """A page's path on its site (``/musea/rijksmuseum/``, ``/en/museums/rijksmuseum/``)."""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


def evaluate(queries, depth=NDCG_AT):
    """Runs every judged query as the public sees it; the ``Report``."""
    visibility = Visibility.public()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    report = Report(backend_name())
    for judged in queries:
        queryset = public_search_queryset(Page, visibility, locales[judged.locale])
        found = [page_path(page) for page in search(queryset, judged.q)[:depth]]
        first = next((rank for rank, path in enumerate(found, start=1) if path in judged.relevant), None)
        report.outcomes.append(
            Outcome(judged, found, first, success_at(found, judged.relevant), ndcg_at(found, judged.relevant))
        )
    return report
