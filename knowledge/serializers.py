"""The JSON shapes of the knowledge pages, shared by the API routes and the path resolver.

Every shape is flat: the page item's fields (``core.api.conventions.page_item``) plus the type's
own. References to other pages are ``PageRef`` dicts (``page_ref``); document addresses are
absolute on the public base URL. Lists inside a shape (a dossier's articles, related articles
and events) hold only what ``visibility`` lets the reader see: the API passes
``Visibility.public()``.
"""

from core.api.conventions import page_item, page_ref
from core.blocks import document_api_representation, image_api_representation, stream_api_representation
from core.links import public_url

from .queries import related_articles, related_events


def taxonomy_ref(obj):
    return {"id": obj.pk, "slug": obj.slug, "name": obj.name} if obj is not None else None


def download_data(item):
    """A download (a key document or an article's download): the document plus its shown title."""
    return {
        **document_api_representation(item.document),
        "title": item.display_title(),
        "url": public_url(item.document.url),
    }


def article_summary(article):
    return {
        "kind": article.kind,
        "summary": article.get_listing_summary(),
        "publication_date": article.publication_date,
        "last_reviewed": article.last_reviewed,
        "dossiers": [taxonomy_ref(d) for d in article.dossiers.all()],
        "themes": [taxonomy_ref(t) for t in article.themes.all()],
        "image": image_api_representation(article.image),
    }


def article_item(article, request):
    return {**page_item(article, request), **article_summary(article)}


def article_data(article, request, visibility):
    """The article's own fields; only ever called for pages the client may read."""
    return {
        **article_summary(article),
        "intro": article.intro,
        "authors": [{"name": a.name, "role": a.role} for a in article.authors.all()],
        "body": stream_api_representation(article.body, request),
        "downloads": [download_data(item) for item in article.downloads.select_related("document")],
        "related": [page_ref(page, request) for page in related_articles(article, visibility)],
    }


def article_detail(article, request, visibility):
    return {**page_item(article, request), **article_data(article, request, visibility)}


def dossier_summary(dossier_page):
    return {
        "summary": dossier_page.get_listing_summary(),
        "intro": dossier_page.intro,
        "dossier": taxonomy_ref(dossier_page.dossier),
    }


def dossier_item(dossier_page, request):
    return {**page_item(dossier_page, request), **dossier_summary(dossier_page)}


def dossier_data(dossier_page, request, visibility):
    articles = visibility.listable(dossier_page.get_articles())
    events = related_events(dossier_page.dossier, dossier_page.locale, visibility)
    return {
        **dossier_summary(dossier_page),
        "body": stream_api_representation(dossier_page.body, request),
        "lead_contact": {
            "name": dossier_page.lead_contact_name,
            "role": dossier_page.lead_contact_role,
            "email": dossier_page.lead_contact_email,
        }
        if dossier_page.lead_contact_name
        else None,
        "key_documents": [
            download_data(item) for item in dossier_page.key_documents.select_related("document")
        ],
        "articles": [
            {**page_ref(a, request), "kind": a.kind, "publication_date": a.publication_date} for a in articles
        ],
        "related_events": [page_ref(event, request) for event in events],
    }


def dossier_detail(dossier_page, request, visibility):
    return {**page_item(dossier_page, request), **dossier_data(dossier_page, request, visibility)}


def figure_data(figure):
    return {
        "key": figure.key,
        "label": str(figure.get_key_display()),
        "value": float(figure.value),
        "unit": str(figure.unit),
        "is_estimate": figure.is_estimate,
        "notes": figure.notes,
    }


def figures_data(page):
    return {
        "year": page.year,
        "source": page.source,
        "figures": [figure_data(f) for f in page.figures.all()],
    }


def figures_item(page, request):
    return {**page_item(page, request), **figures_data(page)}
