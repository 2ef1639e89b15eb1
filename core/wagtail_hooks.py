from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.wagtail_hooks import require_wagtail_login

from . import cachetags, deletion, documents, reviews, twofactor, twofactor_views
from .dependencies import referenced_page_ids
from .models import Dossier, Organisation, Theme
from .visibility import Visibility


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class DossierViewSet(SnippetViewSet):
    model = Dossier
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale", "themes"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, DossierViewSet, OrganisationViewSet)


register_snippet(TaxonomyGroup)


# Before Wagtail's own collection check (order 0), so that a reader who may not know a document
# exists learns nothing, not even that a login would be asked for.
@hooks.register("before_serve_document", order=-1)
def check_document_download(document, request):
    """A document follows the privacy of the pages that use it (``core.documents``)."""
    return documents.check_download(document, request)


# Before Wagtail's view-restriction check (order 0): a page under an unpublished section does not
# exist for readers, so no login or password form may hint at it.
@hooks.register("before_serve_page", order=-1)
def hide_pages_under_unpublished_sections(page, request, serve_args, serve_kwargs):
    """Wagtail routes to a live page below a page that is not live; the site does not serve it
    (``core.visibility``: every ancestor must be live). View restrictions stay Wagtail's."""
    visibility = Visibility.for_request(request)
    if any(page.path.startswith(path) and page.path != path for path in visibility.hidden_sections):
        raise Http404
    if page.alias_of_id and not visibility.can_view(page):
        # An alias (an untranslated page in another language) whose original this reader may not
        # see: its own tree may be open, the original's section is not.
        if not request.user.is_authenticated:
            return require_wagtail_login(next=request.get_full_path())
        raise Http404


@hooks.register("before_serve_page", order=-2)
def tag_served_page(page, request, serve_args, serve_kwargs):
    """The full-page cache keeps this response until this page changes (``core.pagecache``): the
    page or, for one that shows only its own content and the pages it chooses
    (``shows_pages_below = False``), the page itself and the pages it references."""
    if getattr(page, "shows_pages_below", True):
        cachetags.depends_on(cachetags.page_tag(page))
    else:
        cachetags.narrow(page, *map(cachetags.page_tag, referenced_page_ids(page)))


@hooks.register("before_delete_page")
def refuse_deleting_what_other_content_needs(request, page):
    """A page that other content refers to with ``on_delete=PROTECT`` (a museum with award
    nominations or events) is not deleted: the editor sees what depends on it."""
    dependants = deletion.protected_dependants(page)
    if not dependants:
        return None
    messages.error(
        request,
        gettext(
            "'%(page)s' cannot be deleted: other content depends on it or on a page below it. "
            "Change or remove these first: %(dependants)s."
        )
        % {"page": page.get_admin_display_title(), "dependants": deletion.describe(dependants)},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("register_admin_urls")
def twofactor_urls():
    """The second step's pages (``core.twofactor``), under the admin's own login check."""
    return twofactor_views.urlpatterns


@hooks.register("register_account_menu_item")
def twofactor_account_item(request):
    """An editor without an authenticator app can set one up from their account page (where it
    is not yet required)."""
    if twofactor.has_device(request.user):
        return None
    return {
        "url": reverse(twofactor.SETUP_URL_NAME),
        "label": gettext("Set up two-factor authentication"),
        "help_text": gettext("Ask for a code from an app on your phone after your password."),
    }


# --- first-draft translations (core.reviews) ----------------------------------------------------


@hooks.register("before_edit_page")
def translation_draft_warning(request, page):
    reviews.editor_warning(request, page)


@hooks.register("register_admin_urls")
def translation_review_urls():
    report = reviews.AwaitingReviewView
    urls = [
        path("", report.as_view(), name="index"),
        path("results/", report.as_view(results_only=True), name="results"),
        path("<int:page_id>/reviewed/", reviews.mark_reviewed, name="mark_reviewed"),
        path("<int:page_id>/draft/", reviews.mark_draft, name="mark_draft"),
    ]
    return [path("reports/translations/", include((urls, "translation_reviews")))]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def translation_review_menu_item():
    return EditorMenuItem(
        _("Translations awaiting review"),
        reverse("translation_reviews:index"),
        name="translations-awaiting-review",
        icon_name="warning",
        order=1400,
    )
