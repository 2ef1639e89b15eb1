"""Reads of the museums app: the finder's questions as SQL and the querysets of every surface.

The finder's questions ("open at", "open on a date", "near a point", text) are ``Q`` objects or
queryset expressions for ``MuseumPage`` that work on SQLite and PostgreSQL alike (no PostGIS).
The opening-hours rules are those of ``opening_hours``; the tests check both against the same
table of cases.

Who may see what is ``core.visibility``'s rule, applied here to each queryset: the reader's
visibility on pages, the public one in the API. Every listing loads in a constant number of
queries, whatever the number of items.

This module is imported by the page models' modules (through ``context``), so it imports only
the model modules that do not import it back (``models.exhibition``, ``models.hours``).
"""

from datetime import datetime, timedelta
from math import cos, radians
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db.models import Exists, F, FloatField, OuterRef, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from wagtail.images import get_image_model
from wagtail.models import Page

from core.blocks import IMAGE_RENDITIONS
from core.cachetags import cached, type_tag
from core.idlists import InIds
from core.images import SITE_RENDITIONS
from core.tree import children_of, parent_path, with_parent_path

from .choices import MuseumTimeZone
from .models.exhibition import ExhibitionPage
from .models.hours import OpeningHoursException, WeeklyOpeningHours

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = 111.195  # along a meridian, for the bounding-box prefilter


# --- opening hours -------------------------------------------------------------------------


def _applies(day):
    return Q(start_date__lte=day, end_date__gte=day) & (Q(weekday__isnull=True) | Q(weekday=day.weekday()))


def _day_has_range(day, condition):
    """Museums whose hours on ``day`` (exceptions applied) include a range meeting ``condition``.

    Built from uncorrelated ``pk IN (...)`` subqueries on the hours tables, which the database
    evaluates once (with their indexes) rather than once per museum; only the "is there a more
    specific exception" test is correlated, and only over the exceptions applying on that day.
    """
    applying = OpeningHoursException.objects.filter(_applies(day))
    more_specific = applying.filter(museum=OuterRef("museum")).filter(
        Q(span_days__lt=OuterRef("span_days")) | Q(span_days=OuterRef("span_days"), closed=True)
    )
    winning = applying.filter(condition, closed=False).filter(~Exists(more_specific)).values("museum_id")
    weekly = WeeklyOpeningHours.objects.filter(condition, weekday=day.weekday()).values("museum_id")
    return (Q(pk__in=weekly) & ~Q(pk__in=applying.values("museum_id"))) | Q(pk__in=winning)


def _per_zone(at, build):
    query = Q(pk__in=[])
    for zone in MuseumTimeZone.values:
        local = at.astimezone(ZoneInfo(zone))
        query |= Q(timezone=zone) & build(local.date(), local.time().replace(tzinfo=None))
    return query


def open_at_q(at):
    """Museums open at an aware datetime, each in its own time zone."""

    def build(day, moment):
        starts_today = Q(opens__lte=moment) & (Q(closes_next_day=True) | Q(closes__gt=moment))
        spills_from_yesterday = Q(closes_next_day=True, closes__gt=moment)
        return _day_has_range(day, starts_today) | _day_has_range(
            day - timedelta(days=1), spills_from_yesterday
        )

    return _per_zone(at, build)


def open_on_q(day):
    """Museums that open at some time on a calendar date (in their own zone)."""
    return _day_has_range(day, Q())


# The finder's clock filters ask the hours tables for every museum on every request, and their
# answers are never kept with a listing (they follow the clock). The set of museums open at a
# minute, or on a day, is kept instead, for all readers and filters alike: until the hours
# change (a museum published, an hours row saved: ``HOURS_TAGS``) or ``OPEN_SET_SECONDS`` pass.
OPEN_SET_SECONDS = 300
HOURS_TAGS = (type_tag(WeeklyOpeningHours), type_tag(OpeningHoursException))


def _kept_ids(key, condition):
    def compute():
        museums = apps.get_model("museums", "MuseumPage").objects.filter(condition)
        return sorted(museums.order_by().values_list("pk", flat=True).distinct())

    museum_tag = type_tag(apps.get_model("museums", "MuseumPage"))
    ids = cached(key, (museum_tag, *HOURS_TAGS), compute, OPEN_SET_SECONDS)
    return InIds("pk", ids)


def open_at_kept(at):
    """``open_at_q`` for the minute of ``at`` (opening hours are given in minutes), as a filter
    by the ids of the museums open then, kept (see above)."""
    minute = at.astimezone(ZoneInfo("UTC")).replace(second=0, microsecond=0)
    return _kept_ids(f"museums:open-at:{minute:%Y%m%d%H%M}", open_at_q(minute))


def open_on_kept(day):
    """``open_on_q`` as a filter by the ids of the museums that open on ``day``, kept."""
    return _kept_ids(f"museums:open-on:{day:%Y%m%d}", open_on_q(day))


# --- text ----------------------------------------------------------------------------------


def text_q(text, visibility):
    """Name, city, summary or the title of an exhibition under the museum that the reader may
    see contain ``text``."""
    exhibitions = ExhibitionPage.objects.filter(title__icontains=text)
    exhibition_parents = with_parent_path(in_tree(exhibitions, visibility)).values("parent_path")
    return (
        Q(title__icontains=text)
        | Q(city__icontains=text)
        | Q(intro__icontains=text)
        | Q(listing_summary__icontains=text)
        | Q(path__in=exhibition_parents)
    )


# --- distance ------------------------------------------------------------------------------


def bounding_box_q(lat, lon, radius_km):
    """A cheap, index-friendly prefilter: the box around the circle."""
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(cos(radians(lat)), 0.01))
    return Q(
        latitude__gte=lat - dlat,
        latitude__lte=lat + dlat,
        longitude__gte=lon - dlon,
        longitude__lte=lon + dlon,
    )


def distance_expression(lat, lon):
    """Great-circle distance in km (haversine), as a database expression."""
    dlat = Radians(F("latitude")) - radians(lat)
    dlon = Radians(F("longitude")) - radians(lon)
    a = Power(Sin(dlat / 2), 2) + cos(radians(lat)) * Cos(Radians(F("latitude"))) * Power(Sin(dlon / 2), 2)
    return 2 * EARTH_RADIUS_KM * ASin(Sqrt(a), output_field=FloatField())


def near(queryset, lat, lon, radius_km):
    """Museums within ``radius_km`` of a point, nearest first, with a ``distance_km`` annotation."""
    return (
        queryset.filter(bounding_box_q(lat, lon, radius_km))
        .annotate(distance_km=distance_expression(lat, lon))
        .filter(distance_km__lte=radius_km)
        .order_by("distance_km", "title")
    )


def as_aware(value, zone="Europe/Amsterdam"):
    """An aware datetime; naive ones are read in ``zone``."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(zone))
    return value


# --- querysets -----------------------------------------------------------------------------


def on_own_table(queryset):
    """``queryset`` read from its model's own table first (``pk IN``): SQLite then starts from the
    few thousand museum rows rather than every page of the site; PostgreSQL plans a semi-join."""
    return queryset.filter(pk__in=queryset.model.objects.values("page_ptr_id"))


def in_tree(queryset, visibility):
    """Live pages of ``queryset`` that the reader may see, aliases included: the pages of one
    language's tree as its HTML pages list them (the English tree shows aliases of the Dutch
    museums not yet translated). The API and feeds use ``visibility.listable`` (no aliases)."""
    return visibility.filter(queryset.live())


def images_prefetch(field):
    """Prefetch an image field with every rendition the site and the API use (no query per
    item; ``core.images.SITE_RENDITIONS``)."""
    return Prefetch(
        field,
        queryset=get_image_model().objects.prefetch_renditions(*IMAGE_RENDITIONS.values(), *SITE_RENDITIONS),
    )


def with_museum_data(queryset):
    """Museums with everything an item (card, API item or detail) needs, in a constant number
    of queries."""
    return queryset.select_related("locale").prefetch_related(
        "weekly_hours",
        "hours_exceptions",
        "categories",
        "accessibility_features",
        images_prefetch("image"),
    )


def prefetch_museum_detail(museum):
    """Load once what a museum page, its JSON-LD and its sections read: hours, categories,
    accessibility features, the image and the gallery with their renditions."""
    prefetch_related_objects(
        [museum],
        "weekly_hours",
        "hours_exceptions",
        "categories",
        "accessibility_features",
        "image__renditions",
        "gallery_images__image__renditions",
    )
    return museum


def exhibitions_ahead(museum, visibility, today, *, aliases=True):
    """The current and upcoming exhibitions of a museum that the reader may see, permanent ones
    first, then by opening date. ``aliases=False`` for the API (pages of their own only)."""
    queryset = children_of(ExhibitionPage.objects.all(), museum)
    queryset = in_tree(queryset, visibility) if aliases else visibility.listable(queryset)
    return list(
        queryset.filter(Q(last_day__isnull=True) | Q(last_day__gte=today))
        .select_related("locale")
        .prefetch_related(images_prefetch("image"))
        .order_by("-permanent", "start_date", "title")
    )


def exhibitions_matching(
    queryset, today, *, museum=None, current=False, upcoming=False, theme=None, family_friendly=False
):
    """The exhibition list's filters: of one museum, running or opening after ``today``, with a
    theme (slug), family friendly."""
    if museum is not None:
        queryset = children_of(queryset, museum)
    if current:
        queryset = queryset.filter(Q(permanent=True) | Q(start_date__lte=today)).filter(
            Q(last_day__isnull=True) | Q(last_day__gte=today)
        )
    if upcoming:
        queryset = queryset.filter(start_date__gt=today)
    if theme:
        queryset = queryset.filter(themes__slug=theme).distinct()
    if family_friendly:
        queryset = queryset.filter(family_friendly=True)
    return (
        queryset.select_related("locale")
        .prefetch_related("themes", images_prefetch("image"))
        .order_by("start_date", "title", "pk")
    )


def attach_museums(exhibitions):
    """Set ``exhibition.museum`` (the parent page, with its locale) on each of ``exhibitions``, in
    one query for all of them."""
    paths = {parent_path(exhibition.path) for exhibition in exhibitions}
    parents = {page.path: page for page in Page.objects.filter(path__in=paths).select_related("locale")}
    for exhibition in exhibitions:
        exhibition.museum = parents.get(parent_path(exhibition.path))
    return exhibitions


class WithMuseums:
    """Exhibitions whose windows come with their museum attached (``attach_museums``): one query
    per window, whatever its size. Counted and sliced like a queryset, so the API's
    ``Pagination`` pages through it."""

    def __init__(self, exhibitions):
        self.exhibitions = exhibitions
        self.queryset = exhibitions  # what ``Pagination`` counts (and may keep the count of)
        self.model = exhibitions.model

    def filter(self, *args, **kwargs):
        return WithMuseums(self.exhibitions.filter(*args, **kwargs))

    def count(self):
        return self.exhibitions.count()

    def reverse(self):
        """The same exhibitions in the opposite order (``Pagination`` reads deep windows so)."""
        return WithMuseums(self.exhibitions.reverse())

    def __getitem__(self, window):
        # The window's ids first, on the exhibition and page tables alone, then the rows with
        # their joins: the database sorts narrow rows, not every matching wide one.
        ids = self.exhibitions.values("pk")[window]
        return attach_museums(list(self.exhibitions.filter(pk__in=ids)))
