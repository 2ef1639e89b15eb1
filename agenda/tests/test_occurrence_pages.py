"""Occurrences carry their event page's locale, live flag, alias flag and path (so the agenda's
count and window avoid the page table): the copies follow publishing, unpublishing and moves,
and the listing, the API and the feeds follow the copies."""

import pytest

from agenda.factories import AgendaIndexPageFactory
from agenda.models import EventOccurrence

pytestmark = pytest.mark.django_db


def listed_ids(client):
    response = client.get("/api/v1/events/", {"limit": 100})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def copies(event):
    return set(
        EventOccurrence.objects.filter(event=event).values_list("locale_id", "live", "is_alias", "path")
    )


def test_new_occurrences_carry_the_page_fields(make_event, soon):
    event = make_event(title="Copies", start_date=soon)
    assert copies(event) == {(event.locale_id, True, False, event.path)}


def test_unpublish_and_publish_keep_the_copies_in_step(client, make_event, soon):
    event = make_event(title="Back and forth", start_date=soon)
    other = make_event(title="Stays", start_date=soon)
    assert {event.pk, other.pk} <= listed_ids(client)

    event.unpublish()
    assert copies(event) == {(event.locale_id, False, False, event.path)}
    assert event.pk not in listed_ids(client)
    assert other.pk in listed_ids(client)
    agenda_page = client.get(event.get_parent().url)
    assert "Back and forth" not in agenda_page.content.decode()

    event.refresh_from_db()
    event.save_revision().publish()
    assert copies(event) == {(event.locale_id, True, False, event.path)}
    assert event.pk in listed_ids(client)
    assert "Back and forth" in client.get(event.get_parent().url).content.decode()


def test_a_partial_save_updates_the_copies(make_event, soon):
    event = make_event(title="Partial", start_date=soon)
    event.live = False
    event.save(update_fields=["live"])
    assert copies(event) == {(event.locale_id, False, False, event.path)}


def test_moving_under_an_unpublished_section_hides_the_event_and_moving_back_shows_it(
    client, agenda, site_root, make_event, soon
):
    event = make_event(title="Travelling", start_date=soon)
    hidden_section = AgendaIndexPageFactory(parent=site_root, slug="verborgen-agenda", title="Verborgen")
    make_event(parent=hidden_section, title="Keeps the section populated", start_date=soon)
    hidden_section.refresh_from_db()  # its number of children
    hidden_section.unpublish()
    assert event.pk in listed_ids(client)

    event.move(hidden_section, pos="last-child")
    event.refresh_from_db()
    assert event.path.startswith(hidden_section.path)
    assert copies(event) == {(event.locale_id, True, False, event.path)}
    assert event.pk not in listed_ids(client)
    ical = client.get(agenda.url + "ical/")
    assert "Travelling" not in ical.content.decode()

    agenda.refresh_from_db()
    event.move(agenda, pos="last-child")
    event.refresh_from_db()
    assert event.path.startswith(agenda.path)
    assert copies(event) == {(event.locale_id, True, False, event.path)}
    assert event.pk in listed_ids(client)
