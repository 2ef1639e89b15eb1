"""An event page's related events depend on exactly what can change them (``agenda.related``).

Through the real URL stack with the page cache on: a change of an event that cannot take a place
in a page's related events (another type and theme, or starting after the last one it shows)
leaves the cached page a hit; a change that can (an event of its type starting sooner, a change
of an event it shows, an unpublish) shows on the very next request.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import override_settings

from agenda.models import EventOccurrence
from agenda.related import change_tags, list_tags
from core.dependencies import page_dependents
from core.factories import ThemeFactory

TODAY = datetime.date.today()


def _related(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return response["X-Cache"], [a.text for a in soup.select(".event-related .event-card__title a")]


@pytest.fixture
def events(agenda, make_event):
    theme = ThemeFactory(name="Duurzaam", slug="duurzaam")
    page = make_event(title="Hoofdactiviteit", themes=[theme], start_date=TODAY + datetime.timedelta(days=5))
    shown = [
        make_event(title=f"Getoond {n}", start_date=TODAY + datetime.timedelta(days=10 + n)) for n in range(3)
    ]
    later = make_event(title="Veel later", start_date=TODAY + datetime.timedelta(days=400))
    other = make_event(
        title="Ander soort", event_type="congress", start_date=TODAY + datetime.timedelta(days=2)
    )
    return page, shown, later, other


@pytest.mark.django_db
@override_settings(PAGE_CACHE_ENABLED=True)
def test_only_changes_that_can_enter_the_related_events_invalidate_an_event_page(client, events, make_event):
    cache.clear()
    page, shown, later, other = events
    assert _related(client, page) == ("miss", [event.title for event in shown])
    assert _related(client, page)[0] == "hit"

    # Another type without a shared theme, and one of the same type starting after the last
    # shown event (another month): the page cannot change, it stays a hit.
    for event in (other, later):
        event.title += " (bijgewerkt)"
        event.save_revision().publish()
        assert _related(client, page)[0] == "hit", event.title

    # A new event of the same type starting before the last shown one takes its place.
    sooner = make_event(title="Eerder seminar", start_date=TODAY + datetime.timedelta(days=8))
    state, titles = _related(client, page)
    assert state == "miss" and titles == ["Eerder seminar", "Getoond 0", "Getoond 1"]

    # A change of an event it shows, and an unpublish, show on the next request.
    shown[0].title = "Getoond nul"
    shown[0].save_revision().publish()
    assert _related(client, page) == ("miss", ["Eerder seminar", "Getoond nul", "Getoond 1"])
    sooner.unpublish()
    assert _related(client, page) == ("miss", ["Getoond nul", "Getoond 1", "Getoond 2"])
    assert _related(client, page)[0] == "hit"


@pytest.mark.django_db
def test_a_change_bumps_the_tags_of_every_list_it_can_enter(events):
    page, shown, later, other = events
    now = datetime.datetime.now(datetime.UTC)
    cutoff = EventOccurrence.objects.filter(event_id=shown[2].pk).values_list("start", flat=True).get()
    page_tags = list_tags(page, cutoff, now)
    # The later event (same type) starts after the cut-off's month: not in the page's tags.
    assert not page_tags & change_tags(later, now)
    assert not page_tags & change_tags(other, now)
    assert page_tags & change_tags(shown[0], now)
    # A list that is not full depends on ``later``, which every change of its groups bumps.
    assert list_tags(page, None, now, full=False) & change_tags(later, now)
    # And the dependency map carries them (the page cache and the static export use it).
    assert change_tags(shown[0], now) <= page_dependents(shown[0], urls=False).tags
