"""The published OpenAPI document is a contract clients can trust: on the demo content, in every
language, every response of every GET route validates against the schema the document gives for
its status code, and every value an enum parameter documents is accepted.

Routes are read from the document itself, so a new route joins this test without editing it:
lists are followed through their ``next`` links, every item's detail route is fetched, every item's
``path`` is resolved, and each list and detail is also asked for a documented error (a limit over
the maximum, an unknown id).
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator

from api.api import api

PREFIX = "/api/v1/"
# Values for required query parameters, by name; a new required parameter must be added here.
REQUIRED_VALUES = {"q": "museumkaart", "path": "/", "token": "not-a-preview-token"}
PARAM = re.compile(r"\{[^}]+\}/$")


@pytest.fixture(scope="module")
def document():
    return json.loads(json.dumps(api.get_openapi_schema(path_prefix=PREFIX), default=str))


class Contract:
    def __init__(self, client, document):
        self.client = client
        self.document = document
        self.checked = 0

    def validate(self, template, response):
        operation = self.document["paths"][template]["get"]
        status = str(response.status_code)
        assert status in operation["responses"], (
            f"GET {template}: status {status} is not documented ({response.content[:200]!r})"
        )
        content = operation["responses"][status].get("content", {})
        media_type = response["Content-Type"].split(";")[0].strip()
        media = content.get(media_type)
        assert media is not None, (
            f"GET {template} {status}: {media_type} is not documented ({sorted(content)})"
        )
        schema = {**media["schema"], "components": self.document["components"]}
        errors = sorted(Draft202012Validator(schema).iter_errors(response.json()), key=str)
        assert not errors, f"GET {template} {status}: " + "; ".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]
        )
        self.checked += 1
        return response.json()

    def get(self, template, url, params=None):
        return self.validate(template, self.client.get(url, params or {}))


def _enum_values(schema, document):
    """The values an (optional, repeatable or referenced) enum parameter documents."""
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    values = list(schema.get("enum", []))
    for part in schema.get("anyOf", []) + ([schema["items"]] if "items" in schema else []):
        values.extend(_enum_values(part, document))
    return values


def _follow(contract, template, params):
    """Every item of a list, following ``next`` links (each window validated)."""
    body = contract.get(template, template, params)
    items = list(body["items"])
    while body.get("next"):
        parts = urlsplit(body["next"])
        assert body["next"].startswith(settings.PUBLIC_BASE_URL), body["next"]
        body = contract.validate(template, contract.client.get(f"{parts.path}?{parts.query}"))
        items.extend(body["items"])
    assert len(items) == body["count"], f"{template}: the windows hold {len(items)} of {body['count']} items"
    return items


@pytest.mark.django_db
def test_every_get_route_answers_what_the_contract_says(client, demo, document):
    contract = Contract(client, document)
    paths = {path: ops["get"] for path, ops in document["paths"].items() if "get" in ops}
    lists = {path for path in paths if "{" not in path}
    details = {path for path in paths if "{" in path}
    seen_paths = set()
    for locale in [code for code, _name in settings.LANGUAGES]:
        for template in sorted(lists):
            parameters = paths[template].get("parameters", [])
            required = {p["name"]: REQUIRED_VALUES[p["name"]] for p in parameters if p.get("required")}
            names = {p["name"] for p in parameters}
            params = {**required, **({"locale": locale} if "locale" in names else {})}
            if {"limit", "offset"} <= names:
                items = _follow(contract, template, {**params, "limit": 7})
                contract.get(template, template, {**params, "limit": settings.API_MAX_LIMIT + 1})
                for item in items:
                    if item.get("path"):
                        seen_paths.add(item["path"])
                detail = next((d for d in details if PARAM.sub("", d) == template), None)
                for item in items if detail else []:
                    contract.get(detail, PARAM.sub(f"{item['id']}/", detail), {"locale": locale})
            else:
                contract.get(template, template, params)
            # Every documented enum value of a query parameter is accepted.
            for parameter in parameters:
                for value in _enum_values(parameter.get("schema", {}), document):
                    contract.get(template, template, {**params, parameter["name"]: value})
    for detail in sorted(details):
        contract.get(detail, PARAM.sub("999999999/", detail))
    # The change feed: its position, a replay from there, a cursor it cannot replay (410).
    changes = f"{PREFIX}changes/"
    position = contract.get(changes, changes, {})["next_cursor"]
    contract.get(changes, changes, {"cursor": position})
    contract.get(changes, changes, {"cursor": position + 1000})
    resolve = f"{PREFIX}pages/resolve/"
    assert seen_paths, "no list handed out a path"
    for path in sorted(seen_paths):
        body = contract.get(resolve, resolve, {"path": path})
        assert body["path"] == path
    assert contract.checked > 100
