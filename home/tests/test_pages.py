"""Home and standard pages: creatable in the admin, rendered through the URL stack."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.seeding import SeedContext
from core.views import server_error
from home.demo import site as demo_site
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage


class AdminCreationTests(WagtailPageTestCase):
    def setUp(self):
        demo_site(SeedContext(io.StringIO(), no_style(), verbosity=0))
        self.home = HomePage.objects.get(depth=2, locale__language_code="nl")
        self.login()

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_page_can_be_created_in_the_admin(self):
        data = nested_form_data(
            {
                "title": "Lidmaatschap",
                "slug": "lidmaatschap",
                "intro": "Word lid van de Museumvereniging.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Voorwaarden", "level": "h2"}),
                        ("quote", {"text": "Samen staan we sterk.", "attribution": "Een lid"}),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="lidmaatschap", locale__language_code="nl")
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_home_page_can_be_created_in_the_admin(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Tweede site",
                    "slug": "tweede-site",
                    "hero_title": "Welkom",
                    "featured_items": inline_formset([{"page": self.home.pk, "title": ""}]),
                    "body": streamfield([]),
                }
            ),
        )
        page = HomePage.objects.get(slug="tweede-site", locale__language_code="nl")
        self.assertTrue(page.live)
        self.assertEqual(page.featured_items.count(), 1)


def _json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


@pytest.mark.django_db
def test_home_page_renders_hero_featured_and_json_ld(client, site_root):
    about = StandardPageFactory(parent=site_root, title="Over ons", listing_summary="Wie we zijn.")
    draft = StandardPageFactory(parent=site_root, title="Geheim concept", publish=False)
    site_root.featured_items.create(page=about, sort_order=0)
    site_root.featured_items.create(page=draft, sort_order=1)
    site_root.save_revision().publish()

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samen sterk voor musea" in html
    assert "Wie we zijn." in html
    assert "Geheim concept" not in html  # a draft is never featured
    (data,) = _json_ld(response)
    assert data["@type"] == "WebSite"
    assert data["potentialAction"]["@type"] == "SearchAction"


@pytest.mark.django_db
def test_standard_page_renders_every_shared_block(client, site_root):
    page = StandardPageFactory(
        parent=site_root,
        title="Alle blokken",
        body=[
            ("heading", {"text": "Kop", "level": "h3"}),
            ("paragraph", "<p>Lopende <b>tekst</b>.</p>"),
            ("quote", {"text": "Een citaat.", "attribution": "Iemand"}),
            (
                "call_to_action",
                {
                    "title": "Doe mee",
                    "text": "",
                    "page": None,
                    "external_url": "https://example.org/",
                    "button_label": "Aanmelden",
                },
            ),
            (
                "table",
                {
                    "caption": "Bezoek per jaar",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [["Jaar", "Bezoek"], ["2023", "30,9 mln"]],
                    },
                },
            ),
            ("accordion", {"heading": "Vragen", "items": [{"title": "Waarom?", "body": "<p>Daarom.</p>"}]}),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").text == "Alle blokken"
    assert soup.find("h3").text == "Kop"
    assert soup.find("blockquote").text.strip() == "Een citaat."
    assert soup.find("a", string="Aanmelden")["href"] == "https://example.org/"
    assert soup.find("caption").text == "Bezoek per jaar"
    assert [th.text for th in soup.select("thead th")] == ["Jaar", "Bezoek"]
    assert soup.find("details").find("summary").text == "Waarom?"
    assert soup.find("main", id="main") is not None
    (data,) = _json_ld(response)
    assert data["@type"] == "WebPage"
    assert data["inLanguage"] == "nl"


@pytest.mark.django_db
def test_draft_and_private_pages_are_not_served(client, site_root):
    draft = StandardPageFactory(parent=site_root, title="Concept", slug="concept", publish=False)
    assert client.get("/concept/").status_code == 404
    assert draft.live is False
    private = StandardPageFactory(parent=site_root, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name="Leden")
    )
    response = client.get("/intern/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.django_db
def test_404_page_is_friendly_and_has_search(client, site_root):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("form", role="search") is not None
    assert soup.find("a", class_="skip-link") is not None


def test_500_page_needs_no_database(client):
    response = server_error(None)
    assert response.status_code == 500
    assert b"Er ging iets mis" in response.content


@pytest.mark.django_db
def test_home_page_features_only_what_the_reader_may_see(client, django_user_model, site_root):
    members_only = StandardPageFactory(parent=site_root, title="Ledenpagina", listing_summary="Alleen leden.")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    site_root.featured_items.create(page=members_only, sort_order=0)
    site_root.hero_link_page = members_only
    site_root.hero_link_label = ""
    site_root.save_revision().publish()

    anonymous = client.get("/").content.decode()
    assert "Ledenpagina" not in anonymous and "Alleen leden." not in anonymous
    client.force_login(django_user_model.objects.create_user("lid", password="x" * 16))
    member = BeautifulSoup(client.get("/").content, "html.parser")
    assert member.find("a", class_="button").text == "Ledenpagina"
    assert member.find("section", class_="featured").find("a").text == "Ledenpagina"

    # The API is public: whoever asks, it neither features nor links the members' page.
    body = client.get("/api/v1/pages/resolve/", {"path": "/"}).json()
    assert body["featured"] == []
    assert body["hero"]["link"] is None


@pytest.mark.django_db
def test_home_page_api_refers_to_pages_with_page_references(client, site_root):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    site_root.featured_items.create(page=about, sort_order=0, title="Wie wij zijn")
    site_root.hero_link_page = about
    site_root.hero_link_label = "Lees meer"
    site_root.save_revision().publish()

    body = client.get("/api/v1/pages/resolve/", {"path": "/"}).json()
    reference = {
        "id": about.pk,
        "type": "home.StandardPage",
        "title": "Over ons",
        "path": "/over-ons/",
        "url": f"{settings.PUBLIC_BASE_URL}/over-ons/",
    }
    assert body["hero"]["link"] == {"page": reference, "label": "Lees meer"}
    assert body["featured"] == [{**reference, "title": "Wie wij zijn"}]


@pytest.mark.django_db
def test_public_links_of_a_page_are_on_the_public_base_url(client, site_root):
    page = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons")
    soup = BeautifulSoup(client.get("/over-ons/").content, "html.parser")
    expected = f"{settings.PUBLIC_BASE_URL}/over-ons/"
    assert soup.find("link", rel="canonical")["href"] == expected
    assert soup.find("meta", property="og:url")["content"] == expected
    (data,) = _json_ld(client.get(page.url))
    assert data["url"] == expected
    (home,) = _json_ld(client.get("/"))
    assert home["potentialAction"]["target"] == f"{settings.PUBLIC_BASE_URL}/zoeken/?q={{query}}"
