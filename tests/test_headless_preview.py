"""Headless preview through the admin and the API: a draft the editor has not saved reaches the
front end with a valid token only, never after expiry, never with a forged token, and never in
any list, search, feed or cache."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core import preview
from museums.factories import MuseumIndexPageFactory, MuseumPageFactory
from museums.models import MuseumCategory
from tests import sitemap_reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "redacteur", "redactie@example.org", "wachtwoord-123456"
    )
    client.force_login(user)
    return client


@pytest.fixture
def museum(site_root):
    MuseumCategory.objects.ensure_all()
    index = MuseumIndexPageFactory(parent=site_root)
    return MuseumPageFactory(
        parent=index, title="Het Voorbeeldmuseum", slug="voorbeeldmuseum", city="Utrecht"
    )


def edit_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "voorbeeldmuseum",
            "intro": "",
            "city": "Utrecht",
            "province": "NL-UT",
            "latitude": "52.09",
            "longitude": "5.12",
            "coordinates_precision": "approximate",
            "timezone": "",
            "museumkaart_accepted": "on",
            "weekly_hours": inline_formset([]),
            "hours_exceptions": inline_formset([]),
            "gallery_images": inline_formset([]),
            "body": streamfield([]),
        }
    )


def open_headless_preview(editor, page, title):
    """What the editor does: edit the form (unsaved) and pick the front-end preview mode."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    response = editor.post(url, edit_form(title))
    assert response.status_code == 200 and response.json()["is_valid"], response.content[:500]
    response = editor.get(url, {"mode": preview.MODE})
    assert response.status_code == 302
    return response["Location"]


def test_the_mode_is_offered_and_opens_the_front_end_with_a_token(editor, museum, client, settings):
    edit_page = editor.get(reverse("wagtailadmin_pages:edit", args=(museum.pk,)))
    assert b'value="headless"' in edit_page.content
    settings.HEADLESS_PREVIEW_URLS = {
        "default": "https://front.example/preview",
        "en": "https://front.example/en/preview",
    }
    address = open_headless_preview(editor, museum, "Het Voorbeeldmuseum (concept)")
    parts = urlsplit(address)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://front.example/preview"
    assert query["id"] == [str(museum.pk)] and query["path"] == ["/musea/voorbeeldmuseum/"]
    assert query["type"] == ["museums.MuseumPage"]
    editor.logout()
    # The front end (anonymous, another machine) fetches the draft with the token.
    response = client.get("/api/v1/preview/", {"token": query["token"][0]})
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Het Voorbeeldmuseum (concept)" and body["id"] == museum.pk
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    # Exactly the shape of the published page's detail.
    published = client.get(f"/api/v1/pages/{museum.pk}/").json()
    assert set(body) == set(published)
    assert published["title"] == "Het Voorbeeldmuseum"


def test_the_draft_stays_out_of_everything_public(editor, museum, client):
    address = open_headless_preview(editor, museum, "Geheim concept")
    token = parse_qs(urlsplit(address).query)["token"][0]
    editor.logout()
    for _ in range(2):  # twice: the second would be a cache hit if anything had been stored
        response = client.get("/api/v1/preview/", {"token": token})
        assert response.status_code == 200 and response["X-Cache"] != "hit"
    for url in (
        "/musea/voorbeeldmuseum/",
        "/musea/",
        "/api/v1/museums/",
        f"/api/v1/museums/{museum.pk}/",
        f"/api/v1/pages/{museum.pk}/",
        "/api/v1/pages/resolve/?path=/musea/voorbeeldmuseum/",
        "/zoeken/?q=concept",
        "/sitemap.xml",
        *[address for address, _lastmod in sitemap_reader.index(client)],  # every part
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"Geheim concept" not in response.content, url
    assert Page.objects.get(pk=museum.pk).title == "Het Voorbeeldmuseum"


def test_expired_forged_and_foreign_tokens_are_refused(editor, museum, client, settings):
    address = open_headless_preview(editor, museum, "Concept")
    token = parse_qs(urlsplit(address).query)["token"][0]
    editor.logout()
    forged = signing.dumps({"page": museum.pk, "revision": None, "key": ""}, salt="another.salt")
    for bad in (forged, token[:-2] + ("aa" if not token.endswith("aa") else "bb")):
        response = client.get("/api/v1/preview/", {"token": bad})
        assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"
        assert response["Cache-Control"] == "private, no-store"
    assert client.get("/api/v1/preview/").status_code == 400
    settings.PREVIEW_TOKEN_SECONDS = 1
    time.sleep(2.1)
    response = client.get("/api/v1/preview/", {"token": token})
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_without_the_stored_state_the_tokens_revision_is_shown(editor, museum, client):
    museum.title = "Opgeslagen concept"
    museum.save_revision()
    address = open_headless_preview(editor, museum, "Niet opgeslagen")
    token = parse_qs(urlsplit(address).query)["token"][0]
    cache.clear()  # the cache lost the editor's unsaved state
    assert client.get("/api/v1/preview/", {"token": token}).json()["title"] == "Opgeslagen concept"
