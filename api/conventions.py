"""Conventions every router of the public API follows.

- Lists answer ``{"count": N, "items": [...]}``; ``limit`` (1..API_MAX_LIMIT) and ``offset``
  page through them. A limit over the maximum is a 400 problem, never a silent cap.
- ``?locale=`` picks the language (``nl`` by default).
- Every page item carries ``id``, ``type``, ``title``, ``url``, ``locale`` and
  ``last_published_at``; routers extend ``PageItem`` with their own fields.
- Only live, public pages are ever listed (``public_pages``).
"""

from datetime import datetime
from typing import Literal

from django.conf import settings
from ninja import Schema
from pydantic import Field
from wagtail.models import Locale

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


class PageItem(Schema):
    id: int
    type: str = Field(description="The page type, e.g. 'home.StandardPage'.")
    title: str
    url: str | None = Field(description="The public address of the page.")
    locale: str
    last_published_at: datetime | None


def get_locale(code):
    return Locale.objects.get(language_code=code)


def public_pages(model, locale_code):
    """Live, public, non-alias pages of ``model`` in a language: what any list may show."""
    return model.objects.live().public().filter(locale__language_code=locale_code, alias_of__isnull=True)


def page_item(page, request=None):
    """The common fields of a page item, as a dict (routers add their own)."""
    return {
        "id": page.pk,
        "type": page._meta.label,
        "title": page.title,
        "url": page.get_full_url(request) if request is not None else page.url,
        "locale": page.locale.language_code,
        "last_published_at": page.last_published_at,
    }


def paginate(queryset, params, serialize):
    """``{"count", "items"}`` for one window of ``queryset``; ``serialize`` maps each object."""
    count = queryset.count()
    window = list(queryset[params.offset : params.offset + params.limit])
    return {"count": count, "items": [serialize(obj) for obj in window]}
