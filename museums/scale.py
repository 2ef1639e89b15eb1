"""Scale data for the benchmarks: 5,000 museums and 50,000 exhibitions (at factor 1).

The museums are invented ("Schaalmuseum N (demo)") at random points in the Netherlands (2 % on
the islands), with weekly hours, holiday exceptions, categories and accessibility features.
A museum and its exhibitions go into the tree together with ``ctx.bulk_add_pages`` (no per-page
``add_child``); hours, exceptions and links with ``bulk_create``. The pages are live but not in
the search index (``manage.py update_index`` adds them).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.seeding import seed_step

from .choices import (
    CARIBBEAN_PROVINCES,
    PROVINCE_TIME_ZONES,
    Accessibility,
    Category,
    MuseumTimeZone,
    Province,
)
from .models import (
    AccessibilityFeature,
    ExhibitionPage,
    MuseumCategory,
    MuseumIndexPage,
    MuseumPage,
    OpeningHoursException,
    WeeklyOpeningHours,
)

FULL_SIZE = 5_000
EXHIBITIONS_PER_MUSEUM = 10
BATCH = 250
CARIBBEAN = sorted(str(p) for p in CARIBBEAN_PROVINCES)
EUROPEAN = [p for p in Province.values if p not in CARIBBEAN]
T = datetime.time
PATTERNS = [
    [(d, T(10), T(17)) for d in range(1, 7)],
    [(d, T(11), T(17)) for d in range(1, 7)],
    [(d, T(9), T(17)) for d in range(7)],
    [(d, T(10), T(17)) for d in range(3, 7)],
    [*((d, T(10), T(12, 30)) for d in range(1, 6)), *((d, T(13, 30), T(17)) for d in range(1, 6))],
]


def _museum_fields(ctx, number):
    rng = ctx.rng
    caribbean = rng.random() < 0.02
    province = rng.choice(CARIBBEAN) if caribbean else rng.choice(EUROPEAN)
    if caribbean:
        lat, lon = round(rng.uniform(12.0, 18.1), 5), round(rng.uniform(-70.1, -62.9), 5)
    else:
        lat, lon = round(rng.uniform(50.75, 53.5), 5), round(rng.uniform(3.4, 7.2), 5)
    return {
        "city": f"Schaalstad {number % 400}",
        "province": province,
        "latitude": lat,
        "longitude": lon,
        "coordinates_precision": "approximate",
        "timezone": PROVINCE_TIME_ZONES.get(province, MuseumTimeZone.AMSTERDAM),
        "intro": f"Een verzonnen museum voor de schaaltest (demo) nummer {number}.",
        "museumkaart_accepted": rng.random() < 0.8,
        "museumkaart_reservation_required": rng.random() < 0.1,
    }


def _hours(ctx, museum, today):
    rng = ctx.rng
    weekly = [
        WeeklyOpeningHours(museum_id=museum.pk, weekday=d, opens=o, closes=c, sort_order=i)
        for i, (d, o, c) in enumerate(rng.choice(PATTERNS))
    ]
    exceptions = []
    for year in (today.year, today.year + 1):
        for day in (datetime.date(year, 1, 1), datetime.date(year, 12, 25)):
            exceptions.append(
                OpeningHoursException(
                    museum_id=museum.pk,
                    start_date=day,
                    end_date=day,
                    closed=True,
                    label="Feestdag (demo)",
                    span_days=0,
                )
            )
        if rng.random() < 0.3:
            start, end = datetime.date(year, 7, 1), datetime.date(year, 8, 31)
            exceptions.append(
                OpeningHoursException(
                    museum_id=museum.pk,
                    start_date=start,
                    end_date=end,
                    opens=T(10),
                    closes=T(18),
                    label="Zomer (demo)",
                    span_days=(end - start).days,
                )
            )
    return weekly, exceptions


def _exhibition_fields(ctx, today):
    rng = ctx.rng
    if rng.random() < 0.1:
        return {"permanent": True, "start_date": None, "end_date": None, "last_day": None}
    start = today + datetime.timedelta(days=rng.randint(-700, 400))
    end = start + datetime.timedelta(days=rng.randint(30, 200))
    return {
        "permanent": False,
        "start_date": start,
        "end_date": end,
        "last_day": end,
        "family_friendly": rng.random() < 0.3,
        "intro": "Verzonnen tentoonstelling (demo).",
    }


def _index(ctx, locale):
    """The museum finder the scale museums go under (made under the home page if missing)."""
    index = MuseumIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is not None:
        return index
    return ctx.get_or_create_page(
        ctx.home, MuseumIndexPage, slug="musea", defaults={"title": "Musea", "show_in_menus": True}
    )


@seed_step(kind="scale", order=30, label="museums")
def generate(ctx):
    locale = ctx.locale("nl")
    index = _index(ctx, locale)
    prefix = f"schaal-{ctx.seed}-"
    if MuseumPage.objects.child_of(index).filter(slug__startswith=prefix).exists():
        ctx.log(f"    scale museums with seed {ctx.seed} exist already; nothing to do")
        return
    count = ctx.scaled(FULL_SIZE)
    categories = list(MuseumCategory.objects.ensure_all().values())
    features = list(AccessibilityFeature.objects.ensure_all().values())
    assert len(categories) == len(Category.values) and len(features) == len(Accessibility.values)
    today = timezone.localdate()
    for numbers in ctx.batches(count, BATCH, f"museums, {EXHIBITIONS_PER_MUSEUM} exhibitions each"):
        with transaction.atomic():
            museums = [
                MuseumPage(
                    slug=f"{prefix}{n:05d}", title=f"Schaalmuseum {n} (demo)", **_museum_fields(ctx, n)
                )
                for n in numbers
            ]
            ctx.bulk_add_pages(
                index,
                [
                    (
                        museum,
                        [
                            ExhibitionPage(
                                slug=f"expo-{k}",
                                title=f"Tentoonstelling {k} van {museum.title}",
                                **_exhibition_fields(ctx, today),
                            )
                            for k in range(EXHIBITIONS_PER_MUSEUM)
                        ],
                    )
                    for museum in museums
                ],
            )
            weekly, exceptions, category_links, feature_links = [], [], [], []
            for museum in museums:
                w, e = _hours(ctx, museum, today)
                weekly += w
                exceptions += e
                for category in ctx.rng.sample(categories, k=ctx.rng.randint(1, 3)):
                    category_links.append(
                        MuseumPage.categories.through(museumpage_id=museum.pk, museumcategory_id=category.pk)
                    )
                for feature in ctx.rng.sample(features, k=ctx.rng.randint(0, 8)):
                    feature_links.append(
                        MuseumPage.accessibility_features.through(
                            museumpage_id=museum.pk, accessibilityfeature_id=feature.pk
                        )
                    )
            WeeklyOpeningHours.objects.bulk_create(weekly, batch_size=2000)
            OpeningHoursException.objects.bulk_create(exceptions, batch_size=2000)
            MuseumPage.categories.through.objects.bulk_create(category_links, batch_size=2000)
            MuseumPage.accessibility_features.through.objects.bulk_create(feature_links, batch_size=2000)
    ctx.log(f"    {count} museums, {count * EXHIBITIONS_PER_MUSEUM} exhibitions under {index.url_path}")
