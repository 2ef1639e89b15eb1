"""The API contract is a snapshot: any change to it shows up as a diff of tests/snapshots/openapi.json.

Consumers: museum.nl's front end and the Museumkaart app. After an intended change, regenerate
with ``UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/test_openapi.py`` and commit the diff.
"""

import json
import os
from pathlib import Path

from api.api import api

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


def _current():
    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), sort_keys=True, default=str))


def test_openapi_document_matches_the_snapshot():
    current = _current()
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not SNAPSHOT.exists():
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    expected = json.loads(SNAPSHOT.read_text())
    assert current == expected, (
        "The OpenAPI document changed. If intended, run UPDATE_SNAPSHOTS=1 pytest tests/test_openapi.py "
        "and commit tests/snapshots/openapi.json."
    )


def test_every_operation_documents_its_errors_as_problems():
    for path, operations in _current()["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "200" in responses or "201" in responses, f"{method} {path}"
            if method == "get" and "{" not in path and path.rstrip("/").endswith("s"):
                assert "400" in responses, f"{method} {path} must document its 400 problem"
