"""Finding answers on the Q&A start page and through the API; unanswered searches recorded."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from qa.factories import QuestionPageFactory
from qa.models import ZeroResultQuery

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [summary.text for summary in soup.select(".qa-results summary")]


def api_titles(client, **params):
    response = client.get("/api/v1/qa/questions/", params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_search_finds_a_question_by_its_alternative_phrasing(client, qa_tree):
    response = client.get(qa_tree.index.url, {"q": "pas verloren"})
    assert response.status_code == 200
    assert result_titles(response) == [qa_tree.q_lost.title]
    assert api_titles(client, q="vervangende kaart") == [qa_tree.q_lost.title]


def test_search_ignores_case_and_accents(client, qa_tree):
    assert result_titles(client.get(qa_tree.index.url, {"q": "GEINCASSEERD"})) == [qa_tree.q_debit.title]
    assert api_titles(client, q="geïncasseerd") == [qa_tree.q_debit.title]


def test_search_knows_simple_dutch_word_forms(client, qa_tree):
    # plural and diminutive of words in the question
    assert qa_tree.q_lost.title in api_titles(client, q="museumkaartje")
    assert api_titles(client, q="betaal maandelijks") == [qa_tree.q_monthly.title]
    # compounds: a word inside a longer word
    assert qa_tree.q_lost.title in api_titles(client, q="kaart kwijt")


def test_search_ranks_matches_in_the_question_first(client, qa_tree):
    QuestionPageFactory(
        parent=qa_tree.pay,
        title="Wat kost verlengen?",
        slug="verlengen",
        answer="<p>Verlengen gaat per jaar; de kaart wordt gestolen noch kwijt.</p>",
    )
    titles = api_titles(client, q="gestolen")
    assert titles[0] == qa_tree.q_stolen.title
    assert "Wat kost verlengen?" in titles


def test_search_never_shows_drafts(client, qa_tree):
    assert qa_tree.draft.title not in api_titles(client, q="termijnen")
    assert qa_tree.draft.title not in result_titles(client.get(qa_tree.index.url, {"q": "termijnen"}))
    assert api_titles(client, q="conceptvraag") == []


def test_zero_result_searches_are_recorded_and_counted(client, qa_tree):
    response = client.get(qa_tree.index.url, {"q": "Huisdieren meenemen?"})
    assert response.status_code == 200
    assert result_titles(response) == []
    assert response.context["results"].paginator.count == 0
    client.get("/api/v1/qa/questions/", {"q": "huisdieren  MEENEMEN"})
    record = ZeroResultQuery.objects.get()
    assert (record.query, record.language_code, record.count) == ("huisdieren meenemen", "nl", 2)
    assert record.last_seen >= record.first_seen


def test_searches_that_find_something_or_look_personal_are_not_recorded(client, qa_tree):
    client.get(qa_tree.index.url, {"q": "kwijt"})
    client.get(qa_tree.index.url, {"q": "kaartnummer 1234567"})
    client.get("/api/v1/qa/questions/", {"q": "mail me op iemand@example.org"})
    client.get("/api/v1/qa/suggest/", {"q": "onbekendwoord"})  # typing is not searching
    assert not ZeroResultQuery.objects.exists()


def test_filters_narrow_the_search(client, qa_tree):
    assert api_titles(client, category="kwijt") == [qa_tree.q_lost.title, qa_tree.q_stolen.title]
    assert api_titles(client, audience="members") == [qa_tree.q_debit.title]
    response = client.get(qa_tree.index.url, {"q": "kaart", "category": "betalen"})
    assert result_titles(response) == []


def test_bad_search_input_gives_a_message_not_an_error(client, qa_tree):
    response = client.get(qa_tree.index.url, {"q": "x" * 201})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".qa-errors[role=alert]") is not None
    response = client.get(qa_tree.index.url, {"category": "bestaat-niet"})
    assert response.status_code == 400


def test_suggest_returns_questions_in_order_of_relevance(client, qa_tree):
    QuestionPageFactory(
        parent=qa_tree.lost, title="Kan ik mijn kaart uitlenen?", slug="uitlenen", answer="<p>Nee.</p>"
    )
    QuestionPageFactory(
        parent=qa_tree.lost,
        title="Wat doe ik met een kapotte pas?",
        slug="kapot",
        answer="<p>Vraag een nieuwe kaart aan.</p>",
    )
    response = client.get("/api/v1/qa/suggest/", {"q": "kaart"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    # a match in the question beats a match in the answer only; tree order breaks ties
    assert titles.index("Mijn kaart is gestolen") < titles.index("Wat doe ik met een kapotte pas?")
    assert titles[-1] == "Wat doe ik met een kapotte pas?"

    titles = [i["title"] for i in client.get("/api/v1/qa/suggest/", {"q": "kan ik"}).json()["items"]]
    assert titles[0] in {"Kan ik per maand betalen?", "Kan ik mijn kaart uitlenen?"}  # starts with the text

    # the last word may be unfinished
    titles = [i["title"] for i in client.get("/api/v1/qa/suggest/", {"q": "kaart uitl"}).json()["items"]]
    assert titles == ["Kan ik mijn kaart uitlenen?"]


def test_suggest_puts_a_question_starting_with_the_text_first(client, qa_tree):
    titles = [i["title"] for i in client.get("/api/v1/qa/suggest/", {"q": "mijn kaart is"}).json()["items"]]
    assert titles[0] == "Mijn kaart is gestolen"


def test_suggest_validates_its_input(client, qa_tree):
    for params in ({}, {"q": ""}, {"q": "kaart", "limit": 50}, {"q": "x" * 101}):
        response = client.get("/api/v1/qa/suggest/", params)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("backend", ["off", "failing"])
def test_search_works_without_the_search_backend(client, qa_tree, settings, monkeypatch, backend):
    from qa.models import QuestionPage

    if backend == "off":
        settings.QA_SEARCH_USE_BACKEND = False
    else:

        def broken(*args, **kwargs):
            raise ConnectionError("search server down")

        monkeypatch.setattr(type(QuestionPage.objects.all()), "search", broken)
    assert api_titles(client, q="Pas verloren") == [qa_tree.q_lost.title]
    assert result_titles(client.get(qa_tree.index.url, {"q": "geincasseerd"})) == [qa_tree.q_debit.title]


def test_search_results_come_in_pages(client, qa_tree):
    for number in range(23):
        QuestionPageFactory(parent=qa_tree.pay, title=f"Vraag over zegels {number}?", slug=f"zegels-{number}")
    first = client.get(qa_tree.index.url, {"q": "zegels"})
    assert len(result_titles(first)) == 20
    assert "23" in BeautifulSoup(first.content, "html.parser").select_one("#qa-results-title").text
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".qa-results a[rel=next]")["href"]
    assert "q=zegels" in next_link and "page=2" in next_link
    second = client.get(qa_tree.index.url + next_link)
    assert len(result_titles(second)) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    # a stale or bad page number shows a page with a message, never an error
    for page in ("9", "x"):
        response = client.get(qa_tree.index.url, {"q": "zegels", "page": page})
        assert response.status_code == 200
        assert response.context["page_messages"]
        assert result_titles(response)


def test_suggest_pages_through_its_matches(client, qa_tree):
    data = client.get("/api/v1/qa/suggest/", {"q": "kaart", "limit": 1}).json()
    assert data["count"] > 1 and len(data["items"]) == 1
    assert data["next"] and "offset=1" in data["next"] and data["previous"] is None
    item = data["items"][0]
    assert set(item) == {"id", "type", "title", "path", "url"}
    assert item["url"] == settings.PUBLIC_BASE_URL + item["path"]
