import datetime

import pytest
from django.utils import translation

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory, AwardsIndexPageFactory
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory


@pytest.fixture(autouse=True)
def _english_messages():
    """Validation and timeline messages are checked in the source language (English); pages
    served through the URL stack still answer in their own language."""
    with translation.override("en"):
        yield


@pytest.fixture
def museum_index(site_root):
    return MuseumIndexPageFactory(parent=site_root)


@pytest.fixture
def museums(museum_index):
    return [
        MuseumPageFactory(parent=museum_index, title=title, slug=slug)
        for title, slug in [
            ("Nederlands Openluchtmuseum", "openluchtmuseum"),
            ("Abraham Fock", "abraham-fock"),
            ("Zilvermuseum", "zilvermuseum"),
            ("Fries Museum", "fries-museum"),
        ]
    ]


@pytest.fixture
def awards_index(site_root):
    return AwardsIndexPageFactory(parent=site_root)


@pytest.fixture
def award(awards_index):
    return AwardPageFactory(parent=awards_index, title="VriendenLoterij Museumprijs", slug="museumprijs")


@pytest.fixture
def edition_2024(award, museums):
    openlucht, fock, zilver, fries = museums
    return AwardEditionPageFactory(
        parent=award,
        year=2024,
        title="VriendenLoterij Museumprijs 2024",
        theme="Levende tradities",
        prize_amount=100000,
        entries_count=46,
        longlist_size=7,
        ceremony_date=datetime.date(2024, 11, 14),
        ceremony_place="Museumcongres, Arnhem",
        nominations=[
            (openlucht, Stage.WINNER, 24448),
            (fock, Stage.NOMINEE, 19536),
            (zilver, Stage.NOMINEE, 10874),
            (fries, Stage.LONGLIST),
        ],
    )
