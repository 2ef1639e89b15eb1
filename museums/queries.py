"""The finder's questions as SQL: "open at", "open on a date", "near a point", text.

Each function returns a ``Q`` or a queryset expression for ``MuseumPage`` that works on SQLite
and PostgreSQL alike (no PostGIS). The opening-hours rules are those of ``opening_hours``; the
tests check both against the same table of cases.
"""

from datetime import datetime, timedelta
from math import cos, radians
from zoneinfo import ZoneInfo

from django.db.models import Exists, F, FloatField, OuterRef, Q
from django.db.models.functions import ASin, Cos, Length, Power, Radians, Sin, Sqrt, Substr

from .choices import MuseumTimeZone
from .models import ExhibitionPage, OpeningHoursException, WeeklyOpeningHours

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


# --- text ----------------------------------------------------------------------------------


def text_q(text):
    """Name, city, summary or the title of a live exhibition under the museum contain ``text``."""
    exhibition_parents = (
        ExhibitionPage.objects.live()
        .filter(title__icontains=text)
        .annotate(parent_path=Substr("path", 1, Length("path") - ExhibitionPage.steplen))
        .values("parent_path")
    )
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


# --- visibility ----------------------------------------------------------------------------


def _restricted_paths():
    """Paths of view restrictions that can cover a museum or an exhibition: those on a museum
    section or above it (an ancestor) and those inside one. Restrictions elsewhere on the site
    are left out of the query instead of adding a ``NOT LIKE`` per restriction to every row."""
    from wagtail.models import PageViewRestriction

    from .models import MuseumIndexPage

    sections = list(MuseumIndexPage.objects.values_list("path", flat=True))
    paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    return [p for p in paths if any(s.startswith(p) or p.startswith(s) for s in sections)]


def visible_pages(model, queryset=None, *, aliases=False):
    """Live, public pages of ``model``, without aliases unless asked (the rule of the API's
    ``public_pages``).

    ``pk__in`` over the model's own table lets SQLite start from the few thousand museum rows
    rather than every page of the site; PostgreSQL plans it as a semi-join.
    """
    queryset = model.objects.all() if queryset is None else queryset
    queryset = queryset.live().filter(pk__in=model.objects.values("page_ptr_id"))
    if not aliases:
        queryset = queryset.filter(alias_of__isnull=True)
    for path in _restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
