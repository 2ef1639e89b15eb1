from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QAConfig(AppConfig):
    name = "qa"
    verbose_name = _("Questions and answers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Where the API lists these pages: the page cache's tags and the CDN purge use it.
        from core.dependencies import register_api

        from .models import QACategoryPage, QuestionPage

        register_api(QuestionPage, "qa/questions/", "qa/questions/{id}/")
        register_api(QACategoryPage, "qa/categories/")
