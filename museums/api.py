"""``/api/v1/museums/`` and ``/api/v1/exhibitions/``: the finder and exhibitions, read-only.

Public surfaces: only what an anonymous reader may see is listed (``core.visibility``). The
museum detail is the item's fields plus the detail's, flat, plus one field per section that
another app registered (``museums.extensions``); its schema is built when this module is
imported, which the URLconf does after every ``AppConfig.ready()`` has registered its sections.
"""

from dataclasses import replace
from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict
from django.utils import timezone
from ninja import Query, Router
from pydantic import Field, create_model

from core.api.conventions import (
    IsoDate,
    IsoDateTime,
    ListParams,
    ObjectId,
    PageItem,
    PageRef,
    Pagination,
    list_schema,
    paginate,
    public_pages,
)
from core.api.images import Image
from core.api.problems import Problem, invalid, not_found
from core.api.schema import Schema
from core.cachetags import type_tag
from core.itemcache import ItemCache
from core.models import Theme
from core.visibility import Visibility

from .choices import (
    Accessibility,
    AccessibilityGroup,
    Category,
    CoordinatesPrecision,
    MuseumTimeZone,
    Province,
)
from .extensions import museum_sections, section_values
from .filters import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, MAX_TEXT_LENGTH, MuseumFilter
from .models import ExhibitionPage, MuseumPage
from .queries import (
    WithMuseums,
    exhibitions_ahead,
    exhibitions_matching,
    on_own_table,
    with_museum_data,
)
from .serializers import exhibition_item, museum_detail, museum_item_finish, museum_item_static

router = Router(tags=["museums"])

# Codes as inline enums of exactly the values the API returns and accepts.
CategoryCode = Literal[tuple(Category.values)]  # type: ignore[valid-type]
AccessibilityCode = Literal[tuple(Accessibility.values)]  # type: ignore[valid-type]
GroupCode = Literal[tuple(AccessibilityGroup.values)]  # type: ignore[valid-type]
PrecisionCode = Literal[tuple(CoordinatesPrecision.values)]  # type: ignore[valid-type]
TimeZoneName = Literal[tuple(MuseumTimeZone.values)]  # type: ignore[valid-type]
CountryCode = Literal["NL", "BQ", "AW", "CW", "SX"]
ExhibitionStatus = Literal["current", "upcoming", "past"]

# --- schemas: museums ------------------------------------------------------------------------


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
    category: CategoryCode | None = Field(None, description="A museum category.")  # type: ignore[valid-type]
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
    open_at: IsoDateTime | None = Field(
        None, description="Only museums open at this ISO 8601 time; without an offset it is Dutch time."
    )
    open_on: IsoDate | None = Field(None, description="Only museums that open at some time on this date.")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude of a point (with lon).")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude of a point (with lat).")
    radius_km: float | None = Field(
        None,
        gt=0,
        le=MAX_RADIUS_KM,
        description=f"Radius around the point in km (default {DEFAULT_RADIUS_KM}); results are sorted by distance.",
    )


class MuseumProvince(Schema):
    code: Province
    name: str = Field(description="The name in the language of the request's locale.")


class MuseumkaartTerms(Schema):
    accepted: bool = Field(description="Museumkaart holders get in free.")
    reservation_required: bool = Field(description="Card holders must book a time slot in advance.")
    surcharge_eur: str | None = Field(description="Decimal amount in euros, e.g. '2.50'.")
    conditions: str = Field(description="Other conditions, e.g. 'Not valid on event days'.")


class MuseumTimeRange(Schema):
    opens: str = Field(description="HH:MM, local time of the museum.")
    closes: str = Field(description="HH:MM, local time of the museum.")
    closes_next_day: bool = Field(description="The range runs past midnight and closes the next day.")


class MuseumDayHours(Schema):
    date: date
    closed: bool
    ranges: list[MuseumTimeRange]
    exception: bool = Field(description="Whether an exception (holiday, extra day) decided this day.")
    label: str = Field(description="The exception's label, e.g. 'Koningsdag'; empty without one.")


class MuseumItem(PageItem):
    city: str
    province: MuseumProvince
    latitude: float | None = Field(description="Decimal degrees; null without coordinates.")
    longitude: float | None = Field(description="Decimal degrees; null without coordinates.")
    coordinates_precision: PrecisionCode = Field(  # type: ignore[valid-type]
        description="'exact' (the building) or 'approximate' (town centre)."
    )
    timezone: TimeZoneName = Field(description="The zone of the museum's opening hours.")  # type: ignore[valid-type]
    distance_km: float | None = Field(description="Distance from the given point; null without a point.")
    categories: list[CategoryCode]  # type: ignore[valid-type]
    museumkaart: MuseumkaartTerms
    accessibility: list[AccessibilityCode] = Field(  # type: ignore[valid-type]
        description="The accessibility features (codes)."
    )
    open_now: bool = Field(description="Open at the time of the request, in the museum's zone.")
    today: MuseumDayHours = Field(description="Today's hours in the museum's zone.")
    image: Image | None


MuseumList = list_schema(MuseumItem)


class MuseumAddress(Schema):
    street: str
    postcode: str
    city: str
    province: Province
    country: CountryCode = Field(description="ISO 3166-1: NL, BQ (Caribbean Netherlands), AW, CW or SX.")


class MuseumAccessibilityFeature(Schema):
    code: AccessibilityCode  # type: ignore[valid-type]
    label: str


class MuseumAccessibilityGroup(Schema):
    group: GroupCode  # type: ignore[valid-type]
    label: str
    features: list[MuseumAccessibilityFeature]


class MuseumWeeklyHours(Schema):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday.")
    opens: str = Field(description="HH:MM, local time of the museum.")
    closes: str = Field(description="HH:MM, local time of the museum.")
    closes_next_day: bool


class MuseumHoursException(Schema):
    label: str
    start_date: date
    end_date: date = Field(description="The last day, inclusive.")
    weekday: int | None = Field(ge=0, le=6, description="Only on this weekday of the dates; null: every day.")
    closed: bool
    opens: str | None = Field(description="HH:MM; null when closed.")
    closes: str | None = Field(description="HH:MM; null when closed.")
    closes_next_day: bool


class MuseumOpeningHours(Schema):
    open_now: bool
    today: MuseumDayHours
    week: list[MuseumDayHours] = Field(description="Today and the six days after it, exceptions applied.")
    next_opening: datetime | None = Field(description="The next time a range starts; null within 400 days.")
    weekly: list[MuseumWeeklyHours] = Field(description="The weekly ranges.")
    exceptions: list[MuseumHoursException] = Field(
        description="Exceptions still running or to come within a year."
    )
    hours_verified_at: date | None = Field(description="When the hours were last checked.")


class MuseumExhibition(PageRef):
    status: ExhibitionStatus  # type: ignore[valid-type]
    permanent: bool
    start_date: date | None
    end_date: date | None = Field(description="The original last day.")
    extended_until: date | None
    last_day: date | None = Field(description="The last day: extended or original; null when permanent.")
    family_friendly: bool
    surcharge_eur: str | None = Field(description="Decimal amount in euros on top of the entry price.")


class MuseumDetailBase(MuseumItem):
    intro: str
    address: MuseumAddress
    website: str
    phone: str
    email: str
    museumregister_registered: bool = Field(description="In the Museumregister.")
    is_rijksmuseum: bool = Field(description="A member of the Kring Rijksmusea.")
    under_museum_cao: bool = Field(description="Under the Museum cao.")
    accessibility_groups: list[MuseumAccessibilityGroup] = Field(
        description="The accessibility features by group, with labels."
    )
    accessibility_notes: str
    opening_hours: MuseumOpeningHours
    exhibitions: list[MuseumExhibition] = Field(description="Current and upcoming, permanent ones first.")
    body: list[dict[str, Any]] = Field(description="StreamField blocks: type, id and value.")


def museum_detail_schema(sections):
    """The museum detail schema: the fixed fields plus one per registered section."""
    fields = {}
    for section in sections:
        if section.name in MuseumDetailBase.model_fields:
            raise ImproperlyConfigured(
                f"A museum section may not be named {section.name!r}: a museum field is."
            )
        fields[section.name] = (section.schema, Field(description=section.description))
    return create_model(
        "MuseumDetail",
        __base__=MuseumDetailBase,
        __doc__="One museum, its hours, exhibitions and sections.",
        **fields,
    )


MuseumDetail = museum_detail_schema(museum_sections())


# --- schemas: exhibitions --------------------------------------------------------------------


class ExhibitionParams(ListParams):
    museum: ObjectId | None = Field(None, description="Only exhibitions of this museum (its id).")
    current: bool | None = Field(None, description="true: only exhibitions running on `date`.")
    upcoming: bool | None = Field(None, description="true: only exhibitions opening after `date`.")
    date: IsoDate | None = Field(None, description="Reference date for current/upcoming (default today).")
    theme: str | None = Field(None, max_length=100, description="A theme slug.")
    family_friendly: bool | None = Field(None, description="true: only family-friendly exhibitions.")


class ExhibitionItem(PageItem):
    museum: PageRef | None = Field(description="The museum that shows the exhibition.")
    status: ExhibitionStatus = Field(description="On the reference date.")  # type: ignore[valid-type]
    permanent: bool
    start_date: date | None
    end_date: date | None = Field(description="The original last day.")
    extended_until: date | None
    last_day: date | None = Field(description="The last day: extended or original; null when permanent.")
    surcharge_eur: str | None = Field(description="Decimal amount in euros on top of the entry price.")
    museumkaart_valid: bool
    family_friendly: bool
    ticket_url: str
    intro: str
    themes: list[str] = Field(description="Theme slugs.")
    image: Image | None


ExhibitionList = list_schema(ExhibitionItem)


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
    """The parameters as the finder's FilterSet reads them (the page's query string)."""
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


def _load_museums(ids):
    return with_museum_data(MuseumPage.objects.filter(pk__in=ids)).in_bulk()


# Items of the museum list: kept per museum; distance, "open now" and today's hours are added
# per request (``museum_item_finish``).
MUSEUM_ITEMS = ItemCache("museums", load=_load_museums, build=museum_item_static)
MUSEUM_ITEMS_BY_DISTANCE = replace(MUSEUM_ITEMS, fields=("pk", "distance_km"))
# What the lists' counts depend on besides their SQL (``Pagination``'s ``count_tags``).
LIST_COUNT_TAGS = (type_tag(MuseumPage), type_tag(ExhibitionPage))


@router.get("/museums/", response={200: MuseumList, 400: Problem, 410: Problem}, summary="Find museums")
def list_museums(request, params: Query[MuseumParams]):
    """The museum finder: filters combine; with `lat`/`lon` the results are sorted by distance."""
    now = timezone.now()
    base = on_own_table(public_pages(MuseumPage, params.locale))
    filterset = MuseumFilter(_filter_data(params), queryset=base, now=now, visibility=Visibility.public())
    if not filterset.is_valid():
        raise invalid(filterset.errors)
    queryset = filterset.qs
    items = MUSEUM_ITEMS_BY_DISTANCE if "distance_km" in queryset.query.annotations else MUSEUM_ITEMS
    items = replace(items, finish=lambda item, row, request: museum_item_finish(item, row, now))
    # The count is kept: museums change with their publishing (their type's tag), and the text
    # filter reads exhibition titles; the clock filters pass their kept id sets as parameters.
    return Pagination(request, params, count_tags=LIST_COUNT_TAGS).respond_cached(queryset, items)


@router.get("/museums/{museum_id}/", response={200: MuseumDetail, 404: Problem}, summary="One museum")
def get_museum(request, museum_id: int):
    visibility = Visibility.public()
    page = with_museum_data(visibility.listable(MuseumPage.objects.filter(pk=museum_id))).first()
    if page is None:
        raise not_found("museum", museum_id)
    now = timezone.now()
    exhibitions = exhibitions_ahead(page, visibility, page.local_now(now).date(), aliases=False)
    sections = section_values([page], request, visibility)[page.pk]
    return museum_detail(page, request, exhibitions=exhibitions, sections=sections, now=now)


# --- exhibitions -----------------------------------------------------------------------------


@router.get(
    "/exhibitions/", response={200: ExhibitionList, 400: Problem, 410: Problem}, summary="List exhibitions"
)
def list_exhibitions(request, params: Query[ExhibitionParams]):
    """Exhibitions of published museums; `current`/`upcoming` are relative to `date` (default today)."""
    today = params.date or timezone.localdate()
    museum = None
    if params.museum is not None:
        museum = Visibility.public().listable(MuseumPage.objects.filter(pk=params.museum)).first()
        if museum is None:
            raise invalid([{"name": "museum", "reason": "no published museum with this id"}])
    if params.theme and not Theme.objects.filter(slug=params.theme).exists():
        raise invalid([{"name": "theme", "reason": "no theme with this slug (see /api/v1/themes/)"}])
    base = public_pages(ExhibitionPage, params.locale)
    # One museum's exhibitions are found from the path index; the others from their own table.
    queryset = exhibitions_matching(
        base if museum is not None else on_own_table(base),
        today,
        museum=museum,
        current=params.current,
        upcoming=params.upcoming,
        theme=params.theme,
        family_friendly=params.family_friendly,
    )
    return paginate(
        request,
        WithMuseums(queryset),
        params,
        lambda page: exhibition_item(page, request, today),
        count_tags=LIST_COUNT_TAGS,
    )
