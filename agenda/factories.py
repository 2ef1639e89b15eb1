"""Test factories of the agenda (test-only: factory_boy is a dev extra)."""

import datetime

import factory

from core.factories import PageFactory

from .choices import AttendanceMode, EventType
from .models import AgendaIndexPage, EventPage


class AgendaIndexPageFactory(PageFactory):
    title = "Agenda"
    slug = "agenda"
    intro = "Wat er te doen is."

    class Meta:
        model = AgendaIndexPage


class EventPageFactory(PageFactory):
    """A timed, in-person seminar in Utrecht next month, 10:00–12:00 Amsterdam time.

    ``themes=[...]`` and ``dossiers=[...]`` are passed to the page (parental many-to-many).
    """

    title = factory.Sequence(lambda n: f"Evenement {n}")
    event_type = EventType.SEMINAR
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    attendance_mode = AttendanceMode.IN_PERSON
    venue_name = "Vergadercentrum (demo)"
    venue_city = "Utrecht"
    venue_province = "NL-UT"

    class Meta:
        model = EventPage
