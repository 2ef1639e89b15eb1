"""Backups that restore: the database, the media files and the private documents, with a manifest.

``manage.py backup DIR`` writes into a new folder ``DIR``:

- ``database.dump`` (PostgreSQL, ``pg_dump`` custom format) or ``database.sqlite3`` (SQLite,
  the online backup API: consistent while the site runs);
- ``media.tar.gz`` (``MEDIA_ROOT``: images and their renditions) and ``documents.tar.gz``
  (``DOCUMENTS_ROOT``: the private downloads);
- ``manifest.json``: the format, when, the database vendor, each file's SHA-256 and size, the
  applied migrations and counts (pages, documents, images) to check a restore against.

``manage.py restore DIR --yes`` checks every checksum first (a damaged or incomplete backup is
refused before anything is touched), replaces the database (``pg_restore --clean``, or the SQLite
file), replaces the two folders (unpacked beside them, then swapped in), invalidates every cache
and compares the counts with the manifest.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from core import invalidation

FORMAT = 1
MANIFEST = "manifest.json"
FOLDERS = {"media": "MEDIA_ROOT", "documents": "DOCUMENTS_ROOT"}


class BackupError(Exception):
    """A backup or restore that cannot go on, with the reason for the operator."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def counts():
    """What a restore is checked against."""

    return {
        "pages": Page.objects.count(),
        "live_pages": Page.objects.live().count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


def _pg_env_and_args():
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, args


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def _dump_database(target_dir, log):
    if connection.vendor == "postgresql":
        path = target_dir / "database.dump"
        env, args = _pg_env_and_args()
        log("database: pg_dump (custom format)")
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path), *args], env)
    elif connection.vendor == "sqlite":
        path = target_dir / "database.sqlite3"
        log("database: SQLite online backup")
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        raise BackupError(f"No backup method for the {connection.vendor} database.")
    return path


def _pack(folder, archive, log):
    folder = Path(folder)
    files = 0
    with tarfile.open(archive, "w:gz") as tar:
        if folder.exists():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                tar.add(path, arcname=str(path.relative_to(folder)))
                files += 1
                if files % 500 == 0:
                    log(f"    {archive.name}: {files} files")
    log(f"{archive.name}: {files} files")
    return files


def _applied_migrations():
    latest = {}
    for app, name in MigrationRecorder(connection).migration_qs.values_list("app", "name"):
        latest[app] = max(latest.get(app, ""), name)
    return latest


def backup(target, log=print):
    """Write a backup into the new folder ``target``; returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} exists and is not empty: choose a new folder.")
    target.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    database = _dump_database(target, log)
    files = {"database": database}
    file_counts = {}
    for name, setting in FOLDERS.items():
        archive = target / f"{name}.tar.gz"
        file_counts[name] = _pack(getattr(settings, setting), archive, log)
        files[name] = archive
    manifest = {
        "format": FORMAT,
        "created_at": started.isoformat(),
        "database_vendor": connection.vendor,
        "files": {
            name: {"file": path.name, "sha256": sha256(path), "bytes": path.stat().st_size}
            for name, path in files.items()
        },
        "file_counts": file_counts,
        "migrations": _applied_migrations(),
        "counts": counts(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def verify(source):
    """The manifest of the backup in ``source``, after checking every file's checksum."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} has no readable {MANIFEST}: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r} (this version reads {FORMAT}).")
    for name, entry in manifest["files"].items():
        path = source / entry["file"]
        if not path.is_file():
            raise BackupError(f"{name}: {entry['file']} is missing from the backup.")
        if sha256(path) != entry["sha256"]:
            raise BackupError(f"{name}: {entry['file']} does not match its checksum: the backup is damaged.")
    return manifest


def _restore_database(path, vendor, log):
    if vendor != connection.vendor:
        raise BackupError(f"The backup is of a {vendor} database; this site runs on {connection.vendor}.")
    if vendor == "postgresql":
        log("database: pg_restore --clean")
        env, args = _pg_env_and_args()
        connections.close_all()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *args,
                str(path),
            ],
            env,
        )
    else:
        log("database: SQLite restore")
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def _unpack(archive, folder, log):
    """Replace ``folder`` with the archive's files (unpacked beside it, then swapped in)."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-restore-", dir=folder.parent))
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(staging, filter="data")  # refuses absolute paths and links out of the folder
    old = folder.with_name(f".{folder.name}-replaced")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    log(f"{archive.name}: restored into {folder}")


def restore(source, log=print):
    """Restore the backup in ``source``; returns ``(manifest, counts now)``."""
    source = Path(source)
    manifest = verify(source)
    _restore_database(source / manifest["files"]["database"]["file"], manifest["database_vendor"], log)
    for name, setting in FOLDERS.items():
        _unpack(source / manifest["files"][name]["file"], getattr(settings, setting), log)
    invalidation.invalidate_everything()
    return manifest, counts()


def fingerprint(sample=25):
    """What a restore drill compares before and after: the counts, a sample of live pages as a
    reader gets them (status and title) and every document file's checksum."""

    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["testserver"])[0])
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path")[:sample]:
        url = page.get_url()
        if not url:
            continue
        response = client.get(url)
        title = re.search(rb"<title>(.*?)</title>", response.content, re.S)
        pages[url] = [response.status_code, title.group(1).decode().strip() if title else ""]
    documents = {}
    for document in get_document_model().objects.order_by("pk"):
        with document.file.open("rb") as handle:
            documents[document.title] = hashlib.sha256(handle.read()).hexdigest()
    return {"counts": counts(), "pages": pages, "documents": documents}
