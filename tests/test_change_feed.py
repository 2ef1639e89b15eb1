"""The change feed (``/api/v1/changes/``) and ``modified_since``, through HTTP.

The property: for random sequences of editor actions (create, edit, publish, unpublish, move,
delete, restrict, unrestrict, translate), a client that fetched everything once and then replays
the change feed holds exactly what a fresh full fetch returns, item for item and field for field;
the same for a client that asks every list for ``modified_since`` and the feed for removals.
"""

import random
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from core import changes, invalidation
from core.dependencies import API_ROOT, api_routes
from core.models import Change
from museums.factories import ExhibitionPageFactory, MuseumIndexPageFactory, MuseumPageFactory

LOCALES = [code for code, _name in settings.LANGUAGES]


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()


def list_ids(client, extra=""):
    """Ids of every item of every page-type list, in every language (each list paged through)."""
    ids = set()
    for list_path, _detail in {routes for label, routes in api_routes().items() if label != "core.theme"}:
        for locale in LOCALES:
            url = f"{API_ROOT}{list_path}?locale={locale}&limit={settings.API_MAX_LIMIT}{extra}"
            while url:
                body = get_json(client, url)
                ids |= {item["id"] for item in body["items"]}
                url = body["next"] and body["next"].replace(settings.PUBLIC_BASE_URL, "")
    return ids


def detail(client, page_id):
    response = client.get(f"{API_ROOT}pages/{page_id}/")
    return response.json() if response.status_code == 200 else None


def full_fetch(client):
    """What a new client does: note the feed's position, then fetch every list and detail."""
    cursor = get_json(client, f"{API_ROOT}changes/")["next_cursor"]
    held = {page_id: detail(client, page_id) for page_id in list_ids(client)}
    return cursor, {page_id: body for page_id, body in held.items() if body is not None}


def replay(client, cursor, held, *, removals_only=False):
    """Follow the feed from ``cursor``: upserts fetched again, removals dropped."""
    while True:
        body = get_json(client, f"{API_ROOT}changes/?cursor={cursor}&limit=7")
        for change in body["items"]:
            if change["action"] == "remove":
                held.pop(change["id"], None)
            elif not removals_only:
                fetched = detail(client, change["id"])
                assert change["detail"].endswith(f"/pages/{change['id']}/")
                if fetched is None:  # left again since: a later change says so too
                    held.pop(change["id"], None)
                else:
                    held[change["id"]] = fetched
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return cursor


@pytest.fixture
def tree(site_root):
    museums_index = MuseumIndexPageFactory(parent=site_root)
    museums = [MuseumPageFactory(parent=museums_index, title=f"Museum {n}") for n in range(3)]
    for n, museum in enumerate(museums[:2]):
        ExhibitionPageFactory(parent=museum, title=f"Tentoonstelling {n}")
    agenda = AgendaIndexPageFactory(parent=site_root)
    EventPageFactory(parent=agenda, title="Seminar", venue_museum=museums[0])
    EventPageFactory(parent=agenda, title="Webinar")
    return {"museums_index": museums_index, "agenda": agenda}


class Editor:
    """Random editor actions on the test tree, each in its own transaction (as in the admin)."""

    def __init__(self, rng, tree):
        self.rng = rng
        self.tree = tree
        self.counter = 0

    def pages(self, model_name, **filters):
        return list(Page.objects.filter(content_type__model=model_name, **filters).order_by("pk"))

    def pick(self, model_names, **filters):
        candidates = [page for name in model_names for page in self.pages(name, **filters)]
        return self.rng.choice(candidates) if candidates else None

    def act(self):
        action = self.rng.choice(
            [
                "create",
                "edit",
                "edit",
                "unpublish",
                "republish",
                "move",
                "delete",
                "restrict",
                "unrestrict",
                "translate",
            ]
        )
        with transaction.atomic():
            getattr(self, action)()
        return action

    def create(self):
        self.counter += 1
        if self.rng.random() < 0.5:
            museum = self.pick(["museumpage"], locale__language_code="nl")
            if museum is not None:
                ExhibitionPageFactory(parent=museum.specific, title=f"Nieuw {self.counter}")
        else:
            EventPageFactory(parent=self.tree["agenda"], title=f"Nieuw evenement {self.counter}")

    def edit(self):
        page = self.pick(["museumpage", "exhibitionpage", "eventpage"])
        if page is not None:
            page = page.specific
            self.counter += 1
            page.title = f"{page.title.split(' (')[0]} ({self.counter})"
            page.save_revision().publish()

    def unpublish(self):
        page = self.pick(["museumpage", "exhibitionpage", "eventpage"], live=True)
        if page is not None:
            page.specific.unpublish()

    def republish(self):
        page = self.pick(["museumpage", "exhibitionpage", "eventpage"], live=False)
        if page is not None:
            page.specific.get_latest_revision().publish()

    def move(self):
        exhibition = self.pick(["exhibitionpage"], locale__language_code="nl")
        museum = self.pick(["museumpage"], locale__language_code="nl")
        if exhibition is not None and museum is not None and not exhibition.is_child_of(museum):
            exhibition.specific.move(museum, pos="last-child")

    def delete(self):
        page = self.pick(["exhibitionpage", "eventpage"])
        if page is not None:
            page.specific.delete()

    def restrict(self):
        page = self.pick(["museumpage", "eventpage"], view_restrictions__isnull=True)
        if page is not None:
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    def unrestrict(self):
        restriction = PageViewRestriction.objects.order_by("pk").first()
        if restriction is not None:
            restriction.delete()

    def translate(self):
        english = Locale.objects.get(language_code="en")
        page = self.pick(["eventpage"], locale__language_code="nl", live=True)
        if page is None or page.get_translations().filter(locale=english).exists():
            return
        translation = page.specific.copy_for_translation(english, copy_parents=True)
        translation.title = f"{page.title} (EN)"
        translation.save_revision().publish()
        parent = translation.get_parent()
        if not parent.live:
            parent.specific.save_revision().publish()


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_client_replaying_the_feed_holds_what_a_fresh_fetch_returns(client, tree, seed):
    rng = random.Random(seed)
    editor = Editor(rng, tree)
    cursor, held = full_fetch(client)
    assert held, "the tree's public pages are listed"
    done = []
    for _round in range(4):
        for _ in range(6):
            done.append(editor.act())
        cursor = replay(client, cursor, held)
        _fresh_cursor, fresh = full_fetch(client)
        assert_same(held, fresh, done)


def assert_same(held, fresh, done):
    assert held.keys() == fresh.keys(), f"after {done}"
    for page_id, body in fresh.items():
        differing = {
            key for key in body.keys() | held[page_id].keys() if body.get(key) != held[page_id].get(key)
        }
        assert not differing, (
            page_id,
            {key: (held[page_id].get(key), body.get(key)) for key in differing},
            done,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [4, 5])
def test_modified_since_and_the_feeds_removals_keep_a_client_in_step(client, tree, seed):
    rng = random.Random(seed)
    editor = Editor(rng, tree)
    cursor, held = full_fetch(client)
    done = []
    for _round in range(3):
        since = timezone.now()
        for _ in range(6):
            done.append(editor.act())
        # Removals first (the lists cannot say what left), then what the lists say changed
        # (a page removed and published again is listed again).
        cursor = replay(client, cursor, held, removals_only=True)
        stamp = since.isoformat().replace("+00:00", "Z")
        for page_id in list_ids(client, f"&modified_since={stamp}"):
            fetched = detail(client, page_id)
            if fetched is not None:
                held[page_id] = fetched
        _fresh_cursor, fresh = full_fetch(client)
        assert_same(held, fresh, done)


@pytest.mark.django_db
def test_changes_say_what_happened_in_order(client, tree):
    start = get_json(client, f"{API_ROOT}changes/")
    assert start["items"] == [] and start["next_cursor"] == start["latest_cursor"]
    museum = Page.objects.get(title="Museum 1").specific
    museum.title = "Museum Een"
    museum.save_revision().publish()
    exhibition = museum.get_children().first()
    PageViewRestriction.objects.create(page=museum, restriction_type=PageViewRestriction.LOGIN)
    body = get_json(client, f"{API_ROOT}changes/?cursor={start['next_cursor']}")
    seen = [(c["kind"], c["action"], c["id"]) for c in body["items"]]
    assert ("updated", "upsert", museum.pk) in seen
    assert ("restricted", "remove", museum.pk) in seen
    assert ("restricted", "remove", exhibition.pk) in seen
    cursors = [c["cursor"] for c in body["items"]]
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
    upsert = next(c for c in body["items"] if c["action"] == "upsert" and c["id"] == museum.pk)
    assert upsert["path"] == "/musea/museum-1/" and upsert["type"] == "museums.MuseumPage"
    removal = next(c for c in body["items"] if c["action"] == "remove")
    assert removal["path"] is None and removal["detail"] is None
    # Filters by type and language.
    only_events = get_json(client, f"{API_ROOT}changes/?cursor={start['next_cursor']}&type=agenda.EventPage")
    assert {c["type"] for c in only_events["items"]} <= {"agenda.EventPage"}
    assert get_json(client, f"{API_ROOT}changes/?cursor={start['next_cursor']}&locale=en")["items"] == []
    # The restricted museum is gone from the page endpoint too.
    assert client.get(f"{API_ROOT}pages/{museum.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_page_never_public_is_never_named(client, tree):
    start = get_json(client, f"{API_ROOT}changes/")["next_cursor"]
    museum = Page.objects.get(title="Museum 2")
    PageViewRestriction.objects.create(page=museum, restriction_type=PageViewRestriction.LOGIN)
    after_restriction = get_json(client, f"{API_ROOT}changes/")["next_cursor"]
    secret = ExhibitionPageFactory(parent=museum.specific, title="Geheim")
    ExhibitionPageFactory(parent=museum.specific, title="Concept", publish=False)
    body = get_json(client, f"{API_ROOT}changes/?cursor={after_restriction}")
    assert secret.pk not in {c["id"] for c in body["items"]}
    assert b"Geheim" not in client.get(f"{API_ROOT}changes/?cursor={start}").content


@pytest.mark.django_db
def test_old_and_unknown_cursors_answer_410_and_bad_parameters_400(client, tree):
    start = get_json(client, f"{API_ROOT}changes/")["next_cursor"]
    page = Page.objects.get(title="Webinar").specific
    page.save_revision().publish()
    newest = get_json(client, f"{API_ROOT}changes/")["latest_cursor"]
    assert newest > start
    # A cursor from the future (a restored database): resync.
    future = client.get(f"{API_ROOT}changes/?cursor={newest + 10}")
    assert future.status_code == 410 and future["Content-Type"] == "application/problem+json"
    assert "Fetch every list again" in future.json()["detail"]
    # Pruning moves the horizon: older cursors cannot be replayed.
    Change.objects.update(at=timezone.now() - timedelta(days=settings.CHANGES_RETENTION_DAYS + 1))
    assert changes.prune() >= 1
    assert client.get(f"{API_ROOT}changes/?cursor={start}").status_code == 410
    assert get_json(client, f"{API_ROOT}changes/?cursor={newest}")["items"] == []
    old = (timezone.now() - timedelta(days=settings.CHANGES_RETENTION_DAYS + 2)).isoformat()
    assert client.get(f"{API_ROOT}events/", {"modified_since": old}).status_code == 410
    # Bad input: a readable 400 problem.
    for query in ("cursor=-1", "cursor=abc", "type=nope.Page", "limit=0", "locale=xx"):
        response = client.get(f"{API_ROOT}changes/?{query}")
        assert response.status_code == 400, query
        assert response.json()["invalid_params"], query
    for value in ("gisteren", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-05:00"):
        response = client.get(f"{API_ROOT}museums/", {"modified_since": value})
        assert response.status_code == 400, value
        assert response.json()["invalid_params"][0]["name"] == "modified_since"


@pytest.mark.django_db
def test_a_bulk_load_makes_older_cursors_resync(client, tree):
    cursor = get_json(client, f"{API_ROOT}changes/")["next_cursor"]
    page = Page.objects.get(title="Webinar").specific
    page.save_revision().publish()
    invalidation.invalidate_everything()  # what load_demo and generate_scale end with
    assert client.get(f"{API_ROOT}changes/?cursor={cursor}").status_code == 410
    assert get_json(client, f"{API_ROOT}changes/")["items"] == []


@pytest.mark.django_db
def test_a_failed_edit_records_nothing(client, tree):
    before = Change.objects.count()
    page = Page.objects.get(title="Seminar").specific
    with pytest.raises(RuntimeError), transaction.atomic():
        page.title = "Half af"
        page.save_revision().publish()
        raise RuntimeError("the worker died")
    assert Change.objects.count() == before
    assert Page.objects.get(pk=page.pk).title == "Seminar"


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="SQLite has one writer at a time; the advisory lock is PostgreSQL's",
)
@pytest.mark.django_db(transaction=True)
def test_cursors_become_visible_in_commit_order_on_postgresql(tree):
    """A writer that recorded a change holds the feed until it commits: a second writer waits, so
    a reader that has seen the second's cursor can never later find the first's committed."""
    first_page = Page.objects.get(title="Seminar").pk
    second_page = Page.objects.get(title="Webinar").pk
    recorded, release, second_done = threading.Event(), threading.Event(), threading.Event()
    ids = {}

    def first():
        with transaction.atomic():
            changes.record({first_page})
            ids["first"] = (
                Change.objects.filter(object_id=first_page).order_by("-id").values_list("id", flat=True)[0]
            )
            recorded.set()
            release.wait(10)
        connection.close()

    def second():
        recorded.wait(10)
        with transaction.atomic():
            changes.record({second_page})
        ids["second"] = (
            Change.objects.filter(object_id=second_page).order_by("-id").values_list("id", flat=True)[0]
        )
        second_done.set()
        connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert recorded.wait(10)
    assert not second_done.wait(1.0), "the second writer recorded while the first had not committed"
    release.set()
    for thread in threads:
        thread.join(20)
    assert second_done.is_set() and ids["second"] > ids["first"]
