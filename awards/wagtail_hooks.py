"""Admin of the awards app: a report of every nomination (filter by stage, export to CSV/Excel)."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .choices import Stage
from .models import Nomination


class NominationReportFilterSet(WagtailFilterSet):
    stage = django_filters.ChoiceFilter(label=_("stage reached"), choices=Stage.choices)
    edition__year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = Nomination
        fields = ["stage", "edition__year"]


class NominationReportView(ReportView):
    page_title = _("Award nominations")
    header_icon = "pick"
    index_url_name = "awards_nominations_report"
    index_results_url_name = "awards_nominations_report_results"
    filterset_class = NominationReportFilterSet
    columns = [
        Column("museum", label=_("museum"), accessor="museum"),
        Column("edition", label=_("edition"), accessor="edition"),
        Column("stage", label=_("stage reached"), accessor="get_stage_display"),
        Column("votes", label=_("votes")),
        Column("vote_share", label=_("vote share (%)")),
    ]
    list_export = ["museum.title", "edition.title", "edition.year", "stage", "votes", "vote_share"]
    export_headings = {
        "museum.title": _("Museum"),
        "edition.title": _("Edition"),
        "edition.year": _("Year"),
        "stage": _("Stage reached"),
        "votes": _("Votes"),
        "vote_share": _("Vote share (%)"),
    }

    def get_queryset(self):
        return (
            Nomination.objects.select_related("museum", "edition")
            .filter(edition__alias_of__isnull=True)
            .order_by("-edition__year", "edition__title", "sort_order")
        )


@hooks.register("register_admin_urls")
def register_awards_report_urls():
    return [
        path("reports/award-nominations/", NominationReportView.as_view(), name="awards_nominations_report"),
        path(
            "reports/award-nominations/results/",
            NominationReportView.as_view(results_only=True),
            name="awards_nominations_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_awards_report_menu_item():
    return MenuItem(_("Award nominations"), reverse("awards_nominations_report"), icon_name="pick", order=750)
