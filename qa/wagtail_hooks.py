"""The Q&A in the admin: the reports (menu *Reports*) and the feedback and unanswered-search
listings (menu *Q&A*).

Feedback comes from readers and unanswered searches from the search box, so editors may look at
them and delete them (e.g. a comment with personal details, or a search that now has an answer)
but never add or change them. Access to the listings follows the Django model permissions
("view"/"delete" on each model), given to groups in Settings › Groups.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from qa import reports
from qa.models import QuestionFeedback, ZeroResultQuery


class ReadAndDeletePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


for _model in (QuestionFeedback, ZeroResultQuery):
    register_permission_policy(_model, ReadAndDeletePolicy(_model))


class QuestionFeedbackViewSet(ModelViewSet):
    model = QuestionFeedback
    icon = "comment"
    menu_label = _("Feedback")
    list_display = ["question", "helpful", "comment", "source", "created_at"]
    list_filter = ["helpful", "source"]
    search_fields = ["comment"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    form_fields = ["helpful", "comment"]


class ZeroResultQueryViewSet(ModelViewSet):
    model = ZeroResultQuery
    icon = "search"
    menu_label = _("Unanswered searches")
    list_display = ["query", "scope", "language_code", "count", "last_seen"]
    list_filter = ["scope", "language_code"]
    search_fields = ["query"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["query"]


class QAAdminGroup(ModelViewSetGroup):
    menu_label = _("Q&A")
    menu_icon = "help"
    menu_order = 310
    items = (QuestionFeedbackViewSet, ZeroResultQueryViewSet)


@hooks.register("register_admin_viewset")
def register_qa_admin_viewsets():
    return QAAdminGroup()


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
