"""Choices of the Q&A app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionAudience(models.TextChoices):
    """Who asks a question: card holders and buyers, museums, or members of the association."""

    PUBLIC = "public", _("Public (card holders and buyers)")
    MUSEUMS = "museums", _("Museums")
    MEMBERS = "members", _("Members of the association")


class CategoryIcon(models.TextChoices):
    """A decorative icon shown next to a category (templates/qa/includes/icon.html); the API hands out the key."""

    ORDER = "order", _("Ordering (shopping cart)")
    ACCOUNT = "account", _("Account (person)")
    APP = "app", _("App (phone)")
    PAYMENT = "payment", _("Payment (euro)")
    RENEWAL = "renewal", _("Renewal (arrows)")
    LOST = "lost", _("Lost or stolen (magnifier)")
    TEMPORARY = "temporary", _("Temporary pass (hourglass)")
    GIFT = "gift", _("Gift (present)")
    VISIT = "visit", _("Visiting a museum (building)")
    PRIVACY = "privacy", _("Privacy (lock)")
    QUESTION = "question", _("Other (question mark)")
