import datetime

import pytest

from agenda.factories import AgendaIndexPageFactory, EventPageFactory


@pytest.fixture
def agenda(site_root):
    return AgendaIndexPageFactory(parent=site_root, show_in_menus=True)


@pytest.fixture
def soon():
    """A date two weeks ahead (a Wednesday-independent fixed offset)."""
    return datetime.date.today() + datetime.timedelta(days=14)


@pytest.fixture
def make_event(agenda):
    def make(**fields):
        return EventPageFactory(parent=fields.pop("parent", agenda), **fields)

    return make


def nl(text, html=True):
    """``text`` as the Dutch pages show it (translated when a translation exists; escaped for HTML)."""
    from django.utils import translation
    from django.utils.html import escape

    with translation.override("nl"):
        value = translation.gettext(text)
    return escape(value) if html else value
