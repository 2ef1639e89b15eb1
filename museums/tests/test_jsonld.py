"""schema.org JSON-LD of museum and exhibition pages parses and has the required fields."""

import datetime
import json
import re

import pytest

pytestmark = pytest.mark.django_db


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.content.decode(), re.S
    )
    assert blocks, "no JSON-LD on the page"
    return [json.loads(block) for block in blocks]


def test_museum(client, museum):
    data = next(d for d in json_ld(client, museum.url) if d.get("@type") == "Museum")
    assert data["name"] == "Anne Frank Huis"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Westermarkt 20",
        "postalCode": "1016 DK",
        "addressLocality": "Amsterdam",
        "addressRegion": "Noord-Holland",
        "addressCountry": "NL",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.375083, "longitude": 4.884031}
    weekly = [s for s in data["openingHoursSpecification"] if "validFrom" not in s]
    assert len(weekly) == 7
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "22:00",
    } in weekly
    from .test_finder import nl

    names = {f["name"] for f in data["amenityFeature"]}
    assert names == {nl("Step-free access"), nl("Audio description")}
    assert all(
        f["@type"] == "LocationFeatureSpecification" and f["value"] is True for f in data["amenityFeature"]
    )


def test_museum_exceptions_are_dated_specifications(client, museum_index):
    from museums.factories import MuseumPageFactory

    next_year = datetime.date.today().year + 1
    page = MuseumPageFactory(
        parent=museum_index,
        title="Uitzonderingen (demo)",
        exceptions=[
            {"start_date": datetime.date(next_year, 1, 1), "closed": True, "label": "Nieuwjaarsdag"},
            {
                "start_date": datetime.date(next_year, 7, 1),
                "end_date": datetime.date(next_year, 8, 31),
                "weekday": 0,
                "opens": datetime.time(11),
                "closes": datetime.time(16),
            },
            {"start_date": datetime.date(2000, 1, 1), "closed": True, "label": "Lang geleden"},
        ],
    )
    data = next(d for d in json_ld(client, page.url) if d.get("@type") == "Museum")
    dated = [s for s in data["openingHoursSpecification"] if "validFrom" in s]
    assert dated == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": f"{next_year}-01-01",
            "validThrough": f"{next_year}-01-01",
            "name": "Nieuwjaarsdag",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": f"{next_year}-07-01",
            "validThrough": f"{next_year}-08-31",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "11:00",
            "closes": "16:00",
        },
    ]


def test_caribbean_country(client, museum_index):
    from museums.factories import MuseumPageFactory

    page = MuseumPageFactory(
        parent=museum_index,
        title="Aruba (demo)",
        city="Oranjestad",
        province="NL-AW",
        latitude=12.5,
        longitude=-70.0,
    )
    data = next(d for d in json_ld(client, page.url) if d.get("@type") == "Museum")
    assert data["address"]["addressCountry"] == "AW"


def test_exhibition(client, exhibition, museum):
    data = next(d for d in json_ld(client, exhibition.url) if d.get("@type") == "ExhibitionEvent")
    assert data["name"] == "Vrijheid (demo)"
    assert data["startDate"] == exhibition.start_date.isoformat()
    assert data["endDate"] == exhibition.end_date.isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Museum" and data["location"]["name"] == "Anne Frank Huis"


def test_finder(client, museum_index):
    data = json_ld(client, museum_index.url)
    assert any(d.get("@type") == "CollectionPage" for d in data)
