"""Logins that resist guessing: the admin and member logins lock out after repeated wrong
passwords (per account and per client, django-axes), page passwords are throttled per client,
and `axes_reset_username` unlocks."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur", "redacteur@example.org", "een-lang-wachtwoord-12", is_staff=True, is_superuser=True
    )


def _login(client, password, username="redacteur", address="198.51.100.20"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_locked_after_wrong_passwords_even_for_the_right_one(
    client, site_root, lockout, editor
):
    for _ in range(2):
        assert _login(client, "geraden").status_code == 200  # the form again
    assert _login(client, "geraden").status_code == 429  # the third wrong password locks
    locked = _login(client, "een-lang-wachtwoord-12")
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    assert _login(client, "een-lang-wachtwoord-12", address="203.0.113.5").status_code == 429

    out = io.StringIO()
    call_command("axes_reset_username", "redacteur", stdout=out)
    assert _login(client, "een-lang-wachtwoord-12").status_code == 302  # unlocked: logged in


def test_a_client_guessing_many_accounts_is_locked(client, site_root, lockout, editor):
    for name in ("a", "b", "c"):
        _login(client, "geraden", username=name)
    assert _login(client, "een-lang-wachtwoord-12").status_code == 429  # this client is locked
    assert _login(client, "een-lang-wachtwoord-12", address="203.0.113.6").status_code == 302


def test_page_passwords_are_throttled_per_client(client, site_root, settings):
    settings.PAGE_PASSWORD_RATE = "3/h"
    page = StandardPageFactory(parent=site_root, title="Alleen met wachtwoord")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-genoeg"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    for _ in range(3):
        assert client.post(url, {"password": "fout", "return_url": page.url}).status_code == 200
    refused = client.post(url, {"password": "geheim-genoeg", "return_url": page.url})
    assert refused.status_code == 429 and "Te veel pogingen" in refused.content.decode()
    other = client.post(url, {"password": "geheim-genoeg", "return_url": page.url}, REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302  # another reader is not affected
