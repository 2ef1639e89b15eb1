"""The visibility matrix: every page type x every restriction x every surface x every reader.

Generated, not enumerated: page types come from the project's page registry
(``core.page_types``), surfaces from the site itself (the pages' own addresses and their
ancestors' listings, every routable sub-page such as feeds, the site search, the sitemap, every GET
route of the published OpenAPI document, the path resolver, the newsletter export). A new page type
or a new route joins the matrix without editing this file.

For each restriction state, one demo page of every type gets a secret title and description
(published), then the restriction is applied. A reader who may not see the page must find the
secrets nowhere; a reader who may see it finds them on the page itself and in the site search (the
positive control that keeps the test honest). The API, feeds, the sitemap and the newsletter are
public surfaces: only what an anonymous reader may see ever appears there, whoever asks.
"""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from api.api import api
from core.links import sitemap_part_path
from core.page_types import sample_pages
from tests.sitemap_reader import local

BASE = settings.PUBLIC_BASE_URL
SECTION_DEPTH = 3  # a child of a home page: its sitemap part holds it and every page below

PREFIX = "/api/v1/"

# Who may see the secret page in each state (readers: anonymous, user, member, password).
STATES = {
    "none": {"anonymous", "user", "member", "password"},
    "login": {"user", "member"},
    "members": {"member"},
    "password": {"password"},
    "restricted ancestor": {"member"},
    "draft": set(),
    "unpublished": set(),
    "newer unpublished revision": set(),
}
# The readers each state tells apart: the anonymous reader and a member always (the public and the
# widest login), the logged-in non-member where a login or group decides, the password holder
# where a password does. Elsewhere those two are the anonymous reader under another name (drafts,
# unpublished pages and revisions open for nobody).
STATE_READERS = {
    "none": ("anonymous", "member"),
    "login": ("anonymous", "user", "member"),
    "members": ("anonymous", "user", "member"),
    "password": ("anonymous", "member", "password"),
    "restricted ancestor": ("anonymous", "user", "member"),
}


def public_readers(state):
    """Who checks the public surfaces (the API, the sitemap), which must ignore who asks: the
    anonymous reader always, and a member where a member may see the page and the anonymous reader
    may not, the only states in which a surface that followed the session would differ."""
    may_see = STATES[state]
    if "member" in may_see and "anonymous" not in may_see:
        return ("anonymous", "member")
    return ("anonymous",)


class Round:
    """Sample pages none of which is an ancestor of another, so their restrictions don't overlap."""

    def __init__(self, pages):
        self.pages = pages


def rounds(samples):
    pages = sorted((p for p in samples.values() if p is not None), key=lambda p: -p.depth)
    result = []
    for page in pages:
        for group in result:
            if not any(page.path.startswith(o.path) or o.path.startswith(page.path) for o in group):
                group.append(page)
                break
        else:
            result.append([page])
    return result


def secret(page, index):
    """The secret title and description of the round's ``index``-th page."""
    return f"Zqxtitle{index}x Zqxmark{index}x", f"Zqxbody{index}x"


def search_path(language=None):
    """The site search's address in ``language`` (the default one when not given). Requests
    activate their language in this thread, so ``reverse`` alone would follow the last one made."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return reverse("search")


def query(index):
    """What the site search is asked: the title's first word, so that the page is found by it."""
    return f"Zqxtitle{index}x"


def tokens(index):
    """What must not leak: never the query itself, which the search page rightly echoes."""
    return f"Zqxmark{index}x", f"Zqxbody{index}x"


def publish_secret(page, index):
    page = page.specific
    page.title, page.search_description = secret(page, index)
    page.save_revision().publish()
    return page


def restrict(page, kind, index, members):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password=f"pw-{index}" if kind == BaseViewRestriction.PASSWORD else "",
    )
    if kind == BaseViewRestriction.GROUPS:
        restriction.groups.add(members)
    return restriction


def apply_state(state, pages, members):
    """Give every page of the round its secret and the restriction of ``state``."""
    targets = []
    for index, page in enumerate(pages):
        if state == "draft":
            title, body = secret(page, index)
            copy = page.specific.copy(
                to=page.get_parent(),
                update_attrs={"title": title, "search_description": body, "slug": f"zqx-draft-{index}"},
                keep_live=False,
                copy_revisions=False,
                log_action=None,
            )
            targets.append(copy)
            continue
        if state == "newer unpublished revision":
            page = page.specific
            page.title, page.search_description = secret(page, index)
            page.save_revision()
            targets.append(page)
            continue
        page = publish_secret(page, index)
        targets.append(page)
        if state == "unpublished":
            page.unpublish()
        elif state == "login":
            restrict(page, BaseViewRestriction.LOGIN, index, members)
        elif state == "members":
            restrict(page, BaseViewRestriction.GROUPS, index, members)
        elif state == "password":
            restrict(page, BaseViewRestriction.PASSWORD, index, members)
        elif state == "restricted ancestor":
            restrict(page.get_parent(), BaseViewRestriction.GROUPS, index, members)
    return targets


def api_routes():
    document = api.get_openapi_schema(path_prefix=PREFIX)
    lists, details = [], []
    for path, operations in document["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        names = {p["name"] for p in operation.get("parameters", [])}
        required = {p["name"] for p in operation.get("parameters", []) if p.get("required")}
        if "{" in path:
            details.append(path)
        elif not required - {"q"}:
            lists.append((path, names, required))
    return lists, details


def routable_urls(pages):
    """Every sub-page route without arguments (feeds, archives, forms) of the given pages."""
    urls = []
    for page in Page.objects.filter(pk__in=[p.pk for p in pages]).live().type(RoutablePageMixin).specific():
        base = page.url
        for pattern in page.get_subpage_urls():
            if pattern.name and not pattern.pattern.regex.groups:
                urls.append(base + page.reverse_subpage(pattern.name))
    return sorted(set(urls))


def surfaces(pages, state_pages):
    """(name, url, params, public) of every surface that could show the round's pages."""
    result = []
    # The pages that can show a round's page: its ancestors (listings, sections, the home page,
    # whose menu shows the sections) and every language's home page.
    around = [
        page
        for page in Page.objects.live().filter(alias_of__isnull=True).order_by("path")
        if page.depth == 2 or any(p.path.startswith(page.path) for p in pages)
    ]
    for page in around:
        result.append(("page", page.url, {}, False))
    for page in state_pages:
        result.append(("own page", page.url, {}, False))
    for url in routable_urls(around + list(state_pages)):
        result.append(("routable", url, {}, False))
    for index, _page in enumerate(pages):
        result.append(("search", search_path(), {"q": query(index)}, False))
        result.append(("search", search_path("en"), {"q": query(index)}, False))
    # The sitemap: the index with every part it names (``fetch``), and the part of each round
    # page's section read directly, whether the index names it or not (a 404 when hidden).
    result.append(("sitemap", "/sitemap.xml", {}, True))
    for page in pages:
        section = (
            page if page.depth <= SECTION_DEPTH else Page.objects.ancestor_of(page).get(depth=SECTION_DEPTH)
        )
        result.append(("sitemap part", sitemap_part_path(section.pk), {}, True))
    lists, details = api_routes()
    for path, names, required in lists:
        # The whole list (when it may be asked for without a query), and a search for each secret.
        variants = [] if "q" in required else [{}]
        if "q" in names:
            variants += [{"q": query(index)} for index in range(len(pages))]
        for locale in [code for code, _ in settings.LANGUAGES]:
            for variant in variants:
                params = {"limit": settings.API_MAX_LIMIT} if "limit" in names else {}
                if "locale" in names:
                    params["locale"] = locale
                result.append(("api", path, {**params, **variant}, True))
    for path in details:
        for page in state_pages:
            result.append(("api", path.split("{")[0] + f"{page.pk}/", {}, True))
    for page in state_pages:
        result.append(("api", f"{PREFIX}pages/resolve/", {"path": page.url or "/"}, True))
    return result


# The states in which the page's address itself is hidden (in the others the public page is
# still there, with its published title).
ADDRESS_HIDDEN = {"login", "members", "password", "restricted ancestor", "draft", "unpublished"}


def fetch(client, name, url, params):
    """``(response, body)`` of one surface; for the sitemap, the index and every part it names
    at this moment, as one body (the response is the index's)."""
    response = client.get(url, params)
    body = response.content.decode(errors="replace")
    if name == "sitemap" and response.status_code == 200:
        for address in re.findall(r"<loc>([^<]+)</loc>", body):
            part = client.get(local(address))
            assert part.status_code == 200, f"the index names {address}, which answered {part.status_code}"
            body += part.content.decode(errors="replace")
    return response, body


def listed(path, body):
    """Whether a sitemap ``body`` names the page at ``path`` (as a location or an alternate)."""
    return f"<loc>{BASE}{path}</loc>" in body or f'href="{BASE}{path}"' in body


def reader_client(reader, users, restrictions):
    client = Client()
    if reader in ("user", "member"):
        client.force_login(users[reader])
    if reader == "password":
        session = client.session
        session[PageViewRestriction.passed_view_restrictions_session_key] = [r.pk for r in restrictions]
        session.save()
    return client


def newsletter():
    out = io.StringIO()
    call_command("agenda_newsletter", "--weeks", "12", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_visibility_matrix(demo, django_user_model):
    members = Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0]
    users = {
        "user": django_user_model.objects.create_user("reader", password="x" * 16),
        "member": django_user_model.objects.create_user("member", password="x" * 16),
    }
    users["member"].groups.add(members)
    samples = sample_pages()
    assert all(samples.values()), "every page type needs a live public demo page"
    failures = []
    checked = 0
    for pages in rounds(samples):
        for state, may_see in STATES.items():
            with transaction.atomic():
                cache.clear()
                # Fresh from the database: a rolled-back state leaves stale revisions in memory.
                pages = [Page.objects.get(pk=page.pk).specific for page in pages]
                targets = apply_state(state, pages, members)
                cache.clear()
                restrictions = list(PageViewRestriction.objects.all())
                readers = STATE_READERS.get(state, ("anonymous", "member"))
                secrets = [token for index in range(len(pages)) for token in tokens(index)]
                own = [p for p in targets if p.url]
                plan = surfaces(pages, own)
                public_text = newsletter()
                for token in secrets:
                    if state != "none" and token in public_text:
                        failures.append(f"{state}: newsletter shows {token}")
                for reader in readers:
                    client = reader_client(reader, users, restrictions)
                    sees = reader in may_see
                    for name, url, params, public in plan:
                        if public and reader not in public_readers(state):
                            continue
                        response, body = fetch(client, name, url, params)
                        checked += 1
                        assert response.status_code < 500, f"{state}/{reader}: {url} {params} answered 500"
                        allowed = (state == "none") if public else sees
                        if not allowed:
                            leaked = [token for token in secrets if token in body]
                            if name.startswith("sitemap") and state in ADDRESS_HIDDEN:
                                leaked += [page.url for page in own if listed(page.url, body)]
                            if leaked:
                                failures.append(f"{state}/{reader}: {name} {url} {params} shows {leaked}")
                        elif (
                            name == "own page"
                            and response.status_code == 200
                            and not any(token in body for token in secrets)
                        ):
                            # The positive control: a reader who may see the page sees its secret.
                            failures.append(f"{state}/{reader}: {url} does not show its own title")
                    if sees:
                        for index, page in enumerate(targets):
                            mark = tokens(index)[0]
                            found = client.get(search_path(), {"q": query(index)}).content.decode()
                            if page.locale.language_code == settings.LANGUAGE_CODE and mark not in found:
                                failures.append(f"{state}/{reader}: the site search does not find {mark}")
                transaction.set_rollback(True)
            cache.clear()
    assert not failures, f"{len(failures)} leaks or misses:\n" + "\n".join(failures[:60])
    assert checked > 1000
