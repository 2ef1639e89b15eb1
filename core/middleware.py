"""Request guards: ``RejectNulMiddleware`` and ``AtomicEditsMiddleware``.

Refuse NUL characters in API addresses and query parameters before any view sees them, and ids
beyond any id's range (404).

A NUL byte has no meaning in a URL parameter, and databases reject it in queries (PostgreSQL
refuses it in any string), so it would otherwise surface as a server error deep in a view.
HTML pages validate their own parameters and show the message in the page.
"""

from django.db import transaction

from core.api.problems import problem_response
from core.bounds import MAX_ID

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
