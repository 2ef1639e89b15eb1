from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from qa import reports


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.user_is_editor(request.user)


_report_urls = [
    path("unanswered/", reports.UnansweredSearchesView.as_view(), name="unanswered"),
    path(
        "unanswered/results/",
        reports.UnansweredSearchesView.as_view(results_only=True),
        name="unanswered_results",
    ),
    path("feedback/", reports.FeedbackPerQuestionView.as_view(), name="feedback"),
    path(
        "feedback/results/",
        reports.FeedbackPerQuestionView.as_view(results_only=True),
        name="feedback_results",
    ),
    path("comments/", reports.FeedbackCommentsView.as_view(), name="comments"),
    path(
        "comments/results/", reports.FeedbackCommentsView.as_view(results_only=True), name="comments_results"
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/qa/", include((_report_urls, "qa_reports")))]


@hooks.register("register_reports_menu_item")
def unanswered_searches_menu_item():
    return EditorMenuItem(
        _("Unanswered Q&A searches"),
        reverse("qa_reports:unanswered"),
        name="qa-unanswered",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return EditorMenuItem(
        _("Q&A feedback"), reverse("qa_reports:feedback"), name="qa-feedback", icon_name="comment", order=1310
    )


@hooks.register("register_reports_menu_item")
def feedback_comments_menu_item():
    return EditorMenuItem(
        _("Q&A feedback comments"),
        reverse("qa_reports:comments"),
        name="qa-comments",
        icon_name="comment",
        order=1320,
    )


@hooks.register("register_admin_viewset")
def register_qa_admin_viewsets():
    from qa.admin_views import QAAdminGroup

    return QAAdminGroup()
