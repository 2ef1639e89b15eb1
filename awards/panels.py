"""Admin panels of the awards app."""

from wagtail.admin.panels import PageChooserPanel

from .queries import EVENT_PAGE, event_page_model


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
