"""``/api/v1/search/`` and ``/api/v1/suggest/`` through HTTP: promotions first, facets that count
what the results hold, snippets, never a draft or members-only page, bad parameters a 400
problem, an unreachable Elasticsearch a 503 with Retry-After."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from core.factories import DossierFactory, ThemeFactory
from home.factories import StandardPageFactory
from qa.models import ZeroResultQuery
from search.elasticsearch import elasticsearch_backend_settings
from tests.faults import SilentListener, closed_port

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/search/"


@pytest.fixture
def content(site_root, en_home):
    duurzaam = ThemeFactory(name="Duurzaam", slug="duurzaam")
    klimaat = DossierFactory(name="Klimaat", slug="klimaat")
    agenda = AgendaIndexPageFactory(parent=site_root)
    seminar = EventPageFactory(
        parent=agenda,
        title="Seminar klimaatbeheersing",
        intro="Over klimaatbeheersing in depots.",
        themes=[duurzaam],
        dossiers=[klimaat],
    )
    webinar = EventPageFactory(parent=agenda, title="Webinar klimaatbeheersing", themes=[duurzaam])
    about = StandardPageFactory(
        parent=site_root, title="Klimaatbeheersing uitgelegd", intro="Wat klimaatbeheersing is."
    )
    StandardPageFactory(parent=site_root, title="Klimaatbeheersing concept", publish=False)
    members = StandardPageFactory(parent=site_root, title="Klimaatbeheersing voor leden")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    english = about.copy_for_translation(en_home.locale)
    english.title = "Klimaatbeheersing explained"
    english.save_revision().publish()
    return {"seminar": seminar, "webinar": webinar, "about": about, "english": english}


def titles(body):
    return [item["title"] for item in body["items"]]


def test_results_facets_and_snippets(client, content):
    response = client.get(SEARCH, {"q": "klimaatbeheersing"})
    assert response.status_code == 200
    body = response.json()
    assert sorted(titles(body)) == [
        "Klimaatbeheersing uitgelegd",
        "Seminar klimaatbeheersing",
        "Webinar klimaatbeheersing",
    ]
    assert body["count"] == 3 and body["facets_complete"]
    assert {f["value"]: f["count"] for f in body["facets"]["type"]} == {
        "agenda.eventpage": 2,
        "home.standardpage": 1,
    }
    assert body["facets"]["theme"] == [{"value": "duurzaam", "label": "Duurzaam", "count": 2}]
    assert body["facets"]["dossier"] == [{"value": "klimaat", "label": "Klimaat", "count": 1}]
    assert body["facets"]["locale"] == [{"value": "nl", "label": "nl", "count": 3}]
    about = next(item for item in body["items"] if item["id"] == content["about"].pk)
    assert (
        "<mark>klimaatbeheersing</mark>" in about["snippet"]
        and about["path"] == "/klimaatbeheersing-uitgelegd/"
    )
    # Filters narrow what the facets count.
    narrowed = client.get(SEARCH, {"q": "klimaatbeheersing", "theme": "duurzaam"}).json()
    assert sorted(titles(narrowed)) == ["Seminar klimaatbeheersing", "Webinar klimaatbeheersing"]
    assert client.get(SEARCH, {"q": "klimaatbeheersing", "dossier": "klimaat"}).json()["count"] == 1
    assert titles(client.get(SEARCH, {"q": "klimaatbeheersing", "type": "home.standardpage"}).json()) == [
        "Klimaatbeheersing uitgelegd"
    ]
    # Every language at once: the locale facet counts both.
    everywhere = client.get(SEARCH, {"q": "klimaatbeheersing", "locale": "all"}).json()
    assert {f["value"]: f["count"] for f in everywhere["facets"]["locale"]} == {"nl": 3, "en": 1}


def test_promotions_come_first_and_pages_paginate(client, content):
    SearchPromotion.objects.create(
        query=Query.get("klimaatbeheersing"), page=content["webinar"], description="Aanrader"
    )
    body = client.get(SEARCH, {"q": "klimaatbeheersing", "limit": 2}).json()
    assert body["promotions"][0]["page"]["id"] == content["webinar"].pk
    assert body["promotions"][0]["description"] == "Aanrader"
    assert len(body["items"]) == 2 and body["next"] and body["previous"] is None
    second = client.get(SEARCH, {"q": "klimaatbeheersing", "limit": 2, "offset": 2}).json()
    assert len(second["items"]) == 1 and second["promotions"] == []
    assert set(titles(body)) | set(titles(second)) == {
        "Klimaatbeheersing uitgelegd",
        "Seminar klimaatbeheersing",
        "Webinar klimaatbeheersing",
    }


def test_drafts_and_members_only_pages_never_appear(client, content):
    for query in ("concept", "leden", "klimaatbeheersing"):
        body = client.get(SEARCH, {"q": query, "locale": "all"}).content.decode()
        assert "concept" not in body.lower() or query != "concept"
        assert "voor leden" not in body
    assert client.get(SEARCH, {"q": "leden"}).json()["count"] == 0
    suggestions = client.get("/api/v1/suggest/", {"q": "klimaat"}).json()["items"]
    assert {item["title"] for item in suggestions} == {
        "Klimaatbeheersing uitgelegd",
        "Seminar klimaatbeheersing",
        "Webinar klimaatbeheersing",
    }


def test_nothing_found_is_recorded_for_the_editors(client, content):
    assert client.get(SEARCH, {"q": "zeppelinmuseum"}).json()["count"] == 0
    record = ZeroResultQuery.objects.get(scope=ZeroResultQuery.Scope.SITE)
    assert record.query == "zeppelinmuseum" and record.language_code == "nl"


@pytest.mark.parametrize(
    "params, name",
    [
        ({}, "q"),
        ({"q": " "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "museum", "type": "nope.page"}, "type"),
        ({"q": "museum", "theme": "onbekend"}, "theme"),
        ({"q": "museum", "limit": 0}, "limit"),
        ({"q": "museum", "locale": "xx"}, "locale"),
    ],
)
def test_bad_parameters_are_a_400_problem(client, content, params, name):
    response = client.get(SEARCH, params)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == name


def elasticsearch_at(settings, port):
    config = elasticsearch_backend_settings(
        f"http://127.0.0.1:{port}", index_prefix="museumsite_test_", timeout=1
    )
    config["OPTIONS"] = {"max_retries": 0, "retry_on_timeout": False}
    settings.WAGTAILSEARCH_BACKENDS = {"default": config}


@pytest.mark.parametrize("stand_in", ["dead", "hung"])
def test_an_unreachable_search_engine_is_a_503_with_retry_after(client, content, settings, stand_in):
    if stand_in == "dead":
        elasticsearch_at(settings, closed_port())
        responses = [client.get(SEARCH, {"q": "museum"}), client.get("/api/v1/suggest/", {"q": "muse"})]
    else:
        with SilentListener() as listener:
            elasticsearch_at(settings, listener.port)
            responses = [client.get(SEARCH, {"q": "museum"}), client.get("/api/v1/suggest/", {"q": "muse"})]
    for response in responses:
        assert response.status_code == 503, response.content[:300]
        assert response["Retry-After"] == "30"
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("stand_in", ["dead", "hung"])
def test_every_search_surface_is_a_503_with_retry_after_while_the_engine_is_away(
    client, content, site_root, settings, stand_in
):
    """The site search, the knowledge base's search and ``?q=`` on the articles API: a 503 with
    Retry-After (a short page, or a problem), never a 500, and nothing stored in a cache."""
    from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory

    knowledge = KnowledgeIndexPageFactory(parent=site_root)
    ArticlePageFactory(parent=knowledge, title="Klimaatbeheersing in de praktijk")
    listener = SilentListener() if stand_in == "hung" else None
    try:
        elasticsearch_at(settings, listener.port if listener else closed_port())
        pages = [client.get("/zoeken/", {"q": "klimaat"}), client.get(knowledge.url, {"q": "klimaat"})]
        api = client.get("/api/v1/articles/", {"q": "klimaat"})
    finally:
        if listener:
            listener.close()
    for response in [*pages, api]:
        assert response.status_code == 503, (response.status_code, response.content[:200])
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
    for response in pages:
        assert "Even niet beschikbaar" in response.content.decode()
    assert api["Content-Type"] == "application/problem+json"


def test_index_updates_that_cannot_reach_the_engine_wait_in_a_backlog(client, site_root, settings):
    """Publishing works while the engine is away; each update it missed is kept (latest action
    per page), shown by /healthz and replayed by ``retry_search_index`` until it gets through."""
    import io

    from django.core.management import call_command

    from core.models import SearchIndexBacklog

    elasticsearch_at(settings, closed_port())
    page = StandardPageFactory(parent=site_root, title="Gepubliceerd zonder zoekmachine")
    page.title = "Opnieuw gepubliceerd"
    page.save_revision().publish()  # no error reaches the editor
    row = SearchIndexBacklog.objects.get(object_id=str(page.pk))
    assert row.action == "add" and row.attempts >= 2 and row.model_label == "home.StandardPage"
    attempts = row.attempts

    health = client.get("/healthz").json()
    assert health["checks"]["search"]["ok"] is False
    assert health["checks"]["search"]["backlog"] == SearchIndexBacklog.objects.count() >= 1

    out = io.StringIO()
    call_command("retry_search_index", stdout=out)
    assert "still waiting" in out.getvalue()
    assert SearchIndexBacklog.objects.get(pk=row.pk).attempts == attempts + 1  # kept for the next run

    page.delete()
    assert SearchIndexBacklog.objects.get(object_id=str(page.pk)).action == "delete"
