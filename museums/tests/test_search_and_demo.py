"""Museums and exhibitions are in the site search; the demo data keeps its promises."""

import pytest
from wagtail.models import Page

from museums.choices import CARIBBEAN_PROVINCES
from museums.demo_data import FACTS, MUSEUMS
from museums.factories import ExhibitionPageFactory, MuseumPageFactory


def search(query, model):
    return list(Page.objects.live().type(model).search(query))


@pytest.mark.django_db
def test_museums_are_found_by_name_city_description_and_exhibition_title(museum_index):
    from museums.models import ExhibitionPage, MuseumPage

    museum = MuseumPageFactory(
        parent=museum_index, title="Grachtenmuseum (demo)", city="Zierikzee", intro="Over bruggen en sluizen."
    )
    ExhibitionPageFactory(parent=museum, title="Walvisvaarders van weleer (demo)")
    # Publishing the exhibition re-indexes its museum (signals.reindex_museum).
    for query in ("Grachtenmuseum", "Zierikzee", "sluizen", "walvisvaarders"):
        assert museum.pk in [p.pk for p in search(query, MuseumPage)], query
    assert [p.title for p in search("walvisvaarders", ExhibitionPage)] == ["Walvisvaarders van weleer (demo)"]


@pytest.mark.django_db
def test_site_search_finds_museums_and_exhibitions(client, museum, exhibition):
    body = client.get("/zoeken/", {"q": "Anne Frank Huis"}).content.decode()
    assert "Anne Frank Huis" in body
    assert "Vrijheid (demo)" in client.get("/zoeken/", {"q": "Vrijheid"}).content.decode()


def test_demo_has_25_dutch_and_2_caribbean_museums():
    caribbean = [m for m in MUSEUMS if m[3] in CARIBBEAN_PROVINCES]
    assert len(MUSEUMS) - len(caribbean) >= 25 and len(caribbean) >= 2
    assert len({m[0] for m in MUSEUMS}) == len(MUSEUMS)  # unique slugs


def test_demo_invents_no_exact_coordinates():
    # Building points come only from FACTS (public sources); the fallback points are town centres.
    assert FACTS["anne-frank-huis"]["latitude"] == 52.375083
    for _slug, _title, _city, _province, point, *_rest in MUSEUMS:
        lat, lon = point or (0.0, 0.0)
        assert round(lat, 3) == lat and round(lon, 3) == lon  # town-centre precision, no more


@pytest.mark.django_db
def test_demo_loads_museums_exhibitions_and_is_idempotent(site_root):
    import io

    from django.core.management.color import no_style

    from core.seeding import SeedContext
    from museums.demo import load
    from museums.models import ExhibitionPage, MuseumPage

    ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
    load(ctx)
    nl = MuseumPage.objects.filter(locale__language_code="nl")
    assert nl.count() == len(MUSEUMS)
    anne = nl.get(slug="anne-frank-huis")
    assert (anne.latitude, anne.longitude, anne.postcode) == (52.375083, 4.884031, "1016 DK")
    assert nl.get(slug="rijksmuseum").coordinates_precision == "exact"
    assert nl.get(slug="de-lakenhal").coordinates_precision == "exact"
    assert nl.get(slug="museo-chichi-tan").coordinates_precision == "approximate"  # building not found
    assert nl.get(slug="museo-chichi-tan").timezone == "America/Kralendijk"
    assert nl.get(slug="museum-klok-peel").address == ""  # not found, so not invented
    exhibitions = ExhibitionPage.objects.filter(locale__language_code="nl")
    assert exhibitions.count() >= 40
    statuses = {e.status() for e in exhibitions}
    assert statuses == {"current", "upcoming", "past"}
    assert all("(demo)" in e.title for e in exhibitions)
    assert anne.hours_exceptions.filter(label__startswith="Eerste Kerstdag").count() == 2
    created = ctx.created
    load(ctx)
    assert ctx.created == created
