from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Where the API lists these pages: the page cache's tags and the CDN purge use it.
        from core.dependencies import register_api, register_change_tags, register_facets
        from core.export import register_variants

        from .choices import EventType
        from .models import AgendaIndexPage, EventPage
        from .related import change_tags

        register_api(EventPage, "events/", "events/{id}/")
        # A change of an event invalidates the related events it can take a place in.
        register_change_tags(EventPage, change_tags)
        # The feeds of one event type depend on the events of that type (``agenda.feeds``).
        register_facets(EventPage, "event_type")
        # The static export writes the agenda's feeds per event type besides the unfiltered ones.
        register_variants(
            AgendaIndexPage,
            lambda page: [f"{feed}/?type={kind}" for feed in ("ical", "rss") for kind in EventType.values],
        )
