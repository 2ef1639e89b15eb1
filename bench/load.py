"""Load check: 64 connections for 60 seconds against pages and the API on PostgreSQL + Redis.

``make loadcheck``. What it does, in order:

1. Checks that every address it will touch is on the loopback interface (PostgreSQL, Redis, the
   server it starts) and refuses to run otherwise.
2. Creates a fresh PostgreSQL database (``museumsite_load_<random>``), migrates it, loads the demo
   content (``load_demo --force --no-admin``, with its progress) and runs ``collectstatic`` into a
   temporary folder. The cache is Redis (``--redis-url``, database 14 by default) under a key
   prefix of its own (``museumsite-load-<random>``).
3. Serves the site with gunicorn in production mode (``MUSEUMSITE_ENV=production``, DEBUG off, a
   random secret key, HTTPS as behind a proxy: ``SECURE_PROXY_SSL_HEADER=true`` and wrk sends
   ``X-Forwarded-Proto: https``) on 127.0.0.1, 4 workers of 4 threads (gthread) by default.
4. Builds the address mix from the running site: one page of every page type
   (``bench/discover.py``), an even sample of the sitemap (both languages), the listings (museum
   finder, agenda, knowledge base) with and without filters, the search, the feeds, the sitemap,
   and every GET route of the API (each list, one item of each detail route, search and suggest,
   the path resolver). Every address must answer below 400 before the load starts.
5. Drives 64 connections for 60 seconds with wrk (``bench/load.lua`` walks the mix and counts the
   answers per status code), first with the page cache on (the normal production mode), then for
   30 seconds with ``PAGE_CACHE_ENABLED=false`` so that the database does the work.
6. After each run: gunicorn's log must hold no traceback, no 5xx and no worker timeout, its access
   log no answer of 400 or more, and ``/healthz`` must answer 200 ``ok``.
7. Writes the section between ``<!-- load-check:start -->`` and ``<!-- load-check:end -->`` of
   ``bench/RESULTS.md`` (``--out``), drops the database and deletes its own Redis keys (SCAN and
   DEL on its prefix; never FLUSHDB), even when something failed. The report records the code
   the servers ran (``HEAD`` and a digest of uncommitted changes) and says when it changed during
   the check: servers of two versions sharing one cache can fail where neither alone would. The
   temporary folder (logs, wrk output) is kept when the check fails, or with ``--keep``.

The check fails (exit status 1) on any error: an answer of 400 or more, a socket error (connect,
read, write) or a timeout (``--timeout``, 30 s), a problem in the server's log, or ``/healthz``
not ``ok`` after a run.

Usage::

    .venv/bin/python bench/load.py [--duration 60] [--connections 64] [--uncached-duration 30]
        [--workers 4] [--threads 4] [--out bench/RESULTS.md] [--keep]
"""

import argparse
import contextlib
import datetime
import hashlib
import ipaddress
import json
import math
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

import psycopg
import redis
import run as http_bench  # bench/run.py, the HTTP benchmark: wrk, gunicorn and discovery helpers
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LUA_SCRIPT = BENCH / "load.lua"
HOST = http_bench.HOST
START_MARK = "<!-- load-check:start -->"
END_MARK = "<!-- load-check:end -->"
KEY_PREFIX_PATTERN = re.compile(r"^[a-z0-9-]+$")
MAX_DURATION = 600
MAX_CONNECTIONS = 256
KINDS = [*http_bench.KIND_ORDER]

# Lines of gunicorn's log (its own messages and Django's, LOG_LEVEL=WARNING) that fail the check.
LOG_PROBLEMS = [
    "Traceback",
    "Internal Server Error",
    "Error handling request",
    "WORKER TIMEOUT",
    "SIGKILL",
    "[CRITICAL]",
    "[ERROR]",
    "Worker exited",
    "statement timeout",
    "too many clients",
]
# Lines reported but not failing: the Redis cache failing open (the site answers uncached).
LOG_WARNINGS = ["cache unreachable"]


# --- loopback only ---------------------------------------------------------------------------


def is_loopback(host):
    """Whether ``host`` is a loopback address (``127.0.0.0/8``, ``::1``) or ``localhost``.

    Names other than ``localhost`` are refused without resolving them: a name can point anywhere.
    """
    if not host:
        return False
    host = host.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_loopback(what, url_or_host):
    """Stop unless ``url_or_host`` (a URL or a bare host) names the loopback interface."""
    text = str(url_or_host)
    host = urlsplit(text).hostname if "://" in text else text
    if not is_loopback(host):
        raise SystemExit(f"refusing to run: {what} {text!r} is not on the loopback interface")
    return host


# --- wrk -------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    """One wrk run of ``bench/load.lua``: what its ``load-check`` line and wrk's report say."""

    requests: int
    duration_s: float
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    bytes_read: int
    socket_errors: dict
    statuses: dict = field(default_factory=dict)

    @property
    def error_counts(self):
        """Every kind of error, zeros included: socket errors by kind and answers by class."""
        counts = dict(self.socket_errors)
        for status_class in ("4xx", "5xx"):
            counts[status_class] = sum(
                count for status, count in self.statuses.items() if status // 100 == int(status_class[0])
            )
        counts["other status"] = sum(
            count for status, count in self.statuses.items() if not 200 <= status < 600
        )
        return counts

    @property
    def errors(self):
        return sum(self.error_counts.values())


def parse_load_output(output):
    """The ``load-check`` line of ``bench/load.lua``, checked against wrk's own report."""
    line = next((line for line in output.splitlines() if line.startswith("load-check ")), None)
    if line is None:
        raise ValueError("wrk output without the load-check line of bench/load.lua")
    values, statuses = {}, {}
    for pair in line.split()[1:]:
        name, _, value = pair.partition("=")
        if name.startswith("code_"):
            statuses[int(name[5:])] = int(float(value))
        else:
            values[name] = float(value)
    report = http_bench.parse_wrk(output)
    # wrk counts answers of 400 and more itself, the script counts every answer by its code: what
    # wrk counted beyond the script's codes is kept under code 0 (an error of unknown status).
    counted = sum(count for status, count in statuses.items() if status >= 400)
    unaccounted = max(int(values["status"]), report.non_success) - counted
    if unaccounted > 0:
        statuses[0] = statuses.get(0, 0) + unaccounted
    duration_s = values["duration_us"] / 1e6
    requests = int(values["requests"])
    return LoadResult(
        requests=requests,
        duration_s=duration_s,
        requests_per_second=requests / duration_s if duration_s else 0.0,
        p50_ms=values["p50_us"] / 1000,
        p90_ms=values["p90_us"] / 1000,
        p99_ms=values["p99_us"] / 1000,
        max_ms=values["max_us"] / 1000,
        mean_ms=values["mean_us"] / 1000,
        bytes_read=int(values["bytes"]),
        socket_errors={name: int(values[name]) for name in ("connect", "read", "write", "timeout")},
        statuses=statuses,
    )


def wrk_command(base, paths_file, args, duration):
    return [
        "wrk",
        f"-t{args.wrk_threads}",
        f"-c{args.connections}",
        f"-d{duration}s",
        "--timeout",
        f"{args.timeout}s",
        "--latency",
        "-s",
        str(LUA_SCRIPT),
        base + "/",
        "--",
        str(paths_file),
    ]


# --- gunicorn --------------------------------------------------------------------------------

ACCESS_LOG_FORMAT = '%(s)s %(D)s "%(r)s"'
ACCESS_LINE = re.compile(r'^(\d{3}) (\d+) "GET (\S+) HTTP/[\d.]+"$')


def gunicorn_command(port, workers, threads, timeout, access_log):
    """gunicorn on 127.0.0.1: sync workers when ``threads`` is 1, gthread otherwise."""
    return [
        str(http_bench.GUNICORN),
        "config.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync" if threads == 1 else "gthread",
        "--threads",
        str(threads),
        "--timeout",
        str(timeout),
        "--no-control-socket",  # gunicorn's default socket in the home folder is shared by every master
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        ACCESS_LOG_FORMAT,
    ]


class Site(http_bench.Server):
    """The site under gunicorn with this check's worker settings and an access log."""

    def __init__(self, name, env, port, log_dir, args):
        super().__init__(name, "config.wsgi", ROOT, env, port, log_dir)
        self.access_log_path = log_dir / f"{name}-access.log"
        self.args = args

    def start(self, probe="/healthz"):
        require_loopback("the server's address", HOST)
        command = gunicorn_command(
            self.port, self.args.workers, self.args.threads, self.args.worker_timeout, self.access_log_path
        )
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=self.cwd, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name}: gunicorn exited; see {self.log_path}")
            try:
                status, _headers, _body = http_bench.fetch(self.base + probe, timeout=10)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"{self.name}: no answer on {self.base}{probe} within 90 s; see {self.log_path}")


def log_findings(text):
    """``(problems, warnings)``: the lines of a gunicorn log that fail the check, and those only
    reported (the cache failing open)."""
    problems, warnings = [], []
    for line in text.splitlines():
        if any(marker in line for marker in LOG_PROBLEMS):
            problems.append(line.strip())
        elif any(marker in line for marker in LOG_WARNINGS):
            warnings.append(line.strip())
    return problems, warnings


def first_error(text, limit=60):
    """The first error report of a gunicorn log (from its first problem line to the next one,
    traceback included), at most ``limit`` lines."""
    lines = text.splitlines()
    starts = [number for number, line in enumerate(lines) if any(marker in line for marker in LOG_PROBLEMS)]
    if not starts:
        return []
    first = starts[0]
    end = len(lines)
    for number in starts[1:]:
        if "Traceback" not in lines[number] and number > first + 1:
            end = number
            break
    return lines[first : min(end, first + limit)]


def parse_access_log(text):
    """``[(status, milliseconds, path), ...]`` of the GETs in a gunicorn access log
    (``ACCESS_LOG_FORMAT``); other lines are skipped."""
    entries = []
    for line in text.splitlines():
        match = ACCESS_LINE.match(line.strip())
        if match:
            entries.append((int(match.group(1)), int(match.group(2)) / 1000, match.group(3)))
    return entries


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def server_side_by_kind(entries, kind_of_path):
    """Per kind of address: requests, answers of 400 and more, and the server's p50/p99 (ms)."""
    grouped = {}
    for status, milliseconds, path in entries:
        grouped.setdefault(kind_of_path.get(path, "other"), []).append((status, milliseconds))
    summary = {}
    for kind, rows in grouped.items():
        times = [milliseconds for _status, milliseconds in rows]
        summary[kind] = {
            "requests": len(rows),
            "errors": sum(status >= 400 for status, _ms in rows),
            "p50_ms": percentile(times, 0.50),
            "p99_ms": percentile(times, 0.99),
        }
    return summary


def slowest_addresses(entries, count=5):
    """The ``count`` addresses with the highest median server time: ``[(path, p50, p99, n)]``."""
    times = {}
    for _status, milliseconds, path in entries:
        times.setdefault(path, []).append(milliseconds)
    rows = [
        (path, percentile(values, 0.5), percentile(values, 0.99), len(values))
        for path, values in times.items()
    ]
    return sorted(rows, key=lambda row: row[1], reverse=True)[:count]


# --- the address mix -------------------------------------------------------------------------


def sitemap_paths(xml_text):
    """The path (and query) of every ``<loc>`` in a sitemap (a part, or the index's parts)."""
    paths = []
    for element in ElementTree.fromstring(xml_text).iter():
        if element.tag.endswith("loc") and element.text:
            parts = urlsplit(element.text.strip())
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def sitemap_page_paths(fetch):
    """The page addresses of the sitemap: ``/sitemap.xml`` is an index, whose parts list the
    pages (a plain sitemap is read as it is). ``fetch(path)`` gives ``(status, body)``."""
    status, body = fetch("/sitemap.xml")
    if status != 200:
        raise SystemExit(f"/sitemap.xml answered {status}")
    if not ElementTree.fromstring(body).tag.endswith("sitemapindex"):
        return sitemap_paths(body)
    paths = []
    for part in sitemap_paths(body):
        status, part_body = fetch(part)
        if status != 200:
            raise SystemExit(f"{part} (named by /sitemap.xml) answered {status}")
        paths += sitemap_paths(part_body)
    return paths


def sample_evenly(items, count):
    """``count`` items spread evenly over ``items`` (all of them when there are fewer)."""
    items = list(items)
    if count <= 0:
        return []
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(number * step)] for number in range(count)]


def sample_by_language(paths, count):
    """``count`` paths, half of them English (``/en/...``) when there are enough, each half
    spread evenly over its language's paths."""
    english = {path for path in paths if path == "/en/" or path.startswith("/en/")}
    dutch = [path for path in paths if path not in english]
    english_sample = sample_evenly([path for path in paths if path in english], count // 2)
    return sample_evenly(dutch, count - len(english_sample)) + english_sample


def dedupe(targets):
    seen, unique = set(), []
    for target in targets:
        if target.path not in seen:
            seen.add(target.path)
            unique.append(target)
    return unique


def get_json(site, path):
    status, _headers, body = http_bench.fetch(site.base + path)
    if status != 200:
        raise SystemExit(f"{path} answered {status} while building the address mix")
    return json.loads(body)


def first_item_id(site, list_path):
    items = get_json(site, f"{list_path}?limit=1").get("items") or []
    return items[0]["id"] if items else None


def api_targets(site, page_path):
    """Every GET route of the API's OpenAPI document: lists as they are, a detail with the first
    item of its list, search-like routes with a query, the resolver with a page's path."""
    document = get_json(site, "/api/v1/openapi.json")
    queries = {"/api/v1/qa/suggest/": "museumkaart", "/api/v1/suggest/": "mus"}
    targets = []
    museum_id = first_item_id(site, "/api/v1/museums/")
    for route, operations in sorted(document["paths"].items()):
        get = operations.get("get")
        if get is None:
            continue
        required = {p["name"]: p["in"] for p in get.get("parameters", []) if p.get("required")}
        if "{" in route:
            list_path = route[: route.index("{")]
            item_id = museum_id if list_path == "/api/v1/pages/" else first_item_id(site, list_path)
            if item_id is None or len(required) != 1:
                print(f"[load] {route}: no item to ask for; left out", flush=True)
                continue
            path = re.sub(r"\{[^}]+\}", str(item_id), route)
            targets.append(http_bench.Target("api-detail", f"API {list_path} detail", path))
        elif required == {"q": "query"}:
            query = urlencode({"q": queries.get(route, "museum")})
            targets.append(http_bench.Target("api-search", f"API {route}", f"{route}?{query}"))
        elif required == {"path": "query"}:
            query = urlencode({"path": page_path})
            targets.append(http_bench.Target("api-detail", "API resolve a path", f"{route}?{query}"))
        elif not required:
            targets.append(http_bench.Target("api-list", f"API {route}", route))
        else:
            print(f"[load] {route}: needs {sorted(required)}; left out", flush=True)
    return targets


def first_slug(site, list_path):
    """The ``slug`` of the list's first item, or of the taxonomy entry it presents (a dossier)."""
    items = get_json(site, f"{list_path}?limit=1").get("items") or []
    if not items:
        return None
    return items[0].get("slug") or (items[0].get("dossier") or {}).get("slug")


def build_mix(site, env, args):
    """The addresses the load walks through (``http_bench.Target``: kind, label, path)."""
    base = http_bench.discover_targets(site, env, quick=False)
    by_label = {target.label: target.path for target in base}
    museums = by_label.get("museums.MuseumIndexPage")
    agenda = by_label.get("agenda.AgendaIndexPage")
    knowledge = by_label.get("knowledge.KnowledgeIndexPage")
    event = by_label.get("agenda.EventPage")
    museum = by_label.get("museums.MuseumPage", "/")
    theme = first_slug(site, "/api/v1/themes/")
    dossier = first_slug(site, "/api/v1/dossiers/")
    extra = []
    if museums:
        extra += [
            ("listing", "museum finder, province", f"{museums}?province=NL-GE"),
            ("listing", "museum finder, category + Museumkaart", f"{museums}?category=art&museumkaart=on"),
            ("listing", "museum finder, open now", f"{museums}?open_now=on"),
        ]
    if agenda:
        extra += [
            ("listing", "agenda, type", f"{agenda}?type=webinar"),
            ("listing", "agenda, province", f"{agenda}?province=NL-UT"),
            ("listing", "agenda, archive", f"{agenda}archief/"),
            ("feed", "agenda iCal, type", f"{agenda}ical/?type=webinar"),
        ]
        if theme:
            extra.append(("listing", "agenda, theme", f"{agenda}?theme={theme}"))
    if knowledge:
        extra += [
            ("listing", "knowledge base, text", f"{knowledge}?q=museum"),
            ("feed", "knowledge base RSS", f"{knowledge}rss/"),
        ]
        if theme:
            extra.append(("listing", "knowledge base, theme", f"{knowledge}?theme={theme}"))
        if dossier:
            extra.append(("listing", "knowledge base, dossier", f"{knowledge}?dossier={dossier}"))
    if event:
        extra.append(("feed", "event iCal", f"{event}ical/"))
    extra += [
        ("api-list", "API museums, province", "/api/v1/museums/?province=NL-GE"),
        ("api-list", "API museums, English", "/api/v1/museums/?locale=en"),
        ("api-list", "API exhibitions, current", "/api/v1/exhibitions/?current=true"),
        ("api-list", "API events, type", "/api/v1/events/?type=webinar"),
    ]
    known = {target.path for target in base} | {path for _kind, _label, path in extra}
    pages = sitemap_page_paths(lambda path: http_bench.fetch(site.base + path)[::2])
    fresh = [path for path in pages if path not in known]
    sample = sample_by_language(fresh, args.sitemap_pages)
    targets = [
        *base,
        *(http_bench.Target(*row) for row in extra),
        *(http_bench.Target("page", "from the sitemap", path) for path in sample),
        *api_targets(site, museum),
    ]
    targets = dedupe(targets)
    targets.sort(key=lambda target: KINDS.index(target.kind))
    return targets


def precheck(site, targets):
    """GET every address (which also fills the page cache when it is on): ``(failures, x_cache)``
    with the addresses that answered 400 or more, and the count of each ``X-Cache`` value a
    second GET saw."""
    failures = []
    for target in targets:
        status, _headers, _body = http_bench.fetch(site.base + target.path)
        if status >= 400:
            failures.append((target.path, status))
    x_cache = {}
    for target in targets:
        _status, headers, _body = http_bench.fetch(site.base + target.path)
        value = headers.get("X-Cache", "-")
        x_cache[value] = x_cache.get(value, 0) + 1
    return failures, x_cache


# --- PostgreSQL and Redis --------------------------------------------------------------------


def pg_connect(args, dbname="postgres"):
    return psycopg.connect(
        host=args.pg_host,
        port=args.pg_port,
        user=args.pg_user,
        dbname=dbname,
        autocommit=True,
        connect_timeout=5,
    )


def create_database(args, name):
    with pg_connect(args) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(args, name):
    with pg_connect(args) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def pg_facts(args):
    with pg_connect(args) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        max_connections = connection.execute("SHOW max_connections").fetchone()[0]
    return version.split(" ")[0], int(max_connections)


def pg_connections(args, name):
    """``(to this database, to the whole server)`` right now."""
    with pg_connect(args) as connection:
        rows = connection.execute(
            "SELECT datname, count(*) FROM pg_stat_activity GROUP BY datname"
        ).fetchall()
    return sum(count for datname, count in rows if datname == name), sum(count for _d, count in rows)


def clean_redis_prefix(client, prefix):
    """Delete the keys under ``prefix`` (SCAN + DEL, never FLUSHDB); returns how many."""
    if not KEY_PREFIX_PATTERN.match(prefix):
        raise ValueError(f"unsafe cache key prefix {prefix!r}")
    deleted, batch = 0, []
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        batch.append(key)
        if len(batch) >= 500:
            deleted += client.delete(*batch)
            batch = []
    if batch:
        deleted += client.delete(*batch)
    return deleted


def count_redis_prefix(client, prefix):
    return sum(1 for _key in client.scan_iter(match=f"{prefix}:*", count=1000))


# --- steps -----------------------------------------------------------------------------------


def code_fingerprint():
    """The code the servers run: ``HEAD``, plus a digest of the uncommitted changes to Python
    files and templates when there are any; ``None`` outside a git checkout. Others may change
    the checkout while the check runs; servers of different code sharing one cache can fail."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        diff = subprocess.run(
            ["git", "diff", "HEAD", "--", "*.py", "*.html"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head}+{hashlib.sha256(diff).hexdigest()[:8]}" if diff else head


def code_text(fingerprints):
    """``fingerprints``: ``[(moment, fingerprint)]`` in order; one value, or how it changed."""
    values = [value for _moment, value in fingerprints]
    if len(set(values)) <= 1:
        return f"`{values[0]}` throughout" if values and values[0] else "unknown (not a git checkout)"
    steps = " → ".join(f"{moment} `{value}`" for moment, value in fingerprints)
    return (
        f"**changed during the check**: {steps}; servers of different code shared the database and "
        "the cache, so a failure may come from the change rather than from the load"
    )


def run_step(title, command, env, log_path, show=False):
    """Run a setup command, its output to ``log_path`` (and to the console when ``show``)."""
    print(f"[load] {title}", flush=True)
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for line in process.stdout:
            log.write(line)
            if show:
                sys.stdout.write("    " + line.decode(errors="replace"))
                sys.stdout.flush()
        returncode = process.wait()
    if returncode:
        tail = log_path.read_text(errors="replace").splitlines()[-30:]
        raise SystemExit(f"{title} failed:\n" + "\n".join(tail))


@dataclass
class Run:
    name: str
    page_cache: bool
    duration: int
    result: LoadResult | None = None
    x_cache: dict = field(default_factory=dict)
    precheck_failures: list = field(default_factory=list)
    log_problems: list = field(default_factory=list)
    log_warnings: list = field(default_factory=list)
    access_errors: int = 0
    by_kind: dict = field(default_factory=dict)
    slowest: list = field(default_factory=list)
    healthz: str = "-"
    connections: tuple = (0, 0)
    requests_logged: int = 0
    redis_ms: list = field(default_factory=list)
    redis_failures: int = 0

    @property
    def problems(self):
        found = []
        if self.precheck_failures:
            found.append(
                "answered 400 or more before the load: "
                + ", ".join(f"{path} ({status})" for path, status in self.precheck_failures)
            )
        if self.result is not None:
            found += [f"{count} {kind}" for kind, count in self.result.error_counts.items() if count]
            if self.result.requests == 0:
                found.append("no request completed")
        if self.access_errors:
            found.append(f"{self.access_errors} answers of 400 or more in the access log")
        if self.log_problems:
            found.append(f"{len(self.log_problems)} problem lines in the server log")
        if self.healthz != "200 ok":
            found.append(f"/healthz after the run: {self.healthz}")
        return found

    @property
    def passed(self):
        return self.result is not None and not self.problems


def healthz_state(site):
    try:
        status, _headers, body = http_bench.fetch(site.base + "/healthz", proxy=False, timeout=10)
    except OSError as error:
        return f"no answer ({error.__class__.__name__})"
    try:
        state = json.loads(body).get("status", "?")
    except ValueError:
        state = "not JSON"
    return f"{status} {state}"


class Sampler(threading.Thread):
    """Watches the services during a run: a Redis PING every quarter second (its round trip as the
    load driver sees it, against the cache's 100 ms socket timeout) and, half-way, the number of
    PostgreSQL connections."""

    def __init__(self, args, database, cache, duration):
        super().__init__(daemon=True)
        self.args, self.database, self.cache, self.duration = args, database, cache, duration
        self.finished = threading.Event()
        self.redis_ms = []
        self.redis_failures = 0
        self.connections = (0, 0)

    def run(self):
        started = time.monotonic()
        counted = False
        while not self.finished.wait(0.25):
            begin = time.perf_counter()
            try:
                self.cache.ping()
                self.redis_ms.append((time.perf_counter() - begin) * 1000)
            except redis.RedisError:
                self.redis_failures += 1
            if not counted and time.monotonic() - started >= self.duration / 2:
                counted = True
                with contextlib.suppress(psycopg.Error):
                    self.connections = pg_connections(self.args, self.database)


def load_run(run, site, targets, paths_file, args, database, cache):
    kind_of_path = {target.path: target.kind for target in targets}
    print(f"[load] {run.name}: checking {len(targets)} addresses", flush=True)
    run.precheck_failures, run.x_cache = precheck(site, targets)
    if run.precheck_failures:
        for path, status in run.precheck_failures:
            print(f"[load]   {status} {path}", flush=True)
        return
    offset = site.access_log_path.stat().st_size if site.access_log_path.exists() else 0
    print(
        f"[load] {run.name}: {args.connections} connections for {run.duration} s "
        f"(X-Cache after the warm-up: {run.x_cache})",
        flush=True,
    )
    sampler = Sampler(args, database, cache, run.duration)
    sampler.start()
    command = wrk_command(site.base, paths_file, args, run.duration)
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=run.duration + args.timeout + 120
    )
    sampler.finished.set()
    sampler.join()
    run.connections = sampler.connections
    run.redis_ms, run.redis_failures = sampler.redis_ms, sampler.redis_failures
    (args.log_dir / f"{run.name}-wrk.txt").write_text(completed.stdout + completed.stderr)
    if completed.returncode:
        raise SystemExit(f"wrk failed: {completed.stderr.strip() or completed.stdout.strip()}")
    run.result = parse_load_output(completed.stdout)
    time.sleep(1)  # the last access log lines
    run.healthz = healthz_state(site)
    whole = site.access_log_path.read_bytes()
    during = parse_access_log(whole[offset:].decode(errors="replace"))
    run.requests_logged = len(during)
    run.access_errors = sum(
        status >= 400 for status, _ms, _path in parse_access_log(whole.decode(errors="replace"))
    )
    run.by_kind = server_side_by_kind(during, kind_of_path)
    run.slowest = slowest_addresses([entry for entry in during if entry[2] in kind_of_path])
    server_log = site.log_path.read_text(errors="replace")
    run.log_problems, run.log_warnings = log_findings(server_log)
    result = run.result
    print(
        f"[load] {run.name}: {result.requests} requests, {result.requests_per_second:.1f} req/s, "
        f"p50 {result.p50_ms:.0f} ms, p99 {result.p99_ms:.0f} ms, max {result.max_ms:.0f} ms, "
        f"errors {result.error_counts}, /healthz {run.healthz}, log problems {len(run.log_problems)}, "
        f"cache fail-open warnings {len(run.log_warnings)}",
        flush=True,
    )
    if run.log_problems:
        print(f"[load] {run.name}: the first error in {site.log_path.name}:", flush=True)
        for line in first_error(server_log):
            print(f"    {line}", flush=True)


# --- report ----------------------------------------------------------------------------------


def versions(pg_version, redis_version):
    found = http_bench.versions()
    found.pop("SQLite", None)
    found["psycopg"] = http_bench.version_of("psycopg")
    found["PostgreSQL"] = pg_version
    found["Redis"] = redis_version
    return found


def server_text(args):
    if args.threads == 1:
        return f"gunicorn, {args.workers} sync workers"
    return f"gunicorn, {args.workers} gthread workers × {args.threads} threads"


def mix_table(targets, runs):
    counts = {}
    for target in targets:
        counts.setdefault(target.kind, []).append(target.path)
    header = "| kind | addresses | examples |"
    rule = "| --- | ---: | --- |"
    for run in runs:
        header += f" {run.name}: requests, server p50 / p99 (ms) |"
        rule += " ---: |"
    lines = [header, rule]
    for kind in KINDS:
        if kind not in counts:
            continue
        paths = counts[kind]
        examples = ", ".join(f"`{path}`" for path in paths[:3]) + (", ..." if len(paths) > 3 else "")
        row = f"| {kind} | {len(paths)} | {examples} |"
        for run in runs:
            stats = run.by_kind.get(kind)
            row += (
                f" {stats['requests']}, {stats['p50_ms']:.0f} / {stats['p99_ms']:.0f} |" if stats else " – |"
            )
        lines.append(row)
    return lines


def run_table(runs, args):
    lines = [
        "| run | page cache | duration | requests | req/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) "
        "| connect | read | write | timeout | 4xx | 5xx | passed? |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for run in runs:
        result = run.result
        verdict = "yes" if run.passed else "**no**: " + "; ".join(run.problems)
        if result is None:
            lines.append(
                f"| {run.name} | {'on' if run.page_cache else 'off'} | {run.duration} s |"
                + " – |" * 12
                + f" {verdict} |"
            )
            continue
        errors = result.error_counts
        lines.append(
            f"| {run.name} | {'on' if run.page_cache else 'off'} | {result.duration_s:.0f} s | {result.requests} | "
            f"{result.requests_per_second:.1f} | {result.p50_ms:.0f} | {result.p90_ms:.0f} | {result.p99_ms:.0f} | "
            f"{result.max_ms:.0f} | {errors['connect']} | {errors['read']} | {errors['write']} | "
            f"{errors['timeout']} | {errors['4xx']} | {errors['5xx']} | {verdict} |"
        )
    return lines


def after_lines(runs):
    lines = []
    for run in runs:
        if run.result is None:
            continue
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(run.result.statuses.items()))
        db, total = run.connections
        lines.append(
            f"- **{run.name}**: answers by status {statuses}; X-Cache after the warm-up "
            f"{', '.join(f'{value} {count}' for value, count in sorted(run.x_cache.items()))}; "
            f"{run.requests_logged} requests in the access log during the run, "
            f"{run.access_errors} of them or before with 400 or more; server log: "
            f"{len(run.log_problems)} problem lines, {len(run.log_warnings)} cache fail-open warnings; "
            f"PostgreSQL connections half-way: {db} to the load database ({total} on the server); "
            f"`/healthz` after the run: {run.healthz}."
        )
        if run.redis_ms:
            slow = sum(value > 100 for value in run.redis_ms)
            lines.append(
                f"  Redis PING from the load driver every 0.25 s during the run: p50 "
                f"{percentile(run.redis_ms, 0.5):.1f} ms, p99 {percentile(run.redis_ms, 0.99):.1f} ms, "
                f"max {max(run.redis_ms):.1f} ms; {slow} of {len(run.redis_ms)} over 100 ms, "
                f"{run.redis_failures} failed."
            )
        if run.slowest:
            slow = "; ".join(
                f"`{path}` {p50:.0f} / {p99:.0f} ms ({n})" for path, p50, p99, n in run.slowest[:3]
            )
            lines.append(f"  Slowest addresses (server p50 / p99, requests): {slow}.")
    return lines


def render(runs, targets, facts, args):
    passed = all(run.passed for run in runs) and bool(runs)
    lines = [
        START_MARK,
        "## Load check (`make loadcheck`)",
        "",
        f"**{'Passed' if passed else 'FAILED'}**: {args.connections} connections against pages and the API "
        "on PostgreSQL + Redis, first with the page cache on (the production mode), then with it off "
        "(`PAGE_CACHE_ENABLED=false`: every request renders from the database). The check passes "
        "only with zero errors: no answer of 400 or more, no socket error (connect, read, write), "
        f"no request over the {args.timeout} s timeout, no traceback, 5xx or worker timeout in the "
        "server's log and `/healthz` answering 200 `ok` after each run. Latency is measured by wrk "
        f"and includes the queue of {args.connections} connections in front of the workers. "
        "Written by `bench/load.py`; rerunning replaces only this section.",
        "",
        "| fact | value |",
        "| --- | --- |",
        *[f"| {name} | {value} |" for name, value in facts.items()],
        "",
        "### Runs",
        "",
        *run_table(runs, args),
        "",
        "### Address mix",
        "",
        f"{len(targets)} addresses, walked in turn by each wrk thread (`bench/load.lua`); requests "
        "and server-side times per kind from gunicorn's access log during each run.",
        "",
        *mix_table(targets, runs),
        "",
        "### After each run",
        "",
        *after_lines(runs),
        "",
        END_MARK,
    ]
    return "\n".join(lines) + "\n"


def write_section(path, section):
    """Replace the text between this check's markers in ``path`` with ``section`` (or append it)."""
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    start, end = text.find(START_MARK), text.find(END_MARK)
    if start != -1 and end != -1 and end > start:
        text = text[:start] + section.rstrip("\n") + text[end + len(END_MARK) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n")


# --- main ------------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="Seconds of the cached run (default 60).")
    parser.add_argument(
        "--uncached-duration",
        type=int,
        default=30,
        help="Seconds of the uncached run (default 30; 0: skip it).",
    )
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (default 64).")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2).")
    parser.add_argument("--timeout", type=int, default=30, help="Seconds before wrk counts a timeout (30).")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4).")
    parser.add_argument("--threads", type=int, default=4, help="Threads per worker (default 4; 1: sync).")
    parser.add_argument("--worker-timeout", type=int, default=60, help="gunicorn --timeout (default 60).")
    parser.add_argument("--sitemap-pages", type=int, default=40, help="Pages sampled from the sitemap (40).")
    parser.add_argument("--pg-host", default=HOST, help="PostgreSQL host (loopback only).")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14", help="Redis (loopback only).")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="The results file.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folder (logs).")
    args = parser.parse_args(argv)
    if not 1 <= args.duration <= MAX_DURATION or not 0 <= args.uncached_duration <= MAX_DURATION:
        parser.error(f"durations are bounded: 1 to {MAX_DURATION} s")
    if not 1 <= args.connections <= MAX_CONNECTIONS:
        parser.error(f"connections are bounded: 1 to {MAX_CONNECTIONS}")
    if args.workers < 1 or args.threads < 1 or args.wrk_threads < 1 or args.wrk_threads > args.connections:
        parser.error(
            "workers, threads and wrk threads must be at least 1 (wrk threads at most the connections)"
        )
    require_loopback("PostgreSQL host", args.pg_host)
    require_loopback("Redis URL", args.redis_url)
    return args


def _terminate(signum, _frame):
    raise SystemExit(f"stopped by signal {signum}")


def main(argv=None):
    args = parse_args(argv)
    for tool in ("wrk",):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed: `apt-get install -y {tool}`.")
    if not http_bench.GUNICORN.exists():
        raise SystemExit(f"gunicorn not found at {http_bench.GUNICORN}: run `make install`.")
    signal.signal(signal.SIGTERM, _terminate)
    started = time.monotonic()
    load_before = os.getloadavg()
    token = secrets.token_hex(4)
    database = f"museumsite_load_{token}"
    prefix = f"museumsite-load-{token}"
    cache = redis.Redis.from_url(args.redis_url, socket_timeout=5)
    try:
        redis_version = cache.info("server")["redis_version"]
        pg_version, max_connections = pg_facts(args)
    except (redis.RedisError, psycopg.Error) as error:
        raise SystemExit(f"PostgreSQL or Redis is not answering: {error}") from error
    tmp = Path(tempfile.mkdtemp(prefix="museumsite-load-"))
    args.log_dir = tmp
    port = http_bench.free_port()
    runs, targets, site, created, passed = [], [], None, False, False
    fingerprints = [("setup", code_fingerprint())]
    try:
        print(
            f"[load] database {database}, Redis {args.redis_url} prefix {prefix}, logs in {tmp}", flush=True
        )
        create_database(args, database)
        created = True
        env = http_bench.site_env(tmp, port, page_cache=True)
        env.update(
            DATABASE_URL=f"postgres://{args.pg_user}@{args.pg_host}:{args.pg_port}/{database}",
            REDIS_URL=args.redis_url,
            CACHE_KEY_PREFIX=prefix,
        )
        python = sys.executable
        setup_log = tmp / "setup.log"
        run_step(
            "migrate (a minute or two)", [python, "manage.py", "migrate", "--noinput", "-v0"], env, setup_log
        )
        run_step(
            "load_demo (a minute or two)",
            [python, "manage.py", "load_demo", "--force", "--no-admin"],
            env,
            setup_log,
            show=True,
        )
        run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput", "-v0"], env, setup_log)
        paths_file = tmp / "paths.txt"
        plan = [Run("cached", True, args.duration)]
        if args.uncached_duration:
            plan.append(Run("uncached", False, args.uncached_duration))
        for run in plan:
            run_env = dict(env, PAGE_CACHE_ENABLED="true" if run.page_cache else "false")
            site = Site(f"site-{run.name}", run_env, port, tmp, args)
            fingerprints.append((f"{run.name} run", code_fingerprint()))
            site.start()
            if not targets:
                targets = build_mix(site, env, args)
                paths_file.write_text("".join(f"{target.path}\n" for target in targets))
                print(f"[load] {len(targets)} addresses in the mix", flush=True)
            runs.append(run)
            load_run(run, site, targets, paths_file, args, database, cache)
            site.stop()
            site = None
        load_after = os.getloadavg()
        fingerprints.append(("end", code_fingerprint()))
        if len({value for _moment, value in fingerprints}) > 1:
            print(f"[load] the code changed during the check: {fingerprints}", flush=True)
        facts = {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
            "load average (1 / 5 min) before, after": (
                f"{load_before[0]:.2f} / {load_before[1]:.2f}, {load_after[0]:.2f} / {load_after[1]:.2f}"
            ),
            "versions": ", ".join(
                f"{name} {value}" for name, value in versions(pg_version, redis_version).items()
            ),
            "server": f"{server_text(args)}, `--timeout {args.worker_timeout}`, on {HOST} (keep-alive as gunicorn's default)",
            "settings": (
                "`MUSEUMSITE_ENV=production`, DEBUG off, `SECURE_PROXY_SSL_HEADER=true`, a fresh PostgreSQL "
                f"database with `load_demo` (`max_connections` {max_connections}, shared), "
                f"`DATABASE_CONN_MAX_AGE` {env.get('DATABASE_CONN_MAX_AGE', '60 (default)')}, "
                f"`DATABASE_STATEMENT_TIMEOUT_MS` {env.get('DATABASE_STATEMENT_TIMEOUT_MS', '30000 (default)')}, "
                f"Redis cache (database {urlsplit(args.redis_url).path.strip('/') or '0'}, a key prefix of its own, "
                f"`CACHE_SOCKET_TIMEOUT_MS` {env.get('CACHE_SOCKET_TIMEOUT_MS', '100 (default)')}), "
                "the database search backend"
            ),
            "wrk": (
                f"`wrk -t{args.wrk_threads} -c{args.connections} -d<duration> --timeout {args.timeout}s --latency "
                "-s bench/load.lua`, `X-Forwarded-Proto: https` on every request"
            ),
            "code (git)": code_text(fingerprints),
            "whole check": f"{(time.monotonic() - started) / 60:.1f} min (setup included)",
        }
        write_section(args.out, render(runs, targets, facts, args))
        print(f"[load] written to {args.out}", flush=True)
        passed = bool(runs) and all(run.passed for run in runs)
    finally:
        if site is not None:
            site.stop()
        if created:
            try:
                drop_database(args, database)
                print(f"[load] dropped {database}", flush=True)
            except psycopg.Error as error:
                print(f"[load] could not drop {database}: {error}", flush=True)
        try:
            deleted = clean_redis_prefix(cache, prefix)
            print(f"[load] deleted {deleted} Redis keys under {prefix}", flush=True)
        except redis.RedisError as error:
            print(f"[load] could not clean Redis prefix {prefix}: {error}", flush=True)
        if args.keep or not passed:
            print(
                f"[load] kept {tmp} (logs: site-*.log, site-*-access.log, *-wrk.txt, setup.log)", flush=True
            )
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if not passed:
        for run in runs:
            for problem in run.problems:
                print(f"[load] FAILED {run.name}: {problem}", flush=True)
        raise SystemExit(1)
    print(f"[load] passed: zero errors in {len(runs)} runs", flush=True)


if __name__ == "__main__":
    main()
