"""Latency of the museum finder page and ``/api/v1/museums/`` for each filter, with and without a point.

Run against a database filled with ``manage.py generate_scale --only museums`` (5,000 museums and
50,000 exhibitions at factor 1)::

    export MUSEUMSITE_ENV=local DATABASE_URL=sqlite:////tmp/museums_bench.sqlite3
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python manage.py generate_scale --factor 1 --only museums
    .venv/bin/python bench/museums_bench.py --repeat 20 --write bench/results/museums.md

Requests go through the whole Django stack in-process (the test client: middleware, URL routing,
templates, serialisation), so the numbers exclude only the network and the WSGI server. The cache
is cleared before every request so no response is served from it.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("MUSEUMSITE_ENV", "local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from museums.models import MuseumIndexPage, MuseumPage  # noqa: E402

POINT = "lat=52.1&lon=5.1&radius_km=25"


def scenarios():
    today = timezone.localdate()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    monday = today + timedelta(days=(0 - today.weekday()) % 7 or 7)
    return [
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
    ]


def measure(client, url, repeat):
    timings, queries, status = [], 0, None
    for _ in range(repeat):
        cache.clear()
        reset_queries()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        status = response.status_code
        queries = len(connection.queries)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, queries, status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--write", help="Write a Markdown report to this file.")
    args = parser.parse_args()
    settings.DEBUG = True  # count queries
    settings.ALLOWED_HOSTS = ["*"]
    index = MuseumIndexPage.objects.filter(locale__language_code="nl").order_by("path").first()
    museums = MuseumPage.objects.live().filter(locale__language_code="nl").count()
    client = Client(HTTP_HOST="localhost")
    rows = []
    for name, query in scenarios():
        for with_point in (False, True):
            full = "&".join(part for part in (query, POINT if with_point else "") if part)
            page_query = full.replace("=true", "=on")
            page = measure(client, f"{index.url}?{page_query}", args.repeat)
            api = measure(client, f"/api/v1/museums/?{full}", args.repeat)
            label = f"{name}{' + point' if with_point else ''}"
            rows.append((label, page, api))
            print(
                f"{label:32} page p50 {page[0]:7.1f} ms  p95 {page[1]:7.1f} ms  {page[2]:3} q  {page[3]} | "
                f"api p50 {api[0]:7.1f} ms  p95 {api[1]:7.1f} ms  {api[2]:3} q  {api[3]}",
                flush=True,
            )
    if args.write:
        lines = [
            "# Museums: finder and API latency",
            "",
            f"{museums} live museums; {args.repeat} requests per row through the Django stack in-process "
            f"(cache cleared before each); database `{connection.vendor}`; point = `{POINT}`.",
            "",
            "| filter | page p50 (ms) | page p95 (ms) | page queries | API p50 (ms) | API p95 (ms) | API queries |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for label, page, api in rows:
            lines.append(
                f"| {label} | {page[0]:.1f} | {page[1]:.1f} | {page[2]} | {api[0]:.1f} | {api[1]:.1f} | {api[2]} |"
            )
        Path(args.write).write_text("\n".join(lines) + "\n")
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
