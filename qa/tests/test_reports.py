"""Admin reports: unanswered searches and feedback per question, for editors only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from qa.models import QuestionFeedback, ZeroResultQuery

pytestmark = pytest.mark.django_db


def test_unanswered_searches_report_lists_queries_by_count(admin_client, qa_tree):
    ZeroResultQuery.record("Huisdieren", "nl")
    ZeroResultQuery.record("parkeren", "nl")
    ZeroResultQuery.record("Parkeren!", "nl")
    response = admin_client.get("/admin/reports/qa/unanswered/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("parkeren") < html.index("huisdieren")
    csv = admin_client.get("/admin/reports/qa/unanswered/?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert b"parkeren" in body


def test_feedback_report_shows_counts_per_question(admin_client, qa_tree):
    for helpful in (True, True, False):
        QuestionFeedback.objects.create(question=qa_tree.q_lost, helpful=helpful)
    QuestionFeedback.objects.create(question=qa_tree.q_monthly, helpful=False, comment="Graag in termijnen")
    response = admin_client.get("/admin/reports/qa/feedback/")
    assert response.status_code == 200
    rows = {
        obj.pk: (obj.helpful_yes, obj.helpful_no, obj.comments) for obj in response.context["object_list"]
    }
    assert rows == {qa_tree.q_lost.pk: (2, 1, 0), qa_tree.q_monthly.pk: (0, 1, 1)}
    comments = admin_client.get("/admin/reports/qa/comments/")
    assert "Graag in termijnen" in comments.content.decode()


def test_reports_need_page_editing_rights(client, qa_tree):
    user = get_user_model().objects.create_user("lezer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("unanswered", "feedback", "comments"):
        response = client.get(f"/admin/reports/qa/{name}/")
        assert response.status_code in (302, 403)


def test_editors_can_read_and_delete_feedback_but_not_add_or_change_it(admin_client, qa_tree):
    feedback = QuestionFeedback.objects.create(
        question=qa_tree.q_lost, helpful=False, comment="Bel me op 0612345678"
    )
    search = ZeroResultQuery.objects.create(query="parkeren", language_code="nl")
    listing = admin_client.get("/admin/questionfeedback/")
    assert listing.status_code == 200
    assert "Bel me op" in listing.content.decode()
    assert admin_client.get(f"/admin/questionfeedback/inspect/{feedback.pk}/").status_code == 200
    assert admin_client.get("/admin/questionfeedback/new/").status_code in (302, 403)
    assert admin_client.get(f"/admin/questionfeedback/edit/{feedback.pk}/").status_code in (302, 403)
    assert admin_client.get("/admin/zeroresultquery/").status_code == 200
    admin_client.post(f"/admin/questionfeedback/delete/{feedback.pk}/")
    admin_client.post(f"/admin/zeroresultquery/delete/{search.pk}/")
    assert not QuestionFeedback.objects.exists()
    assert not ZeroResultQuery.objects.exists()


def test_the_question_editor_shows_its_feedback(admin_client, qa_tree):
    for helpful in (True, True, False):
        QuestionFeedback.objects.create(question=qa_tree.q_lost, helpful=helpful)
    QuestionFeedback.objects.create(question=qa_tree.q_lost, helpful=False, comment="Wat kost een duplicaat?")
    QuestionFeedback.objects.create(question=qa_tree.q_stolen, helpful=True, comment="Andere vraag")
    response = admin_client.get(f"/admin/pages/{qa_tree.q_lost.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>2</strong>" in html and "Wat kost een duplicaat?" in html
    assert "Andere vraag" not in html
