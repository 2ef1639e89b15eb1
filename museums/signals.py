"""A museum is found by its exhibitions' titles: re-index it when one is (un)published."""

from wagtail.search import index


def reindex_museum(sender, instance, **kwargs):
    parent = instance.get_parent()
    if parent is not None:
        index.insert_or_update_object(parent.specific)
