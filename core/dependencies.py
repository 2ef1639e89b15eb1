"""What depends on a change: the one map used by the page cache, the CDN purge and (later) sync
and the static export.

``page_dependents(page)`` answers, for a page that was published, unpublished, moved, deleted or
had its privacy changed, with a ``Dependents``: the cache tags to bump (``core.cachetags``) and the
absolute public URLs to purge from a CDN. The set is built from the content tree and Wagtail's
reference index, not from a list per app, so a new page type or relation joins by itself:

- the page, in every locale (its translations) and its aliases: ``page:<id>`` and ``own:<id>``
  (what shows only the page's own content, ``core.cachetags.narrow``) and their addresses; the
  facet tags of its groups (``register_facets``: an event's type, for a feed of that type);
- its ancestors (the listings that show it: the agenda shows its events, a museum its
  exhibitions, the home page its features; their feeds are routable sub-pages of the same pages):
  ``page:<id>``, their addresses and every sub-page route without arguments (``ical/``, ``rss/``);
- pages it references and pages that reference it (Wagtail's ``ReferenceIndex``: an event's venue
  museum lists the event; an award edition names the museums it nominates);
- every list of its type, whatever the filters (``type:<label>``), and the type of the pages it
  references or that reference it (a list of events shows the venue's name); and the finer tags
  its type registers (``register_change_tags``: the related events a change can enter);
- the sitemap (its index; the part that lists the page follows its section's tag, and for the CDN
  the part of its section in every language of its family: ``core.sitemaps``), and the chrome
  (``chrome``: menu, footer) when the page is the home page or a section of it (depth <= 3);
- its API detail and list addresses (``register_api``), and the path resolver's answer for it.

With ``subtree=True`` (unpublish, move, delete, privacy), the page's descendants join too, up to
``SUBTREE_LIMIT`` pages; beyond that ``all`` and ``epoch`` are bumped (everything cached is stale).

Snippets, site settings, images and documents: ``object_dependents(obj)`` gives the dependents of
every page that references the object, plus ``type:<label>`` of its model and ``chrome``.
"""

import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, ReferenceIndex

from core.cachetags import ALL, EPOCH, own_tag, page_tag, type_tag
from core.links import (
    page_path,
    public_url,
    sitemap_part_count,
    sitemap_part_path,
    sitemap_section_path,
)

API_ROOT = "/api/v1/"
CHROME = "chrome"
SITEMAP = "sitemap"
RESOLVER = "resolver"
CHROME_DEPTH = 3
# The depth of the home pages (the site's root page and its translations, children of the tree root).
HOME_DEPTH = 2
SUBTREE_LIMIT = 500

# {model label (lower): (list path, detail path with "{id}" or None)}, relative to API_ROOT.
_api_routes = {}
# {model label (lower): function(page) -> tags}: what else a change of such a page bumps.
_change_tags = {}
# {model label (lower): field names}: the groups lists of such pages narrow to (``register_facets``).
_facets = {}


def register_change_tags(model, tags):
    """Say what else a change of a ``model`` page invalidates: ``tags(page)`` gives the tags (a
    page type whose related lists record finer tags than ``type:<label>``, e.g. the agenda's
    related events, ``agenda.related``). Apps call this in ``AppConfig.ready()``."""
    _change_tags[model._meta.label_lower] = tags


def register_facets(model, *fields):
    """Say which fields of ``model`` group its pages in lists that record ``facet_tag`` instead
    of their parent's page tag (``core.cachetags.narrow``): a change of such a page bumps the
    facet tag of each field's value as the page holds it now (a list that showed the page under
    another value records the page's own tag already). Apps call this in ``AppConfig.ready()``."""
    _facets[model._meta.label_lower] = fields


def facet_tag(model, field, value):
    """The tag of the pages of ``model`` (a model or its lower-case label) whose ``field`` is
    ``value`` (``facet:<label>:<field>=<value>``)."""
    label = model if isinstance(model, str) else model._meta.label_lower
    return f"facet:{label}:{field}={value}"


def _facet_tags(pages):
    """The facet tags of ``pages`` (``{id: page}``), one query per page type that has facets."""
    by_label = {}
    for page in pages.values():
        if page.content_type_id:
            model = page.content_type.model_class()
            if model is not None and model._meta.label_lower in _facets:
                by_label.setdefault(model, []).append(page.pk)
    tags = set()
    for model, ids in by_label.items():
        fields = _facets[model._meta.label_lower]
        for row in model.objects.filter(pk__in=ids).values_list(*fields):
            tags |= {facet_tag(model, field, value) for field, value in zip(fields, row, strict=True)}
    return tags


def register_api(model, list_path, detail_path=None):
    """Say where the API lists (and shows one of) ``model``, e.g. ``("events/", "events/{id}/")``.

    Apps call this in ``AppConfig.ready()``; the page cache tags API responses with it and the CDN
    purge sends their addresses."""
    _api_routes[model._meta.label_lower] = (list_path, detail_path)


def api_routes():
    """``{label: (list path, detail path)}`` as registered."""
    return dict(_api_routes)


def api_tags_for_path(path):
    """The tags of an API response at ``path`` (no query string), or ``{ALL}`` when unknown."""
    if not path.startswith(API_ROOT):
        return {ALL}
    rest = path[len(API_ROOT) :]
    for label, (list_path, detail_path) in _api_routes.items():
        if rest == list_path:
            return {f"type:{label}"}
        if detail_path:
            prefix, _, suffix = detail_path.partition("{id}")
            if rest.startswith(prefix) and rest.endswith(suffix):
                middle = rest[len(prefix) : len(rest) - len(suffix)]
                if middle.isdigit():
                    return {page_tag(int(middle))}
    if rest == "site/":
        return {CHROME}
    if rest == "pages/resolve/" or (
        rest.startswith("pages/") and rest[6:-1].isdigit() and rest.endswith("/")
    ):
        return {RESOLVER}
    return {ALL}


@dataclass
class Dependents:
    """What a change invalidates: cache tags and absolute addresses (for the CDN); and, for the
    change feed (``core.changes``), the ids of the pages that changed themselves (``members``:
    the page and, for a subtree change, its descendants, however many) and of the pages that
    show one of them (``related``: translations, references both ways, ancestors)."""

    tags: set = field(default_factory=set)
    urls: set = field(default_factory=set)
    members: set = field(default_factory=set)
    related: set = field(default_factory=set)

    def update(self, other):
        self.tags |= other.tags
        self.urls |= other.urls
        self.members |= other.members
        self.related |= other.related
        return self

    def __bool__(self):
        return bool(self.tags or self.urls)


@functools.cache
def routable_paths(model):
    """The sub-page routes of a page ``model`` that take no arguments (feeds, archives), relative
    to the page's address ("ical/"): the same for every page of the type."""
    if not issubclass(model, RoutablePageMixin):
        return ()
    paths = []
    for pattern in model.get_subpage_urls():
        if getattr(pattern, "name", None) and not pattern.pattern.regex.groups:
            try:
                paths.append(model.get_resolver().reverse(pattern.name).lstrip("/"))
            except NoReverseMatch:
                continue
    return tuple(paths)


def _routable_urls(page, base):
    """Addresses of ``page``'s sub-page routes that take no arguments (feeds, archives)."""
    model = page.specific_class
    return [base + path for path in routable_paths(model)] if model is not None else []


def _page_urls(page):
    """The public addresses of ``page``: itself, its routable sub-pages, its resolver answer."""
    path = page_path(page)
    if path is None:
        return set()
    base = public_url(path)
    urls = {base}
    urls.update(_routable_urls(page, base))
    urls.add(public_url(f"{API_ROOT}pages/resolve/?path={path}"))
    return urls


def _api_urls(label, page_id=None):
    routes = _api_routes.get(label)
    if routes is None:
        return set()
    list_path, detail_path = routes
    urls = {public_url(API_ROOT + list_path)}
    if page_id is not None and detail_path:
        urls.add(public_url(API_ROOT + detail_path.replace("{id}", str(page_id))))
    return urls


def _sitemap_part_urls(pages, known):
    """The addresses of the sitemap parts that list ``pages``: the part of each one's section
    (found among ``known``, the pages and their ancestors), every part of a section that takes
    several (counted on all its pages: at worst an address past the last, which is a 404)."""
    by_path = {p.path: p for p in known}
    urls = set()
    for page in pages:
        section = by_path.get(sitemap_section_path(page.path, HOME_DEPTH))
        if page.depth < HOME_DEPTH or section is None:
            continue
        size = 1
        if section.depth > HOME_DEPTH:
            size = Page.objects.filter(path__startswith=section.path).count()
        for number in range(1, sitemap_part_count(size) + 1):
            urls.add(public_url(sitemap_part_path(section.pk, number)))
    return urls


def page_m2m_fields():
    """``(page model, field)`` of every many-to-many field of a concrete page model (dossiers
    and themes of an article, say): the reference index does not record those."""
    fields = []
    for model in apps.get_models():
        if issubclass(model, Page):
            for field in model._meta.get_fields():
                if field.many_to_many and not field.auto_created and field.model is model:
                    fields.append((model, field))
    return fields


def grouping_pages(page):
    """Ids of the pages that list ``page`` by an object they share: a page type names the
    foreign keys it lists by in ``lists_by`` (a dossier page lists the articles and events
    tagged with its dossier); ``page`` belongs when one of its many-to-many fields holds the
    object that foreign key points at."""
    groups = {}
    for model, m2m in page_m2m_fields():
        if isinstance(page, model) and not issubclass(m2m.related_model, Page):
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            ids = through.objects.filter(**{f"{source}_id": page.pk}).values_list(f"{target}_id", flat=True)
            groups.setdefault(m2m.related_model, set()).update(ids)
    found = set()
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for name in getattr(model, "lists_by", ()):
            target = model._meta.get_field(name).related_model
            if groups.get(target):
                found.update(
                    model.objects.filter(**{f"{name}__in": groups[target]}).values_list("pk", flat=True)
                )
    return found


def referenced_page_ids(page):
    """Ids of the pages ``page`` references, as stored in the database now (the reference index
    for foreign keys, rich text and StreamField choosers; many-to-many fields besides), and the
    pages that list it by a shared object (``grouping_pages``)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
        if str(object_id).isdigit()
    }
    for model, m2m in page_m2m_fields():
        if isinstance(page, model) and issubclass(m2m.related_model, Page):
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            ids.update(
                through.objects.filter(**{f"{source}_id": page.pk}).values_list(f"{target}_id", flat=True)
            )
    return ids | grouping_pages(page)


def referencing_page_ids(obj):
    """Ids of the pages that reference ``obj`` (a page, snippet, image, document...)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isdigit()
    }
    for _model, m2m in page_m2m_fields():
        if isinstance(obj, m2m.related_model):
            through = m2m.remote_field.through
            source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            ids.update(
                through.objects.filter(**{f"{target}_id": obj.pk}).values_list(f"{source}_id", flat=True)
            )
    return ids


def page_dependents(page, *, subtree=False, extra_related=(), urls=True):
    """Everything that depends on ``page`` (see the module's documentation).

    ``extra_related``: ids of pages related before the change (references the page no longer
    has after an edit), which depend on it as much as the current ones. ``urls=False`` leaves
    the addresses out (the costly part; only a CDN needs them): tags only, in a few queries."""
    result = Dependents(tags={SITEMAP, RESOLVER})
    page = page if isinstance(page, Page) else Page.objects.get(pk=page)

    # The page itself, its translations and aliases (and the original when it is an alias).
    family_q = Page.objects.filter(translation_key=page.translation_key) | Page.objects.filter(
        alias_of_id__in=[page.pk, page.alias_of_id or page.pk]
    )
    family = {p.pk: p for p in family_q.select_related("content_type")}
    family[page.pk] = page
    if page.alias_of_id:
        family.setdefault(page.alias_of_id, Page.objects.get(pk=page.alias_of_id))

    # Pages it references and pages that reference it (before and after the change).
    related_ids = set(extra_related) | referenced_page_ids(page.specific) | referencing_page_ids(page)
    related_ids -= set(family)

    members = dict(family)
    result.members.add(page.pk)
    if subtree:
        result.members.update(Page.objects.descendant_of(page).values_list("pk", flat=True))
        for p in family.values():
            descendants = Page.objects.descendant_of(p).select_related("content_type")
            if descendants.count() > SUBTREE_LIMIT:
                # Too many to name: everything cached goes stale, fragments and list items too
                # (they carry ``epoch``; only whole responses carry ``all``).
                result.tags.update({ALL, EPOCH})
                continue
            for descendant in descendants:
                members.setdefault(descendant.pk, descendant)
    related = {p.pk: p for p in Page.objects.filter(pk__in=related_ids).select_related("content_type")}

    # Ancestors of everything above (below the tree root): the listings and sections.
    steplen = Page.steplen
    prefixes = {
        p.path[:end]
        for p in list(members.values()) + list(related.values())
        for end in range(2 * steplen, len(p.path), steplen)
    }
    ancestors = {a.pk: a for a in Page.objects.filter(path__in=prefixes).select_related("content_type")}
    result.related |= (set(family) | set(related) | set(ancestors)) - result.members

    result.tags |= _facet_tags(members)
    for p in members.values():
        label = p.content_type.model_class()._meta.label_lower if p.content_type_id else None
        result.tags |= {page_tag(p), own_tag(p)}
        if label:
            result.tags.add(f"type:{label}")
            if label in _change_tags:
                result.tags |= set(_change_tags[label](p))
            if urls:
                result.urls |= _api_urls(label, p.pk)
        if urls:
            result.urls |= _page_urls(p)
        if p.depth <= CHROME_DEPTH:
            result.tags.add(CHROME)
    for p in related.values():
        label = p.content_type.model_class()._meta.label_lower
        result.tags |= {page_tag(p), f"type:{label}"}
        if urls:
            result.urls |= _page_urls(p) | _api_urls(label, p.pk)
    for p in ancestors.values():
        result.tags.add(page_tag(p))
        if urls and getattr(p.content_type.model_class(), "shows_pages_below", True):
            result.urls |= _page_urls(p)  # (the home page shows what it chooses: ``related``)
    if urls:
        result.urls.add(public_url("/sitemap.xml"))
        result.urls |= _sitemap_part_urls(family.values(), [*members.values(), *ancestors.values()])
    return result


def object_dependents(obj, *, urls=True):
    """Everything that depends on a snippet, setting, image or document ``obj``."""
    result = Dependents(tags={type_tag(type(obj)), CHROME})
    for page in Page.objects.filter(pk__in=referencing_page_ids(obj)):
        result.update(page_dependents(page, urls=urls))
    # The pages did not change themselves: what they show did.
    result.related |= result.members
    result.members = set()
    if urls:
        result.urls |= _api_urls(type(obj)._meta.label_lower)
    return result
