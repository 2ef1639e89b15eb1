"""Fragments: what a cached fragment's key must name, and lazy values for what only a fragment shows."""

import hashlib

from django.utils.translation import get_language

from core.visibility import Visibility


def visibility_key(visibility):
    """A short name for what a reader may see (the paths closed to them): readers who may see
    the same pages share cached fragments; a members-only page never shows in an anonymous one."""
    key = visibility.__dict__.get("_fragment_key")
    if key is None:  # computed once per visibility (the public one is shared by a process)
        key = hashlib.sha256("\n".join(visibility.closed_paths).encode()).hexdigest()[:16]
        visibility._fragment_key = key
    return key


def fragment_key(name, request, obj, *parts):
    """The cache key of a fragment about ``obj`` as the reader of ``request`` sees it: per
    language, host and what the reader may see."""
    host = request.get_host() if request is not None else ""
    visibility = visibility_key(Visibility.for_request(request))
    return ":".join(["fragment", name, get_language() or "", host, visibility, str(obj.pk), *parts])


class Lazy:
    """A value computed on first use: the template calls it (Django calls callables), so what
    only a cached fragment shows costs nothing when the fragment is a hit."""

    def __init__(self, compute):
        self.compute = compute
        self.done = False
        self.value = None

    def __call__(self):
        if not self.done:
            self.value, self.done = self.compute(), True
        return self.value
