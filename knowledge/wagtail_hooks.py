"""Serving hooks of the knowledge base."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.wagtail_hooks import require_wagtail_login

from .members import Visibility


def pages_using_document(document):
    """Ids of the pages that offer ``document``: as a download, a key document, or anywhere in
    their content according to Wagtail's reference index (body blocks, rich-text links)."""
    from .models import ArticleDownload, DossierDocument

    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    return {
        *ArticleDownload.objects.filter(document=document).values_list("page_id", flat=True),
        *DossierDocument.objects.filter(document=document).values_list("page_id", flat=True),
        *(int(object_id) for object_id in referencing.values_list("object_id", flat=True)),
    }


@hooks.register("before_serve_document")
def protect_documents_of_members_pages(document, request):
    """Refuse a document offered only by pages the reader may not see.

    The members-only collection protects the documents placed in it; this check also covers
    a members page's document that an editor left in another collection. A document that at
    least one readable page offers (or no page at all) is served as usual.
    """
    visibility = Visibility(request.user)
    if not visibility.closed:
        return None
    page_ids = pages_using_document(document)
    if not page_ids:
        return None
    pages = Page.objects.filter(pk__in=page_ids).only("pk", "path", "depth")
    if any(visibility.can_view(page) for page in pages):
        return None
    if not request.user.is_authenticated:
        return require_wagtail_login(next=request.get_full_path())
    raise PermissionDenied
