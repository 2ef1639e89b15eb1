"""Knowledge pages: tree rules, admin creation, rendering, JSON-LD, search, resolver, events."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management.color import no_style
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.factories import DossierFactory
from core.seeding import SeedContext
from core.visibility import Visibility
from home.demo import site as demo_site
from home.models import HomePage
from knowledge.factories import (
    ArticlePageFactory,
    DossierPageFactory,
    KnowledgeIndexPageFactory,
    make_document,
)
from knowledge.members import restrict_to_members
from knowledge.models import ArticlePage, DossierDocument, DossierPage, FiguresPage, KnowledgeIndexPage
from knowledge.queries import event_model, related_events
from knowledge.tests.helpers import add_page, nl


def _json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


class AdminTests(WagtailPageTestCase):
    def setUp(self):
        demo_site(SeedContext(io.StringIO(), no_style(), verbosity=0))
        self.home = HomePage.objects.get(depth=2, locale__language_code="nl")
        self.index = KnowledgeIndexPageFactory(parent=self.home)
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(DossierPage, {KnowledgeIndexPage})
        self.assertAllowedParentPageTypes(ArticlePage, {KnowledgeIndexPage, DossierPage})
        self.assertAllowedParentPageTypes(FiguresPage, {KnowledgeIndexPage, DossierPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_dossier_and_article_can_be_created_in_the_admin(self):
        dossier = DossierFactory(name="Toegankelijkheid", slug="toegankelijkheid")
        document = make_document("Handreiking", filename="handreiking.pdf")
        self.assertCanCreate(
            self.index,
            DossierPage,
            nested_form_data(
                {
                    "title": "Toegankelijkheid",
                    "slug": "toegankelijkheid",
                    "dossier": dossier.pk,
                    "intro": "Voor iedereen.",
                    "body": streamfield([]),
                    "lead_contact_name": "",
                    "lead_contact_role": "",
                    "lead_contact_email": "",
                    "key_documents": inline_formset([{"document": document.pk, "title": ""}]),
                }
            ),
        )
        dossier_page = DossierPage.objects.get(slug="toegankelijkheid", locale__language_code="nl")
        self.assertEqual(dossier_page.key_documents.count(), 1)
        data = nested_form_data(
            {
                "title": "Prikkelarm bezoek",
                "slug": "prikkelarm",
                "kind": "advice",
                "publication_date": "2024-05-01",
                "last_reviewed": "",
                "intro": "Rust in het museum.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Waarom", "level": "h2"}),
                        (
                            "chart",
                            {
                                "title": "Bezoek",
                                "description": "Meer rust.",
                                "chart_type": "bar",
                                "unit": "",
                                "source": "",
                                "data": json.dumps(
                                    {
                                        "data": [["Jaar", "Bezoek"], ["2023", "5"]],
                                        "table_header_choice": "both",
                                        "first_row_is_table_header": True,
                                        "first_col_is_header": True,
                                    }
                                ),
                            },
                        ),
                    ]
                ),
                "themes": [],
                "dossiers": [dossier.pk],
                "authors": inline_formset([{"name": "Redactie", "role": ""}]),
                "downloads": inline_formset([{"document": document.pk, "title": "De handreiking"}]),
                "related_links": inline_formset([]),
            }
        )
        self.assertCanCreate(dossier_page, ArticlePage, data)
        article = ArticlePage.objects.get(slug="prikkelarm", locale__language_code="nl")
        self.assertTrue(article.live)
        self.assertEqual(article.body[1].block_type, "chart")
        self.assertPageIsRenderable(article)
        self.assertPageIsPreviewable(article, post_data=data)

    def test_figures_page_validates_its_year(self):
        data = {
            "title": "Cijfers 2023",
            "slug": "cijfers-2023",
            "year": 2023,
            "intro": "",
            "source": "",
            "body": streamfield([]),
            "figures": inline_formset(
                [{"key": "total_visits", "value": "30900000", "is_estimate": "", "notes": ""}]
            ),
        }
        self.assertCanCreate(self.index, FiguresPage, nested_form_data(data))
        response = self.client.post(
            f"/admin/pages/add/knowledge/figurespage/{self.index.pk}/",
            nested_form_data({**data, "slug": "nog-eens-2023"}),
        )
        self.assertEqual(response.status_code, 200)  # the form comes back with the error
        self.assertContains(response, nl("There already is a figures page for this year."))


pytestmark = pytest.mark.django_db


def test_article_page_renders_downloads_with_type_and_size(client, public_article):
    response = client.get(public_article.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text == "Open handreiking"
    section = soup.find("section", class_="knowledge-downloads")
    link = section.find("a")
    assert link.text == "Openbaar rapport"
    assert "PDF" in section.text and "B)" in section.text  # type and size (B, kB, MB)
    (data,) = _json_ld(response)
    assert data["@type"] == "Article"
    assert data["headline"] == "Open handreiking"
    assert data["isAccessibleForFree"] is True
    assert data["datePublished"]


def test_report_and_news_have_their_schema_type(client, index):
    report = ArticlePageFactory(parent=index, kind="report", title="Jaarrapport")
    news = ArticlePageFactory(parent=index, kind="news", title="Bericht")
    assert _json_ld(client.get(report.url))[0]["@type"] == "Report"
    assert _json_ld(client.get(news.url))[0]["@type"] == "NewsArticle"


def test_related_articles_only_show_readable_live_ones(
    client, public_article, members_article, dossier_page, dossier
):
    ArticlePageFactory(parent=dossier_page, title="Buurman", dossiers=[dossier])
    ArticlePageFactory(parent=dossier_page, title="Concept-buur", dossiers=[dossier], publish=False)
    soup = BeautifulSoup(client.get(public_article.url).content, "html.parser")
    related = [
        a.text for a in soup.find("section", attrs={"aria-labelledby": "related-heading"}).find_all("a")
    ]
    assert related == ["Buurman"]


def test_dossier_page_shows_contact_documents_and_articles(client, dossier_page, public_article):
    document = make_document("Dossieroverzicht", filename="overzicht.pdf")
    DossierDocument.objects.create(page=dossier_page, document=document)
    tagged_elsewhere = ArticlePageFactory(
        parent=dossier_page.get_parent(), title="Elders getagd", dossiers=[dossier_page.dossier]
    )
    response = client.get(dossier_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Demo Contact" in html and "mailto:kennis@example.org" in html
    assert "Dossieroverzicht" in html
    assert "Open handreiking" in html and tagged_elsewhere.title in html
    assert _json_ld(response)[0]["@type"] == "CollectionPage"


def test_index_is_in_the_menu_and_resolvable(client, index, public_article):
    home = client.get("/").content.decode()
    assert f'href="{index.url}"' in home
    data = client.get("/api/v1/pages/resolve/", {"path": public_article.url}).json()
    assert data["kind"] == "guide"  # the type's own fields, flat
    assert data["downloads"][0]["extension"] == "pdf"
    assert data["path"] == public_article.url
    index_data = client.get("/api/v1/pages/resolve/", {"path": index.url}).json()
    assert index_data["feed_url"] == index.url + "rss/"


def test_site_search_finds_public_knowledge_pages(client, public_article, dossier_page):
    html = client.get("/zoeken/", {"q": "Open handreiking"}).content.decode()
    assert "Open handreiking" in html


def _event(agenda, title, days_ahead=30, **fields):
    """An all-day agenda event ``days_ahead`` from today (created by its label)."""
    start = datetime.date.today() + datetime.timedelta(days=days_ahead)
    return add_page(
        "agenda.EventPage",
        agenda,
        title=title,
        event_type="seminar",
        start_date=start,
        all_day=True,
        attendance_mode="online",
        online_url="https://example.org/webinar",
        **fields,
    )


def test_related_events_come_from_the_agenda(client, site_root, dossier_page, dossier, member):
    """The agenda's upcoming events of the dossier that the reader may see are listed, soonest first."""
    assert event_model() is not None, "agenda.EventPage with a dossiers relation is expected"
    agenda = add_page("agenda.AgendaIndexPage", site_root, title="Agenda", slug="agenda")
    later = _event(agenda, "Seminar duurzaamheid", days_ahead=60, dossiers=[dossier])
    upcoming = _event(agenda, "Webinar duurzaamheid", dossiers=[dossier])
    _event(agenda, "Ander onderwerp")
    _event(agenda, "Voorbij", days_ahead=-10, dossiers=[dossier])
    _event(agenda, "Concept-event", dossiers=[dossier], publish=False)
    restrict_to_members(_event(agenda, "Ledenbijeenkomst", dossiers=[dossier]))
    public = Visibility.public()
    assert [e.pk for e in related_events(dossier, dossier_page.locale, public)] == [upcoming.pk, later.pk]
    html = client.get(dossier_page.url).content.decode()
    assert "Webinar duurzaamheid" in html and "Concept-event" not in html
    assert "Ledenbijeenkomst" not in html
    detail = client.get(f"/api/v1/dossiers/{dossier_page.pk}/").json()
    assert [event["title"] for event in detail["related_events"]] == [
        "Webinar duurzaamheid",
        "Seminar duurzaamheid",
    ]
    assert detail["related_events"][0]["path"] == upcoming.url
    client.force_login(member)
    assert "Ledenbijeenkomst" in client.get(dossier_page.url).content.decode()
    client.logout()
    assert "Ledenbijeenkomst" not in str(client.get(f"/api/v1/dossiers/{dossier_page.pk}/").json())


def test_related_events_without_a_dossier_is_empty(client, dossier_page):
    page = DossierPageFactory(parent=dossier_page.get_parent(), title="Zonder dossier")
    assert related_events(page.dossier, page.locale, Visibility.public()) == []
    html = client.get(page.url).content.decode()
    assert nl("No upcoming events in this dossier.") in html
