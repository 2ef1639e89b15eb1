"""The ceremony: a link to an agenda event (validated), or a free date and place."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from awards.factories import AwardEditionPageFactory
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

CONGRESS = datetime.date(2024, 11, 14)


@pytest.fixture
def congress(site_root):
    agenda = AgendaIndexPageFactory(parent=site_root)
    return EventPageFactory(parent=agenda, title="Museumcongres 2024", start_date=CONGRESS)


def test_the_event_fills_in_the_ceremony_date(award, congress, client):
    edition = AwardEditionPageFactory(parent=award, year=2024, ceremony_event=congress)
    edition.refresh_from_db()
    assert edition.ceremony_date == CONGRESS
    html = client.get(edition.url).content.decode()
    assert "Museumcongres 2024" in html
    assert congress.url in html


def test_the_ceremony_must_be_an_agenda_event(award, site_root):
    other = StandardPageFactory(parent=site_root, title="Geen evenement")
    edition = AwardEditionPageFactory(parent=award, year=2024)
    edition.ceremony_event = other
    with pytest.raises(ValidationError) as raised:
        edition.full_clean()
    assert "ceremony_event" in raised.value.message_dict


def test_the_ceremony_date_must_fall_within_the_event(award, congress):
    edition = AwardEditionPageFactory(parent=award, year=2024)
    edition.ceremony_event = congress
    edition.ceremony_date = CONGRESS + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as raised:
        edition.full_clean()
    assert "ceremony_date" in raised.value.message_dict


def test_a_draft_event_is_not_linked_but_the_free_fields_show(award, site_root, client):
    agenda = AgendaIndexPageFactory(parent=site_root)
    draft = EventPageFactory(parent=agenda, title="Geheim congres", start_date=CONGRESS, publish=False)
    edition = AwardEditionPageFactory(
        parent=award, year=2024, ceremony_event=draft, ceremony_place="Museumcongres, Arnhem"
    )
    html = client.get(edition.url).content.decode()
    assert "Geheim congres" not in html
    assert "Museumcongres, Arnhem" in html
    assert client.get(f"/api/v1/award-editions/{edition.pk}/").json()["ceremony"]["event"] is None
