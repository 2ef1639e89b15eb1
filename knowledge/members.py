"""Members-only content: the members group, its document collection and page visibility.

Members-only pages use Wagtail's own privacy: a ``PageViewRestriction`` of type "groups"
naming the members group. This module answers which pages a given user may read, so the
listing, its search and the document check apply exactly the rules Wagtail applies when
it serves a page.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, PageViewRestriction

MEMBERS_GROUP_NAME = getattr(settings, "KNOWLEDGE_MEMBERS_GROUP", "Leden")
MEMBERS_COLLECTION_NAME = "Alleen voor leden"


def members_group():
    from django.contrib.auth.models import Group

    return Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)[0]


@transaction.atomic
def members_collection():
    """The document collection only members may download (created on first use)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBERS_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=MEMBERS_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    restriction.groups.add(members_group())
    return collection


def restrict_to_members(page):
    """Make ``page`` (and everything below it) readable by members only."""
    restriction = PageViewRestriction.objects.filter(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=BaseViewRestriction.GROUPS
        )
    restriction.groups.add(members_group())
    return restriction


def _passes(restriction, user, group_ids):
    if restriction.restriction_type == BaseViewRestriction.NONE:
        return True
    if user is None or not user.is_authenticated:
        return False
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return user.is_superuser or bool(group_ids & {group.pk for group in restriction.groups.all()})
    # A shared password is checked per session; without one the page stays closed.
    return False


class Visibility:
    """The page view restrictions of the site, judged for one user (three queries at most)."""

    def __init__(self, user=None):
        self.user = user
        restrictions = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        group_ids = set()
        if user is not None and user.is_authenticated and restrictions:
            group_ids = set(user.groups.values_list("pk", flat=True))
        self.restricted_paths = [r.page.path for r in restrictions]
        self.closed = [r.page for r in restrictions if not _passes(r, user, group_ids)]

    def is_restricted(self, page):
        """Whether ``page`` sits in a private section (whoever is asking)."""
        return any(page.path.startswith(path) for path in self.restricted_paths)

    def can_view(self, page):
        return not any(page.path.startswith(closed.path) for closed in self.closed)

    def filter(self, queryset):
        """``queryset`` without the pages this user may not read."""
        q = Q()
        for page in self.closed:
            q |= queryset.descendant_of_q(page, inclusive=True)
        return queryset.exclude(q) if q else queryset


def visible_pages(queryset, user=None):
    return Visibility(user).filter(queryset)
