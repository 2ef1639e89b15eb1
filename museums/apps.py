from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumsConfig(AppConfig):
    name = "museums"
    verbose_name = _("Museums and exhibitions")
    default_auto_field = "django.db.models.BigAutoField"
