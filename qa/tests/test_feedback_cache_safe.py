"""The feedback form on a cached question page: no CSRF token in the page, a same-origin check
on the endpoint it posts to (``qa.views.feedback``) instead."""

import pytest
from django.test import Client, RequestFactory, override_settings
from wagtail.models import PageViewRestriction

from core.csp import header_nonce
from core.http import same_origin
from qa.models import QuestionFeedback

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def endpoint(question):
    return f"/vragen-feedback/{question.pk}/"


def test_the_question_page_is_the_same_for_every_reader_and_gets_cached(qa_tree):
    client = Client(enforce_csrf_checks=True)
    first = client.get(qa_tree.q_lost.url)
    html = first.content.decode()
    assert first.status_code == 200
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{endpoint(qa_tree.q_lost)}#feedback"' in html
    Client().get(qa_tree.q_lost.url)
    later = Client().get(qa_tree.q_lost.url)
    assert later["X-Cache"] == "hit"
    # The same page for every reader, but for the Content-Security-Policy nonce of each response.
    assert later.content.replace(header_nonce(later).encode(), b"") == first.content.replace(
        header_nonce(first).encode(), b""
    )


def test_the_english_page_posts_to_the_english_endpoint(qa_tree, en_home):
    client = Client(enforce_csrf_checks=True)
    translation = qa_tree.q_lost.copy_for_translation(en_home.locale, copy_parents=True)
    translation.save_revision().publish()
    response = client.get(translation.url)
    assert response.status_code == 200
    assert f'action="/en/vragen-feedback/{translation.pk}/#feedback"' in response.content.decode()
    post = client.post(f"/en/vragen-feedback/{translation.pk}/", {"helpful": "yes"}, HTTP_ORIGIN=SITE)
    assert post.status_code == 303
    assert post["Location"] == translation.url + "?feedback=thanks#feedback"
    assert QuestionFeedback.objects.get().question_id == translation.pk


def test_a_same_origin_post_records_feedback_without_a_token(qa_tree):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        endpoint(qa_tree.q_lost),
        {"helpful": "no", "comment": " Te kort. "},
        HTTP_ORIGIN=SITE,
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 303
    assert response["Location"] == qa_tree.q_lost.url + "?feedback=thanks#feedback"
    feedback = QuestionFeedback.objects.get()
    assert (feedback.question_id, feedback.helpful, feedback.comment, feedback.source) == (
        qa_tree.q_lost.pk,
        False,
        "Te kort.",
        "website",
    )
    thanks = client.get(response["Location"])
    assert "qa-feedback__thanks" in thanks.content.decode()
    assert not thanks.cookies


def test_a_client_without_origin_headers_is_allowed(qa_tree):
    response = Client(enforce_csrf_checks=True).post(endpoint(qa_tree.q_monthly), {"helpful": "yes"})
    assert response.status_code == 303
    assert QuestionFeedback.objects.get().helpful is True


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": SITE, "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_a_post_from_another_site_is_refused(client, qa_tree, headers):
    response = client.post(endpoint(qa_tree.q_lost), {"helpful": "yes"}, **headers)
    assert response.status_code == 403
    assert "alleen worden gegeven op de vraagpagina" in response.content.decode()  # the Dutch site
    assert not QuestionFeedback.objects.exists()


@override_settings(CSRF_TRUSTED_ORIGINS=["https://www.museumsite.test", "https://*.partner.test"])
def test_trusted_origins_and_the_public_address_are_this_site():
    factory = RequestFactory()

    def allowed(origin):
        return same_origin(factory.post("/", HTTP_ORIGIN=origin))

    assert allowed("http://testserver")
    assert allowed("https://public.museumsite.test")  # PUBLIC_BASE_URL in the test settings
    assert allowed("https://www.museumsite.test")
    assert allowed("https://shop.partner.test")
    assert not allowed("http://shop.partner.test")
    assert not allowed("https://partner.test.evil.example")
    assert not allowed("https://evil.example")
    assert same_origin(factory.post("/", HTTP_SEC_FETCH_SITE="none"))  # typed or bookmarked


def test_invalid_input_shows_the_page_with_the_errors(client, qa_tree):
    for data in ({}, {"helpful": "misschien"}, {"helpful": "yes", "comment": "x" * 1001}):
        response = client.post(endpoint(qa_tree.q_lost), data, HTTP_ORIGIN=SITE)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'role="alert"' in html
        assert qa_tree.q_lost.title in html
        assert "csrfmiddlewaretoken" not in html
    assert "Kies ja of nee." in client.post(endpoint(qa_tree.q_lost), {}, HTTP_ORIGIN=SITE).content.decode()
    assert not QuestionFeedback.objects.exists()


def test_the_endpoint_is_rate_limited_like_the_page(client, qa_tree):
    assert client.post(endpoint(qa_tree.q_lost), {"helpful": "yes"}, HTTP_ORIGIN=SITE).status_code == 303
    again = client.post(endpoint(qa_tree.q_lost), {"helpful": "yes"}, HTTP_ORIGIN=SITE)
    assert again.status_code == 429
    assert "al feedback gegeven" in again.content.decode()
    assert QuestionFeedback.objects.count() == 1


def test_only_questions_the_reader_may_see_take_feedback(client, qa_tree):
    for question_id in (qa_tree.draft.pk, qa_tree.lost.pk, 999999):
        response = client.post(f"/vragen-feedback/{question_id}/", {"helpful": "yes"}, HTTP_ORIGIN=SITE)
        assert response.status_code == 404
    assert not QuestionFeedback.objects.exists()


def test_a_restricted_question_takes_feedback_only_from_readers_who_may_open_it(
    client, qa_tree, django_user_model
):
    PageViewRestriction.objects.create(page=qa_tree.q_debit, restriction_type="login")
    url = endpoint(qa_tree.q_debit)
    assert client.post(url, {"helpful": "yes"}, HTTP_ORIGIN=SITE).status_code == 404
    assert not QuestionFeedback.objects.exists()
    client.force_login(django_user_model.objects.create_user("lid", password="x" * 16))
    assert client.post(url, {"helpful": "yes"}, HTTP_ORIGIN=SITE).status_code == 303
    assert QuestionFeedback.objects.get().question_id == qa_tree.q_debit.pk


def test_the_endpoint_takes_only_posts(client, qa_tree):
    response = client.get(endpoint(qa_tree.q_lost))
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_a_post_to_the_page_itself_still_needs_a_csrf_token(qa_tree):
    client = Client(enforce_csrf_checks=True)
    refused = client.post(qa_tree.q_lost.url, {"helpful": "yes"}, HTTP_ORIGIN=SITE)
    assert refused.status_code == 403
    assert not QuestionFeedback.objects.exists()
    # A client holding a token (e.g. an older copy of the page) is still served.
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    accepted = client.post(
        qa_tree.q_lost.url, {"helpful": "yes", "csrfmiddlewaretoken": secret}, HTTP_ORIGIN=SITE
    )
    assert accepted.status_code == 303
    assert QuestionFeedback.objects.get().helpful is True
