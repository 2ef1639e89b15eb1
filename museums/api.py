"""``/api/v1/museums/`` and ``/api/v1/exhibitions/``: the finder and exhibitions, read-only."""

import datetime as dt
from datetime import date, datetime
from typing import Any

from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404, QueryDict
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from core.api.conventions import ListParams, PageItem, page_item, paginate
from core.api.problems import ApiError, Problem

from .choices import Accessibility, Category, Province
from .filters import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, MAX_TEXT_LENGTH, MuseumFilter
from .models import ExhibitionPage, MuseumPage
from .queries import visible_pages
from .serializers import (
    exhibition_fields,
    images_prefetch,
    museum_detail,
    museum_item,
    museum_list_queryset,
)

router = Router(tags=["museums"])

# --- schemas ---------------------------------------------------------------------------------


class MuseumParams(ListParams):
    q: str | None = Field(
        None,
        max_length=MAX_TEXT_LENGTH,
        description="Text in the name, town, summary or an exhibition title.",
    )
    province: Province | None = Field(None, description="ISO 3166-2 code, e.g. NL-NH or NL-BQ1.")
    city: str | None = Field(
        None, max_length=MAX_TEXT_LENGTH, description="Town or city (exact, case-insensitive)."
    )
    category: Category | None = Field(None, description="A museum category.")
    museumkaart: bool | None = Field(None, description="true: only museums that accept the Museumkaart.")
    # Plain strings, checked by the FilterSet, so an unknown code is reported as `accessibility`.
    accessibility: list[str] = Field(
        default_factory=list,
        description="Repeatable; every listed feature must be present. One of: "
        + ", ".join(Accessibility.values)
        + ".",
    )
    open_now: bool | None = Field(
        None, description="true: only museums open right now (in their own time zone)."
    )
    open_at: datetime | None = Field(
        None, description="Only museums open at this ISO 8601 time; without an offset it is Dutch time."
    )
    open_on: date | None = Field(None, description="Only museums that open at some time on this date.")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude of a point (with lon).")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude of a point (with lat).")
    radius_km: float | None = Field(
        None,
        gt=0,
        le=MAX_RADIUS_KM,
        description=f"Radius around the point in km (default {DEFAULT_RADIUS_KM}); results are sorted by distance.",
    )


class Rendition(Schema):
    url: str
    width: int
    height: int


class ImageOut(Schema):
    id: int
    title: str
    width: int
    height: int
    renditions: dict[str, Rendition] = Field(description="small (list), medium and large (detail).")


class ProvinceOut(Schema):
    code: str
    name: str


class MuseumkaartOut(Schema):
    accepted: bool
    reservation_required: bool
    surcharge_eur: str | None = Field(description="Decimal amount in euros, e.g. '2.50'.")
    conditions: str


class TimeRangeOut(Schema):
    opens: str = Field(description="HH:MM, local time of the museum.")
    closes: str
    closes_next_day: bool


class DayHoursOut(Schema):
    date: date
    closed: bool
    ranges: list[TimeRangeOut]
    exception: bool = Field(description="Whether an exception (holiday, extra day) decided this day.")
    label: str


class MuseumItem(PageItem):
    city: str
    province: ProvinceOut
    latitude: float | None
    longitude: float | None
    coordinates_precision: str = Field(description="'exact' or 'approximate' (town centre).")
    timezone: str
    distance_km: float | None = Field(description="Distance from the given point; null without a point.")
    categories: list[str]
    museumkaart: MuseumkaartOut
    accessibility: list[str]
    open_now: bool
    today: DayHoursOut
    image: ImageOut | None


class MuseumList(Schema):
    count: int
    items: list[MuseumItem]


class MuseumDetail(PageItem):
    data: dict[str, Any] = Field(
        description="address, contact, categories, museumkaart, accessibility (grouped), "
        "opening_hours (open_now, today, week, next_opening, weekly, exceptions), exhibitions, image, body, "
        "nominations (the museum's award nominations and wins: award, edition, stage, votes, vote_share)."
    )


class ExhibitionParams(ListParams):
    museum: int | None = Field(None, ge=1, description="Only exhibitions of this museum (its id).")
    current: bool | None = Field(None, description="true: only exhibitions running on `date`.")
    upcoming: bool | None = Field(None, description="true: only exhibitions opening after `date`.")
    date: dt.date | None = Field(None, description="Reference date for current/upcoming (default today).")
    theme: str | None = Field(None, max_length=100, description="A theme slug.")
    family_friendly: bool | None = Field(None, description="true: only family-friendly exhibitions.")


class ExhibitionItem(PageItem):
    museum_id: int | None
    museum_title: str | None
    status: str = Field(description="current, upcoming or past on the reference date.")
    permanent: bool
    start_date: date | None
    end_date: date | None
    extended_until: date | None
    last_day: date | None
    surcharge_eur: str | None
    museumkaart_valid: bool
    family_friendly: bool
    ticket_url: str
    intro: str
    themes: list[str]
    image: ImageOut | None


class ExhibitionList(Schema):
    count: int
    items: list[ExhibitionItem]


# --- museums ---------------------------------------------------------------------------------

_FILTER_KEYS = (
    "q",
    "province",
    "city",
    "category",
    "museumkaart",
    "accessibility",
    "open_now",
    "open_at",
    "open_on",
    "lat",
    "lon",
    "radius_km",
)


def _filter_data(params):
    data = QueryDict(mutable=True)
    for key in _FILTER_KEYS:
        value = getattr(params, key)
        if value is None or value == []:
            continue
        if isinstance(value, list):
            data.setlist(key, [str(getattr(v, "value", v)) for v in value])
        elif isinstance(value, bool):
            data[key] = "true" if value else "false"
        elif isinstance(value, datetime | date):
            data[key] = value.isoformat()
        else:
            data[key] = str(getattr(value, "value", value))
    return data


@router.get("/museums/", response={200: MuseumList, 400: Problem}, summary="Find museums")
def list_museums(request, params: Query[MuseumParams]):
    """The museum finder: filters combine; with `lat`/`lon` the results are sorted by distance."""
    now = timezone.now()
    base = visible_pages(MuseumPage).filter(locale__language_code=params.locale)
    filterset = MuseumFilter(_filter_data(params), queryset=base, now=now)
    if not filterset.is_valid():
        errors = filterset.error_list()
        raise ApiError(400, "; ".join(f"{e['name']}: {e['reason']}" for e in errors), errors)
    queryset = museum_list_queryset(filterset.qs)
    return paginate(queryset, params, lambda page: museum_item(page, request, now))


@router.get("/museums/{museum_id}/", response={200: MuseumDetail, 404: Problem}, summary="One museum")
def get_museum(request, museum_id: int):
    page = museum_list_queryset(visible_pages(MuseumPage)).filter(pk=museum_id).first()
    if page is None:
        raise Http404
    return {**page_item(page, request), "data": museum_detail(page, request)}


# --- exhibitions -----------------------------------------------------------------------------


def _with_museum(queryset):
    parent = MuseumPage.objects.live().filter(
        path=Substr(
            OuterRef("path"), 1, Length(OuterRef("path")) - ExhibitionPage.steplen, output_field=CharField()
        )
    )
    return queryset.annotate(
        museum_id=Subquery(parent.values("pk")[:1]),
        museum_title=Subquery(parent.values("title")[:1]),
    )


@router.get("/exhibitions/", response={200: ExhibitionList, 400: Problem}, summary="List exhibitions")
def list_exhibitions(request, params: Query[ExhibitionParams]):
    """Exhibitions of live museums; `current`/`upcoming` are relative to `date` (default today)."""
    today = params.date or timezone.localdate()
    queryset = visible_pages(ExhibitionPage).filter(locale__language_code=params.locale)
    if params.museum is not None:
        museum = MuseumPage.objects.filter(pk=params.museum).first()
        if museum is None:
            raise ApiError(
                400,
                "museum: no museum with this id.",
                [{"name": "museum", "reason": "no museum with this id"}],
            )
        queryset = queryset.child_of(museum)
    if params.current:
        queryset = queryset.filter(Q(permanent=True) | Q(start_date__lte=today)).filter(
            Q(last_day__isnull=True) | Q(last_day__gte=today)
        )
    if params.upcoming:
        queryset = queryset.filter(start_date__gt=today)
    if params.theme:
        queryset = queryset.filter(themes__slug=params.theme).distinct()
    if params.family_friendly:
        queryset = queryset.filter(family_friendly=True)
    queryset = (
        _with_museum(queryset)
        .filter(museum_id__isnull=False)
        .select_related("locale")
        .prefetch_related("themes", images_prefetch("image"))
        .order_by("start_date", "title", "pk")
    )

    def serialize(page):
        return {
            **page_item(page, request),
            **exhibition_fields(page, request, today),
            "museum_title": page.museum_title,
        }

    return paginate(queryset, params, serialize)
