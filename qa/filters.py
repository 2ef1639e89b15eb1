"""The question filters shared by the Q&A start page (search form) and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filtering import FilterSet
from core.tree import children_of
from qa import queries
from qa.choices import QuestionAudience

MAX_QUERY_LENGTH = 200


class QuestionFilter(FilterSet):
    """Filters a queryset of visible QuestionPages; ``q`` also orders by relevance.

    ``categories`` is the queryset of categories a reader may choose from (those of one
    language that the reader may see), identified by slug.
    """

    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        to_field_name="slug",
        queryset=None,  # set per instance from ``categories``
        method="filter_category",
        empty_label=_("All categories"),
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), choices=QuestionAudience.choices, empty_label=_("Everyone")
    )
    q = django_filters.CharFilter(
        label=_("Search the questions"),
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, data=None, queryset=None, *, categories, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["category"].queryset = categories
        self.form.fields["category"].queryset = categories

    def filter_category(self, queryset, name, value):
        if value is None:
            return queryset
        return children_of(queryset, value)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queries.search(queryset, value)
