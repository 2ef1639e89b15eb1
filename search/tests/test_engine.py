"""The site search engine (``search.engine``) on the database backend in use (SQLite or, with
``DATABASE_URL``, PostgreSQL with its Dutch configuration): what readers type finds what the
pages say, titles rank first, pages never repeat or go missing across result pages, and what a
reader may not see stays out whatever the expansion adds."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction

from core.visibility import Visibility
from home.factories import StandardPageFactory
from search import engine
from search.queries import public_search_queryset

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/search/"


def titles(query, locale="nl"):
    queryset = public_search_queryset(Page, Visibility.public(), Locale.objects.get(language_code=locale))
    return [page.title for page in engine.search(queryset, query)[:10]]


@pytest.fixture
def pages(site_root):
    made = {}
    for title in [
        "Klimaatbeheersing met bredere marges",
        "Duurzaamheid",
        "Seminar duurzaamheid (demo)",
        "Wat kost een Museumkaart?",
        "Ik ben mijn Museumkaart kwijt. Wat moet ik doen?",
        "Rijksmuseum",
        "Curaçao Museum",
        "Prijzen",
    ]:
        made[title] = StandardPageFactory(parent=site_root, title=title, intro="Over dit onderwerp.")
    return made


@pytest.mark.parametrize(
    "query, expected",
    [
        ("klimaat", "Klimaatbeheersing met bredere marges"),  # a part of a compound
        ("duurzaam", "Duurzaamheid"),  # the word, then its shortest title
        ("MK kwijt", "Ik ben mijn Museumkaart kwijt. Wat moet ik doen?"),  # a synonym
        ("pas kwijt", "Ik ben mijn Museumkaart kwijt. Wat moet ik doen?"),
        ("prijs museumkaart", "Wat kost een Museumkaart?"),
        ("rijksmusem", "Rijksmuseum"),  # a misspelling
        ("curacao", "Curaçao Museum"),  # accents
        ("Kòrsou", "Curaçao Museum"),  # Papiamentu
        ("prijs", "Prijzen"),  # a plural
    ],
)
def test_what_readers_type_finds_the_page_first(pages, query, expected):
    assert titles(query)[0] == expected


def test_the_html_search_and_the_api_use_the_engine(client, pages):
    body = client.get(SEARCH, {"q": "klimaat"}).json()
    assert body["items"][0]["title"] == "Klimaatbeheersing met bredere marges"
    html = client.get("/zoeken/", {"q": "klimaat"}).content.decode()
    assert "Klimaatbeheersing met bredere marges" in html
    assert "0 resultaten" not in html


def test_result_pages_neither_repeat_nor_lose_a_page(client, site_root, monkeypatch):
    monkeypatch.setattr(engine, "HEAD", 3)  # most results after the ranked head
    made = {StandardPageFactory(parent=site_root, title=f"Collectieveiligheid deel {n}").pk for n in range(8)}
    queryset = public_search_queryset(Page, Visibility.public(), Locale.objects.get(language_code="nl"))
    hits = engine.search(queryset, "collectieveiligheid")
    assert hits.count() == 8
    seen = [page.pk for start in range(0, 8, 3) for page in hits[start : start + 3]]
    assert len(seen) == len(set(seen)) == 8 and set(seen) == made
    assert hits[8:12] == []
    api = [
        item["id"]
        for offset in (0, 2, 4, 6)
        for item in client.get(SEARCH, {"q": "collectieveiligheid", "limit": 2, "offset": offset}).json()[
            "items"
        ]
    ]
    assert sorted(api) == sorted(made)


def test_expansion_never_brings_in_drafts_or_members_only_pages(client, site_root):
    members = Group.objects.create(name="Leden")
    private = StandardPageFactory(parent=site_root, title="Geheimberaad ledenvergadering")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(
        members
    )
    StandardPageFactory(parent=site_root, title="Geheimberaad concept", publish=False)
    StandardPageFactory(parent=site_root, title="Beraad openbaar")
    # A part of the compound, a misspelling and a synonym of what the hidden pages hold.
    for query in ("geheimberaad", "geheim", "geheimberaat", "ALV", "beraad"):
        found = titles(query)
        assert "Geheimberaad ledenvergadering" not in found and "Geheimberaad concept" not in found, query
        assert "Geheimberaad" not in client.get("/zoeken/", {"q": query}).content.decode(), query
    assert titles("beraad") == ["Beraad openbaar"]
    # The vocabulary that feeds compounds and corrections holds only public titles.
    vocabulary = engine.site_vocabulary()
    assert "beraad" in vocabulary and "geheimberaad" not in vocabulary


def test_a_query_of_words_no_page_holds_together_finds_pages_with_some(pages):
    found = titles("duurzaamheid zeppelin")  # no page holds both: any of them, best first
    assert found[0] == "Duurzaamheid"


def test_title_scores_prefer_the_words_as_typed_and_short_titles():
    [museo] = engine.expand("museo")
    assert engine.title_score("Museo Chich'i Tan", [museo]) > engine.title_score("Teylers Museum", [museo])
    [duurzaam] = engine.expand("duurzaamheid")
    assert engine.title_score("Duurzaamheid", [duurzaam]) > engine.title_score(
        "Seminar duurzaamheid 1 (demo)", [duurzaam]
    )
    assert engine.title_score("Agenda", [duurzaam]) == 0
