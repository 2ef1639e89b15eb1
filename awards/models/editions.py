"""An edition of an award (one year): theme, prize, timeline, jury, ceremony and nominations."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage

from .. import context, jsonld, serializers, timeline
from ..choices import STAGE_RANK, Stage
from ..forms import AwardEditionPageForm
from ..panels import EventChooserPanel
from ..queries import event_page_model
from ..validation import NominationData, nomination_issues

DATE_FIELDS = {
    "applications_open": "applications_open",
    "applications_close": "applications_close",
    "longlist": "longlist_date",
    "nominees": "nominees_date",
    "vote_open": "vote_open",
    "vote_close": "vote_close",
    "ceremony": "ceremony_date",
}


class AwardEditionPage(BasePage):
    """One edition of an award; its nominations are inline rows pointing at museum pages."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)], db_index=True
    )
    theme = models.CharField(
        _("theme"), max_length=200, blank=True, help_text=_("The edition's theme, e.g. 'Levende tradities'.")
    )
    theme_description = models.TextField(_("about the theme"), blank=True, max_length=1000)
    prize_amount = models.PositiveIntegerField(
        _("prize money (€)"), null=True, blank=True, help_text=_("In whole euros, e.g. 100000.")
    )
    prize_description = models.CharField(
        _("prize"), max_length=255, blank=True, help_text=_("Anything beyond the money, e.g. a trophy.")
    )
    entries_count = models.PositiveSmallIntegerField(
        _("number of applications"), null=True, blank=True, help_text=_("How many museums applied.")
    )
    longlist_size = models.PositiveSmallIntegerField(
        _("longlist size"),
        null=True,
        blank=True,
        help_text=_("How many museums the longlist holds; nominations must fit on it."),
    )

    applications_open = models.DateField(_("applications open"), null=True, blank=True)
    applications_close = models.DateField(_("applications close"), null=True, blank=True)
    longlist_date = models.DateField(_("longlist announced"), null=True, blank=True)
    nominees_date = models.DateField(_("nominees announced"), null=True, blank=True)
    vote_open = models.DateField(_("public vote opens"), null=True, blank=True)
    vote_close = models.DateField(
        _("public vote closes"), null=True, blank=True, help_text=_("The last day of the vote.")
    )
    ceremony_date = models.DateField(
        _("ceremony date"),
        null=True,
        blank=True,
        help_text=_("Taken from the ceremony event when left empty."),
    )
    ceremony_place = models.CharField(
        _("ceremony place"), max_length=200, blank=True, help_text=_("e.g. 'Museumcongres, Arnhem'.")
    )
    ceremony_event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ceremony event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agenda event where the award is presented, when there is one."),
    )

    jury_report = RichTextField(
        _("jury report"), blank=True, features=["h3", "bold", "italic", "link", "ul", "ol"]
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    is_demo = models.BooleanField(
        _("contains demo data"),
        default=False,
        help_text=_("Marks an edition with invented example data; the page says so."),
    )

    base_form_class = AwardEditionPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("is_demo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("theme")]),
                FieldPanel("theme_description"),
                FieldRowPanel([FieldPanel("prize_amount"), FieldPanel("prize_description")]),
                FieldRowPanel([FieldPanel("entries_count"), FieldPanel("longlist_size")]),
            ],
            heading=_("Edition"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
                FieldRowPanel([FieldPanel("longlist_date"), FieldPanel("nominees_date")]),
                FieldRowPanel([FieldPanel("vote_open"), FieldPanel("vote_close")]),
            ],
            heading=_("Timeline"),
        ),
        MultiFieldPanel(
            [
                EventChooserPanel("ceremony_event"),
                FieldRowPanel([FieldPanel("ceremony_date"), FieldPanel("ceremony_place")]),
            ],
            heading=_("Ceremony"),
        ),
        InlinePanel("nominations", heading=_("Nominations"), label=_("Nomination")),
        InlinePanel("jury_members", heading=_("Jury"), label=_("Jury member")),
        FieldPanel("jury_report"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme"),
        index.SearchField("theme_description"),
        index.SearchField("jury_report"),
        index.SearchField("body"),
        index.SearchField("nominated_museum_titles"),
        index.FilterField("year"),
    ]

    parent_page_types = ["awards.AwardPage"]
    subpage_types = []
    schema_type = "Event"

    class Meta:
        verbose_name = _("award edition page")
        ordering = ["-year"]

    # --- validation --------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        for name, message in timeline.date_order_errors(self.timeline_dates()).items():
            errors[DATE_FIELDS[name]] = message
        event_model = event_page_model()
        if self.ceremony_event_id and event_model is not None:
            event = event_model.objects.filter(pk=self.ceremony_event_id).first()
            if event is None:
                errors["ceremony_event"] = _("Choose an event from the agenda.")
            elif self.ceremony_date is None:
                self.ceremony_date = event.start_date
            elif not event.start_date <= self.ceremony_date <= (event.end_date or event.start_date):
                errors["ceremony_date"] = _(
                    "The ceremony date falls outside the dates of the ceremony event."
                )
        issues = [issue.message for issue in self.nomination_issues()]
        if issues:
            errors.setdefault("__all__", []).extend(issues)
        if errors:
            raise ValidationError(errors)

    def nomination_issues(self):
        items = [
            NominationData(museum_id=n.museum_id, stage=n.stage, votes=n.votes, vote_share=n.vote_share)
            for n in self.nominations.all()
        ]
        return nomination_issues(items, longlist_size=self.longlist_size)

    # --- timeline ----------------------------------------------------------------------

    def timeline_dates(self):
        return timeline.TimelineDates(**{key: getattr(self, field) for key, field in DATE_FIELDS.items()})

    def nominated_museum_titles(self):
        return " ".join(n.museum.title for n in self.nominations.select_related("museum"))

    # --- rendering ---------------------------------------------------------------------

    def get_meta_description(self):
        return super().get_meta_description() or self.theme_description

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), **context.edition_context(self, request)}

    def get_json_ld(self, request=None):
        return jsonld.edition_json_ld(self, super().get_json_ld(request), request)

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **serializers.edition_data(self, request)}


class JuryMember(Orderable):
    edition = ParentalKey(AwardEditionPage, on_delete=models.CASCADE, related_name="jury_members")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. 'director of a museum' or 'chair'.")
    )
    is_chair = models.BooleanField(_("chair"), default=False)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("is_chair")])]

    class Meta(Orderable.Meta):
        verbose_name = _("jury member")
        verbose_name_plural = _("jury members")

    def __str__(self):
        return self.name


class Nomination(Orderable):
    """A museum in an edition and the stage it reached (stages include the ones before)."""

    edition = ParentalKey(AwardEditionPage, on_delete=models.CASCADE, related_name="nominations")
    museum = models.ForeignKey(
        "museums.MuseumPage",
        verbose_name=_("museum"),
        on_delete=models.PROTECT,  # an edition's history outlives no museum silently (core.deletion)
        related_name="award_nominations",
    )
    stage = models.CharField(
        _("stage reached"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.LONGLIST,
        db_index=True,
        help_text=_("A winner was also a nominee and on the longlist."),
    )
    votes = models.PositiveIntegerField(
        _("votes"),
        null=True,
        blank=True,
        help_text=_("Public votes, once they are published (nominees only)."),
    )
    vote_share = models.DecimalField(
        _("vote share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Percentage of all votes, when published; must agree with the votes."),
    )
    project_title = models.CharField(
        _("plan or project"), max_length=200, blank=True, help_text=_("What the museum entered with.")
    )
    motivation = models.TextField(
        _("motivation"), blank=True, max_length=800, help_text=_("A short motivation or jury quote.")
    )

    panels = [
        PageChooserPanel("museum", "museums.MuseumPage"),
        FieldRowPanel([FieldPanel("stage"), FieldPanel("votes"), FieldPanel("vote_share")]),
        FieldPanel("project_title"),
        FieldPanel("motivation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        indexes = [models.Index(fields=["museum", "stage"], name="awards_nomination_museum_idx")]

    def __str__(self):
        return f"{self.edition.title}: {self.museum} ({self.get_stage_display()})"

    @property
    def stage_rank(self):
        return STAGE_RANK.get(self.stage, -1)

    @property
    def is_winner(self):
        return self.stage == Stage.WINNER

    @property
    def is_nominee(self):
        return self.stage_rank >= STAGE_RANK[Stage.NOMINEE]
