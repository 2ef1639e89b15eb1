"""Members-only content: anonymous readers never get a members-only body or document through
pages, listings, search, the API, the sitemap, the feed or a guessed document URL; members do."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from knowledge.factories import ArticlePageFactory, make_document
from knowledge.members import Visibility, members_collection, restrict_to_members, visible_pages
from knowledge.models import ArticleDownload, ArticlePage
from knowledge.tests.helpers import nl

SECRET = "GEHEIME-LEDENINHOUD"

pytestmark = pytest.mark.django_db


def _document(article):
    return article.downloads.select_related("document").get().document


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
    assert client.get(stray.url).status_code == 403
    client.force_login(member)
    assert client.get(stray.url).status_code == 200


def test_document_used_on_a_public_page_too_stays_public(client, public_article, members_article):
    shared = make_document("Gedeeld", filename="gedeeld.pdf")
    ArticleDownload.objects.create(page=members_article, document=shared)
    ArticleDownload.objects.create(page=public_article, document=shared)
    assert client.get(shared.url).status_code == 200


def test_listing_shows_a_members_teaser_without_body_or_documents(client, index, members_article):
    response = client.get(index.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ledentoolkit" in html
    assert "Een toolkit voor leden." in html
    assert nl("Members only: log in to read") in html
    assert SECRET not in html
    assert _document(members_article).url not in html


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
    sitemap = client.get("/sitemap.xml").content.decode()
    assert public_article.url in sitemap
    assert members_article.url not in sitemap


def test_dossier_page_shows_members_teaser_but_no_key_to_the_content(client, dossier_page, members_article):
    html = client.get(dossier_page.url).content.decode()
    assert "Ledentoolkit" in html
    assert nl("Members only: log in to read") in html
    assert SECRET not in html


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


def test_visibility_rules_follow_wagtail(
    member, outsider, members_article, public_article, django_user_model
):
    admin = django_user_model.objects.create_superuser("baas", "baas@example.org", "wachtwoord-123")
    pages = ArticlePage.objects.all()
    assert set(visible_pages(pages, None)) == {public_article}
    assert set(visible_pages(pages, outsider)) == {public_article}
    assert set(visible_pages(pages, member)) == {public_article, members_article}
    assert set(visible_pages(pages, admin)) == {public_article, members_article}
    other_group = Group.objects.create(name="Bestuur")
    restriction = PageViewRestriction.objects.create(page=public_article, restriction_type="groups")
    restriction.groups.add(other_group)
    assert set(visible_pages(pages, member)) == {members_article}
    visibility = Visibility(member)
    assert visibility.is_restricted(public_article) and not visibility.can_view(public_article)


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
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("setup_members", stdout=out)
    call_command("setup_members", stdout=out)
    assert Group.objects.filter(name="Leden").count() == 1
    assert members_collection().get_view_restrictions().count() == 1
    assert "Members set-up ready" in out.getvalue()
