"""Admin panels of the awards app."""

from django.apps import apps
from wagtail.admin.panels import PageChooserPanel

EVENT_PAGE = "agenda.EventPage"


def event_page_model():
    """The agenda's event page model, or ``None`` while the agenda app does not define it."""
    try:
        return apps.get_model(EVENT_PAGE)
    except LookupError:
        return None


class EventChooserPanel(PageChooserPanel):
    """A page chooser limited to agenda events, or to any page when there is no event type."""

    def __init__(self, field_name, **kwargs):
        kwargs.pop("page_type", None)
        super().__init__(field_name, page_type=None, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("page_type", None)
        return kwargs

    def get_form_options(self):
        self.page_type = EVENT_PAGE if event_page_model() is not None else None
        return super().get_form_options()
