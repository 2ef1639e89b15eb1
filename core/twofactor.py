"""Two-factor authentication for the admin: a code from an authenticator app after the password.

Built on django-otp: an authenticator app is a ``TOTPDevice`` (RFC 6238, 6 digits, 30 seconds;
a code is accepted once, and one step of clock drift either way is tolerated and learnt), backup
codes are a ``StaticDevice`` whose tokens are deleted as they are used. ``OTPMiddleware`` marks
the session verified (``request.user.is_verified()``) once a device accepted a code.

Who is asked (``pending_step``), on every address under the admin (``/admin/``, its API
included) except signing in and out, resetting a password and the two steps themselves:

- a user who has set up an authenticator app gives its code after the password (``verify``),
  whatever ``ADMIN_2FA_REQUIRED`` says: a second step once set up is never silently dropped;
- with ``ADMIN_2FA_REQUIRED``, a user it applies to (``applies_to``: superusers and whoever may
  open the admin, "Can access Wagtail admin", which the Editors and Moderators groups give) and
  who has no app yet sets one up first (``setup``): scans a QR code, confirms it with a code and
  receives backup codes, shown once.

Wrong codes are throttled per device by django-otp (each wrong code doubles the wait: 1, 2, 4, 8
... seconds), and the page says how long to wait. The public site, its member login and
members-only pages ask for no code. ``manage.py reset_2fa <name>`` removes a user's devices
(a lost phone and no backup codes left): they set up an app again at their next admin login.
"""

import logging
import math
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp import login as otp_login
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

VERIFY = "verify"
SETUP = "setup"
VERIFY_URL_NAME = "core_twofactor_verify"
SETUP_URL_NAME = "core_twofactor_setup"
BACKUP_CODES_URL_NAME = "core_twofactor_backup_codes"
# The backup codes of a new app, kept in the session until the page that shows them (once).
BACKUP_CODES_SESSION_KEY = "twofactor_backup_codes"

APP_DEVICE_NAME = "authenticator app"
BACKUP_DEVICE_NAME = "backup codes"
BACKUP_CODE_COUNT = 10

# Admin addresses that open before the second step: signing in and out, a forgotten password,
# the admin's icons and translations, and the two steps themselves (which check for themselves).
OPEN_BEFORE_VERIFICATION = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        VERIFY_URL_NAME,
        SETUP_URL_NAME,
    }
)


# --- Who is asked ---------------------------------------------------------------------------


def applies_to(user):
    """Whether ``ADMIN_2FA_REQUIRED`` applies to ``user``: superusers and whoever may open the
    admin (the permission "Can access Wagtail admin", given by the Editors and Moderators groups
    and any other group with admin access). Members and other readers are not concerned."""
    return bool(user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin")))


def is_verified(user):
    """Whether this session of ``user`` passed the second step (``OTPMiddleware``)."""
    check = getattr(user, "is_verified", None)
    return bool(check is not None and check())


def has_device(user):
    """Whether ``user`` has a confirmed device (an authenticator app or backup codes)."""
    return user_has_device(user, confirmed=True)


def pending_step(user):
    """The step ``user`` has to take before an admin page opens: ``VERIFY`` (give a code),
    ``SETUP`` (set up an authenticator app first) or ``None`` (nothing: verified, or not asked)."""
    if user is None or not user.is_authenticated or is_verified(user):
        return None
    if has_device(user):
        return VERIFY
    if settings.ADMIN_2FA_REQUIRED and applies_to(user):
        return SETUP
    return None


def admin_prefix():
    return reverse("wagtailadmin_home")


def step_url(step, next_url):
    """The address of ``step`` that returns to ``next_url`` afterwards."""
    name = VERIFY_URL_NAME if step == VERIFY else SETUP_URL_NAME
    return redirect_to_login(next_url, login_url=reverse(name))


class AdminTwoFactorMiddleware:
    """No admin page, admin API answer or admin action before the second step: a user who still
    has to take it (``pending_step``) is sent to it, with the address to return to. Requests of
    the admin's scripts (``X-Requested-With``) are refused (403), as Wagtail refuses them without
    a login. Must follow ``OTPMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(admin_prefix()):
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_BEFORE_VERIFICATION:
            return None
        step = pending_step(getattr(request, "user", None))
        if step is None:
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied("Two-factor authentication is needed first.")
        # Only a page can be returned to; an action (a POST) starts again from the dashboard.
        next_url = request.get_full_path() if request.method in ("GET", "HEAD") else admin_prefix()
        return step_url(step, next_url)


# --- Devices --------------------------------------------------------------------------------


def app_device(user):
    """The confirmed authenticator app of ``user``, or ``None``."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def backup_device(user):
    """The backup codes of ``user`` (a static device), or ``None``."""
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def backup_codes_left(device):
    return device.token_set.count() if device is not None else 0


def enrolment_device(user):
    """The authenticator app ``user`` is setting up: unconfirmed until it gave a right code. The
    same one is shown again when the page is reloaded."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The app's secret in Base32, in groups of four, for typing it in instead of scanning."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device, title):
    """The app's ``otpauth://`` address as an inline SVG QR code, drawn here (no outside
    service); black on white, so that it scans in the admin's dark theme too."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=title, svgclass="twofactor-qr"
    )
    # segno escapes the title; the rest is its own drawing.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


def throttle_seconds(device):
    """The seconds ``device`` refuses codes for after wrong ones (0: it accepts one now)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return 0
    if info and info.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        return max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
    return 1


def check_code(user, device, code):
    """``(accepted, wait)``: whether ``device`` of ``user`` accepts ``code`` (in a transaction that
    locks the device, so that a code is used once), and, while wrong codes are throttled, the
    seconds to wait (no code is tried then)."""
    wait = throttle_seconds(device)
    if wait:
        return False, wait
    return verify_token(user, device.persistent_id, code) is not None, 0


def pass_second_step(request, device):
    """Mark this session verified by ``device``, under a new session key."""
    otp_login(request, device)
    request.session.cycle_key()


def confirm_enrolment(user, device):
    """Confirm the app ``device`` of ``user`` (it accepted a code) and give the user new backup
    codes: returns them, to be shown once; ``None`` when the user has confirmed another app
    meanwhile (this one is then left unconfirmed)."""
    with transaction.atomic():
        if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        return replace_backup_codes(user)


def replace_backup_codes(user):
    """New backup codes for ``user`` (the old ones stop working): returns them."""
    with transaction.atomic():
        StaticDevice.objects.devices_for_user(user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = set()
        while len(codes) < BACKUP_CODE_COUNT:
            codes.add(StaticToken.random_token())
        codes = sorted(codes)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    logger.info("New backup codes for user %s", user.pk)
    return codes


def normalise_backup_code(code):
    """Backup codes are compared without case, spaces or dashes."""
    return "".join(code.split()).replace("-", "").lower()


def reset_devices(user):
    """Remove every two-factor device of ``user`` (``manage.py reset_2fa``). Returns
    ``(devices, apps, backup_codes)``: how many devices went, how many of them were authenticator
    apps, and how many unused backup codes went with them. Sessions verified by a removed device
    are no longer verified."""
    devices = apps = codes = 0
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            devices += 1
            if isinstance(device, StaticDevice):
                codes += device.token_set.count()
            elif isinstance(device, TOTPDevice):
                apps += 1
            device.delete()
    if devices:
        logger.warning(
            "Two-factor devices of user %s removed: %d apps, %d unused backup codes", user.pk, apps, codes
        )
    return devices, apps, codes
