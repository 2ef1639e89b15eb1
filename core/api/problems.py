"""One error shape for the whole API: RFC 9457 problem details (application/problem+json).

Routers raise ``ApiError`` (or use the helpers ``not_found`` and ``invalid``); the handlers that
``install_problem_handlers`` adds turn every error, validation failure and ``Http404`` into a
problem document.
"""

import json
from http import HTTPStatus

from django.http import Http404, HttpResponse
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from core.api.schema import Schema
from core.services import RETRY_AFTER_SECONDS, UNAVAILABLE

PROBLEM_CONTENT_TYPE = "application/problem+json"


class InvalidParam(Schema):
    name: str = Field(description="The query parameter or body field at fault.")
    reason: str = Field(description="What is wrong with it, in plain words.")


class Problem(Schema):
    """An RFC 9457 problem detail; ``detail`` is always a readable sentence."""

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="The HTTP status phrase, e.g. 'Bad Request'.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong, readable by a person.")
    invalid_params: list[InvalidParam] = Field(
        default_factory=list, description="For validation problems: each parameter at fault."
    )


class ApiError(HttpError):
    """Raise from a view for a 4xx with a readable detail."""

    def __init__(self, status_code, detail, invalid_params=None):
        super().__init__(status_code, detail)
        self.invalid_params = invalid_params or []


def not_found(kind, identifier):
    """The one not-found problem of every detail route: ``raise not_found("museum", 12)``."""
    return ApiError(404, f"No published {kind} with id {identifier}.")


def invalid(params):
    """A 400 problem for ``[{"name", "reason"}]`` (or a ``{name: [messages]}`` mapping, as a
    form's ``errors``): ``raise invalid(filterset.errors)``."""
    if isinstance(params, dict):
        params = [
            {"name": name, "reason": " ".join(str(message) for message in messages)}
            for name, messages in params.items()
        ]
    detail = "; ".join(f"{p['name']}: {p['reason']}" for p in params) or "The request is not valid."
    return ApiError(400, detail, params)


def problem_response(status, detail, invalid_params=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "invalid_params": invalid_params or [],
    }
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_CONTENT_TYPE)
    response["Cache-Control"] = "no-cache"
    return response


def _param_name(loc):
    # ninja reports (source, name), (source, schema, name) or, for one item of a repeated
    # parameter, (source, name, index): drop the source and list indexes, keep the name.
    parts = [str(part) for part in loc[1:] if not isinstance(part, int)]
    return parts[-1] if parts else "request"


# Patterns of the API's parameters, in words.
PATTERN_WORDS = {"^/": "must start with '/'", "^[A-Za-z0-9_:.-]+$": "is not a token this server made"}


def _readable(error):
    message = error.get("msg", "is not valid")
    if error.get("type") == "missing":
        return "is required"
    if error.get("type") == "string_pattern_mismatch":
        pattern = (error.get("ctx") or {}).get("pattern")
        if pattern in PATTERN_WORDS:
            return PATTERN_WORDS[pattern]
    return message[0].lower() + message[1:] if message else "is not valid"


def unavailable_problem(detail="A service this answer needs is unavailable for a moment; try again shortly."):
    """503 with ``Retry-After`` and ``no-store``: a backing service cannot answer
    (``core.services.UNAVAILABLE``)."""
    response = problem_response(503, detail)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def install_problem_handlers(api):
    def service_unavailable(request, exc):
        return unavailable_problem()

    for exception_class in UNAVAILABLE:
        api.add_exception_handler(exception_class, service_unavailable)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        params = [
            {"name": _param_name(error.get("loc", ())), "reason": _readable(error)} for error in exc.errors
        ]
        error = invalid(params)
        return problem_response(400, error.message, error.invalid_params)

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return problem_response(exc.status_code, exc.message, exc.invalid_params)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return problem_response(exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def page_not_found(request, exc):
        return problem_response(404, "No such resource: check the identifier or path.")


def document_problems(schema):
    """The OpenAPI document says what the API does: error bodies are ``application/problem+json``
    (not the ``application/json`` ninja writes), and every operation that takes parameters may
    answer 400 for parameters that fail validation (ninja's validation, before the view)."""
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = {str(status): response for status, response in operation.get("responses", {}).items()}
            operation["responses"] = responses
            if operation.get("parameters") and "400" not in responses:
                responses["400"] = {
                    "description": "Bad Request: a parameter is missing or not valid.",
                    "content": {PROBLEM_CONTENT_TYPE: {"schema": problem_ref}},
                }
            for status, response in responses.items():
                content = response.get("content", {})
                if int(status) >= 400 and "application/json" in content:
                    response["content"] = {PROBLEM_CONTENT_TYPE: content["application/json"]}
    return schema
