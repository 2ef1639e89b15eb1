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

The module is split by role: this one says what is exported and what a change makes stale
(units, the manifest's comparison, the run); ``core.export_render`` renders addresses (batches,
worker processes); ``core.export_files`` holds the files (addresses to file names, generation
folders, the manifest, assets).

Atomic: each run writes a new generation folder beside ``OUT`` (``OUT.<n>``) and then swaps the
symlink ``OUT`` to it with one ``os.replace``. A reader never sees half a site. After an
incremental run the generation it replaced stays as a spare (it shares most files with the new
one); older ones are removed. An incremental run starts from hard links of every file of the
current generation: the spare, brought level with the current one by linking again only the
files that are not already the current one's (the last run's changes), or, without a complete
spare (the first run after a full export), a new folder.
"""

import shutil
import time
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from core import cachetags, changes
from core.dependencies import SITEMAP, _routable_urls, page_dependents

# What the rest of the project, the benchmarks and the tests use, as one module.
from core.export_files import (
    EXTENSIONS,
    MANIFEST,
    QUERY_DIR,
    ExportError,
    Writer,
    check_out,
    incremental_generation,
    locked,
    new_generation,
    project_static_addresses,
    read_manifest,
    site_path,
    switch,
    write_asset,
    write_manifest,
)
from core.export_render import (
    ERRORS_UNIT,
    NOT_FOUND_PROBE,
    PageBatch,
    Renderer,
    Result,
    export_settings,
    render_units,
)
from core.links import page_path
from core.sitemaps import parts as sitemap_parts
from core.sitemaps import wagtail_site
from core.visibility import Visibility

# The export as the rest of the project, the benchmarks and the tests use it: this module and the
# two it is split into by role (``core.export_files``: files, folders, the manifest;
# ``core.export_render``: rendering addresses).
__all__ = [
    "ERRORS_UNIT",
    "EXTENSIONS",
    "MANIFEST",
    "NOT_FOUND_PROBE",
    "QUERY_DIR",
    "ExportError",
    "PageBatch",
    "Renderer",
    "Result",
    "Unit",
    "Writer",
    "affected",
    "all_units",
    "export",
    "export_settings",
    "page_units",
    "read_manifest",
    "register_variants",
    "render_units",
    "site_path",
    "site_units",
]

SITE_UNIT = "site"
# {model label (lower): function(page) -> addresses relative to the page's own ("rss/?kind=x")}
_variants = {}


def register_variants(model, addresses):
    """Say which further addresses of a ``model`` page the export writes: ``addresses(page)``
    gives them relative to the page's address (``"ical/?type=webinar"``), e.g. a feed per type
    (``page`` is Wagtail's generic page: the export does not load every page as its own type).
    Apps call this in ``AppConfig.ready()``."""
    _variants[model._meta.label_lower] = addresses


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
    # The fields an address, a unit and its seeds need: a generic page is not loaded whole.
    return pages.select_related("content_type", "locale").only(
        "path",
        "depth",
        "url_path",
        "slug",
        "translation_key",
        "alias_of",
        "last_published_at",
        "content_type__app_label",
        "content_type__model",
        "locale__language_code",
    )


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


def export(out, *, changed=False, progress=None, jobs=1):
    """Export the public site to ``out`` (see the module); returns a ``Result``.

    ``changed``: only what depends on the changes since the last export (a full export when
    there is none). ``progress(done, total)`` is called as units are rendered. ``jobs``: worker
    processes that render (forked from this one; 1: render here). Raises
    ``ExportError`` when the output cannot be used or an address failed to render; the previous
    export then stays in place."""
    started = time.monotonic()
    out = check_out(out)
    with locked(out), export_settings():
        previous = read_manifest(out) if out.is_symlink() else None
        cursor = changes.latest()
        incremental = changed and previous is not None and _replayable(previous)
        generation = incremental_generation(out) if incremental else new_generation(out)
        try:
            if incremental:
                result = _export_changed(generation, previous, cursor, progress, jobs)
            else:
                result = _export_full(generation, cursor, progress, jobs)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        if result.failures:
            shutil.rmtree(generation, ignore_errors=True)
            return _finish(result, started)
        switch(out, generation, keep_previous=incremental)
        result.root = out
    return _finish(result, started)


def _finish(result, started):
    result.seconds = time.monotonic() - started
    return result


def _replayable(previous):
    """Whether the change feed still holds every change since ``previous`` was made."""
    cursor = previous.get("changes", -1)
    return changes.state().horizon <= cursor <= changes.latest()


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
    render_units([(unit, None) for unit in units.values()], writer, result, progress, jobs)
    assets = _write_assets(units, writer, Renderer(), {}, result)
    write_manifest(root, units, assets, cursor)
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
    render_units(work, writer, result, progress, jobs)
    assets = _write_assets(units, writer, Renderer(), previous["assets"], result)
    write_manifest(root, units, assets, cursor)
    result.files, result.bytes = writer.written, writer.bytes
    return result
