"""Admin reports: unanswered searches, feedback per question and feedback comments."""

import django_filters
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from qa.models import QuestionFeedback, QuestionPage, ZeroResultQuery

# Whoever may edit pages may read the Q&A reports.
EDITOR_PERMISSIONS = ["add", "change", "publish"]


def user_is_editor(user):
    return PagePermissionPolicy().user_has_any_permission(user, EDITOR_PERMISSIONS)


class EditorReportView(ReportView):
    permission_policy = PagePermissionPolicy()
    any_permission_required = EDITOR_PERMISSIONS


class ZeroResultFilterSet(WagtailFilterSet):
    language_code = django_filters.CharFilter(label=_("Language"), lookup_expr="exact")

    class Meta:
        model = ZeroResultQuery
        fields = ["language_code"]


class UnansweredSearchesView(EditorReportView):
    page_title = _("Unanswered Q&A searches")
    header_icon = "search"
    index_url_name = "qa_reports:unanswered"
    index_results_url_name = "qa_reports:unanswered_results"
    filterset_class = ZeroResultFilterSet
    columns = [
        Column("query", label=_("Search")),
        Column("language_code", label=_("Language")),
        Column("count", label=_("Times searched")),
        DateColumn("last_seen", label=_("Last seen")),
        DateColumn("first_seen", label=_("First seen")),
    ]
    list_export = ["query", "language_code", "count", "first_seen", "last_seen"]
    export_headings = {
        "query": _("Search"),
        "language_code": _("Language"),
        "count": _("Times searched"),
        "first_seen": _("First seen"),
        "last_seen": _("Last seen"),
    }

    def get_filename(self):
        return "qa-unanswered-searches"

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-count", "-last_seen")


def _edit_url(question):
    return reverse("wagtailadmin_pages:edit", args=[question.pk])


class FeedbackPerQuestionView(EditorReportView):
    page_title = _("Q&A feedback per question")
    header_icon = "comment"
    index_url_name = "qa_reports:feedback"
    index_results_url_name = "qa_reports:feedback_results"
    columns = [
        TitleColumn("title", label=_("Question"), get_url=_edit_url),
        Column("locale", label=_("Language"), accessor="locale.language_code"),
        Column("helpful_yes", label=_("Helpful")),
        Column("helpful_no", label=_("Not helpful")),
        Column("comments", label=_("Comments")),
    ]
    list_export = ["title", "helpful_yes", "helpful_no", "comments"]
    export_headings = {
        "title": _("Question"),
        "helpful_yes": _("Helpful"),
        "helpful_no": _("Not helpful"),
        "comments": _("Comments"),
    }

    def get_filename(self):
        return "qa-feedback-per-question"

    def get_queryset(self):
        return (
            QuestionPage.objects.select_related("locale")
            .annotate(
                helpful_yes=Count("feedback", filter=Q(feedback__helpful=True)),
                helpful_no=Count("feedback", filter=Q(feedback__helpful=False)),
                comments=Count("feedback", filter=~Q(feedback__comment="")),
                total=Count("feedback"),
            )
            .filter(total__gt=0)
            .order_by("-helpful_no", "-total", "path")
        )


class FeedbackCommentFilterSet(WagtailFilterSet):
    helpful = django_filters.BooleanFilter(label=_("Helpful"))

    class Meta:
        model = QuestionFeedback
        fields = ["helpful"]


class FeedbackCommentsView(EditorReportView):
    page_title = _("Q&A feedback comments")
    header_icon = "comment"
    index_url_name = "qa_reports:comments"
    index_results_url_name = "qa_reports:comments_results"
    filterset_class = FeedbackCommentFilterSet
    columns = [
        TitleColumn(
            "question",
            label=_("Question"),
            accessor="question.title",
            get_url=lambda feedback: _edit_url(feedback.question),
        ),
        BooleanColumn("helpful", label=_("Helpful")),
        Column("comment", label=_("Comment")),
        DateColumn("created_at", label=_("Given at")),
    ]
    list_export = ["question.title", "helpful", "comment", "created_at"]
    export_headings = {
        "question.title": _("Question"),
        "helpful": _("Helpful"),
        "comment": _("Comment"),
        "created_at": _("Given at"),
    }

    def get_filename(self):
        return "qa-feedback-comments"

    def get_queryset(self):
        return QuestionFeedback.objects.exclude(comment="").select_related("question").order_by("-created_at")
