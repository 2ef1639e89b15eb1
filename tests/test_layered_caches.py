"""The caches below the page cache, with the page cache off: routing, list items and cards,
fragments and JSON-LD.

Each of them must follow every change on the next request (as the page cache does), keep what
one reader may see apart from what another may, and leave what depends on the moment live.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.test import Client
from django.utils import timezone
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from agenda.models import EventPage
from core import cachetags
from core.page_types import sample_pages
from core.visibility import Visibility
from knowledge.models import FiguresPage
from museums.models import ExhibitionPage, MuseumPage
from tests.test_page_cache import TYPES, fetch_all, publish, surfaces

pytestmark = [pytest.mark.django_db, pytest.mark.uncached]


def shown_by(responses, text):
    return [url for url, response in responses.items() if text.encode() in response.content]


def test_every_surface_follows_a_change_with_only_the_inner_caches(demo, client):
    """What the page-cache test checks, with the page cache off: cards, items, fragments and
    JSON-LD kept under the page's tags never show an old title or a page that is gone."""
    failures = []
    for label in TYPES:
        kind = label.split(".")[1]
        page = publish(sample_pages()[label], f"Zqwinner{kind}one")
        urls = surfaces(page)
        fetch_all(client, urls)
        shown = shown_by(fetch_all(client, urls), f"Zqwinner{kind}one")
        if not shown:
            failures.append(f"{label}: no surface shows the page")
            continue
        page = publish(page, f"Zqwinner{kind}two")
        fresh = fetch_all(client, urls)
        failures += [f"{label}: {url} is stale" for url in shown_by(fresh, f"Zqwinner{kind}one")]
        failures += [
            f"{label}: {url} lost the page"
            for url in shown
            if f"Zqwinner{kind}two".encode() not in fresh[url].content
        ]
        Page.objects.get(pk=page.pk).specific.unpublish()
        gone = fetch_all(client, urls)
        failures += [
            f"{label}: {url} shows an unpublished page" for url in shown_by(gone, f"Zqwinner{kind}two")
        ]
    assert not failures, "\n".join(failures)


def test_a_list_window_of_cached_items_costs_two_queries(demo, client, django_assert_max_num_queries):
    """The items themselves come from the cache: a count and the window's ids remain."""
    for path in ("/api/v1/museums/", "/api/v1/events/?from=2000-01-01", "/api/v1/articles/"):
        assert client.get(path).status_code == 200
        with django_assert_max_num_queries(3):
            assert client.get(path).status_code == 200


def test_a_card_follows_a_change_of_a_page_it_shows(demo, client):
    """An agenda card names its venue: publishing the museum under a new name updates the card
    (the event references the museum, and the dependency map follows references)."""
    event = (
        EventPage.objects.live()
        .filter(venue_museum__isnull=False, locale__language_code=settings.LANGUAGE_CODE)
        .exclude(attendance_mode="online")
        .filter(occurrences__end__gt=timezone.now())
        .select_related("venue_museum")
        .first()
    )
    assert event is not None, "the demo has an upcoming event at a museum"
    museum = event.venue_museum.specific
    agenda = event.get_parent().url
    museum.city = "Zqwstad"
    museum.save_revision().publish()
    listing = f"{agenda}?museum={museum.pk}"
    assert b"Zqwstad" in client.get(listing).content
    museum = MuseumPage.objects.get(pk=museum.pk)
    museum.city = "Zqwdorp"
    museum.save_revision().publish()
    body = client.get(listing).content
    assert b"Zqwdorp" in body and b"Zqwstad" not in body


@pytest.fixture
def members(db):
    return Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0]


@pytest.fixture
def member_client(members):
    user = get_user_model().objects.create_user("lid", "lid@example.org", "geheim-wachtwoord")
    user.groups.add(members)
    client = Client()
    client.force_login(user)
    return client


def test_fragments_keep_readers_apart(demo, client, members, member_client):
    """A members-only exhibition shows on its museum's page to members only, whoever asked
    first: the museum's exhibitions and fragments are kept per reader's visibility."""
    exhibition = (
        ExhibitionPage.objects.live()
        .filter(Q(last_day__isnull=True) | Q(last_day__gte=timezone.localdate()))
        .filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
        .first()
    )
    museum = exhibition.get_parent().specific
    exhibition.title = "Zqwledenexpo"
    exhibition.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=exhibition, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(members)

    assert b"Zqwledenexpo" in member_client.get(museum.url).content
    assert b"Zqwledenexpo" not in client.get(museum.url).content
    assert b"Zqwledenexpo" in member_client.get(museum.url).content

    restriction.delete()
    assert b"Zqwledenexpo" in client.get(museum.url).content, "lifting the restriction shows it to all"


def test_what_depends_on_the_moment_stays_live_inside_a_cached_page(demo, client):
    """A museum page's fragments are cached, its "open now" is not."""
    museum = MuseumPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    museum = next(m for m in museum.prefetch_related("weekly_hours") if m.weekly_hours.all())
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    moments = [start + timedelta(hours=hours) for hours in range(24 * 7)]
    open_at = next(moment for moment in moments if museum.is_open(moment))
    closed_at = next(moment for moment in moments if not museum.is_open(moment))
    answers = {}
    for moment in (open_at, closed_at, open_at):
        with mock.patch("museums.context.timezone.now", return_value=moment):
            body = client.get(museum.url).content
        answers.setdefault(moment, set()).add(b"badge--open" in body.split(b"museum__state")[1][:200])
    assert answers == {open_at: {True}, closed_at: {False}}


def test_the_home_page_follows_its_publish_although_routing_is_cached(demo, client):
    home = Page.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE).specific
    client.get("/")
    home.title = "Zqwthuis"
    home.seo_title = ""
    home.save_revision().publish()
    assert b"Zqwthuis" in client.get("/").content


def test_a_figures_page_trend_follows_the_other_years(demo, client):
    """The trend charts of a figures page show every year: a change of another year's page
    reaches them (the fragment carries the type's tag, not only the page's)."""
    years = list(
        FiguresPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)
        .order_by("year")
    )
    assert len(years) >= 3
    first, last = years[0], years[-1]
    row = f'<th scope="row">{last.year}</th>'.encode()
    assert row in client.get(first.url).content
    last.unpublish()
    assert row not in client.get(first.url).content
    last.save_revision().publish()
    assert row in client.get(first.url).content


def gone_or_redirected(response, to):
    """An old address answers 404, or the redirect Wagtail made to the new one."""
    return response.status_code == 404 or (response.status_code == 301 and response["Location"] == to)


def test_routing_follows_a_new_address_a_move_an_unpublished_section_and_a_delete(demo, client):
    """Routing keeps the pages along a path in the cache: every change of the tree must reach it
    on the next request."""
    museum = MuseumPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    exhibition = ExhibitionPage.objects.live().child_of(museum).first()
    old = exhibition.url
    assert client.get(old).status_code == 200

    exhibition.slug = "zqw-nieuw-adres"
    exhibition.save_revision().publish()
    new = ExhibitionPage.objects.get(pk=exhibition.pk).url
    assert new.endswith("/zqw-nieuw-adres/")
    assert gone_or_redirected(client.get(old), new)
    assert client.get(new).status_code == 200

    other = MuseumPage.objects.live().filter(locale=museum.locale).exclude(pk=museum.pk).first()
    client.get(other.url)
    Page.objects.get(pk=exhibition.pk).move(other, pos="last-child")
    moved = ExhibitionPage.objects.get(pk=exhibition.pk)
    assert gone_or_redirected(client.get(new), moved.url)
    response = client.get(moved.url)
    assert response.status_code == 200
    assert other.title.encode() in response.content  # the breadcrumbs follow the move

    other.unpublish()
    assert client.get(moved.url).status_code == 404
    other.save_revision().publish()
    assert client.get(moved.url).status_code == 200

    Page.objects.get(pk=exhibition.pk).delete()
    assert client.get(moved.url).status_code == 404


def test_the_visibility_expression_agrees_with_the_rule_page_by_page(demo, members):
    """``core.visibility`` filters in SQL (one range per closed section); ``can_view`` decides
    in Python: both give the same pages, for the public and for a member."""
    pages = list(Page.objects.filter(depth__gt=1))
    user = get_user_model().objects.create_user("lid2", "lid2@example.org", "geheim-wachtwoord")
    user.groups.add(members)
    for exhibition in ExhibitionPage.objects.live()[:2]:
        PageViewRestriction.objects.create(page=exhibition, restriction_type=BaseViewRestriction.LOGIN)
    for visibility in (Visibility.public(), Visibility(*_state(), user=user)):
        in_sql = set(visibility.filter(Page.objects.filter(depth__gt=1).live()).values_list("pk", flat=True))
        in_python = {page.pk for page in pages if visibility.can_view(page)}
        assert in_sql == in_python
        listable = set(visibility.listable(Page.objects.filter(depth__gt=1)).values_list("pk", flat=True))
        assert listable == {page.pk for page in pages if page.pk in in_python and not page.alias_of_id}


def _state():
    from core.visibility import _load_hidden_sections, _load_restrictions

    return _load_restrictions(), _load_hidden_sections()


def test_items_held_by_a_process_go_stale_with_a_change_made_elsewhere(db):
    """A worker's own copy of an item is checked against the shared versions on every use: a
    bump made by another process (here: directly in the shared cache) makes it stale."""
    computed = []

    def compute(keys):
        computed.extend(keys)
        return {key: f"value of {key}" for key in keys}

    entries = {"item:1": ["page:1"], "item:2": ["page:2"]}
    assert cachetags.cached_many(entries, compute) == {
        "item:1": "value of item:1",
        "item:2": "value of item:2",
    }
    assert cachetags.cached_many(entries, compute) and computed == ["item:1", "item:2"]
    cachetags.bump(["page:2"])
    cachetags.cached_many(entries, compute)
    assert computed == ["item:1", "item:2", "item:2"]
    cachetags.bump([cachetags.EPOCH])
    cachetags.cached_many(entries, compute)
    assert sorted(computed[3:]) == ["item:1", "item:2"]
