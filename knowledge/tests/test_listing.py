"""The knowledge listing: filters alone and combined, search, pages, bad input, drafts, feed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import DossierFactory, ThemeFactory
from knowledge.context import PER_PAGE
from knowledge.factories import ArticlePageFactory
from knowledge.tests.helpers import nl

pytestmark = pytest.mark.django_db


def _titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in soup.select(".knowledge-results .card__title a")]


@pytest.fixture
def catalogue(index, dossier_page, dossier, theme):
    other_dossier = DossierFactory(name="Digitalisering", slug="digitalisering")
    other_theme = ThemeFactory(name="Inclusief", slug="inclusief")
    ArticlePageFactory(
        parent=dossier_page,
        title="Groene gids",
        kind="guide",
        dossiers=[dossier],
        themes=[theme],
        publication_date=datetime.date(2024, 5, 1),
    )
    ArticlePageFactory(
        parent=dossier_page,
        title="Groen rapport",
        kind="report",
        dossiers=[dossier],
        themes=[other_theme],
        publication_date=datetime.date(2023, 5, 1),
    )
    ArticlePageFactory(
        parent=index,
        title="Digitale gids",
        kind="guide",
        dossiers=[other_dossier],
        themes=[other_theme],
        publication_date=datetime.date(2023, 9, 1),
        body=[("paragraph", "<p>Over collectiedata en metadata.</p>")],
    )
    ArticlePageFactory(
        parent=index,
        title="Geheim concept",
        kind="guide",
        dossiers=[dossier],
        publish=False,
        publication_date=datetime.date(2024, 6, 1),
    )
    return index


def test_newest_first_and_drafts_never_listed(client, catalogue):
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert _titles(response) == ["Groene gids", "Digitale gids", "Groen rapport"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dossier": "duurzaamheid"}, ["Groene gids", "Groen rapport"]),
        ({"theme": "inclusief"}, ["Digitale gids", "Groen rapport"]),
        ({"kind": "guide"}, ["Groene gids", "Digitale gids"]),
        ({"year": "2023"}, ["Digitale gids", "Groen rapport"]),
        ({"q": "metadata"}, ["Digitale gids"]),
        ({"dossier": "duurzaamheid", "kind": "guide"}, ["Groene gids"]),
        ({"theme": "inclusief", "year": "2023", "kind": "guide"}, ["Digitale gids"]),
        ({"dossier": "duurzaamheid", "theme": "inclusief", "year": "2024"}, []),
        ({"q": "gids", "dossier": "digitalisering"}, ["Digitale gids"]),
    ],
)
def test_filters_alone_and_combined(client, catalogue, params, expected):
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    assert _titles(response) == expected


def test_filter_form_works_without_javascript(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url, {"kind": "guide"}).content, "html.parser")
    form = soup.find("form", class_="knowledge-filters")
    assert form["method"] == "get"
    for name in ("q", "dossier", "theme", "kind", "year"):
        control = form.find(attrs={"name": name})
        assert soup.find("label", attrs={"for": control["id"]}) is not None
    assert form.find("option", selected=True)["value"] == "guide"
    assert form.find("button", type="submit") is not None


@pytest.mark.parametrize(
    "params",
    [
        {"dossier": "bestaat-niet"},
        {"year": "twintig"},
        {"year": "1492"},
        {"kind": "roman"},
        {"theme": "x" * 300},
        {"q": "woord " * 60},
    ],
)
def test_bad_filters_give_a_400_with_a_message(client, catalogue, params):
    response = client.get(catalogue.url, params)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(class_="errors", role="alert") is not None
    assert len(_titles(response)) == 3  # the bad filter is ignored, the rest still works


def test_a_bad_filter_does_not_spoil_the_good_ones(client, catalogue):
    response = client.get(catalogue.url, {"kind": "guide", "year": "xx"})
    assert response.status_code == 400
    assert _titles(response) == ["Groene gids", "Digitale gids"]


def test_pagination(client, index):
    for number in range(PER_PAGE + 2):
        ArticlePageFactory(
            parent=index,
            title=f"Item {number:02d}",
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
    first = client.get(index.url)
    assert len(_titles(first)) == PER_PAGE
    assert first.content.decode().count('rel="next"') == 1
    second = client.get(index.url, {"page": "2"})
    assert _titles(second) == ["Item 01", "Item 00"]
    wrong = client.get(index.url, {"page": "99"})
    assert wrong.status_code == 200
    assert nl("There is no page %(number)s; showing the last page.", number="99") in wrong.content.decode()
    assert _titles(wrong) == ["Item 01", "Item 00"]
    bad = client.get(index.url, {"page": "twee"})
    assert bad.status_code == 200
    assert nl("The page number must be a whole number.") in bad.content.decode()
    assert len(_titles(bad)) == PER_PAGE


def test_page_links_keep_the_valid_filters(client, index):
    for number in range(PER_PAGE + 1):
        ArticlePageFactory(parent=index, title=f"Gids {number:02d}", kind="guide")
    ArticlePageFactory(parent=index, title="Los artikel", kind="article")
    soup = BeautifulSoup(client.get(index.url, {"kind": "guide", "year": "nooit"}).content, "html.parser")
    assert soup.find("a", rel="next")["href"] == "?kind=guide&page=2"


@pytest.mark.uncached
def test_listing_query_count_is_constant(client, index, dossier, theme):
    def queries():
        client.get(index.url)  # warm: site settings and the cached public visibility
        with CaptureQueriesContext(connection) as context:
            assert client.get(index.url).status_code == 200
        return len(context.captured_queries)

    ArticlePageFactory(parent=index, dossiers=[dossier], themes=[theme])
    few = queries()
    for _ in range(6):
        ArticlePageFactory(parent=index, dossiers=[dossier], themes=[theme])
    assert queries() == few


def test_feed_honours_the_filters_and_leaves_drafts_out(client, catalogue):
    response = client.get(catalogue.url + "rss/", {"kind": "guide"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.find("title").text for item in channel.findall("item")]
    assert titles == ["Groene gids", "Digitale gids"]
    assert "Geheim concept" not in response.content.decode()
    assert client.get(catalogue.url + "rss/", {"year": "nooit"}).status_code == 400


def test_listing_links_its_feed_with_the_same_filters(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url, {"kind": "guide"}).content, "html.parser")
    assert soup.find("link", type="application/rss+xml")["href"] == catalogue.url + "rss/"
    feed_link = soup.find("a", string=nl("RSS feed of this selection"))
    assert feed_link["href"] == catalogue.url + "rss/?kind=guide"
