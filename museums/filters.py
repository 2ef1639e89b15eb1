"""The museum finder's filters, shared by the finder page and ``GET /api/v1/museums/``.

Every filter is a query parameter; they combine (AND). ``accessibility`` may repeat and every
selected feature must be present. A point (``lat`` + ``lon``, ``radius_km`` defaulting to
``DEFAULT_RADIUS_KM``) limits the results to that circle and sorts them nearest first.

The FilterSet filters the queryset it is given (museum pages the reader may see); the text
filter matches only exhibition titles that the same reader may see (``visibility``).
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bounds import validate_date_range
from core.filtering import FilterSet
from core.visibility import Visibility

from . import queries
from .choices import Accessibility, Category, Province

DEFAULT_RADIUS_KM = 25
MAX_RADIUS_KM = 500
MAX_TEXT_LENGTH = 100


class NoNulCharField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if "\x00" in value:
            raise forms.ValidationError(_("The text contains a character that is not allowed."))
        return value


class TextFilter(django_filters.CharFilter):
    field_class = NoNulCharField


class FinderForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if (lat is None) != (lon is None) and not self.has_error("lat") and not self.has_error("lon"):
            missing = "lon" if lon is None else "lat"
            self.add_error(missing, _("Give both a latitude and a longitude to search near a point."))
        if cleaned.get("radius_km") is not None and lat is None and lon is None:
            self.add_error("radius_km", _("A radius needs a point: give lat and lon as well."))
        if cleaned.get("open_now") and cleaned.get("open_at"):
            self.add_error("open_at", _("Choose either 'open now' or a time, not both."))
        return cleaned


class MuseumFilter(FilterSet):
    q = TextFilter(
        label=_("Search"),
        method="filter_text",
        max_length=MAX_TEXT_LENGTH,
        help_text=_("Name, town or exhibition."),
    )
    province = django_filters.ChoiceFilter(
        label=_("Province or island"), choices=Province.choices, empty_label=_("All")
    )
    city = TextFilter(
        label=_("Town or city"), field_name="city", lookup_expr="iexact", max_length=MAX_TEXT_LENGTH
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, field_name="categories__code", empty_label=_("All")
    )
    museumkaart = django_filters.BooleanFilter(
        label=_("Museumkaart accepted"),
        field_name="museumkaart_accepted",
        widget=forms.CheckboxInput,
        method="filter_museumkaart",
    )
    accessibility = django_filters.MultipleChoiceFilter(
        label=_("Accessibility"),
        choices=Accessibility.choices,
        method="filter_accessibility",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only museums with all of the selected features."),
    )
    open_now = django_filters.BooleanFilter(
        label=_("Open now"), method="filter_open_now", widget=forms.CheckboxInput
    )
    open_at = django_filters.IsoDateTimeFilter(
        label=_("Open at"),
        method="filter_open_at",
        help_text=_("An ISO 8601 date and time, e.g. 2026-12-26T14:00; without an offset it is Dutch time."),
    )
    open_on = django_filters.DateFilter(
        validators=[validate_date_range],
        label=_("Open on"),
        method="filter_open_on",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    lat = django_filters.NumberFilter(label=_("Latitude"), method="filter_noop", min_value=-90, max_value=90)
    lon = django_filters.NumberFilter(
        label=_("Longitude"), method="filter_noop", min_value=-180, max_value=180
    )
    radius_km = django_filters.NumberFilter(
        label=_("Within (km)"), method="filter_noop", min_value=0.1, max_value=MAX_RADIUS_KM
    )

    class Meta:
        fields = []
        form = FinderForm

    def __init__(self, *args, now=None, visibility=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        self.visibility = visibility or Visibility.public()

    # --- methods ---------------------------------------------------------------------

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(queries.text_q(value, self.visibility)) if value else queryset

    def filter_museumkaart(self, queryset, name, value):
        # An unticked box means "any", not "only museums without the card".
        return queryset.filter(museumkaart_accepted=True) if value else queryset

    def filter_accessibility(self, queryset, name, codes):
        # One EXISTS per feature: all must hold, and no join that would need DISTINCT.
        links = queryset.model.accessibility_features.through.objects
        for code in codes:
            queryset = queryset.filter(
                Exists(links.filter(museumpage_id=OuterRef("pk"), accessibilityfeature__code=code))
            )
        return queryset

    def filter_open_now(self, queryset, name, value):
        return queryset.filter(queries.open_at_kept(self.now or timezone.now())) if value else queryset

    def filter_open_at(self, queryset, name, value):
        return queryset.filter(queries.open_at_kept(queries.as_aware(value)))

    def filter_open_on(self, queryset, name, value):
        return queryset.filter(queries.open_on_kept(value))

    def filter_noop(self, queryset, name, value):
        return queryset  # applied together in ``filter_queryset``

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if data.get("lat") is not None and data.get("lon") is not None:
            radius = float(data.get("radius_km") or DEFAULT_RADIUS_KM)
            return queries.near(queryset, float(data["lat"]), float(data["lon"]), radius)
        return queryset.order_by("title", "pk")

    @property
    def point(self):
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("lat") is None or data.get("lon") is None:
            return None
        return float(data["lat"]), float(data["lon"]), float(data.get("radius_km") or DEFAULT_RADIUS_KM)
