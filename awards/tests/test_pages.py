"""Award pages, edition pages and the museum nominations include, through the URL stack."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory
from awards.queries import nominations_for_museum, nominations_for_museums
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


def test_museum_include_shows_nominations_and_wins(rf, edition_2024, museums, award):
    openlucht, fock, *_ = museums
    AwardEditionPageFactory(
        parent=award, year=2019, title="Museumprijs 2019", nominations=[(openlucht, Stage.NOMINEE)]
    )
    AwardEditionPageFactory(
        parent=award, year=2026, title="Concept 2026", publish=False, nominations=[(openlucht, Stage.WINNER)]
    )
    html = Template("{% load awards_tags %}{% museum_nominations museum %}").render(
        Context({"museum": openlucht, "request": rf.get("/")})
    )
    soup = BeautifulSoup(html, "html.parser")
    section = soup.find("section")
    assert section["aria-labelledby"] == soup.find("h2")["id"]
    items = [li.text for li in soup.find_all("li")]
    assert len(items) == 2  # the draft edition never shows
    assert "VriendenLoterij Museumprijs 2024" in items[0] and "winner" in items[0]
    assert "Museumprijs 2019" in items[1] and "nominee" in items[1]
    empty = Template("{% load awards_tags %}{% museum_nominations museum %}").render(
        Context({"museum": museums[3].__class__.objects.get(pk=museums[3].pk), "request": None})
    )
    assert "Fries Museum" not in empty  # longlisted: shown, but only its own edition
    assert "VriendenLoterij Museumprijs 2024" in empty


def test_nominations_for_museum_runs_constant_queries(edition_2024, museums, award):
    openlucht = museums[0]
    with CaptureQueriesContext(connection) as few:
        assert len(nominations_for_museum(openlucht)) == 1
    for year in range(2010, 2016):
        AwardEditionPageFactory(parent=award, year=year, nominations=[(openlucht, Stage.NOMINEE)])
    with CaptureQueriesContext(connection) as many:
        nominations = nominations_for_museum(openlucht)
        assert [n.edition.year for n in nominations] == [2024, 2015, 2014, 2013, 2012, 2011, 2010]
        assert all(n.award.pk == award.pk for n in nominations)
    assert len(many) == len(few) <= 3


def test_bulk_variant_groups_by_museum_in_constant_queries(edition_2024, museums, museum_index):
    ids = [m.pk for m in museums] + [MuseumPageFactory(parent=museum_index).pk]
    with CaptureQueriesContext(connection) as queries:
        result = nominations_for_museums(ids)
    assert len(queries) <= 4
    assert [n.stage for n in result[museums[0].pk]] == [Stage.WINNER]
    assert [n.stage for n in result[museums[3].pk]] == [Stage.LONGLIST]
    assert result[ids[-1]] == []


def test_unpublished_museum_is_left_out_of_the_edition(client, award, museum_index):
    draft_museum = MuseumPageFactory(parent=museum_index, title="Verborgen museum", publish=False)
    edition = AwardEditionPageFactory(parent=award, year=2022, nominations=[(draft_museum, Stage.NOMINEE)])
    assert "Verborgen museum" not in client.get(edition.url).content.decode()


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
