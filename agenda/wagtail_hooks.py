"""Admin of the agenda: partner proposals (contact details) and the newsletter export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerSubmission
from .views import NewsletterExportView


class PartnerSubmissionViewSet(SnippetViewSet):
    model = PartnerSubmission
    icon = "mail"
    menu_label = _("Partner proposals")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["organisation_name", "contact_name", "contact_email", "event", "submitted_at"]
    list_filter = ["submitted_at"]
    search_fields = ["organisation_name", "contact_name", "contact_email"]
    inspect_view_enabled = True


register_snippet(PartnerSubmissionViewSet)


@hooks.register("register_admin_urls")
def register_agenda_admin_urls():
    return [path("agenda/export/", NewsletterExportView.as_view(), name="agenda_newsletter_export")]


@hooks.register("register_admin_menu_item")
def register_agenda_export_menu_item():
    return MenuItem(_("Agenda export"), reverse("agenda_newsletter_export"), icon_name="date", order=260)
