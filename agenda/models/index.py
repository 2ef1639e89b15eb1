"""The agenda page: listing with filters, archive, iCal/RSS feeds and the partner form."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.links import public_url
from core.models import BasePage

from ..context import listing_context
from ..feeds import agenda_ical, agenda_rss
from ..views import confirmation_view, submission_view


class AgendaIndexPage(RoutablePageMixin, BasePage):
    """Lists occurrences of its events; every filter is also an iCal and RSS feed."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    submission_enabled = models.BooleanField(
        _("accept partner proposals"),
        default=True,
        help_text=_("Show the public form where partner organisations propose an activity."),
    )
    submission_intro = models.TextField(
        _("form introduction"),
        blank=True,
        max_length=1000,
        help_text=_("Shown above the partner form: what kind of activities you accept."),
    )
    submission_confirmation = models.TextField(
        _("confirmation text"),
        blank=True,
        max_length=1000,
        help_text=_("Shown after a proposal is sent; a standard text when empty."),
    )
    notification_email = models.EmailField(
        _("notification address"),
        blank=True,
        help_text=_("Proposals are announced to this address as well as to the moderators."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    settings_panels = [
        *BasePage.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("submission_enabled"),
                FieldPanel("submission_intro"),
                FieldPanel("submission_confirmation"),
                FieldPanel("notification_email"),
            ],
            heading=_("Partner proposals"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.EventPage"]
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_meta_description(self):
        return super().get_meta_description() or self.intro

    # --- Routes ---------------------------------------------------------------------------

    def listing(self, request, *, past):
        context, status = listing_context(self, request, past=past)
        response = self.render(request, context_overrides=context)
        response.status_code = status
        return response

    @path("", name="upcoming")
    def upcoming(self, request):
        return self.listing(request, past=False)

    @path("archief/", name="archive")
    def archive(self, request):
        return self.listing(request, past=True)

    @path("ical/", name="ical")
    def ical_feed(self, request):
        return agenda_ical(self, request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return agenda_rss(self, request)

    @path("aanmelden/", name="submit")
    def submit(self, request):
        return submission_view(self, request)

    @path("aanmelden/bedankt/", name="submitted")
    def submitted(self, request):
        return confirmation_view(self, request)

    def get_api_data(self, request=None):
        return {
            **super().get_api_data(request),
            "intro": self.intro,
            "events_api": public_url("/api/v1/events/?locale=" + self.locale.language_code),
        }
