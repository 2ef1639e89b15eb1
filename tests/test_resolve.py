"""``/api/v1/pages/resolve/``: the typed page at a site path, never a draft or private page."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

RESOLVE = "/api/v1/pages/resolve/"


@pytest.fixture
def about(site_root, en_home):
    page = StandardPageFactory(
        parent=site_root,
        title="Over ons",
        slug="over-ons",
        intro="Wie we zijn.",
        body=[("heading", {"text": "Geschiedenis", "level": "h2"}), ("paragraph", "<p>Sinds 1926.</p>")],
    )
    translation = page.copy_for_translation(en_home.locale)
    translation.title, translation.slug = "About us", "about-us"
    translation.save_revision().publish()
    return page


def _problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["detail"]
    return body


@pytest.mark.django_db
def test_resolves_a_dutch_page_with_its_type_and_fields(client, about):
    response = client.get(RESOLVE, {"path": "/over-ons/"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == about.pk
    assert body["type"] == "home.StandardPage"
    assert body["title"] == "Over ons"
    assert body["path"] == "/over-ons/"
    assert body["url"] == f"{settings.PUBLIC_BASE_URL}/over-ons/"
    assert body["locale"] == "nl"
    assert body["last_published_at"]
    # The type's own fields sit at the top level, as in every detail of the API.
    assert "data" not in body
    assert body["intro"] == "Wie we zijn."
    assert [block["type"] for block in body["body"]] == ["heading", "paragraph"]
    assert body["body"][1]["value"] == "<p>Sinds 1926.</p>"
    (translation,) = body["translations"]
    assert (translation["locale"], translation["title"]) == ("en", "About us")
    assert translation["path"] == "/en/about-us/"
    assert translation["url"] == f"{settings.PUBLIC_BASE_URL}/en/about-us/"
    assert translation["type"] == "home.StandardPage"
    assert body["breadcrumbs"][0]["title"] == "Museumvereniging"
    assert body["breadcrumbs"][0]["url"] == f"{settings.PUBLIC_BASE_URL}/"


@pytest.mark.django_db
def test_resolves_english_paths_and_the_home_pages(client, about):
    english = client.get(RESOLVE, {"path": "/en/about-us/"}).json()
    assert (english["title"], english["locale"]) == ("About us", "en")
    home = client.get(RESOLVE, {"path": "/"}).json()
    assert home["type"] == "home.HomePage"
    assert home["hero"]["title"] == "Samen sterk voor musea"
    assert client.get(RESOLVE, {"path": "/en/"}).json()["locale"] == "en"


@pytest.mark.django_db
def test_missing_path_is_a_404_problem(client, site_root):
    body = _problem(client.get(RESOLVE, {"path": "/bestaat-niet/"}), 404)
    assert "/bestaat-niet/" in body["detail"]


@pytest.mark.django_db
def test_draft_only_page_is_a_404(client, site_root):
    StandardPageFactory(parent=site_root, title="Concept", slug="concept", publish=False)
    _problem(client.get(RESOLVE, {"path": "/concept/"}), 404)


@pytest.mark.django_db
def test_unpublished_changes_are_not_shown(client, about):
    about.title = "Nog niet gepubliceerde titel"
    about.save_revision()  # a draft revision of a live page
    assert client.get(RESOLVE, {"path": "/over-ons/"}).json()["title"] == "Over ons"


@pytest.mark.django_db
def test_private_page_and_its_children_are_a_404(client, site_root):
    private = StandardPageFactory(parent=site_root, title="Leden", slug="leden")
    StandardPageFactory(parent=private, title="Notulen", slug="notulen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name="Leden")
    )
    _problem(client.get(RESOLVE, {"path": "/leden/"}), 404)
    _problem(client.get(RESOLVE, {"path": "/leden/notulen/"}), 404)


@pytest.mark.django_db
def test_bad_paths_are_400_problems(client, site_root):
    body = _problem(client.get(RESOLVE, {"path": "over-ons"}), 400)
    assert body["invalid_params"] == [{"name": "path", "reason": "must start with '/'"}]
    body = _problem(client.get(RESOLVE), 400)
    assert body["invalid_params"][0]["name"] == "path"
    assert "required" in body["detail"]


@pytest.mark.django_db
def test_a_redirected_path_answers_a_typed_redirect(
    client, about, site_root, django_capture_on_commit_callbacks
):
    # Changing the slug leaves a permanent redirect from the old address (Wagtail's redirects,
    # made when the change commits).
    with django_capture_on_commit_callbacks(execute=True):
        about.slug = "wie-we-zijn"
        about.save_revision().publish()
    body = client.get(RESOLVE, {"path": "/over-ons/"}).json()
    assert body["type"] == "redirect" and body["status"] == 301
    assert body["target_path"] == "/wie-we-zijn/" and body["target"]["id"] == about.pk
    assert body["target_url"].endswith("/wie-we-zijn/")
    # The site answers the same address the same way.
    assert client.get("/over-ons/")["Location"].endswith("/wie-we-zijn/")
    # A redirect to a page the public may not see is no answer at all.
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    _problem(client.get(RESOLVE, {"path": "/over-ons/"}), 404)


@pytest.mark.django_db
def test_an_editors_redirect_to_another_site(client, site_root):
    Redirect.objects.create(
        old_path="/museumkaart", redirect_link="https://www.museum.nl/", is_permanent=False
    )
    body = client.get(RESOLVE, {"path": "/museumkaart/"}).json()
    assert body == {
        "type": "redirect",
        "status": 302,
        "path": "/museumkaart/",
        "target_path": None,
        "target_url": "https://www.museum.nl/",
        "target": None,
    }


@pytest.mark.django_db
def test_an_alias_names_its_canonical_page(client, site_root, en_home):
    page = StandardPageFactory(parent=site_root, title="Alleen Nederlands", slug="alleen-nederlands")
    alias = page.create_alias(parent=en_home, update_slug="alleen-nederlands")
    body = client.get(RESOLVE, {"path": "/en/alleen-nederlands/"}).json()
    assert body["id"] == alias.pk and body["canonical"]["id"] == page.pk
    assert body["canonical"]["path"] == "/alleen-nederlands/"
    assert client.get(RESOLVE, {"path": "/alleen-nederlands/"}).json()["canonical"] is None
