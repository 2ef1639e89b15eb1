"""One set of filters for the agenda page, its iCal and RSS feeds, the events API and the
newsletter export.

Every filter works on ``EventOccurrence`` rows (which events a reader may see is the caller's,
see ``queries``); the same query string therefore gives the same occurrences everywhere.
"""

from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.bounds import id_filter_bounds, validate_date_range
from core.cachetags import cached, type_tag
from core.filtering import FilterSet
from core.models import Dossier, Organisation, Theme

from .choices import AttendanceMode, EventAudience, EventStatus, EventType, OrganiserKind, Province


def _slug_choices(model):
    def load(language):
        # One query: the Dutch names, replaced by the active language's where translated.
        rows = model.objects.filter(locale__language_code__in={"nl", language}).values_list(
            "slug", "name", "locale__language_code"
        )
        names = {}
        for slug, name, _code in sorted(rows, key=lambda row: row[2] == language):
            names[slug] = name
        return sorted(names.items(), key=lambda item: item[1].lower())

    def choices():
        # Kept per language until a snippet of the model changes (``core.dependencies``).
        language = get_language()
        key = f"choices:{model._meta.label_lower}:{language}"
        return cached(key, [type_tag(model)], lambda: load(language))

    return choices


class DateOrDateTimeField(forms.Field):
    """Accepts 2026-05-01 or 2026-05-01T10:00 (local time unless an offset is given).

    Cleans to ``(aware datetime, is_date)`` so ``to=<date>`` can include that whole day.
    """

    widget = forms.DateInput(attrs={"type": "date"})
    default_error_messages = {
        "invalid": _("Enter a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM).")
    }

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        try:
            if len(value) == 10:
                day = datetime.strptime(value, "%Y-%m-%d").date()
                return timezone.make_aware(datetime.combine(day, time(0))), True
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed, False

    def validate(self, value):
        super().validate(value)
        if value is not None:
            validate_date_range(value[0])


class DateOrDateTimeFilter(django_filters.Filter):
    field_class = DateOrDateTimeField


class EventFilterSet(FilterSet):
    type = django_filters.MultipleChoiceFilter(
        field_name="event__event_type",
        choices=EventType.choices,
        distinct=False,  # one type per event: no duplicates, no DISTINCT over the window
        label=_("Type"),
        widget=forms.CheckboxSelectMultiple,
    )
    theme = django_filters.ChoiceFilter(
        empty_label=_("All"), choices=_slug_choices(Theme), method="filter_theme", label=_("Theme")
    )
    dossier = django_filters.ChoiceFilter(
        empty_label=_("All"), choices=_slug_choices(Dossier), method="filter_dossier", label=_("Dossier")
    )
    audience = django_filters.ChoiceFilter(
        empty_label=_("All"), field_name="event__audience", choices=EventAudience.choices, label=_("Audience")
    )
    attendance_mode = django_filters.ChoiceFilter(
        empty_label=_("All"),
        field_name="event__attendance_mode",
        choices=AttendanceMode.choices,
        label=_("Attendance"),
    )
    organiser = django_filters.ChoiceFilter(
        empty_label=_("All"), choices=OrganiserKind.choices, method="filter_organiser", label=_("Organiser")
    )
    province = django_filters.ChoiceFilter(
        empty_label=_("All"), choices=Province.choices, method="filter_province", label=_("Province")
    )
    museum = django_filters.NumberFilter(
        field_name="event__venue_museum_id", label=_("Museum"), widget=forms.HiddenInput, **id_filter_bounds()
    )
    status = django_filters.ChoiceFilter(
        empty_label=_("All"), field_name="event__status", choices=EventStatus.choices, label=_("Status")
    )
    date_from = DateOrDateTimeFilter(method="filter_from", label=_("From"))
    date_to = DateOrDateTimeFilter(method="filter_to", label=_("Until"))

    def filter_theme(self, queryset, name, value):
        return queryset.filter(
            event__in=Theme.events.through.objects.filter(theme__slug=value).values("eventpage_id")
        )

    def filter_dossier(self, queryset, name, value):
        return queryset.filter(
            event__in=Dossier.events.through.objects.filter(dossier__slug=value).values("eventpage_id")
        )

    def filter_organiser(self, queryset, name, value):
        association = Q(event__organiser__isnull=True) | Q(
            event__organiser__kind=Organisation.Kind.ASSOCIATION
        )
        return (
            queryset.filter(association)
            if value == OrganiserKind.ASSOCIATION
            else queryset.exclude(association)
        )

    def filter_province(self, queryset, name, value):
        return queryset.filter(
            Q(event__venue_museum__isnull=True, event__venue_province=value)
            | Q(event__venue_museum__province=value)
        )

    def filter_from(self, queryset, name, value):
        moment, _is_date = value
        return queryset.filter(end__gt=moment)

    def filter_to(self, queryset, name, value):
        moment, is_date = value
        return queryset.filter(start__lt=moment + timedelta(days=1) if is_date else moment)

    def clean_range(self):
        """``from`` must not be after ``to`` (checked after the fields themselves)."""
        data = self.form.cleaned_data
        if data.get("from") and data.get("to") and data["from"][0] > data["to"][0]:
            self.form.add_error("to", _("The end of the period must be after its start."))


# "from" and "to" are Python keywords: rename the filters after the class is built.
for _old, _new in (("date_from", "from"), ("date_to", "to")):
    EventFilterSet.base_filters[_new] = EventFilterSet.base_filters.pop(_old)
EventFilterSet.base_filters["from"].field_name = "from"
EventFilterSet.base_filters["to"].field_name = "to"

FILTER_NAMES = list(EventFilterSet.base_filters)


def query_data(values):
    """A mapping of filter names to a value or a list of values (``--type`` given twice, a form's
    cleaned data) as the query-string data ``filter_occurrences`` takes; empty values are left out."""
    data = MultiValueDict()
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        items = [str(item) for item in items if item not in (None, "")]
        if items:
            data.setlist(name, items)
    return data


def filter_occurrences(queryset, data):
    """Apply the filters in ``data`` (a QueryDict or dict); returns ``(queryset, errors, filterset)``.

    ``errors`` maps each bad parameter to readable messages; the queryset is unfiltered then.
    """
    filterset = EventFilterSet(data, queryset=queryset)
    if filterset.is_valid():
        filterset.clean_range()
    if not filterset.form.is_valid():
        errors = {name: [str(m) for m in messages] for name, messages in filterset.form.errors.items()}
        return queryset.none(), errors, filterset
    return filterset.qs, {}, filterset
