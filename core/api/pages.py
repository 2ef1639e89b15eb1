"""``/api/v1/pages/resolve/``: resolve a site path to the typed page a headless front end renders;
``/api/v1/pages/<id>/``: the same answer by page id (what the change feed points at).

The answer has the flat shape of every detail of the API: the page item's fields, the fields every
page has (SEO, breadcrumbs, translations) and the page type's own fields (``get_api_data``), all at
the top level. Only what the public may see resolves (``Visibility.public()``).
"""

from datetime import datetime
from typing import Literal

from django.conf import settings
from django.http import Http404
from ninja import Path, Query, Router
from pydantic import ConfigDict, Field, model_validator
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from core.api.schema import Schema
from core.bounds import MAX_ID
from core.links import public_url
from core.visibility import Visibility

from .conventions import PageItem, PageRef, page_item, page_ref
from .problems import ApiError, Problem

router = Router(tags=["pages"])


class ResolveParams(Schema):
    path: str = Field(
        min_length=1,
        max_length=255,
        pattern="^/",
        description="A site path such as /over-ons/ or /en/about-us/ (language prefix included).",
    )


class PageDetail(PageItem):
    """A page: the item's fields, the fields every page has, and the type's own fields (each
    type's documentation lists them) at the top level."""

    model_config = ConfigDict(extra="allow")

    seo_title: str
    search_description: str
    first_published_at: datetime | None
    breadcrumbs: list[PageRef] = Field(description="Ancestors from the home page down, this page excluded.")
    translations: list[PageItem] = Field(description="This page in the other languages.")
    canonical: PageRef | None = Field(
        description=(
            "For an alias (the same page shown at a second address, e.g. untranslated in another "
            "language's tree): the original, whose address is canonical. Null for a page of its own."
        )
    )

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):
        # Validate the dict itself (not ninja's attribute getter), so that the type's own
        # fields, which this schema does not name, are kept.
        return handler(values)


def _split_language(path):
    parts = [part for part in path.split("/") if part]
    other_languages = {code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    if parts and parts[0] in other_languages:
        return parts[0], parts[1:]
    return settings.LANGUAGE_CODE, parts


def resolve_page(request, path):
    """The live, public page at ``path``, or ``Http404``."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("no site")
    language, parts = _split_language(path)
    locale = Locale.objects.filter(language_code=language).first()
    root = site.root_page.get_translation_or_none(locale) if locale else None
    if root is None:
        raise Http404("no site root in this language")
    page = root.specific.route(request, parts).page  # raises Http404 for missing or non-live pages
    if not Visibility.public().can_view(page):
        raise Http404("not public")
    return page.specific


def page_detail(page, request):
    """The flat detail of ``page`` (a public page, made specific)."""
    visibility = Visibility.public()
    ancestors = page.get_ancestors().filter(depth__gt=1).live()
    translations = visibility.listable(page.get_translations()).select_related("locale")
    own_fields = page.get_api_data(request) if hasattr(page, "get_api_data") else {}
    return {
        **own_fields,
        **page_item(page, request),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "first_published_at": page.first_published_at,
        "breadcrumbs": [page_ref(ancestor, request) for ancestor in ancestors],
        "translations": [page_item(translation, request) for translation in translations],
        "canonical": _canonical(page, request),
    }


def _canonical(page, request):
    if not page.alias_of_id:
        return None
    original = Page.objects.filter(pk=page.alias_of_id).first()
    return (
        page_ref(original, request)
        if original is not None and Visibility.public().can_view(original)
        else None
    )


class RedirectAnswer(Schema):
    """The site redirects this path (a moved page, a changed address, an editor's redirect)."""

    type: Literal["redirect"] = Field(
        description="Always 'redirect': follow `target_path` (or `target_url`)."
    )
    status: Literal[301, 302] = Field(description="301 when the move is permanent, else 302.")
    path: str = Field(description="The path asked for.")
    target_path: str | None = Field(description="Where it leads on this site (null for another site).")
    target_url: str = Field(description="Where it leads, absolute.")
    target: PageRef | None = Field(
        description="The page it leads to (null for an address that is not a page)."
    )


def find_redirect(request, path):
    """The redirect the site answers ``path`` with (Wagtail's redirects, which also record moved
    pages and changed slugs), as a ``RedirectAnswer`` dict, or ``None``. A redirect to a page the
    public may not see is no answer."""
    redirect = get_redirect(request, Redirect.normalise_path(path))
    if redirect is None or not redirect.link:
        return None
    status = 301 if redirect.is_permanent else 302
    if redirect.redirect_page_id:
        target = Page.objects.filter(pk=redirect.redirect_page_id).first()
        if target is None or not Visibility.public().can_view(target):
            return None
        ref = page_ref(target, request)
        return {
            "type": "redirect",
            "status": status,
            "path": path,
            "target_path": ref["path"],
            "target_url": ref["url"],
            "target": ref,
        }
    link = redirect.link
    internal = link.startswith("/") and not link.startswith("//")
    return {
        "type": "redirect",
        "status": status,
        "path": path,
        "target_path": link if internal else None,
        "target_url": public_url(link) if internal else link,
        "target": None,
    }


@router.get(
    "/resolve/",
    response={200: PageDetail | RedirectAnswer, 400: Problem, 404: Problem},
    summary="The page at a site path",
    description=(
        "Resolves a public site path to its page: the item's fields, breadcrumbs, translations and "
        "the type's own fields, all at the top level (flat, as every detail of this API). Drafts, "
        "unpublished pages, pages under an unpublished section and private pages are 404. A path the "
        "site redirects (a moved page, a changed address, an editor's redirect) answers a "
        "`RedirectAnswer` (`type: redirect`) with the target and the status the site uses."
    ),
)
def resolve(request, params: Query[ResolveParams]):
    if not params.path.startswith("/"):
        raise ApiError(
            400,
            "path must start with '/' (e.g. /over-ons/).",
            [{"name": "path", "reason": "must start with '/'"}],
        )
    try:
        page = resolve_page(request, params.path)
    except Http404:
        redirect = find_redirect(request, params.path)
        if redirect is None:
            raise ApiError(404, f"No published page at {params.path}.") from None
        return redirect
    return page_detail(page, request)


class PageIdParams(Schema):
    page_id: int = Field(ge=1, le=MAX_ID, description="The page's id (`id` of any item).")


@router.get(
    "/{page_id}/",
    response={200: PageDetail, 400: Problem, 404: Problem},
    summary="A page by id, whatever its type",
    description=(
        "The same answer as `/pages/resolve/`, by id: where the change feed's `detail` points. "
        "Drafts, unpublished, private pages and aliases are 404."
    ),
)
def page_by_id(request, params: Path[PageIdParams]):
    page = Visibility.public().listable(Page.objects.filter(pk=params.page_id)).first()
    if page is None:
        raise ApiError(404, f"No published page with id {params.page_id}.")
    return page_detail(page.specific, request)
