"""Addresses of pages: ``path`` (site-relative, for a front end's router) and ``url`` (absolute).

Absolute addresses are built on ``PUBLIC_BASE_URL`` (settings), never on the host of the Site
record or of the request: the demo is served at ``http://127.0.0.1:$PORT`` by ``make run`` while
its Site record says ``localhost:80``, and in production the public address is the CDN's. Every
surface that hands out a link (pages, the API, feeds, the sitemap, JSON-LD) uses these helpers.
"""

from django.conf import settings


def public_url(path):
    """``path`` (site-relative, or already absolute) on the public base URL."""
    if path is None:
        return None
    if "://" in path:
        return path
    return settings.PUBLIC_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


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
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    return parts[2]


def page_url(page, request=None):
    """The absolute public address of ``page``, or ``None`` when it is not routable."""
    return public_url(page_path(page, request))
