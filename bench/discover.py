"""Prints, as JSON, the addresses the HTTP benchmark loads, read from the site's database.

Run with the site's environment (``bench/run.py`` does): one page of every project page type
(``core.page_types.sample_pages``), each with its model label, and one object id per API detail
route. Nothing is written.
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from core.page_types import sample_pages  # noqa: E402


def relative(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def main():
    pages = {}
    for label, page in sorted(sample_pages().items()):
        pages[label] = relative(page.get_url()) if page is not None else None
    json.dump({"pages": pages}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
