"""Template filters of the awards app: amounts in euros, percentages and grouped numbers."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


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
