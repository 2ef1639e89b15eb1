"""Refuse NUL characters in addresses and query parameters before any view sees them.

A NUL byte has no meaning in a URL parameter, and databases reject it in queries (PostgreSQL
refuses it in any string), so it would otherwise surface as a server error deep in a view.
"""

from django.shortcuts import render

NUL = "\x00"
MESSAGE = "The address or a query parameter contains a NUL character, which is not allowed."


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or any(
            NUL in key or NUL in value for key, values in request.GET.lists() for value in values
        ):
            if request.path.startswith("/api/"):
                from api.errors import problem_response

                return problem_response(400, MESSAGE)
            return render(request, "400.html", status=400)
        return self.get_response(request)
