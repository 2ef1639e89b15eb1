"""The awards API: lists, details, filters alone and combined, bad input, drafts, query counts."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory

pytestmark = pytest.mark.django_db


def _get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture
def second_award(awards_index, museums):
    award = AwardPageFactory(
        parent=awards_index, title="Museumeducatie Prijs", slug="museumeducatie-prijs", cycle="biennial"
    )
    AwardEditionPageFactory(
        parent=award,
        year=2023,
        title="Museumeducatie Prijs 2023",
        nominations=[(museums[1], Stage.WINNER), (museums[3], Stage.NOMINEE)],
    )
    AwardEditionPageFactory(
        parent=award, year=2025, title="Concept 2025", publish=False, nominations=[(museums[2], Stage.WINNER)]
    )
    return award


def test_awards_list_with_current_edition(client, edition_2024, second_award):
    data = _get(client, "/api/v1/awards/")
    assert data["count"] == 2
    by_title = {item["title"]: item for item in data["items"]}
    prijs = by_title["VriendenLoterij Museumprijs"]
    assert prijs["type"] == "awards.AwardPage"
    assert prijs["current_edition"]["year"] == 2024
    assert prijs["current_edition"]["phase"] == "completed"
    assert prijs["current_edition"]["winner"]["title"] == "Nederlands Openluchtmuseum"
    assert by_title["Museumeducatie Prijs"]["current_edition"]["year"] == 2023  # the draft 2025 never shows


def test_award_detail_lists_published_editions(client, award, edition_2024):
    AwardEditionPageFactory(parent=award, year=2023, title="Museumprijs 2023")
    AwardEditionPageFactory(parent=award, year=2025, title="Concept", publish=False)
    data = _get(client, f"/api/v1/awards/{award.pk}/")
    assert [e["year"] for e in data["editions"]] == [2024, 2023]
    assert data["editions"][0]["winner"]["title"] == "Nederlands Openluchtmuseum"
    assert data["cycle"] == "yearly"


def test_edition_detail_has_nominations_with_museums(client, edition_2024, museums):
    data = _get(client, f"/api/v1/award-editions/{edition_2024.pk}/")
    assert data["award"]["title"] == "VriendenLoterij Museumprijs"
    assert data["theme"] == "Levende tradities"
    assert data["timeline"]["phase"] == "completed"
    assert [s["key"] for s in data["timeline"]["steps"]] == [
        "applications",
        "longlist",
        "nominees",
        "public_vote",
        "ceremony",
    ]
    assert data["ceremony"]["date"] == "2024-11-14"
    first = data["nominations"][0]
    assert first["museum"] == {
        "id": museums[0].pk,
        "type": "museums.MuseumPage",
        "title": "Nederlands Openluchtmuseum",
        "path": museums[0].url,
        "url": settings.PUBLIC_BASE_URL.rstrip("/") + museums[0].url,
    }
    assert first["stage"] == "winner"
    assert first["votes"] == 24448
    assert float(first["display_share"]) == pytest.approx(44.6, abs=0.05)
    assert [n["stage"] for n in data["nominations"]] == ["winner", "nominee", "nominee", "longlist"]


def test_drafts_and_unknown_ids_are_404(client, award, museums):
    draft = AwardEditionPageFactory(parent=award, year=2030, publish=False)
    draft_award = AwardPageFactory(parent=award.get_parent(), publish=False)
    for url in (
        f"/api/v1/award-editions/{draft.pk}/",
        f"/api/v1/awards/{draft_award.pk}/",
        "/api/v1/award-editions/999999/",
        f"/api/v1/awards/{museums[0].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"].startswith("No published award")
    assert _get(client, "/api/v1/award-editions/")["count"] == 0


@pytest.fixture
def editions(award, edition_2024, second_award, museums):
    AwardEditionPageFactory(
        parent=award,
        year=2023,
        title="Museumprijs 2023",
        nominations=[(museums[0], Stage.LONGLIST), (museums[1], Stage.WINNER)],
    )
    return {"award": award, "second": second_award}


def _years(client, query):
    data = _get(client, "/api/v1/award-editions/?" + query)
    assert data["count"] == len(data["items"])
    return sorted((item["year"], item["award"]["title"][:6]) for item in data["items"])


def test_edition_filters_alone(client, editions, museums):
    award, second = editions["award"], editions["second"]
    assert _years(client, f"award={award.pk}") == [(2023, "Vriend"), (2024, "Vriend")]
    assert _years(client, "year=2023") == [(2023, "Museum"), (2023, "Vriend")]
    assert _years(client, f"museum={museums[0].pk}") == [(2023, "Vriend"), (2024, "Vriend")]
    assert _years(client, "stage=winner") == [(2023, "Museum"), (2023, "Vriend"), (2024, "Vriend")]
    assert _years(client, f"award={second.pk}") == [(2023, "Museum")]


def test_edition_filters_combined(client, editions, museums):
    award = editions["award"]
    # museum + stage match the same nomination: Openluchtmuseum won 2024, was longlisted in 2023.
    assert _years(client, f"museum={museums[0].pk}&stage=winner") == [(2024, "Vriend")]
    assert _years(client, f"museum={museums[0].pk}&stage=longlist") == [(2023, "Vriend"), (2024, "Vriend")]
    assert _years(client, f"award={award.pk}&year=2023&museum={museums[1].pk}&stage=winner") == [
        (2023, "Vriend")
    ]
    assert _years(client, f"award={award.pk}&museum={museums[3].pk}&stage=nominee") == []


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=1800",
        "stage=champion",
        "museum=-1",
        "award=0",
        "limit=0",
        "limit=100000",
        "offset=-1",
        "locale=fr",
    ],
)
def test_bad_input_is_a_400_problem(client, query):
    response = client.get("/api/v1/award-editions/?" + query)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["detail"]
    assert body["invalid_params"]


@pytest.mark.uncached
def test_list_endpoints_run_a_constant_number_of_queries(client, award, museums, awards_index):
    AwardEditionPageFactory(parent=award, year=2001, nominations=[(museums[0], Stage.WINNER)])
    _get(client, "/api/v1/award-editions/")  # warm: caches a publish emptied
    _get(client, "/api/v1/awards/")
    with CaptureQueriesContext(connection) as one:
        assert _get(client, "/api/v1/award-editions/")["count"] == 1
    with CaptureQueriesContext(connection) as awards_one:
        _get(client, "/api/v1/awards/")
    for year in range(2002, 2010):
        AwardEditionPageFactory(
            parent=award,
            year=year,
            nominations=[
                (museums[0], Stage.WINNER, 30),
                (museums[1], Stage.NOMINEE, 20),
                (museums[2], Stage.LONGLIST),
            ],
        )
    for n in range(3):
        other = AwardPageFactory(parent=awards_index, title=f"Prijs {n}")
        AwardEditionPageFactory(parent=other, year=2020, nominations=[(museums[n], Stage.WINNER)])
    _get(client, "/api/v1/award-editions/")  # warm: caches a publish emptied
    _get(client, "/api/v1/awards/")
    with CaptureQueriesContext(connection) as many:
        assert _get(client, "/api/v1/award-editions/")["count"] == 12
    with CaptureQueriesContext(connection) as awards_many:
        assert _get(client, "/api/v1/awards/")["count"] == 4
    assert len(many) == len(one)
    assert len(awards_many) == len(awards_one)


def test_resolve_endpoint_has_the_edition_data(client, edition_2024):
    data = _get(client, f"/api/v1/pages/resolve/?path={edition_2024.url}")
    assert data["type"] == "awards.AwardEditionPage"
    assert data["winner"]["title"] == "Nederlands Openluchtmuseum"
    assert data["timeline"]["phase"] == "completed"


def test_lists_page_with_next_and_previous_links(client, editions):
    first = _get(client, "/api/v1/award-editions/?limit=2")
    assert first["count"] == 3 and len(first["items"]) == 2
    assert first["previous"] is None
    assert first["next"].startswith(settings.PUBLIC_BASE_URL)
    second = _get(client, "/api/v1/award-editions/?limit=2&offset=2")
    assert second["next"] is None and second["previous"]
    years = [item["year"] for item in first["items"] + second["items"]]
    assert years == sorted(years, reverse=True)
    item = first["items"][0]
    assert item["path"] and item["url"] == settings.PUBLIC_BASE_URL.rstrip("/") + item["path"]
    assert _get(client, "/api/v1/awards/?limit=1")["next"]


def test_details_are_flat_and_match_the_resolver(client, award, edition_2024):
    detail = _get(client, f"/api/v1/award-editions/{edition_2024.pk}/")
    assert "data" not in detail
    assert detail["path"] == edition_2024.url
    resolved = _get(client, f"/api/v1/pages/resolve/?path={edition_2024.url}")
    for key in ("award", "phase", "winner", "timeline", "nominations"):
        assert resolved[key] == detail[key]
    award_detail = _get(client, f"/api/v1/awards/{award.pk}/")
    assert award_detail["current_edition"]["path"] == edition_2024.url
    assert award_detail["current_edition"]["phase"] == "completed"


def test_bad_filters_name_the_parameter(client):
    body = _get(client, "/api/v1/award-editions/?stage=champion", status=400)
    assert [p["name"] for p in body["invalid_params"]] == ["stage"]
