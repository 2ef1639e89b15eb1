"""The query budget: every page type's detail and every listing of the public site runs at most
``BUDGET`` SQL queries for an anonymous reader once the chrome (menu, footer, site settings,
language links) is cached, and a listing's count does not grow with its number of items.

The full-page cache is turned off here: it is what a page costs when it has to be rendered.
One test loads the demo once and reports every page over budget at once.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from agenda.factories import EventPageFactory
from agenda.models import AgendaIndexPage
from core.links import page_path
from core.page_types import sample_pages
from knowledge.factories import ArticlePageFactory
from knowledge.models import DossierPage, KnowledgeIndexPage
from museums.factories import MuseumPageFactory
from museums.models import MuseumIndexPage
from qa.factories import QuestionPageFactory
from qa.models import QACategoryPage

BUDGET = 15
MORE_ITEMS = 6


def _nl(model):
    return model.objects.live().filter(locale=Locale.objects.get(language_code="nl")).order_by("path").first()


def _listings():
    """``{name: site-relative address}`` of every listing and feed, with and without filters."""
    finder = page_path(_nl(MuseumIndexPage))
    agenda = page_path(_nl(AgendaIndexPage))
    knowledge = page_path(_nl(KnowledgeIndexPage))
    category = _nl(QACategoryPage)
    listings = {
        "museum finder": finder,
        "museum finder, filtered": finder + "?province=NL-NH&museumkaart=true&category=art",
        "museum finder, near a point": finder + "?lat=52.37&lon=4.89&radius_km=50",
        "agenda": agenda,
        "agenda, filtered": agenda + "?type=seminar&type=webinar",
        "agenda archive": agenda + "archief/",
        "agenda iCal feed": agenda + "ical/",
        "agenda RSS feed": agenda + "rss/",
        "knowledge index": knowledge,
        "knowledge index, filtered": knowledge + "?kind=article",
        "knowledge RSS feed": knowledge + "rss/",
        "awards index": page_path(sample_pages()["awards.AwardsIndexPage"]),
        "Q&A index": page_path(category.get_parent()),
        "Q&A category": page_path(category),
        "site search": "/zoeken/?q=museum",
    }
    return listings


def _count(client, url):
    """The queries of a warm request to ``url`` (a first request fills the chrome cache)."""
    first = client.get(url)
    assert first.status_code == 200, f"{url} answered {first.status_code}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _over_budget(counts):
    return {name: count for name, count in counts.items() if count > BUDGET}


@pytest.fixture
def uncached_pages(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.django_db
def test_pages_and_listings_keep_to_the_budget_whatever_the_number_of_items(client, demo, uncached_pages):
    samples = sample_pages()
    missing = sorted(label for label, page in samples.items() if page is None)
    assert not missing, f"the demo has no public page of {missing}"
    counts = {label: _count(client, page_path(page)) for label, page in samples.items()}
    listings = _listings()
    few = {name: _count(client, url) for name, url in listings.items()}
    counts.update(few)
    assert not _over_budget(counts), f"over {BUDGET} queries: {_over_budget(counts)} (all: {counts})"

    # More items in every listing: the same number of queries.
    for number in range(MORE_ITEMS):
        MuseumPageFactory(
            parent=_nl(MuseumIndexPage),
            title=f"Museum extra {number}",
            categories=["art"],
            accessibility=["step-free"],
        )
        EventPageFactory(parent=_nl(AgendaIndexPage), title=f"Museum evenement extra {number}")
        ArticlePageFactory(parent=_nl(DossierPage), title=f"Museum artikel extra {number}")
        QuestionPageFactory(parent=_nl(QACategoryPage), title=f"Museumvraag extra {number}?")
    many = {name: _count(client, url) for name, url in listings.items()}
    changed = {name: (few[name], many[name]) for name in listings if few[name] != many[name]}
    assert not changed, f"queries grow with the number of items (few, many): {changed}"
