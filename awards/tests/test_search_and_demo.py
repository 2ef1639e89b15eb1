"""Awards and editions are found by the site search; the demo step is complete and idempotent."""

import io
from decimal import Decimal
from html import escape

import pytest
from django.core.management.color import no_style

from awards.demo import MUSEUMS, WINNERS
from awards.factories import AwardEditionPageFactory
from awards.models import AwardEditionPage, AwardPage, AwardsIndexPage

pytestmark = pytest.mark.django_db


def test_site_search_finds_awards_and_editions_but_not_drafts(client, award, edition_2024):
    AwardEditionPageFactory(
        parent=award, year=2031, title="Geheime Museumprijs 2031", theme="Levende tradities", publish=False
    )
    html = client.get("/zoeken/", {"q": "Levende tradities"}).content.decode()
    assert "VriendenLoterij Museumprijs 2024" in html
    assert "Geheime Museumprijs" not in html
    assert (
        "VriendenLoterij Museumprijs"
        in client.get("/zoeken/", {"q": "VriendenLoterij Museumprijs"}).content.decode()
    )
    # An edition is also found by the name of a nominated museum.
    assert (
        "VriendenLoterij Museumprijs 2024" in client.get("/zoeken/", {"q": "Zilvermuseum"}).content.decode()
    )


def test_demo_step_builds_the_awards_and_is_idempotent(client, site_root, museum_index):
    from awards.demo import load
    from core.demo import taxonomy
    from core.seeding import SeedContext

    ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
    taxonomy(ctx)
    load(ctx)
    index = AwardsIndexPage.objects.get(slug="prijzen", locale__language_code="nl")
    assert index.live and index.show_in_menus
    prijs = AwardPage.objects.get(slug="museumprijs", locale__language_code="nl")
    years = sorted(AwardEditionPage.objects.child_of(prijs).live().values_list("year", flat=True))
    assert years == list(range(2014, 2025))
    edition = AwardEditionPage.objects.child_of(prijs).get(year=2024)
    rows = {n.museum.title: (n.stage, n.votes) for n in edition.nominations.select_related("museum")}
    assert rows == {
        "Nederlands Openluchtmuseum": ("winner", 24448),
        "Abraham Fock": ("nominee", 19536),
        "Zilvermuseum": ("nominee", 10874),
    }
    assert edition.entries_count == 46 and edition.longlist_size == 7
    # Every edition has its public winner, and only one, and its page shows it; the other award's
    # editions are demo.
    winners = {
        edition.year: [n.museum.title for n in edition.nominations.all() if n.stage == "winner"]
        for edition in AwardEditionPage.objects.child_of(prijs).prefetch_related("nominations__museum")
    }
    assert winners == {
        **{year: [MUSEUMS[key][0][0]] for year, (key, *_rest) in WINNERS.items()},
        2024: ["Nederlands Openluchtmuseum"],
    }
    assert winners[2014] == ["Museum Klok & Peel"] and winners[2023] == ["Museum Jan Cunen"]
    for past in AwardEditionPage.objects.child_of(prijs).filter(year__in=WINNERS):
        assert escape(winners[past.year][0]) in client.get(past.url).content.decode(), past.year
    fries = AwardEditionPage.objects.child_of(prijs).get(year=2015).nominations.get(stage="winner")
    assert fries.vote_share == Decimal("40.1")
    en = AwardEditionPage.objects.get(translation_key=edition.translation_key, locale__language_code="en")
    assert en.alias_of_id is None and en.nominations.count() == 3
    education = AwardPage.objects.get(slug="museumeducatie-prijs", locale__language_code="nl")
    assert education.cycle == "biennial"
    assert all(e.is_demo for e in AwardEditionPage.objects.child_of(education))
    assert {o.name for o in prijs.organisers.all()} == {"Cultuurfonds", "VriendenLoterij"}

    created = ctx.created
    load(ctx)
    assert ctx.created == created
