"""Sections that other apps add to museum pages and to the museum API.

Museums know nothing of the apps above them. An app that has something to say about a museum
(the awards app: its nominations and wins) registers a ``MuseumSection`` from its
``AppConfig.ready()``; the museum page renders each section's template with its value, and the
museum API's detail schema gains one field per section, typed by the section's schema.

``load(museums, request)`` answers for many museums at once, in a constant number of queries,
``{museum.pk: value}`` (a museum without a value is left out and gets ``empty``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_SECTIONS = {}


@dataclass(frozen=True)
class MuseumSection:
    name: str  # the API field and the context key, e.g. "nominations"
    schema: Any  # the field's type in the API, e.g. list[NominationOut]
    description: str  # the field's description in the OpenAPI document
    template: str  # included on the museum page with ``value`` in its context
    load: Callable  # (museums, request) -> {museum_pk: value}; a constant number of queries
    empty: Any = None  # the value of a museum that ``load`` left out (a list type: use [])
    order: int = 100  # sections show in this order on the page


def register_museum_section(section):
    _SECTIONS[section.name] = section


def museum_sections():
    """The registered sections, in page order."""
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.name))


def section_values(museums, request=None):
    """``{museum.pk: {section name: value}}`` for ``museums``."""
    museums = list(museums)
    values = {museum.pk: {} for museum in museums}
    for section in museum_sections():
        loaded = section.load(museums, request)
        for museum in museums:
            empty = list(section.empty) if isinstance(section.empty, list) else section.empty
            values[museum.pk][section.name] = loaded.get(museum.pk, empty)
    return values
