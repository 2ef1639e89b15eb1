"""The museum finder: the section page listing museums through filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.tree import children_of

from ..context import finder_context
from .museum import MuseumPage


class MuseumIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), blank=True, help_text=_("Shown below the results.")
    )
    per_page = models.PositiveSmallIntegerField(
        _("museums per page"), default=20, help_text=_("How many results each page of the finder shows.")
    )

    content_panels = [*BasePage.content_panels, "intro", "per_page", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["museums.MuseumPage"]
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("museum finder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(self, request, children_of(MuseumPage.objects.all(), self)))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("filter_errors"):
            response.status_code = 400  # as every listing answers a filter it cannot apply
        return response

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), "intro": self.intro, "api_list": "/api/v1/museums/"}
