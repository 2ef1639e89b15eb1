"""Prints, as JSON, the addresses the HTTP benchmark loads, read from the site's database.

Run with the site's environment (``bench/run.py`` does): one page of every project page type
(``core.page_types.sample_pages``), each with its model label, one object id per API detail
route, and the sitemap part of the museums section (``core.sitemaps``). Nothing is written.
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

from wagtail.models import Page  # noqa: E402

from core.links import sitemap_part_path  # noqa: E402
from core.page_types import sample_pages  # noqa: E402

SECTION_DEPTH = 3  # a child of a home page: the page of its own sitemap part


def relative(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def main():
    pages = {}
    samples = sample_pages()
    for label, page in sorted(samples.items()):
        pages[label] = relative(page.get_url()) if page is not None else None
    museums = samples.get("museums.MuseumIndexPage")
    part = None
    if museums is not None:
        section = (
            museums
            if museums.depth <= SECTION_DEPTH
            else Page.objects.ancestor_of(museums).get(depth=SECTION_DEPTH)
        )
        part = sitemap_part_path(section.pk)
    json.dump({"pages": pages, "sitemap_part": part}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
