"""A museum is found by its exhibitions' titles: re-index it when one is (un)published. The
museums open at a time are kept (``queries.open_at_ids_q``): forget them when hours change."""

from wagtail.search import index

from core.cachetags import bump, type_tag


def reindex_museum(sender, instance, **kwargs):
    parent = instance.get_parent()
    if parent is not None:
        index.insert_or_update_object(parent.specific)


def hours_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump([type_tag(sender)])
