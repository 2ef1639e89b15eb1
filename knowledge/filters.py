"""The knowledge listing's filters, shared by the listing page, its feed and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filtering import FilterSet
from core.models import Dossier, Theme

from .choices import ArticleKind

MAX_QUERY_LENGTH = 200


class ArticleFilterSet(FilterSet):
    """Filter articles by dossier, theme, kind and year, and search them.

    ``locale`` limits the dossier and theme choices to one language. The search honours
    privacy: it only finds pages ``visibility`` (``core.visibility``) lets the reader see, so a
    search never counts what it may not show either.
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    dossier = django_filters.ModelChoiceFilter(
        label=_("Dossier"),
        field_name="dossiers",
        to_field_name="slug",
        queryset=Dossier.objects.none(),
        empty_label=_("All dossiers"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.none(),
        empty_label=_("All themes"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ArticleKind.choices, empty_label=_("All kinds")
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="publication_date__year",
        min_value=1900,
        max_value=2100,
        decimal_places=0,
    )

    def __init__(self, data=None, queryset=None, *, locale=None, visibility, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.visibility = visibility
        self.filters["dossier"].queryset = Dossier.objects.filter(locale=locale)
        self.filters["theme"].queryset = Theme.objects.filter(locale=locale)
        self.form.fields["dossier"].queryset = Dossier.objects.filter(locale=locale)
        self.form.fields["theme"].queryset = Theme.objects.filter(locale=locale)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        readable = self.visibility.filter(queryset)
        # The search backend filters only on indexed fields: search all live items of the
        # type, then keep the matches that are in the (filtered, privacy-checked) queryset.
        matches = readable.model.objects.live().search(value, operator="and", order_by_relevance=False)
        return readable.filter(pk__in=[page.pk for page in matches])

    def error_messages(self):
        """The form's errors as readable sentences: ``[(field, message)]``."""
        return [
            (name, f"{self.form.fields[name].label}: {message}" if name in self.form.fields else message)
            for name, messages in self.form.errors.items()
            for message in messages
        ]
