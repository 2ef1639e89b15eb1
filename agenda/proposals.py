"""Partner proposals: a draft EventPage in the moderation workflow, never published by itself.

The proposer's contact details go to ``PartnerSubmission`` (not the page) and are purged after
the retention period by ``manage.py purge_partner_submissions``; editors are told by e-mail.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage

from core.models import Organisation

from .choices import EventType

# The models package imports this module (through the agenda page's routes): import the models'
# own modules, which are complete by then, rather than the package.
from .models.event import EventPage
from .models.submission import PartnerSubmission

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Moderators"


def submission_workflow(index):
    """The workflow the draft enters: the one assigned to the agenda (or an ancestor), else a
    "Partner proposals" workflow with the moderators' approval task, created on first use."""
    workflow = index.get_workflow()
    if workflow is not None:
        return workflow
    moderators = Group.objects.filter(name=MODERATORS_GROUP).first()
    task, created = GroupApprovalTask.objects.get_or_create(name=_("Approve partner proposal"))
    if created and moderators:
        task.groups.set([moderators])
    workflow, created = Workflow.objects.get_or_create(name=_("Partner proposals"))
    if created:
        workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _unique_slug(index, title, start_date):
    base = slugify(f"{title}-{start_date:%Y-%m-%d}")[:70] or "activiteit"
    slug, number = base, 1
    siblings = Page.objects.child_of(index)
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _paragraphs(text):
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


@transaction.atomic
def create_proposal(index, data):
    """Create the draft event, store the contact details and start the workflow."""
    organisation = Organisation.objects.filter(name__iexact=data["organisation_name"]).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=data["organisation_name"], kind=Organisation.Kind.PARTNER
        )
    event = EventPage(
        title=data["title"],
        slug=_unique_slug(index, data["title"], data["start_date"]),
        live=False,
        event_type=EventType.PARTNER_ACTIVITY,
        intro=data["description"][:600],
        listing_summary=data["description"][:300],
        body=[("paragraph", _paragraphs(data["description"]))],
        start_date=data["start_date"],
        start_time=data["start_time"],
        end_time=data["end_time"],
        time_zone=data["time_zone"],
        attendance_mode=data["attendance_mode"],
        audience=data["audience"],
        venue_name=data["venue_name"],
        venue_address=data["venue_address"],
        venue_city=data["venue_city"],
        venue_province=data["venue_province"] or "",
        online_url=data["online_url"],
        registration_url=data["registration_url"],
        organiser=organisation,
    )
    index.add_child(instance=event)
    event.save_revision(log_action=True)
    submission = PartnerSubmission.objects.create(
        event=event,
        organisation_name=data["organisation_name"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        message=data["message"],
    )
    workflow = submission_workflow(index)
    workflow.start(event, None)
    # After the commit, as a background task: a slow or hung mail relay never delays or loses
    # the proposal (it is stored first), and a failed notification is a failed task, logged.
    transaction.on_commit(lambda: notify_editors_task.enqueue(index.pk, event.pk, submission.pk))
    return event, submission


def notification_recipients(index):
    """``AGENDA_SUBMISSION_NOTIFY_EMAILS`` and the agenda's address, else the moderators."""
    recipients = list(settings.AGENDA_SUBMISSION_NOTIFY_EMAILS)
    if index.notification_email:
        recipients.append(index.notification_email)
    if not recipients:
        recipients = list(
            Group.objects.filter(name=MODERATORS_GROUP)
            .values_list("user__email", flat=True)
            .exclude(user__email="")
            .exclude(user__email__isnull=True)
        )
    return sorted(set(recipients))


@task()
def notify_editors_task(index_id, event_id, submission_id):
    """``notify_editors`` for stored rows (a background task: its arguments are ids)."""
    index = Page.objects.get(pk=index_id).specific
    event = EventPage.objects.get(pk=event_id)
    submission = PartnerSubmission.objects.get(pk=submission_id)
    notify_editors(index, event, submission)


def notify_editors(index, event, submission):
    """E-mail the editors about a new proposal, with the admin address of the draft."""
    recipients = notification_recipients(index)
    if not recipients:
        logger.warning("Partner proposal %s: no editor address to notify", event.pk)
        return
    context = {
        "event": event,
        "submission": submission,
        # An admin link: the admin's own address, not the public site's.
        "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailadmin_pages:edit", args=[event.pk]),
    }
    send_mail(
        subject=_("New partner proposal for the agenda: %(title)s") % {"title": event.title},
        message=render_to_string("agenda/email/partner_submission.txt", context),
        from_email=None,
        recipient_list=recipients,
    )
