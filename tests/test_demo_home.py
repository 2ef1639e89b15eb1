"""The demo home page features what is current on the day the demo is loaded."""

import pytest
from django.utils import timezone

from agenda.models import EventPage
from home.models import HomePage
from knowledge.models import ArticlePage, FiguresPage

pytestmark = pytest.mark.django_db


def test_demo_home_features_the_next_events_the_latest_figures_and_a_recent_article(demo):
    home = HomePage.objects.get(depth=2, locale__language_code="nl")
    pages = [item.page.specific for item in home.featured_items.order_by("sort_order")]
    today = timezone.localdate()

    events = [page for page in pages if isinstance(page, EventPage)]
    assert len(events) == 2
    upcoming = (
        EventPage.objects.live()
        .filter(locale=home.locale, start_date__gte=today, alias_of__isnull=True)
        .exclude(status="cancelled")
        .order_by("start_date")
    )
    assert all(event.start_date >= today for event in events)
    assert events[0].start_date == upcoming.first().start_date

    figures = [page for page in pages if isinstance(page, FiguresPage)]
    latest_year = FiguresPage.objects.filter(locale=home.locale).order_by("-year").first().year
    assert [page.year for page in figures] == [latest_year]

    articles = [page for page in pages if isinstance(page, ArticlePage)]
    assert len(articles) == 1 and articles[0].publication_date <= today
    public = ArticlePage.objects.live().public().filter(locale=home.locale, publication_date__lte=today)
    assert articles[0].publication_date == public.order_by("-publication_date").first().publication_date
    assert len(pages) == 6
