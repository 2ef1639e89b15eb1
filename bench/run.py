"""HTTP benchmark: the production server against a trivial Django view, side by side (``make bench``).

What it does, in order:

1. Builds a fresh site in a temporary folder: SQLite database, ``collectstatic``, ``migrate``,
   ``load_demo --force``; production settings (``MUSEUMSITE_ENV=production``, DEBUG off, static
   files by WhiteNoise, HTTPS as behind a proxy: ``SECURE_PROXY_SSL_HEADER=true`` and every request
   carries ``X-Forwarded-Proto: https``). The cache is the embedded local-memory one, or Redis when
   ``REDIS_URL`` is set (with a key prefix of its own per run).
2. Serves it with gunicorn (``--workers 2``, sync) on a loopback port, and beside it the floor:
   ``bench/floor``, a Django project with one view returning a short text, served by gunicorn with
   the same worker count on another loopback port.
3. Loads one page of every page type (``core.page_types.sample_pages`` via ``bench/discover.py``),
   the listings, the agenda feeds, the sitemap (its index and the museums section's part), and
   the museums, events and articles API (list and one detail each) with ``wrk --latency``,
   interleaved with the floor: floor, target, floor, target, ..., floor. A target's share is its
   req/s over the mean of the two floor runs around it, so noise on the shared machine hits both
   alike.
4. Runs that twice: with the page cache off (``PAGE_CACHE_ENABLED=false``) and on (every address
   is fetched a few times first so that both workers hold it).
5. Writes the section between ``<!-- http-bench:start -->`` and ``<!-- http-bench:end -->`` of
   ``bench/RESULTS.md`` (``--out``), leaving the rest of the file as it is.

Usage::

    .venv/bin/python bench/run.py [--quick] [--duration 5] [--out bench/RESULTS.md]

Only 127.0.0.1 is ever loaded.
"""

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
GUNICORN = Path(sys.executable).parent / "gunicorn"
HOST = "127.0.0.1"
WORKERS = 2
PROXY_HEADER = "X-Forwarded-Proto: https"
START_MARK = "<!-- http-bench:start -->"
END_MARK = "<!-- http-bench:end -->"

# Targets as a share (%) of the floor's req/s measured in the same run.
TARGETS = {
    ("uncached", "page"): 3.0,
    ("uncached", "listing"): 2.2,
    ("uncached", "home"): 1.6,
    ("uncached", "api-list"): 6.0,
    ("cached", "*"): 50.0,
}

# Page types that are listings (the rest are detail pages), and the other addresses loaded.
LISTING_TYPES = {
    "museums.MuseumIndexPage",
    "agenda.AgendaIndexPage",
    "knowledge.KnowledgeIndexPage",
    "awards.AwardsIndexPage",
    "qa.QAIndexPage",
}
HOME_TYPE = "home.HomePage"
EXTRA_TARGETS = [
    ("listing", "search `museum`", "/zoeken/?q=museum"),
    ("feed", "agenda iCal", "/agenda/ical/"),
    ("feed", "agenda RSS", "/agenda/rss/"),
    ("sitemap", "sitemap.xml", "/sitemap.xml"),
    # Site search for museum.nl and its suggestions as a reader types (measured for reference).
    ("api-search", "API search `museum`", "/api/v1/search/?q=museum"),
    ("api-search", "API suggest `mus`", "/api/v1/suggest/?q=mus"),
]
API_ROUTES = ["museums", "events", "articles"]
QUICK_TYPES = {HOME_TYPE, "museums.MuseumPage", "museums.MuseumIndexPage"}
KIND_ORDER = ["home", "page", "listing", "feed", "sitemap", "api-list", "api-detail", "api-search"]


# --- wrk output ------------------------------------------------------------------------------

DURATION_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_success: int = 0
    socket_errors: dict = field(default_factory=dict)

    @property
    def errors(self):
        return self.non_success + sum(self.socket_errors.values())


def parse_duration_ms(text):
    """``"812.00us"``, ``"5.41ms"``, ``"1.02s"`` (wrk's units) in milliseconds."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*(us|ms|s|m|h)\s*", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * DURATION_UNITS_MS[match.group(2)]


def parse_wrk(output):
    """The numbers of one ``wrk --latency`` run: req/s, p50 and p99 (ms), requests and errors."""
    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", output, re.MULTILINE)
    p50 = re.search(r"^\s*50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s*99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    if not (rps and p50 and p99 and total):
        raise ValueError("wrk output without Requests/sec and a latency distribution (--latency)")
    non_success = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors:\s+(.*)$", output, re.MULTILINE)
    socket_errors = {}
    if sockets:
        for name, count in re.findall(r"(\w+) (\d+)", sockets.group(1)):
            socket_errors[name] = int(count)
    return WrkResult(
        requests_per_second=float(rps.group(1)),
        p50_ms=parse_duration_ms(p50.group(1)),
        p99_ms=parse_duration_ms(p99.group(1)),
        requests=int(total.group(1)),
        non_success=int(non_success.group(1)) if non_success else 0,
        socket_errors=socket_errors,
    )


def share_of_floor(rps, floor_before, floor_after):
    """``rps`` as a percentage of the mean of the floor runs around it."""
    floor = (floor_before + floor_after) / 2
    return 100.0 * rps / floor if floor else 0.0


def target_for(round_name, kind):
    """The target share (%) of a row, or ``None`` when the issue sets none for it."""
    if round_name == "cached":
        return TARGETS[("cached", "*")]
    return TARGETS.get((round_name, kind))


# --- processes -------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url, proxy=True, timeout=60):
    """``(status, headers, body)`` of a GET, errors included."""
    request = urllib.request.Request(url)
    if proxy:
        name, value = PROXY_HEADER.split(": ")
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Server:
    """A gunicorn master with its workers, started and stopped by this script."""

    def __init__(self, name, app, cwd, env, port, log_dir):
        self.name, self.app, self.cwd, self.env, self.port = name, app, cwd, env, port
        self.log_path = log_dir / f"{name}.log"
        self.process = None

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def start(self, probe="/"):
        command = [
            str(GUNICORN),
            self.app,
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            "--timeout",
            "120",
        ]
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=self.cwd, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name}: gunicorn exited; see {self.log_path}")
            try:
                status, _headers, _body = fetch(self.base + probe, timeout=10)
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit(f"{self.name}: no answer on {self.base}{probe} within 90 s; see {self.log_path}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run_step(title, command, env, log_dir):
    print(f"[bench] {title}", flush=True)
    log_path = log_dir / "setup.log"
    with log_path.open("ab") as log:
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    if result.returncode:
        tail = log_path.read_text(errors="replace").splitlines()[-30:]
        raise SystemExit(f"{title} failed:\n" + "\n".join(tail))


def site_env(tmp, port, page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        MUSEUMSITE_ENV="production",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_PROXY_SSL_HEADER="true",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        STATIC_ROOT=str(tmp / "static"),
        DOCUMENTS_ROOT=str(tmp / "documents"),
        PUBLIC_BASE_URL=f"http://{HOST}:{port}",
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:{port}",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        PAGE_CACHE_ENABLED="true" if page_cache else "false",
    )
    env.pop("ELASTICSEARCH_URL", None)  # the embedded database search backend
    return env


def floor_env():
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "floor.settings"
    return env


# --- targets ---------------------------------------------------------------------------------


@dataclass
class Target:
    kind: str
    label: str
    path: str


def discover_targets(site, env, quick):
    output = subprocess.run(
        [sys.executable, str(BENCH / "discover.py")],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    discovered = json.loads(output)
    pages = discovered["pages"]
    targets = []
    for label, path in sorted(pages.items()):
        if path is None or (quick and label not in QUICK_TYPES):
            continue
        kind = "home" if label == HOME_TYPE else "listing" if label in LISTING_TYPES else "page"
        targets.append(Target(kind, label, path))
    if not quick:
        targets += [Target(*extra) for extra in EXTRA_TARGETS]
        if discovered.get("sitemap_part"):  # one part of the index: the museums section's
            targets.append(Target("sitemap", "sitemap part (museums)", discovered["sitemap_part"]))
    for route in API_ROUTES[:1] if quick else API_ROUTES:
        targets.append(Target("api-list", f"API {route}", f"/api/v1/{route}/"))
        if quick:
            continue
        status, _headers, body = fetch(f"{site.base}/api/v1/{route}/?limit=1")
        items = json.loads(body).get("items", []) if status == 200 else []
        if items:
            targets.append(Target("api-detail", f"API {route} detail", f"/api/v1/{route}/{items[0]['id']}/"))
        else:
            print(f"[bench] no {route} in the API (status {status}); its detail is left out", flush=True)
    targets.sort(key=lambda target: KIND_ORDER.index(target.kind))
    return targets


# --- measuring -------------------------------------------------------------------------------


def wrk_command(url, args, proxy):
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    if proxy:
        command += ["-H", PROXY_HEADER]
    return [*command, url]


def wrk_args_text(args):
    return f"-t{args.threads} -c{args.connections} -d{args.duration}s --timeout 10s --latency"


def run_wrk(url, args, proxy):
    result = subprocess.run(wrk_command(url, args, proxy), capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"wrk failed on {url}: {result.stderr.strip() or result.stdout.strip()}")
    return parse_wrk(result.stdout)


def check(site, targets, fetches):
    """Status and ``X-Cache`` of each address after ``fetches`` GETs (the warm-up)."""
    state = {}
    for target in targets:
        for _ in range(fetches):
            status, headers, _body = fetch(site.base + target.path)
        state[target.path] = (status, headers.get("X-Cache", "-"))
    return state


def interleaved_round(round_name, site, floor, targets, args):
    fetches = 4 if round_name == "cached" else 1
    state = check(site, targets, fetches)
    for _ in range(20):
        fetch(floor.base + "/", proxy=False)
    rows = []
    before = run_wrk(floor.base + "/", args, proxy=False)
    floors = [before.requests_per_second]
    for number, target in enumerate(targets, start=1):
        result = run_wrk(site.base + target.path, args, proxy=True)
        after = run_wrk(floor.base + "/", args, proxy=False)
        floors.append(after.requests_per_second)
        share = share_of_floor(
            result.requests_per_second, before.requests_per_second, after.requests_per_second
        )
        status, x_cache = state[target.path]
        rows.append(
            {
                "round": round_name,
                "kind": target.kind,
                "label": target.label,
                "path": target.path,
                "status": status,
                "x_cache": x_cache,
                "result": result,
                "floor": (before.requests_per_second + after.requests_per_second) / 2,
                "share": share,
                "target": target_for(round_name, target.kind),
            }
        )
        print(
            f"[{round_name:8} {number:2}/{len(targets)}] {target.kind:10} {target.path:60} "
            f"{result.requests_per_second:8.1f} req/s  p50 {result.p50_ms:7.1f} ms  "
            f"p99 {result.p99_ms:7.1f} ms  {share:6.2f}% of floor  [{status} {x_cache}]",
            flush=True,
        )
        before = after
    return rows, floors


def verdict(row):
    problems = []
    if row["status"] != 200:
        problems.append(f"status {row['status']}")
    if row["result"].errors:
        problems.append(f"{row['result'].errors} errors")
    if row["round"] == "cached" and row["x_cache"] != "hit":
        problems.append(f"X-Cache {row['x_cache']}")
    if row["target"] is None:
        return "; ".join(problems) or "—"
    met = row["share"] >= row["target"] and not problems
    return ("yes" if met else "**no**") + (f" ({'; '.join(problems)})" if problems else "")


# --- report ----------------------------------------------------------------------------------


def version_of(distribution):
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def versions():
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    first = (wrk_version.stdout or wrk_version.stderr).splitlines()[0].split(" [")[0]
    return {
        "Python": platform.python_version(),
        "Django": version_of("django"),
        "Wagtail": version_of("wagtail"),
        "gunicorn": version_of("gunicorn"),
        "SQLite": sqlite3.sqlite_version,
        "wrk": first.replace("wrk ", ""),
    }


def scale_headlines():
    lines = []
    for path in sorted((BENCH / "results").glob("scale*.md")):
        text = [line for line in path.read_text().splitlines() if line.strip()]
        title = text[0].lstrip("# ") if text else path.name
        summary = text[-1] if len(text) > 1 and not text[-1].startswith("|") else ""
        lines.append(f"- [{title}](results/{path.name})" + (f": {summary}" if summary else ""))
    return lines


def group_summary(rows):
    groups = {}
    for row in rows:
        if row["target"] is not None:
            groups.setdefault((row["round"], row["kind"]), []).append(row)
    lines = [
        "| round | kind | rows | lowest share | median share | target | met? |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for (round_name, kind), members in groups.items():
        shares = [row["share"] for row in members]
        met = sum(verdict(row).startswith("yes") for row in members)
        lines.append(
            f"| {round_name} | {kind} | {len(members)} | {min(shares):.2f}% | {statistics.median(shares):.2f}% | "
            f"≥ {members[0]['target']:g}% | {'yes' if met == len(members) else f'**no** ({met}/{len(members)})'} |"
        )
    return lines


def row_table(rows):
    lines = [
        "| round | kind | target page | req/s | p50 (ms) | p99 (ms) | floor req/s | share | target | met? |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        result = row["result"]
        target = f"≥ {row['target']:g}%" if row["target"] is not None else "—"
        lines.append(
            f"| {row['round']} | {row['kind']} | {row['label']} `{row['path']}` | "
            f"{result.requests_per_second:.1f} | {result.p50_ms:.1f} | {result.p99_ms:.1f} | "
            f"{row['floor']:.0f} | {row['share']:.2f}% | {target} | {verdict(row)} |"
        )
    return lines


def render(rows, floors, facts, args):
    all_floors = [value for values in floors.values() for value in values]
    lines = [
        START_MARK,
        "## HTTP benchmark (`make bench`)",
        "",
        "The production server (gunicorn, production settings, DEBUG off, WhiteNoise, a fresh SQLite "
        "database with the demo content) against a trivial Django view (`bench/floor`: one view "
        "returning a short text, the same gunicorn worker count), measured with wrk, interleaved "
        "floor, target, floor, target, ... Each target's **share** is its req/s over the mean of the "
        "floor runs just before and after it, so noise on the shared machine affects both alike; "
        "compare shares across runs, not raw req/s. *uncached*: `PAGE_CACHE_ENABLED=false`; "
        "*cached*: page cache on, each address fetched 4 times first (`X-Cache` after that is shown "
        "where it is not a hit). Written by `bench/run.py`; rerunning replaces only this section.",
        "",
        "| fact | value |",
        "| --- | --- |",
        *[f"| {name} | {value} |" for name, value in facts.items()],
        f"| floor req/s over the run | min {min(all_floors):.0f}, median {statistics.median(all_floors):.0f}, "
        f"max {max(all_floors):.0f} ({len(all_floors)} runs) |",
        "",
        "### Against the targets",
        "",
        *group_summary(rows),
        "",
        "### Every target",
        "",
        *row_table(rows),
        "",
        "*met?* is **no** when the share is under the target, or when the address did not answer 200 "
        "or wrk saw errors (non-2xx/3xx answers, socket errors), or, in the cached round, when the "
        "address was not a cache hit after the warm-up. Rows without a target are measured for "
        "reference.",
        "",
        "### Scale figures (in-process, SQLite and PostgreSQL)",
        "",
    ]
    headlines = scale_headlines()
    lines += headlines or [
        "No `bench/results/scale*.md` yet: run `bench/scale_bench.py` (see its docstring)."
    ]
    lines += ["", END_MARK]
    return "\n".join(lines) + "\n"


def write_section(path, section):
    """Replace the text between the markers in ``path`` with ``section`` (or append it)."""
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
    parser.add_argument("--quick", action="store_true", help="A smoke check: 4 targets, 2 s runs.")
    parser.add_argument("--duration", type=int, help="Seconds per wrk run (default 5, 2 with --quick).")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2).")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16).")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="The results file.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folder (logs, database).")
    args = parser.parse_args(argv)
    if args.duration is None:
        args.duration = 2 if args.quick else 5
    return args


def main(argv=None):
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `apt-get install -y wrk` (make bench does this).")
    if not GUNICORN.exists():
        raise SystemExit(f"gunicorn not found at {GUNICORN}: run `make install`.")
    started = time.monotonic()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="museumsite-bench-"))
    site_port, floor_port = free_port(), free_port()
    servers = []
    try:
        env = site_env(tmp, site_port, page_cache=False)
        if env.get("REDIS_URL"):
            env["CACHE_KEY_PREFIX"] = f"museumsite-bench-{secrets.token_hex(4)}"
        python = sys.executable
        run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput", "-v0"], env, tmp)
        run_step("migrate (a minute)", [python, "manage.py", "migrate", "--noinput", "-v0"], env, tmp)
        run_step(
            "load_demo (a minute or two)",
            [python, "manage.py", "load_demo", "--force", "--no-admin"],
            env,
            tmp,
        )

        floor = Server("floor", "floor.wsgi", BENCH, floor_env(), floor_port, tmp)
        floor.start()
        servers.append(floor)
        rows, floors = [], {}
        targets = None
        for round_name, page_cache in (("uncached", False), ("cached", True)):
            round_env = dict(env, PAGE_CACHE_ENABLED="true" if page_cache else "false")
            site = Server(f"site-{round_name}", "config.wsgi", ROOT, round_env, site_port, tmp)
            site.start(probe="/healthz")
            servers.append(site)
            if targets is None:
                targets = discover_targets(site, env, args.quick)
                print(f"[bench] {len(targets)} targets, {args.duration} s per wrk run", flush=True)
            round_rows, round_floors = interleaved_round(round_name, site, floor, targets, args)
            rows += round_rows
            floors[round_name] = round_floors
            site.stop()
        cache = "Redis (`REDIS_URL`)" if env.get("REDIS_URL") else "local memory (embedded default)"
        load_after = os.getloadavg()
        facts = {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
            "load average (1 min) before / after": f"{load_before[0]:.2f} / {load_after[0]:.2f}",
            "versions": ", ".join(f"{name} {value}" for name, value in versions().items()),
            "servers": f"gunicorn {WORKERS} sync workers each, site and floor on {HOST}",
            "site": f"production settings, SQLite, `load_demo`, cache: {cache}",
            "wrk": f"`wrk {wrk_args_text(args)}`, the site with `-H '{PROXY_HEADER}'`",
            "mode": "quick (`--quick`)" if args.quick else "full",
            "duration": f"{(time.monotonic() - started) / 60:.1f} min",
        }
        write_section(args.out, render(rows, floors, facts, args))
        print(f"[bench] written to {args.out} in {(time.monotonic() - started) / 60:.1f} min", flush=True)
    finally:
        for server in reversed(servers):
            server.stop()
        if args.keep:
            print(f"[bench] kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
