"""Every change to public content invalidates what depends on it, at once and exactly.

Signals (publish, unpublish, move, delete, privacy, snippets, settings, images, documents, sites)
hand the changed object to ``core.dependencies``; the resulting tags are bumped at once (so the
next request in this process renders afresh) and again when the transaction commits (so that a
request that rendered the old content meanwhile cannot keep it), and the addresses of all changes
of one transaction go to the CDN in one batch (``wagtail.contrib.frontend_cache``) after commit.

Scheduled publishing and expiry (``publish_scheduled``) go through the same publish and unpublish
signals. ``paused()`` turns this off for bulk loads (demo, scale data), which clear the cache
when they are done instead.

With ``EXPORT_ON_PUBLISH``, each committed change also queues the incremental static export
(``core.tasks.export_changed``: ``export_site EXPORT_ROOT --changed``).
"""

import contextlib
import functools
import logging
import threading

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from core import cachetags, changes, tasks
from core.dependencies import (
    CHROME,
    RESOLVER,
    SITEMAP,
    SUBTREE_LIMIT,
    Dependents,
    object_dependents,
    page_dependents,
    referenced_page_ids,
)

logger = logging.getLogger(__name__)

_state = threading.local()


def _paused():
    return getattr(_state, "paused", 0) > 0


@contextlib.contextmanager
def paused():
    """No invalidation inside (bulk loads); the caller clears the cache afterwards."""
    _state.paused = getattr(_state, "paused", 0) + 1
    try:
        yield
    finally:
        _state.paused -= 1


def _pending():
    pending = getattr(_state, "pending", None)
    if pending is None:
        pending = _state.pending = Dependents()
    return pending


def _flush():
    pending = getattr(_state, "pending", None)
    _state.pending = None
    if not pending:
        return
    with contextlib.suppress(Exception):  # a cache that is down has nothing stale to serve
        cachetags.bump(pending.tags)
    purge(sorted(pending.urls))
    if settings.EXPORT_ON_PUBLISH:
        export_after_change()


def export_after_change():
    """Queue the incremental static export (``core.tasks.export_changed``); a queue that fails
    must not fail the change (the next one, or a full export, catches up)."""
    try:
        tasks.export_changed.enqueue()
    except Exception:
        logger.exception("could not queue the static export after a change")


def purge(urls):
    """Send ``urls`` to the configured CDN backends in one batch (nothing when none is set)."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        purge_urls_from_cache(urls)
    except Exception:  # the CDN's own cache times out; a failed purge must not fail a publish
        logger.exception("purging %d addresses from the CDN failed", len(urls))


def invalidate(dependents, kind=None, *, gone=False):
    """Invalidate ``dependents`` now and once more, with the CDN purge, when the transaction
    commits (at once outside a transaction). With ``kind``, the change also goes to the change
    feed (``core.changes``), in the same transaction."""
    if _paused() or not dependents:
        return
    if kind is not None and (dependents.members or dependents.related):
        try:
            changes.record(dependents.members, dependents.related, kind, gone=gone)
        except Exception:
            # Never silently: a change the feed misses leaves clients stale until they resync.
            logger.exception("could not record a change for the change feed")
            raise
    # ``all``: responses that could not say what they depend on go stale with any change.
    dependents.tags.add(cachetags.ALL)
    with contextlib.suppress(Exception):
        cachetags.bump(dependents.tags)
    # Every change registers a flush for when its transaction commits; the first flush sends
    # everything pending (one CDN batch for the whole transaction), the others find nothing.
    # What a rolled-back transaction left pending goes out with the next flush (a purge too many
    # is harmless; one too few is not).
    _pending().update(dependents)
    transaction.on_commit(_flush)


def invalidate_everything():
    """Every cached response is stale (after a bulk load); the CDN is not purged."""
    with contextlib.suppress(Exception):
        cachetags.bump({cachetags.EPOCH, cachetags.ALL, CHROME, SITEMAP, RESOLVER})
    # The change feed recorded nothing meanwhile: clients must fetch everything again.
    changes.reset()


def _cdn():
    """Whether a CDN is configured: only then are the addresses of a change worth computing."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _safely(compute):
    """Dependents from ``compute()``; on a failure (a half-built tree), everything."""
    try:
        return compute()
    except Exception:
        logger.exception("could not compute what depends on a change; invalidating everything")
        return Dependents(tags={cachetags.ALL})


# --- pages -------------------------------------------------------------------------------------


def page_pre_save(sender, instance, raw=False, **kwargs):
    """Remember the pages this page referenced before the save (a changed venue, say), its
    title and slug (which every page below it shows, in breadcrumbs and addresses) and whether
    it was live (the pages below it come back with it)."""
    if raw or _paused() or not instance.pk or not instance.live:
        return
    with contextlib.suppress(Exception):
        instance._museumsite_referenced_before = referenced_page_ids(instance)
        instance._museumsite_before = (
            Page.objects.filter(pk=instance.pk).values_list("title", "slug", "live").first()
        )


def page_changed(sender, instance, **kwargs):
    if _paused():
        return
    before = getattr(instance, "_museumsite_referenced_before", ())
    state_before = getattr(instance, "_museumsite_before", None)

    def compute():
        dependents = page_dependents(instance, extra_related=before, urls=_cdn())
        if state_before is not None and state_before != (instance.title, instance.slug, True):
            # Renamed or readdressed: every page below shows the change (breadcrumbs, paths);
            # published again: every page below is public again.
            below = set(Page.objects.descendant_of(instance).values_list("pk", flat=True))
            dependents.related |= below
            if len(below) > SUBTREE_LIMIT:
                dependents.tags |= {cachetags.ALL, cachetags.EPOCH}
            else:
                dependents.tags |= {cachetags.page_tag(pk) for pk in below}
                dependents.tags |= {cachetags.own_tag(pk) for pk in below}
        return dependents

    invalidate(_safely(compute), changes.Kind.UPDATED)


def page_gone(sender, instance, **kwargs):
    """Unpublished: the page and everything below it leave every public surface. (Wagtail also
    says so of a live page it is about to delete, while the page is still live in the database.)"""
    if _paused():
        return
    deleting = getattr(instance, "_museumsite_deleting", False) or instance.live
    invalidate(
        _safely(lambda: page_dependents(instance, subtree=True, urls=_cdn())),
        changes.Kind.DELETED if deleting else changes.Kind.UNPUBLISHED,
        gone=deleting,
    )


def page_pre_delete(sender, instance, **kwargs):
    # Computed before the delete: afterwards its ancestors and addresses are gone.
    if _paused() or not isinstance(instance, Page):
        return
    instance._museumsite_deleting = True
    invalidate(
        _safely(lambda: page_dependents(instance, subtree=True, urls=_cdn())), changes.Kind.DELETED, gone=True
    )


def page_moving(sender, instance, **kwargs):
    """Before a move: the old addresses and the old listings."""
    if _paused():
        return
    invalidate(_safely(lambda: page_dependents(instance, subtree=True, urls=_cdn())))


def page_moved(sender, instance, **kwargs):
    if _paused():
        return
    page = Page.objects.get(pk=instance.pk)
    invalidate(_safely(lambda: page_dependents(page, subtree=True, urls=_cdn())), changes.Kind.MOVED)


def restriction_changed(sender, instance, **kwargs):
    if _paused() or not instance.page_id:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        invalidate(_safely(lambda: page_dependents(page, subtree=True, urls=_cdn())), changes.Kind.RESTRICTED)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        restriction_changed(sender, instance)


# --- everything else ---------------------------------------------------------------------------


def object_changed(sender, instance, raw=False, **kwargs):
    """Any save or delete: acted on for snippets, settings, images and documents (the snippet
    registry fills while the admin loads, so it is asked at each change, not at start)."""
    if raw or _paused() or isinstance(instance, Page) or not isinstance(instance, _non_page_models()):
        return
    if kwargs.get("created") and isinstance(instance, _setting_models()):
        # The settings row a first request creates holds the defaults that were shown already.
        return
    invalidate(_safely(lambda: object_dependents(instance, urls=_cdn())), changes.Kind.RELATED)


def site_changed(sender, instance, **kwargs):
    """A site's host name, port or root changed: every address may answer differently."""
    if not _paused():
        invalidate(Dependents(tags={cachetags.ALL, cachetags.EPOCH}))


@functools.cache
def _setting_models():
    return tuple(model for model in _all_models() if issubclass(model, BaseSiteSetting | BaseGenericSetting))


def _non_page_models():
    """Snippets, settings, images and documents: what pages show but is not a page."""
    models = set(get_snippet_models()) | {get_image_model(), get_document_model()} | set(_setting_models())
    return tuple(model for model in models if not issubclass(model, Page))


def _all_models():
    return apps.get_models()


def connect():
    """Connect the handlers (``CoreConfig.ready``)."""
    uid = "core_invalidation"
    for model in _all_models():
        if issubclass(model, Page):
            pre_save.connect(page_pre_save, sender=model, dispatch_uid=f"{uid}_pre_save_{model._meta.label}")
            page_published.connect(page_changed, sender=model, dispatch_uid=f"{uid}_pub_{model._meta.label}")
            page_unpublished.connect(page_gone, sender=model, dispatch_uid=f"{uid}_unpub_{model._meta.label}")
            pre_delete.connect(page_pre_delete, sender=model, dispatch_uid=f"{uid}_del_{model._meta.label}")
    pre_page_move.connect(page_moving, dispatch_uid=f"{uid}_pre_move")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}_post_move")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_pvr_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_pvr_deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid=f"{uid}_pvr_groups",
    )
    post_save.connect(object_changed, dispatch_uid=f"{uid}_object_saved")
    post_delete.connect(object_changed, dispatch_uid=f"{uid}_object_deleted")
    post_save.connect(site_changed, sender=Site, dispatch_uid=f"{uid}_site_saved")
    post_delete.connect(site_changed, sender=Site, dispatch_uid=f"{uid}_site_deleted")
