"""The static export (``manage.py export_site``, ``core/export.py``) of the demo content.

One full export of the demo is made per module (``exported``) with hidden content added (a draft
event, an unpublished event, a newer draft revision of a live event; the demo's members-only
articles), and the live site's answers for the same addresses are fetched in the same state:
every public page of every type and language is in the export, byte for byte what the live site
serves an anonymous reader; nothing hidden is anywhere in it; the link check passes; nginx serves
it with the configuration of ``docs/``. ``--changed`` after a publish, an unpublish and a delete
rewrites only what depends on each change and ends equal to a fresh full export.
"""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Page

from agenda.models import EventPage
from core import export as static_export
from core.dependencies import page_dependents
from core.linkcheck import check
from core.page_types import project_page_models
from core.visibility import Visibility
from tests import demo_snapshot

DYNAMIC_ORIGIN = "https://app.museumsite.test"
NGINX = "/usr/sbin/nginx"
NGINX_CONF = Path(__file__).resolve().parent.parent / "docs" / "nginx-static-export.conf"
NONCE = re.compile(rb' nonce="[^"]*"')
SECRET_DRAFT = "Geheime conceptactiviteit zeldzaamwoord"
SECRET_UNPUBLISHED = "Ingetrokken activiteit zeldzaamwoord"
SECRET_REVISION = "Nog niet gepubliceerde titel zeldzaamwoord"


def _events():
    return EventPage.objects.live().filter(alias_of__isnull=True, locale__language_code="nl").order_by("path")


def _add_hidden_content():
    """A draft event, an unpublished event, and a newer draft revision of a live event."""
    events = list(_events()[:2])
    agenda = events[0].get_parent()
    draft = events[0].copy(
        to=agenda, update_attrs={"title": SECRET_DRAFT, "slug": "geheim-concept"}, keep_live=False
    )
    unpublished = events[0].copy(
        to=agenda, update_attrs={"title": SECRET_UNPUBLISHED, "slug": "ingetrokken-activiteit"}
    )
    unpublished.specific.save_revision().publish()
    unpublished.specific.unpublish()
    revised = events[1].specific
    revised.title = SECRET_REVISION
    revised.save_revision()  # a draft: the live page keeps its title
    return [Page.objects.get(pk=draft.pk), Page.objects.get(pk=unpublished.pk)]


def _export(out, *args):
    with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
        call_command("export_site", str(out), *args, verbosity=0)


def _live(client, address):
    response = client.get(address)
    return response.status_code, NONCE.sub(b"", response.content)


def _tree(root):
    """``{relative path: sha256}`` of every file of an export (the manifest included)."""
    root = Path(root).resolve()
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def _served(tree):
    return {path: sha for path, sha in tree.items() if path != static_export.MANIFEST}


def _files(manifest):
    """``{address: (file, sha256)}`` and the assets of a manifest, with its change cursor."""
    return (
        {
            address: (entry["file"], entry["sha256"])
            for unit in manifest["units"].values()
            for address, entry in unit["files"].items()
        },
        manifest["assets"],
        manifest["changes"],
    )


def _inodes(root):
    root = Path(root).resolve()
    return {str(path.relative_to(root)): path.stat().st_ino for path in root.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def exported(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (with hidden content) exported once, with the live site's answers and what is
    hidden, in the same database state (rolled back afterwards)."""
    out = tmp_path_factory.mktemp("export") / "site"
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        demo_snapshot.load()
        hidden = _add_hidden_content()
        started = time.monotonic()
        _export(out, "--check")
        seconds = time.monotonic() - started
        manifest = static_export.read_manifest(out)
        with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
            client = Client()
            live = {
                address: _live(client, address)
                for unit in manifest["units"].values()
                for address in unit["files"]
            }
            for probe in static_export.site_units()[static_export.ERRORS_UNIT].seeds:
                live[probe] = _live(client, probe)
        visibility = Visibility.public()
        public = {
            page.pk: (page.specific_class._meta.label, page.locale.language_code, page.url)
            for page in visibility.filter(Page.objects.filter(live=True, depth__gt=1)).select_related(
                "locale"
            )
        }
        restricted = [
            page
            for page in Page.objects.filter(depth__gt=1).exclude(pk__in=public)
            if page.pk not in {p.pk for p in hidden}
        ]
        secrets = [(page.title, page.url) for page in hidden + restricted] + [(SECRET_REVISION, None)]
        public_titles = {page.title for page in Page.objects.filter(pk__in=public)}
        transaction.set_rollback(True)
    cache.clear()
    return SimpleNamespace(
        out=out,
        seconds=seconds,
        manifest=manifest,
        live=live,
        public=public,
        secrets=secrets,
        public_titles=public_titles,
        restricted=restricted,
    )


# --- the full export -------------------------------------------------------------------------


def test_every_public_page_of_every_type_and_language_is_exported(exported):
    units = exported.manifest["units"]
    missing = [url for pk, (_label, _locale, url) in exported.public.items() if f"page:{pk}" not in units]
    assert not missing, f"public pages not exported: {missing[:10]}"
    root = exported.out.resolve()
    for pk, (label, _locale, url) in exported.public.items():
        entry = units[f"page:{pk}"]["files"][url]
        assert (root / entry["file"]).is_file(), (label, url)
    exported_kinds = {(label, locale) for label, locale, _url in exported.public.values()}
    for model in project_page_models():
        assert (model._meta.label, "nl") in exported_kinds, f"no {model._meta.label} exported"
    assert {locale for _label, locale, _url in exported.public.values()} == {"nl", "en", "pap"}
    # Listings with their pagination, feeds per type, the sitemap and robots.txt, 404 pages.
    files = {entry["file"] for unit in units.values() for entry in unit["files"].values()}
    assert {
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "en/404.html",
        "pap/404.html",
        "agenda/ical/index.ics",
    } <= files
    assert "agenda/rss/index.rss" in files
    # Every part the sitemap's index names is a file of its own (``sitemaps/<id>.xml``).
    index = (root / "sitemap.xml").read_text()
    parts = [static_export.site_path(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    assert len(parts) > 3 and all(part.startswith("/sitemaps/") for part in parts)
    assert {part.lstrip("/") for part in parts} <= files
    assert "<sitemapindex" in index and "<urlset" in (root / parts[0].lstrip("/")).read_text()
    assert "agenda/ical/_q/type=webinar/index.ics" in files
    assert any(file.startswith("kennisbank/rss/_q/kind=") for file in files)
    assert any("/_q/page=2/" in file for file in files), "no listing's second page"
    assets = exported.manifest["assets"]
    assert any(path.startswith("/static/css/") for path in assets)
    assert any(path.startswith("/documents/") for path in assets), "no public document exported"
    for path in assets:
        assert (root / path.lstrip("/")).is_file(), path


def test_every_exported_file_is_what_the_live_site_serves_an_anonymous_reader(exported):
    root = exported.out.resolve()
    different = []
    for unit_key, unit in exported.manifest["units"].items():
        for address, entry in unit["files"].items():
            if unit_key == static_export.ERRORS_UNIT:
                continue
            status, body = exported.live[address]
            if status != 200 or body != (root / entry["file"]).read_bytes():
                different.append((address, status))
    assert not different, f"exported files that differ from the live site: {different[:10]}"
    for probe in exported.manifest["units"][static_export.ERRORS_UNIT]["seeds"]:
        status, body = exported.live[probe]
        assert status == 404
        assert (
            body
            == (
                root / (probe.removesuffix(static_export.NOT_FOUND_PROBE) + "404.html").lstrip("/")
            ).read_bytes()
        )
    # Deterministic: no nonce, token or clock in any page.
    sample = (root / "index.html").read_bytes()
    assert b"nonce=" not in sample and b"csrfmiddlewaretoken" not in sample
    assert b'type="application/ld+json"' in sample


def test_nothing_members_only_draft_or_unpublished_is_in_the_export(exported):
    assert exported.restricted, "the demo has members-only pages"
    root = exported.out.resolve()
    contents = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    leaks = []
    for title, url in exported.secrets:
        needles = [] if title in exported.public_titles else [title.encode()]
        if url:
            needles += [f'{url}"'.encode(), f"{url}<".encode()]
            assert not (root / url.lstrip("/") / "index.html").exists(), url
        for path, content in contents.items():
            leaks += [(str(path.relative_to(root)), needle) for needle in needles if needle in content]
    assert not leaks, f"hidden content in the export: {leaks[:10]}"


def test_the_link_check_passes_and_finds_what_is_missing(exported, tmp_path):
    report = check(exported.out)
    assert report, report.missing[:10]
    assert report.files > 500 and report.links > 5000
    # A copy without one page, one stylesheet and one English page: the check names them.
    copy = tmp_path / "copy"
    shutil.copytree(exported.out.resolve(), copy)
    part = sorted((copy / "sitemaps").glob("*.xml"))[-1]
    for relative in ("agenda/index.html", "static/css/site.css", "en/index.html", f"sitemaps/{part.name}"):
        (copy / relative).unlink()
    missing = {(address, what) for _file, address, what in check(copy).missing}
    assert {"/agenda/", "/static/css/site.css", "/en/"} <= {address for address, _what in missing}
    assert (f"/sitemaps/{part.name}", "sitemap loc") in missing  # named by the index
    assert ("/agenda/", "sitemap loc") in missing  # named by a part
    assert any(
        what.startswith("hreflang") for _file, address, what in check(copy).missing if address == "/en/"
    )
    with pytest.raises(CommandError, match="lead nowhere"):
        call_command("export_site", str(copy), "--check-only", verbosity=0)


# --- serving ---------------------------------------------------------------------------------


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def nginx(exported, tmp_path):
    if not os.access(NGINX, os.X_OK):
        pytest.skip(f"nginx is not installed at {NGINX} (apt-get install nginx-light)")
    port = _free_port()
    site = NGINX_CONF.read_text()
    for name, value in {
        "EXPORT_ROOT": str(exported.out),
        "LISTEN": f"127.0.0.1:{port}",
        "SERVER_NAME": "localhost",
        "DYNAMIC_ORIGIN": DYNAMIC_ORIGIN,
    }.items():
        site = site.replace(name, value)
    (tmp_path / "site.conf").write_text(site)
    # Started as root, nginx runs its workers as nobody, who cannot read pytest's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}/tmp; proxy_temp_path {tmp_path}/tmp;\n"
        f"fastcgi_temp_path {tmp_path}/tmp; uwsgi_temp_path {tmp_path}/tmp; scgi_temp_path {tmp_path}/tmp;\n"
        f"include {tmp_path}/site.conf; }}\n"
    )
    process = subprocess.Popen(  # noqa: S603 - a fixed binary and our own configuration
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stdout.read().decode()}")
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_nginx_serves_the_export_with_the_documented_configuration(exported, nginx):
    root = exported.out.resolve()
    units = exported.manifest["units"]
    files = {address: entry["file"] for unit in units.values() for address, entry in unit["files"].items()}
    sample = ["/", "/en/", "/agenda/", "/agenda/?page=2", "/agenda/ical/", "/agenda/ical/?type=webinar"]
    sample += ["/agenda/rss/", "/kennisbank/rss/", "/sitemap.xml", "/robots.txt"]
    sample += sorted(address for address in files if address.startswith("/sitemaps/"))[:2]
    sample += sorted(address for address in files if address.startswith("/musea/"))[:5]
    sample += sorted(address for address in files if address.startswith("/en/"))[:5]
    types = {
        "ics": "text/calendar",
        "rss": "application/rss+xml",
        "xml": "application/xml",
        "txt": "text/plain",
    }
    for address in sample:
        status, headers, body = _fetch(nginx + address)
        assert status == 200, address
        assert body == (root / files[address]).read_bytes(), address
        extension = files[address].rsplit(".", 1)[-1]
        assert headers["Content-Type"].startswith(types.get(extension, "text/html")), (
            address,
            headers["Content-Type"],
        )
        assert "public" in headers["Cache-Control"]
        assert "nonce" not in headers["Content-Security-Policy"]
    # An unknown query is the page without it; a folder without its slash is redirected.
    assert _fetch(nginx + "/agenda/?utm_source=nieuwsbrief")[2] == (root / "agenda/index.html").read_bytes()
    status, headers, body = _fetch(nginx + "/static/css/site.css")
    assert (status, headers["Content-Type"].split(";")[0]) == (200, "text/css")
    document = next(path for path in exported.manifest["assets"] if path.startswith("/documents/"))
    assert _fetch(nginx + document)[2] == (root / document.lstrip("/")).read_bytes()
    # The 404 page in each language; the manifest is never served.
    for address, page in (("/bestaat-niet/", "404.html"), ("/en/does-not-exist/", "en/404.html")):
        status, _headers, body = _fetch(nginx + address)
        assert (status, body) == (404, (root / page).read_bytes())
    assert _fetch(nginx + "/" + static_export.MANIFEST)[0] == 404


# --- incremental -----------------------------------------------------------------------------


def _changed(out):
    with override_settings(EXPORT_DYNAMIC_ORIGIN=DYNAMIC_ORIGIN):
        before = _inodes(out)
        result = static_export.export(out, changed=True)
    assert not result.failures, result.failures
    assert not result.full
    after = _inodes(out)
    rewritten = {path for path, inode in after.items() if before.get(path) != inode}
    return result, rewritten, before


def _dependent_files(manifest, page):
    """Files of the addresses the dependency map names for ``page`` (its own, and those whose
    render depended on one of the map's tags)."""
    tags = page_dependents(page, subtree=True, urls=False).tags | {"all"}
    return {
        entry["file"]
        for unit in manifest["units"].values()
        for entry in unit["files"].values()
        if unit["page"] == page.pk or tags.intersection(entry["tags"])
    }


@pytest.mark.django_db
def test_export_changed_rewrites_only_what_depends_on_a_publish_unpublish_and_delete(
    demo, tmp_path, exported
):
    _add_hidden_content()
    out = tmp_path / "site"
    _export(out)
    full = _tree(out)
    assert _served(full) == _served(_tree(exported.out)), "the same content must give the same bytes"
    events = list(_events())
    published, unpublished, deleted = events[2], events[3], events[4]
    total = len(full)

    # Publish: the event's page, and what shows it, change; the rest keeps its files (inodes).
    manifest = static_export.read_manifest(out)
    page = published.specific
    page.title = "Vernieuwde activiteit zeldzaamwoord"
    page.save_revision().publish()
    result, rewritten, _before = _changed(out)
    own = f"{published.url.lstrip('/')}index.html"
    assert own in rewritten and "Vernieuwde activiteit zeldzaamwoord" in (out / own).read_text()
    assert "agenda/index.html" in rewritten or "agenda/_q/page=2/index.html" in rewritten
    changed_bytes = {path for path, sha in _tree(out).items() if full.get(path) != sha} - {
        static_export.MANIFEST
    }
    assert changed_bytes <= _dependent_files(manifest, page)
    assert rewritten - {static_export.MANIFEST} <= _dependent_files(manifest, page)
    assert len(rewritten) < total / 2, f"{len(rewritten)} of {total} files rewritten"
    assert not (_inodes(out).keys() ^ _tree(out).keys())

    # Unpublish: the event's files are gone, and nothing names it any more.
    manifest = static_export.read_manifest(out)
    unpublished_url, unpublished_title = unpublished.url, unpublished.title
    unpublished.specific.unpublish()
    result, rewritten, _before = _changed(out)
    assert not (out / unpublished_url.lstrip("/")).exists()
    assert unpublished_url.lstrip("/") + "index.html" in result.removed
    assert rewritten - {static_export.MANIFEST} <= _dependent_files(
        manifest, Page.objects.get(pk=unpublished.pk)
    )
    for path in Path(out).resolve().rglob("*.html"):
        assert f'{unpublished_url}"' not in path.read_text(), path

    # Delete: the same, and the final result is what a full export writes.
    deleted_url = deleted.url
    deleted.delete()
    result, rewritten, _before = _changed(out)
    assert not (out / deleted_url.lstrip("/")).exists()
    assert len(rewritten) < total / 2
    incremental, files = _tree(out), _files(static_export.read_manifest(out))
    _export(out)
    # The same files, byte for byte, and the same record of them (the cache tags recorded beside
    # them may differ: an inner cache's hit reports what its computation said, a miss more).
    assert _served(incremental) == _served(_tree(out))
    assert files == _files(static_export.read_manifest(out))
    assert unpublished_title  # (kept for the message above)
