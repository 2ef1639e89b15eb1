"""``/api/v1/themes/``: the five sector themes that tag almost everything."""

from datetime import datetime

from ninja import Query, Router, Schema
from pydantic import Field

from api.conventions import ListParams
from api.errors import Problem

from .models import Theme

router = Router(tags=["taxonomy"])


class ThemeItem(Schema):
    id: int
    type: str = Field("theme", description="Always 'theme'.")
    title: str
    slug: str = Field(description="Use this value in other endpoints' `theme` filter.")
    description: str
    url: str | None = Field(description="Themes have no page of their own: always null.")
    locale: str
    last_published_at: datetime | None = Field(description="When the theme last changed.")


class ThemeList(Schema):
    count: int
    items: list[ThemeItem]


@router.get("/themes/", response={200: ThemeList, 400: Problem}, summary="The sector themes")
def list_themes(request, params: Query[ListParams]):
    queryset = Theme.objects.filter(locale__language_code=params.locale).select_related("locale")
    count = queryset.count()
    items = [
        {
            "id": theme.pk,
            "title": theme.name,
            "slug": theme.slug,
            "description": theme.description,
            "url": None,
            "locale": theme.locale.language_code,
            "last_published_at": theme.updated_at,
        }
        for theme in queryset[params.offset : params.offset + params.limit]
    ]
    return {"count": count, "items": items}
