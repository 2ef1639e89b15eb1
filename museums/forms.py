"""The admin form of the museum page: opening-hour ranges may not overlap."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import opening_hours


def _live_forms(formset):
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and not form.errors
    ]


class MuseumPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        self._check_weekly()
        self._check_exceptions()
        return cleaned

    def _check_weekly(self):
        formset = self.formsets.get("weekly_hours")
        if formset is None or not formset.is_valid():
            return
        forms = _live_forms(formset)
        items = [
            opening_hours.WeeklyRange(
                f.cleaned_data["weekday"],
                f.cleaned_data["opens"],
                f.cleaned_data["closes"],
                f.cleaned_data.get("closes_next_day", False),
            )
            for f in forms
        ]
        for i, j in opening_hours.weekly_overlaps(items):
            forms[j].add_error(
                "opens",
                _("This range overlaps another range (%(other)s).")
                % {"other": f"{items[i].opens:%H:%M}–{items[i].closes:%H:%M}"},
            )

    def _check_exceptions(self):
        formset = self.formsets.get("hours_exceptions")
        if formset is None or not formset.is_valid():
            return
        forms = _live_forms(formset)
        items = []
        for f in forms:
            data = f.cleaned_data
            items.append(
                opening_hours.DatedException(
                    start=data["start_date"],
                    end=data.get("end_date") or data["start_date"],
                    weekday=data.get("weekday"),
                    closed=data.get("closed", False),
                    opens=data.get("opens"),
                    closes=data.get("closes"),
                    closes_next_day=data.get("closes_next_day", False),
                )
            )
        for _i, j in opening_hours.exception_overlaps(items):
            forms[j].add_error("opens", _("This range overlaps another range for the same dates."))
