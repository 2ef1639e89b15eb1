"""``core.tree.children_of`` and ``descendants_of`` answer as Wagtail's ``child_of`` and
``descendant_of``, for every page of the demo tree."""

import pytest
from wagtail.models import Page

from core.tree import children_of, descendants_of


@pytest.mark.django_db
def test_the_same_pages_as_wagtail_for_every_page_of_the_demo(demo):
    pages = list(Page.objects.all())
    assert len(pages) > 100
    every = Page.objects.all()
    for page in pages:
        assert set(children_of(every, page)) == set(Page.objects.child_of(page)), page.url_path
        assert set(descendants_of(every, page)) == set(Page.objects.descendant_of(page)), page.url_path
        assert set(descendants_of(every, page, inclusive=True)) == set(
            Page.objects.descendant_of(page, inclusive=True)
        ), page.url_path
