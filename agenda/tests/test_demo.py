"""The agenda's demo content: what the issue asks for is there, live and idempotent."""

import io
import re

import pytest
from django.core.management.color import no_style
from django.utils import timezone

from agenda import demo as agenda_demo
from agenda.choices import EventStatus, EventType
from agenda.models import AgendaIndexPage, EventPage
from core import demo as core_demo
from core.seeding import SeedContext
from home import demo as home_demo


@pytest.fixture
def loaded(db):
    ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
    home_demo.site(ctx)
    core_demo.taxonomy(ctx)
    agenda_demo.load(ctx)
    return ctx


@pytest.mark.django_db
def test_demo_events_cover_the_brief(client, loaded):
    events = EventPage.objects.live().filter(locale__language_code="nl", alias_of__isnull=True)
    assert events.count() >= 40
    assert set(events.values_list("event_type", flat=True)) == set(EventType.values)
    assert events.filter(event_type=EventType.CONGRESS, title__icontains="Museumcongres").count() >= 2
    assert events.filter(event_type=EventType.BOOK_CLUB).exclude(recurrence="").exists()
    assert events.filter(event_type=EventType.WEBINAR, status=EventStatus.CANCELLED).exists()
    training = events.get(slug="training-collectieveiligheid")
    assert training.sessions.count() == 2 and training.occurrences.count() == 3
    assert events.filter(event_type=EventType.PARTNER_ACTIVITY, organiser__kind="partner").count() >= 2
    assert events.filter(time_zone="America/Kralendijk").exists()
    assert events.filter(occurrences__start__lt=timezone.now()).exists()
    agenda = AgendaIndexPage.objects.get(locale__language_code="nl")
    assert agenda.slug == "agenda" and agenda.show_in_menus and agenda.live
    assert client.get(agenda.url).status_code == 200
    assert client.get(events.get(slug="netwerkbijeenkomst-caribische-musea").url).status_code == 200
    english = AgendaIndexPage.objects.get(locale__language_code="en")
    assert english.alias_of_id is None and client.get(english.url).status_code == 200

    before = EventPage.objects.count()
    agenda_demo.load(loaded)  # a second run changes nothing
    assert EventPage.objects.count() == before


def test_demo_events_have_real_titles_not_numbered_fillers():
    events = [
        *agenda_demo._fact_events(timezone.localdate()),
        *agenda_demo._demo_events(timezone.localdate()),
    ]
    titles = [event["title"] for event in events]
    assert len(set(titles)) == len(titles), "every event has its own title"
    for title in titles:
        # "Training museumnorm 17 (demo)": a type, a word and a counter is a filler, not a title.
        assert not re.search(r"\b\d{1,2} \(demo\)$", title), title
        assert not re.search(r"\bdemo-activiteit\b", title, re.IGNORECASE), title
    for event in events:
        if event["slug"].startswith("demo-activiteit-"):
            assert event["title"].endswith("(demo)") and event["intro"].endswith("(Demo.)"), event["title"]
    today = timezone.localdate()
    upcoming = [e for e in events if e["start_date"] > today]
    past = [e for e in events if e["start_date"] < today]
    assert len(upcoming) >= 15 and len(past) >= 15  # the agenda always has both
