"""Listings run a constant number of SQL queries, whatever the number of museums."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from museums.factories import ExhibitionPageFactory, MuseumPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.uncached]


def add_museums(index, count, start=0):
    for n in range(start, start + count):
        museum = MuseumPageFactory(
            parent=index,
            title=f"Telmuseum {n} (demo)",
            categories=["art", "history"],
            accessibility=["step-free", "quiet-hours"],
            exceptions=[{"start_date": datetime.date(2026, 12, 25), "closed": True}],
        )
        ExhibitionPageFactory(parent=museum, title=f"Teltentoonstelling {n} (demo)")


def count_queries(client, url):
    """Queries of a request, after one that fills the caches a publication empties (site root
    paths, the public visibility)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "query",
    ["", "?open_now=on", "?lat=52.3&lon=4.9&radius_km=50", "?accessibility=step-free&category=art&q=tel"],
)
def test_finder_page(client, museum_index, query):
    add_museums(museum_index, 2)
    few = count_queries(client, museum_index.url + query)
    add_museums(museum_index, 6, start=2)
    assert count_queries(client, museum_index.url + query) == few


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/museums/",
        "/api/v1/museums/?lat=52.3&lon=4.9&radius_km=50&open_on=2026-11-24",
        "/api/v1/exhibitions/",
        "/api/v1/exhibitions/?current=true&family_friendly=false",
    ],
)
def test_list_endpoints(client, museum_index, url):
    add_museums(museum_index, 2)
    few = count_queries(client, url)
    add_museums(museum_index, 6, start=2)
    assert count_queries(client, url) == few


def test_museum_page_with_many_exhibitions(client, museum, exhibition):
    few = count_queries(client, museum.url)
    for n in range(5):
        ExhibitionPageFactory(parent=museum, title=f"Extra {n} (demo)")
    assert count_queries(client, museum.url) == few
