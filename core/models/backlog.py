"""Search index updates that could not reach the search engine, kept until they do.

Wagtail's Elasticsearch backend logs a failed index update and goes on (publishing keeps
working), which would leave the page out of search until someone rebuilt the index. The
project's backend (``search.backends``) records each failure here instead; ``manage.py
retry_search_index`` (run every minute) replays them, and ``/healthz`` reports how many wait.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchIndexBacklog(models.Model):
    class Action(models.TextChoices):
        ADD = "add", _("add or update")
        DELETE = "delete", _("remove")

    model_label = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    first_failed_at = models.DateTimeField(_("first failed at"), default=timezone.now)
    last_failed_at = models.DateTimeField(_("last failed at"), default=timezone.now)

    class Meta:
        verbose_name = _("search index update waiting")
        verbose_name_plural = _("search index updates waiting")
        constraints = [
            models.UniqueConstraint(
                fields=["model_label", "object_id"], name="core_search_backlog_unique_object"
            )
        ]

    def __str__(self):
        return f"{self.action} {self.model_label} {self.object_id}"

    @classmethod
    def record(cls, obj, action, error):
        """Remember that ``obj`` needs ``action`` in the index (the latest action wins)."""
        now = timezone.now()
        row, created = cls.objects.get_or_create(
            model_label=obj._meta.label,
            object_id=str(obj.pk),
            defaults={"action": action, "last_error": repr(error)[:255]},
        )
        if not created:
            row.action, row.attempts, row.last_error, row.last_failed_at = (
                action,
                row.attempts + 1,
                repr(error)[:255],
                now,
            )
            row.save(update_fields=["action", "attempts", "last_error", "last_failed_at"])
        return row

    @classmethod
    def done(cls, obj):
        cls.objects.filter(model_label=obj._meta.label, object_id=str(obj.pk)).delete()
