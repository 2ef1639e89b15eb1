"""The knowledge base's demo step: every dossier with articles, members-only items with
protected PDFs, Museumcijfers 2019–2024 with estimates marked; idempotent."""

import io

import pytest
from django.conf import settings
from django.core.management.color import no_style
from wagtail.models import Page

from core.demo import sync_tree, taxonomy
from core.seeding import SeedContext
from core.visibility import Visibility
from home.demo import site
from knowledge.demo import knowledge
from knowledge.demo_data import DOSSIERS
from knowledge.members import MEMBERS_COLLECTION_NAME
from knowledge.models import ArticlePage, DossierPage, FiguresPage, KnowledgeIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(db):
    ctx = SeedContext(io.StringIO(), no_style(), verbosity=1)
    site(ctx)
    taxonomy(ctx)
    knowledge(ctx)
    sync_tree(ctx)
    return ctx


def _pdf_is_valid(document):
    with document.file.open("rb") as handle:
        data = handle.read()
    return data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF") and b"startxref" in data


def test_demo_content(ctx):
    index = KnowledgeIndexPage.objects.get(slug="kennisbank", locale__language_code="nl")
    assert index.live and index.show_in_menus
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.get_translation(index.get_translations().get().locale).slug == "knowledge-base"
    assert len(DOSSIERS) == 11
    visibility = Visibility.public()
    for slug in DOSSIERS:
        dossier_page = DossierPage.objects.get(slug=slug, locale__language_code="nl")
        articles = list(dossier_page.get_articles())
        assert len(articles) >= 3, slug
        assert any(visibility.is_restricted(a) for a in articles), slug
        assert any(not visibility.is_restricted(a) for a in articles), slug
        assert dossier_page.key_documents.count() == 1
    for article in ArticlePage.objects.filter(locale__language_code="nl"):
        assert "(Demo.)" in str(article.body) or "demo" in str(article.body).lower()
        for download in article.downloads.select_related("document__collection"):
            assert _pdf_is_valid(download.document)
            in_members = download.document.collection.name == MEMBERS_COLLECTION_NAME
            assert in_members == visibility.is_restricted(article), article.title
    for restricted in ArticlePage.objects.not_public():
        (restriction,) = restricted.get_view_restrictions()
        assert [g.name for g in restriction.groups.all()] == [settings.MEMBERS_GROUP_NAME]


def test_demo_figures(ctx):
    pages = {page.year: page for page in FiguresPage.objects.filter(locale__language_code="nl")}
    assert set(range(2019, 2025)) <= set(pages)
    figures_2023 = pages[2023].figure_map()
    assert figures_2023["total_visits"].value == 30_900_000 and not figures_2023["total_visits"].is_estimate
    assert (
        figures_2023["foreign_visits"].value == 8_000_000 and not figures_2023["foreign_visits"].is_estimate
    )
    assert figures_2023["youth_share"].value == 20
    assert figures_2023["museumkaart_visits"].value == 9_500_000
    assert figures_2023["museumkaart_holders"].value == 1_500_000
    for year in (2019, 2020, 2021, 2022, 2024):
        assert all(f.is_estimate and f.notes for f in pages[year].figures.all()), year


def test_every_knowledge_page_type_has_a_public_page_and_renders(ctx, client):
    for model in (KnowledgeIndexPage, DossierPage, ArticlePage, FiguresPage):
        page = Visibility.public().listable(model.objects.order_by("path")).first()
        assert page is not None, model
        assert client.get(page.url).status_code == 200, page.url


def test_demo_is_idempotent(ctx):
    before = Page.objects.count()
    ctx.created = 0
    knowledge(ctx)
    assert ctx.created == 0
    assert Page.objects.count() == before
