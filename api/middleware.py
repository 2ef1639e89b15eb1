"""Caching headers for the public API: ETag, Cache-Control, 304 on If-None-Match, CORS."""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag


class ApiCacheMiddleware:
    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.prefix):
            return response
        # A public read-only API: any origin may read it (no credentials are involved).
        response.setdefault("Access-Control-Allow-Origin", "*")
        if request.method not in ("GET", "HEAD") or response.streaming:
            return response
        if response.status_code != 200:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, no_cache=True)
            return response
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        patch_vary_headers(response, ["Accept-Encoding"])
        return get_conditional_response(request, etag=response["ETag"], response=response)
