"""Bad input anywhere gets a readable 4xx, never a server error."""

import pytest
from django.conf import settings

API_LISTS = [
    "/api/v1/themes/",
    "/api/v1/museums/",
    "/api/v1/exhibitions/",
    "/api/v1/events/",
    "/api/v1/dossiers/",
    "/api/v1/articles/",
    "/api/v1/awards/",
    "/api/v1/award-editions/",
    "/api/v1/qa/categories/",
    "/api/v1/qa/questions/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", API_LISTS)
def test_huge_offsets_are_a_400_problem(client, site_root, path):
    response = client.get(path, {"offset": 10**20})
    assert response.status_code == 400
    body = response.json()
    assert body["invalid_params"][0]["name"] == "offset"
    assert str(settings.API_MAX_OFFSET) in body["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/museums/", "/api/v1/qa/suggest/", "/api/v1/pages/resolve/"])
def test_nul_characters_in_api_parameters_are_a_400_problem(client, site_root, path):
    response = client.get(path, {"q": "mu\x00seum", "path": "/\x00"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert "NUL" in body["detail"]
    assert {p["name"] for p in body["invalid_params"]} == {"q", "path"}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/zoeken/", "/musea/", "/agenda/", "/kennisbank/", "/vragen/"])
def test_nul_characters_on_pages_get_a_message_not_an_error(client, demo, path):
    response = client.get(path, {"q": "\x00"})
    assert response.status_code in (200, 400)  # each page validates its own parameters
    assert b"<h1>" in response.content


@pytest.mark.django_db
def test_nul_in_the_site_search_is_a_400_with_a_message(client, site_root):
    response = client.get("/zoeken/", {"q": "mu\x00seum"})
    assert response.status_code == 400
    assert "niet is toegestaan" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "number", ["2147483648", "95015501495241572352", "-95015501495241572352", "+2147483648"]
)
@pytest.mark.parametrize(
    "route",
    ["/api/v1/award-editions/{}/", "/api/v1/museums/{}/", "/api/v1/pages/{}/", "/api/v1/qa/questions/{}/"],
)
def test_ids_beyond_any_id_are_a_404_problem(client, site_root, route, number):
    response = client.get(route.format(number))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


OUT_OF_RANGE = [
    "/agenda/?to=9999-12-31",
    "/agenda/?from=0001-01-01",
    "/agenda/ical/?to=9999-12-31",
    "/agenda/rss/?from=9999-12-31T23:59",
    "/agenda/?museum=99999999999999999999",
    "/musea/?open_on=9999-12-31",
    "/api/v1/events/?to=9999-12-31",
    "/api/v1/events/?from=0001-01-01",
    "/api/v1/events/?museum=99999999999999999999",
    "/api/v1/museums/?open_at=9999-12-31T23:59:59",
    "/api/v1/museums/?open_on=0001-01-01",
    "/api/v1/award-editions/?museum=99999999999999999999",
    "/api/v1/museums/?modified_since=9999-12-31T00:00:00Z",
]


@pytest.mark.django_db
def test_dates_and_ids_out_of_any_range_are_a_400_with_a_message(client, demo):
    """Every date and id from outside is bounded (``core.bounds``) before the database or date
    arithmetic sees it: a readable 400 on pages, feeds and the API, never a server error."""
    for url in OUT_OF_RANGE:
        response = client.get(url)
        assert response.status_code == 400, f"{url}: {response.status_code}"
        if url.startswith("/api/"):
            body = response.json()
            assert body["invalid_params"], url
            reasons = " ".join(p["reason"] for p in body["invalid_params"])
            assert "1900" in reasons or "2147483647" in reasons, f"{url}: {reasons}"


@pytest.mark.django_db
def test_an_unknown_theme_on_the_exhibitions_api_is_a_400_like_every_other_filter(client, site_root):
    response = client.get("/api/v1/exhibitions/", {"theme": "bestaat-niet"})
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "theme"


@pytest.mark.django_db
def test_permissions_policy_everywhere_and_api_docs_from_our_own_static_files(client, site_root):
    for url in ("/", "/api/v1/museums/", "/api/v1/docs", "/healthz"):
        response = client.get(url)
        assert "camera=()" in response["Permissions-Policy"], url
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
