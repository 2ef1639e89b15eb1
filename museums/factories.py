"""Test factories for the museums app (test-only: factory_boy is a dev extra)."""

import datetime

import factory

from core.factories import PageFactory

from .models import (
    AccessibilityFeature,
    ExhibitionPage,
    MuseumCategory,
    MuseumIndexPage,
    MuseumPage,
    OpeningHoursException,
    WeeklyOpeningHours,
)

# Tuesday to Sunday 10:00–17:00, the most common Dutch pattern.
DEFAULT_WEEK = [(day, datetime.time(10), datetime.time(17)) for day in range(1, 7)]


class MuseumIndexPageFactory(PageFactory):
    title = "Musea"
    slug = "musea"
    intro = "Vind een museum."

    class Meta:
        model = MuseumIndexPage


class MuseumPageFactory(PageFactory):
    """``MuseumPageFactory(parent=index, hours=[(weekday, opens, closes), ...],
    exceptions=[{...OpeningHoursException fields}], categories=["art"],
    accessibility=["step-free"])``; hours default to Tuesday–Sunday 10–17."""

    title = factory.Sequence(lambda n: f"Museum {n}")
    address = factory.Sequence(lambda n: f"Museumstraat {n}")
    postcode = "1000 AA"
    city = "Amsterdam"
    province = "NL-NH"
    latitude = 52.37
    longitude = 4.89
    website = "https://example.org/"

    class Meta:
        model = MuseumPage

    @classmethod
    def _create(
        cls, model_class, *args, hours=None, exceptions=(), categories=(), accessibility=(), **kwargs
    ):
        hours = DEFAULT_WEEK if hours is None else hours
        kwargs["weekly_hours"] = [
            WeeklyOpeningHours(
                weekday=row[0], opens=row[1], closes=row[2], closes_next_day=row[3] if len(row) > 3 else False
            )
            for row in hours
        ]
        kwargs["hours_exceptions"] = [OpeningHoursException(**fields) for fields in exceptions]
        if categories:
            rows = MuseumCategory.objects.ensure_all()
            kwargs["categories"] = [rows[code] for code in categories]
        if accessibility:
            rows = AccessibilityFeature.objects.ensure_all()
            kwargs["accessibility_features"] = [rows[code] for code in accessibility]
        return super()._create(model_class, *args, **kwargs)


class ExhibitionPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Tentoonstelling {n}")
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))
    intro = "Een tentoonstelling (demo)."

    class Meta:
        model = ExhibitionPage
