"""Cache tags: invalidate everything that depends on a change, without knowing every cache key.

A *tag* names something cached content depends on: ``page:42`` (one page, in any of its
addresses), ``type:agenda.eventpage`` (any list of events), ``chrome`` (menu, footer, site
settings), ``sitemap``, ``all`` (anything that could not say what it depends on). Every tag has a
*version* in the cache, a random token; ``bump(tags)`` gives each tag a new one. A cached entry
records the versions of its tags when it was computed; it is fresh while all of them are unchanged.

So a change invalidates every entry with one of its tags in one ``set_many``, whatever the number
of filter combinations, pages or languages cached: ``core.dependencies`` says which tags a change
bumps, ``core.pagecache`` and ``cached()`` below store entries with their tags.

A tag whose version is missing from the cache (never set, evicted, or the cache was flushed) makes
every entry that carries it stale: an eviction can cost a render, never serve stale content.

While a response is computed, code that reads content says so with ``depends_on(*tags)``; the
tags collected for the request are stored with the response (see ``core.pagecache``).
"""

import contextvars
import secrets
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

VERSION_PREFIX = "tagv:"
ALL = "all"
# Carried by every entry: bumped only to make everything stale at once (after a bulk load).
EPOCH = "epoch"
# Recorded by a response that shows nothing but the chrome (the 404 page): it says so, instead
# of leaving ``all`` to stand in for what it did not declare. Never bumped itself.
CHROME_ONLY = "chrome-only"
# Recorded by a response that shows no content at all (robots.txt): only a new epoch (a deploy)
# makes it stale. Never bumped itself.
FIXED = "fixed"

_collected = contextvars.ContextVar("museumsite_cache_tags", default=None)


def page_tag(page_or_id):
    """The tag of one page (``page:<id>``), for a page or a page id."""
    return f"page:{getattr(page_or_id, 'pk', page_or_id)}"


def type_tag(model):
    """The tag of every list of a page type or model (``type:<app_label.model>``)."""
    return f"type:{model._meta.label_lower}"


def _key(tag):
    return VERSION_PREFIX + tag


def versions(tags):
    """``{tag: version}`` for ``tags``; a tag without a version is left out."""
    tags = sorted(set(tags))
    found = cache.get_many([_key(tag) for tag in tags])
    return {tag: found[_key(tag)] for tag in tags if _key(tag) in found}


def ensure_versions(tags):
    """``{tag: version}`` for ``tags``, giving a version to those that have none yet."""
    current = versions(tags)
    missing = {_key(tag): secrets.token_hex(6) for tag in set(tags) if tag not in current}
    if missing:
        for key, token in missing.items():
            # ``add`` keeps a version another process set meanwhile; read back to agree on it.
            cache.add(key, token, timeout=None)
        current.update(versions([key[len(VERSION_PREFIX) :] for key in missing]))
    return current


def bump(tags):
    """Give every tag of ``tags`` a new version: every entry that carries one is now stale."""
    tags = set(tags)
    if tags:
        cache.set_many({_key(tag): secrets.token_hex(6) for tag in tags}, timeout=None)


def is_fresh(recorded):
    """Whether the versions ``recorded`` with an entry are still the current ones."""
    if not recorded:
        return False
    return versions(recorded) == recorded


# --- collecting the tags of one response ------------------------------------------------------


def own_tag(page_or_id):
    """The tag of one page's own content (``own:<id>``): bumped when the page itself (a
    translation or an alias of it) changes, not when a page below it does (see ``narrow``)."""
    return f"own:{getattr(page_or_id, 'pk', page_or_id)}"


class Collector:
    """The tags one computation depends on (see ``collecting``)."""

    def __init__(self):
        self.found = set()
        self.narrowed = set()

    @property
    def tags(self):
        return self.found - self.narrowed


def collecting():
    """Start collecting tags for a computation; returns ``(collector, token)``; pass the token to
    ``stop_collecting`` when done."""
    collector = Collector()
    return collector, _collected.set(collector)


def stop_collecting(token):
    _collected.reset(token)


def depends_on(*tags):
    """Record that what is being computed depends on ``tags`` (no-op outside a collection)."""
    collector = _collected.get()
    if collector is not None:
        collector.found.update(tag for tag in tags if tag)


def narrow(page, *tags):
    """Record that what is being computed shows of ``page`` its own content only, and of the
    pages below it only those of a known group: it depends on ``own:<id>`` and on ``tags`` (finer
    tags that a change of any page that could join the group bumps, ``core.dependencies.
    register_facets``) instead of ``page:<id>``, which a change of any page below bumps as well.
    A feed of one event type, say, is not stale when an event of another type is published. The
    pages it shows are the caller's to record (their page tags: a page that leaves the group
    changes one of them)."""
    collector = _collected.get()
    if collector is not None:
        collector.narrowed.add(page_tag(page))
        collector.found.update({own_tag(page), *tags})


def cached(key, tags, compute, timeout=None, *, record=True, valid=None):
    """``compute()``, kept in the cache under ``key`` until one of ``tags`` is bumped.

    Used for fragments every page repeats (menu, footer, language links): the tags are also
    recorded for the response being computed (unless ``record=False``, for what only speeds the
    computation up without being part of the response), so a cached page that shows the
    fragment goes stale with it. The tags recorded while ``compute()`` runs (by the kept entries
    it reads) are kept with the entry and recorded on every hit as on the miss. A cache that is down only costs the computation. ``valid``
    (a function of the value) may refuse a fresh value that no longer serves (see ``ahead``).
    """
    tags = set(tags) | {EPOCH}
    entry = cache.get(key)
    if entry is not None:
        recorded, value = entry
        if is_fresh(recorded) and (valid is None or valid(value)):
            if record:
                depends_on(*recorded)
            return value
    recorded = ensure_versions(tags)
    # What the computation itself read from other kept entries (a fragment that shows snippet
    # choices, say) is kept with this entry too: a hit depends on it as much as the miss did.
    collector, token = collecting()
    try:
        value = compute()
    finally:
        stop_collecting(token)
    nested = collector.tags - tags
    if nested:
        recorded.update(ensure_versions(nested))
    cache.set(key, (recorded, value), timeout)
    if record:
        depends_on(*recorded)
    return value


def ahead(key, tags, compute, *, now, end, size, enough):
    """The rows of a list ordered by time that have not ended at ``now``.

    ``compute(size)`` gives up to ``size`` rows that had not ended when it ran; they are kept
    with ``cached`` and filtered by ``end(row) > now`` on every use, so the answer follows the
    clock without a query. A kept list whose remaining rows are no longer ``enough(rows)`` for
    the caller, while the database may have more (it was cut at ``size``), is computed again."""

    def fresh():
        rows = compute(size)
        return {"rows": rows, "complete": len(rows) < size}

    def remaining(entry):
        return [row for row in entry["rows"] if end(row) > now]

    entry = cached(key, tags, fresh, valid=lambda entry: entry["complete"] or enough(remaining(entry)))
    return remaining(entry)


class LocalEntries:
    """A bounded, per-process copy of recently used ``cached_many`` entries (least recently used
    out first), so that a hot list item costs neither a cache round trip nor unpickling. Entries
    are still checked against the shared tag versions on every use: a change made in another
    process makes them stale here too."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        if self.size <= 0:
            return
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_entries = LocalEntries(getattr(settings, "ITEM_CACHE_LOCAL_ENTRIES", 5000))


def _fresh(recorded, tags, current):
    return set(recorded) == tags and all(current.get(tag) == version for tag, version in recorded.items())


def cached_many(entries, compute_missing, timeout=None, *, record=None):
    """``{key: value}`` for ``entries`` (``{key: tags}``): ``cached`` for many keys at once.

    One cache read for the versions of all the entries' tags; entries not held fresh in this
    process (``LocalEntries``) in one more read; ``compute_missing(keys)`` returns ``{key:
    value}`` for the keys that were missing or stale, and those are stored in one write. Used
    for list items (``core.api.conventions.ItemCache``): a window of 20 items costs a read or
    two instead of loading and serialising 20 objects. Values are shared within the process:
    callers must not change them.

    ``record``: the tags recorded for the response being computed instead of every entry's own
    (a page of 20 museum cards then carries two tags, not 20, and each hit of the page cache
    checks two). Only for tags that *cover* the entries' tags: every change that bumps an
    entry's tag bumps one of them as well (``core.dependencies`` bumps the tag of a page's type
    with the page's own, and the tags of its ancestors with a child's), so the response goes
    stale whenever one of its entries does.
    """
    if not entries:
        return {}
    tags_of = {key: set(tags) | {EPOCH} for key, tags in entries.items()}
    if record is None:
        for tags in tags_of.values():
            depends_on(*tags)
    else:
        depends_on(EPOCH, *record)
    current = versions(set().union(*tags_of.values()))
    result, shared = {}, []
    for key, tags in tags_of.items():
        entry = local_entries.get(key)
        if entry is not None and _fresh(entry[0], tags, current):
            result[key] = entry[1]
        else:
            shared.append(key)
    missing = []
    found = cache.get_many(shared) if shared else {}
    for key in shared:
        entry = found.get(key)
        if entry is not None and _fresh(entry[0], tags_of[key], current):
            result[key] = entry[1]
            local_entries.put(key, entry)
        else:
            missing.append(key)
    if missing:
        # Versions are taken before computing: a change meanwhile leaves the new entry stale.
        recorded_all = ensure_versions(set().union(*(tags_of[key] for key in missing)))
        computed = compute_missing(missing)
        store = {}
        for key in missing:
            if key not in computed:
                continue
            recorded = {tag: recorded_all[tag] for tag in tags_of[key] if tag in recorded_all}
            store[key] = (recorded, computed[key])
            result[key] = computed[key]
            local_entries.put(key, store[key])
        if store:
            cache.set_many(store, timeout)
    return result
