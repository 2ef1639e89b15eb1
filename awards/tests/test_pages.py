"""Award pages and edition pages, through the URL stack."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory
from museums.factories import MuseumPageFactory

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _json_ld(soup):
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


def test_edition_page_shows_timeline_nominees_winner_and_longlist(client, edition_2024):
    soup = _soup(client.get(edition_2024.url))
    assert soup.find("h1").text == "VriendenLoterij Museumprijs 2024"
    assert len(soup.find_all("h1")) == 1
    winner = soup.find("section", class_="award-winner")
    assert "Nederlands Openluchtmuseum" in winner.text
    rows = [row.find("th").text.strip() for row in soup.select("table.award-nominees tbody tr")]
    assert rows == ["Nederlands Openluchtmuseum", "Abraham Fock", "Zilvermuseum"]
    assert (
        "24.448" in soup.select_one("table.award-nominees tbody tr").text
        or "24,448" in soup.select_one("table.award-nominees tbody tr").text
    )
    assert "Fries Museum" in soup.find(id="edition-longlist-heading").parent.text
    steps = soup.select("ol.award-timeline li")
    assert len(steps) == 5
    assert all("award-timeline__step--done" in " ".join(step["class"]) for step in steps)  # 2024 is over
    (data,) = _json_ld(soup)
    assert data["@type"] == "Event"
    assert data["superEvent"]["@type"] == "EventSeries"
    assert data["location"]["name"] == "Museumcongres, Arnhem"


def test_edition_page_marks_the_current_step(client, award, museums):
    today = datetime.date.today()
    edition = AwardEditionPageFactory(
        parent=award,
        year=today.year,
        applications_open=today - datetime.timedelta(days=5),
        applications_close=today + datetime.timedelta(days=5),
        ceremony_date=today + datetime.timedelta(days=90),
        is_demo=True,
    )
    soup = _soup(client.get(edition.url))
    current = soup.select('ol.award-timeline li[aria-current="step"]')
    assert len(current) == 1
    with translation.override("nl"):  # the Dutch page names the step in Dutch
        assert gettext("Applications") in current[0].text
    assert soup.find(class_="award-demo") is not None


def test_award_page_shows_current_edition_and_winners_by_year_without_drafts(
    client, award, edition_2024, museums
):
    AwardEditionPageFactory(parent=award, year=2023, title="Museumprijs 2023")
    AwardEditionPageFactory(parent=award, year=2025, title="Geheime editie 2025", publish=False)
    soup = _soup(client.get(award.url))
    assert "VriendenLoterij Museumprijs 2024" in soup.find(id="award-current-heading").text
    years = [row.find("th").text.strip() for row in soup.select("table.award-archive tbody tr")]
    assert years == ["2024", "2023"]
    assert "Nederlands Openluchtmuseum" in soup.select_one("table.award-archive tbody tr").text
    assert "Geheime editie" not in soup.text
    (data,) = _json_ld(soup)
    assert data["@type"] == "EventSeries"


def test_awards_index_lists_awards_with_their_current_edition(client, awards_index, award, edition_2024):
    AwardPageFactory(parent=awards_index, title="Concept-prijs", publish=False)
    soup = _soup(client.get(awards_index.url))
    cards = soup.select(".award-card")
    assert len(cards) == 1
    assert "VriendenLoterij Museumprijs 2024" in cards[0].text
    assert "Nederlands Openluchtmuseum" in cards[0].text
    assert _json_ld(soup)[0]["@type"] == "CollectionPage"


def test_members_only_awards_show_to_members_only(
    client, django_user_model, awards_index, award, edition_2024
):
    secret = AwardPageFactory(parent=awards_index, title="Ledenprijs", slug="ledenprijs")
    AwardEditionPageFactory(parent=secret, year=2024, title="Ledenprijs 2024")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    anonymous = _soup(client.get(awards_index.url))
    assert [card.h2.text.strip() for card in anonymous.select(".award-card")] == [
        "VriendenLoterij Museumprijs"
    ]
    assert "Ledenprijs" not in anonymous.text

    client.force_login(django_user_model.objects.create_user("lid", password="geheim-wachtwoord"))
    member = _soup(client.get(awards_index.url))
    assert "Ledenprijs 2024" in member.text
    assert "Ledenprijs 2024" in _soup(client.get(secret.url)).text
    # The API is public, whoever asks.
    assert [item["title"] for item in client.get("/api/v1/awards/").json()["items"]] == [award.title]


def test_unpublished_museum_is_left_out_of_the_edition(client, award, museum_index):
    draft_museum = MuseumPageFactory(parent=museum_index, title="Verborgen museum", publish=False)
    edition = AwardEditionPageFactory(parent=award, year=2022, nominations=[(draft_museum, Stage.NOMINEE)])
    assert "Verborgen museum" not in client.get(edition.url).content.decode()


@pytest.mark.uncached
def test_pages_run_a_constant_number_of_queries(client, award, museum_index, awards_index):
    many = [MuseumPageFactory(parent=museum_index) for _ in range(8)]
    small = AwardEditionPageFactory(parent=award, year=2001, nominations=[(many[0], Stage.WINNER, 5)])
    big = AwardEditionPageFactory(
        parent=award,
        year=2002,
        nominations=[
            (museum, Stage.NOMINEE if n else Stage.WINNER, 100 - n) for n, museum in enumerate(many)
        ],
    )

    def count(url):
        client.get(url)  # warm the site root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(small.url) == count(big.url)
    award_before = count(award.url)
    index_before = count(awards_index.url)
    for year in range(2003, 2009):
        AwardEditionPageFactory(parent=award, year=year, nominations=[(many[year % 8], Stage.WINNER)])
    assert count(award.url) == award_before
    assert count(awards_index.url) == index_before
