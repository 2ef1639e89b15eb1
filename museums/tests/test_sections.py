"""Sections that other apps register (``museums.extensions``) show on museum pages, in their
JSON-LD and in the API, each loaded once per page with the visibility of the surface."""

import copy
import json
import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from museums import extensions
from museums.api import MuseumDetail, museum_detail_schema
from museums.extensions import MuseumSection, museum_sections

pytestmark = pytest.mark.django_db

TEMPLATE = "sections/visits.html"


class Loader:
    """A section's ``load`` that records its calls: ``{museum.pk: [visit counts]}``."""

    def __init__(self, values):
        self.values = values
        self.calls = []

    def __call__(self, museums, request, visibility):
        self.calls.append((tuple(m.pk for m in museums), visibility))
        return {m.pk: self.values[m.title] for m in museums if m.title in self.values}


@pytest.fixture
def section_template(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.locmem.Loader",
            {TEMPLATE: '<section class="visits">{{ museum.title }}: {{ value|join:", " }}</section>'},
        ),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates


@pytest.fixture
def visits(monkeypatch, section_template, museum):
    loader = Loader({museum.title: [1200, 1350]})
    section = MuseumSection(
        name="visits",
        schema=list[int],
        description="Visits per year (demo).",
        template=TEMPLATE,
        load=loader,
        empty=[],
        serialize=lambda museum, value, request: [{"visits": v} for v in value],
        jsonld=lambda museum, value, request: {"maximumAttendeeCapacity": max(value)} if value else {},
        stylesheet="css/visits.css",
    )
    monkeypatch.setattr(extensions, "_SECTIONS", {**extensions._SECTIONS, "visits": section})
    return loader


def museum_json_ld(body):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    return next(d for d in map(json.loads, blocks) if d.get("@type") == "Museum")


def test_the_page_renders_the_section_and_merges_its_json_ld(client, museum, visits):
    body = client.get(museum.url).content.decode()
    assert '<section class="visits">Anne Frank Huis: 1200, 1350</section>' in body
    assert 'href="/static/css/visits.css"' in body
    assert museum_json_ld(body)["maximumAttendeeCapacity"] == 1350
    # Loaded once for the HTML and the JSON-LD together.
    ((pks, _visibility),) = visits.calls
    assert pks == (museum.pk,)


def test_a_museum_without_a_value_gets_the_empty_one(client, museum_index, visits):
    from museums.factories import MuseumPageFactory

    other = MuseumPageFactory(parent=museum_index, title="Zonder bezoek (demo)")
    body = client.get(other.url).content.decode()
    assert '<section class="visits">Zonder bezoek (demo): </section>' in body
    assert "maximumAttendeeCapacity" not in museum_json_ld(body)


@pytest.fixture
def reader(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("lezer", password="wachtwoord-123"))
    return client


def test_on_the_page_the_reader_decides_what_the_section_may_list(reader, museum, visits):
    reader.get(museum.url)
    ((_pks, visibility),) = visits.calls
    assert visibility.user.username == "lezer"


def test_the_api_data_of_the_page_carries_the_section_with_public_visibility(reader, museum, visits):
    body = reader.get("/api/v1/pages/resolve/", {"path": museum.url}).json()
    assert body["visits"] == [{"visits": 1200}, {"visits": 1350}]
    ((_pks, visibility),) = visits.calls
    assert visibility.user is None  # the public, whoever asks


def test_the_detail_schema_has_one_field_per_section():
    section = MuseumSection(
        name="visits", schema=list[int], description="Visits per year.", template=TEMPLATE, load=Loader({})
    )
    schema = museum_detail_schema([section])
    assert schema.__name__ == "MuseumDetail"
    assert schema.model_fields["visits"].description == "Visits per year."
    assert schema.model_fields["visits"].annotation == list[int]
    with pytest.raises(ImproperlyConfigured):
        museum_detail_schema([MuseumSection("intro", str, "", TEMPLATE, Loader({}))])


def test_the_published_detail_schema_documents_every_registered_section(client):
    assert set(MuseumDetail.model_fields) >= {section.name for section in museum_sections()}
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for section in museum_sections():
        assert schemas["MuseumDetail"]["properties"][section.name]["description"] == section.description
