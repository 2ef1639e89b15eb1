"""The awards section page and the award page (one per award, with its editions below it)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock, stream_api_representation
from core.models import BasePage

from .. import context, jsonld, serializers
from ..choices import Cycle


class AwardsIndexPage(BasePage):
    """The awards section: every award with its current edition."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), blank=True, help_text=_("Shown below the list of awards.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["awards.AwardPage"]
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("awards index page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **context.index_context(self, request)}

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "body": stream_api_representation(self.body, request),
            "api_list": "/api/v1/awards/",
        }


class AwardPage(BasePage):
    """An award such as the Museumprijs: who gives it, for what, how often; editions below it."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    cycle = models.CharField(
        _("cycle"),
        max_length=20,
        choices=Cycle.choices,
        default=Cycle.YEARLY,
        help_text=_("How often the award is presented."),
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, help_text=_("The year the award was first presented.")
    )
    organisers = ParentalManyToManyField(
        "core.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_awards",
        help_text=_("Who presents the award."),
    )
    partners = ParentalManyToManyField(
        "core.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="partnered_awards",
        help_text=_("Who supports or funds it."),
    )
    themes = ParentalManyToManyField(
        "core.Theme", verbose_name=_("themes"), blank=True, related_name="awards"
    )
    criteria = RichTextField(
        _("criteria"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Who may enter and what the jury looks for."),
    )
    prize_description = models.CharField(
        _("prize"), max_length=255, blank=True, help_text=_("e.g. '€100,000 for the winning plan'.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The award's own website, if any."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cycle"), FieldPanel("first_year")]),
                FieldPanel("prize_description"),
                FieldPanel("website"),
            ],
            heading=_("About the award"),
        ),
        MultiFieldPanel(
            [FieldPanel("organisers"), FieldPanel("partners"), FieldPanel("themes")],
            heading=_("Organisers and themes"),
        ),
        FieldPanel("criteria"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("criteria"),
        index.SearchField("prize_description"),
        index.SearchField("body"),
        index.FilterField("cycle"),
    ]

    parent_page_types = ["awards.AwardsIndexPage"]
    subpage_types = ["awards.AwardEditionPage"]
    schema_type = "EventSeries"

    class Meta:
        verbose_name = _("award page")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **context.award_context(self, request)}

    def get_json_ld(self, request=None):
        return jsonld.award_json_ld(self, super().get_json_ld(request))

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **serializers.award_data(self, request)}
