"""The Q&A page tree: QAIndexPage > QACategoryPage > QuestionPage.

Categories and questions are pages, so they get drafts, moderation, revisions,
translations, previews and their own URL for free; their order is the page tree order.
"""

import html
import re

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from core.models import BasePage
from qa import text
from qa.choices import Audience, CategoryIcon
from qa.panels import FeedbackSummaryPanel

ANSWER_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(value):
    """Readable plain text from rich text HTML: one line per paragraph or list item."""
    value = _BLOCK_END.sub("\n", value or "")
    lines = (" ".join(html.unescape(strip_tags(line)).split()) for line in value.split("\n"))
    return "\n".join(line for line in lines if line)


def visible(queryset):
    """Live, public pages of their own (aliases are placeholders for untranslated pages)."""
    return queryset.live().public().filter(alias_of__isnull=True)


def faq_entity(question, request=None):
    """One schema.org Question with its accepted Answer."""
    return {
        "@type": "Question",
        "name": question.title,
        "url": question.get_full_url(request),
        "acceptedAnswer": {"@type": "Answer", "text": question.answer_text},
    }


class QAIndexPage(BasePage):
    """The Q&A start page: a search box, the categories and the most asked questions."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two above the search box."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "popular_questions",
            label=_("Most asked questions"),
            max_num=10,
            help_text=_("Shown on the start page; when empty, the first question of each category."),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["qa.QACategoryPage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("Q&A index page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def get_categories(self):
        return list(visible(QACategoryPage.objects.child_of(self)).select_related("locale").order_by("path"))

    def get_questions(self):
        """Every visible question under this index, in tree order (a queryset)."""
        return visible(QuestionPage.objects.descendant_of(self)).select_related("locale").order_by("path")

    def get_popular_questions(self):
        """The editors' most asked questions that are visible, else each category's first question.

        A pick stands for its question in this page's language (a translated index may still
        point at the source language's questions).
        """
        if not self.pk:  # a preview of an unsaved page
            return []
        keys = list(self.popular_questions.values_list("question__translation_key", flat=True))
        if keys:
            pages = {q.translation_key: q for q in self.get_questions().filter(translation_key__in=keys)}
            return [pages[key] for key in keys if key in pages]
        firsts = {}
        for question in self.get_questions():
            firsts.setdefault(question.path[: -QuestionPage.steplen], question)
        return list(firsts.values())

    def get_context(self, request, *args, **kwargs):
        from qa.views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("search_errors"):
            response.status_code = 400
        return response

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "categories": [
                {"id": c.pk, "title": c.title, "url": c.get_full_url(request), "icon": c.icon}
                for c in self.get_categories()
            ],
            "popular_questions": [
                {"id": q.pk, "title": q.title, "url": q.get_full_url(request)}
                for q in self.get_popular_questions()
            ],
        }


class PopularQuestion(Orderable):
    index_page = ParentalKey(QAIndexPage, on_delete=models.CASCADE, related_name="popular_questions")
    question = models.ForeignKey(
        "qa.QuestionPage",
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("question", page_type="qa.QuestionPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("most asked question")
        verbose_name_plural = _("most asked questions")


class QACategoryPage(BasePage):
    """A group of questions (ordering, the app, payment, ...), in the order of the page tree."""

    icon = models.CharField(
        _("icon"),
        max_length=20,
        choices=CategoryIcon.choices,
        default=CategoryIcon.QUESTION,
        help_text=_("A decorative symbol next to the category name."),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("What questions this category answers, in one or two sentences."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("icon"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["qa.QAIndexPage"]
    subpage_types = ["qa.QuestionPage"]
    schema_type = "FAQPage"

    class Meta:
        verbose_name = _("Q&A category")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    @cached_property
    def questions(self):
        """The visible questions of this category in editor (tree) order."""
        return list(visible(QuestionPage.objects.child_of(self)).select_related("locale").order_by("path"))

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        data["mainEntity"] = [faq_entity(question, request) for question in self.questions]
        return data

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "icon": self.icon,
            "questions": [
                {"id": q.pk, "title": q.title, "url": q.get_full_url(request)} for q in self.questions
            ],
        }


class QuestionPage(BasePage):
    """One question with its answer: the title is the question, as a reader would ask it."""

    answer = RichTextField(
        _("answer"), features=ANSWER_FEATURES, help_text=_("Short and direct first, details after.")
    )
    alternative_phrasings = models.TextField(
        _("alternative phrasings and keywords"),
        blank=True,
        help_text=_(
            "One per line: other ways people ask this question and words they use "
            "(e.g. 'pas kwijt', 'gestolen'). Used by the search, not shown."
        ),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_("Who asks this question."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the answer was last checked to be correct."),
    )
    search_text = models.TextField(
        _("normalised search text"),
        blank=True,
        editable=False,
        help_text=_("Folded, stemmed words of question, phrasings and answer (kept up to date on save)."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Question")),
        FieldPanel("answer"),
        MultiFieldPanel(
            [FieldPanel("alternative_phrasings"), FieldPanel("audience"), FieldPanel("last_reviewed")],
            heading=_("Finding and maintaining"),
        ),
        InlinePanel("related_questions", label=_("Related questions"), max_num=6),
        FeedbackSummaryPanel(heading=_("Reader feedback")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("answer"),
        index.SearchField("alternative_phrasings"),
        index.AutocompleteField("alternative_phrasings"),
        index.FilterField("audience"),
    ]

    parent_page_types = ["qa.QACategoryPage"]
    subpage_types = []
    schema_type = "FAQPage"

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def save(self, *args, **kwargs):
        self.search_text = text.search_text(self.title, self.alternative_phrasings, self.answer_text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "answer", "alternative_phrasings"} & set(update_fields):
            kwargs["update_fields"] = [*update_fields, "search_text"]
        return super().save(*args, **kwargs)

    @property
    def answer_html(self):
        return expand_db_html(self.answer or "")

    @property
    def answer_text(self):
        return html_to_text(self.answer_html)

    @property
    def phrasings(self):
        return [line.strip() for line in (self.alternative_phrasings or "").splitlines() if line.strip()]

    def get_meta_description(self):
        return super().get_meta_description() or self.answer_text[:300]

    def get_listing_summary(self):
        return super().get_listing_summary() or text_excerpt(self.answer_text)

    def get_category(self):
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    def get_related(self):
        """Related questions that are visible, in editor order, in this page's language."""
        ids = [item.question_id for item in self.related_questions.all() if item.question_id]
        if not ids:
            return []
        key_of = dict(QuestionPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        keys = [key_of[pk] for pk in ids if pk in key_of]
        pages = {
            q.translation_key: q
            for q in visible(QuestionPage.objects.filter(translation_key__in=keys, locale_id=self.locale_id))
        }
        return [pages[key] for key in keys if key in pages]

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        data["mainEntity"] = [faq_entity(self, request)]
        return data

    def get_context(self, request, *args, **kwargs):
        from qa.views import question_context

        context = super().get_context(request, *args, **kwargs)
        context.update(question_context(self, request, kwargs.get("feedback_form")))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from qa.views import handle_feedback_post

            return handle_feedback_post(self, request)
        return super().serve(request, *args, **kwargs)

    def get_api_data(self, request=None):
        category = self.get_category()
        return {
            **super().get_api_data(request),
            "answer_html": self.answer_html,
            "answer_text": self.answer_text,
            "audience": self.audience,
            "last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
            "category": {"id": category.pk, "title": category.title, "url": category.get_full_url(request)}
            if category
            else None,
            "related": [
                {"id": q.pk, "title": q.title, "url": q.get_full_url(request)} for q in self.get_related()
            ],
        }


def text_excerpt(value, length=200):
    value = " ".join((value or "").split())
    if len(value) <= length:
        return value
    return value[:length].rsplit(" ", 1)[0] + "…"


class RelatedQuestion(Orderable):
    page = ParentalKey(QuestionPage, on_delete=models.CASCADE, related_name="related_questions")
    question = models.ForeignKey(
        QuestionPage,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("question", page_type="qa.QuestionPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related question")
        verbose_name_plural = _("related questions")
