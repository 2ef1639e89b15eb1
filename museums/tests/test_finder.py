"""The museum finder page: each filter alone and combined, bad input, order, paging."""

import re

import pytest
from django.utils import translation

from museums.factories import MuseumPageFactory

pytestmark = pytest.mark.django_db


def nl(text):
    """A UI string as the Dutch pages show it (translated or not)."""
    with translation.override("nl"):
        return translation.gettext(text)


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="museum-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def get(client, museum_index, query=""):
    return client.get(museum_index.url + ("?" + query if query else ""))


ALONE = [
    ("", {"Eilandhuis (demo)", "Kunsthal Noord (demo)", "Natuurhuis (demo)"}),
    ("q=noord", {"Kunsthal Noord (demo)"}),
    ("q=leiden", {"Natuurhuis (demo)"}),
    ("q=vlinders", {"Natuurhuis (demo)"}),  # an exhibition title
    ("province=NL-BQ1", {"Eilandhuis (demo)"}),
    ("city=amsterdam", {"Kunsthal Noord (demo)"}),
    ("category=nature", {"Natuurhuis (demo)"}),
    ("museumkaart=on", {"Eilandhuis (demo)", "Kunsthal Noord (demo)"}),
    ("accessibility=step-free", {"Kunsthal Noord (demo)", "Natuurhuis (demo)"}),
    ("accessibility=step-free&accessibility=audio-description", {"Kunsthal Noord (demo)"}),
    # Monday 23 Nov 2026 10:30 in Amsterdam: the Kunsthal is closed on Mondays; 05:30 on Bonaire.
    ("open_at=2026-11-23T10:30", {"Natuurhuis (demo)"}),
    # 15:00 UTC = 16:00 in Amsterdam, 11:00 on Bonaire: all three open on a Tuesday.
    ("open_at=2026-11-24T15:00Z", {"Eilandhuis (demo)", "Kunsthal Noord (demo)", "Natuurhuis (demo)"}),
    ("open_on=2026-11-23", {"Eilandhuis (demo)", "Natuurhuis (demo)"}),
    ("open_on=2026-12-25", {"Eilandhuis (demo)", "Kunsthal Noord (demo)"}),  # the Natuurhuis closes
    ("lat=52.3&lon=4.8&radius_km=40", {"Kunsthal Noord (demo)", "Natuurhuis (demo)"}),
]


@pytest.mark.parametrize(("query", "expected"), ALONE, ids=[q or "none" for q, _ in ALONE])
def test_each_filter_alone(client, museum_index, finder_museums, query, expected):
    assert set(titles(get(client, museum_index, query))) == expected


COMBINED = [
    ("museumkaart=on&accessibility=step-free", ["Kunsthal Noord (demo)"]),
    ("category=art&province=NL-ZH", []),
    ("open_on=2026-11-23&museumkaart=on", ["Eilandhuis (demo)"]),
    (
        "q=demo&province=NL-NH&accessibility=audio-description&open_at=2026-11-24T12:00",
        ["Kunsthal Noord (demo)"],
    ),
    (
        "lat=52.16&lon=4.5&radius_km=50&accessibility=step-free",
        ["Natuurhuis (demo)", "Kunsthal Noord (demo)"],
    ),
]


@pytest.mark.parametrize(("query", "expected"), COMBINED)
def test_filters_combine(client, museum_index, finder_museums, query, expected):
    assert titles(get(client, museum_index, query)) == expected


def test_open_now_uses_the_clock(client, museum_index, finder_museums, monkeypatch):
    import datetime

    fixed = datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.UTC)  # Monday 10:30 in Amsterdam
    monkeypatch.setattr("museums.filters.timezone.now", lambda: fixed)
    assert titles(get(client, museum_index, "open_now=on")) == ["Natuurhuis (demo)"]


def test_distance_order_and_shown_distance(client, museum_index, finder_museums):
    response = get(client, museum_index, "lat=52.16&lon=4.5&radius_km=100")
    assert titles(response) == ["Natuurhuis (demo)", "Kunsthal Noord (demo)"]
    assert "0,0 km" in response.content.decode() or "0.0 km" in response.content.decode()
    assert nl("Within %(radius)s km, nearest first.") % {"radius": "100"} in response.content.decode()


def heading(response):
    return re.search(r'id="results-heading"[^>]*>\s*(.*?)\s*</h2>', response.content.decode(), re.S).group(1)


def test_count_is_shown(client, museum_index, finder_museums):
    assert re.fullmatch(r"3 \w+", heading(get(client, museum_index)))
    assert re.fullmatch(r"1 \w+", heading(get(client, museum_index, "province=NL-BQ1")))


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("lat=abc&lon=4", "lat"),
        ("lat=52", "lon"),
        ("lat=52&lon=4&radius_km=100000", "radius_km"),
        ("radius_km=5", "radius_km"),
        ("province=XX", "province"),
        ("category=nonsense", "category"),
        ("accessibility=flying", "accessibility"),
        ("open_on=2026-13-45", "open_on"),
        ("open_at=yesterday", "open_at"),
        ("q=%00", "q"),
        ("q=" + "x" * 101, "q"),
    ],
)
def test_bad_values_give_a_message_not_an_error(client, museum_index, finder_museums, query, param):
    response = get(client, museum_index, query)
    assert response.status_code == 400  # a message in the page, and a status that says so
    body = response.content.decode()
    assert nl("Please check the filters") in body
    assert f"<strong>{param}</strong>" in body  # the message names the parameter
    assert 'class="museum-card' not in body


def test_drafts_and_private_museums_never_appear(client, museum_index, finder_museums):
    body = get(client, museum_index, "category=art").content.decode()
    assert "Concept (demo)" not in body and "Besloten (demo)" not in body
    assert titles(get(client, museum_index, "q=besloten")) == []


def test_paginated_with_filters_kept(client, museum_index, finder_museums):
    museum_index.per_page = 2
    museum_index.save_revision().publish()
    response = get(client, museum_index, "q=demo&province=")
    assert len(titles(response)) == 2
    assert "q=demo&amp;province=&amp;page=2" in response.content.decode()
    assert titles(get(client, museum_index, "q=demo&province=&page=2")) == ["Natuurhuis (demo)"]
    assert len(titles(get(client, museum_index, "museumkaart=on"))) == 2  # one page: no link
    assert "page=2" not in get(client, museum_index, "museumkaart=on").content.decode()
    assert len(titles(get(client, museum_index, "page=999"))) == 1  # the last page, not an error
    assert len(titles(get(client, museum_index, "page=abc"))) == 2


def test_form_is_usable_without_javascript(client, museum_index, finder_museums):
    body = get(client, museum_index).content.decode()
    assert '<form class="finder__form" method="get"' in body
    for name in (
        "q",
        "province",
        "city",
        "category",
        "museumkaart",
        "open_now",
        "open_on",
        "lat",
        "lon",
        "radius_km",
    ):
        assert re.search(rf'<label for="id_{name}">', body), name
    assert "data-locate hidden" in body  # the location button only appears with the script


def test_the_card_shows_state_and_hours(client, museum_index):
    MuseumPageFactory(
        parent=museum_index,
        title="Altijd open (demo)",
        hours=[(d, __import__("datetime").time(0), __import__("datetime").time(23, 59)) for d in range(7)],
    )
    body = get(client, museum_index).content.decode()
    assert nl("Open now") in body
    assert "00:00–23:59" in body


@pytest.fixture
def members_only(museum_index, finder_museums):
    """A museum open to logged-in readers and a members-only exhibition of a public museum."""
    from wagtail.models import PageViewRestriction

    from museums.factories import ExhibitionPageFactory

    museum = MuseumPageFactory(parent=museum_index, title="Ledenhuis (demo)")
    PageViewRestriction.objects.create(page=museum, restriction_type="login")
    exhibition = ExhibitionPageFactory(parent=finder_museums["natuur"], title="Ledenexpo (demo)")
    PageViewRestriction.objects.create(page=exhibition, restriction_type="login")
    return museum, exhibition


def test_the_reader_decides_what_the_finder_lists(client, museum_index, members_only, django_user_model):
    assert "Ledenhuis (demo)" not in titles(get(client, museum_index))
    assert titles(get(client, museum_index, "q=ledenexpo")) == []  # no oracle on hidden titles
    client.force_login(django_user_model.objects.create_user("lid", password="wachtwoord-123"))
    assert "Ledenhuis (demo)" in titles(get(client, museum_index))
    assert titles(get(client, museum_index, "q=ledenexpo")) == ["Natuurhuis (demo)"]


def test_the_reader_decides_which_exhibitions_a_museum_page_lists(
    client, finder_museums, members_only, django_user_model
):
    natuur = finder_museums["natuur"]
    body = client.get(natuur.url).content.decode()
    assert "Vlinders van de duinen (demo)" in body and "Ledenexpo (demo)" not in body
    client.force_login(django_user_model.objects.create_user("lid", password="wachtwoord-123"))
    assert "Ledenexpo (demo)" in client.get(natuur.url).content.decode()
    assert "Ledenexpo (demo)" not in client.get(f"/api/v1/museums/{natuur.pk}/").content.decode()


def test_a_page_number_past_the_end_says_so(client, museum_index, finder_museums):
    body = get(client, museum_index, "page=999").content.decode()
    assert nl("There is no page %(number)s; showing the last page.") % {"number": 999} in body
