"""A museum shows its nominations and wins: on its page, in its JSON-LD and in the museums API.

The awards app adds them through the museums' section registry ("nominations"); these tests go
through the museum page's address and ``/api/v1/museums/{id}/``.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from awards.choices import Stage
from awards.factories import AwardEditionPageFactory, AwardPageFactory
from museums.factories import MuseumPageFactory

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _museum_json_ld(soup):
    return next(
        data
        for data in (json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json"))
        if data.get("@type") == "Museum"
    )


def _section(soup):
    return soup.find("section", class_="museum-nominations")


def _public(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def test_museum_page_lists_its_nominations_and_json_ld_names_its_wins(client, edition_2024, museums, award):
    openlucht, fock = museums[0], museums[1]
    AwardEditionPageFactory(
        parent=award, year=2019, title="Museumprijs 2019", nominations=[(openlucht, Stage.NOMINEE)]
    )
    AwardEditionPageFactory(
        parent=award, year=2026, title="Concept 2026", publish=False, nominations=[(openlucht, Stage.WINNER)]
    )
    soup = _soup(client, openlucht.url)
    section = _section(soup)
    assert section["aria-labelledby"] == section.find("h2")["id"]
    items = section.find_all("li")
    assert len(items) == 2  # the draft edition never shows
    assert items[0].find("a", href=edition_2024.url).text == "VriendenLoterij Museumprijs 2024"
    assert "museum-nominations__item--winner" in items[0]["class"]
    assert "Museumprijs 2019" in items[1].text
    assert "Concept 2026" not in soup.text
    assert _museum_json_ld(soup)["award"] == ["VriendenLoterij Museumprijs 2024"]

    runner_up = _soup(client, fock.url)
    assert _section(runner_up).find("a", href=edition_2024.url)
    assert "award" not in _museum_json_ld(runner_up)  # a nomination is not a win
    longlisted = _section(_soup(client, museums[3].url))
    assert "VriendenLoterij Museumprijs 2024" in longlisted.text  # shown, with its own edition
    assert "Fries Museum" not in longlisted.text


def test_a_museum_without_nominations_has_no_section(client, edition_2024, museum_index):
    other = MuseumPageFactory(parent=museum_index, title="Nergens genomineerd")
    soup = _soup(client, other.url)
    assert _section(soup) is None
    assert "award" not in _museum_json_ld(soup)
    assert client.get(f"/api/v1/museums/{other.pk}/").json()["nominations"] == []


def test_museum_detail_api_includes_nominations(client, edition_2024, museums, award):
    openlucht, _fock, _zilver, fries = museums
    body = client.get(f"/api/v1/museums/{openlucht.pk}/").json()
    (nomination,) = body["nominations"]
    assert nomination["stage"] == "winner"
    assert nomination["votes"] == 24448
    assert nomination["year"] == 2024
    assert nomination["theme"] == "Levende tradities"
    assert nomination["edition"] == {
        "id": edition_2024.pk,
        "type": "awards.AwardEditionPage",
        "title": "VriendenLoterij Museumprijs 2024",
        "path": edition_2024.url,
        "url": _public(edition_2024.url),
    }
    assert nomination["award"] == {
        "id": award.pk,
        "type": "awards.AwardPage",
        "title": "VriendenLoterij Museumprijs",
        "path": award.url,
        "url": _public(award.url),
    }
    resolved = client.get("/api/v1/pages/resolve/", {"path": openlucht.url}).json()
    assert resolved["nominations"] == body["nominations"]
    assert client.get(f"/api/v1/museums/{fries.pk}/").json()["nominations"][0]["stage"] == "longlist"


def test_members_only_editions_show_to_members_on_the_page_and_never_in_the_api(
    client, django_user_model, edition_2024, museums, award
):
    PageViewRestriction.objects.create(page=award, restriction_type=PageViewRestriction.LOGIN)
    openlucht = museums[0]
    anonymous = _soup(client, openlucht.url)
    assert _section(anonymous) is None
    assert "VriendenLoterij Museumprijs 2024" not in anonymous.text
    assert "award" not in _museum_json_ld(anonymous)

    client.force_login(django_user_model.objects.create_user("lid", password="geheim-wachtwoord"))
    member = _soup(client, openlucht.url)
    assert _section(member).find("a", href=edition_2024.url)
    # The API is public, whoever asks.
    assert client.get(f"/api/v1/museums/{openlucht.pk}/").json()["nominations"] == []


def test_a_translated_museum_shows_the_editions_in_its_language(
    client, en_home, edition_2024, museums, award
):
    en = Locale.objects.get(language_code="en")

    def translate(page, title):
        copy = page.copy_for_translation(en)
        copy.title = title
        copy.save_revision().publish()
        return copy.specific

    museum_index = museums[0].get_parent()
    translate(museum_index, "Museums")
    translate(award.get_parent(), "Awards")
    translate(award, "Museum Prize")
    en_edition = translate(edition_2024, "Museum Prize 2024")
    en_museum = translate(museums[0], "Open Air Museum")

    (nomination,) = client.get(f"/api/v1/museums/{en_museum.pk}/").json()["nominations"]
    assert nomination["edition"]["id"] == en_edition.pk
    assert nomination["award"]["title"] == "Museum Prize"
    assert nomination["award"]["path"].startswith("/en/")
    soup = _soup(client, en_museum.url)
    assert _section(soup).find("a", href=en_edition.url)
    assert "VriendenLoterij Museumprijs 2024" not in _section(soup).text
    (dutch,) = client.get(f"/api/v1/museums/{museums[0].pk}/").json()["nominations"]
    assert dutch["edition"]["id"] == edition_2024.pk


@pytest.mark.uncached
def test_museum_page_and_api_run_a_constant_number_of_queries(client, edition_2024, museums, award):
    openlucht = museums[0]

    def count(url):
        client.get(url)  # warm the caches (site root paths, public visibility)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    page_before = count(openlucht.url)
    api_before = count(f"/api/v1/museums/{openlucht.pk}/")
    for year in range(2010, 2016):
        other = AwardPageFactory(parent=award.get_parent(), title=f"Prijs {year}")
        AwardEditionPageFactory(parent=other, year=year, nominations=[(openlucht, Stage.NOMINEE, 10)])
    body = client.get(f"/api/v1/museums/{openlucht.pk}/").json()
    assert [n["year"] for n in body["nominations"]] == [2024, 2015, 2014, 2013, 2012, 2011, 2010]
    assert {n["award"]["title"] for n in body["nominations"][1:]} == {f"Prijs {y}" for y in range(2010, 2016)}
    assert count(openlucht.url) == page_before
    assert count(f"/api/v1/museums/{openlucht.pk}/") == api_before


def test_a_museum_with_award_history_is_not_deleted_and_the_editor_is_told_why(
    client, edition_2024, museums, museum_index, admin_user
):
    from museums.models import MuseumPage

    winner = museums[0]
    unused = MuseumPageFactory(parent=museum_index, title="Zonder verleden")
    client.force_login(admin_user)

    response = client.post(f"/admin/pages/{winner.pk}/delete/", follow=True)
    assert MuseumPage.objects.filter(pk=winner.pk).exists()
    assert "Museumprijs 2024" in response.content.decode()  # the message names what depends on it
    # The section above them is refused as a whole (its pages would go with it).
    client.post(f"/admin/pages/{museum_index.pk}/delete/", follow=True)
    assert MuseumPage.objects.filter(pk=winner.pk).exists()
    # Without anything depending on it, a museum is deleted as before.
    client.post(f"/admin/pages/{unused.pk}/delete/")
    assert not MuseumPage.objects.filter(pk=unused.pk).exists()
    assert edition_2024.nominations.count() == len(edition_2024.nominations.all())
