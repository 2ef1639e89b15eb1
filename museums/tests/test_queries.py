"""The SQL filters give the same answers as the opening-hours module, on the same table."""

from datetime import datetime, time

import pytest

from museums.factories import MuseumPageFactory
from museums.models import MuseumPage
from museums.queries import near, open_at_kept, open_at_q, open_on_kept, open_on_q

from .test_opening_hours import HOURS_ON_CASES, IS_OPEN_CASES, NEXT_OPENING_CASES, SCHEDULE, UTC


def _rows(schedule):
    hours = [(r.weekday, r.opens, r.closes, r.closes_next_day) for r in schedule.weekly]
    exceptions = [
        {
            "start_date": e.start,
            "end_date": e.end,
            "weekday": e.weekday,
            "closed": e.closed,
            "opens": e.opens,
            "closes": e.closes,
            "closes_next_day": e.closes_next_day,
            "label": e.label,
        }
        for e in schedule.exceptions
    ]
    return hours, exceptions


@pytest.fixture
def table_museum(museum_index):
    hours, exceptions = _rows(SCHEDULE)
    return MuseumPageFactory(parent=museum_index, title="Tabelmuseum", hours=hours, exceptions=exceptions)


@pytest.fixture
def bonaire(museum_index):
    return MuseumPageFactory(
        parent=museum_index,
        title="Eilandmuseum (demo)",
        city="Kralendijk",
        province="NL-BQ1",
        latitude=None,
        longitude=None,
        hours=[(d, time(9), time(17)) for d in range(7)],
    )


def _open_ids(at):
    return set(MuseumPage.objects.filter(open_at_q(at)).values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(("at", "expected", "why"), IS_OPEN_CASES, ids=[c[2] for c in IS_OPEN_CASES])
def test_open_at_matches_the_module(table_museum, at, expected, why):
    assert (table_museum.pk in _open_ids(at)) is expected, why
    assert table_museum.is_open(at) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "ranges", "exception"), HOURS_ON_CASES)
def test_open_on_matches_the_module(table_museum, day, ranges, exception):
    found = MuseumPage.objects.filter(open_on_q(day), pk=table_museum.pk).exists()
    assert found is bool(ranges)


@pytest.mark.django_db
def test_next_opening_from_the_database_rows(table_museum):
    page = MuseumPage.objects.get(pk=table_museum.pk)
    for after, expected, why in NEXT_OPENING_CASES:
        assert page.next_opening(after) == expected, why


@pytest.mark.django_db
def test_open_at_uses_each_museums_time_zone(table_museum, bonaire):
    bonaire.refresh_from_db()
    assert bonaire.timezone == "America/Kralendijk"  # derived from the province
    # Tuesday 24 Nov 2026 14:30 UTC: 15:30 in Amsterdam (open), 10:30 on Bonaire (open).
    assert _open_ids(datetime(2026, 11, 24, 14, 30, tzinfo=UTC)) == {table_museum.pk, bonaire.pk}
    # 18:30 UTC: 19:30 in Amsterdam (closed), 14:30 on Bonaire (open).
    assert _open_ids(datetime(2026, 11, 24, 18, 30, tzinfo=UTC)) == {bonaire.pk}
    # 08:30 UTC: 09:30 in Amsterdam (closed), 04:30 on Bonaire (closed).
    assert _open_ids(datetime(2026, 11, 24, 8, 30, tzinfo=UTC)) == set()


@pytest.mark.django_db
def test_near_sorts_by_distance_and_respects_the_radius(museum_index):
    # Invented points on a line east of a reference point (no real museums).
    far = MuseumPageFactory(parent=museum_index, title="Ver (demo)", latitude=52.0, longitude=5.5)
    close = MuseumPageFactory(parent=museum_index, title="Dichtbij (demo)", latitude=52.0, longitude=5.05)
    middle = MuseumPageFactory(parent=museum_index, title="Midden (demo)", latitude=52.0, longitude=5.2)
    MuseumPageFactory(parent=museum_index, title="Zonder punt (demo)", latitude=None, longitude=None)
    results = list(near(MuseumPage.objects.all(), 52.0, 5.0, 50))
    assert [m.pk for m in results] == [close.pk, middle.pk, far.pk]
    # 0.05° of longitude at 52° N is about 3.42 km.
    assert results[0].distance_km == pytest.approx(3.42, abs=0.02)
    assert [m.pk for m in near(MuseumPage.objects.all(), 52.0, 5.0, 15)] == [close.pk, middle.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(("at", "expected", "why"), IS_OPEN_CASES, ids=[c[2] for c in IS_OPEN_CASES])
def test_kept_open_sets_give_the_same_answers(table_museum, at, expected, why):
    for _ in range(2):  # computed, then read from the cache
        found = MuseumPage.objects.filter(open_at_kept(at), pk=table_museum.pk).exists()
        assert found is expected, why


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "ranges", "exception"), HOURS_ON_CASES)
def test_kept_open_day_sets_give_the_same_answers(table_museum, day, ranges, exception):
    for _ in range(2):
        assert MuseumPage.objects.filter(open_on_kept(day), pk=table_museum.pk).exists() is bool(ranges)


@pytest.mark.django_db
def test_changed_hours_are_seen_at_once(bonaire):
    at = datetime(2026, 6, 3, 15, 0, tzinfo=UTC)  # a Wednesday, 11:00 on Bonaire
    assert MuseumPage.objects.filter(open_at_kept(at), pk=bonaire.pk).exists()
    bonaire.weekly_hours.all().delete()  # an hours row changed without a publish
    assert not MuseumPage.objects.filter(open_at_kept(at), pk=bonaire.pk).exists()
    assert not MuseumPage.objects.filter(open_on_kept(at.date()), pk=bonaire.pk).exists()
