"""Fixtures of the knowledge base's tests: an index page, a dossier, members and articles."""

import pytest
from django.contrib.auth import get_user_model

from core.factories import DossierFactory, ThemeFactory
from knowledge.factories import (
    ArticlePageFactory,
    DossierPageFactory,
    KnowledgeIndexPageFactory,
    make_document,
)
from knowledge.members import members_collection, members_group, restrict_to_members
from knowledge.models import ArticleDownload


@pytest.fixture
def index(site_root):
    return KnowledgeIndexPageFactory(parent=site_root, show_in_menus=True)


@pytest.fixture
def dossier(db):
    return DossierFactory(name="Duurzaamheid", slug="duurzaamheid")


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Duurzaam", slug="duurzaam")


@pytest.fixture
def dossier_page(index, dossier):
    return DossierPageFactory(
        parent=index,
        title="Duurzaamheid",
        slug="duurzaamheid",
        dossier=dossier,
        lead_contact_name="Demo Contact",
        lead_contact_email="kennis@example.org",
    )


@pytest.fixture
def member(db):
    user = get_user_model().objects.create_user("lid", "lid@example.org", "geheim-wachtwoord")
    user.groups.add(members_group())
    return user


@pytest.fixture
def outsider(db):
    """Logged in, but not a member."""
    return get_user_model().objects.create_user("buiten", "buiten@example.org", "geheim-wachtwoord")


@pytest.fixture
def public_article(dossier_page, dossier, theme):
    document = make_document("Openbaar rapport", filename="openbaar.pdf")
    return ArticlePageFactory(
        parent=dossier_page,
        title="Open handreiking",
        slug="open-handreiking",
        kind="guide",
        body=[("paragraph", "<p>Openbare inhoud over zonnepanelen.</p>")],
        dossiers=[dossier],
        themes=[theme],
        downloads=[ArticleDownload(document=document)],
    )


@pytest.fixture
def members_article(dossier_page, dossier, theme):
    document = make_document("Ledenrapport", collection=members_collection(), filename="ledenrapport.pdf")
    article = ArticlePageFactory(
        parent=dossier_page,
        title="Ledentoolkit",
        slug="ledentoolkit",
        kind="toolkit",
        listing_summary="Een toolkit voor leden.",
        body=[("paragraph", "<p>GEHEIME-LEDENINHOUD over warmtepompen.</p>")],
        dossiers=[dossier],
        themes=[theme],
        downloads=[ArticleDownload(document=document)],
    )
    restrict_to_members(article)
    return article
