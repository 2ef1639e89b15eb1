"""The validation rules of an event page, and creating one in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from agenda.choices import AttendanceMode, EventStatus
from agenda.models import AgendaIndexPage, EventPage

from .conftest import nl

# Building a page reads its content type: these tests may touch the database (they did so far
# only from a cache an earlier test had filled, which a transactional test's flush empties).
pytestmark = pytest.mark.django_db

D = datetime.date.today() + datetime.timedelta(days=20)


def _event(**fields):
    values = {
        "title": "Test",
        "slug": "test",
        "event_type": "seminar",
        "start_date": D,
        "start_time": datetime.time(10),
        "end_time": datetime.time(12),
        "venue_city": "Utrecht",
    }
    values.update(fields)
    return EventPage(**values)


def _errors(page):
    with pytest.raises(ValidationError) as info:
        page.clean()
    return info.value.message_dict


def test_a_complete_event_is_valid():
    _event().clean()


def test_end_must_be_after_start():
    assert "end_time" in _errors(_event(end_time=datetime.time(9)))
    assert "end_time" in _errors(_event(end_time=datetime.time(10)))
    assert "end_date" in _errors(_event(end_date=D - datetime.timedelta(days=1)))
    # Over midnight into the next day is fine.
    _event(end_date=D + datetime.timedelta(days=1), end_time=datetime.time(1)).clean()


def test_timed_events_need_times_and_all_day_events_do_not():
    errors = _errors(_event(start_time=None, end_time=None))
    assert {"start_time", "end_time"} <= set(errors)
    _event(start_time=None, end_time=None, all_day=True).clean()


def test_registration_deadline_must_be_before_the_start():
    start = timezone.make_aware(datetime.datetime.combine(D, datetime.time(10)))
    assert "registration_deadline" in _errors(_event(registration_deadline=start))
    assert "registration_deadline" in _errors(
        _event(registration_deadline=start + datetime.timedelta(hours=1))
    )
    _event(registration_deadline=start - datetime.timedelta(minutes=1)).clean()


def test_registration_deadline_is_compared_in_the_venue_time_zone():
    # 10:00 in Bonaire is 15:00 in Amsterdam: a deadline at 12:00 Amsterdam time is still before it.
    deadline = timezone.make_aware(datetime.datetime.combine(D, datetime.time(12)))
    _event(time_zone="America/Kralendijk", registration_deadline=deadline).clean()
    assert "registration_deadline" in _errors(_event(registration_deadline=deadline))


def test_online_and_mixed_events_need_an_online_url():
    assert "online_url" in _errors(_event(attendance_mode=AttendanceMode.ONLINE))
    assert "online_url" in _errors(_event(attendance_mode=AttendanceMode.MIXED))
    _event(
        attendance_mode=AttendanceMode.ONLINE, online_url="https://example.org/live", venue_city=""
    ).clean()


def test_in_person_events_need_a_venue():
    assert "venue_name" in _errors(_event(venue_city=""))


def test_rescheduled_events_need_the_previous_start():
    assert "previous_start" in _errors(_event(status=EventStatus.RESCHEDULED))


def test_recurrence_end_needs_a_rule_and_must_follow_the_start():
    assert "recurrence" in _errors(_event(recurrence_count=3))
    assert "recurrence_until" in _errors(
        _event(recurrence="weekly", recurrence_until=D - datetime.timedelta(days=1))
    )


def test_coordinates_come_in_pairs():
    assert "venue_longitude" in _errors(_event(venue_latitude="52.1"))


@pytest.mark.django_db
def test_saving_an_invalid_event_fails(agenda):
    with pytest.raises(ValidationError):
        agenda.add_child(instance=_event(end_time=datetime.time(8)))
    assert not EventPage.objects.exists()


class AdminTests(WagtailPageTestCase):
    def setUp(self):
        import io

        from django.core.management.color import no_style

        from core.seeding import SeedContext
        from home.demo import site

        ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
        site(ctx)
        self.agenda = AgendaIndexPage(title="Agenda", slug="agenda")
        ctx.home.add_child(instance=self.agenda)
        self.agenda.save_revision().publish()
        self.login()

    def _data(self, **overrides):
        data = {
            "title": "Webinar digitalisering",
            "slug": "webinar-digitalisering",
            "event_type": "webinar",
            "audience": "everyone",
            "start_date": D.isoformat(),
            "start_time": "14:00",
            "end_time": "15:00",
            "time_zone": "Europe/Amsterdam",
            "recurrence_interval": "1",
            "attendance_mode": "online",
            "status": "scheduled",
            "online_url": "https://example.org/webinar",
            "body": streamfield([("paragraph", rich_text("<p>Over digitalisering.</p>"))]),
            "sessions": inline_formset([]),
            "exception_dates": inline_formset([]),
            "speakers": inline_formset([{"name": "Demo-spreker", "role": "", "url": ""}]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_page_tree_rules(self):
        from home.models import HomePage

        self.assertAllowedParentPageTypes(EventPage, {AgendaIndexPage})
        self.assertAllowedParentPageTypes(AgendaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(AgendaIndexPage, {EventPage})

    def test_an_event_can_be_created_in_the_admin(self):
        self.assertCanCreate(self.agenda, EventPage, self._data())
        page = EventPage.objects.get(slug="webinar-digitalisering", locale__language_code="nl")
        self.assertEqual(page.occurrences.count(), 1)
        self.assertEqual(page.speakers.count(), 1)
        self.assertPageIsRenderable(page)

    def test_the_admin_shows_validation_messages(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=["agenda", "eventpage", self.agenda.pk])
        response = self.client.post(url, self._data(online_url="", end_time="13:00"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, nl("Online and mixed events need an online address."))
        self.assertContains(response, nl("The end must be after the start."))
        self.assertFalse(EventPage.objects.exists())
