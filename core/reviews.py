"""First-draft translations: pages in a language of ``settings.TRANSLATION_REVIEW_LANGUAGES``
(Papiamentu) await review by a native speaker until an editor marks them as reviewed.

- the page editor shows a warning on every such page that is not reviewed yet, with a link to
  the report (``before_edit_page``);
- the report *Translations awaiting review* (menu Reports) lists them all, each with a button
  that marks it as reviewed (``mark_reviewed``; ``mark_draft`` undoes it);
- the public page carries a short note (``{% translation_draft page %}`` in ``base.html``).

Aliases (pages not translated at all) are not drafts: they show the Dutch original, marked as
such. Marking and unmarking invalidate the page like a publish does.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import invalidation
from core.cachetags import cached, page_tag
from core.models import TranslationReview


def review_languages():
    """The language codes whose translations are first drafts until reviewed."""
    return tuple(getattr(settings, "TRANSLATION_REVIEW_LANGUAGES", ()))


def awaiting_review(queryset=None):
    """The translated pages (not aliases, not the tree's root) in a review language that no one
    has marked as reviewed yet."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(
        locale__language_code__in=review_languages(), alias_of__isnull=True, depth__gt=1
    ).exclude(Exists(TranslationReview.objects.filter(page_id=OuterRef("pk"))))


def needs_review(page):
    """Whether ``page`` is a first draft awaiting review (one query; see ``is_draft``)."""
    if page is None or not getattr(page, "pk", None) or getattr(page, "alias_of_id", None):
        return False
    return awaiting_review(Page.objects.filter(pk=page.pk)).exists()


def is_draft(page, language):
    """``needs_review`` for a page served in ``language``, without a query for the languages
    that need no review and kept under the page's tag for the others."""
    if language not in review_languages() or page is None or getattr(page, "alias_of_id", None):
        return False
    if not getattr(page, "pk", None):
        return False
    return cached(f"translation-draft:{page.pk}", [page_tag(page)], lambda: needs_review(page))


# --- the admin ------------------------------------------------------------------------------


def _can_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def _back(request, page):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("wagtailadmin_pages:edit", page.pk)


def _touched(page):
    """The public page, its listings and feeds show the note: invalidate as a publish would."""
    specific = page.specific
    invalidation.page_changed(sender=type(specific), instance=specific)


@require_POST
def mark_reviewed(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not _can_publish(request.user, page):
        raise PermissionDenied
    if page.locale.language_code not in review_languages() or page.alias_of_id:
        messages.error(request, gettext("Only translations in a language under review can be marked."))
        return _back(request, page)
    TranslationReview.objects.update_or_create(page=page, defaults={"reviewed_by": request.user})
    _touched(page)
    messages.success(request, gettext("“%(title)s” is marked as reviewed.") % {"title": page.title})
    return _back(request, page)


@require_POST
def mark_draft(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not _can_publish(request.user, page):
        raise PermissionDenied
    TranslationReview.objects.filter(page=page).delete()
    _touched(page)
    messages.success(request, gettext("“%(title)s” is a first draft again.") % {"title": page.title})
    return _back(request, page)


def editor_warning(request, page):
    """``before_edit_page``: say on a draft translation's edit view that it awaits review."""
    if request.method != "GET" or not needs_review(page):
        return
    messages.warning(
        request,
        gettext(
            "This %(language)s text is a first draft awaiting review by a native speaker. "
            "Mark it as reviewed once someone who reads the language has checked it."
        )
        % {"language": page.locale.get_display_name()},
        buttons=[
            messages.button(reverse("translation_reviews:index"), gettext("Translations awaiting review"))
        ],
    )


class ReviewButtonColumn(Column):
    """A "Mark as reviewed" button (a POST form) in each row of the report."""

    cell_template_name = "core/admin/review_button_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class AwaitingReviewView(ReportView):
    """Every first-draft translation, oldest first, for whoever may edit pages."""

    page_title = _("Translations awaiting review")
    header_icon = "warning"
    index_url_name = "translation_reviews:index"
    index_results_url_name = "translation_reviews:results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Page"), get_url=_edit_url),
        Column("locale", label=_("Language"), accessor="locale.language_code"),
        DateColumn("last_published_at", label=_("Last published")),
        ReviewButtonColumn("review", label=_("Review")),
    ]
    list_export = ["title", "url_path", "last_published_at"]

    def get_filename(self):
        return "translations-awaiting-review"

    def get_queryset(self):
        return awaiting_review().select_related("locale").order_by("locale__language_code", "path")
