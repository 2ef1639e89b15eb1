"""Scale benchmark: every filtered listing and list endpoint, on the database of ``DATABASE_URL``.

Migrates, loads the demo (``load_demo``) and the scale data (``generate_scale --factor 1 --seed
42``: 5,000 museums, 50,000 exhibitions, 50,000 events), then times the museum finder, the agenda
(listing, archive, iCal and RSS feeds), the knowledge index and the list endpoints of the API
with their filters. Loading takes minutes: do it once per database, then pass ``--skip-load``
(migrations still run, so new indexes are applied)::

    export MUSEUMSITE_ENV=local
    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/scale_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/museumsite_scale \\
        .venv/bin/python bench/scale_bench.py --skip-load --runs 20

Requests go through the whole Django stack in-process (the test client: middleware, routing,
templates, serialisation), without network or WSGI server. The page cache is off
(``PAGE_CACHE_ENABLED=false``); each request is timed *cold* (the cache cleared before every
request: nothing cached at all) and *warm* (the other caches as a running site has them: the
visibility state, the chrome, fragments and list items).
Planner statistics are refreshed (``ANALYZE``) before timing. Each request is timed ``--runs``
times after two warm-ups; its SQL queries are counted on one more run. The report goes to ``bench/results/scale-<vendor>.md`` (``--write`` to change it).
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MUSEUMSITE_ENV", "local")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("PAGE_CACHE_ENABLED", "false")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

import config.wsgi  # noqa: E402, F401 - the server's process as gunicorn has it (gc.freeze)
from agenda.choices import EventType  # noqa: E402
from agenda.models import AgendaIndexPage, EventOccurrence, EventPage  # noqa: E402
from agenda.queries import filtered_occurrences  # noqa: E402
from core.models import Dossier, Theme  # noqa: E402
from knowledge.models import ArticlePage, KnowledgeIndexPage  # noqa: E402
from museums.models import ExhibitionPage, MuseumIndexPage, MuseumPage  # noqa: E402

POINT = "lat=52.1&lon=5.1&radius_km=25"
FEED_TARGET = 500


class _Query(dict):
    """Enough of a QueryDict for ``filtered_occurrences``."""

    def getlist(self, key, default=None):
        value = self.get(key, default or [])
        return value if isinstance(value, list) else [value]


def pick_feed_filter(target=FEED_TARGET):
    """The type + theme (+ attendance) filter whose iCal feed holds closest to ``target`` occurrences."""
    best = None
    for kind in EventType.values:
        for slug in Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True):
            for mode in ("", "in-person", "online", "mixed"):
                query = {"type": kind, "theme": slug, **({"attendance_mode": mode} if mode else {})}
                queryset, _errors, _fs = filtered_occurrences("nl", _Query(query), default="feed")
                count = queryset.count()
                if best is None or abs(count - target) < abs(best[1] - target):
                    best = (query, count)
    return best


def _encode(query):
    return "&".join(f"{key}={value}" for key, value in query.items())


def museum_cases():
    index = MuseumIndexPage.objects.filter(locale__language_code="nl").order_by("path").first()
    today = timezone.localdate()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = today + timedelta(days=(0 - today.weekday()) % 7 or 7)
    filters = [
        ("no filter", ""),
        ("q (text)", "q=Schaalmuseum 12"),
        ("province", "province=NL-GE"),
        ("city", "city=Schaalstad 7"),
        ("category", "category=art"),
        ("museumkaart", "museumkaart=true"),
        ("accessibility ×2", "accessibility=step-free&accessibility=quiet-hours"),
        ("open now", "open_now=true"),
        ("open at", f"open_at={saturday.isoformat()}T14:00"),
        ("open on", f"open_on={monday.isoformat()}"),
        (
            "combined",
            f"category=art&museumkaart=true&accessibility=step-free&open_at={saturday.isoformat()}T14:00",
        ),
        ("province + category + museumkaart", "province=NL-NH&category=history&museumkaart=true"),
    ]
    cases = []
    for name, query in filters:
        for with_point in (False, True):
            full = "&".join(part for part in (query, POINT if with_point else "") if part)
            label = f"{name}{' + point' if with_point else ''}"
            cases.append(("museum finder", label, f"{index.url}?{full.replace('=true', '=on')}"))
            cases.append(("/api/v1/museums/", label, f"/api/v1/museums/?{full}"))
    cases.append(("/api/v1/museums/", "limit 100, offset 4000", "/api/v1/museums/?limit=100&offset=4000"))
    return cases


def exhibition_cases():
    theme = Theme.objects.filter(locale__language_code="nl").order_by("slug").first()
    museum = MuseumPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    api = "/api/v1/exhibitions/"
    return [
        ("/api/v1/exhibitions/", "no filter", api),
        ("/api/v1/exhibitions/", "current", f"{api}?current=true"),
        ("/api/v1/exhibitions/", "upcoming", f"{api}?upcoming=true"),
        ("/api/v1/exhibitions/", "theme", f"{api}?theme={theme.slug}"),
        ("/api/v1/exhibitions/", "family friendly", f"{api}?family_friendly=true"),
        (
            "/api/v1/exhibitions/",
            "current + theme + family friendly",
            f"{api}?current=true&theme={theme.slug}&family_friendly=true",
        ),
        ("/api/v1/exhibitions/", "one museum", f"{api}?museum={museum.pk}"),
        ("/api/v1/exhibitions/", "limit 100, offset 40000", f"{api}?limit=100&offset=40000"),
    ]


def agenda_cases():
    agenda = AgendaIndexPage.objects.live().filter(locale__language_code="nl").order_by("path").first()
    url = agenda.url
    feed_filter, feed_count = pick_feed_filter()
    feed = _encode(feed_filter)
    api = "/api/v1/events/"
    return [
        ("agenda", "upcoming, page 1", url),
        ("agenda", "upcoming, page 50", f"{url}?page=50"),
        ("agenda", "type", f"{url}?type=webinar"),
        ("agenda", "theme", f"{url}?theme=duurzaam"),
        ("agenda", "province", f"{url}?province=NL-UT"),
        ("agenda", "type + theme + province", f"{url}?type=webinar&theme=duurzaam&province=NL-UT"),
        ("agenda", "from/to (one month)", f"{url}?from=2026-09-01&to=2026-09-30"),
        ("agenda", "archive", f"{url}archief/"),
        (
            "agenda feeds",
            f"iCal, {feed_count} occurrences ({' + '.join(feed_filter.values())})",
            f"{url}ical/?{feed}",
        ),
        ("agenda feeds", "RSS, same filter (100 items max)", f"{url}rss/?{feed}"),
        (
            "agenda feeds",
            "iCal, type + theme + province",
            f"{url}ical/?type=webinar&theme=duurzaam&province=NL-UT",
        ),
        ("/api/v1/events/", "limit 20", api),
        ("/api/v1/events/", "limit 100, offset 5000", f"{api}?limit=100&offset=5000"),
        (
            "/api/v1/events/",
            "type + theme + from/to",
            f"{api}?type=seminar&theme=divers&from=2026-01-01&to=2027-06-30",
        ),
        ("/api/v1/events/", "province", f"{api}?province=NL-UT"),
        (
            "/api/v1/events/",
            "attendance mode + audience",
            f"{api}?attendance_mode=online&audience=professionals",
        ),
    ]


def knowledge_cases():
    index = KnowledgeIndexPage.objects.live().filter(locale__language_code="nl").order_by("path").first()
    article = (
        ArticlePage.objects.live().filter(locale__language_code="nl").order_by("-publication_date").first()
    )
    dossier = Dossier.objects.filter(locale__language_code="nl").order_by("slug").first()
    theme = Theme.objects.filter(locale__language_code="nl").order_by("slug").first()
    year = article.publication_date.year if article and article.publication_date else 2024
    api = "/api/v1/articles/"
    cases = []
    if index is not None:
        cases += [
            ("knowledge index", "no filter", index.url),
            ("knowledge index", "dossier", f"{index.url}?dossier={dossier.slug}"),
            ("knowledge index", "theme + year", f"{index.url}?theme={theme.slug}&year={year}"),
            ("knowledge index", "q (text)", f"{index.url}?q=museum"),
        ]
    cases += [
        ("/api/v1/articles/", "no filter", api),
        ("/api/v1/articles/", "dossier", f"{api}?dossier={dossier.slug}"),
        ("/api/v1/articles/", "theme + year", f"{api}?theme={theme.slug}&year={year}"),
        ("/api/v1/articles/", "q (text)", f"{api}?q=museum"),
    ]
    return cases


SECTIONS = {
    "museums": museum_cases,
    "exhibitions": exhibition_cases,
    "agenda": agenda_cases,
    "knowledge": knowledge_cases,
}


def _percentiles(timings):
    # quantiles needs two timings; a single run is its own 95th percentile
    p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
    return statistics.median(timings), p95


def measure(client, url, runs):
    """Cold: the cache cleared before every request (nothing cached at all: the visibility
    state, the chrome, fragments and list items are all computed). Warm: the page cache still
    off, the other caches as a running site has them (what an address not yet in the page
    cache costs)."""
    for _ in range(2):
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    cold = []
    for _ in range(runs):
        cache.clear()
        started = time.perf_counter()
        client.get(url)
        cold.append((time.perf_counter() - started) * 1000)
    client.get(url)
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        warm.append((time.perf_counter() - started) * 1000)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    with CaptureQueriesContext(connection) as warm_queries:
        client.get(url)
    p50, p95 = _percentiles(cold)
    warm_p50, warm_p95 = _percentiles(warm)
    return {
        "p50": p50,
        "p95": p95,
        "warm_p50": warm_p50,
        "warm_p95": warm_p95,
        "queries": len(queries),
        "warm_queries": len(warm_queries),
        "kb": len(response.content) / 1024,
    }


def load(factor, seed):
    call_command("load_demo", force=True)
    call_command("generate_scale", factor=factor, seed=seed)


def sizes():
    return {
        "museums": MuseumPage.objects.count(),
        "exhibitions": ExhibitionPage.objects.count(),
        "events": EventPage.objects.count(),
        "occurrences": EventOccurrence.objects.count(),
        "articles": ArticlePage.objects.count(),
    }


def report(rows, counts, args, seconds):
    vendor = connection.vendor
    lines = [
        f"# Scale benchmark: {vendor}",
        "",
        f"{counts['museums']:,} museums, {counts['exhibitions']:,} exhibitions, {counts['events']:,} events "
        f"({counts['occurrences']:,} occurrences), {counts['articles']:,} articles; database `{vendor}`; "
        f"Python {platform.python_version()}; {args.runs} timed runs per request after 2 warm-ups, "
        "Django test client in-process, page cache off; *cold*: the cache cleared before every request "
        "(nothing cached at all), *warm*: the other caches (visibility, chrome, fragments, list items) as a "
        "running site has them. `ANALYZE` run after loading. "
        "Data: `load_demo` + `generate_scale --factor 1 --seed 42`; measured with `bench/scale_bench.py` "
        f"in {seconds / 60:.0f} min on a shared 2-core machine.",
        "",
        "| section | request | cold p50 (ms) | cold p95 (ms) | warm p50 (ms) | warm p95 (ms) "
        "| queries cold / warm | size (kB) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for section, label, result in rows:
        flag = " ⚠" if result["p95"] >= args.budget else ""
        warm_flag = " ⚠" if result["warm_p95"] >= args.budget else ""
        lines.append(
            f"| {section} | {label} | {result['p50']:.1f} | {result['p95']:.1f}{flag} | "
            f"{result['warm_p50']:.1f} | {result['warm_p95']:.1f}{warm_flag} | "
            f"{result['queries']} / {result['warm_queries']} | {result['kb']:.1f} |"
        )
    over = [row for row in rows if row[2]["p95"] >= args.budget]
    warm_over = [row for row in rows if row[2]["warm_p95"] >= args.budget]
    lines += [
        "",
        f"p95 under {args.budget:.0f} ms: {len(rows) - len(over)} of {len(rows)} requests cold, "
        f"{len(rows) - len(warm_over)} of {len(rows)} warm (⚠ marks those over it).",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="Timed runs per request (at least 1).")
    parser.add_argument("--skip-load", action="store_true", help="Reuse the data already loaded.")
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", action="append", choices=sorted(SECTIONS), help="Only these sections.")
    parser.add_argument(
        "--match", action="append", help="Only requests whose label contains this text (repeatable)."
    )
    parser.add_argument("--budget", type=float, default=150.0, help="p95 budget in ms (flagged above).")
    parser.add_argument("--write", help="Report file (default bench/results/scale-<vendor>.md).")
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    started = time.monotonic()

    print(f"[scale] database {connection.vendor}: migrating", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    if not args.skip_load:
        print("[scale] loading demo and scale data (minutes)", flush=True)
        load(args.factor, args.seed)
    # Planner statistics for the new rows and indexes (PostgreSQL's autovacuum would get there
    # on its own a little later; SQLite keeps none until asked).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = sizes()
    print("[scale] " + ", ".join(f"{value:,} {name}" for name, value in counts.items()), flush=True)

    cases = []
    for name in args.only or SECTIONS:
        cases += SECTIONS[name]()
    if args.match:
        cases = [case for case in cases if any(text in case[1] for text in args.match)]
    client = Client(HTTP_HOST="localhost")
    rows = []
    for number, (section, label, url) in enumerate(cases, start=1):
        result = measure(client, url, args.runs)
        rows.append((section, label, result))
        flag = "  OVER" if result["p95"] >= args.budget else ""
        print(
            f"[{number:2}/{len(cases)}] {section:20} {label:44} cold p50 {result['p50']:7.1f} ms  "
            f"p95 {result['p95']:7.1f} ms  {result['queries']:3} q{flag}  "
            f"warm p50 {result['warm_p50']:7.1f} ms  p95 {result['warm_p95']:7.1f} ms",
            flush=True,
        )
    text = report(rows, counts, args, time.monotonic() - started)
    if not args.no_write:
        target = Path(args.write or ROOT / "bench" / "results" / f"scale-{connection.vendor}.md")
        target.write_text(text)
        print(f"[scale] written to {target}")


if __name__ == "__main__":
    main()
