"""The full-page cache and its exact invalidation, through the real URL stack.

For one page of each content type (event, museum, exhibition, article, award edition, question),
every surface that shows it is warmed into the cache, the page is published with a new title, and
on the very next request every surface that showed the old title shows the new one (never a stale
copy); unpublished, it is gone from all of them. The CDN receives one purge batch per change with
every affected address (a recording backend).
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from agenda.models import EventPage
from core.csp import header_nonce
from core.dependencies import API_ROOT, api_routes, page_dependents
from core.links import page_path, public_url, sitemap_part_path
from core.models import Theme
from core.page_types import sample_pages
from knowledge.models import ArticlePage, DossierPage
from tests.faults import SilentListener, closed_port

TYPES = [
    "agenda.EventPage",
    "museums.MuseumPage",
    "museums.ExhibitionPage",
    "knowledge.ArticlePage",
    "awards.AwardEditionPage",
    "qa.QuestionPage",
]
PURGES = []


class RecordingBackend(BaseBackend):
    """A CDN that records the batches it is asked to purge."""

    def purge(self, url):
        PURGES.append([url])

    def purge_batch(self, urls):
        PURGES.append(sorted(urls))


RECORDING_CDN = {"recording": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}


def local(url):
    """A public absolute address as a path for the test client."""
    return url.replace(settings.PUBLIC_BASE_URL, "") or "/"


def surfaces(page):
    """Addresses that may show ``page``: itself, its ancestors and their feeds, its API list and
    detail, the sitemap and the home page (from the dependency map, as the CDN gets them)."""
    urls = {local(url) for url in page_dependents(page).urls}
    label = page.specific_class._meta.label_lower
    list_path, detail_path = api_routes().get(label, (None, None))
    language = page.locale.language_code
    if list_path:
        urls.add(f"{API_ROOT}{list_path}?limit={settings.API_MAX_LIMIT}&locale={language}")
    if detail_path:
        urls.add(API_ROOT + detail_path.replace("{id}", str(page.pk)))
    return sorted(url for url in urls if "/pages/resolve/" not in url)


def sitemap_part(page):
    """The address of the sitemap part that lists ``page``: its section's (the child of its home
    page on the way to it), the first of them."""
    section = page if page.depth <= 3 else Page.objects.ancestor_of(page).get(depth=3)
    return sitemap_part_path(section.pk)


def without_nonce(response):
    nonce = header_nonce(response)
    return response.content.replace(nonce.encode(), b"") if nonce else response.content


def fetch_all(client, urls):
    return {url: client.get(url) for url in urls}


def publish(page, title):
    page = Page.objects.get(pk=page.pk).specific
    page.title = title
    page.save_revision().publish()
    return page


@pytest.fixture
def recording_cdn():
    PURGES.clear()
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING_CDN):
        yield PURGES


@pytest.mark.django_db
def test_anonymous_responses_are_cached_and_validated(demo, client):
    page = sample_pages()["museums.MuseumPage"]
    url = page.url
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Cache"] == "hit"
    # The same body, but for the Content-Security-Policy nonce each response gets (core.csp).
    assert without_nonce(second) == without_nonce(first)
    assert header_nonce(second) != header_nonce(first)
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-while-revalidate=" in control
    assert not second.cookies
    # Validators: ETag and Last-Modified answer 304 on pages as on the API.
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=second["Last-Modified"]).status_code == 304
    # Feeds and API lists alike.
    museums = sample_pages()["museums.MuseumIndexPage"]
    for address in (
        "/agenda/ical/",
        "/agenda/rss/",
        "/api/v1/events/",
        "/sitemap.xml",
        sitemap_part(museums),
    ):
        client.get(address)
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["X-Cache"] == "hit", address
        # The server writes what iterating the body yields: a cached body is one piece (a feed
        # writer's hundreds of small writes made every hit as slow as a render).
        assert len(list(response)) == 1, address
        assert client.get(address, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, address


@pytest.mark.django_db
def test_readers_with_a_session_are_never_cached_and_never_leak(demo, django_user_model):
    members = Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0]
    member = django_user_model.objects.create_user("member", password="x" * 16)
    member.groups.add(members)
    restriction = PageViewRestriction.objects.filter(restriction_type="groups").select_related("page").first()
    assert restriction is not None, "the demo has members-only pages"
    secret_url = restriction.page.url
    public_url_ = sample_pages()["knowledge.ArticlePage"].url

    logged_in = Client()
    logged_in.force_login(member)
    for url in (secret_url, public_url_):
        for _ in range(2):
            response = logged_in.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] == "bypass"
            assert "private" in response["Cache-Control"]

    anonymous = Client()
    response = anonymous.get(secret_url)
    assert response.status_code in (302, 403), "a members-only page must not come from the cache"
    response = anonymous.get(public_url_)
    assert response["X-Cache"] == "miss", "nothing rendered for a member was stored"

    # A page password entered in the session: the same.
    password_reader = Client()
    session = password_reader.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert password_reader.get(public_url_)["X-Cache"] == "bypass"


@pytest.mark.django_db
def test_a_response_that_sets_a_cookie_is_not_stored(demo, client):
    # The partner form carries a CSRF token, which sets a cookie: never stored.
    agenda = sample_pages()["agenda.AgendaIndexPage"].specific
    form_url = agenda.url + agenda.reverse_subpage("submit")
    first = client.get(form_url)
    assert first.status_code == 200
    assert first.cookies, "the form sets its CSRF cookie"
    assert Client().get(form_url)["X-Cache"] != "hit"


def check_surfaces_follow(client, recording_cdn, capture, label):
    """Publish, then unpublish, one page of ``label``: every surface follows on the next request."""
    page = sample_pages()[label]
    assert page is not None, label
    before, after = f"Zqwfirst{label.split('.')[1]}", f"Zqwsecond{label.split('.')[1]}"
    page = publish(page, before)
    urls = surfaces(page)
    fetch_all(client, urls)  # warm
    warm = fetch_all(client, urls)
    shown = [url for url, response in warm.items() if before.encode() in response.content]
    assert shown, f"{label}: no surface shows the page at all"
    assert all(warm[url]["X-Cache"] == "hit" for url in shown), f"{label}: surfaces come from the cache"
    location = f"<loc>{public_url(page_path(page))}</loc>".encode()
    part = sitemap_part(page)
    assert part in urls, f"{label}: the page's sitemap part is not among its dependents"
    assert location in warm[part].content, f"{label}: the sitemap part of its section lists the page"
    assert warm[part]["X-Cache"] == "hit" and warm["/sitemap.xml"]["X-Cache"] == "hit"

    recording_cdn.clear()
    with capture(execute=True):
        page = publish(page, after)
    fresh = fetch_all(client, urls)
    for url in shown:
        body = fresh[url].content
        assert after.encode() in body and before.encode() not in body, f"{label}: {url} is stale"
    assert fresh[part]["X-Cache"] == "miss", f"{label}: the sitemap part came from the cache"
    assert fresh["/sitemap.xml"]["X-Cache"] == "miss", f"{label}: the sitemap index came from the cache"

    # One purge batch, holding every address that showed the page (filtered variants expire by
    # s-maxage: a purge cannot name every combination).
    assert len(recording_cdn) == 1, f"{label}: {len(recording_cdn)} purge batches"
    batch = set(recording_cdn[0])
    missing = [url for url in shown if "?" not in url and public_url(url) not in batch]
    assert not missing, f"{label}: not purged: {missing}"
    assert public_url(page_path(page)) in batch and public_url("/sitemap.xml") in batch
    assert public_url(part) in batch, f"{label}: the sitemap part is not purged"

    with capture(execute=True):
        Page.objects.get(pk=page.pk).specific.unpublish()
    gone = fetch_all(client, urls)
    for url in shown:
        assert after.encode() not in gone[url].content, f"{label}: {url} still shows an unpublished page"
    assert gone[part].status_code == 404 or location not in gone[part].content, (
        f"{label}: still in the sitemap"
    )


@pytest.mark.django_db
def test_every_surface_shows_a_change_on_the_next_request(
    demo, client, recording_cdn, django_capture_on_commit_callbacks
):
    failures = []
    for label in TYPES:
        try:
            check_surfaces_follow(client, recording_cdn, django_capture_on_commit_callbacks, label)
        except AssertionError as error:
            failures.append(str(error).split("\n")[0])
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_filtered_listings_and_feeds_follow_a_publish(demo, client):
    """Filter combinations are not enumerated: their entries carry the listing's tag."""
    agenda = sample_pages()["agenda.AgendaIndexPage"]
    event = sample_pages()["agenda.EventPage"].specific
    base = agenda.url
    variants = [base, base + "?period=all", base + "ical/", base + "rss/", base + "rss/?period=all"]
    variants += [f"{API_ROOT}events/?from=2000-01-01", f"{API_ROOT}events/?from=2000-01-01&limit=100"]
    fetch_all(client, variants)
    event = publish(event, "Zqwfiltered")
    fresh = fetch_all(client, variants)
    hits = [url for url, response in fresh.items() if response["X-Cache"] == "hit"]
    assert not hits, f"served stale after a publish: {hits}"


@pytest.mark.django_db
def test_snippet_and_settings_changes_invalidate(demo, client):
    theme = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    pages = Page.objects.live().filter(alias_of__isnull=True)
    fetch_all(client, ["/", "/api/v1/themes/"])
    assert client.get("/api/v1/themes/")["X-Cache"] == "hit"
    theme.name = "Zqwtheme"
    theme.save()
    themes = client.get("/api/v1/themes/")
    assert b"Zqwtheme" in themes.content
    assert pages.exists()


def check_cache_down(client, fault):
    listener = SilentListener() if fault == "hung server" else None
    port = listener.port if listener else closed_port()
    caches = {
        "default": {
            "BACKEND": "core.cache_backends.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"RETRY_AFTER": 5},
        }
    }
    urls = [
        "/",
        "/musea/",
        "/agenda/",
        "/agenda/ical/",
        "/sitemap.xml",
        sitemap_part(sample_pages()["museums.MuseumIndexPage"]),
        "/api/v1/museums/",
        "/api/v1/events/",
    ]
    urls += [page.url for page in sample_pages().values()]
    try:
        with override_settings(CACHES=caches):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, (fault, url, response.status_code)
            if listener:
                # The breaker: after a timeout the cache is left alone for RETRY_AFTER seconds,
                # not tried again by every one of the many cache calls of each request.
                assert len(listener.connections) < len(urls), len(listener.connections)
            health = client.get("/healthz")
            assert health.status_code == 200
            assert health.json()["status"] == "degraded"
            assert health.json()["checks"]["cache"]["ok"] is False
    finally:
        if listener:
            listener.close()
        cache.clear()


@pytest.mark.django_db
def test_a_dossier_page_follows_what_is_tagged_with_its_dossier(demo, client):
    """A dossier page lists the upcoming events and the articles tagged with its dossier from
    anywhere in the tree: tagging or untagging one is a change of the dossier page."""
    dossier_page = next(
        page
        for page in DossierPage.objects.live().filter(dossier__isnull=False)
        if client.get(page.url).status_code == 200
    )
    event = (
        EventPage.objects.live()
        .filter(locale=dossier_page.locale, start_date__gte=timezone.localdate())
        .exclude(dossiers=dossier_page.dossier)
        .order_by("start_date", "pk")  # the soonest: the page lists the first few only
        .first()
    )
    article = (
        ArticlePage.objects.live()
        .filter(locale=dossier_page.locale)
        .exclude(dossiers=dossier_page.dossier)
        .exclude(path__startswith=dossier_page.path)
        .first()
    )
    for page in (event, article):
        page = page.specific
        page.title = f"Zqw getagd {page.pk}"
        page.save_revision().publish()
        assert client.get(dossier_page.url)["X-Cache"] in ("hit", "miss")
        assert page.title.encode() not in client.get(dossier_page.url).content

        page.dossiers.add(dossier_page.dossier)
        page.save_revision().publish()
        assert page.title.encode() in client.get(dossier_page.url).content

        page = type(page).objects.get(pk=page.pk)
        page.dossiers.remove(dossier_page.dossier)
        page.save_revision().publish()
        assert page.title.encode() not in client.get(dossier_page.url).content
