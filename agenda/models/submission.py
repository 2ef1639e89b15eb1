"""A partner's proposal: the contact details kept apart from the event page, for a limited time."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerSubmission(models.Model):
    """Who proposed an activity and how to reach them; deleted after the retention period
    (``manage.py purge_partner_submissions``)."""

    event = models.ForeignKey(
        "agenda.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_submissions",
        help_text=_("The draft event page this proposal created."),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    message = models.TextField(_("message to the editors"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("partner submission")
        verbose_name_plural = _("partner submissions")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.submitted_at:%Y-%m-%d})"

    @property
    def purge_after(self):
        return self.submitted_at + timedelta(days=settings.AGENDA_SUBMISSION_RETENTION_DAYS)

    @classmethod
    def expired(cls, now=None):
        now = now or timezone.now()
        return cls.objects.filter(
            submitted_at__lt=now - timedelta(days=settings.AGENDA_SUBMISSION_RETENTION_DAYS)
        )
