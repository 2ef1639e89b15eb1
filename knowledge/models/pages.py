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

from ..choices import ArticleKind
from ..members import Visibility


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
        from ..listing import build_listing

        listing = build_listing(request, self)
        response = self.render(
            request, context_overrides={"listing": listing, "kind_choices": ArticleKind.choices}
        )
        if listing.errors:
            response.status_code = 400
        return response

    @path("rss/", name="rss")
    def rss(self, request):
        from ..feeds import article_feed

        return article_feed(request, self)

    def feed_url(self, query_string=""):
        url = self.url + self.reverse_subpage("rss")
        return f"{url}?{query_string}" if query_string else url

    def get_dossiers(self):
        return DossierPage.objects.child_of(self).live().public().select_related("dossier")

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

    class Meta:
        verbose_name = _("dossier page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def document_titles(self):
        return " ".join(item.display_title() for item in self.key_documents.select_related("document"))

    def get_articles(self):
        """Live articles below this page or tagged with its dossier (privacy is the caller's)."""
        condition = Q(path__startswith=self.path, depth__gt=self.depth)
        if self.dossier_id:
            condition |= Q(dossiers=self.dossier_id)
        return (
            ArticlePage.objects.live()
            .filter(condition, locale=self.locale_id, alias_of__isnull=True)
            .distinct()
            .prefetch_related("dossiers", "themes")
            .order_by("-publication_date", "-pk")
        )

    def get_figures_pages(self):
        from .figures import FiguresPage

        return FiguresPage.objects.child_of(self).live().public().order_by("-year")

    def get_related_events(self, limit=5):
        from ..events import related_events

        return related_events(self.dossier, self.locale, limit=limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visibility = Visibility(request.user)
        context["articles"] = [
            {
                "page": article,
                "members_only": visibility.is_restricted(article),
                "can_view": visibility.can_view(article),
            }
            for article in self.get_articles()
        ]
        context["key_documents"] = list(self.key_documents.select_related("document"))
        context["related_events"] = self.get_related_events()
        context["figures_pages"] = list(self.get_figures_pages())
        return context

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        if self.dossier_id:
            data["about"] = {"@type": "Thing", "name": self.dossier.name}
        return data

    def get_api_data(self, request=None):
        from ..api_data import dossier_data

        return {**super().get_api_data(request), **dossier_data(self, request)}


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

    @property
    def members_only(self):
        return self.get_view_restrictions().exists()

    def get_related_articles(self, user=None):
        """Chosen related articles this user may read, else the newest of the same dossiers."""
        from ..members import visible_pages

        chosen = [link.related_page_id for link in self.related_links.all()]
        if chosen:
            queryset = ArticlePage.objects.filter(pk__in=chosen)
        else:
            queryset = (
                ArticlePage.objects.filter(dossiers__in=self.dossiers.all(), locale=self.locale_id)
                .exclude(pk=self.pk)
                .distinct()
                .order_by("-publication_date", "-pk")
            )
        queryset = visible_pages(queryset.live().filter(alias_of__isnull=True), user)
        return list(queryset[:4])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = list(self.downloads.select_related("document"))
        context["related_articles"] = self.get_related_articles(request.user)
        context["members_only"] = self.members_only
        return context

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        data["headline"] = self.title
        data["datePublished"] = self.publication_date.isoformat()
        if self.last_reviewed:
            data["lastReviewed"] = self.last_reviewed.isoformat()
        authors = [{"@type": "Person", "name": a.name} for a in self.authors.all()]
        data["author"] = authors or {"@type": "Organization", "name": "Museumvereniging"}
        data["publisher"] = {"@type": "Organization", "name": "Museumvereniging"}
        data["isAccessibleForFree"] = not self.members_only
        data["keywords"] = [theme.name for theme in self.themes.all()]
        return data

    def get_api_data(self, request=None):
        from ..api_data import article_data

        return {**super().get_api_data(request), **article_data(self, request)}


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
