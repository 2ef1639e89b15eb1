"""Admin listings of feedback and unanswered searches: read and delete only.

Feedback comes from readers and unanswered searches from the search box, so editors may look
at them and delete them (e.g. a comment with personal details, or a search that now has an
answer) but never add or change them. Access follows the Django model permissions
("view"/"delete" on each model), given to groups in Settings › Groups.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

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
    list_display = ["query", "language_code", "count", "last_seen"]
    list_filter = ["language_code"]
    search_fields = ["query"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["query"]


class QAAdminGroup(ModelViewSetGroup):
    menu_label = _("Q&A")
    menu_icon = "help"
    menu_order = 310
    items = (QuestionFeedbackViewSet, ZeroResultQueryViewSet)
