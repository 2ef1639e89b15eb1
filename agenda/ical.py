"""iCalendar (RFC 5545) output with the ``icalendar`` library: one VEVENT per occurrence."""

from datetime import UTC, timedelta

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags

from .choices import EventStatus, EventType

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def _vevent(occurrence, request):
    event = occurrence.event
    vevent = icalendar.Event()
    vevent.add("uid", occurrence.uid)
    # DTSTAMP: when this version of the event was published (stable between requests).
    vevent.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    vevent.add("sequence", event.ical_sequence)
    summary = event.title + (f": {occurrence.title}" if occurrence.title else "")
    if event.status == EventStatus.CANCELLED:
        summary = f"[{EventStatus.CANCELLED.label}] {summary}"
    vevent.add("summary", summary)
    # Dates for all-day events, else local times with the venue's TZID; DTEND is exclusive.
    vevent.add("dtstart", occurrence.local_start())
    vevent.add("dtend", occurrence.local_end())
    vevent.add("status", ICAL_STATUS[EventStatus(event.status)])
    url = event.get_full_url(request)
    if url:
        vevent.add("url", url)
    location = event.location_text()
    if location:
        vevent.add("location", location)
    venue = event.get_venue()
    if venue and venue["latitude"] is not None and event.attendance_mode != "online":
        vevent.add("geo", (float(venue["latitude"]), float(venue["longitude"])))
    description = strip_tags(event.intro or event.get_listing_summary())
    if event.online_url and event.attendance_mode != "in-person":
        description = f"{description}\n\n{event.online_url}".strip()
    if url:
        description = f"{description}\n\n{url}".strip()
    if description:
        vevent.add("description", description)
    vevent.add("categories", [str(EventType(event.event_type).label)])
    if event.organiser_id and event.organiser.email:
        vevent.add("organizer", f"mailto:{event.organiser.email}", parameters={"CN": event.organiser.name})
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(UTC))
    return vevent


def build_calendar(occurrences, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Museumvereniging//museumsite agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for occurrence in occurrences:
        calendar.add_component(_vevent(occurrence, request))
    if occurrences:
        # One VTIMEZONE per TZID used, with the transitions around the occurrences only.
        first = min(o.start for o in occurrences).date() - timedelta(days=366)
        last = max(o.end for o in occurrences).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def event_calendar_response(event, request):
    occurrences = list(event.occurrences.select_related("event", "event__organiser", "event__venue_museum"))
    calendar = build_calendar(occurrences, request, event.title)
    return calendar_response(calendar, f"{event.slug}.ics")
