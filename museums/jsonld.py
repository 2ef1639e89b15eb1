"""schema.org data of museums (Museum) and exhibitions (ExhibitionEvent).

Links are public addresses (``core.links``). A museum's registered sections
(``museums.extensions``) may add properties, e.g. the awards app's ``award``; their values are
the ones the page already loaded for its HTML.
"""

from django.utils import timezone

from core.links import page_url, public_url

from .choices import Province, Weekday, country_of
from .extensions import museum_sections, values_for
from .opening_hours import hhmm, is_ahead

DAY_URIS = {day.value: f"https://schema.org/{day.name.title()}" for day in Weekday}
IMAGE_RENDITION = "max-1600x1200"


def postal_address(page):
    return {
        "@type": "PostalAddress",
        "streetAddress": page.address,
        "postalCode": page.postcode,
        "addressLocality": page.city,
        "addressRegion": str(Province(page.province).label) if page.province else "",
        "addressCountry": country_of(page.province),
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
        if not is_ahead(row.start_date, row.end_date, today):
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


def _image_url(image):
    if image is None:
        return None
    return public_url(image.get_rendition(IMAGE_RENDITION).url)


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
    image = _image_url(page.image)
    if image:
        data["image"] = image
    if page.wikidata_qid:
        data.setdefault("sameAs", []).append(f"https://www.wikidata.org/wiki/{page.wikidata_qid}")
    values = values_for(page, request)
    for section in museum_sections():
        data.update(section.json_ld(page, values[section.name], request))
    return data


def exhibition_json_ld(page, data, museum, request=None):
    """``museum`` is the exhibition's parent page."""
    data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    data["eventStatus"] = "https://schema.org/EventScheduled"
    start = page.start_date or (page.first_published_at or timezone.now()).date()
    data["startDate"] = start.isoformat()
    if page.last_day:
        data["endDate"] = page.last_day.isoformat()
    data["location"] = {
        "@type": "Museum",
        "name": museum.title,
        "url": page_url(museum, request),
        "address": postal_address(museum),
    }
    data["isAccessibleForFree"] = False
    if page.family_friendly:
        data["typicalAgeRange"] = "4-"
    image = _image_url(page.image)
    if image:
        data["image"] = image
    return data
