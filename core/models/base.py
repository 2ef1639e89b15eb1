"""The abstract page every page type of the project inherits."""

from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core import preview
from core.cachetags import cached
from core.dependencies import RESOLVER
from core.links import page_url, same_as_wagtail, url_parts
from core.visibility import Visibility

# Set on a page found by ``BasePage.route``: its ancestors (generic pages, the tree root first),
# loaded with the routing query, for breadcrumbs and the view-restriction check.
ROUTE_ANCESTORS = "_route_ancestors"


class TreeChanged(Exception):
    """The tree changed while ``BasePage.route`` read it (Wagtail's own walk takes over)."""


def _takes_over(page, remaining):
    """Whether ``page`` (a generic page on the path) routes ``remaining`` (the path components
    below it) itself, where ``BasePage.route`` would look for a child: a type with its own
    ``route``, or a routable page (``RoutablePageMixin``) with a sub-page route that matches."""
    model = page.specific_class
    route = getattr(model, "route", None)
    if route is BasePage.route:
        return False
    if route is RoutablePageMixin.route and page.live and remaining:
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False  # no sub-page route: Wagtail goes on to the children, as here
    return True


class BasePage(Page):
    """Adds SEO, social sharing and listing fields, JSON-LD and the API hook.

    Subclasses override ``get_json_ld`` (schema.org data for the page) and
    ``get_api_data`` (their type-specific fields in the headless API).
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        help_text=_("Shown when the page is shared on social media (1200 × 630 works best)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("A shorter title for lists and cards; the page title when empty."),
    )
    listing_summary = models.TextField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists, cards and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        help_text=_("Shown on cards and in lists; the social image when empty."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("Search engines"),
        ),
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Social media")),
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Lists and cards"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Navigation")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("search_description"),
    ]

    class Meta:
        abstract = True

    # --- Preview ----------------------------------------------------------------------

    @property
    def preview_modes(self):
        """Wagtail's own preview and the front end's (``core.preview``)."""
        return [*super().preview_modes, (preview.MODE, _("Front end (headless)"))]

    def serve_preview(self, request, mode_name):
        if mode_name != preview.MODE:
            return super().serve_preview(request, mode_name)
        if not self.pk:
            return HttpResponse(
                _("Save a draft first: the front end previews saved pages."),
                content_type="text/plain; charset=utf-8",
            )
        token = preview.issue(self)
        site = self.get_site()
        response = HttpResponseRedirect(preview.preview_address(self, token, site))
        response["Cache-Control"] = "private, no-store"
        return response

    # --- Listing ----------------------------------------------------------------------

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        return self.listing_summary or self.search_description or ""

    def get_listing_image(self):
        """The listing image, else the social image, else the page's own image (``image``)."""
        return self.listing_image or self.social_image or getattr(self, "image", None)

    def get_meta_description(self):
        return self.search_description or self.listing_summary or ""

    # --- Routing ----------------------------------------------------------------------

    @same_as_wagtail
    def get_url_parts(self, request=None):
        """Wagtail's answer, without a ``reverse`` per page (``core.links.url_parts``)."""
        parts = url_parts(self, request)
        return super().get_url_parts(request) if parts is NotImplemented else parts

    def route(self, request, path_components):
        """Wagtail's routing without a query when the cache has the path: the pages along the
        path (and this page's ancestors, from one query) and the page found as its own type (one
        more) are kept until any page changes (tag ``resolver``, bumped by ``core.dependencies``
        on every publish, unpublish, move, delete and privacy change); Wagtail's walk costs two
        queries per level. A page on the way whose type routes on its own (sub-page
        routes) takes over with the rest of the path, as in Wagtail."""
        if not path_components:
            return super().route(request, path_components)
        key = f"route:{self.pk}:{'/'.join(path_components)}"
        try:
            chain, used, page = cached(key, [RESOLVER], lambda: self._walk(path_components), record=False)
        except TreeChanged:
            return super().route(request, path_components)
        page._cached_parent_obj = chain[-2]
        setattr(page, ROUTE_ANCESTORS, chain[:-1])
        return page.route(request, path_components[used:])

    def _walk(self, path_components):
        """``(chain, used, page)`` for ``route``: the generic pages from the tree root to the page
        found (locales loaded), how many path components it took and the page found as its own
        type. Raises ``Http404`` when no
        page answers the path, ``TreeChanged`` when the tree changed while it was read."""
        steplen = self.steplen
        prefixes = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        pages = Page.objects.filter(
            Q(path__in=prefixes)
            | Q(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=path_components,
            )
        ).select_related("locale")
        by_path = {}
        children = {}
        for page in pages:
            by_path[page.path] = page
            if page.depth > self.depth:
                children[(page.path[:-steplen], page.slug)] = page
        chain = [by_path[prefix] for prefix in prefixes if prefix in by_path]
        if len(chain) != len(prefixes):
            raise TreeChanged
        found, used = None, 0
        for slug in path_components:
            child = children.get((chain[-1].path, slug))
            if child is None:
                break
            chain.append(child)
            found, used = child, used + 1
            if _takes_over(child, path_components[used:]):
                break
        if found is None or (used < len(path_components) and not _takes_over(found, path_components[used:])):
            raise Http404
        page = found.specific
        page.locale = found.locale
        return chain, used, page

    def get_view_restrictions(self):
        """Wagtail's answer, without its two queries when routing loaded the ancestors and none
        of them (nor this page) is an alias or under a view restriction (``core.visibility``
        keeps every restriction's path, invalidated when one changes)."""
        ancestors = self.__dict__.get(ROUTE_ANCESTORS)
        if (
            ancestors is not None
            and self.alias_of_id is None
            and all(ancestor.alias_of_id is None for ancestor in ancestors)
            and not Visibility.public().is_restricted(self)
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_breadcrumb_ancestors(self):
        """The ancestors below the tree root (the home page first), for breadcrumbs: from
        routing when it loaded them, else one query."""
        if self.depth <= 2:
            return []
        ancestors = self.__dict__.get(ROUTE_ANCESTORS)
        if ancestors is None:
            ancestors = list(self.get_ancestors())
        return [ancestor for ancestor in ancestors if not ancestor.is_root()]

    # --- Addresses ------------------------------------------------------------------

    def get_public_url(self, request=None):
        """The absolute public address of the page (on ``PUBLIC_BASE_URL``, never the host of
        the Site record): canonical link, Open Graph, JSON-LD and the sitemap use it."""
        return page_url(self, request)

    def get_sitemap_urls(self, request=None):
        return [
            {
                "location": page_url(self, request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
            }
        ]

    # Whether the page shows pages below it (a listing of its children, an index): a change of
    # any of them makes it stale. A page that shows only its own content and the pages it
    # chooses (the home page's featured cards) says ``False``: it is then stale only when it, or a
    # page it references, changes (``core.wagtail_hooks.tag_served_page``).
    shows_pages_below = True

    # --- schema.org -------------------------------------------------------------------

    schema_type = "WebPage"

    def get_json_ld(self, request=None):
        """The page's schema.org data as a dict (rendered by the ``json_ld`` tag)."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.seo_title or self.title,
            "url": self.get_public_url(request),
            "inLanguage": self.locale.language_code,
        }
        description = strip_tags(self.get_meta_description())
        if description:
            data["description"] = description
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return data

    # --- The headless API -------------------------------------------------------------

    def get_api_data(self, request=None):
        """Type-specific fields for ``/api/v1/pages/resolve/``; subclasses extend it."""
        return {
            "listing_title": self.get_listing_title(),
            "listing_summary": self.get_listing_summary(),
        }
