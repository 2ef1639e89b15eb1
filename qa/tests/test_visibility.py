"""Who sees which question: the pages judge the reader, the API and suggestions the public."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from qa.factories import QuestionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_question(qa_tree):
    """A question about paying that only logged-in readers may open."""
    question = QuestionPageFactory(
        parent=qa_tree.pay,
        title="Hoe betalen leden de contributie?",
        slug="contributie",
        answer="<p>Per factuur.</p>",
        alternative_phrasings="ledenbijdrage",
    )
    PageViewRestriction.objects.create(page=question, restriction_type="login")
    return question


def summaries(response, selector):
    soup = BeautifulSoup(response.content, "html.parser")
    return [summary.text for summary in soup.select(f"{selector} summary")]


def test_a_restricted_question_is_left_out_for_anonymous_readers(client, qa_tree, members_question):
    assert members_question.title not in client.get(qa_tree.pay.url).content.decode()
    assert summaries(client.get(qa_tree.index.url, {"q": "ledenbijdrage"}), ".qa-results") == []
    soup = BeautifulSoup(client.get(qa_tree.index.url).content, "html.parser")
    counts = [card.select_one(".meta").text for card in soup.select(".qa-category")]
    assert "2" in counts[1]  # the two public questions about paying


def test_a_logged_in_reader_sees_the_restricted_question(
    client, qa_tree, members_question, django_user_model
):
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    assert members_question.title in summaries(client.get(qa_tree.pay.url), "details.qa-question")
    assert summaries(client.get(qa_tree.index.url, {"q": "ledenbijdrage"}), ".qa-results") == [
        members_question.title
    ]
    soup = BeautifulSoup(client.get(qa_tree.index.url).content, "html.parser")
    counts = [card.select_one(".meta").text for card in soup.select(".qa-category")]
    assert "3" in counts[1]


def test_related_questions_and_topic_follow_the_reader(client, qa_tree, members_question, django_user_model):
    qa_tree.q_monthly.related_questions.create(question=members_question, sort_order=0)
    qa_tree.q_monthly.related_questions.create(question=qa_tree.q_debit, sort_order=1)
    qa_tree.q_monthly.save_revision().publish()

    def related():
        soup = BeautifulSoup(client.get(qa_tree.q_monthly.url).content, "html.parser")
        return [a.text for a in soup.select(".qa-related a")]

    assert related() == [qa_tree.q_debit.title]
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    assert related() == [members_question.title, qa_tree.q_debit.title]


def test_the_api_and_suggestions_show_only_what_the_public_may_see(
    client, qa_tree, members_question, django_user_model
):
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    ids = [item["id"] for item in client.get("/api/v1/qa/questions/").json()["items"]]
    assert members_question.pk not in ids
    assert client.get("/api/v1/qa/questions/", {"q": "ledenbijdrage"}).json()["count"] == 0
    suggestions = client.get("/api/v1/qa/suggest/", {"q": "contributie"}).json()
    assert suggestions["count"] == 0 and suggestions["items"] == []
    assert client.get(f"/api/v1/qa/questions/{members_question.pk}/").status_code == 404
    assert (
        client.post(
            f"/api/v1/qa/questions/{members_question.pk}/feedback/",
            {"helpful": True},
            content_type="application/json",
        ).status_code
        == 404
    )
    qa_tree.q_monthly.related_questions.create(question=members_question, sort_order=0)
    qa_tree.q_monthly.save_revision().publish()
    detail = client.get(f"/api/v1/qa/questions/{qa_tree.q_monthly.pk}/").json()
    assert detail["related"] == []
    categories = client.get("/api/v1/qa/categories/").json()["items"]
    assert [c["question_count"] for c in categories] == [2, 2]


def test_the_category_json_ld_follows_the_reader(client, qa_tree, members_question, django_user_model):
    def names():
        soup = BeautifulSoup(client.get(qa_tree.pay.url).content, "html.parser")
        (script,) = soup.find_all("script", type="application/ld+json")
        return [q["name"] for q in json.loads(script.string)["mainEntity"]]

    assert members_question.title not in names()
    client.force_login(django_user_model.objects.create_user("lid", password="x"))
    assert members_question.title in names()


def test_the_page_resolver_data_shows_only_public_questions(client, qa_tree, members_question):
    data = client.get("/api/v1/pages/resolve/", {"path": qa_tree.pay.url}).json()
    assert [q["id"] for q in data["questions"]] == [qa_tree.q_monthly.pk, qa_tree.q_debit.pk]
    assert data["questions"][0]["path"] == qa_tree.q_monthly.url
