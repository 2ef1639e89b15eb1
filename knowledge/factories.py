"""Test factories of the knowledge base (test-only: factory_boy is a dev extra)."""

import datetime

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.factories import PageFactory

from .choices import ArticleKind
from .models import ArticlePage, DossierPage, FiguresPage, KnowledgeIndexPage
from .pdf import minimal_pdf


class KnowledgeIndexPageFactory(PageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "Alle kennis op een plek."

    class Meta:
        model = KnowledgeIndexPage


class DossierPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Dossier {n}")
    intro = "Een dossier."

    class Meta:
        model = DossierPage


class ArticlePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Artikel {n}")
    kind = ArticleKind.ARTICLE
    publication_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) - datetime.timedelta(days=n))
    intro = "Een inleiding."
    listing_summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}.")

    class Meta:
        model = ArticlePage


class FiguresPageFactory(PageFactory):
    title = factory.LazyAttribute(lambda o: f"Museumcijfers {o.year}")
    year = 2023

    class Meta:
        model = FiguresPage


def make_document(title="Rapport", collection=None, filename="rapport.pdf"):
    """A stored PDF document, in ``collection`` (the root collection when ``None``)."""
    Document = get_document_model()
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(filename, ContentFile(minimal_pdf(title, ["Testdocument."])), save=False)
    document._set_document_file_metadata()
    document.save()
    return document
