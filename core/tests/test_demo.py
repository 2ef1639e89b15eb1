import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from core.models import Dossier, Theme
from tests import demo_snapshot

HomePage = apps.get_model("home", "HomePage")  # core's tests, like core, import no app


@pytest.mark.django_db
def test_load_demo_builds_the_site_and_shows_progress(demo):
    # The run's demo load (``tests/demo_snapshot.py``) is the load under test: what it printed.
    output = demo_snapshot.output()
    assert "[1/" in output and "themes: 5/5" in output
    assert "search index and reference index" in output and "Demo content ready" in output

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert (
        site.root_page.get_translation(Locale.objects.get(language_code="en")).title == "Museum Association"
    )
    assert Theme.objects.filter(locale__language_code="nl").count() == 5
    assert Theme.objects.filter(locale__language_code="en").count() == 5
    assert Dossier.objects.filter(locale__language_code="nl").count() >= 9
    # The plain welcome page of a fresh database is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.django_db
def test_load_demo_runs_only_the_steps_asked_for(site_root):
    out = io.StringIO()
    call_command("load_demo", only="core", no_admin=True, stdout=out)
    steps = [line.split("] ", 1)[1] for line in out.getvalue().splitlines() if line.startswith("[")]
    assert steps == [
        "themes, dossiers and organisations",
        "site settings",
        "synchronise the English tree",
        "synchronise the Papiamentu tree",
        "English translations",
        "demo illustrations",
    ]
    assert "no Papiamentu locale yet" in out.getvalue()
    assert "English aliases to create: 0" in out.getvalue()
    assert Theme.objects.filter(locale__language_code="en").count() == 5
    with pytest.raises(CommandError, match="Unknown demo step"):
        call_command("load_demo", only="museum", no_admin=True, stdout=io.StringIO())


@pytest.mark.django_db
def test_load_demo_refuses_outside_local_mode(settings):
    settings.LOCAL = False
    with pytest.raises(CommandError, match="local mode"):
        call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_admin_password_is_reset_on_every_run(site_root):
    from django.contrib.auth.models import User

    first, second = io.StringIO(), io.StringIO()
    # One small step is enough: the account is set after the steps, whichever ran.
    call_command("load_demo", only="site settings", stdout=first)
    call_command("load_demo", only="site settings", stdout=second)
    password = second.getvalue().rsplit("password: ", 1)[1].strip()
    assert User.objects.get(username="admin").check_password(password)
    assert first.getvalue().rsplit("password: ", 1)[1].strip() != password
