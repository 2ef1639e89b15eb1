"""Members-only content: the members group, its document collection and restricting a page.

Members-only pages use Wagtail's own privacy: a ``PageViewRestriction`` of type "groups"
naming the members group (``settings.MEMBERS_GROUP_NAME``), set by editors with the page's
privacy control or by ``restrict_to_members``. It applies to the page and everything below it.

Who may see what is not decided here but by the one rule of the site, ``core.visibility``,
exactly as Wagtail judges it when it serves a page:

- a "login" restriction needs a logged-in reader, a "groups" restriction a member of one of
  its groups (superusers pass);
- a "password" restriction needs its password entered in this session (Wagtail's password
  form): until then the page is left out of every listing, and it is never counted in a
  listing's "N more articles for members" line, since logging in does not open it.

HTML pages judge the reader (``Visibility.for_request(request)``); the feed and the API judge
the public (``Visibility.public()``), whoever asks. Nothing a reader may not open is shown to
them by title, summary or document: listings only say how many articles a login would open.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, PageViewRestriction

MEMBERS_COLLECTION_NAME = "Alleen voor leden"


def members_group():
    """The members group (created on first use)."""
    return Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0]


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
