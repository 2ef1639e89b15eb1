"""A museum shows its nominations and wins: on its page, in its JSON-LD and in the museums API."""

import json

import pytest
from bs4 import BeautifulSoup


@pytest.mark.django_db
def test_museum_page_lists_its_nominations_and_json_ld_names_its_wins(client, edition_2024, museums):
    openlucht, fock = museums[0], museums[1]
    soup = BeautifulSoup(client.get(openlucht.url).content, "html.parser")
    section = soup.find("section", class_="museum-nominations") or soup.find(
        lambda tag: tag.name == "section" and tag.find("a", href=edition_2024.url)
    )
    assert section is not None
    assert section.find("a", href=edition_2024.url)
    data = next(
        d
        for d in (json.loads(t.string) for t in soup.find_all("script", type="application/ld+json"))
        if d.get("@type") == "Museum"
    )
    assert data["award"] == ["VriendenLoterij Museumprijs 2024"]

    runner_up = BeautifulSoup(client.get(fock.url).content, "html.parser")
    assert runner_up.find("a", href=edition_2024.url)
    fock_ld = next(
        d
        for d in (json.loads(t.string) for t in runner_up.find_all("script", type="application/ld+json"))
        if d.get("@type") == "Museum"
    )
    assert "award" not in fock_ld  # a nomination is not a win


@pytest.mark.django_db
def test_museum_detail_api_includes_nominations(client, edition_2024, museums):
    openlucht, _fock, _zilver, fries = museums
    body = client.get(f"/api/v1/museums/{openlucht.pk}/").json()
    (nomination,) = body["data"]["nominations"]
    assert nomination["stage"] == "winner"
    assert nomination["votes"] == 24448
    assert nomination["edition"]["year"] == 2024
    resolved = client.get("/api/v1/pages/resolve/", {"path": openlucht.url}).json()
    assert resolved["data"]["nominations"] == body["data"]["nominations"]
    assert client.get(f"/api/v1/museums/{fries.pk}/").json()["data"]["nominations"][0]["stage"] == "longlist"
