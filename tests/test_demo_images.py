"""The demo's illustrations (``core.demo_images``) as readers, sharers and API clients get them:
renditions with ``srcset`` and honest alt text on every page type with an image, ``og:image`` on
every page, images in the API, the same bytes from the same content, and listings whose queries
do not grow with the number of illustrated items."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Locale

from agenda.factories import EventPageFactory
from agenda.models import AgendaIndexPage, EventPage
from core import demo_images
from core.links import page_path
from core.page_types import sample_pages
from core.seeding import SeedContext
from home.models import HomePage
from knowledge.factories import ArticlePageFactory
from knowledge.models import ArticlePage, DossierPage, KnowledgeIndexPage
from museums.factories import MuseumPageFactory
from museums.models import ExhibitionPage, MuseumIndexPage, MuseumPage

ILLUSTRATED = [MuseumPage, ExhibitionPage, EventPage, ArticlePage, HomePage]
HONEST = {"nl": "Gegenereerde", "en": "Generated"}


def _nl(model):
    return (
        model.objects.live()
        .filter(locale__language_code="nl", alias_of__isnull=True)
        .order_by("path")
        .first()
    )


def _soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def _srcset_images(soup):
    return [img for img in soup.select("main img") if img.get("srcset")]


@pytest.mark.django_db
def test_every_illustrated_page_type_shows_its_image_with_srcset_sizes_and_honest_alt_text(client, demo):
    for model in ILLUSTRATED:
        for language in ("nl", "en"):
            page = (
                model.objects.live()
                .filter(locale__language_code=language, alias_of__isnull=True)
                .order_by("path")
                .first()
            )
            if page is None:  # not every type has an English page of its own
                continue
            images = _srcset_images(_soup(client, page_path(page)))
            assert images, f"{model.__name__} ({language}) shows no image with srcset"
            first = images[0]
            assert first["alt"].startswith(HONEST[language]), (model.__name__, language, first["alt"])
            assert "foto" in first["alt"] or "photo" in first["alt"], first["alt"]
            assert first.get("sizes") and first.get("width") and first.get("height"), first
            assert len(first["srcset"].split(",")) >= 2, first["srcset"]
            # The first image is above the fold: loaded at once, with priority.
            assert first.get("fetchpriority") == "high" and first.get("loading") != "lazy", first


@pytest.mark.django_db
def test_cards_show_lazy_images_with_srcset(client, demo):
    for index in (MuseumIndexPage, AgendaIndexPage, KnowledgeIndexPage):
        images = _srcset_images(_soup(client, page_path(_nl(index))))
        assert images, f"the cards of {index.__name__} show no image"
        for image in images:
            assert image.get("loading") == "lazy" and image.get("sizes"), image
            assert image.get("width") and image.get("height"), image
    home = _soup(client, page_path(_nl(HomePage)))
    assert [img for img in home.select(".card img") if img.get("srcset") and img.get("loading") == "lazy"]


@pytest.mark.django_db
def test_every_page_type_has_an_open_graph_image_with_size_and_alt(client, demo):
    for label, page in sample_pages().items():
        soup = _soup(client, page_path(page))
        meta = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:image']")}
        assert meta.get("og:image", "").startswith("https://public.museumsite.test/media/images/"), (
            label,
            meta,
        )
        assert meta.get("og:image:width") == "1200" and meta.get("og:image:height") == "630", (label, meta)
        assert meta.get("og:image:alt"), (label, meta)
    # A page without an image of its own is shared with the site's wordmark card.
    dossier = _nl(DossierPage)
    meta = _soup(client, page_path(dossier)).select_one("meta[property='og:image:alt']")
    assert "Museumvereniging" in meta["content"] and "illustratie" in meta["content"]


def _assert_image(data, where):
    assert data is not None, f"{where}: no image"
    assert data["alt"] and data["width"] and data["height"], where
    assert set(data["renditions"]) == {"small", "medium", "large"}, where
    for rendition in data["renditions"].values():
        assert rendition["url"].startswith("https://public.museumsite.test/media/images/"), where
        assert rendition["width"] and rendition["height"], where


@pytest.mark.django_db
def test_the_api_hands_out_images_with_alt_text_and_renditions(client, demo):
    for resource in ("museums", "exhibitions", "events", "articles"):
        response = client.get(f"/api/v1/{resource}/?limit=3")
        assert response.status_code == 200, resource
        items = response.json()["items"]
        assert items, resource
        for item in items:
            _assert_image(item["image"], f"{resource} item {item['id']}")
        if resource == "exhibitions":  # listed only: a museum's detail lists its exhibitions
            continue
        identifier = items[0]["id"]
        detail = client.get(f"/api/v1/{resource}/{identifier}/")
        assert detail.status_code == 200, resource
        _assert_image(detail.json()["image"], f"{resource} {identifier}")


@pytest.mark.django_db
def test_json_ld_names_the_image_of_events_and_articles(client, demo):
    for model in (EventPage, ArticlePage):
        soup = _soup(client, page_path(_nl(model)))
        documents = [tag.string for tag in soup.find_all("script", type="application/ld+json")]
        assert any('"ImageObject"' in document and "/media/images/" in document for document in documents)


@pytest.mark.django_db
def test_the_same_content_gives_the_same_bytes_and_a_second_load_changes_nothing(demo):
    collection = demo_images.demo_collection()
    for model, field, kind in (
        (MuseumPage, "image", "museum"),
        (ExhibitionPage, "image", "exhibition"),
        (EventPage, "image", "event"),
        (ArticlePage, "image", "article"),
        (HomePage, "hero_image", "home"),
    ):
        page = _nl(model)
        stored = getattr(page, field)
        assert stored.collection == collection, model
        with stored.open_file() as handle:
            on_disk = handle.read()
        drawn, _colour = demo_images.render(
            kind, demo_images.facts_for(page, kind), demo_images.WIDE if kind == "home" else demo_images.SIZE
        )
        assert drawn == on_disk, f"{model.__name__}: the same content drew different bytes"
    images = get_image_model().objects.count()
    ctx = SeedContext(io.StringIO(), verbosity=0)
    demo_images.load(ctx)
    assert ctx.created == 0 and get_image_model().objects.count() == images


@pytest.mark.django_db
def test_translations_get_their_own_picture_in_their_language_and_aliases_their_originals(demo):
    nl_museum = _nl(MuseumPage)
    en = Locale.objects.get(language_code="en")
    english = MuseumPage.objects.filter(translation_key=nl_museum.translation_key, locale=en).first()
    assert english is not None
    if english.alias_of_id:
        assert english.image_id == nl_museum.image_id
    else:
        assert english.image_id != nl_museum.image_id
        assert english.image.description.startswith(HONEST["en"])
    assert nl_museum.image.description.startswith(HONEST["nl"])


def _cold_count(client, path):
    """The queries of a request with every cache empty but the renditions already made."""
    assert client.get(path).status_code == 200  # makes the renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_listings_load_the_cards_images_in_a_constant_number_of_queries(client, demo, settings):
    settings.PAGE_CACHE_ENABLED = False
    listings = {
        index: page_path(_nl(index)) for index in (MuseumIndexPage, AgendaIndexPage, KnowledgeIndexPage)
    }
    few = {index: _cold_count(client, path) for index, path in listings.items()}
    collection = demo_images.demo_collection()
    for number in range(4):
        picture, _ = demo_images.store(
            demo_images.render(
                "museum", {"key": f"extra:{number}", "title": f"Extra {number}", "city": "Ede"}
            )[0],
            title=f"Extra {number}",
            alt=f"Generated illustration {number}",
            name=f"extra-{number}.jpg",
            collection=collection,
        )
        MuseumPageFactory(parent=_nl(MuseumIndexPage), title=f"Museum extra {number}", image=picture)
        EventPageFactory(parent=_nl(AgendaIndexPage), title=f"Evenement extra {number}", image=picture)
        ArticlePageFactory(parent=_nl(DossierPage), title=f"Artikel extra {number}", image=picture)
    many = {index: _cold_count(client, path) for index, path in listings.items()}
    assert many == few, f"queries grow with the number of illustrated items (few, many): {few}, {many}"
