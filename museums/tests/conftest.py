import datetime

import pytest

from museums.factories import ExhibitionPageFactory, MuseumIndexPageFactory, MuseumPageFactory


@pytest.fixture
def museum_index(site_root):
    return MuseumIndexPageFactory(parent=site_root)


@pytest.fixture
def museum(museum_index):
    """The Anne Frank Huis (coordinates from the project's domain notes), open daily 9–22."""
    return MuseumPageFactory(
        parent=museum_index,
        title="Anne Frank Huis",
        slug="anne-frank-huis",
        address="Westermarkt 20",
        postcode="1016 DK",
        city="Amsterdam",
        province="NL-NH",
        latitude=52.375083,
        longitude=4.884031,
        hours=[(day, datetime.time(9), datetime.time(22)) for day in range(7)],
        exceptions=[{"start_date": datetime.date(2026, 4, 27), "closed": True, "label": "Koningsdag"}],
        categories=["history"],
        accessibility=["step-free", "audio-description"],
    )


@pytest.fixture
def exhibition(museum):
    return ExhibitionPageFactory(parent=museum, title="Vrijheid (demo)")


T = datetime.time


@pytest.fixture
def finder_museums(museum_index):
    """Three invented museums with distinct properties, one draft and one private museum."""
    from wagtail.models import PageViewRestriction

    noord = MuseumPageFactory(
        parent=museum_index,
        title="Kunsthal Noord (demo)",
        city="Amsterdam",
        province="NL-NH",
        latitude=52.37,
        longitude=4.89,
        categories=["art"],
        accessibility=["step-free", "audio-description"],
        museumkaart_accepted=True,
        hours=[(d, T(10), T(17)) for d in range(1, 7)],
    )
    natuur = MuseumPageFactory(
        parent=museum_index,
        title="Natuurhuis (demo)",
        city="Leiden",
        province="NL-ZH",
        latitude=52.16,
        longitude=4.50,
        categories=["nature"],
        accessibility=["step-free"],
        museumkaart_accepted=False,
        hours=[(d, T(9), T(17)) for d in range(7)],
        exceptions=[{"start_date": datetime.date(2026, 12, 25), "closed": True, "label": "Kerst"}],
    )
    eiland = MuseumPageFactory(
        parent=museum_index,
        title="Eilandhuis (demo)",
        city="Kralendijk",
        province="NL-BQ1",
        latitude=12.15,
        longitude=-68.27,
        categories=["history"],
        museumkaart_accepted=True,
        hours=[(d, T(8), T(12)) for d in range(7)],
    )
    ExhibitionPageFactory(parent=natuur, title="Vlinders van de duinen (demo)")
    MuseumPageFactory(parent=museum_index, title="Concept (demo)", publish=False, categories=["art"])
    private = MuseumPageFactory(parent=museum_index, title="Besloten (demo)", categories=["art"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    return {"noord": noord, "natuur": natuur, "eiland": eiland}
