"""Single-line text stays on one line, whatever the form or import that wrote it.

Every ``CharField`` of the project's models (titles, names, places, addresses) and the title
fields of Wagtail's pages is a single line by definition: it lands in e-mail subjects, HTTP
headers, iCalendar properties and HTML attributes, where a line break either breaks the output
or injects lines into it. Forms do not remove inner line breaks; this does, on every save: a
run of control characters (line breaks, tabs, the Unicode line and paragraph separators) becomes
one space. Text fields (``TextField``, rich text, stream fields) keep their lines.
"""

import re
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models.signals import pre_save

PROJECT_APPS = ("core", "home", "museums", "agenda", "knowledge", "awards", "qa", "search")
CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def one_line(value):
    """``value`` with every run of control characters replaced by one space."""
    return CONTROL.sub(" ", value) if isinstance(value, str) and CONTROL.search(value) else value


@cache
def _single_line_fields(model):
    if model._meta.app_label not in PROJECT_APPS and model._meta.label != "wagtailcore.Page":
        return ()
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField) and not field.choices
    )


def normalise(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for name in _single_line_fields(sender):
        value = getattr(instance, name)
        cleaned = one_line(value)
        if cleaned is not value:
            setattr(instance, name, cleaned)


def connect():
    pre_save.connect(normalise, dispatch_uid="core-single-line-fields")


def project_models():
    """The models whose single-line fields are normalised (for tests and docs)."""
    return [model for model in apps.get_models() if _single_line_fields(model)]
