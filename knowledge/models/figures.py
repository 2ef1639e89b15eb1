"""Museumcijfers: one page per year with its figures entered as data."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.charts import format_value
from core.models import BasePage

from ..choices import FigureKey, FigureUnit, unit_for
from ..context import figures_context
from ..jsonld import figures_json_ld
from ..serializers import figures_data


class FiguresPage(BasePage):
    """The Museumcijfers of one year; together the figures pages show the trend."""

    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year the figures are about."))
    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Where the figures come from, e.g. the research report."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("intro"),
        InlinePanel("figures", label=_("Figures")),
        FieldPanel("source"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("year"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage", "knowledge.DossierPage"]
    subpage_types = []
    schema_type = "Dataset"

    class Meta:
        verbose_name = _("Museumcijfers page")
        verbose_name_plural = _("Museumcijfers pages")

    def clean(self):
        super().clean()
        if self.year and not 1900 <= self.year <= 2100:
            raise ValidationError({"year": _("Enter a year between 1900 and 2100.")})
        others = FiguresPage.objects.filter(year=self.year, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.year and others.exists():
            raise ValidationError({"year": _("There already is a figures page for this year.")})

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    def figure_map(self):
        return {figure.key: figure for figure in self.figures.all()}

    def get_trend_pages(self):
        """Live figures pages of this page's language, oldest year first (privacy is the
        caller's: ``core.visibility``)."""
        return (
            FiguresPage.objects.live().filter(locale=self.locale_id, alias_of__isnull=True).order_by("year")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(figures_context(self, request))
        return context

    def get_json_ld(self, request=None):
        return figures_json_ld(self, super().get_json_ld(request))

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **figures_data(self)}


class Figure(Orderable):
    page = ParentalKey(FiguresPage, on_delete=models.CASCADE, related_name="figures")
    key = models.CharField(_("figure"), max_length=40, choices=FigureKey.choices)
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The full number (30900000, not 30.9 million); a percentage as 20."),
    )
    is_estimate = models.BooleanField(
        _("estimate"),
        default=False,
        help_text=_("Tick when the figure is an estimate, not a measured total."),
    )
    notes = models.CharField(
        _("notes"),
        max_length=255,
        blank=True,
        help_text=_("Source or remarks, e.g. how an estimate was made."),
    )

    panels = [FieldPanel("key"), FieldPanel("value"), FieldPanel("is_estimate"), FieldPanel("notes")]

    class Meta(Orderable.Meta):
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="knowledge_figure_unique_key_per_page")
        ]

    def __str__(self):
        return f"{self.get_key_display()}: {self.value}"

    @property
    def unit(self):
        return unit_for(self.key)

    def display_value(self):
        if self.unit == FigureUnit.PERCENT:
            return format_value(float(self.value), "%")
        return format_value(float(self.value))
