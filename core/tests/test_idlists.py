"""``core.idlists.InIds``: a filter by a list of ids, as one parameter, on either database."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.idlists import InIds


@pytest.mark.django_db
def test_rows_whose_id_is_listed_and_only_those():
    groups = [Group.objects.create(name=f"idlist-{n}") for n in range(5)]
    wanted = [groups[0].pk, groups[3].pk, 10**9]  # an id that no row has is harmless
    found = Group.objects.filter(InIds("pk", wanted)).order_by("pk")
    assert list(found) == [groups[0], groups[3]]
    assert not Group.objects.filter(InIds("pk", [])).exists()
    assert set(Group.objects.exclude(InIds("pk", wanted)).filter(name__startswith="idlist-")) == {
        groups[1],
        groups[2],
        groups[4],
    }


@pytest.mark.django_db
def test_a_long_list_is_one_parameter():
    group = Group.objects.create(name="idlist-long")
    ids = list(range(10**6, 10**6 + 40000)) + [group.pk]  # more than SQLite allows as placeholders
    with CaptureQueriesContext(connection) as queries:
        assert list(Group.objects.filter(InIds("pk", ids))) == [group]
    sql = queries.captured_queries[-1]["sql"]
    assert sql.count("1000001") == 1  # the list appears once, as a single value
