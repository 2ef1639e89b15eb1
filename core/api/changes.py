"""``/api/v1/changes/``: the change feed a client replays to keep an offline copy in step.

A client fetches everything once (every list, and ``/api/v1/pages/<id>/`` for what it keeps),
having first read ``latest_cursor`` here; from then on it asks for the changes after its cursor:
``upsert`` means fetch ``detail`` again (a 404 there means the page left since: drop it),
``remove`` means drop the item. Replaying the same change twice is harmless. See ``core.changes``.
"""

from datetime import datetime
from typing import Literal

from django.apps import apps
from django.conf import settings
from ninja import Query, Router
from pydantic import Field

from core import changes
from core.api.schema import Schema
from core.dependencies import API_ROOT, api_routes
from core.links import public_url
from core.models import Change

from .conventions import LocaleCode
from .problems import ApiError, Problem, invalid

router = Router(tags=["sync"])

MAX_CURSOR = 2**62


def page_types():
    """The page types the feed reports, by model label (``agenda.EventPage``)."""
    return sorted(apps.get_model(label)._meta.label for label in api_routes())


class ChangeParams(Schema):
    cursor: int | None = Field(
        None,
        ge=0,
        le=MAX_CURSOR,
        description=(
            "The `next_cursor` of your last call. Without it the answer holds no changes and "
            "`next_cursor` is where to start after a full fetch."
        ),
    )
    limit: int = Field(
        settings.API_MAX_LIMIT, ge=1, le=settings.API_MAX_LIMIT, description="How many changes at most."
    )
    type: str | None = Field(
        None, max_length=100, description="Only this page type, e.g. `agenda.EventPage`."
    )
    locale: LocaleCode | None = Field(None, description="Only this language (all languages by default).")  # type: ignore[valid-type]


class ChangeItem(Schema):
    cursor: int = Field(description="This change's position; increases with every change.")
    at: datetime = Field(description="When the change was committed.")
    kind: Literal[tuple(Change.Kind.values)] = Field(  # type: ignore[valid-type]
        description=(
            "What happened: created, translated, updated, moved (new path), related (a page it "
            "shows changed), unpublished, deleted, restricted (its privacy changed)."
        )
    )
    action: Literal["upsert", "remove"] = Field(
        description="`upsert`: fetch `detail` again and keep it. `remove`: drop the item."
    )
    type: str = Field(description="The page type, e.g. `agenda.EventPage`.")
    id: int
    locale: str
    path: str | None = Field(description="The page's site path after the change (null for removals).")
    detail: str | None = Field(
        description="Where to fetch the page (`/api/v1/pages/<id>/`); null for removals."
    )


class ChangeFeed(Schema):
    items: list[ChangeItem]
    next_cursor: int = Field(description="Pass this as `cursor` next time.")
    has_more: bool = Field(description="More changes follow at once: call again with `next_cursor`.")
    latest_cursor: int = Field(description="The newest change's cursor when this answer was made.")


def _item(row):
    upsert = row.action == Change.Action.UPSERT
    return {
        "cursor": row.pk,
        "at": row.at,
        "kind": row.kind,
        "action": row.action,
        "type": row.page_type,
        "id": row.object_id,
        "locale": row.locale,
        "path": (row.path or None) if upsert else None,
        "detail": public_url(f"{API_ROOT}pages/{row.object_id}/") if upsert else None,
    }


@router.get(
    "/changes/",
    response={200: ChangeFeed, 400: Problem, 410: Problem},
    summary="Changes since a cursor (sync)",
    description=(
        "Every change a public client may see, in the order it was committed: pages created, "
        "updated, translated, moved, unpublished, deleted or made members-only, of every type and "
        f"language. Changes are kept {settings.CHANGES_RETENTION_DAYS} days (`CHANGES_RETENTION_DAYS`); "
        "a cursor older than that, or newer than any change (a restored database), answers 410: "
        "fetch everything again and continue from `latest_cursor`."
    ),
)
def list_changes(request, params: Query[ChangeParams]):
    if params.type is not None:
        known = {label.lower(): label for label in page_types()}
        if params.type.lower() not in known:
            raise invalid([{"name": "type", "reason": "must be one of " + ", ".join(sorted(known.values()))}])
        params.type = known[params.type.lower()]
    if params.cursor is None:
        newest = changes.latest()
        return {"items": [], "next_cursor": newest, "has_more": False, "latest_cursor": newest}
    try:
        rows, next_cursor, has_more, newest = changes.window(
            params.cursor, limit=params.limit, page_type=params.type, locale=params.locale
        )
    except changes.TooOld:
        raise ApiError(
            410,
            f"Cursor {params.cursor} cannot be replayed: changes before cursor {changes.state().horizon} "
            "are no longer kept, or the cursor is newer than any change. Fetch every list again, "
            "then continue from the latest_cursor of a call without cursor.",
            [{"name": "cursor", "reason": "too old to replay (or unknown): resync"}],
        ) from None
    return {
        "items": [_item(row) for row in rows],
        "next_cursor": next_cursor,
        "has_more": has_more,
        "latest_cursor": newest,
    }
