from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import documents, invalidation, signals, singleline, visibility
        from .dependencies import register_api
        from .models import Theme

        signals.connect()
        singleline.connect()
        invalidation.connect()
        register_api(Theme, "themes/")
        visibility.connect_signals()
        documents.use_documents_storage()
