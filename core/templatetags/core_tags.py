import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from core.links import page_path, page_url, public_url
from core.visibility import Visibility

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page=None, data=None):
    """A ``<script type="application/ld+json">`` for a page (or a given dict)."""
    if data is None:
        if page is None or not hasattr(page, "get_json_ld"):
            return ""
        data = page.get_json_ld(context.get("request"))
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the page's translation when it exists and the reader may see it,
    else that language's home. ``url`` is site-relative (``absolute_url`` for ``hreflang``).

    Aliases (placeholders for pages not yet translated) do not count as translations.
    """
    request = context.get("request")
    page = page or None  # an undefined template variable arrives as ""
    current = get_language()
    root = _site_root(request)
    visibility = Visibility.for_request(request)
    translations = {}
    homes = {}
    if page is not None and getattr(page, "pk", None):
        for translation in visibility.listable(
            Page.objects.filter(translation_key=page.translation_key)
        ).select_related("locale"):
            translations[translation.locale.language_code] = translation
    if root is not None:
        for home in Page.objects.filter(translation_key=root.translation_key).live().select_related("locale"):
            homes[home.locale.language_code] = home

    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is not None and code in translations:
            url, exact = page_path(translations[code], request), True
        elif page is None and request is not None:
            url, exact = translate_url(request.get_full_path(), code), True
        elif code in homes:
            url, exact = page_path(homes[code], request), False
        else:
            continue
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": public_url(url),
                "is_current": code == current,
                "is_translation": exact,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The localised home page's children that editors marked "show in menus" and the reader
    may see (aliases of untranslated sections included: they are served in this language)."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    locale = Locale.get_active()
    home = Page.objects.filter(translation_key=root.translation_key, locale=locale).first() or root
    children = home.get_children().live().in_menu()
    return list(
        Visibility.for_request(request)
        .filter(children)
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )


@register.simple_tag(takes_context=True)
def localised_home(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return None
    return (
        Page.objects.filter(translation_key=root.translation_key, locale=Locale.get_active()).first() or root
    )


@register.simple_tag(takes_context=True)
def public_page_url(context, page):
    """The absolute public address of ``page`` (canonical and Open Graph links)."""
    return page_url(page, context.get("request")) or ""


@register.filter(name="public_url")
def public_url_filter(path):
    """A site-relative address (an image rendition's, say) made absolute on the public base URL."""
    return public_url(path) or ""


@register.filter
def filesize(value):
    """A byte count as a short human string (12 kB, 1.4 MB)."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        return ""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit in ("B", "kB") else f"{size:.1f} {unit}"
        size /= 1000
    return ""
