"""Addresses of pages: ``path`` (site-relative, for a front end's router) and ``url`` (absolute).

Absolute addresses are built on ``PUBLIC_BASE_URL`` (settings), never on the host of the Site
record or of the request: the demo is served at ``http://127.0.0.1:$PORT`` by ``make run`` while
its Site record says ``localhost:80``, and in production the public address is the CDN's. Every
surface that hands out a link (pages, the API, feeds, the sitemap, JSON-LD) uses these helpers.
"""

import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Page

# Wagtail's serve route (``wagtail.urls``, with WAGTAIL_APPEND_SLASH) and the characters
# ``reverse`` leaves unquoted (RFC 3986 sub-delimiters and "/~:@").
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
SAFE_IN_PATH = "!$&'()*+,;=/~:@"
# The sitemap's parts (``core.sitemaps``): one per home page and per child of a home page.
SITEMAP_PARTS_PREFIX = "/sitemaps/"


def public_url(path):
    """``path`` (site-relative, or already absolute) on the public base URL."""
    if path is None:
        return None
    if "://" in path:
        return path
    return settings.PUBLIC_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def sitemap_part_path(section_id, number=1):
    """The site-relative address of part ``number`` of the sitemap of the section page
    ``section_id`` (``core.sitemaps``): ``/sitemaps/12.xml``, then ``/sitemaps/12-2.xml``..."""
    suffix = "" if number == 1 else f"-{number}"
    return f"{SITEMAP_PARTS_PREFIX}{section_id}{suffix}.xml"


def sitemap_part_count(size):
    """How many sitemap parts ``size`` addresses take (``SITEMAP_PART_SIZE`` to a part)."""
    return max(1, -(-size // settings.SITEMAP_PART_SIZE))


def sitemap_section_path(path, home_depth):
    """The tree path of the page whose sitemap part lists the page at ``path``: the home page
    itself, or the child of the home page on the way to it (home pages at ``home_depth``)."""
    return path[: (home_depth + 1) * Page.steplen]


def dynamic_url(path):
    """A site-relative address only the application answers (search, filters, forms, a filtered
    feed) on ``EXPORT_DYNAMIC_ORIGIN`` when that is set, so that a static copy of the page
    (``core.export``) sends readers there; unchanged otherwise."""
    origin = settings.EXPORT_DYNAMIC_ORIGIN
    path = str(path or "")
    if origin and path.startswith("/") and not path.startswith("//"):
        return origin + path
    return path


def page_path(page, request=None):
    """The site-relative address of ``page`` (language prefix included), or ``None`` when the
    page is not routable (outside every site)."""
    parts = _get_url_parts(page, request)
    if parts is None:
        return None
    return parts[2]


def page_url(page, request=None):
    """The absolute public address of ``page``, or ``None`` when it is not routable."""
    return public_url(page_path(page, request))


@functools.lru_cache(maxsize=64)
def _serve_prefix(language_code, urlconf, script_prefix):
    """Where Wagtail's serve route starts in ``language_code`` ("/" or "/en/"), or ``None``."""
    try:
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",), urlconf=urlconf)
    except NoReverseMatch:
        return None


def url_parts(page, request=None):
    """What Wagtail's ``Page.get_url_parts`` answers for ``page``, without a ``reverse`` and a
    language switch per page: the serve route's start is kept per language and the rest of the
    address is the page's path below its site root, quoted as ``reverse`` quotes it. ``NotImplemented``
    where Wagtail's own answer is needed (a page in several sites, a path the serve route would not
    match, no trailing slashes, Wagtail's i18n off). ``core.tests.test_links`` compares the two for every demo page."""
    possible = page._get_relevant_site_root_paths(request)
    if not possible:
        return None
    if (
        not WAGTAIL_APPEND_SLASH
        or not getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        or len({values[0] for values in possible}) > 1
    ):
        return NotImplemented
    site_id, root_path, root_url, language_code = possible[0]
    active = translation.get_language()
    if active and active != language_code:
        try:
            if get_supported_content_language_variant(active) == language_code:
                language_code = active
        except LookupError:
            pass
    rest = page.url_path[len(root_path) :]
    if not SERVE_PATH.fullmatch(rest):
        return NotImplemented
    prefix = _serve_prefix(language_code, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    if prefix is None:
        return (site_id, None, None)
    return (site_id, root_url, prefix + quote(rest, safe=SAFE_IN_PATH))


def same_as_wagtail(method):
    """Marks a ``get_url_parts`` that answers as Wagtail's does (``page_path`` may use
    ``url_parts`` for such a page even when it is not loaded as its own type)."""
    method.same_as_wagtail = True
    return method


def _get_url_parts(page, request=None):
    method = type(page).get_url_parts
    if method is Page.get_url_parts or getattr(method, "same_as_wagtail", False):
        parts = url_parts(page, request)
        if parts is not NotImplemented:
            return parts
        return Page.get_url_parts(page, request)
    return page.get_url_parts(request)
