"""Partner proposals end to end: draft in the workflow, notification, spam protection, purge."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from agenda.models import EventPage, PartnerSubmission

from .conftest import nl

DAY = datetime.date.today() + datetime.timedelta(days=30)


def _post(client, agenda, meta=None, **overrides):
    data = {
        "title": "Workshop erfgoededucatie",
        "description": "Een middag over educatie.\nMet praktijkvoorbeelden.",
        "start_date": DAY.isoformat(),
        "start_time": "13:00",
        "end_time": "16:00",
        "time_zone": "Europe/Amsterdam",
        "attendance_mode": "in-person",
        "audience": "professionals",
        "venue_name": "Demo-erfgoedhuis",
        "venue_address": "",
        "venue_city": "Zwolle",
        "venue_province": "NL-OV",
        "online_url": "",
        "registration_url": "",
        "organisation_name": "Erfgoedpartner (demo)",
        "contact_name": "Demo Contact",
        "contact_email": "contact@example.org",
        "contact_phone": "",
        "message": "Graag in de agenda.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return client.post(agenda.url + "aanmelden/", data, **(meta or {}))


@pytest.mark.django_db
def test_the_form_renders_with_labels(client, agenda):
    from bs4 import BeautifulSoup

    response = client.get(agenda.url + "aanmelden/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text == nl("Propose an activity", html=False)
    for control in soup.select("form input:not([type=hidden]), form select, form textarea"):
        assert soup.find("label", attrs={"for": control["id"]}) is not None, control


@pytest.mark.django_db
def test_a_proposal_becomes_a_draft_in_the_workflow(
    client, agenda, settings, django_capture_on_commit_callbacks
):
    settings.AGENDA_SUBMISSION_NOTIFY_EMAILS = ["redactie@example.org"]
    with pytest.raises(Exception):  # noqa: B017 - nothing exists before
        EventPage.objects.get(title="Workshop erfgoededucatie")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, agenda)
    assert response.status_code == 302
    assert response["Location"] == agenda.url + "aanmelden/bedankt/"
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert (
        nl(
            "We have received your proposal. Our editors review it and contact you if they have questions. "
            "It appears in the agenda only once it has been approved."
        )
        in confirmation.content.decode()
    )

    event = EventPage.objects.get(title="Workshop erfgoededucatie")
    assert not event.live and event.get_parent().pk == agenda.pk
    assert event.event_type == "partner-activity"
    assert event.organiser.name == "Erfgoedpartner (demo)" and event.organiser.kind == "partner"
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert event.workflow_in_progress
    submission = PartnerSubmission.objects.get()
    assert submission.event == event and submission.contact_email == "contact@example.org"
    # The contact details are not on the page.
    assert "contact@example.org" not in str(event.body) + event.intro
    # Editors are told, with a link to the draft.
    (message,) = [m for m in mail.outbox if "redactie@example.org" in m.to]
    assert "Workshop erfgoededucatie" in message.subject
    assert f"/admin/pages/{event.pk}/edit/" in message.body
    # Not public anywhere.
    assert client.get(f"/agenda/{event.slug}/").status_code == 404
    assert "Workshop erfgoededucatie" not in client.get(agenda.url).content.decode()
    assert client.get("/api/v1/events/").json()["count"] == 0
    assert client.get(f"/api/v1/events/{event.pk}/").status_code == 404


@pytest.mark.django_db
def test_validation_errors_are_shown_on_the_form(client, agenda):
    response = _post(
        client,
        agenda,
        end_time="12:00",
        contact_email="geen-adres",
        start_date=(datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
        attendance_mode="online",
        consent="",
    )
    assert response.status_code == 400
    html = response.content.decode()
    for text in (
        "The end time must be after the start time.",
        "The date must be today or later.",
        "Online and mixed activities need an online address.",
    ):
        assert nl(text) in html, text
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for name in ("contact_email", "consent", "end_time", "online_url", "start_date"):
        assert soup.find(id=f"id_{name}-error") is not None, name
    assert soup.find(attrs={"role": "alert"}).find("a", href="#id_contact_email") is not None
    assert not EventPage.objects.exists() and not PartnerSubmission.objects.exists()
    garbage = client.post(agenda.url + "aanmelden/", {"start_date": "morgen", "time_zone": "Mars/Base"})
    assert garbage.status_code == 400


@pytest.mark.django_db
def test_the_honeypot_creates_nothing(client, agenda):
    response = _post(client, agenda, website="https://spam.example")
    assert response.status_code == 302  # looks like success to the bot
    assert not EventPage.objects.exists() and not PartnerSubmission.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_rate_limit_per_address(client, agenda, settings):
    settings.AGENDA_SUBMISSION_RATE = "2/h"
    assert _post(client, agenda, title="Een").status_code == 302
    assert _post(client, agenda, title="Twee").status_code == 302
    blocked = _post(client, agenda, title="Drie")
    assert blocked.status_code == 429
    assert (
        nl("Too many proposals from your address: please try again in an hour.") in blocked.content.decode()
    )
    assert EventPage.objects.count() == 2
    other = client.post(agenda.url + "aanmelden/", {}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 400  # another address is not blocked (just invalid)


@pytest.mark.django_db
def test_switched_off_form_is_404(client, agenda):
    agenda.submission_enabled = False
    agenda.save_revision().publish()
    assert client.get(agenda.url + "aanmelden/").status_code == 404


@pytest.mark.django_db
def test_purge_deletes_contact_details_after_the_retention_period(client, agenda, settings):
    import io

    _post(client, agenda)
    old = PartnerSubmission.objects.create(
        organisation_name="Oud",
        contact_name="Oud",
        contact_email="oud@example.org",
        submitted_at=timezone.now() - datetime.timedelta(days=181),
    )
    out = io.StringIO()
    call_command("purge_partner_submissions", "--dry-run", stdout=out)
    assert "1 partner submission" in out.getvalue() and PartnerSubmission.objects.count() == 2
    call_command("purge_partner_submissions", stdout=out)
    assert list(PartnerSubmission.objects.values_list("organisation_name", flat=True)) == [
        "Erfgoedpartner (demo)"
    ]
    assert not PartnerSubmission.objects.filter(pk=old.pk).exists()
    assert EventPage.objects.count() == 1  # the page itself stays
    settings.AGENDA_SUBMISSION_RETENTION_DAYS = 0
    call_command("purge_partner_submissions", stdout=out)
    assert not PartnerSubmission.objects.exists()


@pytest.mark.django_db
def test_line_breaks_in_single_line_fields_become_spaces_and_the_calendar_stays_whole(
    client, agenda, settings, django_capture_on_commit_callbacks
):
    """A title with a line break (and a calendar line hidden in it) is one line on the page,
    in the moderators' e-mail and in the published event's iCal."""
    settings.AGENDA_SUBMISSION_NOTIFY_EMAILS = ["redactie@example.org"]
    title = "Workshop\r\nBEGIN:VEVENT\nSUMMARY:ingevoegd"
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client, agenda, title=title, venue_name="Zaal\n1", organisation_name="Partner\u2028B.V."
        )
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.title == "Workshop BEGIN:VEVENT SUMMARY:ingevoegd"
    assert event.venue_name == "Zaal 1" and event.organiser.name == "Partner B.V."
    (message,) = [m for m in mail.outbox if "redactie@example.org" in m.to]
    assert event.title in message.subject

    event.save_revision().publish()
    calendar = client.get(event.url + "ical/")
    assert calendar.status_code == 200
    lines = calendar.content.decode().split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1
    assert not any(line.startswith("SUMMARY:ingevoegd") for line in lines)


@pytest.mark.django_db
@pytest.mark.parametrize("relay", ["hung", "dead"])
def test_a_hung_or_dead_mail_relay_neither_loses_nor_holds_a_proposal(
    client, agenda, settings, relay, django_capture_on_commit_callbacks
):
    """The proposal is stored before any mail is sent; the notification is a background task
    whose relay connection gives up after EMAIL_TIMEOUT (here 1 s) instead of holding the
    request until the worker is killed."""
    import time

    from tests.faults import SilentListener, closed_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 1
    settings.AGENDA_SUBMISSION_NOTIFY_EMAILS = ["redactie@example.org"]
    listener = SilentListener() if relay == "hung" else None
    settings.EMAIL_PORT = listener.port if listener else closed_port()
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = _post(client, agenda)
        elapsed = time.monotonic() - started
    finally:
        if listener:
            listener.close()
    assert response.status_code == 302
    # the notification waits for the commit
    assert any(callback.__qualname__.startswith("create_proposal") for callback in callbacks)
    # Even run in the request (the immediate task backend), the relay costs EMAIL_TIMEOUT at most.
    assert elapsed < 10, f"the request waited {elapsed:.1f}s for the relay"
    event = EventPage.objects.get(title="Workshop erfgoededucatie")
    assert PartnerSubmission.objects.get().event == event


@pytest.mark.django_db
def test_refused_proposals_do_not_use_up_the_budget(client, agenda, settings):
    settings.AGENDA_SUBMISSION_RATE = "2/h"
    for _ in range(5):
        assert _post(client, agenda, title="").status_code == 400  # invalid: refused, not counted
    assert _post(client, agenda, title="Een").status_code == 302
    assert _post(client, agenda, title="Twee").status_code == 302
    assert _post(client, agenda, title="Drie").status_code == 429


@pytest.mark.django_db
def test_behind_trusted_proxies_each_visitor_has_their_own_budget(client, agenda, settings):
    """Behind the production proxy every request comes from its address: the budget is the
    visitor's, read from X-Forwarded-For past the trusted hops, and a forged header sent from
    outside the proxies changes nothing."""
    settings.AGENDA_SUBMISSION_RATE = "1/h"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def post(forwarded, **extra):
        return _post(client, agenda, meta={"HTTP_X_FORWARDED_FOR": forwarded, **proxy, **extra})

    assert post("198.51.100.7, 10.0.0.5").status_code == 302
    assert post("203.0.113.9, 198.51.100.7, 10.0.0.5").status_code == 429  # same visitor, a forged first hop
    assert post("203.0.113.10").status_code == 302  # another visitor through the same proxy
    # Not from a trusted proxy: the header is ignored, the connecting address counts.
    assert post("192.0.2.1", REMOTE_ADDR="198.51.100.7").status_code == 429
