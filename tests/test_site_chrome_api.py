"""``/api/v1/site/``: the chrome a headless front end renders, the same as the HTML pages show."""

import pytest
from wagtail.models import Locale, PageViewRestriction, Site

from core.models import SiteSettings
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_root, en_home):
    about = StandardPageFactory(parent=site_root, title="Over ons", slug="over-ons", show_in_menus=True)
    StandardPageFactory(parent=site_root, title="Leden", slug="leden", show_in_menus=True)
    privacy = StandardPageFactory(parent=site_root, title="Privacyverklaring", slug="privacy")
    english = privacy.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Privacy statement"
    english.slug = "privacy"
    english.save_revision().publish()
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.email = "info@example.org"
    values.footer_text = "<p>Wij verbinden musea.</p>"
    values.linkedin_url = "https://www.linkedin.com/company/example/"
    values.privacy_page = privacy
    values.save()
    return {"about": about, "privacy": privacy, "english_privacy": english}


def test_the_chrome_in_each_language(client, site):
    body = client.get("/api/v1/site/", {"locale": "nl"}).json()
    assert body["locale"] == "nl"
    assert [item["title"] for item in body["menu"]] == ["Over ons", "Leden"]
    assert body["menu"][0]["path"] == "/over-ons/" and body["menu"][0]["url"].endswith("/over-ons/")
    assert {(lang["code"], lang["home_path"]) for lang in body["languages"]} == {("nl", "/"), ("en", "/en/")}
    assert body["footer"]["email"] == "info@example.org"
    assert body["footer"]["text_html"] == "<p>Wij verbinden musea.</p>"
    assert body["social_links"] == [{"name": "LinkedIn", "url": "https://www.linkedin.com/company/example/"}]
    assert body["privacy"]["path"] == "/privacy/" and body["privacy"]["title"] == "Privacyverklaring"
    assert body["search"]["path"] == "/zoeken/"
    english = client.get("/api/v1/site/", {"locale": "en"}).json()
    assert english["privacy"]["path"] == "/en/privacy/" and english["privacy"]["title"] == "Privacy statement"
    assert english["home"]["path"] == "/en/"
    # The HTML footer links the same statement.
    assert (
        b'href="/privacy/" data-statement="privacy">Privacyverklaring</a>' in client.get("/over-ons/").content
    )


def test_members_only_sections_stay_out_and_changes_show_at_once(client, site):
    first = client.get("/api/v1/site/").json()
    assert "Leden" in [item["title"] for item in first["menu"]]
    members = site["about"].get_siblings().get(slug="leden")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    assert "Leden" not in [item["title"] for item in client.get("/api/v1/site/").json()["menu"]]
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.email = "redactie@example.org"
    values.save()
    assert client.get("/api/v1/site/").json()["footer"]["email"] == "redactie@example.org"


def test_a_bad_language_is_a_problem(client, site):
    response = client.get("/api/v1/site/", {"locale": "xx"})
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "locale"
