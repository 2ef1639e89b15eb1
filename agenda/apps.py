from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Where the API lists these pages: the page cache's tags and the CDN purge use it.
        from core.dependencies import register_api

        from .models import EventPage

        register_api(EventPage, "events/", "events/{id}/")
