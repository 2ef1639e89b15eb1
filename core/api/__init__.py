"""The core's part of the public API and the conventions every router follows.

``router`` holds ``/themes/`` (the five sector themes that tag almost everything),
``/pages/resolve/`` and ``/pages/<id>/`` (see ``pages``) and ``/changes/`` (see ``changes``); ``conventions``, ``problems`` and ``middleware`` are
what every app's router uses.
"""

from datetime import datetime

from ninja import Query, Router
from pydantic import Field

from core.api.schema import Schema
from core.models import Theme

from .changes import router as changes_router
from .conventions import ListParams, Pagination, list_schema
from .pages import router as pages_router
from .preview import router as preview_router
from .problems import Problem
from .site import router as site_router

router = Router()
taxonomy = Router(tags=["taxonomy"])
router.add_router("/pages/", pages_router)
router.add_router("/", taxonomy)
router.add_router("/", changes_router)
router.add_router("/", preview_router)
router.add_router("/", site_router)


class ThemeItem(Schema):
    id: int
    type: str = Field("theme", description="Always 'theme'.")
    title: str
    slug: str = Field(description="Use this value in other endpoints' `theme` filter.")
    description: str
    path: str | None = Field(description="Themes have no page of their own: always null.")
    url: str | None = Field(description="Themes have no page of their own: always null.")
    locale: str
    last_published_at: datetime | None = Field(description="When the theme last changed.")


ThemeList = list_schema(ThemeItem)


@taxonomy.get("/themes/", response={200: ThemeList, 400: Problem}, summary="The sector themes")
def list_themes(request, params: Query[ListParams]):
    queryset = Theme.objects.filter(locale__language_code=params.locale).select_related("locale")
    return Pagination(request, params).respond(
        queryset,
        lambda theme: {
            "id": theme.pk,
            "title": theme.name,
            "slug": theme.slug,
            "description": theme.description,
            "path": None,
            "url": None,
            "locale": theme.locale.language_code,
            "last_published_at": theme.updated_at,
        },
    )
