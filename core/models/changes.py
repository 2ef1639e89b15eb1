"""The change feed's record: one row per change a public API client may see (``core.changes``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """A page entered, changed in or left the public API: written in the transaction of the change
    itself, by the same signals that invalidate the caches. The id is the feed's cursor."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        TRANSLATED = "translated", _("translated")
        UPDATED = "updated", _("updated")
        MOVED = "moved", _("moved")
        RELATED = "related", _("a page it shows changed")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        RESTRICTED = "restricted", _("privacy changed")

    class Action(models.TextChoices):
        UPSERT = "upsert", _("fetch it again")
        REMOVE = "remove", _("remove it")

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    page_type = models.CharField(
        _("type"), max_length=100, help_text=_("The model label, e.g. agenda.EventPage.")
    )
    object_id = models.PositiveIntegerField(_("page id"))
    locale = models.CharField(_("language"), max_length=16)
    path = models.CharField(_("path"), max_length=1024, blank=True)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["at"], name="core_change_at"),
            models.Index(fields=["object_id", "at"], name="core_change_object_at"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.kind} {self.page_type} {self.object_id}"


class ChangeFeedState(models.Model):
    """One row: the oldest cursor the feed can still replay from. Pruning and bulk loads (which
    record nothing) move it forward; clients behind it must fetch everything again."""

    horizon = models.BigIntegerField(_("horizon"), default=0)
    horizon_at = models.DateTimeField(_("horizon at"), null=True, blank=True)

    class Meta:
        verbose_name = _("change feed state")
        verbose_name_plural = _("change feed state")

    def __str__(self):
        return f"change feed from #{self.horizon}"
