"""Feedback on answers: the form on the page and the API endpoint, validated and rate-limited.

The form's own endpoint and its same-origin check: ``test_feedback_cache_safe``."""

import json

import pytest
from django.test import override_settings

from qa.models import QuestionFeedback

pytestmark = pytest.mark.django_db


def post_api(client, question_id, body, **extra):
    return client.post(
        f"/api/v1/qa/questions/{question_id}/feedback/",
        json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
        **extra,
    )


def test_the_page_form_records_feedback_and_thanks_the_reader(client, qa_tree):
    response = client.post(qa_tree.q_lost.url, {"helpful": "no", "comment": "  Te kort.  "})
    assert response.status_code == 303
    assert response["Location"] == qa_tree.q_lost.url + "?feedback=thanks#feedback"
    feedback = QuestionFeedback.objects.get()
    assert (feedback.question_id, feedback.helpful, feedback.comment, feedback.source) == (
        qa_tree.q_lost.pk,
        False,
        "Te kort.",
        "website",
    )
    page = client.get(response["Location"])
    assert "qa-feedback__thanks" in page.content.decode()


def test_the_page_form_shows_errors_for_bad_input(client, qa_tree):
    for data in ({}, {"helpful": "misschien"}, {"helpful": "yes", "comment": "x" * 1001}):
        response = client.post(qa_tree.q_lost.url, data)
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    assert not QuestionFeedback.objects.exists()


def test_the_page_form_is_rate_limited_per_question(client, qa_tree):
    assert client.post(qa_tree.q_lost.url, {"helpful": "yes"}).status_code == 303
    response = client.post(qa_tree.q_lost.url, {"helpful": "yes"})
    assert response.status_code == 429
    assert QuestionFeedback.objects.count() == 1
    # another reader (another address) may still answer
    other = client.post(qa_tree.q_lost.url, {"helpful": "yes"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303


def test_drafts_take_no_feedback(client, qa_tree):
    assert post_api(client, qa_tree.draft.pk, {"helpful": True}).status_code == 404
    assert post_api(client, 999999, {"helpful": True}).status_code == 404
    assert not QuestionFeedback.objects.exists()


def test_the_api_records_feedback(client, qa_tree):
    response = post_api(client, qa_tree.q_monthly.pk, {"helpful": True, "comment": "Duidelijk"})
    assert response.status_code == 201
    assert response.json() == {"status": "recorded"}
    feedback = QuestionFeedback.objects.get()
    assert (feedback.helpful, feedback.comment, feedback.source) == (True, "Duidelijk", "api")


@pytest.mark.parametrize(
    "body",
    [{}, {"helpful": "misschien"}, {"helpful": True, "comment": "x" * 1001}, "not json", {"comment": "hoi"}],
)
def test_the_api_rejects_bad_feedback_with_a_problem(client, qa_tree, body):
    response = post_api(client, qa_tree.q_monthly.pk, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["detail"]
    assert not QuestionFeedback.objects.exists()


@override_settings(QA_FEEDBACK_RATE="3/h", QA_FEEDBACK_RATE_PER_QUESTION="5/h")
def test_the_api_is_rate_limited_per_client(client, qa_tree):
    statuses = [post_api(client, qa_tree.q_monthly.pk, {"helpful": True}).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    limited = post_api(client, qa_tree.q_lost.pk, {"helpful": False})
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert (
        post_api(client, qa_tree.q_lost.pk, {"helpful": False}, REMOTE_ADDR="198.51.100.1").status_code == 201
    )
    assert QuestionFeedback.objects.count() == 4


def test_no_personal_data_is_stored(client, qa_tree):
    post_api(
        client,
        qa_tree.q_monthly.pk,
        {"helpful": True},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="TestBrowser/1.0",
    )
    row = QuestionFeedback.objects.values().get()
    assert set(row) == {"id", "question_id", "helpful", "comment", "source", "created_at"}
    assert "203.0.113.9" not in json.dumps(row, default=str)
