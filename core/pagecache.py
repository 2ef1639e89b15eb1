"""The full-page cache for anonymous readers: HTML pages, feeds, the sitemap and API GETs.

A response is stored, and served from the cache, only when all of these hold:

- the request is a GET or HEAD without a session cookie and without ``Authorization`` (anyone
  logged in, or with a page password entered, has a session: they are never served from the
  cache, and nothing rendered for them is stored), outside the admin, documents and health check;
- the response is a 200, not streamed, sets no cookie (a CSRF token, a session) and is not marked
  ``private``, ``no-store`` or ``no-cache``.

Entries carry the cache tags their computation depended on (``core.cachetags``): the page served
(``page:<id>``, by a ``before_serve_page`` hook), fragments such as the chrome, the API route
(``core.dependencies.api_tags_for_path``), or ``all`` when nothing was said. An entry is served
while every tag's version is unchanged, so a publish invalidates exactly what depends on it
(``core.invalidation``). A stored response keeps its ``Last-Modified`` (when it was rendered) and
gets an ``ETag``; ``ConditionalGetMiddleware`` answers ``If-None-Match``/``If-Modified-Since``
with 304. Responses say ``X-Cache: hit`` or ``miss`` (``bypass`` when not cacheable).

A stored body holds the nonce placeholder of its render (``core.csp``), kept on the stored
response: ``core.csp.ContentSecurityPolicyMiddleware`` (outside this one) replaces it with a
fresh nonce, named in the header, on every hit; the ``ETag`` is computed with it masked.

Redis in production, local memory on the embedded default (``CACHES``); with Redis down the
cache fails open (``core.cache_backends``). ``PAGE_CACHE_ENABLED=false`` turns it off.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag

from core import cachetags, csp
from core.dependencies import API_ROOT, CHROME, SITEMAP, api_tags_for_path
from core.http import cache_headers

logger = logging.getLogger(__name__)

KEY_PREFIX = "pagecache:"
BYPASS_PREFIXES = ("/admin/", "/documents/", "/healthz", "/i18n/", "/static/", "/media/")
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def request_key(request):
    """The cache key of a request: host, path and query string (GET and HEAD share it)."""
    raw = "\n".join([request.META.get("HTTP_HOST", ""), request.path, request.META.get("QUERY_STRING", "")])
    return KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def cacheable_request(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(BYPASS_PREFIXES)


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(directive in control for directive in UNCACHEABLE_DIRECTIVES)


def tags_for(request, response, collected):
    """The tags of a response: what its computation said, else what its address implies."""
    tags = set(collected)
    if request.path.startswith(API_ROOT):
        tags |= api_tags_for_path(request.path)
    elif request.path == "/sitemap.xml":
        tags.add(SITEMAP)
    if response.get("Content-Type", "").startswith("text/html"):
        tags.add(CHROME)
    if not tags - {CHROME, cachetags.EPOCH}:
        tags.add(cachetags.ALL)
    return tags | {cachetags.EPOCH}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
                # Rendered for someone: no shared cache (a CDN) may keep it.
                patch_cache_control(response, private=True)
            response.setdefault("X-Cache", "bypass")
            return response
        key = request_key(request)
        entry = cache.get(key)
        if entry is not None:
            recorded, response = entry
            if cachetags.is_fresh(recorded):
                response["X-Cache"] = "hit"
                return response

        # Any invalidation bumps ``all``: its version before and after the render tells whether
        # content changed meanwhile (the render may then show the old state: not stored).
        generation = cachetags.ensure_versions({cachetags.ALL}).get(cachetags.ALL)
        collector, token = cachetags.collecting()
        rendered_at = time.time()
        try:
            response = self.get_response(request)
        finally:
            cachetags.stop_collecting(token)
        if not cacheable_response(response):
            response.setdefault("X-Cache", "bypass")
            return response
        csp.remember(request, response)  # stored along: every hit gets a fresh nonce (core.csp)
        self.prepare(response, rendered_at)
        response["X-Cache"] = "miss"
        if request.method != "GET" or generation is None:
            return response  # HEAD bodies are empty; no generation: the cache is unavailable
        tags = tags_for(request, response, collector.tags)
        recorded = cachetags.ensure_versions(tags)
        unchanged = cachetags.versions({cachetags.ALL}).get(cachetags.ALL) == generation
        if unchanged and set(recorded) == tags:
            cache.set(key, (recorded, response), settings.PAGE_CACHE_SECONDS)
        else:
            logger.debug("not stored (content changed while rendering): %s", request.path)
        return response

    @staticmethod
    def prepare(response, rendered_at):
        """Headers of a shared, cacheable response: validators and the CDN's ``Cache-Control``.

        A body written in pieces (a feed writer calls ``write`` per element) is joined into one:
        the server sends each piece as its own write, which made every hit of such a response
        cost hundreds of system calls."""
        response.content = response.content
        if not response.has_header("ETag"):
            # On the body without its nonce placeholder: the same content keeps its ETag.
            response["ETag"] = quote_etag(hashlib.sha256(csp.masked_content(response)).hexdigest()[:32])
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(rendered_at)
        if not response.has_header("Cache-Control"):
            cache_headers(response, "page")
        presets = settings.CACHE_CONTROL_PRESETS.get("shared", {})
        if presets:
            patch_cache_control(response, **presets)
