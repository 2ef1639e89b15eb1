"""schema.org JSON-LD of the knowledge pages: dossiers (CollectionPage), articles (Article,
Report or NewsArticle) and the yearly figures (Dataset).

Each builder extends the common data of ``BasePage.get_json_ld`` (name, url, language, …).
"""

from core.images import json_ld_image
from core.visibility import Visibility

PUBLISHER = {"@type": "Organization", "name": "Museumvereniging"}


def dossier_json_ld(dossier_page, data):
    if dossier_page.dossier_id:
        data["about"] = {"@type": "Thing", "name": dossier_page.dossier.name}
    return data


def article_json_ld(article, data):
    data["headline"] = article.title
    data["datePublished"] = article.publication_date.isoformat()
    if article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
    authors = [{"@type": "Person", "name": a.name} for a in article.authors.all()]
    data["author"] = authors or PUBLISHER
    data["publisher"] = PUBLISHER
    # Free when anyone may read it: any view restriction (members, login, password) closes it.
    data["isAccessibleForFree"] = not Visibility.public().is_restricted(article)
    data["keywords"] = [theme.name for theme in article.themes.all()]
    image = json_ld_image(article.image)
    if image:
        data["image"] = image
    return data


def figures_json_ld(figures_page, data):
    data["temporalCoverage"] = str(figures_page.year)
    data["creator"] = PUBLISHER
    data["variableMeasured"] = [
        {"@type": "PropertyValue", "name": str(figure.get_key_display()), "value": float(figure.value)}
        for figure in figures_page.figures.all()
    ]
    return data
