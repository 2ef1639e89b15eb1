"""``/api/v1/events/``: occurrences of live, public events, filtered like the agenda page, and
``/api/v1/events/{id}/``: one event with all its sessions.

The filters are the agenda page's (``filters.py``): the query string goes to the same filter set,
so the same query gives the same occurrences on the page, in its feeds and here. Schema and enum
names carry the resource (``EventAudience``, ``EventVenueOut``, ...): they are unique in the
whole OpenAPI document.
"""

from datetime import datetime
from typing import Any

from ninja import Query, Router
from pydantic import Field

from core.api.conventions import ListParams, ObjectId, PageItem, PageRef, Pagination, list_schema
from core.api.images import Image
from core.api.problems import Problem, invalid, not_found
from core.api.schema import Schema
from core.images import image_prefetch
from core.itemcache import ItemCache
from core.visibility import Visibility

from . import serializers
from .choices import AttendanceMode, EventAudience, EventStatus, EventType, OrganiserKind, Province
from .models import EventPage
from .queries import filtered_occurrences

router = Router(tags=["agenda"])


class EventParams(ListParams):
    date_from: str | None = Field(
        None,
        alias="from",
        max_length=40,
        description="Occurrences that end after this date (2026-05-01) or time (2026-05-01T10:00, Dutch time "
        "unless an offset is given). Without from and to: upcoming occurrences.",
    )
    date_to: str | None = Field(
        None,
        alias="to",
        max_length=40,
        description="Occurrences that start before this time, or on or before this date.",
    )
    type: list[EventType] = Field(default_factory=list, description="Event type; repeat for several.")
    theme: str | None = Field(None, max_length=100, description="A theme slug, e.g. duurzaam.")
    dossier: str | None = Field(None, max_length=150, description="A dossier slug, e.g. digitalisering.")
    audience: EventAudience | None = Field(None, description="The intended audience.")
    attendance_mode: AttendanceMode | None = Field(None, description="in-person, online or mixed.")
    organiser: OrganiserKind | None = Field(None, description="association or partner.")
    museum: ObjectId | None = Field(None, description="Id of a museum page that is the venue.")
    province: Province | None = Field(None, description="ISO 3166-2 code of the venue's province or island.")
    status: EventStatus | None = Field(None, description="scheduled, cancelled, postponed or rescheduled.")

    model_config = {"populate_by_name": True}


class EventVenueOut(Schema):
    name: str
    address: str
    postcode: str
    city: str
    province: str = Field(description="ISO 3166-2 code, or empty.")
    province_label: str
    latitude: float | None
    longitude: float | None
    museum: PageRef | None = Field(description="The museum page, when the venue is a public museum page.")
    map_url: str | None


class EventOrganiserOut(Schema):
    name: str
    kind: str = Field(description="association, partner, funder, government or museum.")
    website: str


class EventRegistrationOut(Schema):
    url: str | None
    deadline: datetime | None
    capacity: int | None
    price_member: float | None = Field(description="In euros; 0 is free.")
    price_non_member: float | None = Field(description="In euros; 0 is free.")
    full: bool
    state: str = Field(description="none, open, closed (deadline passed), full or past.")


class EventSpeakerOut(Schema):
    name: str
    role: str
    url: str


class EventOccurrenceOut(Schema):
    start: datetime = Field(description="Local time at the venue, with its offset.")
    end: datetime = Field(description="Exclusive end, local time at the venue.")
    all_day: bool
    title: str = Field(description="The session's own title, if any.")
    uid: str = Field(description="The occurrence's iCalendar UID (stable).")
    moved_from: datetime | None = Field(
        description="Set when this date of a recurring event was moved: where the series had it (local time)."
    )


class EventItem(PageItem):
    event_type: EventType
    start: datetime = Field(description="This occurrence's start, local time at the venue.")
    end: datetime = Field(description="This occurrence's exclusive end.")
    all_day: bool
    session_title: str
    uid: str
    time_zone: str
    status: EventStatus
    attendance_mode: AttendanceMode
    audience: EventAudience
    themes: list[str] = Field(description="Theme slugs.")
    dossiers: list[str] = Field(description="Dossier slugs.")
    venue: EventVenueOut | None
    online_url: str | None
    organiser: EventOrganiserOut
    listing_summary: str
    image: Image | None = Field(description="The event's image, with its alt text and renditions.")


EventItemList = list_schema(EventItem)


class EventDetail(PageItem):
    event_type: EventType
    intro: str
    listing_summary: str
    audience: EventAudience
    attendance_mode: AttendanceMode
    status: EventStatus
    previous_start: datetime | None
    time_zone: str
    all_day: bool
    themes: list[str] = Field(description="Theme slugs.")
    dossiers: list[str] = Field(description="Dossier slugs.")
    venue: EventVenueOut | None
    online_url: str | None
    organiser: EventOrganiserOut
    registration: EventRegistrationOut
    speakers: list[EventSpeakerOut]
    image: Image | None = Field(description="The event's image, with its alt text and renditions.")
    ical_url: str | None = Field(description="The absolute address of the event's own calendar (.ics).")
    body: list[dict[str, Any]] = Field(description="StreamField blocks as {type, id, value}.")
    occurrences: list[EventOccurrenceOut] = Field(description="Every session or recurrence, sorted by start.")


def _load_events(ids):
    return (
        EventPage.objects.filter(pk__in=ids)
        .select_related("locale", "organiser", "venue_museum")
        .prefetch_related("themes", "dossiers", image_prefetch("image"))
        .in_bulk()
    )


# Items of the events list: the event's fields kept per event, the occurrence's own per row.
EVENT_ITEMS = ItemCache(
    "events",
    load=_load_events,
    build=serializers.event_item_static,
    finish=lambda item, row, request: serializers.occurrence_item_finish(item, row),
    fields=serializers.OCCURRENCE_FIELDS,
    key="event_id",
)


@router.get(
    "/events/",
    response={200: EventItemList, 400: Problem, 410: Problem},
    summary="Occurrences of events",
    description=(
        "Every occurrence (session or recurrence) of live, public events, sorted by start. Filters are the "
        "agenda page's: the same query string gives the same occurrences on the page, in its ical/ and rss/ "
        "feeds and here. Without `from` and `to` only occurrences that have not ended are listed."
    ),
)
def list_events(request, params: Query[EventParams]):
    queryset, errors, _filterset = filtered_occurrences(
        params.locale, request.GET, default="upcoming", visibility=Visibility.public()
    )
    if errors:
        raise invalid(errors)
    return Pagination(request, params).respond_cached(queryset, EVENT_ITEMS)


@router.get(
    "/events/{event_id}/",
    response={200: EventDetail, 404: Problem},
    summary="One event with all its sessions",
    description="A live, public event page with every occurrence; drafts and private pages are 404.",
)
def event_detail(request, event_id: int):
    event = (
        Visibility.public()
        .listable(EventPage.objects.filter(pk=event_id))
        .select_related("organiser", "venue_museum", "locale")
        .first()
    )
    if event is None:
        raise not_found("event", event_id)
    return serializers.event_detail(event, request)
