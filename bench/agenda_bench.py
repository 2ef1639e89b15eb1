"""Latency of the agenda with scale data: listing, API, iCal feed of a ~500-occurrence filter.

Usage (on a database filled by ``load_demo`` and ``generate_scale --only agenda``)::

    MUSEUMSITE_ENV=local DATABASE_URL=sqlite:////tmp/agenda_scale.sqlite3 \
        .venv/bin/python bench/agenda_bench.py [--runs 30] [--write bench/results/agenda.md]

Requests go through Django's test client in-process (no network); each is timed over
``--runs`` repetitions after warm-up, and its query count is recorded.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MUSEUMSITE_ENV", "local")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from agenda.choices import EventType  # noqa: E402
from agenda.models import AgendaIndexPage, EventOccurrence, EventPage  # noqa: E402
from agenda.queries import filtered_occurrences  # noqa: E402
from core.models import Theme  # noqa: E402


def pick_feed_filter(target=500):
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


class _Query(dict):
    def getlist(self, key, default=None):
        value = self.get(key, default or [])
        return value if isinstance(value, list) else [value]


def measure(client, url, runs, params=None):
    for _ in range(3):
        response = client.get(url, params or {})
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url, params or {})
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    return {
        "p50": statistics.median(timings),
        # quantiles needs two timings; a single run is its own 95th percentile
        "p95": statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0],
        "queries": len(queries),
        "bytes": len(response.content),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="Timed runs per request (at least 1).")
    parser.add_argument("--write", default="")
    args = parser.parse_args()

    client = Client()
    agenda = AgendaIndexPage.objects.live().filter(locale__language_code="nl").first()
    url = agenda.url
    feed_filter, feed_count = pick_feed_filter()
    api = "/api/v1/events/"
    cases = [
        ("Agenda listing, upcoming, page 1", url, None),
        ("Agenda listing, page 50", url, {"page": 50}),
        (
            "Agenda listing, type + theme + province",
            url,
            {"type": "webinar", "theme": "duurzaam", "province": "NL-UT"},
        ),
        ("Agenda archive", url + "archief/", None),
        ("API /events/ (limit 20)", api, None),
        ("API /events/ (limit 100, offset 5000)", api, {"limit": 100, "offset": 5000}),
        (
            "API /events/ type + theme + from/to",
            api,
            {"type": "seminar", "theme": "divers", "from": "2026-01-01", "to": "2027-06-30"},
        ),
        (
            f"iCal feed, {feed_count} occurrences ({' + '.join(feed_filter.values())})",
            url + "ical/",
            feed_filter,
        ),
        ("RSS feed, same filter (100 items max)", url + "rss/", feed_filter),
    ]
    rows = []
    for label, path, params in cases:
        result = measure(client, path, args.runs, params)
        rows.append((label, result))
        print(
            f"{label:70} p50 {result['p50']:8.1f} ms  p95 {result['p95']:8.1f} ms  "
            f"{result['queries']:3d} queries  {result['bytes'] / 1024:8.1f} kB"
        )

    events = EventPage.objects.count()
    occurrences = EventOccurrence.objects.count()
    lines = [
        "# Agenda benchmark",
        "",
        f"{events:,} event pages, {occurrences:,} occurrences; database "
        f"`{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}`; Python {platform.python_version()}; "
        f"{args.runs} timed runs per request after 3 warm-ups, Django test client in-process "
        "(no network, no cache in front). Generated with `generate_scale --factor 1 --only agenda` "
        "on top of `load_demo`; measured with `bench/agenda_bench.py`.",
        "",
        "| Request | p50 (ms) | p95 (ms) | Queries | Size (kB) |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {label} | {r['p50']:.1f} | {r['p95']:.1f} | {r['queries']} | {r['bytes'] / 1024:.1f} |"
            for label, r in rows
        ],
        "",
        "Notes:",
        "",
        "- Query counts are independent of the number of events (also asserted in `agenda/tests/`). "
        "The page's 30-odd queries are mostly the shared layout (menu, settings, language links).",
        "- Listing and API time is dominated by the occurrence query and its `COUNT(*)` over the join "
        "with the page table (live, locale, non-alias, view restrictions); SQLite drives the join from "
        "the page's locale index and sorts, PostgreSQL can walk the `start` index instead.",
        "- About two thirds of the iCal time is the `icalendar` library serialising ~40 properties per "
        "VEVENT; the rest is fetching rows. Feeds send `Cache-Control: public, max-age=300` so a CDN "
        "absorbs calendar clients' polling.",
        "",
    ]
    if args.write:
        Path(args.write).write_text("\n".join(lines))
        print(f"written to {args.write}")


if __name__ == "__main__":
    main()
