"""The base of every filter set of the site (the listings, their feeds and the API lists).

django-filter's ``FilterSet`` deep-copies its declared filters for every instance, and with them
every queryset, choice list and widget they hold: on an API list that is a twentieth of the
request. A filter set here copies each filter shallowly, with its own ``extra`` (the keyword
arguments its form field is made from, which a model choice filter writes its queryset into) and
without a form field made earlier: what an instance changes on a filter (``model``, ``parent``,
its form field) stays its own, and nothing declared on the class changes with a request. The
form built from the filters still deep-copies its fields, as every Django form does.
"""

import copy

import django_filters
from django.http import QueryDict


def _own_copy(declared, model, parent):
    own = copy.copy(declared)
    own.__dict__.pop("_field", None)
    own.extra = dict(declared.extra)
    if declared.method is not None:
        own.method = declared.method  # a filter by method is bound to its filter: bind the copy
    own.model = model
    own.parent = parent
    return own


class FilterSet(django_filters.FilterSet):
    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # ``BaseFilterSet.__init__`` (django-filter 26.2), with shallow copies of the filters.
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {
            name: _own_copy(declared, queryset.model, self) for name, declared in self.base_filters.items()
        }
