"""An editor panel showing the readers' feedback on a question."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class FeedbackSummaryPanel(Panel):
    """Read-only: how many readers found this answer helpful or not, and the latest comments."""

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.setdefault("heading", _("Reader feedback"))
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "qa/admin/feedback_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            counts = {"yes": 0, "no": 0}
            comments = []
            if self.instance.pk:
                feedback = self.instance.feedback
                counts = feedback.aggregate(
                    yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
                )
                comments = list(feedback.exclude(comment="").order_by("-created_at")[:5])
            context.update(counts=counts, comments=comments)
            return context
