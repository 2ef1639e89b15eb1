"""The files of a static export (``core.export``): which file holds an address, the generation
folders and their atomic switch, the manifest, and the static files, images and documents the
pages use."""

import contextlib
import fcntl
import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

MANIFEST = ".export-manifest.json"
MANIFEST_VERSION = 1
QUERY_DIR = "_q"
EXTENSIONS = {
    "text/html": "html",
    "text/calendar": "ics",
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "txt",
    "application/json": "json",
}


_SAFE_QUERY = re.compile(r"^[A-Za-z0-9_.~%=&+-]+$")


class ExportError(Exception):
    """The export cannot start (a bad output folder) or some addresses failed to render."""


def file_for(address, content_type="text/html"):
    """The file (relative to the export's root) that holds ``address``."""
    path, _, query = address.partition("?")
    if not path.startswith("/") or ".." in path.split("/"):
        raise ExportError(f"not an address of this site: {address}")
    relative = path.lstrip("/")
    if path.endswith("/"):
        media_type = content_type.split(";")[0].strip().lower()
        name = "index." + EXTENSIONS.get(media_type, "html")
        if query:
            if not _SAFE_QUERY.match(query):
                raise ExportError(f"a query a file name cannot hold: {address}")
            relative += f"{QUERY_DIR}/{query}/"
        return relative + name
    if query:
        raise ExportError(f"a query on a file address: {address}")
    return relative


def site_path(url):
    """The site-relative address of ``url`` when it is on this site (``PUBLIC_BASE_URL``, or a
    path), without its fragment; ``None`` for other sites and schemes."""
    url = html.unescape(url.strip())
    if not url or url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    for scheme in ("", "webcal:"):
        prefix = scheme + (base.split(":", 1)[1] if scheme else base)
        if url.startswith(prefix + "/") or url == prefix:
            url = url[len(prefix) :] or "/"
            break
    if url.startswith("//") or "://" in url.split("?")[0] or not url.startswith("/"):
        return None
    return url.split("#", 1)[0]


def is_asset(path):
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/documents/"))


class Writer:
    """Writes the files of one generation folder (atomically per file: a new inode, so a hard
    link from the previous generation is never changed in place)."""

    def __init__(self, root):
        self.root = Path(root)
        self.written = 0
        self.bytes = 0

    def write(self, relative, body):
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(body)
        os.replace(temporary, target)
        self.written += 1
        self.bytes += len(body)

    def copy(self, relative, source):
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        self.written += 1
        self.bytes += target.stat().st_size

    def link(self, relative, source):
        """``relative`` as a hard link of ``source`` (the same file in another generation)."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        os.link(source, temporary)
        os.replace(temporary, target)

    def remove(self, relative):
        target = self.root / relative
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        # Empty folders go with their last file (up to the root).
        parent = target.parent
        while parent != self.root:
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent


def project_static_addresses():
    """The addresses of the project's own static files (``STATICFILES_DIRS``): CSS and scripts
    may load each other, so all of them are exported, not only those a page names."""
    addresses = set()
    for name, _storage in finders.FileSystemFinder().list([]):
        try:
            url = staticfiles_storage.url(name)
        except ValueError:  # a manifest storage without this file collected
            url = settings.STATIC_URL + name
        addresses.add(urlsplit(url).path)
    return addresses


def _static_source(name):
    collected = Path(settings.STATIC_ROOT) / name
    found = finders.find(name)
    candidates = (
        [found, collected] if getattr(settings, "WHITENOISE_USE_FINDERS", False) else [collected, found]
    )
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def write_asset(address, renderer, writer):
    """Write the file at ``address``; returns its SHA-256 or raises ``ExportError``."""
    path = address.split("?", 1)[0].split("#", 1)[0]
    relative = path.lstrip("/")
    if ".." in relative.split("/"):
        raise ExportError(f"not a file of this site: {address}")
    source = None
    if path.startswith(settings.STATIC_URL):
        source = _static_source(path[len(settings.STATIC_URL) :])
    elif path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        if default_storage.exists(name):
            source = Path(default_storage.path(name))
    if source is not None:
        writer.copy(relative, source)
        return _sha256_file(writer.root / relative)
    if path.startswith("/documents/"):
        response, _tags = renderer.get(path)
        if response.status_code == 200:
            body = b"".join(response.streaming_content) if response.streaming else response.content
            writer.write(relative, body)
            return hashlib.sha256(body).hexdigest()
        raise ExportError(f"{address}: the document answers {response.status_code} to an anonymous reader")
    raise ExportError(f"{address}: no such file")


def _sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _generations(out):
    pattern = re.compile(re.escape(out.name) + r"\.(\d+)$")
    found = []
    for sibling in out.parent.iterdir() if out.parent.exists() else ():
        match = pattern.match(sibling.name)
        if match and sibling.is_dir() and not sibling.is_symlink():
            found.append((int(match.group(1)), sibling))
    return sorted(found)


def check_out(out):
    """``out`` as an export may use it: absent, or the symlink of an earlier export."""
    out = Path(out).absolute()
    if out.is_symlink():
        if not (out / MANIFEST).is_file():
            raise ExportError(
                f"{out} is a symlink but not to an export (no {MANIFEST}): refusing to replace it"
            )
        return out
    if out.exists():
        kind = "a folder" if out.is_dir() else "a file"
        raise ExportError(
            f"{out} is {kind}, not an export: give a new path (the export makes it a symlink to "
            "the current generation folder beside it)"
        )
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent} does not exist")
    return out


def read_manifest(root):
    try:
        data = json.loads((Path(root) / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if data.get("version") == MANIFEST_VERSION else None


def write_manifest(root, units, assets, cursor):
    data = {
        "version": MANIFEST_VERSION,
        "changes": cursor,
        "units": {key: units[key].as_json() for key in sorted(units)},
        "assets": dict(sorted(assets.items())),
    }
    # One line, by the C encoder (``indent`` would take the pure-Python one: ten times slower).
    (Path(root) / MANIFEST).write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n")


def switch(out, generation, *, keep_previous=False):
    """Point ``out`` at ``generation`` in one step; remove the older generations. With
    ``keep_previous`` (``generation`` was made from the one ``out`` pointed at, so they share
    most files), that one stays as the spare the next incremental run recycles
    (``incremental_generation``); after a full export it would share none."""
    previous = out.resolve() if out.is_symlink() and keep_previous else None
    link = out.with_name(f".{out.name}.switch")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(generation.name)
    os.replace(link, out)
    for _number, folder in _generations(out):
        if folder not in (generation, previous):
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def locked(out):
    """One export at a time per output (a publish may start one while another runs)."""
    with open(out.with_name(f".{out.name}.lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def new_generation(out):
    numbers = [number for number, _folder in _generations(out)]
    folder = out.with_name(f"{out.name}.{max(numbers, default=0) + 1}")
    folder.mkdir()
    return folder


def hardlink_tree(source, target):
    for directory, _dirs, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.link(Path(directory) / name, target / relative / name)


def _tree_inodes(root):
    """``{relative path: inode}`` of every file below ``root`` (from the directory entries: no
    ``stat`` per file)."""
    root = os.fspath(root).rstrip("/")
    skip = len(root) + 1
    found, folders = {}, [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    found[entry.path[skip:]] = entry.inode()
    return found


def incremental_generation(out):
    """The folder an incremental run writes: hard links of every file of the current generation.
    Made from the spare generation the last switch kept (``switch``) when it is complete (it has
    its manifest): only the files that are not already the current one's (the last run's
    changes, by their inodes) are linked again, and the files the current one lacks are removed;
    otherwise by linking every file. The spare's manifest goes first, so that a run stopped
    half-way never leaves a folder that looks reusable."""
    source = out.resolve()
    spares = [folder for _number, folder in _generations(out) if folder != source]
    spare = spares[-1] if spares else None
    if spare is None or read_manifest(spare) is None:
        generation = new_generation(out)
        hardlink_tree(source, generation)
        return generation
    numbers = [number for number, _folder in _generations(out)]
    generation = out.with_name(f"{out.name}.{max(numbers) + 1}")
    os.replace(spare, generation)
    (generation / MANIFEST).unlink()
    have, want = _tree_inodes(generation), _tree_inodes(source)
    writer = Writer(generation)
    for relative in sorted(set(have) - set(want)):
        writer.remove(relative)
    for relative, inode in sorted(want.items()):
        if have.get(relative) != inode:
            writer.link(relative, source / relative)
    return generation
