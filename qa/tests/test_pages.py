"""Q&A pages: admin creation, rendering, disclosure widgets, FAQPage JSON-LD, no draft leaks."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from qa.factories import QACategoryPageFactory, QAIndexPageFactory, QuestionPageFactory
from qa.models import QACategoryPage, QAIndexPage, QuestionPage

pytestmark = pytest.mark.django_db


def json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


class AdminTests(WagtailPageTestCase):
    def setUp(self):
        import io

        from django.core.management.color import no_style

        from core.seeding import SeedContext
        from home.demo import site as demo_site

        demo_site(SeedContext(io.StringIO(), no_style(), verbosity=0))
        self.home = HomePage.objects.get(depth=2, locale__language_code="nl")
        self.login()

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(QAIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(QACategoryPage, {QAIndexPage})
        self.assertAllowedParentPageTypes(QuestionPage, {QACategoryPage})
        self.assertAllowedSubpageTypes(QuestionPage, set())

    def test_the_whole_q_and_a_can_be_created_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            QAIndexPage,
            nested_form_data(
                {
                    "title": "Vragen",
                    "slug": "vragen",
                    "intro": "Hulp.",
                    "popular_questions": inline_formset([]),
                }
            ),
        )
        index = QAIndexPage.objects.get(slug="vragen", locale__language_code="nl")
        self.assertCanCreate(
            index,
            QACategoryPage,
            nested_form_data(
                {
                    "title": "Betalen",
                    "slug": "betalen",
                    "icon": "payment",
                    "intro": "Over betalen.",
                }
            ),
        )
        category = QACategoryPage.objects.get(slug="betalen", locale__language_code="nl")
        self.assertCanCreate(
            category,
            QuestionPage,
            nested_form_data(
                {
                    "title": "Kan ik per maand betalen?",
                    "slug": "per-maand",
                    "answer": rich_text("<p>Nee, per jaar.</p>"),
                    "alternative_phrasings": "termijnen",
                    "audience": "public",
                    "last_reviewed": "2026-10-01",
                    "related_questions": inline_formset([]),
                }
            ),
        )
        question = QuestionPage.objects.get(slug="per-maand", locale__language_code="nl")
        first = question
        data = nested_form_data(
            {
                "title": "Betaal ik automatisch?",
                "slug": "automatisch",
                "answer": rich_text("<p>Ja.</p>"),
                "alternative_phrasings": "",
                "audience": "members",
                "last_reviewed": "",
                "related_questions": inline_formset([{"question": first.pk}]),
            }
        )
        self.assertCanCreate(category, QuestionPage, data)
        second = QuestionPage.objects.get(slug="automatisch", locale__language_code="nl")
        self.assertEqual([r.question_id for r in second.related_questions.all()], [first.pk])
        self.assertIn(" termijn", question.search_text)
        self.assertPageIsRenderable(second)
        self.assertPageIsPreviewable(second, post_data=data)
        index.popular_questions.create(question=first)
        self.assertPageIsRenderable(index)

    def test_reports_are_shown_to_editors(self):
        for name in ("unanswered", "feedback", "comments"):
            response = self.client.get(f"/admin/reports/qa/{name}/")
            self.assertEqual(response.status_code, 200, name)


def test_index_shows_categories_and_most_asked_questions(client, qa_tree):
    response = client.get(qa_tree.index.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text == qa_tree.index.title
    cards = soup.select(".qa-category")
    assert [card.h3.text for card in cards] == ["Kaart kwijt", "Betalen"]
    assert "2" in cards[1].select_one(".meta").text  # two live questions, the draft not counted
    # no editor picks: the first question of each category
    popular = [s.text for s in soup.select(".qa-popular summary")]
    assert popular == [qa_tree.q_lost.title, qa_tree.q_monthly.title]
    assert soup.select_one("label[for=qa-q]") is not None
    (data,) = json_ld(response)
    assert data["@type"] == "CollectionPage"


def test_editor_picks_replace_the_default_most_asked(client, qa_tree):
    qa_tree.index.popular_questions.create(question=qa_tree.q_debit, sort_order=0)
    qa_tree.index.popular_questions.create(question=qa_tree.draft, sort_order=1)
    qa_tree.index.save_revision().publish()
    soup = BeautifulSoup(client.get(qa_tree.index.url).content, "html.parser")
    assert [s.text for s in soup.select(".qa-popular summary")] == [qa_tree.q_debit.title]


def test_category_lists_its_questions_as_disclosures_in_tree_order(client, qa_tree):
    response = client.get(qa_tree.pay.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    details = soup.select("details.qa-question")
    assert [d.summary.text for d in details] == [qa_tree.q_monthly.title, qa_tree.q_debit.title]
    assert "per jaar" in details[0].select_one(".qa-answer").text
    assert details[0].find("a")["href"] == qa_tree.q_monthly.url
    assert "Geheime conceptvraag" not in response.content.decode()


def test_category_emits_faq_page_json_ld(client, qa_tree):
    (data,) = json_ld(client.get(qa_tree.pay.url))
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [qa_tree.q_monthly.title, qa_tree.q_debit.title]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["acceptedAnswer"]["@type"] == "Answer"
    assert first["acceptedAnswer"]["text"] == "Nee, je betaalt per jaar & in één keer.\n€75\n€39"
    assert first["url"] == settings.PUBLIC_BASE_URL + qa_tree.q_monthly.url


def test_question_page_has_its_own_url_answer_and_json_ld(client, qa_tree):
    qa_tree.q_lost.related_questions.create(question=qa_tree.q_stolen, sort_order=0)
    qa_tree.q_lost.related_questions.create(question=qa_tree.draft, sort_order=1)
    qa_tree.q_lost.save_revision().publish()
    response = client.get(qa_tree.q_lost.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text == qa_tree.q_lost.title
    assert "duplicaat" in soup.select_one(".qa-answer").text
    assert [a.text for a in soup.select(".qa-related a")] == [qa_tree.q_stolen.title]
    assert soup.select_one("link[rel=canonical]")["href"].endswith(qa_tree.q_lost.url)
    (data,) = json_ld(response)
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == qa_tree.q_lost.title
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Vraag een duplicaat aan in Mijn Museumkaart."


def test_drafts_and_private_questions_are_not_served_or_listed(client, qa_tree):
    assert client.get(qa_tree.draft.url or "/vragen/betalen/concept/").status_code == 404
    PageViewRestriction.objects.create(page=qa_tree.q_stolen, restriction_type="password", password="x")
    response = client.get(qa_tree.lost.url)
    assert qa_tree.q_stolen.title not in response.content.decode()
    (data,) = json_ld(response)
    assert [q["name"] for q in data["mainEntity"]] == [qa_tree.q_lost.title]


def test_unpublished_changes_do_not_leak(client, qa_tree):
    page = QuestionPage.objects.get(pk=qa_tree.q_monthly.pk)
    page.title = "Nieuwe titel in concept"
    page.answer = "<p>Conceptantwoord</p>"
    page.save_revision()
    for url in (qa_tree.pay.url, qa_tree.q_monthly.url, qa_tree.index.url + "?q=conceptantwoord"):
        assert "Conceptantwoord" not in client.get(url).content.decode()
    response = client.get("/api/v1/qa/questions/", {"q": "conceptantwoord"})
    assert response.json()["count"] == 0


def test_english_translation_renders(client, qa_tree, en_home):
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    index = QAIndexPageFactory(parent=en_home, title="Questions", slug="questions", locale=en)
    category = QACategoryPageFactory(parent=index, title="Paying", slug="paying", locale=en)
    QuestionPageFactory(
        parent=category, title="Can I pay monthly?", slug="monthly", locale=en, answer="<p>No, yearly.</p>"
    )
    response = client.get(category.url)
    assert response.status_code == 200
    assert "Can I pay monthly?" in response.content.decode()
    items = client.get("/api/v1/qa/questions/", {"locale": "en"}).json()["items"]
    languages = {i["title"]: i["locale"] for i in items}
    assert languages.pop("Can I pay monthly?") == "en"
    # The Dutch questions without an English translation are still listed, marked as Dutch.
    assert languages and set(languages.values()) == {"nl"}


@pytest.mark.uncached
@pytest.mark.parametrize("which", ["index", "search", "category"])
@override_settings(PAGE_CACHE_ENABLED=False)  # the queries of a render, not of a cache hit
def test_pages_run_a_constant_number_of_queries(client, qa_tree, which):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def url():
        return {
            "index": qa_tree.index.url,
            "search": qa_tree.index.url + "?q=vraag",
            "category": qa_tree.pay.url,
        }[which]

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url()).status_code == 200
        return len(queries)

    def warm():
        # Twice: a render that follows an invalidation is not stored in the fragment caches.
        client.get(url())
        client.get(url())

    QuestionPageFactory(parent=qa_tree.pay, title="Extra vraag 0?", slug="extra-0")
    warm()  # the site root cache
    before = count_queries()
    for number in range(1, 5):
        QuestionPageFactory(parent=qa_tree.pay, title=f"Extra vraag {number}?", slug=f"extra-{number}")
    QACategoryPageFactory(parent=qa_tree.index, title="Nog een", slug="nog-een")
    warm()  # publishing reset the cached public visibility and fragments: warm them again
    assert count_queries() == before


def test_a_translated_index_and_question_point_to_translated_picks(client, qa_tree):
    import io

    from django.core.management.color import no_style

    from core.seeding import SeedContext

    qa_tree.index.popular_questions.create(question=qa_tree.q_lost, sort_order=0)
    qa_tree.index.save_revision().publish()
    qa_tree.q_stolen.related_questions.create(question=qa_tree.q_lost, sort_order=0)
    qa_tree.q_stolen.save_revision().publish()

    ctx = SeedContext(io.StringIO(), no_style(), verbosity=0)
    en_index = ctx.translate(qa_tree.index, "en", title="Questions", slug="questions")
    ctx.translate(qa_tree.lost, "en", title="Lost card", slug="lost")
    en_lost = ctx.translate(qa_tree.q_lost, "en", title="I lost my card", slug="lost-card")
    en_stolen = ctx.translate(qa_tree.q_stolen, "en", title="My card was stolen", slug="stolen")

    for page in (en_index, en_lost, en_stolen):
        page.refresh_from_db()
    soup = BeautifulSoup(client.get(en_index.url).content, "html.parser")
    assert [s.text for s in soup.select(".qa-popular summary")] == ["I lost my card"]
    soup = BeautifulSoup(client.get(en_stolen.url).content, "html.parser")
    assert [a["href"] for a in soup.select(".qa-related a")] == [en_lost.url]
