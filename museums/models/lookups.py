"""The fixed lists a museum is tagged with, as rows so pages can link to them (M2M)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ACCESSIBILITY_GROUPS, Accessibility, AccessibilityGroup, Category


class _CodeManager(models.Manager):
    choices = None

    def ensure_all(self):
        """Create the row of every code of the fixed list (idempotent); returns {code: row}."""
        existing = {row.code: row for row in self.all()}
        missing = [
            self.model(**self.model.defaults_for(code)) for code in self.model.CODES if code not in existing
        ]
        if missing:
            self.bulk_create(missing, ignore_conflicts=True)
            existing = {row.code: row for row in self.all()}
        return existing


class MuseumCategory(models.Model):
    """A kind of museum (art, history, ...); the list is fixed in ``choices.Category``."""

    CODES = Category.values
    code = models.CharField(_("code"), max_length=40, choices=Category.choices, unique=True)

    objects = _CodeManager()

    class Meta:
        verbose_name = _("museum category")
        verbose_name_plural = _("museum categories")
        ordering = ["code"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return Category(self.code).label

    @classmethod
    def defaults_for(cls, code):
        return {"code": code}


class AccessibilityFeature(models.Model):
    """A facility for visitors with a disability, in one of four groups (see ``choices``)."""

    CODES = Accessibility.values
    code = models.CharField(_("code"), max_length=40, choices=Accessibility.choices, unique=True)
    group = models.CharField(_("group"), max_length=20, choices=AccessibilityGroup.choices)

    objects = _CodeManager()

    class Meta:
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")
        ordering = ["group", "code"]

    def __str__(self):
        return f"{self.get_group_display()}: {self.label}"

    @property
    def label(self):
        return Accessibility(self.code).label

    @classmethod
    def defaults_for(cls, code):
        return {"code": code, "group": ACCESSIBILITY_GROUPS[Accessibility(code)]}
