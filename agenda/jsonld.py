"""schema.org JSON-LD of an event page (``Event``): dates, attendance, status, place, offers.

Links to pages are public addresses (``core.links``), and only to pages the public may see.
"""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from core.images import json_ld_image
from core.links import page_url
from core.visibility import Visibility
from museums.choices import country_of

from .choices import ATTENDANCE_SCHEMA, STATUS_SCHEMA, AttendanceMode, EventStatus, RegistrationState
from .queries import next_occurrence
from .serializers import venue


def event_json_ld(event, data, request=None):
    """``data`` (the page's common JSON-LD) completed with the ``Event`` properties."""
    occurrence = next_occurrence(event)
    if occurrence is not None:
        data["startDate"] = occurrence.local_start().isoformat()
        data["endDate"] = occurrence.local_end().isoformat()
    data["eventAttendanceMode"] = ATTENDANCE_SCHEMA[AttendanceMode(event.attendance_mode)]
    data["eventStatus"] = STATUS_SCHEMA[EventStatus(event.status)]
    if event.status == EventStatus.RESCHEDULED and event.previous_start:
        data["previousStartDate"] = event.previous_start.astimezone(ZoneInfo(event.time_zone)).isoformat()
    locations = _locations(event, request)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organiser = event.organiser
    data["organizer"] = {
        "@type": "Organization",
        "name": organiser.name if organiser else "Museumvereniging",
        **({"url": organiser.website} if organiser and organiser.website else {}),
    }
    offers = _offers(event)
    if offers:
        data["offers"] = offers
    speakers = list(event.speakers.all())
    if speakers:
        data["performer"] = [{"@type": "Person", "name": s.name} for s in speakers]
    image = json_ld_image(event.image)
    if image:
        data["image"] = image
    if event.intro and "description" not in data:
        data["description"] = event.intro
    return data


def _locations(event, request):
    locations = []
    place = venue(event)
    if place and event.attendance_mode != AttendanceMode.ONLINE:
        location = {
            "@type": "Place",
            "name": place["name"],
            "address": {
                "@type": "PostalAddress",
                "streetAddress": place["address"],
                "postalCode": place["postcode"],
                "addressLocality": place["city"],
                "addressRegion": place["province"],
                "addressCountry": country_of(place["province"]),
            },
        }
        museum = place["museum"]
        if museum is not None and Visibility.public().can_view(museum):
            location["url"] = page_url(museum, request)
        if place["latitude"] is not None:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": place["latitude"],
                "longitude": place["longitude"],
            }
        locations.append(location)
    if event.online_url and event.attendance_mode != AttendanceMode.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def _offers(event):
    if not event.registration_url:
        return []
    state = event.registration_state()
    availability = (
        "https://schema.org/SoldOut" if state == RegistrationState.FULL else "https://schema.org/InStock"
    )
    offers = []
    for price, name in ((event.price_member, _("Members")), (event.price_non_member, _("Non-members"))):
        if price is None:
            continue
        offer = {
            "@type": "Offer",
            "name": str(name),
            "price": f"{price:.2f}",
            "priceCurrency": "EUR",
            "url": event.registration_url,
            "availability": availability,
        }
        if event.registration_deadline:
            offer["validThrough"] = event.registration_deadline.isoformat()
        offers.append(offer)
    if not offers:
        offers.append({"@type": "Offer", "url": event.registration_url, "availability": availability})
    return offers
