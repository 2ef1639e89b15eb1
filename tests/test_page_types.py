"""Every page type of the project, from the demo content: renders, carries schema.org JSON-LD,
is found by the site search and is resolvable through the API.

New page types are covered automatically: the demo must contain a live, public page of each.
"""

import json

import pytest
from bs4 import BeautifulSoup

from core.page_types import project_page_models, sample_pages


@pytest.fixture
def samples(demo):
    return sample_pages()


def _json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


@pytest.mark.django_db
def test_every_page_type_has_demo_content_that_renders_with_json_ld(client, samples):
    assert set(samples) == {model._meta.label for model in project_page_models()}
    missing = sorted(label for label, page in samples.items() if page is None)
    assert not missing, f"no live public demo page of: {', '.join(missing)}"
    for label, page in samples.items():
        response = client.get(page.url)
        assert response.status_code == 200, f"{label} at {page.url}: {response.status_code}"
        soup = BeautifulSoup(response.content, "html.parser")
        assert len(soup.find_all("h1")) == 1, f"{label} must have exactly one h1"
        assert soup.find("main", id="main") is not None, label
        documents = _json_ld(response)
        assert documents, f"{label} emits no JSON-LD"
        for document in documents:
            assert document["@context"] == "https://schema.org", label
            assert document.get("@type") or document.get("@graph"), label


@pytest.mark.django_db
def test_every_page_type_is_found_by_the_site_search(client, samples):
    for label, page in samples.items():
        with_locale = "/en/zoeken/" if page.locale.language_code == "en" else "/zoeken/"
        response = client.get(with_locale, {"q": page.title, "type": label.lower()})
        assert response.status_code == 200
        assert page.url in response.content.decode(), f"{label} '{page.title}' not found by the site search"


@pytest.mark.django_db
def test_every_page_type_resolves_through_the_api(client, samples):
    for label, page in samples.items():
        response = client.get("/api/v1/pages/resolve/", {"path": page.url})
        assert response.status_code == 200, f"{label}: {response.content[:200]}"
        body = response.json()
        assert (body["id"], body["type"], body["path"]) == (page.pk, label, page.url)
        assert "data" not in body, f"{label}: the type's own fields belong at the top level"


@pytest.mark.django_db
def test_load_demo_is_idempotent(demo):
    from django.core.management import call_command
    from wagtail.models import Page, Revision

    counts = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo", verbosity=0, no_admin=True)
    assert (Page.objects.count(), Revision.objects.count()) == counts


@pytest.mark.django_db
def test_the_demo_snapshot_copies_back_every_row_as_stored(demo):
    """Tests after the first get the demo from a snapshot: it must be the load, row for row."""
    from tests import demo_snapshot

    tables = demo_snapshot._tables()
    stored = demo_snapshot._snapshot[2]
    assert set(stored) == set(tables)
    demo_snapshot._restore(tables, stored)
    assert demo_snapshot._dump(tables) == stored
