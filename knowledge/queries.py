"""Reads of the knowledge base that judge the reader: related articles and agenda events.

Every function takes the reader's ``core.visibility.Visibility``. The knowledge base sits in the
same layer as the agenda and does not import it: the event page type is looked up by its label
when a dossier asks for its events, and a site without the agenda (or with an event type without
dossiers) simply has none.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

EVENT_MODEL = ("agenda", "EventPage")


def event_model():
    """The agenda's event page type when it is installed and has a ``dossiers`` relation."""
    try:
        model = apps.get_model(*EVENT_MODEL)
    except LookupError:
        return None
    try:
        model._meta.get_field("dossiers")
        model._meta.get_field("start_date")
    except FieldDoesNotExist:
        return None
    return model


def related_events(dossier, locale, visibility, limit=5):
    """Upcoming events tagged with ``dossier`` in ``locale`` that ``visibility`` lets the reader
    see (``core.visibility``), soonest first; an empty list without a dossier or an agenda."""
    model = event_model()
    if model is None or dossier is None:
        return []
    queryset = visibility.listable(
        model.objects.filter(locale=locale, dossiers=dossier, start_date__gte=timezone.localdate())
    )
    return list(queryset.distinct().order_by("start_date", "pk")[:limit])


def related_articles(article, visibility, limit=4):
    """The chosen related articles of ``article`` that ``visibility`` lets the reader see, else
    the newest of its dossiers."""
    return list(visibility.listable(article.get_related_articles())[:limit])
