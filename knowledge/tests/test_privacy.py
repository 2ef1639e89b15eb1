"""Members-only content: anonymous readers never get a members-only title, body or document
through pages, listings, search, the API, the sitemap, the feed or a guessed document URL;
listings only count what a login would open; members read everything."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from knowledge.factories import ArticlePageFactory, make_document
from knowledge.members import members_collection, restrict_to_members
from knowledge.models import ArticleDownload
from knowledge.tests.helpers import nl
from tests.sitemap_reader import sitemap_text

SECRET = "GEHEIME-LEDENINHOUD"

pytestmark = pytest.mark.django_db


def _document(article):
    return article.downloads.select_related("document").get().document


def _more_line(response):
    """The "N more articles for members — log in" line: ``(text, login link)`` or ``None``."""
    line = BeautifulSoup(response.content, "html.parser").find(class_="members-more")
    if line is None:
        return None
    for decoration in line.find_all(attrs={"aria-hidden": "true"}):
        decoration.decompose()
    return " ".join(line.text.split()), line.find("a")


def _assert_counted_not_shown(response, article, count=1):
    """``article`` is neither shown nor linked, only counted, with a login link back here."""
    html = response.content.decode()
    assert response.status_code == 200
    assert article.title not in html
    assert article.listing_summary not in html
    assert article.url not in html
    assert SECRET not in html
    assert _document(article).url not in html
    text, link = _more_line(response)
    assert str(count) in text.split()  # the number, in whatever word order the language has
    assert link.text == nl("log in")
    login = urlsplit(link["href"])
    assert login.path == reverse("wagtailcore_login")
    assert parse_qs(login.query)["next"] == [response.wsgi_request.get_full_path()]


def test_anonymous_reader_gets_the_login_page_not_the_content(client, members_article):
    response = client.get(members_article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert SECRET not in response.content.decode()


def test_logged_in_non_member_is_refused(client, outsider, members_article):
    client.force_login(outsider)
    response = client.get(members_article.url)
    assert SECRET not in response.content.decode()
    assert response.status_code in (302, 403)


def test_member_reads_the_page_and_its_download(client, member, members_article):
    client.force_login(member)
    response = client.get(members_article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET in html
    assert _document(members_article).url in html
    assert nl("Members only") in html


def test_guessed_document_url_is_refused_to_anonymous_and_served_to_members(client, member, members_article):
    document = _document(members_article)
    url = f"/documents/{document.pk}/{document.filename}"
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_public_document_is_served_to_anyone(client, public_article):
    document = _document(public_article)
    response = client.get(document.url)
    assert response.status_code == 200


def test_members_page_document_outside_the_members_collection_is_still_refused(
    client, member, outsider, members_article
):
    stray = make_document("Vergeten in de hoofdcollectie", filename="vergeten.pdf")
    ArticleDownload.objects.create(page=members_article, document=stray)
    assert client.get(stray.url).status_code == 302
    client.force_login(outsider)
    assert client.get(stray.url).status_code in (403, 404)
    client.force_login(member)
    assert client.get(stray.url).status_code == 200


def test_document_used_on_a_public_page_too_stays_public(client, public_article, members_article):
    shared = make_document("Gedeeld", filename="gedeeld.pdf")
    ArticleDownload.objects.create(page=members_article, document=shared)
    ArticleDownload.objects.create(page=public_article, document=shared)
    assert client.get(shared.url).status_code == 200


def test_listing_counts_members_articles_for_anonymous_readers_without_showing_them(
    client, index, public_article, members_article
):
    response = client.get(index.url)
    _assert_counted_not_shown(response, members_article)
    assert "Open handreiking" in response.content.decode()


def test_listing_counts_members_articles_for_logged_in_non_members_without_showing_them(
    client, outsider, index, public_article, members_article
):
    client.force_login(outsider)
    _assert_counted_not_shown(client.get(index.url, {"kind": "toolkit"}), members_article)


def test_listing_shows_members_their_articles_and_counts_nothing(client, member, index, members_article):
    client.force_login(member)
    response = client.get(index.url)
    html = response.content.decode()
    assert "Ledentoolkit" in html and "Een toolkit voor leden." in html
    assert nl("Members only") in html
    assert _more_line(response) is None


def test_the_count_follows_the_filters(client, index, public_article, members_article):
    assert _more_line(client.get(index.url, {"kind": "guide"})) is None
    _assert_counted_not_shown(
        client.get(index.url, {"kind": "toolkit", "dossier": "duurzaamheid"}), members_article
    )


def test_a_search_neither_shows_nor_counts_members_articles(client, index, members_article):
    response = client.get(index.url, {"q": "warmtepompen"})
    assert "Ledentoolkit" not in response.content.decode()
    assert _more_line(response) is None


def test_password_pages_are_neither_listed_nor_counted_until_the_password_is_entered(
    client, member, index, dossier_page
):
    article = ArticlePageFactory(parent=dossier_page, title="Met wachtwoord", slug="met-wachtwoord")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )
    for reader in (None, member):
        if reader is not None:
            client.force_login(reader)
        for url in (index.url, dossier_page.url):
            response = client.get(url)
            assert "Met wachtwoord" not in response.content.decode()
            assert _more_line(response) is None
    # Wagtail's password form, as the article itself offers it.
    assert client.get(article.url).status_code == 200
    form_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk])
    response = client.post(form_url, {"password": "sesam", "return_url": article.url})
    assert response.status_code == 302
    assert "Met wachtwoord" in client.get(index.url).content.decode()
    assert "Met wachtwoord" in client.get(dossier_page.url).content.decode()


def test_listing_search_hides_members_pages_from_anonymous_and_finds_them_for_members(
    client, member, index, public_article, members_article
):
    anonymous = client.get(index.url, {"q": "warmtepompen"}).content.decode()
    assert "Ledentoolkit" not in anonymous
    client.force_login(member)
    as_member = client.get(index.url, {"q": "warmtepompen"}).content.decode()
    assert "Ledentoolkit" in as_member
    assert "Open handreiking" not in as_member


def test_search_finds_document_titles_for_readers_who_may_see_them(client, member, index, members_article):
    assert "Ledentoolkit" not in client.get(index.url, {"q": "Ledenrapport"}).content.decode()
    client.force_login(member)
    assert "Ledentoolkit" in client.get(index.url, {"q": "Ledenrapport"}).content.decode()


def test_api_leaves_members_pages_out(client, public_article, members_article):
    listing = client.get("/api/v1/articles/").json()
    assert [item["title"] for item in listing["items"]] == ["Open handreiking"]
    assert client.get(f"/api/v1/articles/{members_article.pk}/").status_code == 404
    assert client.get("/api/v1/articles/", {"q": "warmtepompen"}).json()["count"] == 0
    dossier = client.get(f"/api/v1/dossiers/{public_article.get_parent().pk}/").json()
    assert [a["title"] for a in dossier["articles"]] == ["Open handreiking"]
    resolved = client.get("/api/v1/pages/resolve/", {"path": members_article.url})
    assert resolved.status_code == 404


def test_api_ignores_a_members_session(client, member, members_article):
    client.force_login(member)
    assert client.get(f"/api/v1/articles/{members_article.pk}/").status_code == 404
    assert client.get("/api/v1/articles/").json()["count"] == 0


def test_feed_and_sitemap_leave_members_pages_out(client, index, public_article, members_article):
    feed = client.get(index.url + "rss/").content.decode()
    assert "Open handreiking" in feed
    assert "Ledentoolkit" not in feed
    sitemap = sitemap_text(client)  # the index and every part it names
    assert public_article.url in sitemap
    assert members_article.url not in sitemap
    # The knowledge base's own part, read directly: the public article, not the members' one.
    part = client.get(f"/sitemaps/{index.pk}.xml").content.decode()
    assert public_article.url in part
    assert members_article.url not in part


def test_dossier_page_counts_members_articles_without_showing_them(
    client, outsider, member, dossier_page, members_article
):
    _assert_counted_not_shown(client.get(dossier_page.url), members_article)
    client.force_login(outsider)
    _assert_counted_not_shown(client.get(dossier_page.url), members_article)
    client.force_login(member)
    response = client.get(dossier_page.url)
    assert "Ledentoolkit" in response.content.decode()
    assert _more_line(response) is None


def test_english_alias_of_a_members_page_is_restricted_too(client, members_article, en_home):
    alias = members_article.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=True
    )
    assert alias.get_view_restrictions().exists()
    # Restricting the source page later restricts its existing aliases as well.
    later = ArticlePageFactory(parent=members_article.get_parent(), title="Later besloten", slug="later")
    later_alias = later.copy_for_translation(alias.locale, alias=True)
    assert not later_alias.get_view_restrictions().exists()
    restrict_to_members(later)
    restriction = later_alias.view_restrictions.get()
    assert list(restriction.groups.values_list("name", flat=True)) == ["Leden"]
    assert client.get(later_alias.url).status_code == 302
    PageViewRestriction.objects.filter(page=later).delete()
    assert not later_alias.get_view_restrictions().exists()


def test_listing_follows_wagtails_rules_for_each_reader(
    client, index, member, outsider, members_article, public_article, django_user_model
):
    admin = django_user_model.objects.create_superuser("baas", "baas@example.org", "wachtwoord-123")

    def titles(reader):
        client.logout()
        if reader is not None:
            client.force_login(reader)
        soup = BeautifulSoup(client.get(index.url).content, "html.parser")
        return {a.text for a in soup.select(".knowledge-results .card__title a")}

    assert titles(None) == {"Open handreiking"}
    assert titles(outsider) == {"Open handreiking"}
    assert titles(member) == {"Open handreiking", "Ledentoolkit"}
    assert titles(admin) == {"Open handreiking", "Ledentoolkit"}
    other_group = Group.objects.create(name="Bestuur")
    restriction = PageViewRestriction.objects.create(page=public_article, restriction_type="groups")
    restriction.groups.add(other_group)
    assert titles(member) == {"Ledentoolkit"}
    assert titles(admin) == {"Open handreiking", "Ledentoolkit"}


def test_members_collection_is_restricted_to_the_members_group(db):
    collection = members_collection()
    assert members_collection() == collection  # idempotent
    (restriction,) = collection.get_view_restrictions()
    assert restriction.restriction_type == "groups"
    assert [group.name for group in restriction.groups.all()] == ["Leden"]


def test_document_linked_only_in_a_members_body_is_refused(client, member, members_article):
    stray = make_document("In de tekst", filename="in-de-tekst.pdf")
    members_article.body = [("documents", {"heading": "Bijlagen", "documents": [stray]})]
    members_article.save_revision().publish()
    assert client.get(stray.url).status_code == 302
    client.force_login(member)
    assert client.get(stray.url).status_code == 200


def test_setup_members_command_is_idempotent(db):
    out = io.StringIO()
    call_command("setup_members", stdout=out)
    call_command("setup_members", stdout=out)
    assert Group.objects.filter(name="Leden").count() == 1
    assert members_collection().get_view_restrictions().count() == 1
    assert "Members set-up ready" in out.getvalue()
