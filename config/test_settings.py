"""Test settings: the real settings in local mode, relaxed only where tests need it."""

import os

os.environ.setdefault("MUSEUMSITE_ENV", "local")

from .settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = False
# Per database vendor, so that the SQLite and PostgreSQL runs can go side by side (``.ci/run``).
_RUN = DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{_RUN}"  # noqa: F405
DOCUMENTS_ROOT = SENDFILE_ROOT = BASE_DIR / "var" / f"test-documents-{_RUN}"  # noqa: F405
# Each test run gets its own cache namespace so parallel runs on one Redis don't collide.
for _cache in CACHES.values():  # noqa: F405
    _cache["KEY_PREFIX"] = f"museumsite-test-{os.getpid()}"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Absolute links are built on the public base URL, never on the request's host: a distinct
# address in the tests proves it.
PUBLIC_BASE_URL = "https://public.museumsite.test"
# Login lockout (django-axes) needs the request at every authentication; Wagtail's test helpers
# log in without one. The tests of the lockout itself switch it on (tests/test_logins.py).
AXES_ENABLED = False
# Two-factor authentication is off, as in local mode: Wagtail's test helpers log in without it. The
# tests of the second step switch it on (core/tests/test_twofactor.py).
ADMIN_2FA_REQUIRED = False
