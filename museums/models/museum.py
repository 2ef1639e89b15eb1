"""The museum page: where it is, what it is, when it is open and how accessible it is."""

from urllib.parse import quote

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.tree import children_of
from core.visibility import Visibility

from .. import opening_hours
from ..choices import PROVINCE_TIME_ZONES, CoordinatesPrecision, MuseumTimeZone, Province
from ..context import museum_context
from ..extensions import section_values
from ..forms import MuseumPageForm
from ..jsonld import museum_json_ld
from ..queries import exhibitions_ahead, in_tree
from ..serializers import museum_detail_fields
from .exhibition import ExhibitionPage

# The Kingdom reaches from Aruba (about 12.4° N, 70° W) to Groningen (about 53.6° N, 7.2° E).
KINGDOM_LATITUDE = (11.0, 54.0)
KINGDOM_LONGITUDE = (-71.0, 8.0)


class MuseumPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The museum's building or collection; the image title is its alt text."),
    )

    # --- where -------------------------------------------------------------------------
    address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("town or city"), max_length=100, db_index=True)
    province = models.CharField(
        _("province or island"),
        max_length=6,
        choices=Province.choices,
        db_index=True,
        help_text=_("A province, a special municipality or a Caribbean country (ISO 3166-2)."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, e.g. 52.375083."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, e.g. 4.884031."),
    )
    coordinates_precision = models.CharField(
        _("coordinates precision"),
        max_length=12,
        choices=CoordinatesPrecision.choices,
        default=CoordinatesPrecision.EXACT,
        help_text=_("'Approximate' when the point is the town centre rather than the building."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=MuseumTimeZone.choices,
        blank=True,
        help_text=_("Opening hours are in this zone; empty picks the zone of the province."),
    )
    wikidata_qid = models.CharField(
        _("Wikidata item"), max_length=20, blank=True, help_text=_("e.g. Q190804")
    )

    # --- contact -----------------------------------------------------------------------
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)

    # --- what and membership -----------------------------------------------------------
    categories = ParentalManyToManyField(
        "museums.MuseumCategory", verbose_name=_("categories"), blank=True, related_name="museums"
    )
    museumkaart_accepted = models.BooleanField(
        _("Museumkaart accepted"),
        default=True,
        db_index=True,
        help_text=_("Museumkaart holders get in free (conditions below)."),
    )
    museumkaart_reservation_required = models.BooleanField(
        _("reservation required"),
        default=False,
        help_text=_("Card holders must book a time slot in advance."),
    )
    museumkaart_surcharge_eur = models.DecimalField(
        _("surcharge for card holders (€)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    museumkaart_conditions = models.CharField(
        _("other Museumkaart conditions"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Not valid on event days'."),
    )
    museumregister_registered = models.BooleanField(_("in the Museumregister"), default=False)
    is_rijksmuseum = models.BooleanField(
        _("member of the Kring Rijksmusea"), default=False, help_text=_("A state museum (Rijksmuseum).")
    )
    under_museum_cao = models.BooleanField(_("under the Museum cao"), default=False)

    # --- accessibility and hours -------------------------------------------------------
    accessibility_features = ParentalManyToManyField(
        "museums.AccessibilityFeature",
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="museums",
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Anything visitors should know beyond the list."),
    )
    hours_verified_at = models.DateField(
        _("hours checked on"),
        null=True,
        blank=True,
        help_text=_("When the opening hours were last checked."),
    )

    base_form_class = MuseumPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("coordinates_precision"),
                FieldPanel("timezone"),
                FieldPanel("wikidata_qid"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("museumkaart_accepted"),
                FieldPanel("museumkaart_reservation_required"),
                FieldPanel("museumkaart_surcharge_eur"),
                FieldPanel("museumkaart_conditions"),
                FieldRowPanel(
                    [
                        FieldPanel("museumregister_registered"),
                        FieldPanel("is_rijksmuseum"),
                        FieldPanel("under_museum_cao"),
                    ]
                ),
            ],
            heading=_("Museum and Museumkaart"),
        ),
        InlinePanel("weekly_hours", heading=_("Weekly opening hours"), label=_("Range")),
        InlinePanel(
            "hours_exceptions",
            heading=_("Exceptions (holidays, extra days, other hours)"),
            label=_("Exception"),
        ),
        FieldPanel("hours_verified_at"),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
        InlinePanel("gallery_images", heading=_("Gallery"), label=_("Image")),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("province_name"),
        index.AutocompleteField("city"),
        index.SearchField("exhibition_titles"),
        index.FilterField("province"),
        index.FilterField("city"),
        index.FilterField("museumkaart_accepted"),
    ]

    parent_page_types = ["museums.MuseumIndexPage"]
    subpage_types = ["museums.ExhibitionPage"]
    schema_type = "Museum"

    class Meta:
        verbose_name = _("museum page")
        indexes = [models.Index(fields=["latitude", "longitude"], name="museums_museum_geo_idx")]

    # --- model behaviour ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = _("Give both latitude and longitude, or neither.")
        elif self.latitude is not None:
            if not KINGDOM_LATITUDE[0] <= self.latitude <= KINGDOM_LATITUDE[1]:
                errors["latitude"] = _(
                    "This latitude is outside the Kingdom of the Netherlands (11° to 54° N)."
                )
            if not KINGDOM_LONGITUDE[0] <= self.longitude <= KINGDOM_LONGITUDE[1]:
                errors["longitude"] = _(
                    "This longitude is outside the Kingdom of the Netherlands (71° W to 8° E)."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.timezone:
            self.timezone = PROVINCE_TIME_ZONES.get(self.province, MuseumTimeZone.AMSTERDAM)
        super().save(*args, **kwargs)

    def province_name(self):
        """The province or island in words, for the search index (``Bonaire`` finds its museums)."""
        return str(self.get_province_display()) if self.province else ""

    def exhibition_titles(self):
        """Titles of the exhibitions the public may see, for the search index."""
        exhibitions = in_tree(children_of(ExhibitionPage.objects.all(), self), Visibility.public())
        return " ".join(exhibitions.values_list("title", flat=True))

    # --- opening hours -----------------------------------------------------------------

    @cached_property
    def schedule(self):
        """The museum's ``opening_hours.Schedule`` (uses prefetched hours when present)."""
        return opening_hours.Schedule(
            weekly=[row.as_range() for row in self.weekly_hours.all()],
            exceptions=[row.as_exception() for row in self.hours_exceptions.all()],
            timezone=self.timezone or MuseumTimeZone.AMSTERDAM,
        )

    def local_now(self, now=None):
        return self.schedule.local(now or timezone.now())

    def is_open(self, at=None):
        return self.schedule.is_open(at or timezone.now())

    def hours_today(self, now=None):
        return self.schedule.hours_on(self.local_now(now).date())

    def next_opening(self, after=None):
        return self.schedule.next_opening(after or timezone.now())

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def directions_url(self):
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/directions?to={self.latitude}%2C{self.longitude}"
        return "https://www.openstreetmap.org/search?query=" + quote(
            f"{self.address}, {self.postcode} {self.city}"
        )

    # --- presentation ------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(museum_context(self, request))
        return context

    def get_json_ld(self, request=None):
        return museum_json_ld(self, super().get_json_ld(request), request)

    def get_api_data(self, request=None):
        """The museum API detail's own fields (a public surface: public visibility)."""
        visibility = Visibility.public()
        exhibitions = exhibitions_ahead(self, visibility, self.local_now().date(), aliases=False)
        sections = section_values([self], request, visibility)[self.pk]
        return {
            **super().get_api_data(request),
            **museum_detail_fields(self, request, exhibitions=exhibitions, sections=sections),
        }


class MuseumGalleryImage(Orderable):
    museum = ParentalKey(MuseumPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
