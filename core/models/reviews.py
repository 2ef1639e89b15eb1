"""Which translations a native speaker has reviewed.

Pages in a language of ``settings.TRANSLATION_REVIEW_LANGUAGES`` (Papiamentu) are first drafts
until they are reviewed: an editor who reads the language marks the page as reviewed in the
admin (the page editor says it is a draft, the report *Translations awaiting review* lists
every draft), which adds a row here; undoing the mark removes it (``core.reviews``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationReview(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_review",
        verbose_name=_("page"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")

    def __str__(self):
        return f"{self.page_id} reviewed {self.reviewed_at:%Y-%m-%d}"
