"""Museums and exhibitions as plain dicts: the API's items, details and the resolve data."""

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.images import get_image_model

from core.api.conventions import page_item
from core.blocks import IMAGE_RENDITIONS, image_api_representation, stream_api_representation

from .choices import ACCESSIBILITY_GROUPS, AccessibilityGroup, Province

UPCOMING_EXCEPTIONS_DAYS = 366


def images_prefetch(field):
    """Prefetch an image field with the API's renditions (no query per item)."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values()))


def museum_list_queryset(queryset):
    """Everything a museum item needs, in a constant number of queries."""
    return queryset.select_related("locale").prefetch_related(
        "weekly_hours",
        "hours_exceptions",
        "categories",
        "accessibility_features",
        images_prefetch("image"),
    )


def hhmm(value):
    return value.strftime("%H:%M")


def _money(value):
    return str(value) if value is not None else None


def museumkaart(page):
    return {
        "accepted": page.museumkaart_accepted,
        "reservation_required": page.museumkaart_reservation_required,
        "surcharge_eur": _money(page.museumkaart_surcharge_eur),
        "conditions": page.museumkaart_conditions,
    }


def day_hours(day):
    return {
        "date": day.date,
        "closed": day.is_closed,
        "ranges": [
            {"opens": hhmm(r.opens), "closes": hhmm(r.closes), "closes_next_day": r.closes_next_day}
            for r in day.ranges
        ],
        "exception": day.exception,
        "label": day.label,
    }


def accessibility(features):
    groups = {group: [] for group in AccessibilityGroup.values}
    for feature in features:
        groups[ACCESSIBILITY_GROUPS[feature.code]].append({"code": feature.code, "label": str(feature.label)})
    return [
        {"group": group, "label": str(AccessibilityGroup(group).label), "features": items}
        for group, items in groups.items()
        if items
    ]


def museum_item(page, request=None, now=None):
    now = now or timezone.now()
    distance = getattr(page, "distance_km", None)
    return {
        **page_item(page, request),
        "city": page.city,
        "province": {"code": page.province, "name": str(Province(page.province).label)},
        "latitude": page.latitude,
        "longitude": page.longitude,
        "coordinates_precision": page.coordinates_precision,
        "timezone": page.timezone,
        "distance_km": round(distance, 2) if distance is not None else None,
        "categories": [c.code for c in page.categories.all()],
        "museumkaart": museumkaart(page),
        "accessibility": [f.code for f in page.accessibility_features.all()],
        "open_now": page.is_open(now),
        "today": day_hours(page.hours_today(now)),
        "image": image_api_representation(page.image, request),
    }


def museum_detail(page, request=None, now=None, exhibitions=None):
    """The detail shape (API detail and the resolve endpoint's ``data``)."""
    now = now or timezone.now()
    today = page.local_now(now).date()
    if exhibitions is None:
        exhibitions = exhibitions_of(page, today)
    next_opening = page.next_opening(now)
    horizon = today.toordinal() + UPCOMING_EXCEPTIONS_DAYS
    from awards.api import museum_nominations_api

    return {
        "intro": page.intro,
        "nominations": museum_nominations_api(page, request),
        "address": {
            "street": page.address,
            "postcode": page.postcode,
            "city": page.city,
            "province": page.province,
            "country": "NL",
        },
        "latitude": page.latitude,
        "longitude": page.longitude,
        "coordinates_precision": page.coordinates_precision,
        "timezone": page.timezone,
        "website": page.website,
        "phone": page.phone,
        "email": page.email,
        "categories": [c.code for c in page.categories.all()],
        "museumkaart": museumkaart(page),
        "museumregister_registered": page.museumregister_registered,
        "is_rijksmuseum": page.is_rijksmuseum,
        "under_museum_cao": page.under_museum_cao,
        "accessibility": accessibility(page.accessibility_features.all()),
        "accessibility_notes": page.accessibility_notes,
        "opening_hours": {
            "open_now": page.is_open(now),
            "today": day_hours(page.schedule.hours_on(today)),
            "week": [day_hours(day) for day in page.schedule.week(today)],
            "next_opening": next_opening.isoformat() if next_opening else None,
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
                if row.end_date >= today and row.start_date.toordinal() <= horizon
            ],
            "hours_verified_at": page.hours_verified_at,
        },
        "exhibitions": [exhibition_summary(e, request, today) for e in exhibitions],
        "image": image_api_representation(page.image, request),
        "body": stream_api_representation(page.body, request) if page.body else [],
    }


def exhibitions_of(page, today):
    """Current and upcoming live, public exhibitions of a museum, soonest first."""
    from .models import ExhibitionPage

    return list(
        ExhibitionPage.objects.child_of(page)
        .live()
        .public()
        .filter(Q(last_day__isnull=True) | Q(last_day__gte=today))
        .select_related("locale")
        .prefetch_related(images_prefetch("image"))
        .order_by("-permanent", "start_date", "title")
    )


def exhibition_summary(page, request, today):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request) if request is not None else page.url,
        "status": page.status(today),
        "permanent": page.permanent,
        "start_date": page.start_date,
        "end_date": page.last_day,
        "family_friendly": page.family_friendly,
        "surcharge_eur": _money(page.surcharge_eur),
    }


def exhibition_fields(page, request=None, today=None):
    today = today or timezone.localdate()
    return {
        "museum_id": page.get_parent().pk if not hasattr(page, "museum_id") else page.museum_id,
        "status": page.status(today),
        "permanent": page.permanent,
        "start_date": page.start_date,
        "end_date": page.end_date,
        "extended_until": page.extended_until,
        "last_day": page.last_day,
        "surcharge_eur": _money(page.surcharge_eur),
        "museumkaart_valid": page.museumkaart_valid,
        "family_friendly": page.family_friendly,
        "ticket_url": page.ticket_url,
        "intro": page.intro,
        "themes": [t.slug for t in page.themes.all()],
        "image": image_api_representation(page.image, request),
    }


def exhibition_detail(page, request=None):
    return {**exhibition_fields(page, request), "body": stream_api_representation(page.body, request)}
