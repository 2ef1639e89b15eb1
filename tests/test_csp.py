"""The Content-Security-Policy (django-csp, ``core.csp``) through the real URL stack.

Every public surface carries the strict policy; every inline script of every demo page carries the
nonce its own header names, also when the page comes from the full-page cache (each hit gets a
fresh nonce, the ETag stays); no rendered page has an inline style; the admin and its previews
get the admin's policy; the settings switch to report-only and add a report address.
"""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.charts import COLOURS, render_chart
from core.csp import header_nonce
from core.page_types import sample_pages
from core.pagecache import request_key
from tests.test_settings import PRODUCTION_ENV, _clean_env, _settings_in

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"
LISTINGS = [
    "/",
    "/en/",
    "/musea/",
    "/musea/?province=NL-NH&open_now=1",
    "/agenda/",
    "/agenda/archief/",
    "/kennisbank/",
    "/prijzen/",
    "/vragen/",
    "/vragen/?q=museumkaart",
    "/zoeken/?q=museum",
    "/agenda/aanmelden/",
]
NOT_FOUND = "/deze-pagina-bestaat-niet/"
API = ["/api/v1/museums/", "/api/v1/site/", "/api/v1/openapi.json"]
DOCS = "/api/v1/docs"


def directives(response, header=CSP):
    """The policy of a response as ``{directive: [values]}``."""
    policy = response.get(header, "")
    assert policy, f"no {header} header"
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict(response, where):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"], where
    assert "'self'" in policy["script-src"], where
    assert not {"'unsafe-inline'", "'unsafe-eval'"} & set(policy["script-src"]), where
    assert policy["style-src"] == ["'self'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'self'"], where
    assert policy["form-action"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    assert "data:" in policy["img-src"], where
    assert "https://www.youtube.com" in policy["frame-src"], where
    assert "upgrade-insecure-requests" not in policy, "production only"
    return policy


def assert_scripts_carry_the_nonce(response, where, header=CSP):
    """Every inline script carries the nonce the response's own header names; no inline style."""
    nonce = header_nonce(response)
    soup = BeautifulSoup(response.content, "html.parser")
    inline = [script for script in soup.find_all("script") if not script.get("src")]
    for script in inline:
        assert nonce and script.get("nonce") == nonce, f"{where}: {str(script)[:120]}"
    if inline:
        assert f"'nonce-{nonce}'" in directives(response, header)["script-src"], where
    styled = [str(tag)[:120] for tag in soup.find_all(style=True)]
    assert not styled, f"{where}: inline style attributes {styled}"
    assert not soup.find_all("style"), f"{where}: a <style> element"
    return inline


def test_pages_listings_the_404_page_and_the_api_carry_the_strict_policy(demo, client):
    for label, page in sample_pages().items():
        assert_strict(client.get(page.url), label)
    for url in [*LISTINGS, *API, DOCS]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response, url)
    missing = client.get(NOT_FOUND)
    assert missing.status_code == 404
    assert_strict(missing, NOT_FOUND)
    problem = client.get("/api/v1/museums/999999/")
    assert problem.status_code == 404
    assert_strict(problem, "an API problem")


@pytest.mark.uncached
def test_every_inline_script_carries_its_responses_nonce_and_nothing_is_styled_inline(demo, client):
    """One page of every type, the listings, the search and the 404 page, each rendered twice:
    the second render takes its fragments from the cache (``{% cachedfragment %}``), where a
    nonce would go stale."""
    urls = {label: page.url for label, page in sample_pages().items()}
    urls.update({url: url for url in LISTINGS})
    urls[NOT_FOUND] = NOT_FOUND
    with_json_ld = 0
    for label, url in sorted(urls.items()):
        nonces = []
        for _ in range(2):
            response = client.get(url)
            assert response.status_code in (200, 404), f"{label}: {response.status_code}"
            inline = assert_scripts_carry_the_nonce(response, label)
            with_json_ld += any(script.get("type") == "application/ld+json" for script in inline)
            if inline:
                nonces.append(header_nonce(response))
        assert len(set(nonces)) == len(nonces), f"{label}: a nonce was used twice"
    assert with_json_ld >= 2 * len(sample_pages())


def test_the_api_docs_load_swagger_ui_from_this_origin(demo, client):
    response = client.get(DOCS)
    assert response.status_code == 200
    assert_strict(response, DOCS)
    soup = BeautifulSoup(response.content, "html.parser")
    sources = [script["src"] for script in soup.find_all("script", src=True)]
    assert sources and all(src.startswith(settings.STATIC_URL) for src in sources)
    # Its only inline script is a JSON data block, which a policy does not govern.
    assert {script.get("type") for script in soup.find_all("script", src=False)} == {"application/json"}


def test_cache_hits_get_fresh_nonces_with_the_same_etag(demo):
    url = sample_pages()["museums.MuseumPage"].url
    responses = [Client().get(url) for _ in range(3)]
    assert [r["X-Cache"] for r in responses] == ["miss", "hit", "hit"]
    nonces = [header_nonce(r) for r in responses]
    assert all(nonces) and len(set(nonces)) == 3, "every response gets its own nonce"
    for response in responses:
        inline = assert_scripts_carry_the_nonce(response, url)
        assert any(script.get("type") == "application/ld+json" for script in inline)
        # The header's nonce is in the body as often as the scripts carry it: nowhere else.
        assert response.content.count(header_nonce(response).encode()) == len(inline)
    assert len({r["ETag"] for r in responses}) == 1, "the ETag does not change with the nonce"
    assert len({r["Content-Length"] for r in responses if r.has_header("Content-Length")}) <= 1
    not_modified = Client().get(url, HTTP_IF_NONE_MATCH=responses[0]["ETag"])
    assert not_modified.status_code == 304
    # A 304 keeps the body and header the browser holds: it sends no policy of its own.
    assert CSP not in not_modified and CSP_REPORT_ONLY not in not_modified
    # Rendered again (the entry gone), the same content has the same ETag.
    cache.delete(request_key(RequestFactory().get(url)))
    again = Client().get(url)
    assert again["X-Cache"] == "miss" and again["ETag"] == responses[0]["ETag"]
    assert header_nonce(again) not in nonces


@pytest.mark.uncached
def test_uncached_renders_keep_their_etag_too(demo, client):
    url = sample_pages()["knowledge.ArticlePage"].url
    first, second = client.get(url), client.get(url)
    assert first["X-Cache"] == second["X-Cache"] == "bypass"
    assert header_nonce(first) != header_nonce(second)
    assert first["ETag"] == second["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_report_only_switches_the_header(demo, client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    for url in ("/", sample_pages()["museums.MuseumPage"].url, "/admin/login/"):
        response = client.get(url)
        assert CSP not in response, url
        assert directives(response, CSP_REPORT_ONLY)["object-src"] == ["'none'"], url
    response = client.get(sample_pages()["museums.MuseumPage"].url)
    nonce = header_nonce(response)
    assert f"'nonce-{nonce}'" in directives(response, CSP_REPORT_ONLY)["script-src"]
    assert_scripts_carry_the_nonce(response, "report-only", CSP_REPORT_ONLY)


def test_the_admin_and_its_previews_get_the_admins_policy(demo, client, django_user_model):
    login = client.get("/admin/login/")
    assert directives(login)["frame-ancestors"] == ["'self'"]
    editor = django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-123456")
    client.force_login(editor)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    policy = directives(dashboard)
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "script-src" not in policy and "style-src" not in policy, "Wagtail's admin uses inline code"

    page = sample_pages()["museums.MuseumPage"]
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
    assert draft.status_code == 200
    assert page.title in draft.content.decode()
    assert directives(draft)["frame-ancestors"] == ["'self'"]

    standard = sample_pages()["home.StandardPage"]
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=(standard.pk,))
    form = nested_form_data(
        {"title": "Voorvertoning", "slug": standard.slug, "intro": "", "body": streamfield([])}
    )
    posted = client.post(preview, form)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content[:300]
    shown = client.get(preview)
    assert shown.status_code == 200
    assert "Voorvertoning" in shown.content.decode()
    assert directives(shown)["frame-ancestors"] == ["'self'"]
    assert shown["X-Frame-Options"] == "SAMEORIGIN"


def test_embeds_and_charts_are_drawn_without_inline_styles():
    embed = Embed(
        url="https://www.youtube.com/watch?v=x", html='<iframe title="x"></iframe>', width=640, height=360
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "style=" not in html and "responsive-object--16x9" in html
    embed.width, embed.height = 400, 300
    assert "responsive-object--4x3" in render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})

    chart = render_chart(
        chart_type="bar",
        title="Bezoek",
        description="Bezoek per jaar",
        categories=["2023", "2024"],
        series=[("a", [1, 2]), ("b", [3, 4]), ("c", [5, 6])],
    )
    assert "style=" not in chart
    assert re.findall(r"chart__swatch--(\d)", chart) == ["0", "1", "2"]
    css = (BASE_DIR / "static" / "css" / "site.css").read_text()
    for number, colour in enumerate(COLOURS):
        assert f".chart__swatch--{number} {{ background: {colour}; }}" in css


def test_the_settings_switch_to_report_only_add_a_report_address_and_upgrade_in_production():
    names = (
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
        "ADMIN_CONTENT_SECURITY_POLICY",
    )
    result = _settings_in(_clean_env(**PRODUCTION_ENV), *names)
    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout)
    assert production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is True
    assert production["CONTENT_SECURITY_POLICY_REPORT_ONLY"] is None
    assert "report-uri" not in production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]

    env = _clean_env(
        MUSEUMSITE_ENV="local", CSP_REPORT_ONLY="true", CSP_REPORT_URI="https://reports.example/csp"
    )
    result = _settings_in(env, *names)
    assert result.returncode == 0, result.stderr
    local = json.loads(result.stdout)
    assert local["CONTENT_SECURITY_POLICY"] is None
    policy = local["CONTENT_SECURITY_POLICY_REPORT_ONLY"]["DIRECTIVES"]
    assert policy["report-uri"] == ["https://reports.example/csp"]
    assert policy["upgrade-insecure-requests"] is False
    assert local["ADMIN_CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["report-uri"] == [
        "https://reports.example/csp"
    ]
