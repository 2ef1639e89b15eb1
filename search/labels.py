"""What readers call the groups of the search results: "Musea", "Tentoonstellingen", "Agenda",
"Kennisbank", "Prijzen", "Vragen" (and their English names), not the page types' technical names
("Editiepagina prijs")."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# By app, then by page type where a type reads differently from its app.
APP_LABELS = {
    "home": _("Pages"),
    "museums": _("Museums"),
    "agenda": _("Agenda"),
    "knowledge": _("Knowledge base"),
    "awards": _("Awards"),
    "qa": _("Questions"),
}
TYPE_LABELS = {
    "museums.exhibitionpage": _("Exhibitions"),
}


def group_label(model):
    """The readable name of the result group of pages of ``model``, in the active language."""
    label = TYPE_LABELS.get(model._meta.label_lower) or APP_LABELS.get(model._meta.app_label)
    return str(label) if label else capfirst(str(model._meta.verbose_name_plural))
