"""What readers leave behind, without personal data: feedback and searches that found nothing."""

import re

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ratelimit import allow
from qa.text import normalise_query

# Queries that look like an e-mail address or a long number (card, phone) are not kept.
_PERSONAL = re.compile(r"@|\d{5,}")


class QuestionFeedback(models.Model):
    """One "was this helpful?" answer. No IP address, user or browser data is stored."""

    class Source(models.TextChoices):
        WEBSITE = "website", _("Website")
        API = "api", _("API (app)")

    question = models.ForeignKey(
        "qa.QuestionPage",
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(
        _("comment"),
        blank=True,
        max_length=1000,
        help_text=_("The reader's optional explanation."),
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.WEBSITE)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Q&A feedback")
        verbose_name_plural = _("Q&A feedback")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["question", "helpful"])]

    def __str__(self):
        return f"{self.question_id}: {'+' if self.helpful else '-'}"

    @classmethod
    def record(cls, question, request, *, helpful, comment, source):
        """Store one answer on ``question``, unless the client of ``request`` went over a feedback
        rate (then ``None``): ``QA_FEEDBACK_RATE_PER_QUESTION`` on this question (a reader counts
        once per answer), then ``QA_FEEDBACK_RATE`` in all. A repeat on one question does not use
        up the overall allowance. The client is only known to the rate limiter, never stored."""
        rate = settings.QA_FEEDBACK_RATE_PER_QUESTION
        if not allow(request, "qa-feedback-question", rate, suffix=str(question.pk)):
            return None
        if not allow(request, "qa-feedback", settings.QA_FEEDBACK_RATE):
            return None
        return cls.objects.create(question=question, helpful=helpful, comment=comment.strip(), source=source)


class ZeroResultQuery(models.Model):
    """A search that found nothing, in the Q&A or the whole site (HTML or API): a hint for a
    missing answer or page."""

    class Scope(models.TextChoices):
        QA = "qa", _("Q&A")
        SITE = "site", _("site search")

    query = models.CharField(_("search"), max_length=200, help_text=_("Lower case, without accents."))
    language_code = models.CharField(_("language"), max_length=10)
    scope = models.CharField(_("where"), max_length=10, choices=Scope.choices, default=Scope.QA)
    count = models.PositiveIntegerField(_("times searched"), default=1)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        verbose_name = _("unanswered Q&A search")
        verbose_name_plural = _("unanswered Q&A searches")
        ordering = ["-count", "-last_seen"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language_code", "scope"], name="qa_zero_result_unique_query"
            ),
        ]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language_code, scope=Scope.QA):
        """Count one more search for ``query``; returns False when it is not worth keeping."""
        normalised = normalise_query(query)
        if len(normalised) < 2 or _PERSONAL.search(query):
            return False
        now = timezone.now()
        lookup = {"query": normalised, "language_code": language_code, "scope": scope}
        if cls.objects.filter(**lookup).update(count=F("count") + 1, last_seen=now):
            return True
        try:
            with transaction.atomic():
                cls.objects.create(**lookup, first_seen=now, last_seen=now)
        except IntegrityError:  # another request created it in the meantime
            cls.objects.filter(**lookup).update(count=F("count") + 1, last_seen=now)
        return True
