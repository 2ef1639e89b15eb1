"""Search quality as a figure (``make bench`` runs it after ``bench/run.py``; ``make search-quality``
alone): the judged query set (``search/quality/queries.toml``) scored on every search backend
at hand, each on a fresh database with the demo content.

1. SQLite: a fresh database in a temporary folder, ``migrate``, ``load_demo --force``, then
   ``manage.py search_quality --json`` with Wagtail's database backend (SQLite FTS5).
2. PostgreSQL, when one answers on 127.0.0.1:5432 (``--postgres-url``, user ``postgres`` with
   trust authentication as in the README): a fresh database ``museumsite_searchq_<random>``,
   the same steps with the database backend on PostgreSQL's Dutch configuration; the database
   is dropped afterwards. ``--no-postgres`` skips it.
3. Elasticsearch, when ``ELASTICSEARCH_URL`` is set: the SQLite database's content indexed under
   an index prefix of its own (``search_quality --update-index``) with the project's analysis;
   the indexes are deleted afterwards.

Prints each backend's score and writes the section between ``<!-- search-quality:start -->``
and ``<!-- search-quality:end -->`` of ``bench/RESULTS.md`` (``--out``), leaving the rest of
the file as it is. Exits with status 1 when a backend is below ``--min-success`` (0.9).

Usage::

    .venv/bin/python bench/search_quality.py [--no-postgres] [--min-success 0.9] [--out bench/RESULTS.md]
"""

import argparse
import datetime
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
START_MARK = "<!-- search-quality:start -->"
END_MARK = "<!-- search-quality:end -->"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def base_env(tmp, database_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        MUSEUMSITE_ENV="local",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp / "media"),
        DOCUMENTS_ROOT=str(tmp / "documents"),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        CACHE_KEY_PREFIX=f"museumsite-searchq-{secrets.token_hex(4)}",
    )
    env.pop("ELASTICSEARCH_URL", None)  # the database backend unless asked otherwise
    return env


def step(title, command, env, log):
    print(f"[search-quality] {title}", flush=True)
    with log.open("ab") as out:
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode:
        tail = log.read_text(errors="replace").splitlines()[-30:]
        raise SystemExit(f"{title} failed:\n" + "\n".join(tail))


def score(title, env, log, extra=()):
    """Runs ``search_quality --json``; ``(totals, report text)``."""
    print(f"[search-quality] scoring on {title}", flush=True)
    command = [sys.executable, "manage.py", "search_quality", "--json", *extra]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    with log.open("a") as out:
        out.write(result.stdout + result.stderr)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"search_quality on {title} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    totals = json.loads(lines[-1])
    report = "\n".join(line for line in result.stdout.splitlines() if not line.startswith("{"))
    print(report.splitlines()[-1], flush=True)
    return totals, report


def prepare(env, log, label):
    step(f"{label}: migrate", [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env, log)
    step(
        f"{label}: load_demo (a minute or two)",
        [sys.executable, "manage.py", "load_demo", "--force", "--no-admin"],
        env,
        log,
    )


def postgres_available(admin_url):
    parsed = urlparse(admin_url)
    if parsed.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"--postgres-url must point at this machine (127.0.0.1), not {parsed.hostname}")
    if shutil.which("psql") is None:
        return False
    result = subprocess.run(["psql", admin_url, "-tAc", "SELECT 1"], capture_output=True, text=True)
    return result.returncode == 0


def psql(admin_url, sql):
    subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, capture_output=True)


def render(rows, facts, min_success):
    lines = [
        START_MARK,
        "## Search quality (`make bench`, `make search-quality`)",
        "",
        "The judged query set `search/quality/queries.toml` (Dutch, English and Papiamentu queries "
        "with the demo pages that should come first) scored by `manage.py search_quality` on a fresh "
        "database with the demo content: **success at 3** (a page that should come first is among "
        "the first three results) and **nDCG at 10**, averaged over the queries, as an anonymous "
        f"reader searches. Target: success at 3 of at least {min_success} on every backend. "
        "Written by `bench/search_quality.py`; rerunning replaces only this section.",
        "",
        "| fact | value |",
        "| --- | --- |",
        *[f"| {name} | {value} |" for name, value in facts.items()],
        "",
        "| backend | queries | success at 3 | nDCG at 10 | target met | missed (success at 3) |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for totals in rows:
        met = "yes" if totals["success_at_3"] >= min_success else "**no**"
        missed = ", ".join(f"“{q}”" for q in totals["missed"]) or "none"
        lines.append(
            f"| {totals['backend']} | {totals['queries']} | {totals['success_at_3']:.3f} | "
            f"{totals['ndcg_at_10']:.3f} | {met} | {missed} |"
        )
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


def git_commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-success", type=float, default=0.9, help="The target success at 3.")
    parser.add_argument(
        "--postgres-url", default=DEFAULT_POSTGRES, help="An admin URL of the local PostgreSQL."
    )
    parser.add_argument("--no-postgres", action="store_true", help="Score SQLite (and Elasticsearch) only.")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="The results file.")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="museumsite-searchq-"))
    log = tmp / "search-quality.log"
    rows, notes = [], []
    try:
        sqlite_env = base_env(tmp, f"sqlite:///{tmp / 'db.sqlite3'}")
        prepare(sqlite_env, log, "SQLite")
        rows.append(score("SQLite", sqlite_env, log)[0])

        if not args.no_postgres and postgres_available(args.postgres_url):
            name = f"museumsite_searchq_{secrets.token_hex(4)}"
            parsed = urlparse(args.postgres_url)
            database_url = urlunparse(parsed._replace(path=f"/{name}"))
            psql(args.postgres_url, f"CREATE DATABASE {name}")
            try:
                pg_env = base_env(tmp, database_url)
                prepare(pg_env, log, "PostgreSQL")
                rows.append(score("PostgreSQL", pg_env, log)[0])
            finally:
                psql(args.postgres_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        elif not args.no_postgres:
            notes.append(f"PostgreSQL: none answered at {args.postgres_url}, not scored")

        if os.environ.get("ELASTICSEARCH_URL"):
            es_env = dict(
                sqlite_env,
                ELASTICSEARCH_URL=os.environ["ELASTICSEARCH_URL"],
                ELASTICSEARCH_INDEX_PREFIX=f"museumsite_searchq_{secrets.token_hex(4)}_",
            )
            try:
                rows.append(score("Elasticsearch", es_env, log, extra=["--update-index"])[0])
            finally:
                cleanup = (
                    "from wagtail.search.backends import get_search_backend; from django.conf import settings; "
                    "get_search_backend().es.indices.delete("
                    "index=settings.WAGTAILSEARCH_BACKENDS['default']['INDEX_PREFIX'] + '*', ignore_unavailable=True)"
                )
                subprocess.run(
                    [sys.executable, "manage.py", "shell", "-c", cleanup],
                    cwd=ROOT,
                    env=es_env,
                    capture_output=True,
                )
        else:
            notes.append("Elasticsearch: `ELASTICSEARCH_URL` not set, not scored")

        facts = {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "commit": git_commit(),
            "content": "`load_demo` on a fresh database per backend",
            "duration": f"{(time.monotonic() - started) / 60:.1f} min",
        }
        if notes:
            facts["not scored"] = "; ".join(notes)
        write_section(args.out, render(rows, facts, args.min_success))
        print(f"[search-quality] results written to {args.out}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    below = [row["backend"] for row in rows if row["success_at_3"] < args.min_success]
    if below:
        raise SystemExit(f"search quality below {args.min_success} on: {', '.join(below)}")


if __name__ == "__main__":
    main()
