"""The API contract is a snapshot: any change to it shows up as a diff of tests/snapshots/openapi.json.

Consumers: museum.nl's front end and the Museumkaart app. After an intended change, regenerate
with ``UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/test_openapi.py`` and commit the diff.
A missing snapshot is a failure (only ``UPDATE_SNAPSHOTS=1`` writes one), and so is a schema name
that two different models share: the OpenAPI generator would keep one of them silently, and a
client generated from the contract would reject the other's real responses.
"""

import json
import os
from pathlib import Path

from ninja.openapi.schema import OpenAPISchema

from api.api import api

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


def _current():
    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), sort_keys=True, default=str))


def test_openapi_document_matches_the_snapshot():
    current = _current()
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    assert SNAPSHOT.exists(), (
        f"{SNAPSHOT} is missing: run UPDATE_SNAPSHOTS=1 pytest tests/test_openapi.py and commit it."
    )
    expected = json.loads(SNAPSHOT.read_text())
    assert current == expected, (
        "The OpenAPI document changed. If intended, run UPDATE_SNAPSHOTS=1 pytest tests/test_openapi.py "
        "and commit tests/snapshots/openapi.json."
    )


def test_the_snapshot_test_fails_when_the_snapshot_is_missing(monkeypatch, tmp_path):
    monkeypatch.delenv("UPDATE_SNAPSHOTS", raising=False)
    monkeypatch.setattr(f"{__name__}.SNAPSHOT", tmp_path / "missing.json")
    try:
        test_openapi_document_matches_the_snapshot()
    except AssertionError as error:
        assert "is missing" in str(error)
    else:
        raise AssertionError("a missing snapshot passed")
    assert not (tmp_path / "missing.json").exists(), "the test wrote the snapshot it should compare with"


def schema_definitions(target=api, prefix="/api/v1/"):
    """Every (name, definition) the generator adds to the document's components, in order."""
    seen = []
    original = OpenAPISchema.add_schema_definitions

    def recording(self, definitions):
        seen.extend(
            (name, json.dumps(body, sort_keys=True, default=str)) for name, body in definitions.items()
        )
        return original(self, definitions)

    OpenAPISchema.add_schema_definitions = recording
    try:
        target.get_openapi_schema(path_prefix=prefix)
    finally:
        OpenAPISchema.add_schema_definitions = original
    return seen


def clashing_names(target=api, prefix="/api/v1/"):
    definitions = {}
    for name, body in schema_definitions(target, prefix):
        definitions.setdefault(name, set()).add(body)
    return sorted(name for name, bodies in definitions.items() if len(bodies) > 1)


def test_schema_names_are_unique_in_the_openapi_document():
    clashes = clashing_names()
    assert not clashes, "schemas of the same name differ (rename one): " + ", ".join(clashes)


def test_the_name_check_sees_a_clash():
    # Two different models named alike, as two apps would declare them: the check must notice.
    from ninja import NinjaAPI, Router, Schema

    def model(kind):
        return type("Audience", (Schema,), {"__annotations__": {kind: str}})

    first, second = Router(), Router()

    class FirstOut(Schema):
        audience: model("public")

    class SecondOut(Schema):
        audience: model("everyone")

    first.get("/a/", response=FirstOut)(lambda request: None)
    second.get("/b/", response=SecondOut)(lambda request: None)
    probe = NinjaAPI(urls_namespace="clash_probe")
    probe.add_router("/", first)
    probe.add_router("/", second)
    assert clashing_names(probe, "/") == ["Audience"]


def test_every_operation_documents_its_errors_as_problems():
    for path, operations in _current()["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "200" in responses or "201" in responses, f"{method} {path}"
            if method == "get" and "{" not in path and path.rstrip("/").endswith("s"):
                assert "400" in responses, f"{method} {path} must document its 400 problem"
