"""``core.cachetags.cached``: an entry that reads other kept entries depends on them too."""

from django.core.cache import cache

from core.cachetags import bump, cached, collecting, stop_collecting


def _render(calls):
    def inner():
        calls.append("inner")
        return "choices v1" if calls.count("inner") == 1 else "choices v2"

    def outer():
        calls.append("outer")
        return "form with " + cached("test-inner", ["type:core.dossier"], inner)

    return cached("test-outer", ["page:1"], outer)


def test_a_hit_records_the_tags_of_what_the_miss_read():
    cache.clear()
    calls = []
    for _ in range(2):  # the miss, then the hit
        collector, token = collecting()
        try:
            assert _render(calls) == "form with choices v1"
        finally:
            stop_collecting(token)
        assert {"page:1", "type:core.dossier"} <= collector.tags
    assert calls == ["outer", "inner"]  # the hit computed nothing


def test_a_change_of_what_was_read_makes_the_outer_entry_stale():
    cache.clear()
    calls = []
    assert _render(calls) == "form with choices v1"
    bump(["type:core.dossier"])  # a dossier changed: the choices, and the form showing them
    assert _render(calls) == "form with choices v2"
    assert calls == ["outer", "inner", "outer", "inner"]
