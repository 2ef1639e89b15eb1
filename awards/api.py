"""``/api/v1/awards/`` and ``/api/v1/award-editions/``: awards, their editions and nominations.

``MuseumNomination`` and ``museum_nominations_api`` let the museum detail endpoint include a
museum's nominations (see docs/awards.md).
"""

import datetime as dt
from decimal import Decimal

from ninja import Query, Router, Schema
from pydantic import Field

from core.api.conventions import ListParams, PageItem, page_item, public_pages
from core.api.problems import ApiError, Problem

from .choices import Cycle, Phase, Stage
from .filters import EditionFilter
from .models import AwardEditionPage, AwardPage
from .queries import (
    award_detail,
    edition_detail,
    edition_state,
    nominations_by_edition,
    nominations_for_museum,
    public_q,
    restricted_paths,
    with_parent_path,
)
from .serializers import (
    award_data,
    edition_data,
    edition_summary,
    museum_nomination_data,
    nomination_data,
    page_ref,
)

router = Router(tags=["awards"])

# --- schemas ---------------------------------------------------------------------------


class PageRef(Schema):
    id: int
    title: str
    url: str | None


class Organisation(Schema):
    name: str
    kind: str
    website: str


class EditionSummary(Schema):
    id: int
    title: str
    url: str | None
    year: int
    theme: str
    phase: Phase | None = Field(None, description="Where the edition stands (current edition only).")
    winner: PageRef | None = Field(description="The winning museum, when known and published.")
    is_demo: bool = Field(description="True when the edition holds invented demo data.")


class NominationOut(Schema):
    museum: PageRef
    stage: Stage = Field(description="The stage reached; a winner was also a nominee and on the longlist.")
    stage_label: str
    votes: int | None = Field(description="Public votes, when published.")
    vote_share: Decimal | None = Field(description="Published share of the votes in percent.")
    display_share: Decimal | None = Field(description="The published share, or one computed from the votes.")
    project_title: str
    motivation: str


class TimelineStep(Schema):
    key: str = Field(description="applications, longlist, nominees, public_vote or ceremony.")
    label: str
    start: dt.date | None
    end: dt.date | None
    status: str = Field(description="done, current, upcoming or unknown (no date).")


class Timeline(Schema):
    phase: Phase = Field(description="Where the edition is now.")
    phase_label: str
    next_step: str | None = Field(description="The key of the next step, if any.")
    steps: list[TimelineStep]


class Ceremony(Schema):
    date: dt.date | None
    place: str
    event: PageRef | None = Field(description="The agenda event of the ceremony, when published.")


class JuryMember(Schema):
    name: str
    role: str
    is_chair: bool


class AwardItem(PageItem):
    cycle: Cycle
    intro: str
    prize_description: str
    current_edition: EditionSummary | None = Field(description="The newest published edition.")


class AwardDetail(AwardItem):
    first_year: int | None
    website: str
    criteria: str = Field(description="HTML.")
    organisers: list[Organisation]
    partners: list[Organisation]
    editions: list[EditionSummary] = Field(description="Published editions, newest first.")


class AwardList(Schema):
    count: int
    items: list[AwardItem]


class EditionItem(PageItem):
    award: PageRef | None
    year: int
    theme: str
    phase: Phase
    prize_amount: int | None = Field(description="Prize money in euros.")
    winner: PageRef | None
    is_demo: bool


class EditionDetail(EditionItem):
    theme_description: str
    prize_description: str
    entries_count: int | None = Field(description="How many museums applied.")
    longlist_size: int | None
    timeline: Timeline
    ceremony: Ceremony
    jury: list[JuryMember]
    jury_report: str = Field(description="HTML.")
    nominations: list[NominationOut] = Field(description="Best first: winner, nominees by votes, longlist.")


class EditionList(Schema):
    count: int
    items: list[EditionItem]


class EditionParams(ListParams):
    award: int | None = Field(None, ge=1, description="Only editions of this award (an award id).")
    year: int | None = Field(None, ge=1900, le=2100, description="Only editions of this year.")
    museum: int | None = Field(
        None, ge=1, description="Only editions in which this museum (page id) took part."
    )
    stage: Stage | None = Field(
        None,
        description="Only editions with a nomination that reached at least this stage; with `museum`, "
        "that museum's nomination.",
    )


class MuseumEdition(PageRef):
    year: int
    theme: str


class MuseumNomination(Schema):
    """A museum's nomination, as the museum detail endpoint shows it."""

    award: PageRef
    edition: MuseumEdition
    stage: Stage
    stage_label: str
    votes: int | None
    vote_share: Decimal | None


def museum_nominations_api(museum, request=None):
    """The museum's nominations as ``MuseumNomination`` dicts (three queries)."""
    return [museum_nomination_data(n, request) for n in nominations_for_museum(museum, include_aliases=False)]


# --- awards ----------------------------------------------------------------------------


@router.get(
    "/awards/",
    response={200: AwardList, 400: Problem},
    summary="Awards",
    description="Published awards with their newest edition.",
)
def list_awards(request, params: Query[ListParams]):
    queryset = public_pages(AwardPage, params.locale).select_related("locale").order_by("path")
    count = queryset.count()
    awards = list(queryset[params.offset : params.offset + params.limit])
    paths = restricted_paths()
    editions = list(
        with_parent_path(AwardEditionPage.objects.live().filter(alias_of__isnull=True))
        .filter(public_q("", paths), parent_path__in=[a.path for a in awards])
        .order_by("-year", "-pk")
    )
    current = {}
    for edition in editions:
        current.setdefault(edition.parent_path, edition)
    grouped = nominations_by_edition(list(current.values()), paths)
    items = []
    for award in awards:
        edition = current.get(award.path)
        summary = None
        if edition is not None:
            noms = grouped.get(edition.pk, [])
            winner = next((n for n in noms if n.stage == Stage.WINNER), None)
            state = edition_state(edition, noms)
            summary = edition_summary(edition, request, state=state, winner=winner)
        items.append(
            {
                **page_item(award, request),
                "cycle": award.cycle,
                "intro": award.intro,
                "prize_description": award.prize_description,
                "current_edition": summary,
            }
        )
    return {"count": count, "items": items}


@router.get(
    "/awards/{award_id}/", response={200: AwardDetail, 404: Problem}, summary="An award with its editions"
)
def get_award(request, award_id: int):
    award = (
        AwardPage.objects.live()
        .public()
        .filter(alias_of__isnull=True, pk=award_id)
        .select_related("locale")
        .first()
    )
    if award is None:
        raise ApiError(404, f"No published award with id {award_id}.")
    data = award_data(award, request, award_detail(award))
    return {**page_item(award, request), **data}


# --- editions --------------------------------------------------------------------------


@router.get(
    "/award-editions/",
    response={200: EditionList, 400: Problem},
    summary="Award editions",
    description="Published editions, newest first; filter by `award`, `year`, `museum` and `stage` "
    "(combine them freely).",
)
def list_editions(request, params: Query[EditionParams]):
    data = {
        key: getattr(params, key)
        for key in ("award", "year", "museum", "stage")
        if getattr(params, key) is not None
    }
    base = public_pages(AwardEditionPage, params.locale)
    filterset = EditionFilter(data, queryset=base)
    if not filterset.is_valid():
        invalid = [{"name": name, "reason": "; ".join(errors)} for name, errors in filterset.errors.items()]
        raise ApiError(400, "Some filters are not valid.", invalid)
    queryset = with_parent_path(filterset.qs).select_related("locale").order_by("-year", "-pk")
    count = queryset.count()
    editions = list(queryset[params.offset : params.offset + params.limit])
    paths = restricted_paths()
    awards = {a.path: a for a in AwardPage.objects.filter(path__in={e.parent_path for e in editions})}
    grouped = nominations_by_edition(editions, paths)
    items = []
    for edition in editions:
        noms = grouped.get(edition.pk, [])
        winner = next((n for n in noms if n.stage == Stage.WINNER), None)
        state = edition_state(edition, noms)
        award = awards.get(edition.parent_path)
        items.append(
            {
                **page_item(edition, request),
                "award": page_ref(award, request) if award and award.live else None,
                "year": edition.year,
                "theme": edition.theme,
                "phase": state.phase,
                "prize_amount": edition.prize_amount,
                "is_demo": edition.is_demo,
                "winner": page_ref(winner.museum, request) if winner else None,
            }
        )
    return {"count": count, "items": items}


@router.get(
    "/award-editions/{edition_id}/",
    response={200: EditionDetail, 404: Problem},
    summary="An award edition with its timeline and nominations",
)
def get_edition(request, edition_id: int):
    edition = (
        AwardEditionPage.objects.live()
        .public()
        .filter(alias_of__isnull=True, pk=edition_id)
        .select_related("locale")
        .first()
    )
    if edition is None:
        raise ApiError(404, f"No published award edition with id {edition_id}.")
    award = AwardPage.objects.parent_of(edition).live().public().first()
    context = edition_detail(edition)
    return {
        **page_item(edition, request),
        **edition_data(edition, request, context),
        "award": page_ref(award, request),
        "phase": context["timeline_state"].phase,
    }


__all__ = ["MuseumNomination", "museum_nominations_api", "nomination_data", "router"]
