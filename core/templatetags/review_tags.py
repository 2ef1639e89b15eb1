"""``{% translation_draft page as draft %}``: whether the page is a first-draft translation
awaiting review by a native speaker (``core.reviews``); no query for languages without review."""

from django import template
from django.utils.translation import get_language

from core.reviews import is_draft

register = template.Library()


@register.simple_tag
def translation_draft(page=None):
    return is_draft(page or None, get_language())
