"""Elasticsearch 9 settings for Wagtail's search backend, with Dutch analysis.

Wagtail maps text fields without an explicit analyzer, so the index's ``default``
analyzer decides how Dutch text is indexed and searched. Ours lowercases, folds accents
(``museumcafé`` finds ``museumcafe``), splits Dutch compounds into the known parts of
``search.expansion.WORD_PARTS`` (``klimaatbeheersing`` is also indexed as ``klimaat`` and
``beheersing``), drops Dutch stop words and stems with the Dutch Snowball stemmer
(``tentoonstellingen`` finds ``tentoonstelling``), after protecting a few words the stemmer would
mangle. The search analyzer (``default_search``) does the same and adds the synonyms and
phrases of ``search.expansion`` (``MK`` finds ``museumkaart``, ``den bosch`` finds
``hertogenbosch``), so the tables the database backends use feed Elasticsearch too; the site
search also hands Elasticsearch the expanded query (``search.engine``). Autocomplete keeps
Wagtail's edge n-gram analyzer with accent folding.
"""

from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

from .expansion import PHRASES, SYNONYMS, WORD_PARTS, fold

# Words the Dutch stemmer must leave alone (proper names and terms of the trade).
PROTECTED_WORDS = ["museumkaart", "museumregister", "museumnorm", "museumcijfers", "rijksmuseum"]


def synonym_rules():
    """The synonym groups and phrases of ``search.expansion`` in Elasticsearch's Solr format
    (folded, as the tokens are when the synonym filter sees them)."""
    rules = [", ".join(dict.fromkeys(fold(word) for word in group)) for group in SYNONYMS]
    rules += [f"{fold(phrase)} => {fold(word)}" for phrase, word in PHRASES.items()]
    return rules


INDEX_FILTERS = [
    "lowercase",
    "asciifolding",
    "dutch_decompounder",
    "dutch_stop",
    "dutch_keywords",
    "dutch_override",
    "dutch_stemmer",
]
SEARCH_FILTERS = [
    "lowercase",
    "asciifolding",
    "site_synonyms",
    "dutch_decompounder",
    "dutch_stop",
    "dutch_keywords",
    "dutch_override",
    "dutch_stemmer",
]

DUTCH_INDEX_SETTINGS = {
    "settings": {
        "index": {
            "number_of_shards": 1,
            "number_of_replicas": 1,
            "max_ngram_diff": 12,
        },
        "analysis": {
            "filter": {
                "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                "site_synonyms": {"type": "synonym_graph", "synonyms": synonym_rules(), "lenient": True},
                "dutch_decompounder": {
                    "type": "dictionary_decompounder",
                    "word_list": sorted(WORD_PARTS),
                    "min_subword_size": 3,
                    "only_longest_match": False,
                },
                "dutch_keywords": {"type": "keyword_marker", "keywords": PROTECTED_WORDS},
                "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                "dutch_override": {
                    "type": "stemmer_override",
                    "rules": ["fiets=>fiets", "bromfiets=>bromfiets", "ei=>eier", "kind=>kinder"],
                },
            },
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "standard", "filter": INDEX_FILTERS},
                "default_search": {"type": "custom", "tokenizer": "standard", "filter": SEARCH_FILTERS},
            },
        },
    }
}


def elasticsearch_backend_settings(url, *, index_prefix="museumsite_", timeout=5, retries=1):
    """The ``WAGTAILSEARCH_BACKENDS["default"]`` entry for an Elasticsearch 9 cluster at ``url``.

    ``timeout`` (seconds) bounds each request and ``retries`` the retries after a timeout, so a
    hung cluster costs a search at most ``timeout * (retries + 1)`` before its 503."""
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise ImproperlyConfigured(
            f"ELASTICSEARCH_URL must be an http(s) URL such as https://user:pass@host:9200, not {url!r}."
        )
    return {
        "BACKEND": "search.backends",
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "ATOMIC_REBUILD": True,
        "AUTO_UPDATE": True,
        "INDEX_SETTINGS": DUTCH_INDEX_SETTINGS,
        "OPTIONS": {"retry_on_timeout": retries > 0, "max_retries": retries},
    }
