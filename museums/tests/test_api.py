"""``/api/v1/museums/`` and ``/api/v1/exhibitions/``: filters, errors, shapes, visibility."""

import datetime

import pytest

from museums.factories import ExhibitionPageFactory

from .test_finder import ALONE, COMBINED

pytestmark = pytest.mark.django_db

URL = "/api/v1/museums/"


def api_query(page_query):
    """The finder's query string in API form (a ticked box is ``true``)."""
    return page_query.replace("museumkaart=on", "museumkaart=true")


def api_titles(client, query):
    response = client.get(f"{URL}?{api_query(query)}")
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize(("query", "expected"), ALONE, ids=[q or "none" for q, _ in ALONE])
def test_each_filter_alone(client, finder_museums, query, expected):
    assert set(api_titles(client, query)) == expected


@pytest.mark.parametrize(("query", "expected"), COMBINED)
def test_filters_combine(client, finder_museums, query, expected):
    assert api_titles(client, query) == expected


def test_open_now(client, finder_museums, monkeypatch):
    fixed = datetime.datetime(2026, 11, 23, 9, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("museums.filters.timezone.now", lambda: fixed)
    assert api_titles(client, "open_now=true") == ["Natuurhuis (demo)"]


def test_distance_is_returned_and_sorted(client, finder_museums):
    items = client.get(f"{URL}?lat=52.16&lon=4.5&radius_km=100").json()["items"]
    assert [i["title"] for i in items] == ["Natuurhuis (demo)", "Kunsthal Noord (demo)"]
    assert items[0]["distance_km"] == pytest.approx(0.0, abs=0.01)
    assert items[1]["distance_km"] == pytest.approx(35.35, abs=0.05)
    assert all(i["distance_km"] is None for i in client.get(URL).json()["items"])


def test_item_shape(client, finder_museums, settings):
    item = next(i for i in client.get(URL).json()["items"] if i["title"] == "Eilandhuis (demo)")
    assert item["province"] == {"code": "NL-BQ1", "name": "Bonaire"}
    assert item["timezone"] == "America/Kralendijk"
    assert item["categories"] == ["history"]
    assert item["museumkaart"]["accepted"] is True
    assert item["today"]["ranges"] == [{"opens": "08:00", "closes": "12:00", "closes_next_day": False}]
    eiland = finder_museums["eiland"]
    assert item["type"] == "museums.MuseumPage"
    assert item["path"] == eiland.url
    assert item["url"] == settings.PUBLIC_BASE_URL + eiland.url


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("lat=abc&lon=4", "lat"),
        ("lat=91&lon=4", "lat"),
        ("lat=52", "lon"),
        ("lat=52&lon=4&radius_km=0", "radius_km"),
        ("lat=52&lon=4&radius_km=501", "radius_km"),
        ("radius_km=5", "radius_km"),
        ("province=XX", "province"),
        ("category=nonsense", "category"),
        ("accessibility=flying", "accessibility"),
        ("open_at=yesterday", "open_at"),
        ("open_on=2026-02-30", "open_on"),
        ("open_now=maybe", "open_now"),
        ("museumkaart=perhaps", "museumkaart"),
        ("open_now=true&open_at=2026-01-01T10:00", "open_at"),
        ("q=%00", "q"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_values_are_400_problems(client, finder_museums, query, param):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["detail"]
    assert param in [p["name"] for p in body["invalid_params"]]


def test_huge_offset_is_an_empty_page(client, finder_museums):
    body = client.get(f"{URL}?offset=100000000").json()
    assert (body["count"], body["items"], body["next"]) == (3, [], None)


def test_limit_and_offset(client, finder_museums, settings):
    first = client.get(f"{URL}?limit=2").json()
    second = client.get(f"{URL}?limit=2&offset=2").json()
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert first["previous"] is None and second["next"] is None
    assert first["next"] == f"{settings.PUBLIC_BASE_URL}{URL}?limit=2&offset=2"
    assert client.get(first["next"].removeprefix(settings.PUBLIC_BASE_URL)).json() == second
    assert second["previous"] == f"{settings.PUBLIC_BASE_URL}{URL}?limit=2&offset=0"


def test_drafts_and_private_museums_never_appear(client, finder_museums, museum_index):
    from museums.models import MuseumPage

    titles = api_titles(client, "limit=100")
    assert "Concept (demo)" not in titles and "Besloten (demo)" not in titles
    for title in ("Concept (demo)", "Besloten (demo)"):
        page = MuseumPage.objects.get(title=title)
        response = client.get(f"{URL}{page.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"] == f"No published museum with id {page.pk}."
    assert client.get(f"{URL}999999/").status_code == 404


def test_detail_is_flat(client, museum, exhibition, settings):
    response = client.get(f"{URL}{museum.pk}/")
    assert response.status_code == 200
    assert response["ETag"]
    data = response.json()
    assert "data" not in data
    # The item's fields, at the top level ...
    item = next(i for i in client.get(URL).json()["items"] if i["id"] == museum.pk)
    assert {key: data[key] for key in item if key not in ("open_now", "today")} == {
        key: value for key, value in item.items() if key not in ("open_now", "today")
    }
    assert data["path"] == museum.url and data["url"] == settings.PUBLIC_BASE_URL + museum.url
    # ... and the detail's own.
    hours = data["opening_hours"]
    assert len(hours["week"]) == 7 and hours["today"]["date"] == hours["week"][0]["date"]
    assert {"weekday": 0, "opens": "09:00", "closes": "22:00", "closes_next_day": False} in hours["weekly"]
    assert isinstance(hours["open_now"], bool) and hours["next_opening"]
    (summary,) = data["exhibitions"]
    assert summary["title"] == "Vrijheid (demo)" and summary["status"] == "current"
    assert summary["path"] == exhibition.url and summary["url"] == settings.PUBLIC_BASE_URL + exhibition.url
    assert data["accessibility"] == ["step-free", "audio-description"]
    groups = {g["group"]: [f["code"] for f in g["features"]] for g in data["accessibility_groups"]}
    assert groups == {"mobility": ["step-free"], "visual": ["audio-description"]}
    assert data["address"]["postcode"] == "1016 DK" and data["address"]["country"] == "NL"
    assert client.get(f"{URL}{museum.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_detail_leaves_out_exhibitions_the_public_may_not_see(client, museum, exhibition):
    from wagtail.models import PageViewRestriction

    secret = ExhibitionPageFactory(parent=museum, title="Voor leden (demo)")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    ExhibitionPageFactory(parent=museum, title="Nog niet (demo)", publish=False)
    titles = [e["title"] for e in client.get(f"{URL}{museum.pk}/").json()["exhibitions"]]
    assert titles == ["Vrijheid (demo)"]


# --- exhibitions -----------------------------------------------------------------------------

EXH = "/api/v1/exhibitions/"


@pytest.fixture
def exhibitions(museum, finder_museums):
    from core.factories import ThemeFactory

    today = datetime.date(2030, 6, 1)  # far from the real date of the other fixtures
    d = datetime.timedelta
    theme = ThemeFactory(slug="duurzaam", name="Duurzaam")
    natuur = finder_museums["natuur"]
    return {
        "now": ExhibitionPageFactory(
            parent=museum,
            title="Nu (demo)",
            start_date=today - d(days=5),
            end_date=today + d(days=5),
            family_friendly=True,
            themes=[theme],
        ),
        "later": ExhibitionPageFactory(
            parent=museum, title="Straks (demo)", start_date=today + d(days=30), end_date=today + d(days=60)
        ),
        "past": ExhibitionPageFactory(
            parent=natuur, title="Voorbij (demo)", start_date=today - d(days=90), end_date=today - d(days=30)
        ),
        "extended": ExhibitionPageFactory(
            parent=natuur,
            title="Verlengd (demo)",
            start_date=today - d(days=90),
            end_date=today - d(days=1),
            extended_until=today + d(days=20),
        ),
        "permanent": ExhibitionPageFactory(
            parent=natuur, title="Vast (demo)", permanent=True, start_date=None, end_date=None
        ),
        "draft": ExhibitionPageFactory(
            parent=museum, title="Concept-expo (demo)", publish=False, start_date=today, end_date=today
        ),
    }


def exh_titles(client, query):
    response = client.get(f"{EXH}?{query}&limit=100")
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date=2030-06-01&current=true", {"Nu (demo)", "Verlengd (demo)", "Vast (demo)"}),
        ("date=2030-06-01&upcoming=true", {"Straks (demo)"}),
        ("family_friendly=true", {"Nu (demo)"}),
        ("theme=duurzaam", {"Nu (demo)"}),
        ("date=2030-06-01&current=true&family_friendly=true", {"Nu (demo)"}),
    ],
)
def test_exhibition_filters(client, exhibitions, query, expected):
    assert exh_titles(client, query) == expected


def test_exhibitions_by_museum(client, exhibitions, museum):
    from museums.models import MuseumPage

    assert exh_titles(client, f"museum={museum.pk}") == {"Nu (demo)", "Straks (demo)"}
    for unknown in (99999, MuseumPage.objects.get(title="Besloten (demo)").pk):
        response = client.get(f"{EXH}?museum={unknown}")
        assert response.status_code == 400
        assert [p["name"] for p in response.json()["invalid_params"]] == ["museum"]


def test_exhibition_item_shape_and_no_drafts(client, exhibitions, museum):
    items = {i["title"]: i for i in client.get(f"{EXH}?limit=100&date=2030-06-01").json()["items"]}
    assert "Concept-expo (demo)" not in items
    assert items["Verlengd (demo)"]["last_day"] == "2030-06-21"
    assert items["Verlengd (demo)"]["status"] == "current"
    assert items["Voorbij (demo)"]["status"] == "past"
    assert items["Nu (demo)"]["museum"]["id"] == museum.pk
    assert items["Nu (demo)"]["museum"]["title"] == "Anne Frank Huis"
    assert items["Nu (demo)"]["museum"]["path"] == museum.url
    assert items["Nu (demo)"]["path"] == exhibitions["now"].url
    assert items["Nu (demo)"]["themes"] == ["duurzaam"]


def test_exhibitions_of_a_draft_museum_are_hidden(client, museum_index):
    from museums.factories import MuseumPageFactory

    hidden = MuseumPageFactory(parent=museum_index, title="Verborgen (demo)")
    ExhibitionPageFactory(parent=hidden, title="Onder concept (demo)")
    hidden.unpublish()
    assert "Onder concept (demo)" not in exh_titles(client, "")


@pytest.mark.parametrize("query", ["date=gisteren", "museum=abc", "current=misschien", "theme=" + "x" * 101])
def test_exhibition_bad_values(client, query):
    response = client.get(f"{EXH}?{query}")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
