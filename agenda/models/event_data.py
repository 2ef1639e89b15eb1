"""How an event presents itself: venue, schema.org JSON-LD, API data and share text."""

from datetime import UTC
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.blocks import stream_api_representation

from ..choices import ATTENDANCE_SCHEMA, STATUS_SCHEMA, AttendanceMode, EventStatus, RegistrationState


class EventDataMixin:
    """Presentation helpers of ``EventPage`` (kept apart so the model file stays readable)."""

    # --- Venue ----------------------------------------------------------------------------

    def get_venue(self):
        """The venue as a dict (museum or free address), or ``None`` for online-only events."""
        museum = self.venue_museum if self.venue_museum_id else None
        if museum is not None:
            venue = {
                "name": museum.title,
                "address": museum.address,
                "postcode": museum.postcode,
                "city": museum.city,
                "province": museum.province,
                "latitude": museum.latitude,
                "longitude": museum.longitude,
                "museum_id": museum.pk,
                "url": museum.url if museum.live else None,
            }
        elif self.venue_name or self.venue_city:
            venue = {
                "name": self.venue_name or self.venue_city,
                "address": self.venue_address,
                "postcode": self.venue_postcode,
                "city": self.venue_city,
                "province": self.venue_province,
                "latitude": float(self.venue_latitude) if self.venue_latitude is not None else None,
                "longitude": float(self.venue_longitude) if self.venue_longitude is not None else None,
                "museum_id": None,
                "url": None,
            }
        else:
            return None
        venue["province_label"] = self._province_label(venue["province"])
        venue["map_url"] = self._map_url(venue)
        return venue

    @staticmethod
    def _province_label(code):
        from ..choices import Province

        return str(Province(code).label) if code in Province.values else ""

    @staticmethod
    def _map_url(venue):
        if venue["latitude"] is not None and venue["longitude"] is not None:
            lat, lon = venue["latitude"], venue["longitude"]
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        query = ", ".join(part for part in (venue["address"], venue["postcode"], venue["city"]) if part)
        return "https://www.openstreetmap.org/search?query=" + quote(query) if query else None

    def location_text(self):
        """One line for calendars and feeds: the venue's address and/or the online address."""
        parts = []
        venue = self.get_venue()
        if venue and self.attendance_mode != AttendanceMode.ONLINE:
            parts.append(", ".join(p for p in (venue["name"], venue["address"], venue["city"]) if p))
        if self.online_url and self.attendance_mode != AttendanceMode.IN_PERSON:
            parts.append(self.online_url)
        return " / ".join(parts)

    # --- Dates ----------------------------------------------------------------------------

    def upcoming_occurrences(self, limit=None):
        qs = self.occurrences.filter(end__gte=timezone.now()).order_by("start")
        return list(qs[:limit] if limit else qs)

    def next_occurrence(self):
        upcoming = self.upcoming_occurrences(limit=1)
        return upcoming[0] if upcoming else self.occurrences.order_by("start").first()

    def google_calendar_url(self, occurrence):
        fmt = "%Y%m%d" if occurrence.all_day else "%Y%m%dT%H%M%SZ"
        if occurrence.all_day:
            start, end = occurrence.local_start(), occurrence.local_end()
        else:
            start, end = occurrence.start.astimezone(UTC), occurrence.end.astimezone(UTC)
        params = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start:{fmt}}/{end:{fmt}}",
            "details": self.intro or self.get_listing_summary(),
            "location": self.location_text(),
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(params)

    # --- schema.org -----------------------------------------------------------------------

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        occurrence = self.next_occurrence()
        if occurrence is not None:
            data["startDate"] = occurrence.local_start().isoformat()
            data["endDate"] = occurrence.local_end().isoformat()
        data["eventAttendanceMode"] = ATTENDANCE_SCHEMA[AttendanceMode(self.attendance_mode)]
        data["eventStatus"] = STATUS_SCHEMA[EventStatus(self.status)]
        if self.status == EventStatus.RESCHEDULED and self.previous_start:
            data["previousStartDate"] = self.previous_start.astimezone(ZoneInfo(self.time_zone)).isoformat()
        locations = []
        venue = self.get_venue()
        if venue and self.attendance_mode != AttendanceMode.ONLINE:
            place = {
                "@type": "Place",
                "name": venue["name"],
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": venue["address"],
                    "postalCode": venue["postcode"],
                    "addressLocality": venue["city"],
                    "addressRegion": venue["province"],
                    "addressCountry": "NL",
                },
            }
            if venue["latitude"] is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": venue["latitude"],
                    "longitude": venue["longitude"],
                }
            locations.append(place)
        if self.online_url and self.attendance_mode != AttendanceMode.IN_PERSON:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organiser = self.organiser
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.name if organiser else "Museumvereniging",
            **({"url": organiser.website} if organiser and organiser.website else {}),
        }
        offers = self._offers()
        if offers:
            data["offers"] = offers
        speakers = list(self.speakers.all())
        if speakers:
            data["performer"] = [{"@type": "Person", "name": s.name} for s in speakers]
        if self.intro and "description" not in data:
            data["description"] = self.intro
        return data

    def _offers(self):
        if not self.registration_url:
            return []
        state = self.registration_state()
        availability = (
            "https://schema.org/SoldOut" if state == RegistrationState.FULL else "https://schema.org/InStock"
        )
        offers = []
        for price, name in ((self.price_member, _("Members")), (self.price_non_member, _("Non-members"))):
            if price is None:
                continue
            offer = {
                "@type": "Offer",
                "name": str(name),
                "price": f"{price:.2f}",
                "priceCurrency": "EUR",
                "url": self.registration_url,
                "availability": availability,
            }
            if self.registration_deadline:
                offer["validThrough"] = self.registration_deadline.isoformat()
            offers.append(offer)
        if not offers:
            offers.append({"@type": "Offer", "url": self.registration_url, "availability": availability})
        return offers

    # --- The headless API -----------------------------------------------------------------

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            **event_fields(self),
            "body": stream_api_representation(self.body, request),
            "occurrences": [o.as_api(request) for o in self.occurrences.order_by("start")],
        }

    # --- Sharing --------------------------------------------------------------------------

    def linkedin_text(self, request=None):
        """A ready-to-post text for LinkedIn: title, when, where, a sentence and the link."""
        occurrence = self.next_occurrence()
        when = occurrence.human_when() if occurrence else ""
        venue = self.get_venue()
        where = (
            _("Online")
            if self.attendance_mode == AttendanceMode.ONLINE
            else (", ".join(p for p in (venue["name"], venue["city"]) if p) if venue else "")
        )
        lines = [
            self.title,
            f"🗓 {when}" if when else "",
            f"📍 {where}" if where else "",
            "",
            strip_tags(self.intro or self.get_listing_summary()),
            "",
            self.get_full_url(request) or "",
        ]
        tags = ["#musea", "#" + self.event_type.replace("-", "")]
        tags += ["#" + t.slug.replace("-", "") for t in self.themes.all()]
        lines.append(" ".join(dict.fromkeys(tags)))
        text = "\n".join(lines)
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text.strip()


def event_fields(page):
    """Type-specific fields shared by the events API and the resolve endpoint."""
    return {
        "event_type": page.event_type,
        "intro": page.intro,
        "audience": page.audience,
        "attendance_mode": page.attendance_mode,
        "status": page.status,
        "previous_start": page.previous_start,
        "time_zone": page.time_zone,
        "all_day": page.all_day,
        "themes": [t.slug for t in page.themes.all()],
        "dossiers": [d.slug for d in page.dossiers.all()],
        "venue": page.get_venue(),
        "online_url": page.online_url or None,
        "organiser": {
            "name": page.organiser.name,
            "kind": page.organiser.kind,
            "website": page.organiser.website,
        }
        if page.organiser_id
        else {"name": "Museumvereniging", "kind": "association", "website": ""},
        "registration": {
            "url": page.registration_url or None,
            "deadline": page.registration_deadline,
            "capacity": page.capacity,
            "price_member": float(page.price_member) if page.price_member is not None else None,
            "price_non_member": float(page.price_non_member) if page.price_non_member is not None else None,
            "full": page.registration_full,
            "state": str(page.registration_state()),
        },
        "speakers": [{"name": s.name, "role": s.role, "url": s.url} for s in page.speakers.all()],
        "ical_url": page.url + page.reverse_subpage("ical") if page.url else None,
    }


def format_local(dt, all_day=False):
    """A local datetime in the active language (date only for all-day events)."""
    return date_format(dt, "DATE_FORMAT") if all_day else date_format(dt, "DATETIME_FORMAT")
