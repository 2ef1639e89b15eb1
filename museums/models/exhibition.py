"""An exhibition, temporary or permanent, under the museum that shows it."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage

from ..jsonld import exhibition_json_ld
from ..serializers import exhibition_detail_fields


class ExhibitionPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    permanent = models.BooleanField(
        _("permanent"), default=False, help_text=_("Part of the permanent collection display.")
    )
    start_date = models.DateField(_("opens on"), null=True, blank=True, db_index=True)
    end_date = models.DateField(
        _("closes after"), null=True, blank=True, help_text=_("The last day, inclusive.")
    )
    extended_until = models.DateField(
        _("extended until"),
        null=True,
        blank=True,
        help_text=_("The new last day when the run is extended."),
    )
    last_day = models.DateField(editable=False, null=True, db_index=True)
    surcharge_eur = models.DecimalField(
        _("surcharge (€)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Extra on top of the entry price, also for card holders."),
    )
    museumkaart_valid = models.BooleanField(_("Museumkaart valid"), default=True)
    family_friendly = models.BooleanField(_("family friendly"), default=False)
    ticket_url = models.URLField(_("tickets"), blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True, related_name="+")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("permanent"),
                FieldRowPanel(
                    [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("extended_until")]
                ),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("surcharge_eur"),
                        FieldPanel("museumkaart_valid"),
                        FieldPanel("family_friendly"),
                    ]
                ),
                FieldPanel("ticket_url"),
            ],
            heading=_("Visiting"),
        ),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("last_day"),
        index.FilterField("family_friendly"),
        index.FilterField("permanent"),
    ]

    parent_page_types = ["museums.MuseumPage"]
    subpage_types = []
    schema_type = "ExhibitionEvent"

    class Meta:
        verbose_name = _("exhibition page")

    def clean(self):
        super().clean()
        errors = {}
        if not self.permanent and not self.start_date:
            errors["start_date"] = _("Give the opening date, or tick 'permanent'.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The exhibition cannot close before it opens.")
        if self.extended_until and self.end_date and self.extended_until <= self.end_date:
            errors["extended_until"] = _("An extension must be later than the original last day.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.last_day = None if self.permanent else (self.extended_until or self.end_date)
        super().save(*args, **kwargs)

    def status(self, today=None):
        """'current', 'upcoming' or 'past' on a date."""
        today = today or timezone.localdate()
        if self.start_date and self.start_date > today:
            return "upcoming"
        if self.last_day and self.last_day < today:
            return "past"
        return "current"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["museum"] = self.get_parent().specific
        context["status"] = self.status()
        return context

    def get_json_ld(self, request=None):
        return exhibition_json_ld(self, super().get_json_ld(request), self.get_parent().specific, request)

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **exhibition_detail_fields(self, self.get_parent(), request)}
