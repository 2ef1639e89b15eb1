"""The edition filters, shared by the API list (and any listing page that filters editions)."""

import django_filters
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.bounds import id_filter_bounds
from core.filtering import FilterSet
from core.tree import with_parent_path
from museums.models import MuseumPage

from .choices import Stage, stages_reached
from .models import Nomination


class EditionFilter(FilterSet):
    """``award`` (award page id), ``year``, ``museum`` (museum page id, any translation of it)
    and ``stage`` (reached at least). ``museum`` and ``stage`` together match one nomination:
    the editions in which that museum reached that stage."""

    award = django_filters.NumberFilter(label=_("award"), method="filter_award", **id_filter_bounds())
    year = django_filters.NumberFilter(label=_("year"), field_name="year", min_value=1900, max_value=2100)
    museum = django_filters.NumberFilter(label=_("museum"), method="filter_nominations", **id_filter_bounds())
    stage = django_filters.ChoiceFilter(
        label=_("stage reached"), choices=Stage.choices, method="filter_nominations"
    )

    def filter_award(self, queryset, name, value):
        award = Page.objects.filter(pk=value).values("path")
        return with_parent_path(queryset).filter(parent_path=Subquery(award))

    def filter_nominations(self, queryset, name, value):
        # Applied once for both parameters (see ``filter_queryset``).
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        museum = self.form.cleaned_data.get("museum")
        stage = self.form.cleaned_data.get("stage")
        if museum is None and not stage:
            return queryset
        nominations = Nomination.objects.all()
        if museum is not None:
            key = MuseumPage.objects.filter(pk=museum).values("translation_key")
            nominations = nominations.filter(museum__translation_key=Subquery(key))
        if stage:
            nominations = nominations.filter(stage__in=stages_reached(stage))
        return queryset.filter(pk__in=nominations.values("edition_id"))
