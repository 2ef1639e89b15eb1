"""Conventions every router of the public API follows (one way to build a route).

- Lists answer ``{"count", "next", "previous", "items"}`` through ``Pagination``; ``limit``
  (1..API_MAX_LIMIT) and ``offset`` page through them, ``next``/``previous`` are the absolute
  addresses of the neighbouring windows (``null`` at the ends). A limit over the maximum is a
  400 problem, never a silent cap. ``list_schema(ItemSchema)`` names the response schema.
- ``?locale=`` picks the language (``nl`` by default).
- Every page item carries ``id``, ``type``, ``title``, ``path`` (site-relative, for a front
  end's router), ``url`` (absolute, on ``PUBLIC_BASE_URL``), ``locale`` and
  ``last_published_at`` (``page_item``); routers extend ``PageItem`` with their own fields, and
  a detail is the item's fields plus the type's own, flat.
- A reference to another page is a ``PageRef`` (``page_ref``).
- Only what the public may see is listed: ``public_pages`` applies the one visibility rule.
- Errors: ``not_found(kind, id)`` for a missing detail, ``invalid(errors)`` for filters.
"""

import hashlib
import re
from datetime import date, datetime
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from pydantic import AfterValidator, BeforeValidator, Field, create_model
from wagtail.models import Locale, Page

from core import changes
from core.api.schema import Schema
from core.bounds import MAX_ID, out_of_range_reason, year_in_range
from core.cachetags import cached
from core.links import page_path, public_url
from core.visibility import Visibility

from .problems import ApiError, invalid

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
LocaleCode = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]


_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")


def _iso_only(value):
    """Dates and times are ISO 8601 (what the document says), not Unix timestamps: pydantic
    would read ``0.5`` as half a second after 1970."""
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("must be an ISO 8601 date or time (e.g. 2026-12-01 or 2026-12-01T09:00:00+01:00)")
    return value


def _in_range(value):
    """Years outside ``core.bounds`` are typos, and overflow date arithmetic and databases."""
    if not year_in_range(value):
        raise ValueError(out_of_range_reason())
    return value


# An id given as a query parameter (a path's ids are bounded by ``RejectNulMiddleware``).
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]

IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only), AfterValidator(_in_range)]
IsoDate = Annotated[date, BeforeValidator(_iso_only), AfterValidator(_in_range)]


class LocaleParams(Schema):
    locale: LocaleCode = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE, description="Language of the content: " + ", ".join(LANGUAGE_CODES) + "."
    )


class WindowParams(LocaleParams):
    limit: int = Field(
        settings.API_DEFAULT_LIMIT,
        ge=1,
        le=settings.API_MAX_LIMIT,
        description=f"How many items to return (at most {settings.API_MAX_LIMIT}).",
    )
    offset: int = Field(
        0,
        ge=0,
        le=settings.API_MAX_OFFSET,
        description=f"How many items to skip (at most {settings.API_MAX_OFFSET:,}).",
    )


class ListParams(WindowParams):
    modified_since: IsoDateTime | None = Field(
        None,
        description=(
            "Only items published, or changed through a page they show or a move, at or after this "
            "time (ISO 8601, e.g. `2026-12-01T09:00:00+01:00`; without an offset, Amsterdam time). "
            "Inclusive, to the microsecond: pass the time of your last sync minus a second or the "
            "newest `last_published_at` you hold. Removals are not listed: read them from "
            "`/api/v1/changes/`. Earlier than the change feed keeps: 410 (fetch everything)."
        ),
    )


class PageRef(Schema):
    """A link to another page."""

    id: int
    type: str = Field(description="The page type, e.g. 'museums.MuseumPage'.")
    title: str
    path: str | None = Field(description="The site-relative address (language prefix included).")
    url: str | None = Field(description="The absolute public address.")


class PageItem(PageRef):
    locale: str
    last_published_at: datetime | None


def page_ref(page, request=None):
    """A ``PageRef`` as a dict."""
    path = page_path(page, request)
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else page._meta.label,
        "title": page.title,
        "path": path,
        "url": public_url(path),
    }


def page_item(page, request=None):
    """The common fields of a page item, as a dict (routers add their own); the locale should be
    loaded with the page (``select_related("locale")``)."""
    return {
        **page_ref(page, request),
        "locale": page.locale.language_code,
        "last_published_at": page.last_published_at,
    }


def public_pages(model, locale_code):
    """Live, non-alias pages of ``model`` that the public may see, for readers of a language: its
    own pages and, in any language but the default, the default language's pages that have no
    translation in it yet (a reader of English still finds a museum described only in Dutch;
    each item says its ``locale``)."""
    public = Visibility.public()
    own = Q(locale__language_code=locale_code)
    if locale_code == settings.LANGUAGE_CODE:
        return public.listable(model.objects.filter(own))
    translated = public.listable(Page.objects.filter(own)).values("translation_key")
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(translation_key__in=translated)
    return public.listable(model.objects.filter(own | untranslated))


def list_schema(item_schema, name=None):
    """The response schema of a list of ``item_schema``: ``{count, next, previous, items}``."""
    return create_model(
        name or f"{item_schema.__name__}List",
        __base__=Schema,
        count=(int, Field(description="How many items match, in all windows.")),
        next=(str | None, Field(None, description="The address of the next window; null at the end.")),
        previous=(
            str | None,
            Field(None, description="The address of the previous window; null at the start."),
        ),
        items=(list[item_schema], ...),
    )


def kept_count(queryset, tags):
    """``queryset.count()``, kept in the cache until one of ``tags`` is bumped.

    The key is the count's SQL and its parameters, so two lists share a count only when they
    ask the same question; ``tags`` must name everything that changes the answer besides what
    the SQL says (for a list of pages: the tag of their type, which every publish, unpublish,
    move, delete and privacy change of one of them bumps, ``core.dependencies``). A question
    that names the moment (a ``now`` parameter) gets a key of its own each time: pass only
    querysets whose parameters are stable."""
    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.sha256(f"{queryset.db}\n{sql}\n{params!r}".encode()).hexdigest()[:32]
    return cached(f"api-count:{queryset.model._meta.label_lower}:{digest}", tags, queryset.count)


class Pagination:
    """One window of a list, the same for every list of the API.

    ``count_tags``: keep the list's count (``kept_count``) under these tags, for lists whose
    count must read every matching row (thousands of exhibitions) and whose questions do not
    follow the clock. Without them, or with ``modified_since``, the count is asked every time.
    """

    def __init__(self, request, params, *, count_tags=None):
        self.request = request
        self.limit = params.limit
        self.offset = params.offset
        self.modified_since = getattr(params, "modified_since", None)
        self.count_tags = count_tags

    def count(self, items):
        """How many ``items`` (a queryset, a list, or anything with ``count()``) there are."""
        if isinstance(items, list) or not hasattr(items, "count"):
            return len(items)
        queryset = getattr(items, "queryset", items)
        if self.count_tags and self.modified_since is None and hasattr(queryset, "query"):
            return kept_count(queryset, self.count_tags)
        return items.count()

    def since(self, items):
        """``items`` (a queryset, or anything with ``model`` and ``filter``) narrowed to
        ``modified_since`` (see ``ListParams``); unchanged without it."""
        if self.modified_since is None:
            return items
        return modified_since(items, self.modified_since)

    def _link(self, offset):
        query = self.request.GET.copy()
        query["offset"] = str(offset)
        query["limit"] = str(self.limit)
        return public_url(self.request.path) + "?" + query.urlencode()

    def window(self, items, count):
        """The window's objects of ``items`` (``count`` long).

        A window in the second half of a list totally ordered in SQL (its last sort key is the
        primary key) is read from the end: the same rows as ``ORDER BY ... OFFSET`` from the
        start, found by sorting past ``count - offset`` rows instead of ``offset``. Offset 40,000
        of 50,000 exhibitions then sorts 10,000 rows, not 40,000."""
        start, stop = self.offset, min(self.offset + self.limit, count)
        if start >= stop:
            return []
        if count - stop < start and _totally_ordered(items):
            return list(items.reverse()[count - stop : count - start])[::-1]
        return list(items[start:stop])

    def respond(self, items, serialize, count=None):
        """``{"count", "next", "previous", "items"}`` for ``items`` (a queryset or a list);
        ``serialize`` maps each object of the window to a dict."""
        items = self.since(items)
        if count is None:
            count = self.count(items)
        window = self.window(items, count)
        following = self.offset + self.limit
        return {
            "count": count,
            "next": self._link(following) if following < count else None,
            "previous": self._link(max(0, self.offset - self.limit)) if self.offset > 0 else None,
            "items": [serialize(obj) for obj in window],
        }

    def respond_cached(self, queryset, item_cache, count=None):
        """``respond`` for a queryset whose items ``item_cache`` keeps (``core.itemcache``)."""
        queryset = self.since(queryset)
        if count is None:
            count = self.count(queryset)
        rows = self.window(item_cache.window(queryset), count) if self.offset < count else []
        following = self.offset + self.limit
        return {
            "count": count,
            "next": self._link(following) if following < count else None,
            "previous": self._link(max(0, self.offset - self.limit)) if self.offset > 0 else None,
            "items": item_cache.items(rows, self.request),
        }


_PRIMARY_KEYS = {"pk", "-pk", "id", "-id"}


def _totally_ordered(items):
    """Whether ``items`` can be read backwards exactly: a queryset (or a wrapper offering
    ``reverse()`` and ``queryset``) explicitly ordered with the primary key last, so that no two
    rows tie and the reversed order is the exact mirror (NULLs included, on both databases)."""
    queryset = getattr(items, "queryset", items)
    query = getattr(queryset, "query", None)
    if query is None or not hasattr(items, "reverse") or not query.order_by or query.distinct_fields:
        return False
    last = query.order_by[-1]
    return isinstance(last, str) and (
        last in _PRIMARY_KEYS or last.lstrip("-") == queryset.model._meta.pk.attname
    )


class LoadedWindows:
    """A queryset whose windows arrive with their related rows: ``Pagination`` counts, filters
    and slices it as usual, and ``load(window)`` fills in what the items need in bulk, so a list
    runs the same number of queries whatever its length."""

    def __init__(self, queryset, load):
        self.queryset = queryset
        self.load = load
        self.model = queryset.model

    def filter(self, *args, **kwargs):
        return LoadedWindows(self.queryset.filter(*args, **kwargs), self.load)

    def count(self):
        return self.queryset.count()

    def __getitem__(self, window):
        items = list(self.queryset[window])
        self.load(items)
        return items


def _page_prefix(model):
    """How ``model`` reaches its page: ``""`` for a page, ``"event__"`` for a row that belongs
    to one (an occurrence), ``None`` for neither."""
    if issubclass(model, Page):
        return ""
    for field in model._meta.get_fields():
        if (
            field.many_to_one
            and field.concrete
            and field.related_model
            and issubclass(field.related_model, Page)
        ):
            return f"{field.name}__"
    return None


def modified_since(items, since):
    """``items`` published or recorded as changed at or after ``since`` (``core.changes``);
    snippets by their ``updated_at``."""
    if timezone.is_naive(since):
        since = timezone.make_aware(since)
    if not year_in_range(since):
        raise invalid([{"name": "modified_since", "reason": out_of_range_reason()}])
    prefix = _page_prefix(items.model)
    if prefix is None:
        if not any(field.name == "updated_at" for field in items.model._meta.get_fields()):
            raise invalid([{"name": "modified_since", "reason": "this list has no modification times"}])
        return items.filter(updated_at__gte=since)
    try:
        return items.filter(changes.changed_since_q(since, prefix))
    except changes.TooOld:
        raise ApiError(
            410,
            "modified_since is earlier than the changes this server keeps: fetch the whole list again "
            "(without modified_since), then follow /api/v1/changes/.",
            [{"name": "modified_since", "reason": "earlier than the change feed keeps"}],
        ) from None


def paginate(request, items, params, serialize, count=None, *, count_tags=None):
    """Shorthand for ``Pagination(request, params, count_tags=...).respond(items, serialize, count)``."""
    return Pagination(request, params, count_tags=count_tags).respond(items, serialize, count)


def get_locale(code):
    """The ``Locale`` of a language code that ``LocaleParams`` has validated; the default
    locale when the language has no ``Locale`` row yet (a language just added to ``LANGUAGES``
    has no pages either: its lists are empty, never a 500)."""
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()
