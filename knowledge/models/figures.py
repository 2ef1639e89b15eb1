"""Museumcijfers: one page per year with its figures entered as data."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage

from ..choices import FigureKey, FigureUnit, unit_for

# The trend charts on every figures page: (title, figure keys, divisor, unit).
TREND_CHARTS = [
    (
        _("Museum visits per year"),
        [FigureKey.TOTAL_VISITS, FigureKey.FOREIGN_VISITS, FigureKey.MUSEUMKAART_VISITS],
        1_000_000,
        _("million"),
    ),
    (_("Museumkaart holders per year"), [FigureKey.MUSEUMKAART_HOLDERS], 1_000_000, _("million")),
]


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

    @classmethod
    def trend_pages(cls, locale):
        """All live, public figures pages of a language, oldest year first, figures prefetched."""
        return list(
            cls.objects.live()
            .public()
            .filter(locale=locale, alias_of__isnull=True)
            .prefetch_related("figures")
            .order_by("year")
        )

    def get_trend_charts(self):
        from core.charts import format_value, render_chart

        pages = self.trend_pages(self.locale)
        if len(pages) < 2:
            return []
        charts = []
        for title, keys, divisor, unit in TREND_CHARTS:
            maps = [page.figure_map() for page in pages]
            keys = [key for key in keys if any(key in m for m in maps)]
            if not keys:
                continue
            series, notes = [], {}
            for s, key in enumerate(keys):
                values = []
                for i, figures in enumerate(maps):
                    figure = figures.get(key)
                    values.append(float(figure.value) / divisor if figure else None)
                    if figure and figure.is_estimate:
                        notes[(i, s)] = gettext("estimate")
                series.append((capfirst(FigureKey(key).label), values))
            first, last = pages[0].year, pages[-1].year
            description = gettext("%(title)s from %(first)s to %(last)s, in %(unit)s.") % {
                "title": title,
                "first": first,
                "last": last,
                "unit": unit,
            }
            description += " " + "; ".join(
                f"{name} {last}: {format_value(values[-1])} {unit}"
                for name, values in series
                if values[-1] is not None
            )
            charts.append(
                render_chart(
                    chart_type="line",
                    title=str(title),
                    description=description,
                    categories=[str(page.year) for page in pages],
                    series=series,
                    axis_label=gettext("Year"),
                    unit=str(unit),
                    notes=notes,
                )
            )
        return charts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = list(self.figures.all())
        context["trend_charts"] = self.get_trend_charts()
        return context

    def get_json_ld(self, request=None):
        data = super().get_json_ld(request)
        data["temporalCoverage"] = str(self.year)
        data["creator"] = {"@type": "Organization", "name": "Museumvereniging"}
        data["variableMeasured"] = [
            {"@type": "PropertyValue", "name": str(figure.get_key_display()), "value": float(figure.value)}
            for figure in self.figures.all()
        ]
        return data

    def get_api_data(self, request=None):
        from ..api_data import figures_data

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
        from core.charts import format_value

        if self.unit == FigureUnit.PERCENT:
            return format_value(float(self.value), "%")
        return format_value(float(self.value))
