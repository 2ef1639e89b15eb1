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

from datetime import datetime
from typing import Literal

from django.conf import settings
from ninja import Schema
from pydantic import Field, create_model
from wagtail.models import Locale

from core.links import page_path, public_url
from core.visibility import Visibility

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
LocaleCode = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]


class LocaleParams(Schema):
    locale: LocaleCode = Field(  # type: ignore[valid-type]
        settings.LANGUAGE_CODE, description="Language of the content: " + ", ".join(LANGUAGE_CODES) + "."
    )


class ListParams(LocaleParams):
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
    """Live, non-alias pages of ``model`` in a language that the public may see."""
    return Visibility.public().listable(model.objects.filter(locale__language_code=locale_code))


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


class Pagination:
    """One window of a list, the same for every list of the API."""

    def __init__(self, request, params):
        self.request = request
        self.limit = params.limit
        self.offset = params.offset

    def _link(self, offset):
        query = self.request.GET.copy()
        query["offset"] = str(offset)
        query["limit"] = str(self.limit)
        return public_url(self.request.path) + "?" + query.urlencode()

    def respond(self, items, serialize, count=None):
        """``{"count", "next", "previous", "items"}`` for ``items`` (a queryset or a list);
        ``serialize`` maps each object of the window to a dict."""
        if count is None:
            count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
        window = list(items[self.offset : self.offset + self.limit]) if self.offset < count else []
        following = self.offset + self.limit
        return {
            "count": count,
            "next": self._link(following) if following < count else None,
            "previous": self._link(max(0, self.offset - self.limit)) if self.offset > 0 else None,
            "items": [serialize(obj) for obj in window],
        }

    def respond_cached(self, queryset, item_cache, count=None):
        """``respond`` for a queryset whose items ``item_cache`` keeps (``core.itemcache``)."""
        if count is None:
            count = queryset.count()
        rows = []
        if self.offset < count:
            window = item_cache.window(queryset)
            rows = list(window[self.offset : self.offset + self.limit])
        following = self.offset + self.limit
        return {
            "count": count,
            "next": self._link(following) if following < count else None,
            "previous": self._link(max(0, self.offset - self.limit)) if self.offset > 0 else None,
            "items": item_cache.items(rows, self.request),
        }


def paginate(request, items, params, serialize, count=None):
    """Shorthand for ``Pagination(request, params).respond(items, serialize, count)``."""
    return Pagination(request, params).respond(items, serialize, count)


def get_locale(code):
    """The ``Locale`` of a language code that ``LocaleParams`` has validated."""
    return Locale.objects.get(language_code=code)
