from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished


class MuseumsConfig(AppConfig):
    name = "museums"
    verbose_name = _("Museums and exhibitions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.dependencies import register_api

        from .models import ExhibitionPage, MuseumPage
        from .models.hours import OpeningHoursException, WeeklyOpeningHours
        from .signals import hours_changed, reindex_museum

        register_api(MuseumPage, "museums/", "museums/{id}/")
        register_api(ExhibitionPage, "exhibitions/")

        page_published.connect(
            reindex_museum, sender=ExhibitionPage, dispatch_uid="museums_reindex_on_publish"
        )
        page_unpublished.connect(
            reindex_museum, sender=ExhibitionPage, dispatch_uid="museums_reindex_on_unpublish"
        )
        for model in (WeeklyOpeningHours, OpeningHoursException):
            for signal in (post_save, post_delete):
                signal.connect(
                    hours_changed,
                    sender=model,
                    dispatch_uid=f"museums_hours_{signal is post_save}_{model.__name__}",
                )
