"""The embedded default's cache (``core.cache_backends.LocalMemoryCache``): ``get_many`` under one
lock answers as Django's local-memory cache does."""

import time

import pytest

from core.cache_backends import LocalMemoryCache


@pytest.fixture
def local_cache():
    backend = LocalMemoryCache(
        "test-local-cache", {"TIMEOUT": 300, "OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 3}}
    )
    backend.clear()
    yield backend
    backend.clear()


def test_get_many_returns_present_keys_only(local_cache):
    local_cache.set("a", {"value": 1})
    local_cache.set("b", [2])
    local_cache.set("none", None)
    assert local_cache.get_many(["a", "b", "missing", "none"]) == {"a": {"value": 1}, "b": [2], "none": None}


def test_get_many_leaves_out_and_drops_expired_entries(local_cache, monkeypatch):
    local_cache.set("short", 1, timeout=10)
    local_cache.set("long", 2, timeout=1000)
    later = time.time() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert local_cache.get_many(["short", "long"]) == {"long": 2}
    assert local_cache.make_key("short") not in local_cache._cache


def test_get_many_counts_as_a_use_for_culling(local_cache):
    for key in ("a", "b", "c"):
        local_cache.set(key, key)
    local_cache.get_many(["a"])  # "a" is now the most recently used
    local_cache.set("d", "d")  # over MAX_ENTRIES: the least recently used go
    assert local_cache.get("a") == "a"
    assert local_cache.get("b") is None


def test_get_many_respects_versions(local_cache):
    local_cache.set("k", "v1", version=1)
    local_cache.set("k", "v2", version=2)
    assert local_cache.get_many(["k"], version=2) == {"k": "v2"}
    assert local_cache.get_many(["k"], version=3) == {}
