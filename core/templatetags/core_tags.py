import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from core import chrome
from core.cachetags import cached, own_tag, page_tag
from core.csp import nonce_for
from core.fragments import fragment_key, visibility_key
from core.languages import text_language
from core.links import dynamic_url, page_path, page_url, public_url
from core.visibility import Visibility

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# Kept on the request: the chrome and language links are asked for more than once per page.
_REQUEST_MEMO = "_museumsite_chrome_memo"


@register.simple_tag(takes_context=True)
def json_ld(context, page=None, data=None):
    """A ``<script type="application/ld+json">`` for a page (or a given dict), with the
    request's Content-Security-Policy nonce (``core.csp``).

    A page's JSON-LD is kept with ``cached`` under its page tag, per language, host, reader's
    visibility and hour (a museum's lists the hour exceptions still ahead); the nonce is added
    on every render, never cached."""
    request = context.get("request")
    if data is None:
        if page is None or not hasattr(page, "get_json_ld"):
            return ""
        key = fragment_key("json-ld", request, page, timezone.now().strftime("%Y%m%d%H"))
        payload = cached(key, [page_tag(page)], lambda: _json_payload(page.get_json_ld(request)))
    else:
        payload = _json_payload(data)
    nonce = nonce_for(request)
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        mark_safe(payload),  # noqa: S308 - JSON with <, > and & escaped
    )


def _json_payload(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, obj, when=None, per=None, tag=None):
        self.nodelist, self.name, self.obj = nodelist, name, obj
        self.when, self.per, self.tag = when, per, tag

    def render(self, context):
        obj = self.obj.resolve(context)
        cacheable = self.when is None or self.when.resolve(context)
        if obj is None or getattr(obj, "pk", None) is None or not cacheable:
            return self.nodelist.render(context)
        parts = [str(self.per.resolve(context))] if self.per is not None else []
        key = fragment_key(self.name.resolve(context), context.get("request"), obj, *parts)
        tags = [page_tag(obj)]
        if self.tag is not None:
            tags.append(str(self.tag.resolve(context)))
        return mark_safe(cached(key, tags, lambda: str(self.nodelist.render(context))))  # noqa: S308


@register.tag
def cachedfragment(parser, token):
    """``{% cachedfragment "name" page %}…{% endcachedfragment %}``: the enclosed HTML, rendered
    once per page, language, host and reader's visibility and kept until the page's tag is
    bumped (``core.cachetags``; ``core.dependencies`` bumps it for every change the page shows:
    the page, what it references, what it lists below it). For parts of a page that change only
    when content does: nothing that depends on the moment (opening now, today's date) or on the
    request's parameters may go inside. Values the fragment alone needs should reach the
    context lazily (callables), so that a hit costs no query.

    ``{% cachedfragment "name" page when=condition %}`` caches only while ``condition`` is true
    (e.g. a page without a search), and renders the content afresh otherwise;
    ``{% cachedfragment "name" page per=value %}`` keeps one copy per value (e.g. per day for
    "upcoming events": the key names the date, so the list moves on at midnight);
    ``{% cachedfragment "name" page tag=other %}`` also goes stale with the tag ``other`` (e.g.
    ``type:<label>`` for a part that shows every page of a type, not only those below it)."""
    bits = token.split_contents()
    options = {}
    while len(bits) > 3 and bits[-1].split("=", 1)[0] in ("when", "per", "tag"):
        name, value = bits.pop().split("=", 1)
        options[name] = parser.compile_filter(value)
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            '{% cachedfragment "name" object [when=…] [per=…] [tag=…] %} takes a name and an object'
        )
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), **options
    )


# --- the chrome: menu, footer, site settings, localised home, language links ---------------------
#
# Every page repeats these, so they are computed once and kept with ``core.cachetags.cached``
# as plain data (titles, paths, codes; no model instances that would cost queries later):
#
# - ``chrome:<site>:<language>:<visibility>``: the localised home, the main menu, the homes of
#   every language and the site settings; tag ``chrome`` (bumped when the home page or a section
#   is published, unpublished, moved or deleted, and when site settings or a snippet change);
# - ``chrome-langs:<site>:<page>:<language>:<visibility>``: a page's translations; tag
#   ``page:<id>`` (every publish of a page bumps the tags of all its translations and aliases).
#
# ``<visibility>`` names what the reader may see (the paths closed to them): readers who may see
# the same pages share entries; a members-only section never shows in an anonymous menu.


def _memo(request):
    if request is None:
        return {}
    memo = getattr(request, _REQUEST_MEMO, None)
    if memo is None:
        memo = {}
        setattr(request, _REQUEST_MEMO, memo)
    return memo


def chrome_for(request):
    """The chrome of the site and language of ``request`` (``core.chrome``), kept on the request."""
    memo = _memo(request)
    if "chrome" not in memo:
        value = chrome.for_request(request)
        if value is not None:
            value = dict(value, settings=dict(value["settings"]))
            value["settings"]["footer_html"] = mark_safe(value["settings"]["footer_html"])  # noqa: S308
        memo["chrome"] = value
    return memo["chrome"]


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """``{% site_chrome as chrome %}``: ``home_path``, ``menu`` (``id``, ``title``, ``path``),
    ``settings`` (``organisation_name``, ``email``, ``phone``, ``address``, ``footer_html``,
    ``social_links``); empty values when no site is configured."""
    return chrome_for(context.get("request")) or {
        "home_path": None,
        "home_paths": {},
        "menu": [],
        "settings": {},
    }


def _translation_paths(request, page):
    """``{language code: path}`` of the translations of ``page`` the reader may see (cached)."""
    memo = _memo(request)
    memo_key = ("langs", page.pk)
    if memo_key not in memo:
        site = chrome.site_for(request)
        visibility = Visibility.for_request(request)
        key = f"chrome-langs:{getattr(site, 'pk', None)}:{page.pk}:{get_language()}:{visibility_key(visibility)}"

        def compute():
            translations = visibility.listable(Page.objects.filter(translation_key=page.translation_key))
            return {
                translation.locale.language_code: page_path(translation, request)
                for translation in translations.select_related("locale")
            }

        # The translations' own content (their paths, whether live): not the pages below.
        memo[memo_key] = cached(key, [own_tag(page)], compute)
    return memo[memo_key]


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the page's translation when it exists and the reader may see it,
    else that language's home. ``url`` is site-relative (``absolute_url`` for ``hreflang``).

    Aliases (placeholders for pages not yet translated) do not count as translations.
    """
    request = context.get("request")
    page = page or None  # an undefined template variable arrives as ""
    current = get_language()
    chrome = chrome_for(request)
    homes = chrome["home_paths"] if chrome else {}
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = _translation_paths(request, page)

    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is not None and code in translations:
            url, exact = translations[code], True
        elif page is None and request is not None and not context.get("not_found"):
            url, exact = translate_url(request.get_full_path(), code), True
        elif code in homes:
            url, exact = homes[code], False
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
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def content_language(context, page=None):
    """For a page that shows another language's content (an alias standing in for a page not
    yet translated): ``{"code", "name", "url"}``, the language of what it shows, that language's
    name in the reader's language, and the absolute address of the original (its canonical
    address); ``None`` for every other page. Kept under the page's tag (one query when it is
    not)."""
    page = page or None
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    request = context.get("request")
    site = chrome.site_for(request)
    key = f"content-language:{getattr(site, 'pk', None)}:{page.pk}"

    def compute():
        original = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
        if original is None or original.locale_id == page.locale_id:
            return {}
        return {"code": original.locale.language_code, "path": page_path(original, request)}

    found = cached(key, [own_tag(page)], compute)
    if not found or not found["path"]:
        return None
    info = get_language_info(found["code"])
    return {"code": found["code"], "name": info["name_translated"], "url": public_url(found["path"])}


@register.filter
def content_lang(page):
    """The language of ``page``'s text when it is not the reader's (``core.languages``), for
    ``lang`` on a card's title and summary; ``""`` when it is."""
    return text_language(page)


@register.filter
def language_name(code):
    """The name of the language ``code`` in the reader's language ("Dutch" on the English site)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.simple_tag(takes_context=True)
def public_page_url(context, page):
    """The absolute public address of ``page`` (canonical and Open Graph links)."""
    return page_url(page, context.get("request")) or ""


@register.filter(name="public_url")
def public_url_filter(path):
    """A site-relative address (an image rendition's, say) made absolute on the public base URL."""
    return public_url(path) or ""


@register.filter
def dynamic(address):
    """``core.links.dynamic_url``: search, filters, forms, the login on ``EXPORT_DYNAMIC_ORIGIN``."""
    return dynamic_url(address)


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


# Wagtail's responsive embeds (WAGTAILEMBEDS_RESPONSIVE_HTML) keep their frame's proportions with
# an inline style, which the Content-Security-Policy refuses: the project's
# ``wagtailembeds/embed_frontend.html`` names the nearest of these ratios as a class instead
# (``static/css/site.css``), height over width.
EMBED_RATIOS = {
    "21x9": 9 / 21,
    "16x9": 9 / 16,
    "3x2": 2 / 3,
    "4x3": 3 / 4,
    "1x1": 1.0,
    "3x4": 4 / 3,
    "9x16": 16 / 9,
}


@register.filter
def embed_ratio(embed):
    """The ``EMBED_RATIOS`` name nearest to an embed's proportions (``16x9`` when unknown)."""
    ratio = getattr(embed, "ratio", None)
    if not ratio:
        return "16x9"
    return min(EMBED_RATIOS, key=lambda name: abs(EMBED_RATIOS[name] - ratio))
