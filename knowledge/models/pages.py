"""The knowledge base's pages: the index (listing + feed), dossiers and articles."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.tree import children_of
from core.visibility import Visibility

from ..choices import ArticleKind
from ..context import article_context, dossier_context, index_context
from ..feeds import article_feed
from ..jsonld import article_json_ld, dossier_json_ld
from ..serializers import article_data, dossier_data
from .figures import FiguresPage


class DownloadMixin(models.Model):
    """A document with an optional title shown instead of the document's own."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "For a members-only page, choose a document from the members-only collection so a "
            "guessed download address is refused to others as well."
        ),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Shown instead of the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta:
        abstract = True

    def display_title(self):
        return self.title or self.document.title


class KnowledgeIndexPage(RoutablePageMixin, BasePage):
    """The knowledge base: all articles with filters, search, pages and an RSS feed."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.DossierPage", "knowledge.ArticlePage", "knowledge.FiguresPage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("knowledge base")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    @path("")
    def listing(self, request):
        context = index_context(self, request)
        response = self.render(request, context_overrides=context)
        if context["listing"].errors:
            response.status_code = 400
        return response

    @path("rss/", name="rss")
    def rss(self, request):
        return article_feed(request, self)

    def feed_url(self):
        return self.url + self.reverse_subpage("rss")

    def get_articles(self):
        """Live articles of this page's language, newest first, with the aliases of articles
        not translated into it yet (privacy is the caller's: ``core.visibility``)."""
        return ArticlePage.objects.live().filter(locale=self.locale_id).order_by("-publication_date", "-pk")

    def get_dossiers(self):
        """Live dossier pages below this page (privacy is the caller's)."""
        return children_of(DossierPage.objects.live(), self).select_related("dossier").order_by("path")

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "feed_url": self.feed_url(),
        }


class DossierPage(BasePage):
    """A long-running subject with its lead contact, key documents, articles and events."""

    dossier = models.ForeignKey(
        "core.Dossier",
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Articles tagged with this dossier are listed on the page."),
    )
    intro = models.TextField(_("introduction"), max_length=800)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    lead_contact_name = models.CharField(_("lead contact"), max_length=150, blank=True)
    lead_contact_role = models.CharField(_("lead contact's role"), max_length=150, blank=True)
    lead_contact_email = models.EmailField(
        _("lead contact's e-mail"), blank=True, help_text=_("A role address where possible.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("dossier"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("lead_contact_name"),
                FieldRowPanel([FieldPanel("lead_contact_role"), FieldPanel("lead_contact_email")]),
            ],
            heading=_("Lead contact"),
        ),
        InlinePanel("key_documents", label=_("Key documents")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("document_titles"),
        index.FilterField("dossier"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.ArticlePage", "knowledge.FiguresPage"]
    schema_type = "CollectionPage"
    # Lists the articles and events tagged with its dossier (``core.dependencies``).
    lists_by = ("dossier",)

    class Meta:
        verbose_name = _("dossier page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def document_titles(self):
        return " ".join(item.display_title() for item in self.key_documents.select_related("document"))

    def get_articles(self):
        """Live articles below this page or tagged with its dossier, newest first (privacy is
        the caller's: ``core.visibility``)."""
        condition = Q(path__startswith=self.path, depth__gt=self.depth)
        if self.dossier_id:
            condition |= Q(dossiers=self.dossier_id)
        return (
            ArticlePage.objects.live()
            .filter(condition, locale=self.locale_id)
            .distinct()
            .order_by("-publication_date", "-pk")
        )

    def get_figures_pages(self):
        """Live figures pages below this page, newest year first (privacy is the caller's)."""
        return children_of(FiguresPage.objects.live(), self).order_by("-year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dossier_context(self, request))
        return context

    def get_json_ld(self, request=None):
        return dossier_json_ld(self, super().get_json_ld(request))

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **dossier_data(self, request, Visibility.public())}


class DossierDocument(DownloadMixin, Orderable):
    page = ParentalKey(DossierPage, on_delete=models.CASCADE, related_name="key_documents")

    class Meta(Orderable.Meta):
        verbose_name = _("key document")
        verbose_name_plural = _("key documents")

    def __str__(self):
        return self.display_title()


ARTICLE_SCHEMA_TYPES = {
    ArticleKind.REPORT: "Report",
    ArticleKind.NEWS: "NewsArticle",
}


class ArticlePage(BasePage):
    """An article, guide, report, toolkit, advice or news item, public or for members only."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.ARTICLE
    )
    publication_date = models.DateField(
        _("publication date"), default=datetime.date.today, help_text=_("Lists show the newest first.")
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the content was last checked and found correct."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        help_text=_(
            "Shown above the article and on its card; the image's description is its alternative text."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(
        "core.Theme", verbose_name=_("themes"), blank=True, related_name="knowledge_articles"
    )
    dossiers = ParentalManyToManyField(
        "core.Dossier",
        verbose_name=_("dossiers"),
        blank=True,
        related_name="knowledge_articles",
        help_text=_("The dossiers this item belongs to; it is listed on their pages."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date"), FieldPanel("last_reviewed")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("authors", label=_("Authors")),
        InlinePanel("downloads", label=_("Downloads")),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    promote_panels = [
        MultiFieldPanel([FieldPanel("dossiers"), FieldPanel("themes")], heading=_("Dossiers and themes")),
        *BasePage.promote_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("document_titles"),
        index.SearchField("author_names"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage", "knowledge.DossierPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")

    @property
    def schema_type(self):
        return ARTICLE_SCHEMA_TYPES.get(self.kind, "Article")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def get_listing_summary(self):
        return super().get_listing_summary() or self.intro

    def document_titles(self):
        return " ".join(item.display_title() for item in self.downloads.select_related("document"))

    def author_names(self):
        return " ".join(author.name for author in self.authors.all())

    def get_related_articles(self):
        """The chosen related articles, else the newest of the same dossiers (live; privacy is
        the caller's: ``core.visibility``)."""
        chosen = [link.related_page_id for link in self.related_links.all()]
        if chosen:
            queryset = ArticlePage.objects.filter(pk__in=chosen).order_by("-publication_date", "-pk")
        else:
            queryset = (
                ArticlePage.objects.filter(dossiers__in=self.dossiers.all(), locale=self.locale_id)
                .exclude(pk=self.pk)
                .distinct()
                .order_by("-publication_date", "-pk")
            )
        return queryset.live().filter(alias_of__isnull=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context

    def get_json_ld(self, request=None):
        return article_json_ld(self, super().get_json_ld(request))

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **article_data(self, request, Visibility.public())}


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True, help_text=_("E.g. 'policy adviser'."))

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class ArticleDownload(DownloadMixin, Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="downloads")

    class Meta(Orderable.Meta):
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self):
        return self.display_title()


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page", "knowledge.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")

    def __str__(self):
        return str(self.related_page)
