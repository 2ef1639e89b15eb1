from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_started

        from . import charts, documents, invalidation, signals, singleline, visibility
        from .dependencies import register_api
        from .models import Theme

        signals.connect()
        singleline.connect()
        invalidation.connect()
        register_api(Theme, "themes/")
        visibility.connect_signals()
        documents.use_documents_storage()
        request_started.connect(charts.reset_ids, dispatch_uid="core_charts_reset_ids")
