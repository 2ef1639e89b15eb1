"""Elasticsearch: what our code hands to it (always), and a real cluster (when ELASTICSEARCH_URL is set).

No Elasticsearch server runs on the development and CI machines, so the integration tests skip
there with a visible reason; they never run against a fake server.
"""

import json
import os
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.elasticsearch import DUTCH_INDEX_SETTINGS, elasticsearch_backend_settings
from search.engine import backend_query
from search.expansion import PHRASES, SYNONYMS, WORD_PARTS, Vocabulary, expand

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL")


def test_backend_settings_name_elasticsearch_9_and_the_url():
    settings = elasticsearch_backend_settings("https://user:pw@127.0.0.1:9200", index_prefix="ms_")
    assert settings["BACKEND"] == "search.backends"  # Wagtail's Elasticsearch 9 backend with a backlog
    assert settings["URLS"] == ["https://user:pw@127.0.0.1:9200"]
    assert settings["INDEX_PREFIX"] == "ms_"
    assert settings["INDEX_SETTINGS"] is DUTCH_INDEX_SETTINGS


@pytest.mark.parametrize("url", ["127.0.0.1:9200", "ftp://host", "http://"])
def test_bad_urls_are_refused_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_URL must be an http"):
        elasticsearch_backend_settings(url)


def test_dutch_analysis_is_the_index_default():
    analysis = DUTCH_INDEX_SETTINGS["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    # Order matters: fold case and accents before splitting compounds and dropping stop words,
    # protect keywords before stemming.
    assert default["filter"] == [
        "lowercase",
        "asciifolding",
        "dutch_decompounder",
        "dutch_stop",
        "dutch_keywords",
        "dutch_override",
        "dutch_stemmer",
    ]
    # Searches add the synonyms, after folding (the rules are folded) and before stemming.
    search = analysis["analyzer"]["default_search"]["filter"]
    assert search == [*default["filter"][:2], "site_synonyms", *default["filter"][2:]]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"]["stopwords"] == "_dutch_"
    assert "museumkaart" in analysis["filter"]["dutch_keywords"]["keywords"]


def test_synonyms_phrases_and_compound_parts_come_from_the_expansion_tables():
    """Elasticsearch expands with the tables the database backends use (``search.expansion``)."""
    analysis = DUTCH_INDEX_SETTINGS["settings"]["analysis"]["filter"]
    rules = analysis["site_synonyms"]["synonyms"]
    assert analysis["site_synonyms"]["type"] == "synonym_graph"
    assert len(rules) == len(SYNONYMS) + len(PHRASES)
    assert "museumkaart, mk, museumpas, museumjaarkaart, museumcard, museumkaarten" in rules
    assert "curacao, korsou" in rules  # folded, as the tokens are when the filter sees them
    assert "den bosch => hertogenbosch" in rules
    assert all(rule == rule.lower() and "ò" not in rule for rule in rules)
    decompounder = analysis["dutch_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert set(decompounder["word_list"]) == set(WORD_PARTS)
    assert {"klimaat", "duurzaam", "kaart", "veiligheid"} <= set(decompounder["word_list"])


def test_the_expanded_query_is_what_elasticsearch_is_asked():
    """The site search hands Elasticsearch every term as alternatives (word forms, synonyms,
    compounds of the site's vocabulary), the terms joined by ``must``. Compiling the query
    opens no connection."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(
        "wagtail.search.backends.elasticsearch9",
        **{k: v for k, v in elasticsearch_backend_settings("http://127.0.0.1:9").items() if k != "BACKEND"},
    )
    vocabulary = Vocabulary.from_texts(["Klimaatbeheersing met bredere marges"])
    terms = expand("klimaat MK", vocabulary)
    query = backend.query_compiler_class(Page.objects.all(), backend_query(terms)).get_query()
    text = json.dumps(query)
    assert '"must"' in text
    for word in ("klimaat", "klimaatbeheersing", "climate", "mk", "museumkaart", "museumpas"):
        assert f'"{word}"' in text, word


def test_wagtail_backend_merges_our_settings_with_its_own():
    """The backend object Wagtail builds from our settings carries the Dutch analysis and keeps
    Wagtail's own n-gram analyzers for autocomplete. Creating it opens no connection."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(
        "wagtail.search.backends.elasticsearch9",
        **{k: v for k, v in elasticsearch_backend_settings("http://127.0.0.1:9").items() if k != "BACKEND"},
    )
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"][-1] == "dutch_stemmer"
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12
    page_index = backend.get_index_for_model(__import__("wagtail.models", fromlist=["Page"]).Page)
    assert page_index.name == "museumsite_wagtailcore_page"


def test_page_mapping_sends_our_fields_as_text():
    """The mapping Wagtail derives from our page types: searchable fields are text (analysed with
    the Dutch default analyzer), filter fields are keywords."""
    from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping

    from home.models import StandardPage

    mapping = Elasticsearch9Mapping(StandardPage).get_mapping()["properties"]
    intro = next(value for key, value in mapping.items() if key.endswith("intro"))
    assert intro["type"] == "text" and "analyzer" not in intro
    assert mapping["_all_text"]["type"] == "text"


requires_es = pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against"
)


@pytest.mark.elasticsearch
@requires_es
@pytest.mark.django_db(transaction=True)
def test_dutch_stemming_and_accents_against_a_real_cluster(settings, site_root):
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from home.factories import StandardPageFactory
    from home.models import StandardPage

    prefix = f"museumsite_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, index_prefix=prefix)
    }
    StandardPageFactory(parent=site_root, title="Tentoonstellingen in het museumcafé")
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    try:
        found = [p.title for p in backend.search("tentoonstelling museumcafe", StandardPage.objects.live())]
        assert found == ["Tentoonstellingen in het museumcafé"]
    finally:
        backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@pytest.mark.elasticsearch
@requires_es
@pytest.mark.django_db(transaction=True)
def test_the_search_api_against_a_real_cluster(settings, site_root, client):
    """The same API answers from Elasticsearch: results, facets and a snippet, drafts left out."""
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from home.factories import StandardPageFactory

    prefix = f"museumsite_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, index_prefix=prefix)
    }
    StandardPageFactory(
        parent=site_root, title="Tentoonstellingen in het museumcafé", intro="Over tentoonstellingen."
    )
    StandardPageFactory(parent=site_root, title="Tentoonstelling concept", publish=False)
    call_command("update_index", verbosity=0)
    try:
        body = client.get("/api/v1/search/", {"q": "tentoonstelling"}).json()
        assert [item["title"] for item in body["items"]] == ["Tentoonstellingen in het museumcafé"]
        assert body["facets"]["type"][0]["count"] == 1
        suggestions = client.get("/api/v1/suggest/", {"q": "tentoon"}).json()["items"]
        assert [item["title"] for item in suggestions] == ["Tentoonstellingen in het museumcafé"]
    finally:
        get_search_backend().es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@pytest.mark.elasticsearch
@requires_es
@pytest.mark.django_db(transaction=True)
def test_the_backlog_reaches_a_real_cluster_once_it_answers(settings, site_root):
    """Updates missed while the cluster was away are sent by ``retry_search_index`` and leave
    the backlog; the page is then found."""
    import io

    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from core.models import SearchIndexBacklog
    from home.factories import StandardPageFactory
    from home.models import StandardPage

    prefix = f"museumsite_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, index_prefix=prefix)
    }
    page = StandardPageFactory(parent=site_root, title="Depotbeheer in de praktijk")
    SearchIndexBacklog.record(page, SearchIndexBacklog.Action.ADD, "was away")
    backend = get_search_backend()
    try:
        backend.get_index_for_model(StandardPage).delete_item(page)
        call_command("retry_search_index", stdout=io.StringIO())
        assert not SearchIndexBacklog.objects.exists()
        backend.refresh_index()
        assert [p.title for p in backend.search("depotbeheer", StandardPage.objects.live())] == [page.title]
    finally:
        backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@pytest.mark.elasticsearch
@requires_es
@pytest.mark.django_db(transaction=True)
def test_compounds_synonyms_and_accents_against_a_real_cluster(settings, site_root, client):
    """The project's analysis on a real cluster: a part of a compound, a synonym and a word
    without its accent find their pages through the site search."""
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from home.factories import StandardPageFactory

    prefix = f"museumsite_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, index_prefix=prefix)
    }
    StandardPageFactory(parent=site_root, title="Klimaatbeheersing met bredere marges")
    StandardPageFactory(parent=site_root, title="Wat kost een Museumkaart?")
    StandardPageFactory(parent=site_root, title="Curaçao Museum")
    call_command("update_index", verbosity=0)
    try:
        for query, title in [
            ("klimaat", "Klimaatbeheersing met bredere marges"),
            ("prijs MK", "Wat kost een Museumkaart?"),
            ("Korsou", "Curaçao Museum"),
        ]:
            items = client.get("/api/v1/search/", {"q": query}).json()["items"]
            assert items and items[0]["title"] == title, query
    finally:
        get_search_backend().es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@pytest.mark.elasticsearch
@requires_es
@pytest.mark.django_db(transaction=True)
def test_the_search_score_reaches_the_target_on_a_real_cluster(settings, demo):
    """``manage.py search_quality`` on Elasticsearch with the project's analysis (the index
    built from the demo content first)."""
    import io

    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    prefix = f"museumsite_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend_settings(ELASTICSEARCH_URL, index_prefix=prefix)
    }
    out = io.StringIO()
    try:
        call_command("search_quality", "--update-index", "--min-success", "0.9", stdout=out)
        assert "TOTAL elasticsearch" in out.getvalue()
    finally:
        get_search_backend().es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)
