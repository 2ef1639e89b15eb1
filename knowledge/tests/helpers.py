"""Helpers for the knowledge tests: interface strings as a Dutch reader sees them."""

from django.utils import translation
from django.utils.text import capfirst


def nl(message, capitalise=False, **values):
    """``message`` translated to Dutch (the site's default language), formatted with ``values``."""
    with translation.override("nl"):
        text = str(translation.gettext(str(message)))
    if values:
        text = text % values
    return capfirst(text) if capitalise else text
