"""``core.filtering.FilterSet``: filters copied per instance, shallowly, without shared state."""

import django_filters
import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict

from core.filtering import FilterSet


def _groups_for(request):
    """The choices depend on the request: each filter set must keep its own."""
    return Group.objects.filter(name__startswith=getattr(request, "prefix", ""))


class GroupFilter(FilterSet):
    name = django_filters.CharFilter(method="filter_name")
    group = django_filters.ModelChoiceFilter(queryset=_groups_for, method="filter_group")

    class Meta:
        model = Group
        fields = []

    def filter_name(self, queryset, name, value):
        self.used_method = True
        return queryset.filter(name__icontains=value)

    def filter_group(self, queryset, name, value):
        return queryset.filter(pk=value.pk)


class FakeRequest:
    def __init__(self, prefix):
        self.prefix = prefix


@pytest.mark.django_db
def test_each_instance_has_its_own_filters_bound_to_it():
    first, second = GroupFilter(), GroupFilter()
    for name in ("name", "group"):
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name] is not GroupFilter.base_filters[name]
        assert first.filters[name].parent is first and second.filters[name].parent is second
        assert first.filters[name].model is Group
    assert getattr(GroupFilter.base_filters["name"], "parent", None) is None


@pytest.mark.django_db
def test_a_filter_by_method_calls_its_own_filter_set():
    Group.objects.create(name="curators-of-test")
    Group.objects.create(name="members")
    filterset = GroupFilter(QueryDict("name=curators-of"), queryset=Group.objects.all())
    assert [group.name for group in filterset.qs] == ["curators-of-test"]
    assert filterset.used_method is True


@pytest.mark.django_db
def test_request_dependent_choices_do_not_leak_between_instances():
    alpha = Group.objects.create(name="alpha-team")
    beta = Group.objects.create(name="beta-team")
    for_alpha = GroupFilter(QueryDict(f"group={beta.pk}"), request=FakeRequest("alpha"))
    for_beta = GroupFilter(QueryDict(f"group={beta.pk}"), request=FakeRequest("beta"))
    assert not for_alpha.is_valid()  # beta is no choice for an alpha request
    assert for_beta.is_valid()
    assert list(for_beta.qs) == [beta]
    assert (
        "queryset" not in GroupFilter.base_filters["group"].extra
        or GroupFilter.base_filters["group"].extra["queryset"] is _groups_for
    )
    assert list(GroupFilter(QueryDict(f"group={alpha.pk}"), request=FakeRequest("alpha")).qs) == [alpha]
