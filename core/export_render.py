"""Rendering for the static export (``core.export``): every address is asked through the whole
Django stack in process, as an anonymous reader on ``PUBLIC_BASE_URL``; pages are loaded in batches
(``PageBatch``) and handed to the serve view as its route; the shareable responses are written
with the cache tags they depended on and the addresses they link to; with ``jobs`` > 1, worker
processes forked from this one render batches of units."""

import contextlib
import copy
import hashlib
import html
import logging
import multiprocessing
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection, connections
from django.http import Http404
from django.test import Client
from django.test.client import ClientHandler
from django.test.utils import override_settings
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page

from core import cachetags, csp, pagecache
from core.export_files import Writer, file_for, is_asset, site_path
from core.models.base import ROUTE_ANCESTORS, _takes_over
from core.routing import site_and_root

NOT_FOUND_PROBE = "__export-not-found__/"
ERRORS_UNIT = "errors"
# Attributes that hold addresses (``srcset`` holds several, with sizes).
_ATTRIBUTE = re.compile(r"""\s(href|src|srcset|content|poster)=("[^"]*"|'[^']*')""", re.IGNORECASE)
_NEXT = re.compile(
    r"""<a\b[^>]*\brel="next"[^>]*\bhref="([^"]*)"|<a\b[^>]*\bhref="([^"]*)"[^>]*\brel="next\""""
)


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
        "links": sorted(path for path in found if not is_asset(path)),
        "assets": sorted(path for path in found if is_asset(path)),
    }
    return body if content_type.startswith("text/html") else None


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


def render_units(work, writer, result, progress, jobs=1):
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
