"""Dict shapes of events: the venue, organiser and registration, and what the API hands out.

``venue`` is shared by the pages, the feeds and JSON-LD; ``occurrence_item`` is one item of
``/api/v1/events/``, ``event_detail`` the flat detail of ``/api/v1/events/{id}/`` and
``event_data`` the type's own fields (also in the resolve endpoint's ``data``).
"""

from urllib.parse import quote
from zoneinfo import ZoneInfo

from core.api.conventions import page_item, page_ref
from core.blocks import image_api_representation, stream_api_representation
from core.links import page_path, public_url
from core.visibility import Visibility

from .choices import Province

ASSOCIATION = {"name": "Museumvereniging", "kind": "association", "website": ""}


def venue(event):
    """The venue as a dict (museum or free address), or ``None`` for online-only events.

    ``museum`` is the venue's ``MuseumPage`` (or ``None``): surfaces link it only when their
    reader may see it (the API: ``venue_museum_ref``)."""
    museum = event.venue_museum if event.venue_museum_id else None
    if museum is not None and not museum.live:
        # An unpublished museum page names nothing (its last title may never have been public):
        # the event's own address fields, if any, stand in. A members-only museum is still a
        # public place: its name shows, unlinked (``venue_museum_ref``).
        museum = None
    if museum is not None:
        data = {
            "name": museum.title,
            "address": museum.address,
            "postcode": museum.postcode,
            "city": museum.city,
            "province": museum.province,
            "latitude": museum.latitude,
            "longitude": museum.longitude,
        }
    elif event.venue_name or event.venue_city:
        data = {
            "name": event.venue_name or event.venue_city,
            "address": event.venue_address,
            "postcode": event.venue_postcode,
            "city": event.venue_city,
            "province": event.venue_province,
            "latitude": float(event.venue_latitude) if event.venue_latitude is not None else None,
            "longitude": float(event.venue_longitude) if event.venue_longitude is not None else None,
        }
    else:
        return None
    data["province_label"] = (
        str(Province(data["province"]).label) if data["province"] in Province.values else ""
    )
    data["map_url"] = map_url(data)
    data["museum"] = museum
    return data


def map_url(data):
    """An OpenStreetMap address for a venue: its coordinates, else a search for its address."""
    if data["latitude"] is not None and data["longitude"] is not None:
        lat, lon = data["latitude"], data["longitude"]
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    query = ", ".join(part for part in (data["address"], data["postcode"], data["city"]) if part)
    return "https://www.openstreetmap.org/search?query=" + quote(query) if query else None


def venue_museum_ref(data, request=None):
    """A ``PageRef`` of the venue's museum when the public may see it, else ``None``."""
    museum = data["museum"] if data else None
    if museum is None or not Visibility.public().can_view(museum):
        return None
    return page_ref(museum, request)


def venue_fields(event, request=None):
    """The venue for the API: its museum as a ``PageRef``."""
    data = venue(event)
    if data is None:
        return None
    return {**data, "museum": venue_museum_ref(data, request)}


def organiser(event):
    """Who organises the event (the association when no organisation is chosen)."""
    if not event.organiser_id:
        return dict(ASSOCIATION)
    return {"name": event.organiser.name, "kind": event.organiser.kind, "website": event.organiser.website}


def registration(event):
    return {
        "url": event.registration_url or None,
        "deadline": event.registration_deadline,
        "capacity": event.capacity,
        "price_member": float(event.price_member) if event.price_member is not None else None,
        "price_non_member": float(event.price_non_member) if event.price_non_member is not None else None,
        "full": event.registration_full,
        "state": str(event.registration_state()),
    }


def ical_url(event, request=None):
    """The absolute address of the event's own ``.ics``."""
    path = page_path(event, request)
    return public_url(path + event.reverse_subpage("ical")) if path else None


def occurrence_fields(occurrence):
    """One session or recurrence of an event, in local time at the venue."""
    zone = occurrence.zone
    return {
        "start": occurrence.start.astimezone(zone),
        "end": occurrence.end.astimezone(zone),
        "all_day": occurrence.all_day,
        "title": occurrence.title,
        "uid": occurrence.uid,
        "moved_from": occurrence.original_start.astimezone(zone) if occurrence.original_start else None,
    }


def occurrence_item(occurrence, request=None):
    """One item of the events list: an occurrence with its event's fields."""
    row = {
        "start": occurrence.start,
        "end": occurrence.end,
        "all_day": occurrence.all_day,
        "title": occurrence.title,
        "uid": occurrence.uid,
    }
    return occurrence_item_finish(event_item_static(occurrence.event, request), row)


# The occurrence columns an events list reads per row (``occurrence_item_finish``).
OCCURRENCE_FIELDS = ("event_id", "start", "end", "all_day", "title", "uid")


def event_item_static(event, request=None):
    """The event's part of an events-list item: what every occurrence of it shares (what the
    item cache keeps per event)."""
    return {
        **page_item(event, request),
        "event_type": event.event_type,
        "time_zone": event.time_zone,
        "status": event.status,
        "attendance_mode": event.attendance_mode,
        "audience": event.audience,
        "themes": [theme.slug for theme in event.themes.all()],
        "dossiers": [dossier.slug for dossier in event.dossiers.all()],
        "venue": venue_fields(event, request),
        "online_url": event.online_url or None,
        "organiser": organiser(event),
        "listing_summary": event.get_listing_summary(),
        "image": image_api_representation(event.image, request),
    }


def occurrence_item_finish(event_fields, row):
    """An events-list item from its event's part and the occurrence's ``row``
    (``OCCURRENCE_FIELDS``): its own times in the event's time zone, its session title and uid."""
    zone = ZoneInfo(event_fields["time_zone"])
    return {
        **event_fields,
        "start": row["start"].astimezone(zone),
        "end": row["end"].astimezone(zone),
        "all_day": row["all_day"],
        "session_title": row["title"],
        "uid": row["uid"],
    }


def event_data(event, request=None):
    """The event type's own fields: everything about the event and all its occurrences."""
    return {
        "event_type": event.event_type,
        "intro": event.intro,
        "listing_summary": event.get_listing_summary(),
        "audience": event.audience,
        "attendance_mode": event.attendance_mode,
        "status": event.status,
        "previous_start": event.previous_start,
        "time_zone": event.time_zone,
        "all_day": event.all_day,
        "themes": [theme.slug for theme in event.themes.all()],
        "dossiers": [dossier.slug for dossier in event.dossiers.all()],
        "venue": venue_fields(event, request),
        "online_url": event.online_url or None,
        "organiser": organiser(event),
        "registration": registration(event),
        "speakers": [{"name": s.name, "role": s.role, "url": s.url} for s in event.speakers.all()],
        "image": image_api_representation(event.image, request),
        "ical_url": ical_url(event, request),
        "body": stream_api_representation(event.body, request),
        "occurrences": [occurrence_fields(o) for o in event.occurrences.order_by("start")],
    }


def event_detail(event, request=None):
    """The flat detail of an event: the common page fields plus ``event_data``."""
    return {**page_item(event, request), **event_data(event, request)}
