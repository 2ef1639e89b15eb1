"""Museums and exhibitions as the API shows them: the dict shapes of items and details.

The shapes match the schemas in ``museums.api``. A detail is the item's fields plus the type's
own, flat; ``MuseumPage.get_api_data`` hands the same fields to ``/api/v1/pages/resolve/``.
The callers load what is listed (``museums.queries``); these functions only shape it.
"""

from django.utils import timezone

from core.api.conventions import page_item, page_ref
from core.blocks import image_api_representation, stream_api_representation

from .choices import Province, accessibility_by_group, country_of
from .extensions import museum_sections
from .opening_hours import day_hours_data, hhmm, is_ahead


def _money(value):
    return str(value) if value is not None else None


def museumkaart(page):
    return {
        "accepted": page.museumkaart_accepted,
        "reservation_required": page.museumkaart_reservation_required,
        "surcharge_eur": _money(page.museumkaart_surcharge_eur),
        "conditions": page.museumkaart_conditions,
    }


def accessibility_groups(features):
    return [
        {
            "group": group.value,
            "label": str(group.label),
            "features": [{"code": feature.value, "label": str(feature.label)} for feature in items],
        }
        for group, items in accessibility_by_group(feature.code for feature in features)
    ]


def museum_fields(page, request=None, now=None):
    """The museum item's own fields (without the common page fields)."""
    return museum_item_finish(museum_fields_static(page, request), page, now)


def museum_fields_static(page, request=None):
    """The museum item's own fields that do not depend on the moment or the query (what the
    item cache keeps); ``schedule`` is the museum's ``opening_hours.Schedule`` for
    ``museum_item_finish``."""
    return {
        "city": page.city,
        "province": {"code": page.province, "name": str(Province(page.province).label)},
        "latitude": page.latitude,
        "longitude": page.longitude,
        "coordinates_precision": page.coordinates_precision,
        "timezone": page.timezone,
        "categories": [c.code for c in page.categories.all()],
        "museumkaart": museumkaart(page),
        "accessibility": [f.code for f in page.accessibility_features.all()],
        "image": image_api_representation(page.image, request),
        "schedule": page.schedule,
    }


def museum_item_finish(fields, row, now=None):
    """A museum item from its static fields and the window's ``row`` (a page or a dict with
    ``distance_km`` when the list is sorted by distance): adds the distance, "open now" and
    today's hours at ``now``."""
    now = now or timezone.now()
    fields = dict(fields)
    schedule = fields.pop("schedule")
    distance = row.get("distance_km") if isinstance(row, dict) else getattr(row, "distance_km", None)
    fields["distance_km"] = round(distance, 2) if distance is not None else None
    fields["open_now"] = schedule.is_open(now)
    fields["today"] = day_hours_data(schedule.hours_on(schedule.local(now).date()))
    return fields


def museum_item(page, request=None, now=None):
    return {**page_item(page, request), **museum_fields(page, request, now)}


def museum_item_static(page, request=None):
    """The cacheable part of a museum item (see ``museum_fields_static``)."""
    return {**page_item(page, request), **museum_fields_static(page, request)}


def opening_hours(page, now):
    today = page.local_now(now).date()
    next_opening = page.next_opening(now)
    return {
        "open_now": page.is_open(now),
        "today": day_hours_data(page.schedule.hours_on(today)),
        "week": [day_hours_data(day) for day in page.schedule.week(today)],
        "next_opening": next_opening,
        "weekly": [
            {
                "weekday": row.weekday,
                "opens": hhmm(row.opens),
                "closes": hhmm(row.closes),
                "closes_next_day": row.closes_next_day,
            }
            for row in sorted(page.weekly_hours.all(), key=lambda r: (r.weekday, r.opens))
        ],
        "exceptions": [
            {
                "label": row.label,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "weekday": row.weekday,
                "closed": row.closed,
                "opens": hhmm(row.opens) if row.opens else None,
                "closes": hhmm(row.closes) if row.closes else None,
                "closes_next_day": row.closes_next_day,
            }
            for row in sorted(page.hours_exceptions.all(), key=lambda r: r.start_date)
            if is_ahead(row.start_date, row.end_date, today)
        ],
        "hours_verified_at": page.hours_verified_at,
    }


def museum_detail_fields(page, request=None, *, exhibitions, sections, now=None):
    """The museum detail's own fields: the item's plus the detail's plus one per registered
    section (``sections``: ``{name: value}`` from ``museums.extensions``)."""
    now = now or timezone.now()
    today = page.local_now(now).date()
    return {
        **museum_fields(page, request, now),
        "intro": page.intro,
        "address": {
            "street": page.address,
            "postcode": page.postcode,
            "city": page.city,
            "province": page.province,
            "country": country_of(page.province),
        },
        "website": page.website,
        "phone": page.phone,
        "email": page.email,
        "museumregister_registered": page.museumregister_registered,
        "is_rijksmuseum": page.is_rijksmuseum,
        "under_museum_cao": page.under_museum_cao,
        "accessibility_groups": accessibility_groups(page.accessibility_features.all()),
        "accessibility_notes": page.accessibility_notes,
        "opening_hours": opening_hours(page, now),
        "exhibitions": [exhibition_summary(e, request, today) for e in exhibitions],
        "body": stream_api_representation(page.body, request) if page.body else [],
        **{
            section.name: section.api_value(page, sections[section.name], request)
            for section in museum_sections()
        },
    }


def museum_detail(page, request=None, *, exhibitions, sections, now=None):
    return {
        **page_item(page, request),
        **museum_detail_fields(page, request, exhibitions=exhibitions, sections=sections, now=now),
    }


# --- exhibitions -----------------------------------------------------------------------------


def exhibition_dates(page, today):
    return {
        "status": page.status(today),
        "permanent": page.permanent,
        "start_date": page.start_date,
        "end_date": page.end_date,
        "extended_until": page.extended_until,
        "last_day": page.last_day,
    }


def exhibition_summary(page, request, today):
    """An exhibition as a museum detail lists it."""
    return {
        **page_ref(page, request),
        **exhibition_dates(page, today),
        "family_friendly": page.family_friendly,
        "surcharge_eur": _money(page.surcharge_eur),
    }


def exhibition_fields(page, museum, request=None, today=None):
    """The exhibition item's own fields; ``museum`` is its parent page."""
    today = today or timezone.localdate()
    return {
        "museum": page_ref(museum, request) if museum is not None else None,
        **exhibition_dates(page, today),
        "surcharge_eur": _money(page.surcharge_eur),
        "museumkaart_valid": page.museumkaart_valid,
        "family_friendly": page.family_friendly,
        "ticket_url": page.ticket_url,
        "intro": page.intro,
        "themes": [t.slug for t in page.themes.all()],
        "image": image_api_representation(page.image, request),
    }


def exhibition_item(page, request=None, today=None):
    """An exhibition of the list; ``page.museum`` is set by ``queries.attach_museums``."""
    return {**page_item(page, request), **exhibition_fields(page, page.museum, request, today)}


def exhibition_detail_fields(page, museum, request=None):
    """The exhibition detail's own fields (for ``/api/v1/pages/resolve/``)."""
    return {
        **exhibition_fields(page, museum, request),
        "body": stream_api_representation(page.body, request),
    }
