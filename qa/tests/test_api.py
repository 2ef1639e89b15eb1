"""The Q&A API: categories, questions, one question, problems for bad input, constant queries."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from qa.factories import QACategoryPageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    return response, (response.json() if response["Content-Type"].startswith("application/") else None)


def test_categories_in_tree_order_with_counts(client, qa_tree):
    response, data = get(client, "/api/v1/qa/categories/")
    assert response.status_code == 200
    assert data["count"] == 2
    first, second = data["items"]
    assert (first["title"], first["slug"], first["icon"], first["question_count"]) == (
        "Kaart kwijt",
        "kwijt",
        "lost",
        2,
    )
    assert (second["slug"], second["question_count"]) == ("betalen", 2)  # the draft is not counted
    assert first["type"] == "qa.QACategoryPage" and first["locale"] == "nl"
    assert first["url"].endswith("/vragen/kwijt/")


def test_questions_list_in_tree_order(client, qa_tree):
    response, data = get(client, "/api/v1/qa/questions/")
    assert response.status_code == 200
    assert data["count"] == 4
    assert [i["id"] for i in data["items"]] == [
        qa_tree.q_lost.pk,
        qa_tree.q_stolen.pk,
        qa_tree.q_monthly.pk,
        qa_tree.q_debit.pk,
    ]
    item = data["items"][2]
    assert item["category"] == {
        "id": qa_tree.pay.pk,
        "type": "qa.QACategoryPage",
        "slug": "betalen",
        "title": "Betalen",
        "path": qa_tree.pay.url,
        "url": settings.PUBLIC_BASE_URL + qa_tree.pay.url,
    }
    assert item["path"] == qa_tree.q_monthly.url
    assert item["url"] == settings.PUBLIC_BASE_URL + qa_tree.q_monthly.url
    assert item["audience"] == "public"
    assert item["summary"].startswith("Nee, je betaalt per jaar")
    response, data = get(client, "/api/v1/qa/questions/", limit=1, offset=3)
    assert [i["id"] for i in data["items"]] == [qa_tree.q_debit.pk] and data["count"] == 4


def test_question_detail_has_answer_as_html_and_text(client, qa_tree):
    qa_tree.q_monthly.related_questions.create(question=qa_tree.q_debit, sort_order=0)
    qa_tree.q_monthly.related_questions.create(question=qa_tree.draft, sort_order=1)
    qa_tree.q_monthly.save_revision().publish()
    response, data = get(client, f"/api/v1/qa/questions/{qa_tree.q_monthly.pk}/")
    assert response.status_code == 200
    assert data["answer_html"].startswith("<p>Nee, je betaalt <b>per jaar</b>")
    assert data["answer_text"] == "Nee, je betaalt per jaar & in één keer.\n€75\n€39"
    assert data["alternative_phrasings"] == ["termijnen", "maandelijks"]
    assert [r["id"] for r in data["related"]] == [qa_tree.q_debit.pk]
    assert response.has_header("ETag")


def test_drafts_private_and_unknown_questions_are_404(client, qa_tree):
    PageViewRestriction.objects.create(page=qa_tree.q_stolen, restriction_type="password", password="x")
    for pk in (qa_tree.draft.pk, qa_tree.q_stolen.pk, 987654, qa_tree.lost.pk):
        response, data = get(client, f"/api/v1/qa/questions/{pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    _response, data = get(client, "/api/v1/qa/questions/")
    assert qa_tree.q_stolen.pk not in [i["id"] for i in data["items"]]
    assert qa_tree.draft.pk not in [i["id"] for i in data["items"]]


def test_questions_under_an_unpublished_category_are_hidden(client, qa_tree):
    qa_tree.lost.unpublish()  # descendants stay live but can no longer be reached
    _response, data = get(client, "/api/v1/qa/questions/")
    assert [i["id"] for i in data["items"]] == [qa_tree.q_monthly.pk, qa_tree.q_debit.pk]
    assert get(client, f"/api/v1/qa/questions/{qa_tree.q_lost.pk}/")[0].status_code == 404
    assert [c["slug"] for c in get(client, "/api/v1/qa/categories/")[1]["items"]] == ["betalen"]


@pytest.mark.parametrize(
    ("url", "params", "name"),
    [
        ("/api/v1/qa/questions/", {"limit": 1000}, "limit"),
        ("/api/v1/qa/questions/", {"offset": -1}, "offset"),
        ("/api/v1/qa/questions/", {"audience": "iedereen"}, "audience"),
        ("/api/v1/qa/questions/", {"category": "bestaat-niet"}, "category"),
        ("/api/v1/qa/questions/", {"q": "x" * 201}, "q"),
        ("/api/v1/qa/questions/", {"locale": "fr"}, "locale"),
        ("/api/v1/qa/categories/", {"limit": 0}, "limit"),
        ("/api/v1/qa/suggest/", {"q": "kaart", "limit": 11}, "limit"),
    ],
)
def test_bad_input_gives_a_400_problem(client, qa_tree, url, params, name):
    response, data = get(client, url, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert data["status"] == 400 and data["title"] == "Bad Request" and data["detail"]
    assert name in [p["name"] for p in data["invalid_params"]]


def test_non_numeric_question_id_is_a_problem(client, qa_tree):
    response = client.get("/api/v1/qa/questions/abc/")
    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/problem+json"


def _add_questions(category, count, prefix):
    for number in range(count):
        QuestionPageFactory(
            parent=category,
            title=f"{prefix} kaart vraag {number}?",
            slug=f"{prefix}-{number}",
            answer="<p>Een antwoord over de kaart.</p>",
        )


@pytest.mark.uncached
@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/qa/categories/", {}),
        ("/api/v1/qa/questions/", {}),
        ("/api/v1/qa/questions/", {"q": "kaart", "category": "betalen"}),
        ("/api/v1/qa/suggest/", {"q": "kaart"}),
    ],
)
def test_list_endpoints_run_a_constant_number_of_queries(client, qa_tree, url, params):
    def count_queries():
        client.get(url, params)  # warm: caches a publish emptied
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    _add_questions(qa_tree.pay, 1, "eerste")
    small_queries, small_count = count_queries()
    _add_questions(qa_tree.pay, 4, "extra")
    QACategoryPageFactory(parent=qa_tree.index, title="Nog een", slug="nog-een")
    _add_questions(qa_tree.lost, 3, "meer")
    large_queries, large_count = count_queries()
    assert large_count > small_count
    assert large_queries == small_queries


@pytest.mark.uncached
def test_question_detail_runs_a_constant_number_of_queries(client, qa_tree):
    def count_queries():
        client.get(f"/api/v1/qa/questions/{qa_tree.q_monthly.pk}/")  # warm: caches a publish emptied
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/qa/questions/{qa_tree.q_monthly.pk}/").status_code == 200
        return len(queries)

    qa_tree.q_monthly.related_questions.create(question=qa_tree.q_debit, sort_order=0)
    qa_tree.q_monthly.save_revision().publish()
    before = count_queries()
    for other in (qa_tree.q_lost, qa_tree.q_stolen):
        qa_tree.q_monthly.related_questions.create(question=other)
    qa_tree.q_monthly.save_revision().publish()
    assert count_queries() == before


def test_openapi_documents_the_qa_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/qa/categories/",
        "/api/v1/qa/questions/",
        "/api/v1/qa/questions/{question_id}/",
        "/api/v1/qa/suggest/",
        "/api/v1/qa/questions/{question_id}/feedback/",
    ):
        assert path in paths
