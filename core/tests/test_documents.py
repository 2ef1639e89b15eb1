"""Documents are private by construction: their files have no public address, and the checked
download view serves a document to whoever may see a page that uses it (and to editors)."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.urls import re_path
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    PageViewRestriction,
    ReferenceIndex,
)

from core.factories import PageFactory

# The site's addresses, plus /media/ served from MEDIA_ROOT as ``SERVE_MEDIA`` (with DEBUG) or a
# web server does: whatever sits in MEDIA_ROOT is public.
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def serve_media(request, path):
    return serve(request, path, document_root=django_settings.MEDIA_ROOT)


site_urls = importlib.import_module(django_settings.ROOT_URLCONF)
urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media), *site_urls.urlpatterns]
handler404 = site_urls.handler404

CONTENT = b"%PDF-1.4\n% GEHEIM-LEDENDOCUMENT\n%%EOF\n"
MARKER = b"GEHEIM-LEDENDOCUMENT"

move_files = importlib.import_module("core.migrations.0002_private_document_files")


class StandardPageFactory(PageFactory):
    class Meta:
        model = "home.StandardPage"


@pytest.fixture(autouse=True)
def file_roots(settings, tmp_path):
    """Media and documents of each test in a folder of their own (the folders stay apart)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = settings.SENDFILE_ROOT = tmp_path / "var" / "documents"
    return tmp_path


@pytest.fixture
def members(db, settings):
    return Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0]


@pytest.fixture
def members_collection(members):
    collection = Collection.get_first_root_node().add_child(name="Alleen voor leden")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    return collection


@pytest.fixture
def member(members):
    user = get_user_model().objects.create_user("lid", "lid@example.org", "geheim-wachtwoord")
    user.groups.add(members)
    return user


@pytest.fixture
def outsider(db):
    """Logged in, neither a member nor an editor."""
    return get_user_model().objects.create_user("buiten", "buiten@example.org", "geheim-wachtwoord")


@pytest.fixture
def editor(db):
    """An editor: admin access and the right to choose documents of the root collection."""
    group = Group.objects.create(name="Redactie")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename="choose_document"),
    )
    user = get_user_model().objects.create_user("redacteur", "redactie@example.org", "geheim-wachtwoord")
    user.groups.add(group)
    return user


def make_document(title="Rapport", collection=None, filename="rapport.pdf"):
    Document = get_document_model()
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(filename, ContentFile(CONTENT), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def downloads(*documents):
    return [("documents", {"heading": "Downloads", "documents": list(documents)})]


def members_only(page, members):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
    restriction.groups.add(members)
    return page


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_served(response):
    assert response.status_code == 200
    assert body_of(response) == CONTENT


def assert_refused(response, status=404):
    assert response.status_code == status
    assert MARKER not in body_of(response)


def assert_login_asked(response):
    assert_refused(response, 302)
    assert "login" in response["Location"]


# --- where the files are ------------------------------------------------------------------------


def test_document_files_live_outside_media_root_in_a_storage_without_address(settings):
    document = make_document()
    path = Path(document.file.path)
    assert path.read_bytes() == CONTENT
    assert path.is_relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert document.file.storage is storages["documents"]
    with pytest.raises(NotImplementedError):
        _ = document.file.url
    assert document.url == f"/documents/{document.pk}/{document.filename}"


def test_deleting_a_document_deletes_its_file(django_capture_on_commit_callbacks):
    document = make_document()
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not path.exists()


def test_members_document_is_refused_to_anonymous_readers_at_every_address(
    client, settings, site_root, members, members_collection
):
    document = make_document("Ledenrapport", members_collection, "ledenrapport.pdf")
    page = members_only(
        StandardPageFactory(parent=site_root, title="Leden", body=downloads(document)), members
    )
    assert page.live
    # The checked download view asks for a login (a login may open the page that offers it).
    assert_login_asked(client.get(document.url))
    # The old media address: /media/ serves what is in MEDIA_ROOT, and that holds no documents.
    default_storage.save("images/proef.txt", ContentFile(b"media wordt geserveerd"))
    assert client.get("/media/images/proef.txt").status_code == 200
    assert_refused(client.get(f"/media/{document.file.name}"))
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
    # The web server's internal location is not an address Django answers.
    assert_refused(client.get(f"{settings.SENDFILE_URL}{document.file.name}"))
    # The storage hands out no address at all (documents have no renditions).
    with pytest.raises(NotImplementedError):
        storages["documents"].url(document.file.name)


def test_member_downloads_the_members_document(client, site_root, members, members_collection, member):
    document = make_document("Ledenrapport", members_collection, "ledenrapport.pdf")
    members_only(StandardPageFactory(parent=site_root, title="Leden", body=downloads(document)), members)
    client.force_login(member)
    response = client.get(document.url)
    assert_served(response)
    assert response["X-Content-Type-Options"] == "nosniff"


def test_logged_in_non_member_is_told_nothing_of_a_members_document(client, site_root, members, outsider):
    document = make_document("Ledenrapport", filename="ledenrapport.pdf")
    members_only(StandardPageFactory(parent=site_root, title="Leden", body=downloads(document)), members)
    client.force_login(outsider)
    assert_refused(client.get(document.url))


# --- the pages that use a document decide -------------------------------------------------------


def test_document_of_a_live_public_page_is_served_to_anyone(client, site_root):
    document = make_document()
    StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    assert_served(client.get(document.url))


def test_document_linked_from_rich_text_follows_that_page(client, site_root):
    document = make_document()
    link = f'<p>Lees het <a linktype="document" id="{document.pk}">rapport</a>.</p>'
    StandardPageFactory(parent=site_root, title="Publiek", body=[("paragraph", link)])
    assert_served(client.get(document.url))


def test_document_of_one_public_and_one_members_page_is_public(client, site_root, members):
    """Whoever may read the public page downloads the document there: refusing it elsewhere
    would protect nothing."""
    document = make_document()
    members_only(StandardPageFactory(parent=site_root, title="Leden", body=downloads(document)), members)
    StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    assert_served(client.get(document.url))


def test_document_of_a_draft_page_only_is_refused_to_readers_and_served_to_editors(
    client, site_root, outsider, editor
):
    document = make_document()
    draft = StandardPageFactory(parent=site_root, title="Concept", body=downloads(document), publish=False)
    assert not draft.live
    assert ReferenceIndex.get_references_to(document).exists()  # used, but by a draft
    assert_refused(client.get(document.url))
    client.force_login(outsider)
    assert_refused(client.get(document.url))
    client.force_login(editor)
    assert_served(client.get(document.url))


def test_document_added_in_an_unpublished_revision_stays_private_until_published(client, site_root, editor):
    document = make_document()
    page = StandardPageFactory(parent=site_root, title="Publiek", body=[("paragraph", "<p>Nog niets.</p>")])
    page.body = downloads(document)
    revision = page.save_revision()
    assert page.get_latest_revision_as_object().body[0].block_type == "documents"
    assert_refused(client.get(document.url))
    client.force_login(editor)
    assert_served(client.get(document.url))
    client.logout()
    revision.publish()
    assert_served(client.get(document.url))


def test_document_of_an_unpublished_page_is_refused(client, site_root):
    document = make_document()
    page = StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    assert_served(client.get(document.url))
    page.unpublish()
    assert_refused(client.get(document.url))


def test_document_of_a_password_page_is_refused_without_a_login_prompt(client, site_root):
    document = make_document()
    page = StandardPageFactory(parent=site_root, title="Wachtwoord", body=downloads(document))
    PageViewRestriction.objects.create(
        page=page, restriction_type=BaseViewRestriction.PASSWORD, password="geheim"
    )
    assert_refused(client.get(document.url))


def test_unused_document_is_for_editors_only(client, editor, outsider):
    document = make_document()
    assert_refused(client.get(document.url))
    client.force_login(outsider)
    assert_refused(client.get(document.url))
    client.force_login(editor)
    assert_served(client.get(document.url))


def test_members_collection_keeps_its_restriction_on_a_public_page(
    client, site_root, members_collection, member
):
    document = make_document("Ledenrapport", members_collection, "ledenrapport.pdf")
    StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    assert_login_asked(client.get(document.url))
    client.force_login(member)
    assert_served(client.get(document.url))


def test_wrong_file_name_is_not_found(client, site_root):
    document = make_document()
    StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    assert_refused(client.get(f"/documents/{document.pk}/ander-{document.filename}"))


# --- handing the file to the web server ---------------------------------------------------------


def test_nginx_sends_the_file_for_allowed_readers_only(
    client, settings, site_root, members, members_collection, member
):
    settings.DOCUMENTS_SENDFILE = "nginx"
    document = make_document("Ledenrapport", members_collection, "ledenrapport.pdf")
    members_only(StandardPageFactory(parent=site_root, title="Leden", body=downloads(document)), members)
    anonymous = client.get(document.url)
    assert_login_asked(anonymous)
    assert "X-Accel-Redirect" not in anonymous
    client.force_login(member)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal/documents/{document.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert "ledenrapport.pdf" in response["Content-Disposition"]


def test_xsendfile_names_the_file_for_allowed_readers_only(client, settings, site_root):
    settings.DOCUMENTS_SENDFILE = "xsendfile"
    document = make_document()
    assert_refused(client.get(document.url))
    StandardPageFactory(parent=site_root, title="Publiek", body=downloads(document))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Sendfile"] == str(Path(document.file.path).resolve())
    assert response.content == b""


# --- moving the files of existing documents -----------------------------------------------------


def test_migration_moves_document_files_out_of_media_root(client, settings, editor):
    old_name = default_storage.save("documents/oud-rapport.pdf", ContentFile(CONTENT))
    Document = get_document_model()
    moved = Document.objects.create(title="Oud", file=old_name, collection=Collection.get_first_root_node())
    missing = Document.objects.create(
        title="Kwijt", file="documents/kwijt.pdf", collection=Collection.get_first_root_node()
    )
    assert client.get(f"/media/{old_name}").status_code == 200  # the leak being closed

    move_files.to_documents_storage(apps, connection.schema_editor())
    move_files.to_documents_storage(apps, connection.schema_editor())  # again: nothing to do

    moved.refresh_from_db()
    assert moved.file.name == old_name
    assert storages["documents"].open(old_name).read() == CONTENT
    assert not default_storage.exists(old_name)
    assert_refused(client.get(f"/media/{old_name}"))
    assert not storages["documents"].exists(missing.file.name)
    client.force_login(editor)
    assert_served(client.get(moved.url))


def test_migration_finishes_an_interrupted_move():
    name = default_storage.save("documents/half.pdf", ContentFile(CONTENT))
    storages["documents"].save(name, ContentFile(CONTENT))
    get_document_model().objects.create(title="Half", file=name, collection=Collection.get_first_root_node())
    move_files.to_documents_storage(apps, connection.schema_editor())
    assert not default_storage.exists(name)
    assert storages["documents"].exists(name)
