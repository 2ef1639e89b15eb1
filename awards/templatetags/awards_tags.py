"""Template tags of the awards app; ``{% museum_nominations page %}`` is for museum pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from ..queries import nominations_for_museum

register = template.Library()


@register.inclusion_tag("awards/includes/museum_nominations.html", takes_context=True)
def museum_nominations(context, museum, heading_level=2):
    """The nominations and wins of ``museum`` as an accessible section (three queries)."""
    return {
        "request": context.get("request"),
        "nominations": nominations_for_museum(museum),
        "heading_level": heading_level,
    }


@register.filter
def euro(amount):
    """``100000`` → ``€ 100.000`` (grouped in the active language)."""
    if amount in (None, ""):
        return ""
    return "€\u00a0" + number_format(amount, decimal_pos=0, force_grouping=True)


@register.filter
def percent(value):
    if value in (None, ""):
        return ""
    return number_format(Decimal(value), decimal_pos=1) + "%"


@register.filter
def number(value):
    """A whole number with thousands grouped in the active language (24.448)."""
    if value in (None, ""):
        return ""
    return number_format(value, decimal_pos=0, force_grouping=True)
