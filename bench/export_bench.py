"""Static export benchmark (``make bench-export``): export speed against uncached serving, the
incremental export after one publish, and nginx serving the export.

What it does, in order (everything on 127.0.0.1, in a temporary folder):

1. Builds a fresh site as ``bench/run.py`` does: production settings, SQLite, ``collectstatic``,
   ``migrate``, ``load_demo`` (with ``--scale``: also ``generate_scale --factor 1``, 5,000 museums,
   50,000 exhibitions and 50,000 events; that export takes a long time).
2. **Full export**: ``manage.py export_site OUT`` in one process, then with ``--jobs 2`` (as
   many worker processes as gunicorn has below); pages, addresses and seconds from its summary.
3. **Uncached serving, same run**: gunicorn (2 sync workers, ``PAGE_CACHE_ENABLED=false``)
   answers every address the export wrote, fetched once each by 2 client threads (one per
   worker): addresses per second. The ratio export / serving is the headline.
4. **Incremental**, three times: one event's title is changed and published (``manage.py
   shell``), then ``export_site OUT --changed --jobs 2``: the export's own seconds (its summary)
   and the command's wall time (Django's start included). The first run follows a full export;
   the later ones recycle the spare generation.
5. **Serving the export**: nginx with ``docs/nginx-static-export.conf`` and, beside it, the
   application with its page cache on and off, each under ``wrk`` for the same addresses.
6. Writes the section between ``<!-- export-bench:start -->`` and ``<!-- export-bench:end -->``
   of ``bench/RESULTS.md`` (``--out``).

Usage::

    .venv/bin/python bench/export_bench.py [--duration 10] [--scale] [--out bench/RESULTS.md]
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from run import HOST, PROXY_HEADER, Server, fetch, free_port, parse_wrk, run_step, site_env

ROOT = Path(__file__).resolve().parent.parent
JOBS = 2  # export_site --jobs, as many as the serving gunicorn's workers
NGINX = "/usr/sbin/nginx"
START_MARK = "<!-- export-bench:start -->"
END_MARK = "<!-- export-bench:end -->"
SUMMARY = re.compile(
    r"(?P<pages>\d+) pages \((?P<addresses>\d+) addresses rendered.*?(?P<files>\d+) files written "
    r"\((?P<mb>[\d.]+) MB\).*?in (?P<seconds>[\d.]+)s\."
)
INCREMENTAL_ROUNDS = 3
PUBLISH_ONE_EVENT = """
from agenda.models import EventPage
event = EventPage.objects.live().filter(alias_of__isnull=True, locale__language_code="nl").order_by("path").first()
event.title = event.title + " (bijgewerkt)"
event.save_revision().publish()
print(event.url)
"""


def export_step(python, out, env, *extra):
    started = time.monotonic()
    result = subprocess.run(
        [python, "manage.py", "export_site", str(out), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.monotonic() - started
    if result.returncode:
        raise SystemExit(f"export_site {' '.join(extra)} failed:\n{result.stderr[-3000:]}")
    match = SUMMARY.search(result.stdout)
    if not match:
        raise SystemExit(f"no summary in the output of export_site:\n{result.stdout[-2000:]}")
    figures = {key: float(value) for key, value in match.groupdict().items()}
    figures["wall"] = wall
    return figures


def serve_all(base, addresses, threads=2):
    """Fetch every address once with ``threads`` clients; ``(seconds, errors)``."""
    queue = list(addresses)
    lock = threading.Lock()
    errors = []

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                address = queue.pop()
            status, _headers, _body = fetch(base + address)
            if status != 200:
                errors.append((address, status))

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return time.monotonic() - started, errors


class Nginx:
    def __init__(self, root, port, tmp):
        self.port, self.tmp = port, tmp
        site = (ROOT / "docs" / "nginx-static-export.conf").read_text()
        for name, value in {
            "EXPORT_ROOT": str(root),
            "LISTEN": f"{HOST}:{port}",
            "SERVER_NAME": "localhost",
            "DYNAMIC_ORIGIN": "https://app.example.org",
        }.items():
            site = site.replace(name, value)
        (tmp / "nginx-site.conf").write_text(site)
        (tmp / "nginx-tmp").mkdir(exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""
        (tmp / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 2;\npid {tmp}/nginx.pid;\nerror_log {tmp}/nginx-error.log;\n"
            "events { worker_connections 1024; }\n"
            f"http {{ access_log off; sendfile on; tcp_nopush on; client_body_temp_path {tmp}/nginx-tmp;\n"
            f"proxy_temp_path {tmp}/nginx-tmp; fastcgi_temp_path {tmp}/nginx-tmp; uwsgi_temp_path {tmp}/nginx-tmp;\n"
            f"scgi_temp_path {tmp}/nginx-tmp; include {tmp}/nginx-site.conf; }}\n"
        )
        self.process = None

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def start(self):
        self.process = subprocess.Popen([NGINX, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf")])
        for _attempt in range(100):
            try:
                if fetch(self.base + "/robots.txt", proxy=False, timeout=2)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("nginx did not answer")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def wrk(url, args, proxy):
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s", "--latency"]
    if proxy:
        command += ["-H", PROXY_HEADER]
    result = subprocess.run([*command, url], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"wrk failed on {url}: {result.stderr.strip()}")
    return parse_wrk(result.stdout)


def write_section(path, section):
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    start, end = text.find(START_MARK), text.find(END_MARK)
    if start != -1 and end != -1 and end > start:
        text = text[:start] + section.rstrip("\n") + text[end + len(END_MARK) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n")


def render(facts, exports, serving, incremental, wrk_rows):
    lines = [
        START_MARK,
        "",
        "## Static export (`bench/export_bench.py`)",
        "",
        "`manage.py export_site` renders every public address through the whole Django stack (pages "
        "loaded in batches per type and handed to the serve view as the route, `core.export.PageBatch`; "
        "the page cache off, the inner caches on); *uncached serving* is gunicorn with the "
        "page cache off answering the same addresses, once each, 2 clients for its 2 workers, in the "
        "same run. Written by `bench/export_bench.py` (`make bench-export`); rerunning replaces only "
        "this section.",
        "",
        *[f"- {name}: {value}" for name, value in facts.items()],
        "",
        "| data | pages | addresses | files | MB | export s | export addresses/s | uncached serving addresses/s | export / serving |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, figures in exports.items():
        rate = figures["addresses"] / figures["seconds"]
        served = serving.get(name)
        lines.append(
            f"| {name} | {figures['pages']:.0f} | {figures['addresses']:.0f} | {figures['files']:.0f} | "
            f"{figures['mb']:.1f} | {figures['seconds']:.1f} | {rate:.0f} | "
            + (f"{served:.0f} | {rate / served:.2f}× |" if served else "– | – |")
        )
    lines += [
        "",
        "Incremental export after publishing one event (demo), three times in a row: the first run "
        "after a full export links every file into its new generation; the later ones recycle the "
        "spare generation (`core.export_files.incremental_generation`).",
        "",
        "| run | addresses rendered again | files written | export s | whole command s (Django's start included) |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[
            f"| {number} | {run['addresses']:.0f} | {run['files']:.0f} | **{run['seconds']:.2f}** | {run['wall']:.1f} |"
            for number, run in enumerate(incremental, start=1)
        ],
        "",
        "Serving (wrk, 2 threads, the same addresses): nginx serving the export beside the application "
        "with its page cache on and off.",
        "",
        "| address | nginx req/s | nginx p50 ms | app cached req/s | app uncached req/s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for address, row in wrk_rows.items():
        lines.append(
            f"| `{address}` | {row['nginx'].requests_per_second:,.0f} | {row['nginx'].p50_ms:.2f} | "
            f"{row['cached'].requests_per_second:,.0f} | {row['uncached'].requests_per_second:,.0f} |"
        )
    lines += ["", END_MARK]
    return "\n".join(lines) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="Seconds per wrk run (default 10).")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32).")
    parser.add_argument("--scale", action="store_true", help="Also export the scale data (takes long).")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folder.")
    return parser.parse_args(argv)


def main(argv=None):  # noqa: PLR0915 - one linear script
    args = parse_args(argv)
    for tool in ("wrk", NGINX):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install -y wrk nginx-light).")
    started = time.monotonic()
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="museumsite-export-bench-"))
    port = free_port()
    servers = []
    try:
        env = dict(site_env(tmp, port, page_cache=False), EXPORT_DYNAMIC_ORIGIN="https://app.example.org")
        python = sys.executable
        run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput", "-v0"], env, tmp)
        run_step("migrate (a minute)", [python, "manage.py", "migrate", "--noinput", "-v0"], env, tmp)
        run_step(
            "load_demo (a minute or two)",
            [python, "manage.py", "load_demo", "--force", "--no-admin"],
            env,
            tmp,
        )
        out = tmp / "export" / "site"
        out.parent.mkdir()
        exports, serving = {}, {}
        datasets = [("demo", None)] + ([("scale", "generate_scale")] if args.scale else [])
        for name, generate in datasets:
            if generate:
                run_step("generate_scale (long)", [python, "manage.py", generate, "--force"], env, tmp)
                shutil.rmtree(out.parent)
                out.parent.mkdir()
            print(f"[bench] full export of the {name} data, one process, then {JOBS}", flush=True)
            exports[f"{name}, 1 process"] = export_step(python, out, env)
            exports[f"{name}, {JOBS} processes"] = export_step(python, out, env, "--jobs", str(JOBS))
            manifest = json.loads((out / ".export-manifest.json").read_text())
            addresses = [
                address
                for key, unit in manifest["units"].items()
                if key != "errors"
                for address in unit["files"]
            ]
            print(f"[bench] uncached serving of the same {len(addresses)} addresses", flush=True)
            site = Server(f"site-uncached-{name}", "config.wsgi", ROOT, env, port, tmp)
            site.start(probe="/healthz")
            servers.append(site)
            seconds, errors = serve_all(site.base, addresses)
            site.stop()
            if errors:
                raise SystemExit(f"serving failed: {errors[:5]}")
            serving[f"{name}, 1 process"] = serving[f"{name}, {JOBS} processes"] = len(addresses) / seconds
            if name == "demo":
                incremental = []
                for number in range(1, INCREMENTAL_ROUNDS + 1):
                    print(f"[bench] incremental export after one publish ({number})", flush=True)
                    subprocess.run(
                        [python, "manage.py", "shell", "-c", PUBLISH_ONE_EVENT],
                        cwd=ROOT,
                        env=env,
                        check=True,
                        capture_output=True,
                    )
                    incremental.append(export_step(python, out, env, "--changed", "--jobs", str(JOBS)))
                museums = sorted(a for a in addresses if re.fullmatch(r"/musea/[^/?]+/", a))
                parts = sorted(a for a in addresses if a.startswith("/sitemaps/"))  # the sitemap's parts
                sample = ["/", "/agenda/", "/agenda/ical/", "/sitemap.xml", *parts[:1], museums[0]]

        print("[bench] serving: nginx and the application under wrk", flush=True)
        nginx = Nginx(out, free_port(), tmp)
        nginx.start()
        rows = {address: {} for address in sample}
        for address in sample:
            rows[address]["nginx"] = wrk(nginx.base + address, args, proxy=False)
        nginx.stop()
        for label, page_cache in (("cached", True), ("uncached", False)):
            site_env_round = dict(env, PAGE_CACHE_ENABLED="true" if page_cache else "false")
            site = Server(f"site-{label}", "config.wsgi", ROOT, site_env_round, port, tmp)
            site.start(probe="/healthz")
            servers.append(site)
            for address in sample:
                for _warm in range(4):
                    fetch(site.base + address)
                rows[address][label] = wrk(site.base + address, args, proxy=True)
            site.stop()
        load_after = os.getloadavg()
        facts = {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
            "load average (1 min) before / after": f"{load_before[0]:.2f} / {load_after[0]:.2f}",
            "site": "production settings, SQLite, local-memory cache, `load_demo`"
            + (" + `generate_scale`" if args.scale else ""),
            "servers": f"gunicorn 2 sync workers; nginx 2 workers, `docs/nginx-static-export.conf`; all on {HOST}",
            "wrk": f"`wrk -t2 -c{args.connections} -d{args.duration}s`",
            "duration": f"{(time.monotonic() - started) / 60:.1f} min",
        }
        write_section(args.out, render(facts, exports, serving, incremental, rows))
        print(f"[bench] written to {args.out}", flush=True)
    finally:
        for server in servers:
            server.stop()
        if args.keep:
            print(f"[bench] kept {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
