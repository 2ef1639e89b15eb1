"""Result groups carry the names readers use ("Musea", "Prijzen", "Vragen"), in the page's
language, not the page types' technical names ("Editiepagina prijs")."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from awards.models import AwardEditionPage, AwardPage
from home.models import StandardPage
from museums.models import ExhibitionPage, MuseumPage
from qa.models import QuestionPage
from search.labels import group_label


@pytest.mark.parametrize(
    "model, dutch, english",
    [
        (MuseumPage, "Musea", "Museums"),
        (ExhibitionPage, "Tentoonstellingen", "Exhibitions"),
        (AwardPage, "Prijzen", "Awards"),
        (AwardEditionPage, "Prijzen", "Awards"),
        (QuestionPage, "Vragen", "Questions"),
        (StandardPage, "Pagina's", "Pages"),
    ],
)
def test_group_labels_in_both_languages(model, dutch, english):
    with translation.override("nl"):
        assert group_label(model) == dutch
        assert group_label(model) != str(model._meta.verbose_name)
    with translation.override("en"):
        assert group_label(model) == english


def _headings(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        section.find("h2").text for section in soup.select(".search-results section") if section.find("ol")
    ]


@pytest.mark.django_db
def test_the_search_page_groups_results_under_readable_labels(client, demo):
    dutch = _headings(client.get("/zoeken/", {"q": "museumprijs"}))
    assert "Prijzen" in dutch
    assert not {"Editiepagina prijs", "Award edition page", "Award page"} & set(dutch)
    with translation.override("nl"):
        technical = {str(AwardEditionPage._meta.verbose_name).capitalize(), str(AwardPage._meta.verbose_name)}
    assert not technical & set(dutch)
    assert "Musea" in _headings(client.get("/zoeken/", {"q": "Rijksmuseum"}))
    english = _headings(client.get("/en/zoeken/", {"q": "museum prize"}))
    assert "Awards" in english
