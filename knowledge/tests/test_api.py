"""``/api/v1/dossiers/``, ``/api/v1/articles/`` and ``/api/v1/figures/`` over HTTP."""

import datetime
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.factories import ArticlePageFactory, DossierPageFactory, FiguresPageFactory
from knowledge.models import Figure
from knowledge.tests.helpers import nl

pytestmark = pytest.mark.django_db

CHART = (
    "chart",
    {
        "title": "Bezoek",
        "description": "Groei.",
        "chart_type": "line",
        "unit": "miljoen",
        "source": "",
        "data": {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "data": [["Jaar", "Bezoek"], ["2022", "27"], ["2023", "30,9"]],
        },
    },
)


def test_article_list_shape_and_filters(client, public_article, dossier_page, dossier):
    ArticlePageFactory(
        parent=dossier_page,
        title="Nieuws",
        kind="news",
        dossiers=[dossier],
        publication_date=datetime.date(2022, 1, 1),
    )
    ArticlePageFactory(parent=dossier_page, title="Concept", publish=False)
    response = client.get("/api/v1/articles/")
    assert response.status_code == 200
    assert response["ETag"]
    data = response.json()
    assert data["count"] == 2
    item = data["items"][0]
    assert item["title"] == "Open handreiking"
    assert item["type"] == "knowledge.ArticlePage"
    assert item["kind"] == "guide"
    assert item["dossiers"] == [{"id": dossier.pk, "slug": "duurzaamheid", "name": "Duurzaamheid"}]
    assert item["themes"][0]["slug"] == "duurzaam"
    assert item["path"] == public_article.url
    assert item["url"] == settings.PUBLIC_BASE_URL + public_article.url
    assert data["next"] is None and data["previous"] is None

    def titles(**params):
        return [i["title"] for i in client.get("/api/v1/articles/", params).json()["items"]]

    assert titles(kind="news") == ["Nieuws"]
    assert titles(year=2022) == ["Nieuws"]
    assert titles(theme="duurzaam") == ["Open handreiking"]
    assert titles(dossier="duurzaamheid", kind="guide") == ["Open handreiking"]
    assert titles(q="zonnepanelen", dossier="duurzaamheid") == ["Open handreiking"]
    assert titles(limit=1, offset=1) == ["Nieuws"]
    window = client.get("/api/v1/articles/", {"limit": 1}).json()
    assert window["count"] == 2
    assert urlsplit(window["next"]).path == "/api/v1/articles/"
    assert "offset=1" in window["next"]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"dossier": "onbekend"}, "dossier"),
        ({"theme": "onbekend"}, "theme"),
        ({"kind": "roman"}, "kind"),
        ({"year": "nooit"}, "year"),
        ({"year": 3000}, "year"),
        ({"limit": 1000}, "limit"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_bad_parameters_are_400_problems(client, public_article, params, name):
    response = client.get("/api/v1/articles/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert name in [p["name"] for p in problem["invalid_params"]]
    assert problem["detail"]


def test_article_detail_has_blocks_and_document_links(client, public_article, dossier_page):
    public_article.body = [
        ("heading", {"text": "Kop", "level": "h2"}),
        CHART,
        ("paragraph", "<p>Openbare inhoud.</p>"),
    ]
    public_article.save_revision().publish()
    data = client.get(f"/api/v1/articles/{public_article.pk}/").json()
    assert [block["type"] for block in data["body"]] == ["heading", "chart", "paragraph"]
    chart = data["body"][1]["value"]
    assert chart["chart_type"] == "line"
    assert chart["categories"] == ["2022", "2023"]
    assert chart["series"] == [{"name": "Bezoek", "values": [27.0, 30.9]}]
    (download,) = data["downloads"]
    assert download["title"] == "Openbaar rapport"
    assert download["extension"] == "pdf"
    assert download["size"] > 0
    assert download["url"].startswith(settings.PUBLIC_BASE_URL + "/documents/")
    path = urlsplit(download["url"]).path
    assert client.get(path).status_code == 200
    assert data["path"] == public_article.url
    assert "data" not in data  # flat: the item's fields and the article's own at the top level


def test_detail_endpoints_404_drafts_and_unknown_ids(client, dossier_page):
    draft = ArticlePageFactory(parent=dossier_page, title="Concept", publish=False)
    assert client.get(f"/api/v1/articles/{draft.pk}/").status_code == 404
    missing = client.get("/api/v1/articles/999999/")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "No published article with id 999999."
    assert client.get(f"/api/v1/articles/{dossier_page.pk}/").status_code == 404
    response = client.get("/api/v1/dossiers/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No published dossier with id 999999."


def test_unpublished_changes_never_leak(client, public_article):
    public_article.title = "Nieuwe titel in concept"
    public_article.save_revision()
    data = client.get(f"/api/v1/articles/{public_article.pk}/").json()
    assert data["title"] == "Open handreiking"


def test_dossier_list_and_detail(client, dossier_page, public_article, dossier):
    data = client.get("/api/v1/dossiers/").json()
    assert data["count"] == 1
    assert data["items"][0]["dossier"]["slug"] == "duurzaamheid"
    detail = client.get(f"/api/v1/dossiers/{dossier_page.pk}/").json()
    assert detail["lead_contact"]["name"] == "Demo Contact"
    assert detail["path"] == dossier_page.url
    (article,) = detail["articles"]
    assert article["title"] == "Open handreiking"
    assert article["path"] == public_article.url
    assert article["url"] == settings.PUBLIC_BASE_URL + public_article.url
    assert article["type"] == "knowledge.ArticlePage"
    assert article["kind"] == "guide"
    assert detail["related_events"] == []
    assert detail["key_documents"] == []


def test_figures_endpoint(client, index):
    for year, value, estimate in [(2023, 30_900_000, False), (2022, 27_000_000, True)]:
        page = FiguresPageFactory(parent=index, year=year, slug=f"cijfers-{year}")
        Figure.objects.create(page=page, key="total_visits", value=Decimal(value), is_estimate=estimate)
    data = client.get("/api/v1/figures/").json()
    assert [item["year"] for item in data["items"]] == [2022, 2023]
    figure = data["items"][1]["figures"][0]
    assert figure == {
        "key": "total_visits",
        "label": nl("total museum visits"),
        "value": 30900000.0,
        "unit": "count",
        "is_estimate": False,
        "notes": "",
    }
    assert data["items"][0]["figures"][0]["is_estimate"] is True


def _count(client, url):
    client.get(url)  # warm: caches a publish emptied
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.uncached
def test_list_endpoints_run_a_constant_number_of_queries(client, index, dossier_page, dossier, theme):
    ArticlePageFactory(parent=dossier_page, dossiers=[dossier], themes=[theme])
    page = FiguresPageFactory(parent=index, year=2020, slug="c-2020")
    Figure.objects.create(page=page, key="total_visits", value=1)
    before = {
        url: _count(client, url) for url in ("/api/v1/articles/", "/api/v1/dossiers/", "/api/v1/figures/")
    }
    for number in range(5):
        ArticlePageFactory(parent=dossier_page, dossiers=[dossier], themes=[theme])
        page = FiguresPageFactory(parent=index, year=2010 + number, slug=f"c-{number}")
        Figure.objects.create(page=page, key="total_visits", value=number)
        Figure.objects.create(page=page, key="foreign_visits", value=number)
    for _ in range(3):
        DossierPageFactory(parent=index)
    after = {url: _count(client, url) for url in before}
    assert after == before


def test_openapi_documents_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/dossiers/",
        "/api/v1/dossiers/{dossier_id}/",
        "/api/v1/articles/",
        "/api/v1/articles/{article_id}/",
        "/api/v1/figures/",
    ):
        assert path in schema["paths"]
    names = [p["name"] for p in schema["paths"]["/api/v1/articles/"]["get"]["parameters"]]
    assert {"dossier", "theme", "kind", "year", "q", "limit", "offset", "locale"} <= set(names)
    schemas = schema["components"]["schemas"]
    assert {"KnowledgeBlock", "KnowledgeDocument", "KnowledgeTaxonomyRef", "FigureValue"} <= set(schemas)
    assert "DossierDetail" in schemas and "data" not in schemas["DossierDetail"]["properties"]
    item_kinds = schemas["ArticleItem"]["properties"]["kind"]
    assert set(item_kinds["enum"]) == {"article", "guide", "report", "toolkit", "advice", "news"}


def test_figure_labels_follow_the_requested_locale(client, index):
    page = FiguresPageFactory(parent=index, year=2023, slug="cijfers-2023")
    Figure.objects.create(page=page, key="total_visits", value=1)
    page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    ).save_revision().publish()
    data = client.get("/api/v1/figures/", {"locale": "en"}).json()
    assert data["items"][0]["figures"][0]["label"] == "total museum visits"
    assert data["items"][0]["locale"] == "en"
