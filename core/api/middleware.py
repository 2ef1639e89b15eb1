"""HTTP behaviour of the public API around the views: CORS, HEAD, caching headers, problem errors.

- Every response allows any origin to read it (a public, read-only API without credentials);
  ``OPTIONS`` preflights answer 204 so browsers may send ``If-None-Match`` and JSON bodies.
- ``HEAD`` is answered like ``GET`` without a body.
- Successful GETs get a strong ``ETag`` and the ``api`` cache preset (``core.http``); a matching
  ``If-None-Match`` answers 304. Other answers are not cached (``no-cache``).
- Any error response that is not yet a problem document (405 from routing, 500) becomes one.
- Answers for one person (the headless preview) are ``private, no-store`` and ``noindex``.
"""

import hashlib

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag

from core.http import cache_headers

from .problems import PROBLEM_CONTENT_TYPE, problem_response

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type, If-None-Match",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


PRIVATE_PREFIXES = ("/api/v1/preview/",)


class ApiCacheMiddleware:
    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            for header, value in CORS_HEADERS.items():
                response[header] = value
            return response

        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex, nofollow"
        response = self._finish(request, response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        if head:
            request.method = "HEAD"
            if not response.streaming:
                response["Content-Length"] = str(len(response.content))
                response.content = b""
        return response

    def _finish(self, request, response):
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            PROBLEM_CONTENT_TYPE
        ):
            response = self._as_problem(request, response)
        if request.method != "GET" or response.streaming:
            return response
        if response.status_code != 200:
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, no_cache=True)
            return response
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
        if not response.has_header("Cache-Control"):
            cache_headers(response, "api")
        patch_vary_headers(response, ["Accept-Encoding"])
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def _as_problem(self, request, response):
        status = response.status_code
        if status == 405:
            allowed = response.get("Allow", "GET")
            problem = problem_response(405, f"{request.method} is not allowed here; use {allowed}.")
            problem["Allow"] = allowed
            return problem
        if status == 404:
            return problem_response(404, "The requested API resource does not exist.")
        if status >= 500:
            return problem_response(
                status, "The server could not answer this request; please try again later."
            )
        return problem_response(status, "The request could not be handled.")
