"""Introspection of the project's page types, for cross-cutting tests and tools."""

from django.apps import apps
from django.conf import settings
from wagtail.models import get_page_models

from core.visibility import Visibility


def project_page_models():
    """Every concrete page type defined by the project's own apps."""
    labels = {config.label for config in apps.get_app_configs() if config.name in settings.PROJECT_APPS}
    return [
        model for model in get_page_models() if model._meta.app_label in labels and not model._meta.abstract
    ]


def sample_pages():
    """One page per project page type that the public may see in a listing (live, not an alias,
    not under an unpublished section or a view restriction); ``None`` when there is none."""
    visibility = Visibility.public()
    return {
        model._meta.label: visibility.listable(model.objects.all()).order_by("path").first()
        for model in project_page_models()
    }
