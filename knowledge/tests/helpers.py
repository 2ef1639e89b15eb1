"""Helpers for the knowledge tests: interface strings as a Dutch reader sees them, and pages of
other apps' types created by label (the knowledge base does not import those apps)."""

import factory
from django.apps import apps
from django.utils import translation
from django.utils.text import capfirst

from core.factories import PageFactory


def nl(message, capitalise=False, **values):
    """``message`` translated to Dutch (the site's default language), formatted with ``values``."""
    with translation.override("nl"):
        text = str(translation.gettext(str(message)))
    if values:
        text = text % values
    return capfirst(text) if capitalise else text


def add_page(label, parent, **fields):
    """A page of the type ``label`` (e.g. ``"agenda.EventPage"``) under ``parent``, published
    unless ``publish=False``: the model is looked up by its label, as the knowledge base does."""
    model = apps.get_model(label)
    return factory.make_factory(model, FACTORY_CLASS=PageFactory)(parent=parent, **fields)
