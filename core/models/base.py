"""The abstract page every page type of the project inherits."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.links import page_url


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

    # --- Listing ----------------------------------------------------------------------

    def get_listing_title(self):
        return self.listing_title or self.title

    def get_listing_summary(self):
        return self.listing_summary or self.search_description or ""

    def get_listing_image(self):
        return self.listing_image or self.social_image

    def get_meta_description(self):
        return self.search_description or self.listing_summary or ""

    # --- Addresses ------------------------------------------------------------------

    def get_public_url(self, request=None):
        """The absolute public address of the page (on ``PUBLIC_BASE_URL``, never the host of
        the Site record): canonical link, Open Graph, JSON-LD and the sitemap use it."""
        return page_url(self, request)

    def get_sitemap_urls(self, request=None):
        return [
            {
                "location": self.get_public_url(request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
            }
        ]

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
