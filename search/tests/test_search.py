import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.models import StandardPage
from search.labels import group_label


def _label(model, language="nl"):
    """The group heading of a page type as the search page shows it in ``language``."""
    with translation.override(language):
        return group_label(model)


def _results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        section.find("h2").text: [a.text for a in section.select("ol a")]
        for section in soup.select(".search-results section")
        if section.find("ol")
    }


@pytest.fixture
def pages(site_root, en_home):
    museumnorm = StandardPageFactory(
        parent=site_root, title="De museumnorm", intro="Over het museumregister."
    )
    StandardPageFactory(parent=site_root, title="Museumnorm concept", publish=False)
    english = museumnorm.copy_for_translation(en_home.locale)
    english.title = "The museum norm museumnorm"
    english.save_revision().publish()
    return museumnorm


@pytest.mark.django_db
def test_search_finds_live_pages_of_the_active_language_grouped_by_type(client, pages):
    response = client.get("/zoeken/", {"q": "museumnorm"})
    assert response.status_code == 200
    assert _results(response) == {"Pagina's": ["De museumnorm"]}
    assert "1 resultaat" in response.content.decode()

    english = client.get("/en/zoeken/", {"q": "museumnorm"})
    assert _results(english) == {"Pages": ["The museum norm museumnorm"]}
    assert "1 result for" in english.content.decode()


@pytest.mark.django_db
def test_search_never_shows_drafts_or_private_pages_to_anonymous_readers(client, site_root):
    members = Group.objects.create(name="Leden")
    private = StandardPageFactory(parent=site_root, title="Ledenvergadering verslag")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(
        members
    )
    StandardPageFactory(parent=private, title="Ledenvergadering bijlage")
    StandardPageFactory(parent=site_root, title="Ledenvergadering concept", publish=False)

    assert _results(client.get("/zoeken/", {"q": "ledenvergadering"})) == {}

    member = User.objects.create_user("lid", password="x")
    member.groups.add(members)
    client.force_login(member)
    found = _results(client.get("/zoeken/", {"q": "ledenvergadering"}))
    assert sorted(found[_label(StandardPage)]) == ["Ledenvergadering bijlage", "Ledenvergadering verslag"]

    outsider = User.objects.create_user("gast", password="x")
    client.force_login(outsider)
    assert _results(client.get("/zoeken/", {"q": "ledenvergadering"})) == {}


@pytest.mark.django_db
def test_search_shows_a_password_page_once_its_password_was_entered(client, site_root):
    page = StandardPageFactory(parent=site_root, title="Jurynotities", slug="jury")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="prijs2026"
    )
    StandardPageFactory(parent=page, title="Jurynotities bijlage")
    assert _results(client.get("/zoeken/", {"q": "jurynotities"})) == {}

    login = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = client.post(login, {"password": "prijs2026", "return_url": page.url})
    assert response.status_code == 302
    found = _results(client.get("/zoeken/", {"q": "jurynotities"}))
    assert sorted(found[_label(StandardPage)]) == ["Jurynotities", "Jurynotities bijlage"]


@pytest.mark.django_db
def test_promotions_of_pages_the_reader_may_not_see_are_left_out(client, site_root):
    private = StandardPageFactory(parent=site_root, title="Ledenportaal")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    SearchPromotion.objects.create(query=Query.get("portaal"), page=private, description="Voor leden.")
    assert "Ledenportaal" not in client.get("/zoeken/", {"q": "portaal"}).content.decode()
    client.force_login(User.objects.create_user("lid", password="x"))
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "portaal"}).content, "html.parser")
    assert soup.find("section", class_="promotions").find("a").text == "Ledenportaal"


@pytest.mark.django_db
def test_search_is_paginated(client, site_root):
    for number in range(12):
        StandardPageFactory(parent=site_root, title=f"Collectieveiligheid deel {number}")
    first = client.get("/zoeken/", {"q": "collectieveiligheid"})
    assert len(_results(first)[_label(StandardPage)]) == 10
    second = client.get("/zoeken/", {"q": "collectieveiligheid", "page": 2})
    assert len(_results(second)[_label(StandardPage)]) == 2
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.find("a", rel="next")["href"] == "?q=collectieveiligheid&page=2"
    beyond = client.get("/zoeken/", {"q": "collectieveiligheid", "page": 99})
    assert len(_results(beyond)[_label(StandardPage)]) == 2  # the last page, not an error
    assert "de laatste pagina" in beyond.content.decode()
    not_a_number = client.get("/zoeken/", {"q": "collectieveiligheid", "page": "x"})
    assert not_a_number.status_code == 200
    assert len(_results(not_a_number)[_label(StandardPage)]) == 10


@pytest.mark.django_db
def test_search_promotions_come_first(client, pages, site_root):
    target = StandardPageFactory(parent=site_root, title="Word lid")
    SearchPromotion.objects.create(
        query=Query.get("lidmaatschap"), page=target, description="Alles over lid worden."
    )
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "lidmaatschap"}).content, "html.parser")
    promotions = soup.find("section", class_="promotions")
    assert promotions.find("a").text == "Word lid"
    assert Query.get("lidmaatschap").hits == 1


@pytest.mark.django_db
def test_bad_input_gets_a_message_not_an_error(client, pages):
    response = client.get("/zoeken/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    response = client.get("/zoeken/", {"q": "museumnorm", "type": "nope.Nope"})
    assert response.status_code == 200
    assert _results(response) == {_label(StandardPage): ["De museumnorm"]}


@pytest.mark.django_db
def test_type_filter_narrows_results(client, pages):
    response = client.get("/zoeken/", {"q": "museumnorm", "type": "home.homepage"})
    assert _results(response) == {}
    response = client.get("/zoeken/", {"q": "museumnorm", "type": "home.standardpage"})
    assert _results(response) == {_label(StandardPage): ["De museumnorm"]}
