"""What keeps the large lists fast at scale (``bench/scale_bench.py``) must keep them exact.

- Kept counts (``core.api.conventions.kept_count``): the exhibitions and museums lists count
  once per question and content; the next request after a publish, an unpublish or an edit
  counts again.
- Deep windows (``offset``) answer the same items as the plain ordered list.
- The finder's cached page carries the listing's tags, not one per museum shown, and still
  follows a change of any museum it shows on the next request.
- The text filter's trigram index (PostgreSQL) leaves the results as they were.

Speed itself is measured in ``bench/``, never here.
"""

from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core import cachetags
from core.api.conventions import public_pages
from core.page_types import sample_pages
from museums.models import ExhibitionPage, MuseumPage

pytestmark = pytest.mark.django_db

EXHIBITIONS = "/api/v1/exhibitions/"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def counts_asked(client, url):
    """The body of ``url`` and how many of its queries were counts."""
    with CaptureQueriesContext(connection) as context:
        body = get(client, url)
    return body, sum("COUNT(" in query["sql"].upper() for query in context.captured_queries)


def new_exhibition(museum, title, **fields):
    page = museum.add_child(instance=ExhibitionPage(title=title, permanent=True, live=False, **fields))
    page.save_revision().publish()
    return page


@pytest.mark.uncached
@pytest.mark.parametrize("query", ["", "?current=true", "?family_friendly=true", "?limit=5&offset=3"])
def test_an_exhibition_count_is_kept_and_follows_a_publish_and_an_unpublish(demo, client, query):
    url = EXHIBITIONS + query
    first, cold = counts_asked(client, url)
    again, warm = counts_asked(client, url)
    assert again == first
    assert warm < cold, "the second request reads the count from the cache"

    museum = MuseumPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    added = new_exhibition(museum, "Zqwteller", family_friendly=True)
    assert get(client, url)["count"] == first["count"] + 1
    Page.objects.get(pk=added.pk).specific.unpublish()
    assert get(client, url)["count"] == first["count"]


@pytest.mark.uncached
def test_a_kept_count_follows_a_theme_a_move_and_a_privacy_change(demo, client):
    exhibition = sample_pages()["museums.ExhibitionPage"].specific
    theme = exhibition.themes.first() or None
    museum = exhibition.get_parent().specific
    before = get(client, EXHIBITIONS)["count"]
    if theme is not None:
        by_theme = f"{EXHIBITIONS}?theme={theme.slug}"
        themed = get(client, by_theme)["count"]
        page = ExhibitionPage.objects.get(pk=exhibition.pk)
        page.themes.set([])
        page.save_revision().publish()
        assert get(client, by_theme)["count"] == themed - 1

    # The museum goes members-only: its exhibitions leave the public list.
    shown = public_pages(ExhibitionPage, settings.LANGUAGE_CODE).filter(path__startswith=museum.path).count()
    assert shown
    restriction = museum.view_restrictions.create(restriction_type="login")
    assert get(client, EXHIBITIONS)["count"] == before - shown
    restriction.delete()
    assert get(client, EXHIBITIONS)["count"] == before


@pytest.mark.uncached
def test_the_museum_count_follows_an_exhibition_title_that_the_text_filter_reads(demo, client):
    url = "/api/v1/museums/?q=Zqwtitel"
    assert get(client, url)["count"] == 0
    assert get(client, url)["count"] == 0  # kept
    museum = MuseumPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    new_exhibition(museum, "De Zqwtitel-tentoonstelling")
    found = get(client, url)
    assert found["count"] == 1 and [item["id"] for item in found["items"]] == [museum.pk]


@pytest.mark.uncached
def test_deep_windows_hold_what_the_ordered_list_holds(demo, client):
    expected = list(
        public_pages(ExhibitionPage, settings.LANGUAGE_CODE)
        .order_by("start_date", "title", "pk")
        .values_list("pk", flat=True)
    )
    assert len(expected) > 12
    seen = []
    offset = 0
    while offset < len(expected):
        body = get(client, f"{EXHIBITIONS}?limit=7&offset={offset}")
        assert body["count"] == len(expected)
        seen += [item["id"] for item in body["items"]]
        offset += 7
    assert seen == expected
    assert get(client, f"{EXHIBITIONS}?limit=7&offset={len(expected) + 5}")["items"] == []


def test_the_finder_page_carries_its_listing_tags_not_one_per_museum(demo, client):
    index = sample_pages()["museums.MuseumIndexPage"]
    url = index.url
    assert client.get(url)["X-Cache"] == "miss"
    asked = []
    real = cachetags.is_fresh

    def recording(recorded):
        asked.append(set(recorded))
        return real(recorded)

    with mock.patch("core.pagecache.cachetags.is_fresh", recording):
        assert client.get(url)["X-Cache"] == "hit"
    shown = MuseumPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    museum_tags = {cachetags.page_tag(pk) for pk in shown.values_list("pk", flat=True)}
    (tags,) = asked
    assert not tags & museum_tags, "no museum's own tag on the finder's page"
    assert {cachetags.page_tag(index), cachetags.type_tag(MuseumPage)} <= tags


def test_the_finder_follows_a_change_of_a_museum_it_shows_on_the_next_request(demo, client):
    index = sample_pages()["museums.MuseumIndexPage"]
    url = index.url
    body = client.get(url).content.decode()
    museum = next(
        page
        for page in MuseumPage.objects.live().child_of(index).order_by("title")
        if f">{page.title}</a>" in body
    )
    assert client.get(url)["X-Cache"] == "hit"
    museum.title = "Zqwnieuwe naam"
    museum.save_revision().publish()
    response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert b"Zqwnieuwe naam" in response.content

    # Through an exhibition of a museum (a child: the museum's tag and the finder's are bumped).
    searched = f"{url}?q=Zqwkind"
    assert b"Zqwnieuwe naam" not in client.get(searched).content
    assert client.get(searched)["X-Cache"] == "hit"
    new_exhibition(museum, "Zqwkind")
    assert b"Zqwnieuwe naam" in client.get(searched).content

    # Unpublished: gone on the next request.
    Page.objects.get(pk=museum.pk).specific.unpublish()
    assert b"Zqwnieuwe naam" not in client.get(url).content


@pytest.mark.uncached
def test_the_text_filter_finds_what_it_found_before(demo, client):
    """``q`` on the museum list: the same museums as the filter's meaning, case-insensitively,
    with or without the trigram index."""
    exhibition = sample_pages()["museums.ExhibitionPage"]
    word = exhibition.title.split()[0][:5].swapcase()
    body = get(client, f"/api/v1/museums/?q={word}&limit=100")
    museums = public_pages(MuseumPage, settings.LANGUAGE_CODE)
    titles = {
        page.path[: -Page.steplen]
        for page in public_pages(ExhibitionPage, settings.LANGUAGE_CODE)
        if word.lower() in page.title.lower()
    }
    expected = {
        museum.pk
        for museum in museums
        if museum.path in titles
        or any(
            word.lower() in (value or "").lower()
            for value in (museum.title, museum.city, museum.intro, museum.listing_summary)
        )
    }
    assert body["count"] == len(expected)
    assert {item["id"] for item in body["items"]} == expected or body["count"] > 100
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'museums_page_title_trgm'")
            (definition,) = cursor.fetchone()
        assert "gin_trgm_ops" in definition
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT id FROM wagtailcore_page WHERE UPPER(title::text) LIKE UPPER(%s)",
                [f"%{word}%"],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "museums_page_title_trgm" in plan
