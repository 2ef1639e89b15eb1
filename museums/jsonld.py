"""schema.org data of museums (Museum) and exhibitions (ExhibitionEvent)."""

from django.utils import timezone

from .choices import Province, Weekday
from .serializers import hhmm

DAY_URIS = {day.value: f"https://schema.org/{day.name.title()}" for day in Weekday}
EXCEPTIONS_AHEAD_DAYS = 366


def address_country(province):
    """ISO 3166-1 country of a province code: NL, BQ (Caribbean Netherlands), AW, CW or SX."""
    region = province.split("-", 1)[1] if province else ""
    if region.startswith("BQ"):
        return "BQ"
    return region if region in {"AW", "CW", "SX"} else "NL"


def postal_address(page):
    return {
        "@type": "PostalAddress",
        "streetAddress": page.address,
        "postalCode": page.postcode,
        "addressLocality": page.city,
        "addressRegion": str(Province(page.province).label) if page.province else "",
        "addressCountry": address_country(page.province),
    }


def opening_hours_specification(page, today):
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": DAY_URIS[row.weekday],
            "opens": hhmm(row.opens),
            "closes": hhmm(row.closes),
        }
        for row in sorted(page.weekly_hours.all(), key=lambda r: (r.weekday, r.opens))
    ]
    for row in sorted(page.hours_exceptions.all(), key=lambda r: r.start_date):
        if row.end_date < today or (row.start_date - today).days > EXCEPTIONS_AHEAD_DAYS:
            continue
        spec = {
            "@type": "OpeningHoursSpecification",
            "validFrom": row.start_date.isoformat(),
            "validThrough": row.end_date.isoformat(),
        }
        if row.label:
            spec["name"] = row.label
        if row.weekday is not None:
            spec["dayOfWeek"] = DAY_URIS[row.weekday]
        if not row.closed:  # leaving out opens/closes means closed
            spec["opens"] = hhmm(row.opens)
            spec["closes"] = hhmm(row.closes)
        specs.append(spec)
    return specs


def _image_url(image, request):
    if image is None:
        return None
    url = image.get_rendition("max-1600x1200").url
    return request.build_absolute_uri(url) if request is not None and url.startswith("/") else url


def museum_json_ld(page, data, request=None):
    today = page.local_now().date()
    data["address"] = postal_address(page)
    if page.has_coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": page.latitude, "longitude": page.longitude}
    data["openingHoursSpecification"] = opening_hours_specification(page, today)
    data["amenityFeature"] = [
        {"@type": "LocationFeatureSpecification", "name": str(feature.label), "value": True}
        for feature in page.accessibility_features.all()
    ]
    if page.website:
        data["sameAs"] = [page.website]
    if page.phone:
        data["telephone"] = page.phone
    if page.email:
        data["email"] = page.email
    image = _image_url(page.image, request)
    if image:
        data["image"] = image
    if page.wikidata_qid:
        data.setdefault("sameAs", []).append(f"https://www.wikidata.org/wiki/{page.wikidata_qid}")
    from awards.queries import nominations_for_museum
    from awards.serializers import museum_awards_json_ld

    awards = museum_awards_json_ld(nominations_for_museum(page, include_aliases=False))
    if awards:
        data["award"] = awards
    return data


def exhibition_json_ld(page, data, request=None):
    museum = page.get_parent().specific
    data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    data["eventStatus"] = "https://schema.org/EventScheduled"
    start = page.start_date or (page.first_published_at or timezone.now()).date()
    data["startDate"] = start.isoformat()
    if page.last_day:
        data["endDate"] = page.last_day.isoformat()
    data["location"] = {
        "@type": "Museum",
        "name": museum.title,
        "url": museum.get_full_url(request),
        "address": postal_address(museum),
    }
    data["isAccessibleForFree"] = False
    if page.family_friendly:
        data["typicalAgeRange"] = "4-"
    image = _image_url(page.image, request)
    if image:
        data["image"] = image
    return data
