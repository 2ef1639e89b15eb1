"""``/api/v1/awards/`` and ``/api/v1/award-editions/``: awards, their editions and nominations.

Built on the API conventions (``core.api``): lists through ``Pagination`` and ``list_schema``,
details flat (the item's fields plus the type's own), references as ``PageRef``, errors as
problems. Only what the public may see is listed (``Visibility.public()``).

``MuseumNomination`` types the "nominations" section that this app adds to the museum API
(registered in ``AwardsConfig.ready()``, see docs/awards.md).
"""

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from ninja import Query, Router
from pydantic import Field

from core.api.conventions import (
    ListParams,
    LoadedWindows,
    ObjectId,
    PageItem,
    PageRef,
    Pagination,
    list_schema,
    page_item,
    public_pages,
)
from core.api.problems import Problem, invalid, not_found
from core.api.schema import Schema
from core.tree import with_parent_path
from core.visibility import Visibility

from . import queries, timeline
from .choices import Cycle, Phase, Stage
from .filters import EditionFilter
from .models import AwardEditionPage, AwardPage
from .serializers import award_data, award_item, edition_data, edition_item

router = Router(tags=["awards"])


# --- schemas ---------------------------------------------------------------------------


def _api_enum(name, choices, doc):
    """``choices`` as an enum named for the API (schema names are unique across the document)."""
    enum = StrEnum(name, [(member.name, member.value) for member in choices])
    enum.__doc__ = doc
    return enum


AwardCycle = _api_enum("AwardCycle", Cycle, "How often an award is presented.")
AwardStage = _api_enum(
    "AwardStage", Stage, "How far a museum got in an edition; each stage includes the ones before it."
)
AwardPhase = _api_enum("AwardPhase", Phase, "Where an award edition stands on its timeline.")
StepKey = Literal[tuple(key for key, *_rest in timeline.STEP_DEFINITIONS)]  # type: ignore[valid-type]
StepStatus = Literal[timeline.DONE, timeline.CURRENT, timeline.UPCOMING, timeline.UNKNOWN]


class AwardOrganisation(Schema):
    name: str
    kind: str
    website: str


class AwardEditionSummary(PageRef):
    year: int
    theme: str
    phase: AwardPhase | None = Field(None, description="Where the edition stands (current edition only).")
    winner: PageRef | None = Field(description="The winning museum, when known and published.")
    is_demo: bool = Field(description="True when the edition holds invented demo data.")


class AwardNomination(Schema):
    museum: PageRef
    stage: AwardStage = Field(
        description="The stage reached; a winner was also a nominee and on the longlist."
    )
    stage_label: str
    votes: int | None = Field(description="Public votes, when published.")
    vote_share: Decimal | None = Field(description="Published share of the votes in percent.")
    display_share: Decimal | None = Field(description="The published share, or one computed from the votes.")
    project_title: str
    motivation: str


class AwardTimelineStep(Schema):
    key: StepKey  # type: ignore[valid-type]
    label: str
    start: dt.date | None
    end: dt.date | None
    status: StepStatus = Field(description="done, current, upcoming or unknown (no date).")


class AwardTimeline(Schema):
    phase: AwardPhase = Field(description="Where the edition is now.")
    phase_label: str
    next_step: StepKey | None = Field(description="The key of the next step, if any.")  # type: ignore[valid-type]
    steps: list[AwardTimelineStep]


class AwardCeremony(Schema):
    date: dt.date | None
    place: str
    event: PageRef | None = Field(description="The agenda event of the ceremony, when published.")


class AwardJuryMember(Schema):
    name: str
    role: str
    is_chair: bool


class AwardItem(PageItem):
    cycle: AwardCycle
    intro: str
    prize_description: str
    current_edition: AwardEditionSummary | None = Field(description="The newest published edition.")


class AwardDetail(AwardItem):
    first_year: int | None
    website: str
    criteria: str = Field(description="HTML.")
    organisers: list[AwardOrganisation]
    partners: list[AwardOrganisation]
    editions: list[AwardEditionSummary] = Field(description="Published editions, newest first.")


class AwardEditionItem(PageItem):
    award: PageRef | None
    year: int
    theme: str
    phase: AwardPhase
    prize_amount: int | None = Field(description="Prize money in euros.")
    winner: PageRef | None
    is_demo: bool


class AwardEditionDetail(AwardEditionItem):
    theme_description: str
    prize_description: str
    entries_count: int | None = Field(description="How many museums applied.")
    longlist_size: int | None
    timeline: AwardTimeline
    ceremony: AwardCeremony
    jury: list[AwardJuryMember]
    jury_report: str = Field(description="HTML.")
    nominations: list[AwardNomination] = Field(description="Best first: winner, nominees by votes, longlist.")


AwardItemList = list_schema(AwardItem)
AwardEditionItemList = list_schema(AwardEditionItem)


class AwardEditionParams(ListParams):
    award: ObjectId | None = Field(None, description="Only editions of this award (an award id).")
    year: int | None = Field(None, ge=1900, le=2100, description="Only editions of this year.")
    museum: ObjectId | None = Field(
        None, description="Only editions in which this museum (page id) took part."
    )
    stage: AwardStage | None = Field(
        None,
        description="Only editions with a nomination that reached at least this stage; with `museum`, "
        "that museum's nomination.",
    )


class MuseumNomination(Schema):
    """A museum's nomination or win, as the museum detail shows it (its ``nominations``)."""

    award: PageRef
    edition: PageRef
    year: int
    theme: str
    stage: AwardStage
    stage_label: str
    votes: int | None = Field(description="Public votes, when published.")
    vote_share: Decimal | None = Field(description="Published share of the votes in percent.")


# --- awards ----------------------------------------------------------------------------


@router.get(
    "/awards/",
    response={200: AwardItemList, 400: Problem, 410: Problem},
    summary="Awards",
    description="Published awards with their newest edition.",
)
def list_awards(request, params: Query[ListParams]):
    visibility = Visibility.public()
    queryset = public_pages(AwardPage, params.locale).select_related("locale").order_by("path")

    def load(awards):
        current = queries.current_editions(awards, visibility)
        for award in awards:
            award.current_edition = current.get(award.path)

    return Pagination(request, params).respond(
        LoadedWindows(queryset, load), lambda award: award_item(award, request, award.current_edition)
    )


@router.get(
    "/awards/{award_id}/", response={200: AwardDetail, 404: Problem}, summary="An award with its editions"
)
def get_award(request, award_id: int):
    award = (
        Visibility.public().listable(AwardPage.objects.filter(pk=award_id)).select_related("locale").first()
    )
    if award is None:
        raise not_found("award", award_id)
    return {**page_item(award, request), **award_data(award, request)}


# --- editions --------------------------------------------------------------------------


@router.get(
    "/award-editions/",
    response={200: AwardEditionItemList, 400: Problem, 410: Problem},
    summary="Award editions",
    description="Published editions, newest first; filter by `award`, `year`, `museum` and `stage` "
    "(combine them freely).",
)
def list_editions(request, params: Query[AwardEditionParams]):
    visibility = Visibility.public()
    data = {
        key: str(getattr(params, key))
        for key in ("award", "year", "museum", "stage")
        if getattr(params, key) is not None
    }
    filterset = EditionFilter(data, queryset=public_pages(AwardEditionPage, params.locale))
    if not filterset.is_valid():
        raise invalid(filterset.errors)
    queryset = with_parent_path(filterset.qs).select_related("locale").order_by("-year", "-pk")

    def load(editions):
        queries.with_nominations(editions, visibility)
        awards = queries.awards_at([edition.parent_path for edition in editions], visibility)
        for edition in editions:
            edition.parent_award = awards.get(edition.parent_path)

    return Pagination(request, params).respond(
        LoadedWindows(queryset, load), lambda edition: edition_item(edition, request, edition.parent_award)
    )


@router.get(
    "/award-editions/{edition_id}/",
    response={200: AwardEditionDetail, 404: Problem},
    summary="An award edition with its timeline and nominations",
)
def get_edition(request, edition_id: int):
    edition = (
        Visibility.public()
        .listable(AwardEditionPage.objects.filter(pk=edition_id))
        .select_related("locale")
        .first()
    )
    if edition is None:
        raise not_found("award edition", edition_id)
    return {**page_item(edition, request), **edition_data(edition, request)}
