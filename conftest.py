"""Fixtures shared by every app's tests."""

import io

import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (local memory or the Redis test database)."""
    from django.core.cache import cache

    cache.clear()
    yield


QUERY_COUNTING_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}


@pytest.fixture(autouse=True)
def _page_cache_off_when_counting_queries(request, settings):
    """Query counts measure what a render costs: the full-page cache (which would answer a
    repeated request with no query at all) is off in tests that count queries."""
    if QUERY_COUNTING_FIXTURES & set(request.fixturenames) or request.node.get_closest_marker("uncached"):
        settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site_root(db):
    """The demo site's skeleton: locales nl + en, the Dutch home page as site root with its
    English translation, as ``load_demo``'s first step builds it. Returns the Dutch home page."""
    from core.seeding import SeedContext
    from home.demo import site
    from tests.demo_snapshot import ensure_tree_root

    ensure_tree_root()  # after a transactional test emptied the database
    ctx = SeedContext(io.StringIO(), verbosity=0)
    site(ctx)
    return ctx.home


@pytest.fixture
def en_home(site_root):
    from wagtail.models import Locale

    return site_root.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def demo(db):
    """The whole demo content, as ``load_demo`` builds it: loaded by the first test that asks,
    copied back from a snapshot for the others (``tests/demo_snapshot.py``)."""
    from tests import demo_snapshot

    demo_snapshot.load()
