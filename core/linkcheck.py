"""The link check of a static export (``manage.py export_site OUT --check``).

Every HTML file of the export is parsed (the standard library's ``html.parser``) and every
address it names on this site (``href``, ``src``, ``srcset``, ``<link rel="alternate"
hreflang>`` alternates, meta ``content`` such as ``og:image``), and every ``<loc>`` and
``xhtml:link`` of the sitemap (the index's parts, and every part's pages in ``sitemaps/``), must
resolve to a file of the export as the static server resolves it (``docs/static-export.md``):
the path itself, ``<path>/index.<ext>`` for a folder, and ``<path>/_q/<query>/index.<ext>`` for
an address with a query (else the address without it).
Addresses on the dynamic origin (``EXPORT_DYNAMIC_ORIGIN``) and other sites are not checked.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from core.export_files import EXTENSIONS, QUERY_DIR, site_path

INDEX_NAMES = tuple(f"index.{extension}" for extension in dict.fromkeys(EXTENSIONS.values()))


@dataclass
class Report:
    files: int = 0
    links: int = 0
    missing: list = field(default_factory=list)  # (file, address, what)

    def __bool__(self):
        return not self.missing


class _Addresses(HTMLParser):
    """Collects ``(what, address)`` of one HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        what = tag
        if tag == "link" and attrs.get("hreflang"):
            what = f"hreflang {attrs['hreflang']}"
        for name in ("href", "src"):
            if attrs.get(name):
                self.found.append((what, attrs[name]))
        if attrs.get("srcset"):
            for part in attrs["srcset"].split(","):
                if part.strip():
                    self.found.append((f"{tag} srcset", part.strip().split(" ")[0]))
        if tag == "meta" and attrs.get("content", "").startswith(("/", "http")):
            self.found.append((f"meta {attrs.get('property') or attrs.get('name')}", attrs["content"]))


def resolves(root, address):
    """Whether the static server finds a file for ``address`` in the export at ``root``."""
    path, _, query = address.partition("?")
    relative = path.lstrip("/")
    if path.endswith("/") or not relative:
        folders = []
        if query:
            folders.append(root / relative / QUERY_DIR / query)
        folders.append(root / relative)
        return any((folder / name).is_file() for folder in folders for name in INDEX_NAMES)
    return (root / relative).is_file()


def check(root):
    """A ``Report`` of the export at ``root``."""
    root = Path(root).resolve()
    report = Report()
    for file in sorted(root.rglob("*")):
        if not file.is_file() or file.name.startswith("."):
            continue
        if file.suffix == ".html":
            parser = _Addresses()
            parser.feed(file.read_text(encoding="utf-8", errors="replace"))
            found = parser.found
        elif file.name == "sitemap.xml" or (file.suffix == ".xml" and file.parent == root / "sitemaps"):
            text = file.read_text(encoding="utf-8")
            found = [("sitemap loc", value) for value in re.findall(r"<loc>([^<]+)</loc>", text)]
            found += [
                ("sitemap hreflang", value) for value in re.findall(r'<xhtml:link[^>]*href="([^"]+)"', text)
            ]
        else:
            continue
        report.files += 1
        for what, value in found:
            address = site_path(value)
            if address is None:
                continue
            report.links += 1
            if not resolves(root, address):
                report.missing.append((str(file.relative_to(root)), address, what))
    return report
