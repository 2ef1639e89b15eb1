"""``/api/v1/events/``: occurrences of live, public events, filtered like the agenda page."""

from datetime import datetime
from typing import Any

from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from core.api.conventions import ListParams, PageItem, page_item
from core.api.problems import ApiError, Problem

from .choices import AttendanceMode, Audience, EventStatus, EventType, OrganiserKind, Province
from .models import EventPage
from .models.event_data import event_fields
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
    audience: Audience | None = Field(None, description="The intended audience.")
    attendance_mode: AttendanceMode | None = Field(None, description="in-person, online or mixed.")
    organiser: OrganiserKind | None = Field(None, description="association or partner.")
    museum: int | None = Field(None, ge=1, description="Id of a museum page that is the venue.")
    province: Province | None = Field(None, description="ISO 3166-2 code of the venue's province or island.")
    status: EventStatus | None = Field(None, description="scheduled, cancelled, postponed or rescheduled.")

    model_config = {"populate_by_name": True}


class VenueOut(Schema):
    name: str
    address: str
    postcode: str
    city: str
    province: str = Field(description="ISO 3166-2 code, or empty.")
    province_label: str
    latitude: float | None
    longitude: float | None
    museum_id: int | None = Field(description="The museum page, when the venue is a museum.")
    url: str | None = Field(description="The museum's page.")
    map_url: str | None


class OrganiserOut(Schema):
    name: str
    kind: str = Field(description="association, partner, funder, government or museum.")
    website: str


class RegistrationOut(Schema):
    url: str | None
    deadline: datetime | None
    capacity: int | None
    price_member: float | None = Field(description="In euros; 0 is free.")
    price_non_member: float | None = Field(description="In euros; 0 is free.")
    full: bool
    state: str = Field(description="none, open, closed (deadline passed), full or past.")


class OccurrenceOut(Schema):
    start: datetime = Field(description="Local time at the venue, with its offset.")
    end: datetime = Field(description="Exclusive end, local time at the venue.")
    all_day: bool
    title: str = Field(description="The session's own title, if any.")
    uid: str = Field(description="The occurrence's iCalendar UID (stable).")


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
    audience: Audience
    themes: list[str] = Field(description="Theme slugs.")
    dossiers: list[str] = Field(description="Dossier slugs.")
    venue: VenueOut | None
    online_url: str | None
    organiser: OrganiserOut
    listing_summary: str


class EventList(Schema):
    count: int
    items: list[EventItem]


class EventDetail(PageItem):
    event_type: EventType
    intro: str
    audience: Audience
    attendance_mode: AttendanceMode
    status: EventStatus
    previous_start: datetime | None
    time_zone: str
    all_day: bool
    themes: list[str]
    dossiers: list[str]
    venue: VenueOut | None
    online_url: str | None
    organiser: OrganiserOut
    registration: RegistrationOut
    speakers: list[dict[str, str]]
    ical_url: str | None
    body: list[dict[str, Any]] = Field(description="StreamField blocks as {type, id, value}.")
    occurrences: list[OccurrenceOut] = Field(description="Every session or recurrence, sorted by start.")


def _organiser(event):
    if event.organiser_id:
        return {
            "name": event.organiser.name,
            "kind": event.organiser.kind,
            "website": event.organiser.website,
        }
    return {"name": "Museumvereniging", "kind": "association", "website": ""}


def occurrence_item(occurrence, request):
    event = occurrence.event
    zone = occurrence.zone
    return {
        **page_item(event, request),
        "event_type": event.event_type,
        "start": occurrence.start.astimezone(zone),
        "end": occurrence.end.astimezone(zone),
        "all_day": occurrence.all_day,
        "session_title": occurrence.title,
        "uid": occurrence.uid,
        "time_zone": event.time_zone,
        "status": event.status,
        "attendance_mode": event.attendance_mode,
        "audience": event.audience,
        "themes": [t.slug for t in event.themes.all()],
        "dossiers": [d.slug for d in event.dossiers.all()],
        "venue": event.get_venue(),
        "online_url": event.online_url or None,
        "organiser": _organiser(event),
        "listing_summary": event.get_listing_summary(),
    }


def api_filter_data(params):
    data = params.model_dump(by_alias=True, exclude={"limit", "offset", "locale"}, exclude_none=True)
    query = {}
    for name, value in data.items():
        if value in ([], ""):
            continue
        query[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return query


class _MultiDict(dict):
    """What django-filter expects of a QueryDict: ``getlist`` for repeated parameters."""

    def getlist(self, key, default=None):
        value = self.get(key, default if default is not None else [])
        return value if isinstance(value, list) else [value]


@router.get(
    "/events/",
    response={200: EventList, 400: Problem},
    summary="Occurrences of events",
    description=(
        "Every occurrence (session or recurrence) of live, public events, sorted by start. Filters are the "
        "agenda page's: the same query string gives the same occurrences on the page, in its ical/ and rss/ "
        "feeds and here. Without `from` and `to` only occurrences that have not ended are listed."
    ),
)
def list_events(request, params: Query[EventParams]):
    data = _MultiDict(api_filter_data(params))
    queryset, errors, _filterset = filtered_occurrences(params.locale, data, default="upcoming")
    if errors:
        invalid = [{"name": name, "reason": " ".join(messages)} for name, messages in errors.items()]
        raise ApiError(400, "; ".join(f"{p['name']}: {p['reason']}" for p in invalid), invalid)
    queryset = queryset.prefetch_related("event__themes", "event__dossiers")
    count = queryset.count()
    window = list(queryset[params.offset : params.offset + params.limit])
    return {"count": count, "items": [occurrence_item(o, request) for o in window]}


@router.get(
    "/events/{event_id}/",
    response={200: EventDetail, 404: Problem},
    summary="One event with all its sessions",
    description="A live, public event page with every occurrence; drafts and private pages are 404.",
)
def event_detail(request, event_id: int):
    event = (
        EventPage.objects.live()
        .public()
        .filter(alias_of__isnull=True, pk=event_id)
        .select_related("organiser", "venue_museum", "locale")
        .first()
    )
    if event is None:
        raise Http404("no such event")
    from core.blocks import stream_api_representation

    return {
        **page_item(event, request),
        **event_fields(event),
        "body": stream_api_representation(event.body, request),
        "occurrences": [o.as_api(request) for o in event.occurrences.order_by("start")],
    }
