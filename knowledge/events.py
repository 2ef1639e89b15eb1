"""Events from the agenda related to a dossier, when the agenda app provides them."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

START_FIELDS = ("start", "start_at", "starts_at", "start_datetime", "start_date")


def event_model():
    """``agenda.EventPage`` when it exists and has a ``dossiers`` relation, else ``None``."""
    try:
        model = apps.get_model("agenda", "EventPage")
    except LookupError:
        return None
    try:
        model._meta.get_field("dossiers")
    except FieldDoesNotExist:
        return None
    return model


def related_events(dossier, locale, limit=5):
    """Live, public events tagged with ``dossier`` in ``locale`` (upcoming first when the
    event has a start field), or an empty list while the agenda has no such events.

    Works against ``agenda.EventPage`` with a ``dossiers`` many-to-many to ``core.Dossier``;
    looks the model up at run time so the knowledge base does not depend on the agenda app.
    """
    model = event_model()
    if model is None or dossier is None:
        return []
    queryset = model.objects.live().public().filter(locale=locale, alias_of__isnull=True, dossiers=dossier)
    field_names = {field.name for field in model._meta.get_fields()}
    start = next((name for name in START_FIELDS if name in field_names), None)
    if start:
        field = model._meta.get_field(start)
        today = timezone.now() if isinstance(field, models.DateTimeField) else timezone.localdate()
        queryset = queryset.filter(**{f"{start}__gte": today}).order_by(start)
    else:
        queryset = queryset.order_by("-first_published_at")
    return list(queryset.distinct()[:limit])
