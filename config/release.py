"""The release a process runs: what the shared cache's keys are scoped by.

Everything the site keeps in Redis (whole pages, fragments of HTML, list items, routes, tag
versions) is written by one release and read by the next: a fragment rendered by an old template,
or an entry of a shape the new code no longer reads, would be served after a deploy until its tags
changed. The cache's key prefix therefore names the release, and a deploy starts from an empty
cache instead (a cost of one render per page, the first time).

``RELEASE`` (from the deploy: a version or a commit) names it when set; otherwise it is a digest
of what shapes cached entries: the project's Python modules, templates and compiled translations
and the pinned dependencies (``constraints.txt``), read at start (a few milliseconds).

Some settings are written into cached pages as well: the public address and the dynamic origin
that forms and filters of the static copy point at. When any of them is set, the scope also names
a digest of their values (``cache_scope``), so changing one never serves pages with the old one.
"""

import hashlib
import os
from pathlib import Path

# Top-level folders whose files do not reach a cached entry.
SKIPPED = {
    ".git",
    ".venv",
    "bench",
    "clients",
    "docs",
    "media",
    "node_modules",
    "staticfiles",
    "tests",
    "var",
}
SUFFIXES = {".py", ".html", ".txt", ".mo"}


def _files(base):
    for top in sorted(base.iterdir()):
        if top.name in SKIPPED or top.name.startswith("."):
            continue
        if top.is_file():
            if top.name == "constraints.txt":
                yield top
            continue
        for path in sorted(top.rglob("*")):
            if path.suffix in SUFFIXES and "tests" not in path.parts and path.is_file():
                yield path


# Settings from the environment whose values end up inside cached responses.
OUTPUT_SETTINGS = ("PUBLIC_BASE_URL", "WAGTAILADMIN_BASE_URL", "EXPORT_DYNAMIC_ORIGIN")


def cache_scope(base: Path):
    """The release, followed by a digest of the output settings when any of them is set."""
    name = release(base)
    values = [(setting, os.environ.get(setting, "").strip().rstrip("/")) for setting in OUTPUT_SETTINGS]
    if not any(value for _, value in values):
        return name
    text = "\n".join(f"{setting}={value}" for setting, value in values)
    return f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def release(base: Path):
    """``RELEASE``, or 12 hexadecimal digits of the digest of the code under ``base``."""
    explicit = os.environ.get("RELEASE", "").strip()
    if explicit:
        return explicit
    digest = hashlib.sha256()
    for path in _files(base):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]
