"""The JSON shapes of the knowledge pages, shared by the API routes and the path resolver."""

from core.blocks import document_api_representation, stream_api_representation


def taxonomy_ref(obj):
    return {"id": obj.pk, "slug": obj.slug, "name": obj.name} if obj is not None else None


def download_data(item, request=None):
    """A download (a key document or an article's download): the document plus its shown title."""
    data = document_api_representation(item.document, request)
    data["title"] = item.display_title()
    return data


def page_ref(page, request=None):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request) if request is not None else page.url,
    }


def article_summary(article):
    return {
        "kind": article.kind,
        "summary": article.get_listing_summary(),
        "publication_date": article.publication_date,
        "last_reviewed": article.last_reviewed,
        "dossiers": [taxonomy_ref(d) for d in article.dossiers.all()],
        "themes": [taxonomy_ref(t) for t in article.themes.all()],
    }


def article_data(article, request=None):
    """The article's own fields; only ever called for pages the client may read."""
    return {
        **article_summary(article),
        "intro": article.intro,
        "authors": [{"name": a.name, "role": a.role} for a in article.authors.all()],
        "body": stream_api_representation(article.body, request),
        "downloads": [download_data(item, request) for item in article.downloads.select_related("document")],
        "related": [page_ref(page, request) for page in article.get_related_articles(user=None)],
    }


def dossier_summary(dossier_page):
    return {
        "summary": dossier_page.get_listing_summary(),
        "intro": dossier_page.intro,
        "dossier": taxonomy_ref(dossier_page.dossier),
    }


def dossier_data(dossier_page, request=None):
    articles = dossier_page.get_articles().public()
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
            download_data(item, request) for item in dossier_page.key_documents.select_related("document")
        ],
        "articles": [
            {**page_ref(a, request), "kind": a.kind, "publication_date": a.publication_date} for a in articles
        ],
        "related_events": [page_ref(event, request) for event in dossier_page.get_related_events()],
    }


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
