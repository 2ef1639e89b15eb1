"""The agenda's feeds: iCalendar (RFC 5545, with ``icalendar``: one VEVENT per occurrence) and
RSS 2.0 (Django's feed generator), for the agenda page's filters and for one event.

Feeds are for everyone and cached: they show what the public may see (``Visibility.public()``),
their links are public addresses (``core.links``) and their cache headers the ``feed`` preset.
"""

import functools
from datetime import UTC, date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.cachetags import cached_many, depends_on, narrow, page_tag, type_tag
from core.dependencies import facet_tag
from core.feeds import ContentDatedRssFeed
from core.http import cache_headers
from core.languages import text_language
from core.links import page_url, public_url
from core.models import Organisation
from core.singleline import one_line
from core.visibility import Visibility

from .choices import AttendanceMode, EventStatus, EventType
from .queries import cancelled_for_feed, feed_occurrences, filtered_occurrences
from .serializers import venue

RSS_MAX_ITEMS = 100

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def location_text(event):
    """One line for calendars and feeds: the venue's address and/or the online address."""
    parts = []
    place = venue(event)
    if place and event.attendance_mode != AttendanceMode.ONLINE:
        parts.append(", ".join(p for p in (place["name"], place["address"], place["city"]) if p))
    if event.online_url and event.attendance_mode != AttendanceMode.IN_PERSON:
        parts.append(event.online_url)
    return " / ".join(parts)


def google_calendar_url(event, occurrence):
    """An "add to Google Calendar" address for one occurrence."""
    fmt = "%Y%m%d" if occurrence.all_day else "%Y%m%dT%H%M%SZ"
    if occurrence.all_day:
        start, end = occurrence.local_start(), occurrence.local_end()
    else:
        start, end = occurrence.start.astimezone(UTC), occurrence.end.astimezone(UTC)
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{start:{fmt}}/{end:{fmt}}",
        "details": event.intro or event.get_listing_summary(),
        "location": location_text(event),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


# --- iCalendar ------------------------------------------------------------------------------


def _vevent(occurrence, request, *, cancelled=False):
    """One VEVENT. ``cancelled``: an occurrence that no longer takes place (a
    ``CancelledOccurrence``), listed so that calendars holding its UID drop it."""
    event = occurrence.event
    vevent = icalendar.Event()
    vevent.add("uid", occurrence.uid)
    # DTSTAMP: when this version of the event was published (stable between requests).
    vevent.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    # One sequence per event: raised by every change of its dates, moves and cancellations.
    vevent.add("sequence", event.ical_sequence)
    summary = event.title + (f": {occurrence.title}" if occurrence.title else "")
    status = EventStatus.CANCELLED if cancelled else EventStatus(event.status)
    if status == EventStatus.CANCELLED:
        summary = f"[{EventStatus.CANCELLED.label}] {summary}"
    # Single-line properties are one line even for rows written around the models' own
    # normalisation (``core.singleline``): never a raw line break for the serialiser to catch.
    vevent.add("summary", one_line(summary))
    # Dates for all-day events, else local times with the venue's TZID; DTEND is exclusive.
    vevent.add("dtstart", occurrence.local_start())
    vevent.add("dtend", occurrence.local_end())
    original = occurrence.local_original_start()
    if original is not None:
        # A moved occurrence: the same UID, and where the series had it.
        vevent.add("recurrence-id", original)
    vevent.add("status", ICAL_STATUS[status])
    url = page_url(event, request)
    if url:
        vevent.add("url", url)
    location = location_text(event)
    if location:
        vevent.add("location", one_line(location))
    place = venue(event)
    if place and place["latitude"] is not None and event.attendance_mode != AttendanceMode.ONLINE:
        vevent.add("geo", (float(place["latitude"]), float(place["longitude"])))
    description = strip_tags(event.intro or event.get_listing_summary())
    if event.online_url and event.attendance_mode != AttendanceMode.IN_PERSON:
        description = f"{description}\n\n{event.online_url}".strip()
    if url:
        description = f"{description}\n\n{url}".strip()
    if description:
        vevent.add("description", description)
    vevent.add("categories", [str(EventType(event.event_type).label)])
    if event.organiser_id and event.organiser.email:
        vevent.add(
            "organizer", f"mailto:{event.organiser.email}", parameters={"CN": one_line(event.organiser.name)}
        )
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(UTC))
    return vevent


def _vevent_tags(occurrence):
    """What a VEVENT shows besides its occurrence: the event, its venue and organiser."""
    event = occurrence.event
    tags = [page_tag(event), type_tag(Organisation)]
    if event.venue_museum_id:
        tags.append(f"page:{event.venue_museum_id}")
    return tags


# What the iCal feed of a listing reads of each occurrence before its kept VEVENT text
# (``_vevents``: the key and tags; ``_timezones``): the rest is loaded for the texts not kept.
ICAL_KEY_FIELDS = ("start", "end", "all_day", "event", "event__time_zone", "event__venue_museum")


def _vevents(occurrences, request, *, cancelled=False, full=None):
    """The VEVENT text of each of ``occurrences``, in order: serialised once and kept per
    occurrence, language and host (``cached_many``) until its event, venue or organiser
    changes. Serialising was four fifths of the time of a feed of 500 occurrences.
    ``full(pks)``: ``{pk: occurrence}`` with everything a VEVENT shows, for ``occurrences``
    loaded with ``ICAL_KEY_FIELDS`` only (loading 500 whole rows with their event, organiser
    and venue was most of what was left of a kept feed's time)."""
    prefix = f"ical-vevent:{get_language()}:{request.get_host()}:{int(cancelled)}"
    keys = {
        f"{prefix}:{o._meta.label_lower}:{o.pk}:{o.start.isoformat()}:{o.end.isoformat()}": o
        for o in occurrences
    }

    def compute(missing):
        rows = {key: keys[key] for key in missing}
        if full is not None and rows:
            loaded = full([o.pk for o in rows.values()])
            rows = {key: loaded[o.pk] for key, o in rows.items()}
        return {key: _vevent(o, request, cancelled=cancelled).to_ical() for key, o in rows.items()}

    found = cached_many({key: _vevent_tags(o) for key, o in keys.items()}, compute)
    return [found[key] for key in keys]


def _timezones(occurrences):
    """The VTIMEZONEs of the zones ``occurrences`` are given in (not all-day), in TZID order,
    with the transitions from the year before the first occurrence to the year after the last."""
    zones = {o.event.time_zone for o in occurrences if not o.all_day}
    if not zones:
        return []
    first = min(o.start for o in occurrences).year - 1
    last = max(o.end for o in occurrences).year + 1
    return list(_zone_components(tuple(sorted(zones)), first, last))


@functools.lru_cache(maxsize=256)
def _zone_components(zones, first_year, last_year):
    """The VTIMEZONE components of ``zones`` over whole years (kept: every feed of the same
    years shares them; they are only read when a calendar is written)."""
    probe = icalendar.Calendar()
    for zone in zones:
        stub = icalendar.Event()
        stub.add("dtstart", datetime(2000, 1, 1, 12, tzinfo=ZoneInfo(zone)))
        probe.add_component(stub)
    probe.add_missing_timezones(first_date=date(first_year, 1, 1), last_date=date(last_year, 12, 31))
    return tuple(sorted(probe.timezones, key=lambda component: str(component["TZID"])))


def build_calendar(occurrences, request, name, cancelled=(), full=None):
    """The calendar as iCalendar text: its properties and time zones written by ``icalendar``,
    then the VEVENTs (``_vevents``; ``full``: see there)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Museumvereniging//museumsite agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(name))
    for zone in _timezones([*occurrences, *cancelled]):
        calendar.add_component(zone)
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    events = _vevents(occurrences, request, full=full) + _vevents(cancelled, request, cancelled=True)
    return head[: -len(end)] + b"".join(events) + end


def calendar_response(calendar, filename, preset="feed"):
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return cache_headers(response, preset)


# --- RSS ------------------------------------------------------------------------------------


class EventRssFeed(ContentDatedRssFeed):
    content_type = "application/rss+xml; charset=utf-8"


def build_rss(occurrences, request, *, title, link, description, language, built=None):
    feed = EventRssFeed(
        built=built,
        title=title,
        link=link,
        description=description,
        language=language,
        feed_url=public_url(request.get_full_path()),
    )
    for occurrence in occurrences:
        event = occurrence.event
        when = occurrence.human_when()
        where = location_text(event)
        summary = strip_tags(event.intro or event.get_listing_summary())
        parts = [f"<p><strong>{escape(when)}</strong></p>"]
        if where:
            parts.append(f"<p>{escape(where)}</p>")
        if summary:
            parts.append(f"<p>{escape(summary)}</p>")
        status = event.get_status_display() if event.status != EventStatus.SCHEDULED else ""
        feed.add_item(
            title=f"{event.title} ({when})" + (f" [{status}]" if status else ""),
            link=page_url(event, request),
            description="".join(parts),
            unique_id=occurrence.uid,
            unique_id_is_permalink=False,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=[event.get_event_type_display()],
            content_language=text_language(event, language),
        )
    response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
    return cache_headers(response, "feed")


# --- The feeds of the agenda page and of one event -------------------------------------------

EVENT_PAGE = "agenda.eventpage"


def _feed_problem(errors):
    text = "\n".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return HttpResponse(
        _("Invalid filter.") + "\n" + text, status=400, content_type="text/plain; charset=utf-8"
    )


def narrow_to_types(page, request, occurrences):
    """A feed of some event types shows the agenda page's own content and events of those types
    only: it depends on them (``core.cachetags.narrow``: the events shown, what they show of
    their venue and organiser, and any event of those types that could join), not on every
    event below the page."""
    types = request.GET.getlist("type")
    if types and set(types) <= set(EventType.values):
        narrow(page, *(facet_tag(EVENT_PAGE, "event_type", kind) for kind in types))
        depends_on(type_tag(Organisation), *{page_tag(occurrence.event_id) for occurrence in occurrences})


def agenda_ical(page, request):
    """``<agenda>/ical/``: the page's filters as a calendar, from 30 days ago onwards."""
    queryset, errors, _filterset = filtered_occurrences(
        page.locale.language_code, request.GET, default="feed", visibility=Visibility.public()
    )
    if errors:
        return _feed_problem(errors)
    occurrences = feed_occurrences(
        queryset.select_related(None).select_related("event").only(*ICAL_KEY_FIELDS)
    )
    narrow_to_types(page, request, occurrences)
    calendar = build_calendar(
        occurrences,
        request,
        page.title,
        cancelled_for_feed(occurrences),
        full=lambda pks: queryset.in_bulk(pks),
    )
    return calendar_response(calendar, "agenda.ics")


def agenda_rss(page, request):
    """``<agenda>/rss/``: the page's filters as RSS, upcoming occurrences."""
    queryset, errors, _filterset = filtered_occurrences(
        page.locale.language_code, request.GET, default="upcoming", visibility=Visibility.public()
    )
    if errors:
        return _feed_problem(errors)
    occurrences = list(queryset[:RSS_MAX_ITEMS])
    narrow_to_types(page, request, occurrences)
    return build_rss(
        occurrences,
        request,
        title=page.title,
        link=page_url(page, request),
        description=page.intro or page.title,
        language=page.locale.language_code,
        built=page.last_published_at,
    )


def event_ical(event, request):
    """``<event>/ical/``: every occurrence of one event. Wagtail has checked that the reader may
    see the event; a calendar of an event the public may not see is not kept in shared caches."""
    occurrences = list(event.occurrences.select_related("event", "event__organiser", "event__venue_museum"))
    calendar = build_calendar(occurrences, request, event.title, cancelled_for_feed(occurrences, event=event))
    preset = "feed" if Visibility.public().can_view(event) else "private"
    return calendar_response(calendar, f"{event.slug}.ics", preset)
