"""``/api/v1/preview/?token=...``: a draft for the front end's preview (see ``core.preview``)."""

from ninja import Query, Router
from pydantic import Field

from core import preview
from core.api.schema import Schema

from .pages import PageDetail, page_detail
from .problems import ApiError, Problem

router = Router(tags=["pages"])


class PreviewParams(Schema):
    token: str = Field(
        min_length=1,
        max_length=500,
        pattern="^[A-Za-z0-9_:.-]+$",
        description="The token the preview address carries.",
    )


@router.get(
    "/preview/",
    response={200: PageDetail, 400: Problem, 401: Problem, 403: Problem, 404: Problem},
    summary="A draft, for the front end's preview",
    description=(
        "The draft an editor is previewing, in the shape of `/pages/{id}/`. The token comes with the "
        "preview address Wagtail opens; it expires after `PREVIEW_TOKEN_SECONDS` (401), a token not "
        "made by this server is a 403, a draft no longer available a 404. Never cached, `noindex`."
    ),
)
def get_preview(request, params: Query[PreviewParams]):
    try:
        page = preview.load(params.token)
    except preview.Expired:
        raise ApiError(
            401, "This preview link has expired: open the preview from the editor again."
        ) from None
    except preview.Forged:
        raise ApiError(403, "This preview token is not valid.") from None
    except LookupError as error:
        raise ApiError(404, f"Nothing to preview: {error}.") from None
    return page_detail(page, request)
