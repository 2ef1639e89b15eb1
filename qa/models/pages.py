"""The Q&A page tree: QAIndexPage > QACategoryPage > QuestionPage.

Categories and questions are pages, so they get drafts, moderation, revisions,
translations, previews and their own URL for free; their order is the page tree order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from core.models import BasePage
from core.visibility import Visibility
from qa import context, jsonld, queries, serializers, text, views
from qa.choices import CategoryIcon, QuestionAudience
from qa.panels import FeedbackSummaryPanel

ANSWER_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


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

    def get_context(self, request, *args, **kwargs):
        ctx = super().get_context(request, *args, **kwargs)
        ctx.update(context.index_context(self, request))
        return ctx

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("search_errors"):
            response.status_code = 400
        return response

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **serializers.index_data(self, request)}


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

    def get_context(self, request, *args, **kwargs):
        ctx = super().get_context(request, *args, **kwargs)
        ctx.update(context.category_context(self, request))
        return ctx

    def get_json_ld(self, request=None):
        questions = queries.category_questions(self, Visibility.for_request(request))
        return jsonld.faq_page(super().get_json_ld(request), questions, request)

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **serializers.category_data(self, request)}


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
        choices=QuestionAudience.choices,
        default=QuestionAudience.PUBLIC,
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
        return text.html_to_text(self.answer_html)

    @property
    def phrasings(self):
        return [line.strip() for line in (self.alternative_phrasings or "").splitlines() if line.strip()]

    def get_meta_description(self):
        return super().get_meta_description() or self.answer_text[:300]

    def get_listing_summary(self):
        return super().get_listing_summary() or text.excerpt(self.answer_text)

    def get_json_ld(self, request=None):
        return jsonld.faq_page(super().get_json_ld(request), [self], request)

    def get_context(self, request, *args, **kwargs):
        ctx = super().get_context(request, *args, **kwargs)
        ctx.update(context.question_context(self, request, kwargs.get("feedback_form")))
        return ctx

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return views.feedback_view(request, self)
        return super().serve(request, *args, **kwargs)

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **serializers.question_data(self, request)}


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
