"""The static export's options and edge cases: a bad output, a page that fails to render, the
export queued by a publish, worker processes, image renditions, the dynamic origin for what a
static copy cannot answer, sub-pages a page switched off, and the event pages a publish reaches
(``tests/test_export.py`` has the full export of the demo, its serving and the incremental run)."""

import datetime
import io
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.test.utils import override_settings
from PIL import Image as PILImage
from wagtail.images.models import Image

from agenda.factories import AgendaIndexPageFactory, EventPageFactory
from agenda.models import EventPage
from core import export as static_export
from core.http import same_origin
from tests.test_export import DYNAMIC_ORIGIN, _changed, _export, _inodes, _served, _tree


@pytest.mark.django_db
def test_an_output_that_is_a_file_or_a_folder_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(CommandError, match="is a file, not an export"):
        call_command("export_site", str(tmp_path / "file"), verbosity=0)
    (tmp_path / "folder").mkdir()
    with pytest.raises(CommandError, match="is a folder, not an export"):
        call_command("export_site", str(tmp_path / "folder"), verbosity=0)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("export_site", str(tmp_path / "missing" / "site"), verbosity=0)


@pytest.mark.django_db
def test_a_page_that_fails_to_render_fails_the_export_and_keeps_the_previous_one(
    site_root, tmp_path, monkeypatch
):
    out = tmp_path / "site"
    _export(out)
    previous = _tree(out)
    home_model = type(site_root.specific)

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(home_model, "serve", broken)
    with pytest.raises(CommandError, match=r"failed to render.*\n  /: RuntimeError: template exploded"):
        _export(out)
    assert _tree(out) == previous
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("site.")] == [Path(os.readlink(out)).name]


@pytest.mark.django_db
def test_a_publish_queues_the_incremental_export_when_configured(
    site_root, tmp_path, settings, django_capture_on_commit_callbacks
):
    out = tmp_path / "site"
    _export(out)
    settings.EXPORT_ROOT = str(out)
    settings.EXPORT_ON_PUBLISH = True
    settings.EXPORT_DYNAMIC_ORIGIN = DYNAMIC_ORIGIN
    page = site_root.specific
    page.title = "Welkom zeldzaamwoord"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Welkom zeldzaamwoord" in (out / "index.html").read_text()


@pytest.mark.skipif(
    not django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="worker processes need a database they can open: the SQLite test database is in memory",
)
@pytest.mark.django_db(transaction=True)
def test_worker_processes_write_the_same_export(site_root, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _export(one)
    with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
        result = static_export.export(two, jobs=2)
    assert not result.failures and result.pages >= 2
    assert _tree(one) == _tree(two)


@pytest.mark.django_db
def test_image_renditions_the_pages_use_are_exported(site_root, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (11, 79, 138)).save(buffer, "PNG")
    image = Image.objects.create(title="Zaal", file=ImageFile(buffer, name="zaal.png"))
    page = site_root.specific
    page.social_image = image
    page.save_revision().publish()
    out = tmp_path / "site"
    _export(out, "--check")
    manifest = static_export.read_manifest(out)
    renditions = [path for path in manifest["assets"] if path.startswith("/media/images/")]
    assert renditions, "the home page's Open Graph image is not in the export"
    for path in renditions:
        exported = (out / path.lstrip("/")).read_bytes()
        assert exported == (settings.MEDIA_ROOT / path.removeprefix("/media/")).read_bytes()
    assert renditions[0] in (out / "index.html").read_text()


def test_the_dynamic_origin_accepts_the_static_copys_feedback_form_and_nothing_else(settings):
    settings.ALLOWED_HOSTS = ["app.museumsite.test"]
    factory = RequestFactory()

    def post(origin, fetch_site="same-site"):
        request = factory.post(
            "/vragen-feedback/1/",
            HTTP_HOST="app.museumsite.test",
            HTTP_ORIGIN=origin,
            HTTP_SEC_FETCH_SITE=fetch_site,
        )
        return same_origin(request)

    public = settings.PUBLIC_BASE_URL
    settings.EXPORT_DYNAMIC_ORIGIN = ""
    assert not post(public)  # without a static copy, another site is another site
    settings.EXPORT_DYNAMIC_ORIGIN = DYNAMIC_ORIGIN
    assert post(public)
    assert post(public, "cross-site")
    assert not post("https://evil.example")
    assert not post("https://evil.example", "cross-site")
    assert not post("null")


def test_forms_and_links_that_need_the_application_name_the_dynamic_origin(client, site_root, settings):
    settings.EXPORT_DYNAMIC_ORIGIN = DYNAMIC_ORIGIN
    body = client.get("/").content.decode()
    assert f'href="{DYNAMIC_ORIGIN}/zoeken/"' in body
    not_found = client.get("/bestaat-niet/").content.decode()
    assert f'action="{DYNAMIC_ORIGIN}/zoeken/"' in not_found
    assert "bestaat-niet" not in not_found.split("<main", 1)[0], (
        "language links must not repeat the missing address"
    )
    settings.EXPORT_DYNAMIC_ORIGIN = ""
    cache.clear()  # cached pages keep the origin they were rendered with (docs/static-export.md)
    assert 'href="/zoeken/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_sub_page_a_page_switched_off_is_left_out(site_root, tmp_path):
    agenda = AgendaIndexPageFactory(parent=site_root, title="Agenda", slug="agenda", submission_enabled=False)
    agenda.save_revision().publish()
    out = tmp_path / "site"
    with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
        result = static_export.export(out)
    assert not result.failures, result.failures
    assert "/agenda/aanmelden/" in result.absent
    assert (out / "agenda" / "index.html").is_file() and (out / "agenda" / "ical" / "index.ics").is_file()
    assert not (out / "agenda" / "aanmelden" / "index.html").exists()


@pytest.mark.django_db
def test_a_filtered_agendas_feeds_are_on_the_dynamic_origin(client, site_root, settings):
    settings.EXPORT_DYNAMIC_ORIGIN = DYNAMIC_ORIGIN
    AgendaIndexPageFactory(parent=site_root, title="Agenda", slug="agenda").save_revision().publish()
    app_host = DYNAMIC_ORIGIN.split("://", 1)[1]
    filtered = client.get("/agenda/", {"type": "webinar"}).content.decode()
    assert f'href="webcal://{app_host}/agenda/ical/?type=webinar"' in filtered
    assert f'href="{DYNAMIC_ORIGIN}/agenda/rss/?type=webinar"' in filtered
    public_host = settings.PUBLIC_BASE_URL.split("://", 1)[1]
    unfiltered = client.get("/agenda/").content.decode()
    assert f'href="webcal://{public_host}/agenda/ical/"' in unfiltered
    assert 'href="/agenda/rss/"' in unfiltered


@pytest.mark.django_db
def test_publishing_an_event_re_exports_only_the_event_pages_it_can_take_a_place_on(site_root, tmp_path):
    """An event page's related events depend on the events they show and on what can enter them
    (``agenda.related``), not on every event: a change of an event of another type, or of one
    that starts after the last one a page shows, leaves that page's file alone."""
    agenda = AgendaIndexPageFactory(parent=site_root, title="Agenda", slug="agenda")
    agenda.save_revision().publish()
    today = datetime.date.today()

    def event(title, days, **fields):
        page = EventPageFactory(
            parent=agenda, title=title, start_date=today + datetime.timedelta(days=days), **fields
        )
        page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    main = event("Hoofdactiviteit", 5)
    shown = [event(f"Getoond {n}", 10 + n) for n in range(3)]
    later = event("Veel later", 400)
    other = event("Ander soort", 2, event_type="congress")
    own = f"{main.url.lstrip('/')}index.html"
    out = tmp_path / "site"
    _export(out)
    assert all(page.title in (out / own).read_text() for page in shown)

    for page in (other, later):
        page.title += " bijgewerkt"
        page.save_revision().publish()
        _result, rewritten, _before = _changed(out)
        assert f"{page.url.lstrip('/')}index.html" in rewritten
        assert own not in rewritten, f"{page.title}: {sorted(rewritten)}"
        # The sitemap's index and the agenda's part, not the home page's part.
        assert {"sitemap.xml", f"sitemaps/{agenda.pk}.xml"} <= rewritten
        assert (
            f"sitemaps/{site_root.pk}.xml" not in rewritten
            and (out / f"sitemaps/{site_root.pk}.xml").is_file()
        )

    event("Eerder seminar", 8)
    _result, rewritten, _before = _changed(out)
    assert own in rewritten and "Eerder seminar" in (out / own).read_text()
    # It enters the later seminar's related events too, but not the congress's (another type).
    assert f"{later.url.lstrip('/')}index.html" in rewritten
    assert f"{other.url.lstrip('/')}index.html" not in rewritten

    # The incremental result is what a full export writes (in one process and with workers).
    incremental = _tree(out)
    _export(out)
    assert _served(incremental) == _served(_tree(out))
    with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
        result = static_export.export(tmp_path / "workers", jobs=2)
    assert not result.failures and result.pages >= 8
    assert _served(_tree(tmp_path / "workers")) == _served(_tree(out))


def _generations(out):
    return sorted(path for path in out.parent.iterdir() if path.name.startswith(f"{out.name}."))


@pytest.mark.django_db
def test_an_incremental_run_recycles_the_spare_generation_and_trusts_only_what_it_checks(site_root, tmp_path):
    """An incremental run starts from the generation before the current one (kept as a spare by
    the switch), brought level with the current one: the files it lacks or holds as other
    inodes are linked again, those the current one lacks are removed. Its result is what a full
    export writes, even when the spare was damaged or left without its manifest."""
    agenda = AgendaIndexPageFactory(parent=site_root, title="Agenda", slug="agenda")
    agenda.save_revision().publish()
    event = EventPageFactory(parent=agenda, title="Activiteit", start_date=datetime.date.today())
    event.save_revision().publish()
    out = tmp_path / "site"
    _export(out)
    for round_ in range(3):
        current = out.resolve()
        event = EventPage.objects.get(pk=event.pk)
        event.title = f"Activiteit, wijziging {round_}"
        event.save_revision().publish()
        before = _inodes(out)
        _result, rewritten, _before = _changed(out)
        assert _generations(out) == [current, out.resolve()], "the current one and its spare"
        assert "robots.txt" not in rewritten, "robots.txt shows no content"
        assert rewritten and len(rewritten) < len(before) / 2
        after = _inodes(out)
        # What was not rendered again is the previous generation's file itself (a hard link).
        assert all(after[path] == before[path] for path in after.keys() - rewritten)
        assert f"Activiteit, wijziging {round_}" in (out / event.url.lstrip("/") / "index.html").read_text()

    # The spare damaged: a file replaced by another inode, a stray file, a file gone.
    spare = _generations(out)[0]
    (spare / "robots.txt").unlink()
    (spare / "robots.txt").write_text("kapot")
    (spare / "los.html").write_text("los")
    (spare / "index.html").unlink()
    event.title = "Activiteit, na de schade"
    event.save_revision().publish()
    _changed(out)
    _export(tmp_path / "full")
    assert _served(_tree(out)) == _served(_tree(tmp_path / "full"))

    # A spare without its manifest (a run stopped half-way) is not recycled: every file is linked
    # from the current generation again.
    spare = _generations(out)[0]
    (spare / static_export.MANIFEST).unlink()
    (spare / "robots.txt").unlink()
    (spare / "robots.txt").write_text("kapot")
    event.title = "Activiteit, na de onderbreking"
    event.save_revision().publish()
    _changed(out)
    assert spare not in _generations(out)
    _export(tmp_path / "full")
    assert _served(_tree(out)) == _served(_tree(tmp_path / "full"))
    # A full export shares no file with the one before it: no spare is kept.
    _export(out)
    assert _generations(out) == [out.resolve()]
