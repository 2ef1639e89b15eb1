"""Admin: a report of museums whose opening hours need checking."""

import datetime

from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from .models import MuseumPage

STALE_AFTER_DAYS = 365


class HoursToCheckReport(PageReportView):
    """Live museums without weekly hours, never checked, or checked over a year ago."""

    page_title = _("Museum hours to check")
    header_icon = "time"
    index_url_name = "museums_hours_report"
    index_results_url_name = "museums_hours_report_results"
    list_export = [*PageReportView.list_export, "hours_verified_at", "city"]
    export_headings = {**PageReportView.export_headings, "hours_verified_at": _("Hours checked on")}

    def get_filename(self):
        return f"museum-hours-to-check-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        cutoff = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
        return (
            MuseumPage.objects.live()
            .filter(alias_of__isnull=True)
            .filter(
                Q(hours_verified_at__isnull=True)
                | Q(hours_verified_at__lt=cutoff)
                | Q(weekly_hours__isnull=True)
            )
            .distinct()
            .order_by("hours_verified_at", "title")
        )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/museum-hours/", HoursToCheckReport.as_view(), name="museums_hours_report"),
        path(
            "reports/museum-hours/results/",
            HoursToCheckReport.as_view(results_only=True),
            name="museums_hours_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(_("Museum hours to check"), reverse("museums_hours_report"), icon_name="time", order=750)
