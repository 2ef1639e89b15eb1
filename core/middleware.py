"""Request guards: ``RejectNulMiddleware`` and ``AtomicEditsMiddleware``.

Refuse NUL characters in API addresses and query parameters before any view sees them, and ids
beyond any id's range (404).

A NUL byte has no meaning in a URL parameter, and databases reject it in queries (PostgreSQL
refuses it in any string), so it would otherwise surface as a server error deep in a view.
HTML pages validate their own parameters and show the message in the page.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

from core.api.problems import problem_response, unavailable_problem
from core.bounds import MAX_ID
from core.ratelimit import allow, within
from core.services import RETRY_AFTER_SECONDS, UNAVAILABLE

logger = logging.getLogger(__name__)

NUL = "\x00"
ADMIN_PREFIX = "/admin/"


def _beyond_any_id(part):
    """A path segment that is a whole number (signed or not) no id column can hold."""
    digits = part[1:] if part[:1] in "+-" else part
    return digits.isascii() and digits.isdigit() and int(digits) > MAX_ID


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        names = sorted(
            {key for key, values in request.GET.lists() if NUL in key or any(NUL in v for v in values)}
        )
        if NUL in request.path or names:
            return problem_response(
                400,
                "The address or a query parameter contains a NUL character, which is not allowed.",
                [{"name": name.replace(NUL, ""), "reason": "contains a NUL character"} for name in names],
            )
        if any(_beyond_any_id(part) for part in request.path.split("/")):
            # No row has such an id; databases refuse the number itself (SQLite: overflow).
            return problem_response(404, "No such resource: the id is larger than any id can be.")
        return self.get_response(request)


class AtomicEditsMiddleware:
    """Every editor action in the admin (a POST and the like) runs in one database transaction.

    Wagtail's publish, unpublish, move and delete actions do not open one themselves; in one, a
    change and what it records beside it (the change feed's rows, ``core.changes``) commit
    together or not at all: a worker that dies halfway leaves neither. Side effects that must wait
    for the commit use ``transaction.on_commit`` (the CDN purge does)."""

    UNSAFE = ("POST", "PUT", "PATCH", "DELETE")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.UNSAFE and request.path.startswith(ADMIN_PREFIX):
            with transaction.atomic():
                return self.get_response(request)
        return self.get_response(request)


class ServiceUnavailableMiddleware:
    """A backing service that cannot answer (``core.services.UNAVAILABLE``: the search engine
    down or hung) is a 503 with ``Retry-After`` wherever it surfaces: the site search, the
    knowledge base's and the Q&A's search, ``?q=`` on an API list. The API answers with a
    problem, pages with a short page that says the rest of the site works; never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("service unavailable for %s: %r", request.path, exception)
        if request.path.startswith("/api/"):
            return unavailable_problem()
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``) on every response: pages, the
    API, feeds and files alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PagePasswordThrottleMiddleware:
    """Page passwords resist guessing: each client may give ``PAGE_PASSWORD_RATE`` wrong answers
    (the password form shown again) before Wagtail's password view answers 429 with the lockout
    page; a right answer costs nothing (``core.ratelimit``: the one limiter, keyed on the client
    address behind ``TRUSTED_PROXIES``)."""

    PREFIX = "/_util/authenticate_with_password/"
    GROUP = "page-password"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith(self.PREFIX):
            return self.get_response(request)
        rate = settings.PAGE_PASSWORD_RATE
        if not within(request, self.GROUP, rate):
            return render(request, "locked_out.html", {"failure_limit": rate.split("/")[0]}, status=429)
        response = self.get_response(request)
        if response.status_code == 200:  # the form again: a wrong password
            allow(request, self.GROUP, rate)
        return response
