"""Sections that other apps add to museum pages and to the museum API.

Interface (what an app above museums uses; nothing else of museums is needed)::

    from museums.extensions import MuseumSection, register_museum_section

    register_museum_section(            # from the app's ``AppConfig.ready()``
        MuseumSection(
            name="nominations",         # the API field and the section's key
            schema=list[SomeSchema],    # the field's type in the museum detail schema
            description="...",          # the field's description in the OpenAPI document
            template="app/includes/museum_section.html",  # on the page, with ``value`` and ``museum``
            load=load,                  # (museums, request, visibility) -> {museum.pk: value}
            empty=[],                   # the value of a museum that ``load`` left out
            order=100,                  # sections show in this order on the page
            serialize=serialize,        # optional: (museum, value, request) -> the API field's value
            jsonld=jsonld,              # optional: (museum, value, request) -> properties merged
                                        #   into the museum's schema.org ``Museum`` (e.g. ``award``)
            stylesheet="css/app.css",   # optional: a static file linked in the museum page's head
        )
    )

Museums know nothing of the apps above them. An app that has something to say about a museum
(the awards app: its nominations and wins) registers a section; the museum page renders each
section's template, its JSON-LD merges each section's ``jsonld``, and the museum API's detail
schema gains one top-level field per section, typed by the section's ``schema``. The detail
schema is built when ``museums.api`` is imported (by the URLconf), after every ``ready()``.

``load`` answers for many museums at once, in a constant number of queries (one per section is
the aim), and applies the ``visibility`` it is given (``core.visibility``: the reader's on pages,
the public one in the API) to whatever it lists. A page loads each section once: the HTML and
the JSON-LD share the values (``values_for``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.visibility import Visibility

_SECTIONS = {}
_MEMO_ATTRIBUTE = "_museum_section_values"


@dataclass(frozen=True)
class MuseumSection:
    name: str  # the API field and the context key, e.g. "nominations"
    schema: Any  # the field's type in the API, e.g. list[MuseumNomination]
    description: str  # the field's description in the OpenAPI document
    template: str  # included on the museum page with ``value`` and ``museum`` in its context
    load: Callable  # (museums, request, visibility) -> {museum_pk: value}; constant queries
    empty: Any = None  # the value of a museum that ``load`` left out (a list type: use [])
    order: int = 100  # sections show in this order on the page
    serialize: Callable | None = None  # (museum, value, request) -> API value; default: value
    jsonld: Callable | None = None  # (museum, value, request) -> dict merged into the JSON-LD
    stylesheet: str = ""  # a static file linked in the museum page's head

    def empty_value(self):
        """A fresh empty value (a list is copied, so no two museums share one)."""
        return list(self.empty) if isinstance(self.empty, list) else self.empty

    def api_value(self, museum, value, request=None):
        return self.serialize(museum, value, request) if self.serialize else value

    def json_ld(self, museum, value, request=None):
        return (self.jsonld(museum, value, request) or {}) if self.jsonld else {}


def register_museum_section(section):
    """Add (or replace, by name) a section."""
    _SECTIONS[section.name] = section


def museum_sections():
    """The registered sections, in page order."""
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.name))


def section_values(museums, request=None, visibility=None):
    """``{museum.pk: {section name: value}}`` for ``museums``, each section loaded once.

    ``visibility`` defaults to the reader of ``request`` (public without one)."""
    museums = list(museums)
    visibility = visibility or Visibility.for_request(request)
    values = {museum.pk: {} for museum in museums}
    for section in museum_sections():
        loaded = section.load(museums, request, visibility) if museums else {}
        for museum in museums:
            values[museum.pk][section.name] = loaded.get(museum.pk, section.empty_value())
    return values


def values_for(museum, request=None):
    """``{section name: value}`` of one museum for the reader of ``request``, loaded once per
    page instance and request: the page's HTML and its JSON-LD share them."""
    memo = museum.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is not None and memo[0] is request:
        return memo[1]
    values = section_values([museum], request)[museum.pk]
    museum.__dict__[_MEMO_ATTRIBUTE] = (request, values)
    return values
