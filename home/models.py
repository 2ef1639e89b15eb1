from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.api.conventions import page_ref
from core.blocks import BaseStreamBlock, image_api_representation, stream_api_representation
from core.images import attach_images
from core.models import BasePage
from core.visibility import Visibility


class HomePage(BasePage):
    """The root of a language's site: hero, featured items from any section and a body."""

    hero_title = models.CharField(_("hero title"), max_length=150)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=400)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image behind the hero title; its alt text comes from the image title."),
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero link label"), max_length=60, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                PageChooserPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel("featured_items", label=_("Featured items"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    # One home page per language sits under the root.
    parent_page_types = ["wagtailcore.Page"]
    schema_type = "WebSite"
    # Its cards are chosen (featured items, the hero link), not listed: a change below it that
    # none of them shows leaves it as it is (the menu is the chrome's).
    shows_pages_below = False

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visibility = Visibility.for_request(request)
        hero_link = self.hero_link_page
        context["hero_link"] = hero_link if hero_link is not None and visibility.can_view(hero_link) else None
        context["featured"] = self.get_featured(visibility)
        return context

    def get_featured(self, visibility):
        """Featured items whose page is live and ``visibility`` lets the reader see, in editor
        order, as ``{"page", "title"}`` (two queries). An alias an editor chose stays: it is the
        page served in this language."""
        items = list(self.featured_items.all())
        chosen = Page.objects.filter(pk__in=[item.page_id for item in items]).live()
        pages = visibility.filter(chosen).specific().in_bulk()
        attach_images(list(pages.values()))  # the cards' images with their renditions
        return [
            {"page": pages[item.page_id], "title": item.title or pages[item.page_id].get_listing_title()}
            for item in items
            if item.page_id in pages
        ]

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        search_url = self.get_public_url(request).rstrip("/") + "/zoeken/?q={query}"
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": search_url,
            "query-input": "required name=query",
        }
        return data

    def get_api_data(self, request=None):
        """The API is public: the hero link and the featured items are those everyone may see,
        each a page reference (``PageRef``; a featured item's ``title`` is its own)."""
        visibility = Visibility.public()
        hero_link = self.hero_link_page
        return {
            **super().get_api_data(request),
            "hero": {
                "title": self.hero_title,
                "text": self.hero_text,
                "image": image_api_representation(self.hero_image, request),
                "link": {"page": page_ref(hero_link, request), "label": self.hero_link_label}
                if hero_link is not None and visibility.can_view(hero_link)
                else None,
            },
            "featured": [
                {**page_ref(f["page"], request), "title": f["title"]} for f in self.get_featured(visibility)
            ],
            "body": stream_api_representation(self.body, request),
        }


class FeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Any page from any section: an event, a museum, an article, ..."),
    )
    title = models.CharField(
        _("title"), max_length=150, blank=True, help_text=_("Overrides the page's listing title.")
    )

    panels = [PageChooserPanel("page"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class StandardPage(BasePage):
    """A flexible content page: about us, the accessibility statement, privacy, ..."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "body": stream_api_representation(self.body, request),
        }
