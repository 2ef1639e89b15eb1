"""Two-factor authentication for the admin (``core.twofactor``): with ``ADMIN_2FA_REQUIRED`` an
editor sets up an authenticator app at the first login and gives its code after the password
before any admin address opens; codes work once, wrong ones are throttled, backup codes work once,
and ``reset_2fa`` removes a user's devices. Members and the public site are not concerned.

Every login goes through the real login form and the real addresses."""

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, PageViewRestriction

from core.factories import PageFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PASSWORD = "een-lang-wachtwoord-12"
LOGIN = "/admin/login/"
DASHBOARD = "/admin/"
VERIFY = "/admin/2fa/verify/"
SETUP = "/admin/2fa/setup/"
BACKUP_CODES = "/admin/2fa/backup-codes/"


class StandardPageFactory(PageFactory):
    class Meta:
        model = "home.StandardPage"


@pytest.fixture
def required(settings):
    settings.ADMIN_2FA_REQUIRED = True


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's Editors group (admin access), not a superuser."""
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def member(django_user_model, settings):
    """A member of the association: reads members-only pages, has no admin access."""
    user = django_user_model.objects.create_user("lid", "lid@example.org", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=settings.MEMBERS_GROUP_NAME)[0])
    return user


def app_for(user):
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def code(device, steps=0):
    """The code the app shows now (``steps`` time steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    valid = {code(device, steps) for steps in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(123456, 1_000_000) if f"{n:06d}" not in valid)


def login(client, user, path=LOGIN):
    response = client.post(path, {"username": user.get_username(), "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def assert_sent_to(response, step):
    assert response.status_code == 302
    assert response["Location"].split("?")[0] == step


def fresh_login(client, user):
    client.post("/admin/logout/")
    login(client, user)


# --- Enforcement on: no admin page before the second step -------------------------------------


def test_a_password_alone_opens_no_admin_address_and_sends_the_editor_to_set_up_an_app(
    client, site_root, required, editor
):
    login(client, editor)
    for address in (
        DASHBOARD,
        "/admin/pages/",
        f"/admin/pages/{site_root.pk}/edit/",
        "/admin/api/main/pages/",
    ):
        response = client.get(address)
        assert_sent_to(response, SETUP)
        assert f"next={address}" in response["Location"].replace("%2F", "/")
    # An action is not carried out either, and the admin's scripts get a plain refusal.
    response = client.post(f"/admin/pages/{site_root.pk}/delete/")
    assert_sent_to(response, SETUP)
    assert client.get("/admin/api/main/pages/", HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    # Signing in and out, icons and translations stay open.
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert_sent_to(client.get(DASHBOARD), LOGIN)


def test_enrolment_with_a_right_code_opens_the_admin_and_shows_backup_codes_once(
    client, site_root, required, editor
):
    login(client, editor)
    page = client.get(f"{SETUP}?next=/admin/pages/")
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    # A QR code drawn here (inline SVG, no outside image), the key as text, an accessible form.
    assert re.search(r'<svg role="img"[^>]*class="twofactor-qr"><title>', html)
    assert "<script" not in html.split('<div class="wrapper">', 1)[1]
    secret = re.search(r'<code translate="no">([A-Z2-7 ]+)</code>', html).group(1)
    assert secret.replace(" ", "") == TOTPDevice.objects.get(pk=device.pk).config_url.split("secret=")[1][:32]
    assert '<html lang="nl"' in html
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    field_id = re.search(r'id="([^"]+)"', field).group(1)
    assert f'<label class="w-field__label" for="{field_id}"' in html
    # Reloading shows the same app (it is not confirmed yet).
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    response = client.post(SETUP, {"code": code(device), "next": "/admin/pages/"})
    assert_sent_to(response, BACKUP_CODES)
    device.refresh_from_db()
    assert device.confirmed

    shown = client.get(response["Location"])
    assert shown.status_code == 200
    codes = re.findall(r'<li><code translate="no">([a-z2-7]+)</code></li>', shown.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert 'href="/admin/pages/"' in shown.content.decode()
    # Shown once: the page does not show them again.
    assert client.get(BACKUP_CODES).status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_does_not_confirm_the_app_nor_open_the_admin(client, site_root, required, editor):
    login(client, editor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(SETUP, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    letters = client.post(SETUP, {"code": "abc123"})
    assert "zonder letters" in letters.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert_sent_to(client.get(DASHBOARD), SETUP)


def test_an_editor_with_an_app_gives_its_code_after_the_password(client, site_root, required, editor):
    device = app_for(editor)
    response = client.post(LOGIN, {"username": "redacteur", "password": PASSWORD, "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    response = client.get("/admin/pages/")
    assert_sent_to(response, VERIFY)
    # A password alone does not add a second app.
    assert_sent_to(client.get(SETUP), VERIFY)

    form = client.get(response["Location"])
    html = form.content.decode()
    assert form.status_code == 200
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert 'name="backup_code"' in html

    wrong = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert_sent_to(client.get(DASHBOARD), VERIFY)

    device.throttling_failure_timestamp = None  # the throttling has its own test
    device.save()
    right = client.post(VERIFY, {"code": code(device), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200


def test_a_code_is_used_once(client, site_root, required, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the throttling has its own test
    device = app_for(editor)
    now = code(device)
    login(client, editor)
    assert client.post(VERIFY, {"code": now}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200

    fresh_login(client, editor)
    reused = client.post(VERIFY, {"code": now})
    assert reused.status_code == 200
    assert "al gebruikt" in reused.content.decode()
    assert_sent_to(client.get(DASHBOARD), VERIFY)
    # The app's next code works (one step of clock difference is allowed).
    assert client.post(VERIFY, {"code": code(device, steps=1)}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_wrong_codes_are_throttled_with_a_clear_message(client, site_root, required, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a wait no test run outlasts
    device = app_for(editor)
    login(client, editor)
    assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 200
    throttled = client.post(VERIFY, {"code": code(device)})  # even the right code waits
    assert throttled.status_code == 429
    assert re.search(r"Te veel verkeerde codes\. Wacht (59|60) seconden", throttled.content.decode())
    assert_sent_to(client.get(DASHBOARD), VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_a_backup_code_opens_the_admin_once(client, site_root, required, editor):
    app_for(editor)
    backup = StaticDevice.objects.create(user=editor, name="backup codes", confirmed=True)
    for token in ("abcd2345", "efgh6723"):
        backup.token_set.create(token=token)
    login(client, editor)
    used = client.post(VERIFY, {"backup_code": " ABCD-2345 ", "next": "/admin/pages/"})
    assert used["Location"] == "/admin/pages/"
    dashboard = client.get(DASHBOARD, follow=True)
    assert dashboard.status_code == 200
    assert "nog 1 over" in dashboard.content.decode()

    fresh_login(client, editor)
    again = client.post(VERIFY, {"backup_code": "abcd2345"})
    assert again.status_code == 200
    assert "Deze back-upcode klopt niet" in again.content.decode()
    assert_sent_to(client.get(DASHBOARD), VERIFY)
    assert list(backup.token_set.values_list("token", flat=True)) == ["efgh6723"]


def test_a_verified_session_stays_verified_under_a_new_session_key(client, site_root, required, editor):
    device = app_for(editor)
    login(client, editor)
    before = client.session.session_key
    client.post(VERIFY, {"code": code(device)})
    assert client.session.session_key != before
    assert client.get(DASHBOARD).status_code == 200


# --- Enforcement off, and who it applies to -----------------------------------------------------


def test_without_enforcement_logins_are_as_they_were(client, site_root, editor, django_user_model):
    login(client, editor)
    assert client.get(DASHBOARD).status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    # The test settings leave it off, so Wagtail's force_login tests are unaffected.
    admin = django_user_model.objects.create_superuser("beheerder", "beheer@example.org", PASSWORD)
    client.force_login(admin)
    assert client.get(DASHBOARD).status_code == 200
    # The account page offers to set up an app.
    assert SETUP in client.get("/admin/account/").content.decode()


def test_without_enforcement_an_app_once_set_up_is_still_asked_for(client, site_root, editor):
    device = app_for(editor)
    login(client, editor)
    assert_sent_to(client.get(DASHBOARD), VERIFY)
    client.post(VERIFY, {"code": code(device)})
    assert client.get(DASHBOARD).status_code == 200


def test_force_login_meets_the_second_step_when_it_is_required(
    client, site_root, required, django_user_model
):
    admin = django_user_model.objects.create_superuser("beheerder", "beheer@example.org", PASSWORD)
    client.force_login(admin)
    assert_sent_to(client.get(DASHBOARD), SETUP)


def test_members_and_the_public_site_ask_for_no_code(client, site_root, required, member, editor):
    page = StandardPageFactory(parent=site_root, title="Voor leden")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Leden"))
    login(client, member, path="/_util/login/")
    assert client.get(page.url).status_code == 200
    # The admin refuses a member as Wagtail does (to the login page), not to the second step.
    assert_sent_to(client.get(DASHBOARD), LOGIN)
    assert not TOTPDevice.objects.exists()
    # An editor reading the public site after the member login is not asked either.
    client.post("/admin/logout/")
    login(client, editor, path="/_util/login/")
    assert client.get(site_root.url).status_code == 200


def test_an_editor_only_document_needs_the_second_step(
    client, site_root, required, editor, settings, tmp_path
):
    settings.DOCUMENTS_ROOT = settings.SENDFILE_ROOT = tmp_path / "documents"
    settings.MEDIA_ROOT = tmp_path / "media"
    Document = get_document_model()
    document = Document(title="Concept", collection=Collection.get_first_root_node())
    document.file.save("concept.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    device = app_for(editor)
    login(client, editor)
    assert client.get(document.url).status_code == 404  # a password alone: not an editor yet
    client.post(VERIFY, {"code": code(device)})
    assert client.get(document.url).status_code == 200


def test_the_login_lockout_keeps_working(client, site_root, required, editor, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    app_for(editor)
    for _ in range(2):
        client.post(LOGIN, {"username": "redacteur", "password": "geraden"}, REMOTE_ADDR="198.51.100.30")
    locked = client.post(LOGIN, {"username": "redacteur", "password": PASSWORD}, REMOTE_ADDR="198.51.100.30")
    assert locked.status_code == 429
    call_command("axes_reset_username", "redacteur", stdout=io.StringIO())
    response = client.post(
        LOGIN, {"username": "redacteur", "password": PASSWORD}, REMOTE_ADDR="198.51.100.30"
    )
    assert response.status_code == 302
    assert_sent_to(client.get(DASHBOARD, REMOTE_ADDR="198.51.100.30"), VERIFY)


# --- Resetting a user's devices ---------------------------------------------------------------


def test_reset_2fa_removes_the_devices_and_the_editor_sets_up_again(client, site_root, required, editor):
    device = app_for(editor)
    backup = StaticDevice.objects.create(user=editor, name="backup codes", confirmed=True)
    backup.token_set.create(token="abcd2345")
    login(client, editor)
    client.post(VERIFY, {"code": code(device)})
    assert client.get(DASHBOARD).status_code == 200

    out = io.StringIO()
    call_command("reset_2fa", "redacteur", stdout=out)
    assert "redacteur: removed 1 authenticator app(s) and 1 unused backup code(s)" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    # The session verified by the removed app is not verified any more.
    assert_sent_to(client.get(DASHBOARD), SETUP)

    again = io.StringIO()
    call_command("reset_2fa", "redacteur", stdout=again)
    assert "no two-factor devices, nothing to remove" in again.getvalue()


def test_reset_2fa_checks_every_name_before_removing_anything(editor):
    app_for(editor)
    with pytest.raises(CommandError, match="No user named 'niemand'"):
        call_command("reset_2fa", "redacteur", "niemand", stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user=editor).exists()


# --- The setting ----------------------------------------------------------------------------------


def _setting_in(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"MUSEUMSITE_ENV", "ADMIN_2FA_REQUIRED"}}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean.update(env)
    result = subprocess.run(
        [sys.executable, "-c", "import json, config.settings as s; print(json.dumps(s.ADMIN_2FA_REQUIRED))"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.django_db(False)
def test_two_factor_is_required_by_default_in_production_and_not_in_local_mode():
    production = {
        "MUSEUMSITE_ENV": "production",
        "SECRET_KEY": "k7#p2-production-like-secret-for-the-two-factor-check-0123456789",
        "ALLOWED_HOSTS": "www.museumvereniging.example",
    }
    assert _setting_in(**production) is True
    assert _setting_in(**production, ADMIN_2FA_REQUIRED="false") is False
    assert _setting_in(MUSEUMSITE_ENV="local") is False
    assert _setting_in(MUSEUMSITE_ENV="local", ADMIN_2FA_REQUIRED="true") is True
