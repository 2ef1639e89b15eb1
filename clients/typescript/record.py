"""Record one response of every GET endpoint of a running museumsite as TypeScript.

``python record.py http://127.0.0.1:8000 > src/recorded.ts`` writes ``recorded``: for each path of
the OpenAPI document, the demo's answer, checked by the compiler against the generated types
(``satisfies``, so a field the document does not name is an error too). Lists are asked for three
items; a detail route gets the first item of its list; ``/pages/{page_id}/`` the home page.
"""

import json
import re
import sys
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import urlopen

BASE = sys.argv[1].rstrip("/")
PREFIX = "/api/v1"
PARAMS = {
    f"{PREFIX}/pages/resolve/": {"path": "/"},
    f"{PREFIX}/qa/suggest/": {"q": "museumkaart"},
    f"{PREFIX}/search/": {"q": "museum"},
    f"{PREFIX}/suggest/": {"q": "mus"},
}
SKIP = {f"{PREFIX}/preview/"}  # needs an editor's token: covered by the tests
PARAM = re.compile(r"\{[^}]+\}")


def get(path, params=None):
    url = BASE + path + ("?" + urlencode(params) if params else "")
    try:
        with urlopen(url, timeout=30) as response:  # noqa: S310 (a loopback address given by CI)
            return json.load(response)
    except HTTPError as error:
        raise SystemExit(f"record.py: {url} answered {error.code}: {error.read()[:300]!r}") from None


def main():
    document = get(f"{PREFIX}/openapi.json")
    paths = sorted(path for path, operations in document["paths"].items() if "get" in operations)
    recorded = {}
    first_ids = {}
    for path in paths:
        if "{" in path or path in SKIP:
            continue
        body = get(
            path,
            {**PARAMS.get(path, {}), "limit": 3}
            if "limit" in json.dumps(document["paths"][path])
            else PARAMS.get(path),
        )
        recorded[path] = body
        items = body.get("items") if isinstance(body, dict) else None
        if items:
            first_ids[path] = items[0]["id"]
    home = get(f"{PREFIX}/pages/resolve/", {"path": "/"})
    for path in paths:
        if "{" not in path:
            continue
        list_path = PARAM.sub("", path).replace("//", "/")
        identifier = home["id"] if path == f"{PREFIX}/pages/{{page_id}}/" else first_ids.get(list_path)
        if identifier is None:
            continue
        recorded[path] = get(PARAM.sub(str(identifier), path))
    print("// Recorded from the demo by record.py; checked against src/schema.d.ts by tsc.")
    print('import type { paths } from "./schema";')
    print()
    print("type Ok<P extends keyof paths> = paths[P] extends {")
    print('  get: { responses: { 200: { content: { "application/json": infer T } } } };')
    print("}")
    print("  ? T")
    print("  : never;")
    print()
    print("export const recorded = {")
    for path, body in recorded.items():
        print(
            f"  {json.dumps(path)}: {json.dumps(body, ensure_ascii=False)} satisfies Ok<{json.dumps(path)}>,"
        )
    print("};")


if __name__ == "__main__":
    main()
