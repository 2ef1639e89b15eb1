"""Partner proposals: a draft EventPage in the moderation workflow, never published by itself.

Spam protection: a honeypot field and a per-IP rate limit in Django's cache. The proposer's
contact details go to ``PartnerSubmission`` (not the page) and are purged after the retention
period by ``manage.py purge_partner_submissions``.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Workflow, WorkflowPage

from core.models import Organisation

from .choices import EventType
from .forms import PartnerSubmissionForm
from .models import EventPage, PartnerSubmission

logger = logging.getLogger(__name__)

RATE_LIMIT = 5  # proposals per IP address per window
RATE_WINDOW = 3600  # seconds


def _rate_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    return "agenda-submit:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def rate_limited(request):
    """Count this attempt; ``True`` when the address went over the limit in the window."""
    limit = getattr(settings, "AGENDA_SUBMISSION_RATE_LIMIT", RATE_LIMIT)
    key = _rate_key(request)
    cache.add(key, 0, timeout=RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW)
        count = 1
    return count > limit


def submission_workflow(index):
    """The workflow the draft enters: the one assigned to the agenda (or an ancestor), else a
    "Partner proposals" workflow with the moderators' approval task, created on first use."""
    workflow = index.get_workflow()
    if workflow is not None:
        return workflow
    from wagtail.models import GroupApprovalTask

    moderators = Group.objects.filter(name="Moderators").first()
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
        body=[("paragraph", "<p>" + "</p><p>".join(_escape_lines(data["description"])) + "</p>")],
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
    transaction.on_commit(lambda: notify_editors(index, event, submission))
    return event, submission


def _escape_lines(text):
    from django.utils.html import escape

    return [escape(line) for line in text.splitlines() if line.strip()]


def notification_recipients(index):
    recipients = list(getattr(settings, "AGENDA_SUBMISSION_NOTIFY_EMAILS", []))
    if index.notification_email:
        recipients.append(index.notification_email)
    if not recipients:
        recipients = list(
            Group.objects.filter(name="Moderators")
            .values_list("user__email", flat=True)
            .exclude(user__email="")
            .exclude(user__email__isnull=True)
        )
    return sorted(set(recipients))


def notify_editors(index, event, submission):
    recipients = notification_recipients(index)
    if not recipients:
        logger.warning("Partner proposal %s: no editor address to notify", event.pk)
        return
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "event": event,
        "submission": submission,
        "edit_url": base + reverse("wagtailadmin_pages:edit", args=[event.pk]),
    }
    send_mail(
        subject=_("New partner proposal for the agenda: %(title)s") % {"title": event.title},
        message=render_to_string("agenda/email/partner_submission.txt", context),
        from_email=None,
        recipient_list=recipients,
        fail_silently=True,
    )


def _form_response(index, request, form, status=200, errors=None):
    return TemplateResponse(
        request,
        "agenda/partner_submission_form.html",
        {"page": index, "self": index, "form": form, "errors": errors or []},
        status=status,
    )


def submission_view(index, request):
    from django.http import Http404

    if not index.submission_enabled:
        raise Http404("partner proposals are switched off")
    if request.method != "POST":
        return _form_response(index, request, PartnerSubmissionForm())
    form = PartnerSubmissionForm(request.POST)
    if rate_limited(request):
        return _form_response(
            index,
            request,
            form,
            status=429,
            errors=[_("Too many proposals from your address: please try again in an hour.")],
        )
    if form.is_spam:
        # Look the same as success to the bot, create nothing.
        return HttpResponseRedirect(index.url + index.reverse_subpage("submitted"))
    if not form.is_valid():
        return _form_response(
            index, request, form, status=400, errors=[_("Please correct the fields marked below.")]
        )
    create_proposal(index, form.cleaned_data)
    return HttpResponseRedirect(index.url + index.reverse_subpage("submitted"))


def confirmation_view(index, request):
    return TemplateResponse(request, "agenda/partner_submission_done.html", {"page": index, "self": index})
