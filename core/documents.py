"""Who may download a document: the pages that use it decide.

Documents are served only by Wagtail's checked download view ``/documents/<id>/<name>``; their
files sit in a storage without a public address (``core.storage``). Before the view hands a file
over, ``check_download`` (a ``before_serve_document`` hook) lets it through when

1. the reader works with documents in the admin: has access to the admin and may change or
   choose this document (its collection's permissions; superusers may), so editors can check
   the documents of drafts and previews, and has passed the admin's second step when it is
   asked of them (``core.twofactor``: a password alone opens no editors-only document); or
2. the reader may see (``core.visibility``) at least one page that uses the document, according
   to Wagtail's reference index: download blocks, rich-text links and page relations such as an
   article's downloads. Wagtail indexes a page's own row, which holds the *live* content of a
   published page: a document added only in a newer, unpublished revision is not (yet) used,
   and a page that is not live (a draft, or unpublished) opens nothing to readers.

A document used by one public and one members-only page is therefore public: whoever can read
the public page can download it there, so refusing it elsewhere would protect nothing. A
document that no readable page uses (new uploads, documents of drafts, of removed pages) is
open to editors only.

Otherwise the download is refused without a byte of the file: anonymous readers are sent to the
login page when logging in would open a page that uses the document (a live page behind a login
or members restriction, as Wagtail does for the page itself); everyone else gets "not found",
so a reader learns nothing of documents they may not know about.

Collection view restrictions (e.g. the members-only collection) keep applying after this check:
Wagtail's own hook asks for the login or password they require.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.wagtail_hooks import require_wagtail_login

from . import twofactor
from .storage import DOCUMENTS_STORAGE_ALIAS
from .visibility import Visibility


def pages_using(document):
    """The pages whose (live, for a published page) content uses ``document``."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    if not page_ids:
        return []
    return list(Page.objects.filter(pk__in=page_ids).only("pk", "path", "depth", "live"))


def works_with_documents(user, document):
    """Whether ``user`` handles ``document`` in the admin (an editor)."""
    if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def opens_with_login(visibility, page):
    """Whether logging in could open ``page``, which ``visibility`` does not (a live page closed
    only by login or members restrictions, not by a password or an unpublished section)."""
    if not page.live:
        return False
    blocking = [
        restriction.path
        for restriction in visibility.closed_restrictions
        if restriction.kind == BaseViewRestriction.PASSWORD
    ] + visibility.hidden_sections
    return not any(page.path.startswith(path) for path in blocking)


def check_download(document, request):
    """``None`` when the reader of ``request`` may download ``document`` (see the module's
    documentation); else a redirect to the login page, or ``Http404``."""
    visibility = Visibility.for_request(request)
    pages = pages_using(document)
    if any(visibility.can_view(page) for page in pages):
        return None
    user = getattr(request, "user", None)
    if works_with_documents(user, document) and twofactor.pending_step(user) is None:
        return None  # an editor, past the admin's second step when it is asked (core.twofactor)
    anonymous = user is None or not user.is_authenticated
    if anonymous and any(opens_with_login(visibility, page) for page in pages):
        return require_wagtail_login(next=request.get_full_path())
    raise Http404("No document here.")


def use_documents_storage():
    """Store the files of Wagtail's documents in the ``documents`` storage (``core.storage``).

    Wagtail has no setting for the storage of ``wagtaildocs.Document.file`` (only renditions
    have one) and a custom document model would move every document, its permissions and the
    references to it to a new table; so the field gets its storage when the app is ready
    (``CoreConfig.ready()``). The storage is a deployment choice, like ``MEDIA_ROOT``, not part
    of the schema: the field still describes itself to migrations as Wagtail ships it, so
    ``makemigrations`` writes no migration into Wagtail's app.
    """
    field = get_document_model()._meta.get_field("file")
    field.storage = storages[DOCUMENTS_STORAGE_ALIAS]
    if getattr(field, "_shipped_deconstruct", None) is None:
        field._shipped_deconstruct = field.deconstruct

        def deconstruct():
            name, path, args, kwargs = field._shipped_deconstruct()
            kwargs.pop("storage", None)
            return name, path, args, kwargs

        field.deconstruct = deconstruct
