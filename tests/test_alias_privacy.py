"""An English alias shows its Dutch source's content, so it must be exactly as private as the source,
also when the source is restricted (or opened up) after the alias was made."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory


@pytest.fixture
def source_and_alias(site_root, en_home):
    source = StandardPageFactory(parent=site_root, title="Verslag ledenvergadering", slug="verslag")
    alias = source.copy_for_translation(en_home.locale, alias=True)
    return source, alias


@pytest.mark.django_db
def test_restricting_the_source_later_restricts_its_alias(client, source_and_alias):
    source, alias = source_and_alias
    assert client.get("/en/verslag/").status_code == 200

    restriction = PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Leden"))

    copied = PageViewRestriction.objects.get(page=alias)
    assert copied.restriction_type == PageViewRestriction.GROUPS
    assert list(copied.groups.values_list("name", flat=True)) == ["Leden"]
    assert client.get("/en/verslag/").status_code == 302  # to the login page
    assert client.get("/api/v1/pages/resolve/", {"path": "/en/verslag/"}).status_code == 404


@pytest.mark.django_db
def test_lifting_the_restriction_lifts_it_on_the_alias(client, source_and_alias):
    source, alias = source_and_alias
    restriction = PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    assert PageViewRestriction.objects.filter(page=alias).exists()
    restriction.delete()
    assert not PageViewRestriction.objects.filter(page=alias).exists()
    assert client.get("/en/verslag/").status_code == 200
