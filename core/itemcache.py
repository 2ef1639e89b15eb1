"""Items of lists kept in the cache one by one (see ``ItemCache``)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import translation

from core.cachetags import cached_many, page_tag


@dataclass(frozen=True)
class ItemCache:
    """List items kept in the cache per object and language: API list items
    (``Pagination.respond_cached``) and the cards of HTML listings.

    A list window then costs a count, one query for the window's rows (ids and the few columns
    that vary per row or per request, never whole objects) and a cache read or two; only items
    that are missing or stale are loaded (``load``) and built (``build``). An item goes stale
    with its tags (``page:<id>`` by default), which ``core.invalidation`` bumps on every change
    the item shows: the page itself, pages, snippets and images it references, its privacy.

    - ``name``: the cache namespace (e.g. ``"museums"``);
    - ``load(ids)``: ``{id: object}`` for ``ids``, with what ``build`` reads prefetched;
    - ``build(obj, request)``: the item without anything that depends on the moment of the
      request or the row (a dict of picklable values: data, or HTML rendered once);
    - ``finish(item, row, request)``: the item as served, from the cached part and the window's
      row (``fields``): e.g. "open now", a distance, an occurrence's own times;
    - ``key``: the row field naming the cached object (``"pk"``);
    - ``tags(row)``: the cache tags of one row's item (by default the page tag of its key).
    """

    name: str
    load: Callable[[list], dict]
    build: Callable[[Any, Any], dict]
    finish: Callable[[dict, dict, Any], dict] | None = None
    fields: tuple = ("pk",)
    key: str = "pk"
    tags: Callable[[dict], list] | None = None

    def key_prefix(self, request):
        host = request.get_host() if request is not None else ""
        return f"api-item:{self.name}:{translation.get_language()}:{host}:"

    def items(self, rows, request, *, record=None):
        """The served items of ``rows`` (dicts with ``fields``), in order. ``record``: the tags
        that cover the items' own for the response (see ``cached_many``); by default each item's
        tags are recorded."""
        prefix = self.key_prefix(request)
        keys = {f"{prefix}{row[self.key]}": row[self.key] for row in rows}

        def compute(missing):
            objects = self.load([keys[key] for key in missing])
            return {key: self.build(objects[keys[key]], request) for key in missing if keys[key] in objects}

        tags = {}
        for row in rows:
            key = f"{prefix}{row[self.key]}"
            tags[key] = self.tags(row) if self.tags else [page_tag(row[self.key])]
        cached = cached_many(tags, compute, record=record)
        items = []
        for row in rows:
            item = cached.get(f"{prefix}{row[self.key]}")
            if item is None:
                continue  # deleted between the window query and the load
            items.append(self.finish(item, row, request) if self.finish else item)
        return items

    def window(self, queryset):
        """``queryset`` as the rows ``items`` reads: ``fields`` only, nothing prefetched."""
        return queryset.prefetch_related(None).values(*self.fields)
