"""Keep the privacy of every page's aliases in step with their source page.

Wagtail copies a page's view restrictions when it creates an alias (the untranslated
pages of the English tree), but not when an editor restricts the source page later. An
alias shows its source's content, so it must carry the same restrictions.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction


def sync_alias_restrictions(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    restrictions = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    for alias in Page.objects.filter(alias_of=page):
        PageViewRestriction.objects.filter(page=alias).delete()
        for restriction in restrictions:
            copy = PageViewRestriction.objects.create(
                page=alias, restriction_type=restriction.restriction_type, password=restriction.password
            )
            copy.groups.set(restriction.groups.all())


def _schedule(restriction):
    page_id = restriction.page_id
    if page_id and not Page.objects.filter(pk=page_id, alias_of__isnull=False).exists():
        sync_alias_restrictions(page_id)


def restriction_saved(sender, instance, **kwargs):
    _schedule(instance)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        _schedule(instance)


def connect():
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="core_pvr_saved")
    post_delete.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="core_pvr_deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="core_pvr_groups",
    )
