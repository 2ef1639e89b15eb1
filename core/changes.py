"""The change feed: every change a public API client may see, in commit order, for sync.

The signals that invalidate the caches (``core.invalidation``) hand each change's dependents to
``record``, inside the transaction of the change itself (editor actions in the admin run in one
transaction: ``core.middleware.AtomicEditsMiddleware``), so a change is recorded exactly when it
is committed. For every page the change touched that has an API type (``register_api``) a row
says what a client should do:

- ``upsert``: fetch the page again (``/api/v1/pages/<id>/``): it was created, published again,
  translated, moved (new ``path``), unrestricted, or a page it shows changed (``related``);
- ``remove``: drop it: unpublished, deleted, made members-only, or under a section that was.

Which one is decided by the page's state *after* the change and the one visibility rule
(``Visibility``), never by the kind of event, so a sequence of edits always ends in the state a
fresh fetch shows.

The row id is the cursor. On PostgreSQL a transaction-level advisory lock serialises the writers
between their first row and their commit, so ids become visible in increasing order (a reader that
has seen id N never later finds a smaller id committed); SQLite has one writer at a time anyway.
Rows older than ``CHANGES_RETENTION_DAYS`` are pruned; a cursor before the oldest kept row, or
from a database restored to an earlier state, cannot be replayed (410: fetch everything again).
Bulk loads record nothing and move the horizon forward (``reset``) for the same reason.
"""

import contextlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page

from core.dependencies import api_routes
from core.links import page_path
from core.models import Change, ChangeFeedState
from core.visibility import Visibility

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key for the writers of the feed ("museumsite changes").
LOCK_KEY = 0x6D736368
BATCH = 1000
CHUNK = 500  # ids per query (SQLite limits the parameters of one statement)

Kind = Change.Kind
Action = Change.Action
PUBLISHING = (Kind.CREATED, Kind.UPDATED, Kind.TRANSLATED)


def _lock():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def _published_kind(page):
    if (
        page.first_published_at
        and page.last_published_at
        and page.first_published_at == page.last_published_at
    ):
        others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        return (
            Kind.TRANSLATED
            if others.filter(first_published_at__lt=page.first_published_at).exists()
            else Kind.CREATED
        )
    return Kind.UPDATED


def record(members, related=(), kind=Kind.UPDATED, *, gone=False):
    """Record the change of the pages ``members`` (ids; ``kind`` is what happened to them) and
    of ``related`` (pages that show one of them). ``gone``: the members are being deleted.

    A page that is not public after the change is recorded as a removal, except a page that was
    only just published somewhere the public cannot see and was never announced (nothing to
    remove, and its existence is nobody's business)."""
    members = set(members)
    related = set(related) - members
    routes = api_routes()
    if not routes or not (members or related):
        return 0
    ids = sorted(members | related)
    pages, visible = [], set()
    visibility = Visibility.current_public()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = [
            page
            for page in Page.objects.filter(pk__in=chunk, alias_of__isnull=True).select_related(
                "content_type", "locale"
            )
            if page.content_type.model_class() is not None
            and page.content_type.model_class()._meta.label_lower in routes
        ]
        pages += found
        visible |= set(
            visibility.listable(Page.objects.filter(pk__in=[p.pk for p in found])).values_list(
                "pk", flat=True
            )
        )
    if not pages:
        return 0
    pages.sort(key=lambda page: page.path)
    hidden = {p.pk for p in pages if p.pk in members and (p.pk not in visible or gone)}
    may_be_held = _may_be_held(hidden, publishing=kind in PUBLISHING)
    now = timezone.now()
    rows = []
    for page in pages:
        is_member = page.pk in members
        public = page.pk in visible and not (gone and is_member)
        if not public and (not is_member or page.pk not in may_be_held):
            # A page nobody could hold: a removal would only tell its id.
            continue
        this_kind = kind if is_member else Kind.RELATED
        if is_member and kind == Kind.UPDATED and public:
            this_kind = _published_kind(page)
        rows.append(
            Change(
                at=now,
                kind=this_kind,
                action=Action.UPSERT if public else Action.REMOVE,
                page_type=page.content_type.model_class()._meta.label,
                object_id=page.pk,
                locale=page.locale.language_code,
                path=(page_path(page) or "") if public else "",
            )
        )
    if not rows:
        return 0
    with transaction.atomic():
        _lock()
        Change.objects.bulk_create(rows, batch_size=BATCH)
    _prune_now_and_then(now)
    return len(rows)


def _may_be_held(ids, *, publishing):
    """Of the pages ``ids`` that are not public now, those a client may hold: announced (their
    latest row is an upsert), or, unless the change is a publication (which cannot hide a page
    that was public), published once and never recorded (public since before the feed began)."""
    if not ids:
        return set()
    ids = sorted(ids)
    latest = {}
    held = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = Change.objects.filter(object_id__in=chunk).order_by("id").values_list("object_id", "action")
        for object_id, action in rows:
            latest[object_id] = action
        if not publishing:
            unrecorded = set(chunk) - set(latest)
            held |= set(
                Page.objects.filter(pk__in=unrecorded, first_published_at__isnull=False).values_list(
                    "pk", flat=True
                )
            )
    held |= {object_id for object_id, action in latest.items() if action == Action.UPSERT}
    return held


# --- the horizon ------------------------------------------------------------------------------


def state():
    """The feed's state row (created on first use)."""
    return ChangeFeedState.objects.get_or_create(pk=1)[0]


def latest():
    """The newest cursor (0 when nothing was ever recorded)."""
    return Change.objects.aggregate(latest=Max("id"))["latest"] or max(state().horizon, 0)


def reset():
    """Nothing before now can be replayed (after a bulk load that recorded nothing)."""
    with transaction.atomic():
        _lock()
        current = Change.objects.aggregate(latest=Max("id"))["latest"] or 0
        ChangeFeedState.objects.update_or_create(
            pk=1, defaults={"horizon": max(current, state().horizon), "horizon_at": timezone.now()}
        )


def prune(now=None):
    """Delete rows older than the retention period; returns how many went."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CHANGES_RETENTION_DAYS)
    with transaction.atomic():
        _lock()
        newest_old = Change.objects.filter(at__lt=cutoff).aggregate(newest=Max("id"))["newest"]
        if newest_old is None:
            return 0
        deleted, _ = Change.objects.filter(id__lte=newest_old).delete()
        current = state()
        current.horizon = max(current.horizon, newest_old)
        current.horizon_at = cutoff if current.horizon_at is None else max(current.horizon_at, cutoff)
        current.save()
    return deleted


def _prune_now_and_then(now):
    """Prune when the oldest row is a day past the retention (so deletes come in daily batches)."""
    oldest = Change.objects.order_by("id").values_list("at", flat=True).first()
    if oldest is not None and oldest < now - timedelta(days=settings.CHANGES_RETENTION_DAYS + 1):
        with contextlib.suppress(Exception):
            prune(now)


# --- reading ----------------------------------------------------------------------------------


class TooOld(Exception):
    """The cursor or time is before what the feed keeps (or after what it has: a restore)."""


def window(cursor, *, limit, page_type=None, locale=None):
    """``(rows, next_cursor, has_more, latest)`` after ``cursor``."""
    current = state()
    newest = latest()
    if cursor < current.horizon or cursor > newest:
        raise TooOld
    rows = Change.objects.filter(id__gt=cursor, id__lte=newest)
    if page_type:
        rows = rows.filter(page_type=page_type)
    if locale:
        rows = rows.filter(locale=locale)
    rows = list(rows.order_by("id")[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1].pk if has_more else newest
    return rows, next_cursor, has_more, newest


def changed_since_q(since, prefix=""):
    """A ``Q`` for pages (at ``prefix``) published, or recorded as changed, at or after ``since``.

    Raises ``TooOld`` when ``since`` is before what the feed keeps (changes of pages shown by
    others or moves would be missed)."""
    horizon_at = state().horizon_at
    if horizon_at is not None and since < horizon_at:
        raise TooOld
    recorded = Change.objects.filter(at__gte=since, action=Action.UPSERT).values("object_id")
    return Q(**{f"{prefix}last_published_at__gte": since}) | Q(**{f"{prefix}pk__in": recorded})
