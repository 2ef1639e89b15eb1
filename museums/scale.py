"""Scale data for the benchmarks: 5,000 museums and 50,000 exhibitions (at factor 1).

The museums are invented ("Schaalmuseum N (demo)") at random points in the Netherlands (2 % on
the islands), with weekly hours, holiday exceptions, categories and accessibility features.
Pages are bulk-inserted with treebeard paths computed here (no per-page ``add_child``); hours,
exceptions and links with ``bulk_create``. The pages are live but not in the search index.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from core.scale_loader import scale_generator

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


def _index(locale):
    index = MuseumIndexPage.objects.filter(locale=locale).order_by("path").first()
    if index is not None:
        return index
    from home.models import HomePage

    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py load_demo` before generating scale data.")
    index = MuseumIndexPage(title="Musea", slug="musea", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _next_step(parent):
    last = parent.get_last_child()
    return (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1


def _insert_pages(model, parent, step, rows, locale, now):
    """Insert ``model`` pages under ``parent``: rows are (slug, title, numchild, fields)."""
    content_type = ContentType.objects.get_for_model(model)
    pages = [
        Page(
            content_type=content_type,
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(parent.path, parent.depth + 1, step + n),
            depth=parent.depth + 1,
            numchild=numchild,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        for n, (slug, title, numchild, _fields) in enumerate(rows)
    ]
    Page.objects.bulk_create(pages)
    if pages[0].pk is None:  # backends that do not return ids
        by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
        for page in pages:
            page.pk = page.id = by_path[page.path]
    objects = []
    for page, (_slug, _title, _numchild, fields) in zip(pages, rows, strict=True):
        obj = model(
            page_ptr_id=page.pk, **{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
        )
        for name, value in fields.items():
            setattr(obj, name, value)
        objects.append(obj)
    model._base_manager._insert(objects, fields=list(model._meta.local_concrete_fields), using="default")
    return objects


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


@scale_generator(order=30, label="museums")
def generate(ctx):
    locale = Locale.objects.get(language_code="nl")
    index = _index(locale)
    prefix = f"schaal-{ctx.seed}-"
    if MuseumPage.objects.child_of(index).filter(slug__startswith=prefix).exists():
        ctx.log(f"    scale museums with seed {ctx.seed} exist already; nothing to do")
        return
    count = ctx.scaled(FULL_SIZE)
    categories = list(MuseumCategory.objects.ensure_all().values())
    features = list(AccessibilityFeature.objects.ensure_all().values())
    assert len(categories) == len(Category.values) and len(features) == len(Accessibility.values)
    today, now = timezone.localdate(), timezone.now()
    step = _next_step(index)
    museum_ids = []
    for start in ctx.progress(
        range(0, count, BATCH), f"museums with exhibitions (batches of {BATCH})", every=1
    ):
        numbers = range(start, min(start + BATCH, count))
        with transaction.atomic():
            rows = [
                (
                    f"{prefix}{n:05d}",
                    f"Schaalmuseum {n} (demo)",
                    EXHIBITIONS_PER_MUSEUM,
                    _museum_fields(ctx, n),
                )
                for n in numbers
            ]
            museums = _insert_pages(MuseumPage, index, step + start, rows, locale, now)
            weekly, exceptions, category_links, feature_links = [], [], [], []
            for museum in museums:
                museum_ids.append(museum.pk)
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
            for museum in museums:
                rows = [
                    (
                        f"expo-{k}",
                        f"Tentoonstelling {k} van {museum.title}",
                        0,
                        _exhibition_fields(ctx, today),
                    )
                    for k in range(EXHIBITIONS_PER_MUSEUM)
                ]
                _insert_pages(ExhibitionPage, museum, 1, rows, locale, now)
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    ctx.data["museum_ids"] = museum_ids
    ctx.log(f"    {count} museums, {count * EXHIBITIONS_PER_MUSEUM} exhibitions under {index.url_path}")
