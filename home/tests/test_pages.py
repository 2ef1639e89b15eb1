"""Home and standard pages: creatable in the admin, rendered through the URL stack."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.demo import site as demo_site
from core.demo_loader import DemoContext
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage


class AdminCreationTests(WagtailPageTestCase):
    def setUp(self):
        import io

        from django.core.management.color import no_style

        demo_site(DemoContext(io.StringIO(), no_style(), verbosity=0))
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
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

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


def test_500_page_needs_no_database(client, settings):
    from core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert b"Er ging iets mis" in response.content
