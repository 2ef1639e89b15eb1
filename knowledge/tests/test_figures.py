"""Museumcijfers: figures entered as data, estimates marked, the trend drawn over the years."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from knowledge.factories import FiguresPageFactory
from knowledge.members import restrict_to_members
from knowledge.models import Figure
from knowledge.tests.helpers import nl

pytestmark = pytest.mark.django_db


def _page(parent, year, figures, **kwargs):
    page = FiguresPageFactory(parent=parent, year=year, slug=f"museumcijfers-{year}", **kwargs)
    for key, value, estimate in figures:
        Figure.objects.create(page=page, key=key, value=Decimal(value), is_estimate=estimate)
    return page


@pytest.fixture
def years(index):
    return [
        _page(index, 2022, [("total_visits", 27_000_000, True), ("museumkaart_visits", 8_500_000, True)]),
        _page(
            index,
            2023,
            [
                ("total_visits", 30_900_000, False),
                ("museumkaart_visits", 9_500_000, False),
                ("youth_share", 20, False),
            ],
        ),
        _page(index, 2021, [("total_visits", 15_000_000, True)], publish=False),
    ]


def test_figures_page_shows_its_figures_with_estimates_marked(client, years):
    soup = BeautifulSoup(client.get(years[0].url).content, "html.parser")
    table = soup.find("table", class_="figures-table")
    rows = {row.th.text: row.find("td").text for row in table.select("tbody tr")}
    assert rows[nl("total museum visits", capitalise=True)].startswith("27.000.000")
    assert f"({nl('estimate')})" in rows[nl("total museum visits", capitalise=True)]
    soup = BeautifulSoup(client.get(years[1].url).content, "html.parser")
    rows = {
        row.th.text: row.find("td").text
        for row in soup.find("table", class_="figures-table").select("tbody tr")
    }
    assert rows[nl("total museum visits", capitalise=True)] == "30.900.000"
    assert rows[nl("share of visits by people aged 18 or under", capitalise=True)] == "20 %"


def test_trend_charts_cover_the_published_years_only(client, years):
    soup = BeautifulSoup(client.get(years[1].url).content, "html.parser")
    charts = soup.find_all("figure", class_="chart")
    assert len(charts) == 1  # visits; no holders were entered
    svg = charts[0].find("svg")
    assert svg["role"] == "img"
    assert svg.find("title").text == nl("Museum visits per year")
    assert "2022" in svg.find("desc").text and "2023" in svg.find("desc").text
    table = charts[0].find("table")
    assert [th.text for th in table.select("tbody th")] == ["2022", "2023"]  # the 2021 draft is left out
    assert f"({nl('estimate')})" in table.select("tbody tr")[0].text
    assert f"({nl('estimate')})" not in table.select("tbody tr")[1].text


def test_a_single_year_draws_no_trend(client, index):
    page = _page(index, 2023, [("total_visits", 30_900_000, False)])
    assert BeautifulSoup(client.get(page.url).content, "html.parser").find("figure", class_="chart") is None


def test_restricted_figures_pages_stay_out_of_the_trend_and_api(client, years):
    restrict_to_members(years[0])
    soup = BeautifulSoup(client.get(years[1].url).content, "html.parser")
    assert soup.find("figure", class_="chart") is None
    assert [item["year"] for item in client.get("/api/v1/figures/").json()["items"]] == [2023]


def test_json_ld_is_a_dataset(client, years):
    soup = BeautifulSoup(client.get(years[1].url).content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Dataset"
    assert data["temporalCoverage"] == "2023"
    assert {"@type": "PropertyValue", "name": nl("total museum visits"), "value": 30900000.0} in data[
        "variableMeasured"
    ]
