"""The conventions every endpoint follows: lists, limits, locale, problem+json, ETag/304."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from core.api import pages
from core.factories import ThemeFactory

THEMES = "/api/v1/themes/"


@pytest.fixture
def themes(site_root):
    en = Locale.objects.get(language_code="en")
    created = [ThemeFactory(name=f"Thema {n}", sort_order=n) for n in range(5)]
    for theme in created[:2]:
        translation = theme.copy_for_translation(en)
        translation.name = theme.name.replace("Thema", "Theme")
        translation.save()
    return created


@pytest.mark.django_db
def test_list_shape_and_item_fields(client, themes):
    body = client.get(THEMES).json()
    assert body["count"] == 5
    assert [item["title"] for item in body["items"]] == [f"Thema {n}" for n in range(5)]
    item = body["items"][0]
    assert set(item) >= {"id", "type", "title", "url", "locale", "last_published_at"}
    assert item["locale"] == "nl"


@pytest.mark.django_db
def test_limit_and_offset_page_through_the_list(client, themes):
    body = client.get(THEMES, {"limit": 2, "offset": 3}).json()
    assert body["count"] == 5
    assert [item["title"] for item in body["items"]] == ["Thema 3", "Thema 4"]
    assert body["next"] is None
    assert body["previous"] == f"{settings.PUBLIC_BASE_URL}{THEMES}?limit=2&offset=1"
    first = client.get(THEMES, {"limit": 2}).json()
    assert first["previous"] is None
    assert first["next"] == f"{settings.PUBLIC_BASE_URL}{THEMES}?limit=2&offset=2"


@pytest.mark.django_db
def test_locale_selects_the_language(client, themes):
    body = client.get(THEMES, {"locale": "en"}).json()
    assert body["count"] == 2
    assert {item["locale"] for item in body["items"]} == {"en"}
    assert body["items"][0]["title"] == "Theme 0"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, name",
    [
        ({"limit": settings.API_MAX_LIMIT + 1}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": "veel"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_bad_parameters_are_400_problems_not_silent_caps(client, themes, params, name):
    response = client.get(THEMES, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Bad Request"
    assert body["detail"].startswith(f"{name}: ")
    assert body["invalid_params"][0]["name"] == name


@pytest.mark.django_db
def test_limit_over_maximum_says_what_the_maximum_is(client, themes):
    body = client.get(THEMES, {"limit": 1000}).json()
    assert str(settings.API_MAX_LIMIT) in body["detail"]


@pytest.mark.django_db
def test_every_get_has_an_etag_and_cache_control_and_answers_304(client, themes):
    first = client.get(THEMES)
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert "public" in first["Cache-Control"]
    assert f"max-age={settings.CACHE_CONTROL_PRESETS['api']['max_age']}" in first["Cache-Control"]
    assert first["Access-Control-Allow-Origin"] == "*"

    second = client.get(THEMES, headers={"If-None-Match": etag})
    assert second.status_code == 304
    assert second.content == b""

    themes[0].name = "Hernoemd"
    themes[0].save()
    third = client.get(THEMES, headers={"If-None-Match": etag})
    assert third.status_code == 200
    assert third["ETag"] != etag


@pytest.mark.django_db
def test_unknown_api_path_is_a_problem_not_html(client):
    response = client.get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
def test_list_runs_a_constant_number_of_queries(client, site_root, django_assert_max_num_queries):
    ThemeFactory.create_batch(2)
    with django_assert_max_num_queries(3) as few:
        client.get(THEMES)
    ThemeFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(THEMES, {"limit": 50}).json()["count"] == 32


def test_openapi_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/pages/resolve/" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
def test_wrong_method_is_a_405_problem_with_allow(client, themes):
    response = client.post(THEMES)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]
    assert response.json()["detail"].startswith("POST is not allowed here")


@pytest.mark.django_db
def test_head_answers_like_get_without_a_body(client, themes):
    get = client.get(THEMES)
    head = client.head(THEMES)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_cors_preflight_allows_conditional_requests(client):
    response = client.options(
        THEMES, headers={"Origin": "https://www.museum.nl", "Access-Control-Request-Headers": "if-none-match"}
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.django_db
def test_a_server_error_in_the_api_is_a_problem_not_html(client, site_root, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pages, "resolve_page", explode)
    client.raise_request_exception = False
    response = client.get("/api/v1/pages/resolve/", {"path": "/"})
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "boom" not in response.content.decode()
