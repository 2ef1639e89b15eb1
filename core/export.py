"""The public website as static files: ``manage.py export_site OUT`` (see README, "Static export").

Every address an anonymous reader may open is rendered through the real Django stack, in
process (``django.test.Client``: the middleware, the one visibility rule, the templates and the
inner caches of the live site), and written at the same URL path, so that a static file server
serves the folder unchanged:

- ``/musea/rijksmuseum/`` -> ``musea/rijksmuseum/index.html``; a feed at an address ending in
  ``/`` gets the index name of its type (``agenda/ical/index.ics``, ``agenda/rss/index.rss``);
  an address with a file name keeps it (``sitemap.xml``, ``sitemaps/12.xml``, ``robots.txt``);
- an address with a query (pagination ``?page=2``, a feed per type ``?type=webinar``) ->
  ``<path>/_q/<query>/index.<ext>`` (``docs/static-export.md`` maps it in nginx);
- the 404 page of each language at ``404.html`` and ``<language>/404.html``;
- static files (the project's own and every one a page uses), image renditions and originals
  the pages use (from ``MEDIA_ROOT``) and public documents (through the checked download view,
  as an anonymous reader gets them).

What is exported: the public pages (``Visibility.public()``: live, every ancestor live, no view
restriction; aliases whose original is public, as the site serves them), each page's routable
sub-pages without arguments (``core.dependencies``: feeds, archives), the addresses apps
register with ``register_variants`` (a feed per type), every page a listing's ``rel="next"``
link leads to, the sitemap (its index and every part) and robots.txt. Only a response the live site would share with every
anonymous reader is written (``core.pagecache.cacheable_response``: a 200 without cookies, not
private); the others (the partner form, with its CSRF token) are dynamic and listed as such.

Determinism: the only per-response value in a page is the Content-Security-Policy nonce of the
JSON-LD data block (``core.csp``); the export drops the attribute (a data block is not executed,
so no policy needs to allow it). Feeds date their entries by publication, not by the clock.

Incremental (``--changed``): the manifest (``.export-manifest.json``, never served) keeps, per
*unit* (a page with all its addresses, or the site files), the files written with their SHA-256,
the cache tags the render depended on (``core.cachetags``, as the page cache records them) and the
pages it links to; plus the change feed's cursor (``core.changes``). A later run finds the pages
published, unpublished, moved or deleted since (the state of the public pages against the
manifest, and the change feed's rows for changes of related content), asks the dependency map
(``core.dependencies.page_dependents``) what depends on them, and renders again exactly the units
that are named, carry one of the tags, or link to a page that left.

Atomic: each run writes a new generation folder beside ``OUT`` (``OUT.<n>``; an incremental run
starts from hard links of the current one) and then swaps the symlink ``OUT`` to it with one
``os.replace``; older generations are removed afterwards. A reader never sees half a site.
"""

import contextlib
import copy
import fcntl
import hashlib
import html
import json
import logging
import multiprocessing
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.http import Http404
from django.test import Client
from django.test.client import ClientHandler
from django.test.utils import override_settings
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page

from core import cachetags, changes, csp, pagecache
from core.dependencies import SITEMAP, _routable_urls, page_dependents
from core.links import page_path
from core.models.base import ROUTE_ANCESTORS, _takes_over
from core.routing import site_and_root
from core.sitemaps import parts as sitemap_parts
from core.sitemaps import wagtail_site
from core.visibility import Visibility

MANIFEST = ".export-manifest.json"
MANIFEST_VERSION = 1
QUERY_DIR = "_q"
NOT_FOUND_PROBE = "__export-not-found__/"
SITE_UNIT = "site"
ERRORS_UNIT = "errors"
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
# Attributes that hold addresses (``srcset`` holds several, with sizes).
_ATTRIBUTE = re.compile(r"""\s(href|src|srcset|content|poster)=("[^"]*"|'[^']*')""", re.IGNORECASE)
_NEXT = re.compile(
    r"""<a\b[^>]*\brel="next"[^>]*\bhref="([^"]*)"|<a\b[^>]*\bhref="([^"]*)"[^>]*\brel="next\""""
)
_SAFE_QUERY = re.compile(r"^[A-Za-z0-9_.~%=&+-]+$")

# {model label (lower): function(page) -> addresses relative to the page's own ("rss/?kind=x")}
_variants = {}


def register_variants(model, addresses):
    """Say which further addresses of a ``model`` page the export writes: ``addresses(page)``
    gives them relative to the page's address (``"ical/?type=webinar"``), e.g. a feed per type
    (``page`` is Wagtail's generic page: the export does not load every page as its own type).
    Apps call this in ``AppConfig.ready()``."""
    _variants[model._meta.label_lower] = addresses


class ExportError(Exception):
    """The export cannot start (a bad output folder) or some addresses failed to render."""


# --- addresses and files -----------------------------------------------------------------------


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


def references(body):
    """Every site-relative address an HTML or XML body names (links, sources, ``srcset``, meta
    ``content``, the sitemap's ``<loc>`` and ``xhtml:link``)."""
    text = body.decode("utf-8", "replace")
    found = set()
    for name, value in _ATTRIBUTE.findall(text):
        value = value[1:-1]
        candidates = (
            [part.strip().split(" ")[0] for part in value.split(",")] if name.lower() == "srcset" else [value]
        )
        for candidate in candidates:
            path = site_path(candidate)
            if path:
                found.add(path)
    for value in re.findall(r"<loc>([^<]+)</loc>", text):
        path = site_path(value)
        if path:
            found.add(path)
    return found


def next_pages(address, body):
    """The addresses a listing's ``rel="next"`` links lead to (its pagination)."""
    path = address.split("?", 1)[0]
    found = []
    for match in _NEXT.finditer(body.decode("utf-8", "replace")):
        href = html.unescape(match.group(1) or match.group(2))
        if href.startswith("?"):
            found.append(path + href)
        else:
            target = site_path(href)
            if target and target.split("?", 1)[0] == path and "?" in target:
                found.append(target)
    return found


def deterministic(response):
    """The body of ``response`` as every export writes it: without the CSP nonce (``core.csp``)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    nonce = csp.header_nonce(response)
    if nonce:
        body = body.replace(f' nonce="{nonce}"'.encode("ascii"), b"")
        body = body.replace(nonce.encode("ascii"), csp.MASK)
    return body


def _is_asset(path):
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/documents/"))


# --- what the public may see -------------------------------------------------------------------


@dataclass
class Unit:
    """A page with all its addresses (or the site's own files). ``files`` holds, per address
    written: its file, SHA-256, the seed it was reached from (pagination follows its seed), the
    cache tags its render depended on, and the site addresses and assets it names."""

    key: str
    seeds: list
    page_id: int = None
    label: str = ""
    published: str = ""
    files: dict = field(default_factory=dict)

    @property
    def tags(self):
        return {tag for entry in self.files.values() for tag in entry["tags"]}

    @property
    def assets(self):
        return {asset for entry in self.files.values() for asset in entry["assets"]}

    def as_json(self):
        return {
            "page": self.page_id,
            "label": self.label,
            "published": self.published,
            "seeds": self.seeds,
            "files": dict(sorted(self.files.items())),
        }

    @classmethod
    def from_json(cls, key, data):
        return cls(
            key=key,
            seeds=data["seeds"],
            page_id=data["page"],
            label=data["label"],
            published=data["published"],
            files=data["files"],
        )


def public_pages():
    """The pages the export writes: what an anonymous reader may open (live, ancestors live, no
    restriction; aliases as their original), below a site root, in path order."""
    visibility = Visibility.public()
    pages = visibility.filter(Page.objects.filter(live=True, depth__gt=1)).order_by("path")
    return pages.select_related("content_type", "locale").defer_streamfields()


def page_units():
    """``{key: Unit}`` for every public page (without rendering anything)."""
    units = {}
    for page in public_pages():
        path = page_path(page)
        model = page.specific_class
        if path is None or model is None:
            continue
        label = model._meta.label_lower
        seeds = [path]
        for url in _routable_urls(page, "/"):
            seeds.append(path + url.lstrip("/"))
        variants = _variants.get(label)
        if variants is not None:
            seeds += [path + relative.lstrip("/") for relative in variants(page)]
        key = f"page:{page.pk}"
        units[key] = Unit(
            key=key,
            seeds=list(dict.fromkeys(seeds)),
            page_id=page.pk,
            label=label,
            published=f"{page.last_published_at.isoformat() if page.last_published_at else ''} {path}",
        )
    return units


def site_units():
    """The sitemap (its index and every part, ``core.sitemaps``) and robots.txt; the 404 page of
    each language. Each part is a seed of its own: a change renders again the index and the
    parts that depend on it (their tags), not every part."""
    prefixes = [""] + [f"{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    sitemap = ["/sitemap.xml", *(part.path for part in sitemap_parts(wagtail_site(None)))]
    return {
        SITE_UNIT: Unit(key=SITE_UNIT, seeds=[*sitemap, "/robots.txt"]),
        ERRORS_UNIT: Unit(key=ERRORS_UNIT, seeds=[f"/{prefix}{NOT_FOUND_PROBE}" for prefix in prefixes]),
    }


def all_units():
    return {**site_units(), **page_units()}


# --- rendering ---------------------------------------------------------------------------------


@dataclass
class Result:
    """What one run did (the command's summary; the tests read it)."""

    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    rendered: set = field(default_factory=set)  # addresses rendered in this run
    removed: set = field(default_factory=set)  # files removed (incremental)
    dynamic: set = field(default_factory=set)  # addresses left to the dynamic origin
    absent: set = field(default_factory=set)  # sub-pages a page does not offer (404)
    failures: list = field(default_factory=list)  # (address, reason)
    full: bool = True
    root: Path = None


def _prefetches(model):
    """The many-to-many fields and inline rows (``ParentalKey``) of a page model's own (not
    Wagtail's): what its templates read per page, loaded for a batch of pages at once."""
    names = [field.name for field in get_all_child_m2m_relations(model)]
    for relation in get_all_child_relations(model):
        if issubclass(model, relation.remote_field.model) and relation.remote_field.model is not Page:
            names.append(relation.get_accessor_name())
    return names


class PageBatch:
    """The pages of a batch of units loaded at once: per page type one query for the pages as
    their own type (with their locale), one per many-to-many field and inline relation, and one
    for the ancestors of them all; handed to Wagtail's serve view as the route of each request
    (``Renderer``), instead of the two routing queries, the ancestors' and the relations' queries
    every page costs a request on its own. The page objects are what ``BasePage.route`` finds
    (the page as its own type, its locale, its ancestors from the tree root; copied for every
    request), so the bytes are the live site's."""

    def __init__(self, units):
        ids = {unit.page_id for unit in units if unit.page_id is not None}
        self.pages = {}
        if not ids:
            return
        generic = Page.objects.filter(pk__in=ids).select_related("content_type")
        by_model = {}
        for page in generic.only("pk", "content_type", "path"):
            model = page.content_type.model_class()
            if model is not None:
                by_model.setdefault(model, []).append(page.pk)
        loaded = []
        for model, pks in by_model.items():
            queryset = model._default_manager.filter(pk__in=pks).select_related("locale")
            names = _prefetches(model)
            if names:
                queryset = queryset.prefetch_related(*names)
            loaded += list(queryset)
        steplen = Page.steplen
        prefixes = {page.path[:end] for page in loaded for end in range(steplen, len(page.path), steplen)}
        ancestors = {
            page.path: page for page in Page.objects.filter(path__in=prefixes).select_related("locale")
        }
        for page in loaded:
            chain = [ancestors.get(page.path[:end]) for end in range(steplen, len(page.path), steplen)]
            if all(chain) and chain:
                self.pages[page.pk] = (page, chain)

    def route(self, unit, address, request):
        """The route of ``address`` of ``unit`` (Wagtail's ``RouteResult``), or ``None``: routed
        by the site as usual."""
        found = self.pages.get(unit.page_id)
        path = address.split("?", 1)[0]
        if found is None or not unit.seeds or not path.startswith(unit.seeds[0].split("?", 1)[0]):
            return None
        page, chain = found
        page = copy.copy(page)  # attributes a render sets stay with its request
        if hasattr(page, "_prefetched_objects_cache"):
            page._prefetched_objects_cache = dict(page._prefetched_objects_cache)
        page._cached_parent_obj = chain[-1]
        setattr(page, ROUTE_ANCESTORS, list(chain))
        components = [part for part in path[len(unit.seeds[0].split("?", 1)[0]) :].split("/") if part]
        below = [page.slug, *components]
        for ancestor in reversed(chain[2:]):  # below the site's root: as BasePage.route walks
            if _takes_over(ancestor, below):
                return None  # a section that routes the path itself: routed by the site
            below = [ancestor.slug, *below]
        try:
            return page.route(request, components)
        except Http404:
            return None


class _Handler(ClientHandler):
    """The test client's handler, giving each request the route ``Renderer.get`` prepared."""

    prepare = None

    def get_response(self, request):
        if self.prepare is not None:
            self.prepare(request)
        return super().get_response(request)


class Renderer:
    """Anonymous requests through the whole stack, as a reader on ``PUBLIC_BASE_URL`` makes them."""

    def __init__(self):
        public = urlsplit(settings.PUBLIC_BASE_URL)
        self.host = public.netloc or "localhost"
        # Over HTTPS when the public address is, or when the site redirects plain HTTP there.
        self.secure = public.scheme == "https" or bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
        self.client = Client(HTTP_HOST=self.host)
        self.client.handler = _Handler(enforce_csrf_checks=False)
        self.batch = None

    def get(self, address, unit=None):
        """``(response, tags)`` for ``address`` (the tags its render depended on); with the
        ``unit`` it belongs to, routed from the current ``batch`` (``PageBatch``)."""
        batch = self.batch

        def prepare(request):
            if batch is None or unit is None:
                return
            route = batch.route(unit, address, request)
            if route is not None:
                found = site_and_root(request)
                if found is not None:
                    request._wagtail_site = found[0]
                    request._wagtail_route_for_request = route

        collector, token = cachetags.collecting()
        self.client.handler.prepare = prepare
        try:
            response = self.client.get(address, secure=self.secure)
        finally:
            self.client.handler.prepare = None
            cachetags.stop_collecting(token)
        tags = pagecache.tags_for(SimpleNamespace(path=address.split("?")[0]), response, collector.tags)
        return response, tags - {cachetags.EPOCH}


@contextlib.contextmanager
def export_settings():
    """The live site's settings, without the full-page cache (every address is rendered once
    anyway: the inner caches do the work) and accepting the public host name."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    hosts = list(settings.ALLOWED_HOSTS)
    if host not in hosts and "*" not in hosts:
        hosts.append(host)
    with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=hosts):
        yield


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


def render_unit(unit, renderer, writer, result, seeds=None):
    """Render the addresses of ``unit`` reached from ``seeds`` (all of its seeds by default: each
    seed and the pages its ``rel="next"`` links lead to) and write the shareable ones, replacing
    what those seeds wrote before."""
    seeds = list(unit.seeds if seeds is None else seeds)
    for address, entry in list(unit.files.items()):
        if entry["seed"] in seeds or entry["seed"] not in unit.seeds:
            writer.remove(entry["file"])
            result.removed.add(entry["file"])
            del unit.files[address]
    for seed in seeds:
        queue, seen = [seed], set()
        while queue:
            address = queue.pop(0)
            if address in seen:
                continue
            seen.add(address)
            written = _render_address(unit, seed, address, renderer, writer, result)
            if written is not None:
                queue += next_pages(address, written)
    if unit.page_id is not None:
        result.pages += 1


@contextlib.contextmanager
def _quiet_not_found(quiet):
    """The 404 pages are asked for on purpose: no "Not Found" warning in the log for them."""
    request_log = logging.getLogger("django.request")
    level = request_log.level
    if quiet:
        request_log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        request_log.setLevel(level)


def _render_address(unit, seed, address, renderer, writer, result):
    """Render and write one address of ``unit``; returns the body written (``None``: nothing)."""
    try:
        with _quiet_not_found(unit.key == ERRORS_UNIT):
            response, tags = renderer.get(address, unit)
    except Exception as exc:  # a template or view error: reported, the export fails
        result.failures.append((address, f"{exc.__class__.__name__}: {exc}"))
        return None
    result.rendered.add(address)
    if unit.key == ERRORS_UNIT:
        if response.status_code != 404:
            result.failures.append((address, f"expected the 404 page, got {response.status_code}"))
            return None
        address = address[: -len(NOT_FOUND_PROBE)] + "404.html"
    elif response.status_code in (301, 302, 303, 307, 308) or (
        response.status_code == 200 and not pagecache.cacheable_response(response)
    ):
        result.dynamic.add(address)
        return None
    elif response.status_code == 404 and unit.page_id is not None and address != unit.seeds[0]:
        # A sub-page the page has switched off (the partner form of an agenda that takes none).
        result.absent.add(address)
        return None
    elif response.status_code != 200:
        result.failures.append((address, f"status {response.status_code}"))
        return None
    body = deterministic(response)
    content_type = response.get("Content-Type", "text/html")
    relative = file_for(address, content_type)
    writer.write(relative, body)
    result.removed.discard(relative)
    found = references(body) if content_type.startswith(("text/html", "application/xml")) else set()
    unit.files[address] = {
        "file": relative,
        "sha256": hashlib.sha256(body).hexdigest(),
        "seed": seed,
        "tags": sorted(tags),
        "links": sorted(path for path in found if not _is_asset(path)),
        "assets": sorted(path for path in found if _is_asset(path)),
    }
    return body if content_type.startswith("text/html") else None


# --- static files, images and documents --------------------------------------------------------


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


# --- generations -------------------------------------------------------------------------------


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


def _write_manifest(root, units, assets, cursor):
    data = {
        "version": MANIFEST_VERSION,
        "changes": cursor,
        "units": {key: units[key].as_json() for key in sorted(units)},
        "assets": dict(sorted(assets.items())),
    }
    (Path(root) / MANIFEST).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


def _switch(out, generation):
    """Point ``out`` at ``generation`` in one step; remove the older generations."""
    link = out.with_name(f".{out.name}.switch")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(generation.name)
    os.replace(link, out)
    for _number, folder in _generations(out):
        if folder != generation:
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _locked(out):
    """One export at a time per output (a publish may start one while another runs)."""
    with open(out.with_name(f".{out.name}.lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _new_generation(out):
    numbers = [number for number, _folder in _generations(out)]
    folder = out.with_name(f"{out.name}.{max(numbers, default=0) + 1}")
    folder.mkdir()
    return folder


def _hardlink_tree(source, target):
    for directory, _dirs, names in os.walk(source):
        relative = Path(directory).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.link(Path(directory) / name, target / relative / name)


# --- the export --------------------------------------------------------------------------------


def export(out, *, changed=False, progress=None, jobs=1):
    """Export the public site to ``out`` (see the module); returns a ``Result``.

    ``changed``: only what depends on the changes since the last export (a full export when
    there is none). ``progress(done, total)`` is called as units are rendered. ``jobs``: worker
    processes that render (forked from this one; 1: render here). Raises
    ``ExportError`` when the output cannot be used or an address failed to render; the previous
    export then stays in place."""
    started = time.monotonic()
    out = check_out(out)
    with _locked(out), export_settings():
        previous = read_manifest(out) if out.is_symlink() else None
        cursor = changes.latest()
        generation = _new_generation(out)
        try:
            if changed and previous is not None and _replayable(previous):
                _hardlink_tree(out.resolve(), generation)
                result = _export_changed(generation, previous, cursor, progress, jobs)
            else:
                result = _export_full(generation, cursor, progress, jobs)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        if result.failures:
            shutil.rmtree(generation, ignore_errors=True)
            return _finish(result, started)
        _switch(out, generation)
        result.root = out
    return _finish(result, started)


def _finish(result, started):
    result.seconds = time.monotonic() - started
    return result


def _replayable(previous):
    """Whether the change feed still holds every change since ``previous`` was made."""
    cursor = previous.get("changes", -1)
    return changes.state().horizon <= cursor <= changes.latest()


# The work of a parallel export, set before the worker processes are forked (they inherit it).
_work = {}
# Units whose pages are loaded at once (``PageBatch``): in one process, and per worker batch.
BATCH = 200
WORKER_BATCH = 50
# Units rendered before worker processes fork (they inherit the warm in-process caches).
WARM_UNITS = 8


def _render_batch(batch):
    """In a worker process: render ``[(index, seeds)]`` of ``_work``; returns what the parent
    needs to merge (the units' files and this batch's part of the ``Result``)."""
    result = Result()
    writer = Writer(_work["root"])
    renderer = _work.setdefault("renderer", Renderer())
    renderer.batch = PageBatch([_work["units"][index] for index, _seeds in batch])
    done = []
    for index, seeds in batch:
        unit = _work["units"][index]
        render_unit(unit, renderer, writer, result, seeds)
        done.append((index, unit.files))
    written = {entry["file"] for _index, files in done for entry in files.values()}
    return done, result, written, writer.written, writer.bytes


def _render_units(work, writer, result, progress, jobs=1):
    """Render ``work`` (``[(unit, seeds or None)]``): in this process, or with ``jobs`` worker
    processes forked from it (they inherit its warm in-process caches; each opens its own database
    connection). Not inside a transaction: the workers could not see what it has not committed."""
    total = len(work)
    renderer = Renderer()
    parallel = jobs > 1 and total >= 2 * jobs and not connection.in_atomic_block
    # In this process: everything, or (before the workers fork) the first units, so that the
    # chrome and other fragments every page repeats are warm in the copies of the workers.
    warm = min(WARM_UNITS, total - 2 * jobs)
    here = work[:warm] if parallel else work
    for start in range(0, len(here), BATCH):
        chunk = here[start : start + BATCH]
        renderer.batch = PageBatch([unit for unit, _seeds in chunk])
        for number, (unit, seeds) in enumerate(chunk, start=start + 1):
            render_unit(unit, renderer, writer, result, seeds)
            if progress:
                progress(number, total)
    renderer.batch = None
    if not parallel:
        return
    rest = work[warm:]
    _work.clear()
    _work.update(root=writer.root, units=[unit for unit, _seeds in rest])
    indexed = [(index, seeds) for index, (_unit, seeds) in enumerate(rest)]
    # Batches dealt out in turn (a listing with many pages does not hold up one worker), each
    # loaded at once (``PageBatch``).
    size = max(1, min(WORKER_BATCH, len(rest) // (4 * jobs)))
    batches = [indexed[start : start + size] for start in range(0, len(rest), size)]
    connections.close_all()
    done_count, written = len(here), set()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for done, part, files, count, size in pool.imap_unordered(_render_batch, batches):
                for index, files_of_unit in done:
                    _work["units"][index].files = files_of_unit
                result.pages += part.pages
                result.rendered |= part.rendered
                result.removed |= part.removed
                result.dynamic |= part.dynamic
                result.absent |= part.absent
                result.failures += part.failures
                written |= files
                writer.written += count
                writer.bytes += size
                done_count += len(done)
                if progress:
                    progress(done_count, total)
    finally:
        _work.clear()
    result.removed -= written


def _write_assets(units, writer, renderer, previous_assets, result):
    """Write the assets the units use (and the project's static files); returns ``{address:
    sha256}``. Assets of ``previous_assets`` are kept as they are."""
    wanted = project_static_addresses()
    for unit in units.values():
        wanted |= unit.assets
    assets = {}
    for address in sorted(wanted):
        path = address.split("?", 1)[0]
        if path in assets:
            continue
        if path in previous_assets:
            assets[path] = previous_assets[path]
            continue
        try:
            assets[path] = write_asset(path, renderer, writer)
        except ExportError as exc:
            result.failures.append((path, str(exc)))
    for path in sorted(set(previous_assets) - set(assets)):
        writer.remove(path.lstrip("/"))
        result.removed.add(path.lstrip("/"))
    return assets


def _export_full(root, cursor, progress, jobs):
    result = Result(full=True)
    writer = Writer(root)
    units = all_units()
    _render_units([(unit, None) for unit in units.values()], writer, result, progress, jobs)
    assets = _write_assets(units, writer, Renderer(), {}, result)
    _write_manifest(root, units, assets, cursor)
    result.files, result.bytes = writer.written, writer.bytes
    return result


def affected(previous, current):
    """What to render again since ``previous`` (a manifest), for the ``current`` units (see the
    module): ``(whole, seeds, gone)``: the keys of units to render whole, ``{key: seeds}`` of
    units of which only some addresses depend on a change, and the keys of units to remove."""
    old = {key: Unit.from_json(key, data) for key, data in previous["units"].items()}
    gone = set(old) - set(current)
    whole = set(current) - set(old)
    changed_pages = set()
    for key in set(current) & set(old):
        if current[key].published != old[key].published or current[key].seeds != old[key].seeds:
            whole.add(key)
            changed_pages.add(current[key].page_id)
    changed_pages |= {old[key].page_id for key in gone if old[key].page_id is not None}
    tags, left = set(), set()
    if previous["changes"] < changes.latest():
        # The change feed: pages that changed (whatever the state shows, e.g. a page moved and
        # back) and pages that only show a change (a snippet or image they use: their own tag).
        for row in changes.window(previous["changes"], limit=10**9)[0]:
            if row.kind == changes.Kind.RELATED:
                tags.add(cachetags.page_tag(row.object_id))
            else:
                changed_pages.add(row.object_id)

    for page_id in sorted(changed_pages):
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            tags |= page_dependents(page, subtree=True, urls=False).tags
        else:  # deleted: what listed it by type or tag, its sections (and, below, what linked to it)
            tags |= {cachetags.page_tag(page_id), SITEMAP}
            unit = old.get(f"page:{page_id}")
            if unit is not None:
                tags |= {f"type:{unit.label}"} | {
                    cachetags.page_tag(section.page_id)
                    for section in old.values()
                    if section.page_id is not None
                    and section.seeds[0] != unit.seeds[0]
                    and unit.seeds[0].startswith(section.seeds[0])
                }
        unit = old.get(f"page:{page_id}")
        if unit is not None and (unit.key in gone or current[unit.key].seeds != unit.seeds):
            left |= set(unit.files)  # its old addresses: whatever linked there changes
    if not changed_pages and not tags:
        return set(), {}, gone
    tags.add(cachetags.ALL)  # what could not say what it depends on
    everything = bool({cachetags.ALL, cachetags.EPOCH} & (tags - {cachetags.ALL}))
    seeds = {}
    for key, unit in old.items():
        if key in gone or key in whole:
            continue
        if everything:
            whole.add(key)
            continue
        stale = {
            entry["seed"]
            for entry in unit.files.values()
            if tags.intersection(entry["tags"]) or left.intersection(entry["links"])
        }
        if stale:
            seeds[key] = sorted(stale)
    return whole, seeds, gone


def _export_changed(root, previous, cursor, progress, jobs):
    result = Result(full=False)
    writer = Writer(root)
    current = all_units()
    whole, seeds, gone = affected(previous, current)
    old = {key: Unit.from_json(key, data) for key, data in previous["units"].items()}
    for key in sorted(gone):
        for entry in old[key].files.values():
            writer.remove(entry["file"])
            result.removed.add(entry["file"])
    units = {}
    for key, unit in current.items():
        if key in old:
            unit.files = old[key].files
        units[key] = unit
    work = [(units[key], None) for key in sorted(whole)] + [(units[key], seeds[key]) for key in sorted(seeds)]
    _render_units(work, writer, result, progress, jobs)
    assets = _write_assets(units, writer, Renderer(), previous["assets"], result)
    _write_manifest(root, units, assets, cursor)
    result.files, result.bytes = writer.written, writer.bytes
    return result
