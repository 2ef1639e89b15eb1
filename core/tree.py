"""Tree paths (Wagtail's materialised paths), in one place.

A page's ``path`` is its parent's path plus ``Page.steplen`` characters: the parent of many
pages is known without a query (``parent_path``), or annotated on a queryset so that children of
many parents load in one query (``with_parent_path``).
"""

from django.db.models import CharField
from django.db.models.functions import Length, Substr
from wagtail.models import Page


def parent_path(path):
    """The path of the parent of the page at ``path``."""
    return path[: -Page.steplen]


def parent_path_expression(field="path"):
    """The parent path of the page at ``field`` as a database expression."""
    return Substr(field, 1, Length(field) - Page.steplen, output_field=CharField())


def with_parent_path(queryset):
    """``queryset`` annotated with ``parent_path``."""
    return queryset.annotate(parent_path=parent_path_expression())
