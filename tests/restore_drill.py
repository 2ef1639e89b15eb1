"""The restore drill: build a site, back it up, lose it, restore it, and compare.

Run by ``tests/test_backup.py`` on SQLite with part of the demo, and by CI on PostgreSQL with the
whole demo (``python -m tests.restore_drill --postgres``): a fresh database, ``load_demo``,
``manage.py backup``, the database dropped and the media and documents folders deleted,
``manage.py restore --yes``, then the counts, a sample of pages (status and title) and every
document's checksum must be what they were.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
FINGERPRINT = "import json; from core.backup import fingerprint; print(json.dumps(fingerprint()))"


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        )
    return result.stdout


def _psql(sql):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql], check=True, capture_output=True
    )


def drill(workdir, *, postgres=False, only="", log=print):
    """Run the drill in ``workdir``; returns ``(before, after)`` fingerprints (equal when it works)."""
    workdir = Path(workdir)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        MUSEUMSITE_ENV="local",
        MEDIA_ROOT=str(workdir / "media"),
        DOCUMENTS_ROOT=str(workdir / "documents"),
        PAGE_CACHE_ENABLED="false",
    )
    if postgres:
        name = "museumsite_restore_drill"
        _psql(f"DROP DATABASE IF EXISTS {name}")
        _psql(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'site.sqlite3'}"
    log("migrate")
    _manage(env, "migrate", "--verbosity", "0")
    log("load_demo" + (f" --only {only}" if only else ""))
    _manage(env, "load_demo", "--no-admin", "--verbosity", "0", *(["--only", only] if only else []))
    before = json.loads(_manage(env, "shell", "-c", FINGERPRINT).strip().splitlines()[-1])
    log("backup")
    _manage(env, "backup", str(workdir / "backup"))
    log("the site is lost: database dropped, media and documents deleted")
    if postgres:
        _psql(f"DROP DATABASE {name}")
        _psql(f"CREATE DATABASE {name}")
    else:
        (workdir / "site.sqlite3").unlink()
    shutil.rmtree(workdir / "media", ignore_errors=True)
    shutil.rmtree(workdir / "documents", ignore_errors=True)
    log("restore")
    _manage(env, "restore", str(workdir / "backup"), "--yes")
    after = json.loads(_manage(env, "shell", "-c", FINGERPRINT).strip().splitlines()[-1])
    if postgres:
        _psql(f"DROP DATABASE {name}")
    return before, after


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postgres", action="store_true", help="On PostgreSQL at 127.0.0.1:5432 (user postgres)."
    )
    parser.add_argument("--only", default="", help="Demo steps to load (default: all).")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="restore-drill-") as workdir:
        before, after = drill(
            workdir,
            postgres=options.postgres,
            only=options.only,
            log=lambda s: print(f"[drill] {s}", flush=True),
        )
    if before != after:
        print(json.dumps({"before": before, "after": after}, indent=1)[:4000])
        sys.exit("[drill] FAILED: the restored site differs from the one backed up")
    print(
        f"[drill] passed: {before['counts']['pages']} pages, {len(before['pages'])} sampled pages and "
        f"{len(before['documents'])} documents identical after the restore"
    )


if __name__ == "__main__":
    main()
