"""The language of a page's text as a reader of another language meets it: on a card, in a
search result, in a feed item (``lang`` and ``hreflang`` in HTML, ``dc:language`` in RSS)."""

from django.conf import settings
from django.utils.translation import get_language


def text_language(page, reader_language=None):
    """The language of ``page``'s text when it is not ``reader_language`` (the active language
    by default): for an alias (a page not translated yet, shown in another language's tree) the
    default language, which every other language syncs from; for a page of another language
    listed to this reader (an English listing, feed or search showing a Dutch page that has no
    translation) its own language, when its locale was loaded with it
    (``select_related("locale")``; no query is made for it); ``""`` otherwise."""
    if getattr(page, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    locale = getattr(getattr(page, "_state", None), "fields_cache", {}).get("locale")
    reader = reader_language or get_language() or settings.LANGUAGE_CODE
    if locale is not None and locale.language_code != reader:
        return locale.language_code
    return ""
