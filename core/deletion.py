"""Deleting a page never takes other content with it silently.

Relations that hold history or a promise to readers (an award edition's nominations, an event's
venue) refer to pages with ``on_delete=PROTECT``. Django then refuses the delete; this module
finds, before Wagtail starts, everything that would refuse it for a page *and the pages below
it* (Wagtail deletes a subtree by path, not through those relations), so the admin can say what
depends on the page instead of failing halfway.
"""

from collections import defaultdict

from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from wagtail.models import Page


def protected_dependants(page):
    """The objects that refer to ``page`` or a page below it and forbid its deletion."""
    by_model = defaultdict(list)
    for item in Page.objects.descendant_of(page, inclusive=True).specific():
        by_model[type(item)].append(item)
    found = []
    for model, items in by_model.items():
        collector = Collector(using=router.db_for_write(model))
        try:
            collector.collect(items)
        except (ProtectedError, RestrictedError) as error:
            blocking = (
                error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects
            )
            found.extend(blocking)
    return found


def describe(objects, limit=10):
    """``"award nomination: Museumprijs 2024 – Rijksmuseum; event: ..."`` (at most ``limit``)."""
    parts = [f"{obj._meta.verbose_name}: {obj}" for obj in list(objects)[:limit]]
    more = len(objects) - limit
    return "; ".join(parts) + (f" (+{more})" if more > 0 else "")
