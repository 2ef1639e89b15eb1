import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

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
    """One link per language: the page's translation when it exists, else that language's home.

    Aliases (placeholders for pages not yet translated) do not count as translations.
    """
    request = context.get("request")
    page = page or None  # an undefined template variable arrives as ""
    current = get_language()
    root = _site_root(request)
    translations = {}
    homes = {}
    if page is not None and getattr(page, "pk", None):
        for translation in (
            Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
            .live()
            .public()
            .select_related("locale")
        ):
            translations[translation.locale.language_code] = translation
    if root is not None:
        for home in Page.objects.filter(translation_key=root.translation_key).live().select_related("locale"):
            homes[home.locale.language_code] = home

    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is not None and code in translations:
            url, exact = translations[code].url, True
        elif page is None and request is not None:
            url, exact = translate_url(request.get_full_path(), code), True
        elif code in homes:
            url, exact = homes[code].url, False
        else:
            continue
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "is_translation": exact,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The localised home page's children that editors marked "show in menus"."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    locale = Locale.get_active()
    home = Page.objects.filter(translation_key=root.translation_key, locale=locale).first() or root
    return list(
        home.get_children()
        .live()
        .in_menu()
        .public()
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
