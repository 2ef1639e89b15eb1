"""Demo content of the knowledge base (order 50): the index, every dossier with three or
more articles (some for members only), small PDF downloads and Museumcijfers 2019–2024."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from core.models import Dossier, Theme
from core.seeding import seed_step

from .demo_data import DOSSIERS, FIGURES
from .members import members_collection, members_group, restrict_to_members
from .models import (
    ArticleAuthor,
    ArticleDownload,
    ArticlePage,
    DossierDocument,
    DossierPage,
    Figure,
    FiguresPage,
    KnowledgeIndexPage,
)
from .pdf import minimal_pdf

KIND_LABELS = {
    "article": "Artikel",
    "guide": "Handreiking",
    "report": "Rapport",
    "toolkit": "Toolkit",
    "advice": "Advies",
    "news": "Nieuws",
}


def demo_document(title, slug, collection, lines=()):
    """A small PDF stored as a Wagtail document (found again by title on a second run)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=collection)
    document.file.save(
        f"{slug}.pdf",
        ContentFile(minimal_pdf(title, ["Demo-document van de Museumvereniging.", *lines])),
        save=False,
    )
    document._set_document_file_metadata()
    document.save()
    return document


def _body(title, dossier_name, kind, members_only):
    body = [
        (
            "paragraph",
            f"<p>Deze {KIND_LABELS[kind].lower()} hoort bij het dossier {dossier_name}. "
            "Alle tekst op deze pagina is demo-tekst. (Demo.)</p>",
        ),
        ("heading", {"text": "Waar gaat het over?", "level": "h2"}),
        (
            "paragraph",
            f"<p>{title}: een korte uitleg met de belangrijkste punten voor musea, "
            "geschreven als voorbeeld van de kennisbank. (Demo.)</p>",
        ),
    ]
    if members_only:
        body.append(("paragraph", "<p>Dit deel is alleen voor leden van de Museumvereniging. (Demo.)</p>"))
    return body


def _visits_chart():
    return (
        "chart",
        {
            "title": "Museumbezoek in 2023",
            "description": "In 2023 telden de musea 30,9 miljoen bezoeken, waarvan 8 miljoen door "
            "buitenlandse bezoekers en 9,5 miljoen met de Museumkaart.",
            "chart_type": "bar",
            "unit": "miljoen",
            "data": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_header_choice": "both",
                "data": [
                    ["Soort bezoek", "Bezoeken (miljoen)"],
                    ["Totaal", "30,9"],
                    ["Buitenlands", "8"],
                    ["Museumkaart", "9,5"],
                ],
            },
            "source": "Museumcijfers 2023",
        },
    )


@transaction.atomic
def _article(ctx, parent, dossier, themes, number, data, locale):
    slug, title, kind, summary, members_only, theme_slugs = data
    collection = members_collection() if members_only else Collection.get_first_root_node()
    downloads = []
    if kind in ("guide", "report", "toolkit"):
        document = demo_document(f"{title} (demo, PDF)", slug, collection, [summary])
        downloads.append(ArticleDownload(document=document, title=""))
    body = _body(title, dossier.name, kind, members_only)
    if slug == "museumcijfers-2023-in-het-kort":
        body.append(_visits_chart())
    page = ctx.get_or_create_page(
        parent,
        ArticlePage,
        slug=slug,
        defaults={
            "title": title,
            "kind": kind,
            "publication_date": datetime.date(2025, 6, 1) - datetime.timedelta(days=45 * number),
            "last_reviewed": datetime.date(2025, 1, 15) if number % 2 else None,
            "intro": summary,
            "listing_summary": summary,
            "body": body,
            "dossiers": [dossier],
            "themes": [themes[s] for s in theme_slugs if s in themes],
            "authors": [ArticleAuthor(name="Redactie Museumvereniging (demo)", role="")],
            "downloads": downloads,
            "locale": locale,
        },
    )
    if members_only:
        restrict_to_members(page)
    return page


def _figures(ctx, parent, locale):
    for year, figures in ctx.progress(sorted(FIGURES.items()), "Museumcijfers years"):
        estimates = any(estimate for _value, estimate, _notes in figures.values())
        body = [_visits_chart()] if year == 2023 else []
        ctx.get_or_create_page(
            parent,
            FiguresPage,
            slug=f"museumcijfers-{year}",
            defaults={
                "title": f"Museumcijfers {year}",
                "year": year,
                "intro": (
                    f"De cijfers over museumbezoek in {year}."
                    + (
                        " Cijfers die als schatting zijn gemarkeerd zijn demo-schattingen."
                        if estimates
                        else ""
                    )
                ),
                "listing_summary": f"Museumbezoek en Museumkaart in {year} in cijfers.",
                "source": "Museumcijfers (Museana)" if year == 2023 else "Demo-schattingen",
                "body": body,
                "figures": [
                    Figure(key=key, value=Decimal(value), is_estimate=estimate, notes=notes)
                    for key, (value, estimate, notes) in figures.items()
                ],
                "locale": locale,
            },
        )


@seed_step(kind="demo", order=50, label="knowledge base")
def knowledge(ctx):
    nl = Locale.objects.get(language_code="nl")
    members_group()
    members_collection()
    index = ctx.get_or_create_page(
        ctx.home,
        KnowledgeIndexPage,
        slug="kennisbank",
        defaults={
            "title": "Kennisbank",
            "intro": "Handreikingen, toolkits, rapporten en nieuws uit de dossiers van de Museumvereniging. "
            "Sommige items zijn alleen voor leden. (Demo.)",
            "listing_summary": "Kennis uit de dossiers van de Museumvereniging.",
            "show_in_menus": True,
            "locale": nl,
        },
    )
    ctx.register_section("knowledge", index)
    ctx.translate(
        index,
        "en",
        title="Knowledge base",
        slug="knowledge-base",
        intro="Guides, toolkits, reports and news from the association's dossiers. (Demo.)",
        listing_summary="Knowledge from the association's dossiers.",
    )

    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=nl)}
    number = 0
    for slug, (role, intro, articles) in ctx.progress(DOSSIERS.items(), "dossiers"):
        dossier = Dossier.objects.filter(slug=slug, locale=nl).first()
        if dossier is None:
            continue
        key_document = demo_document(
            f"{dossier.name}: dossieroverzicht (demo, PDF)",
            f"dossier-{slug}",
            Collection.get_first_root_node(),
            [intro],
        )
        dossier_page = ctx.get_or_create_page(
            index,
            DossierPage,
            slug=slug,
            defaults={
                "title": dossier.name,
                "dossier": dossier,
                "intro": f"{intro} (Demo.)",
                "listing_summary": intro,
                "lead_contact_name": "Demo Contactpersoon",
                "lead_contact_role": f"{role} (demo)",
                "lead_contact_email": "kennisbank@example.org",
                "key_documents": [DossierDocument(document=key_document, title="")],
                "locale": nl,
            },
        )
        for data in articles:
            number += 1
            _article(ctx, dossier_page, dossier, themes, number, data, nl)
        if slug == "museumcijfers":
            _figures(ctx, dossier_page, nl)
