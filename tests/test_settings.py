"""Settings are read from the environment, typed, and secure by default."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list
from config.release import release

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "MUSEUMSITE_ENV": "production",
    "SECRET_KEY": "k7#p2-production-like-secret-for-the-deploy-check-0123456789abcdef",
    "ALLOWED_HOSTS": "www.museumvereniging.example,museum.example",
    "CSRF_TRUSTED_ORIGINS": "https://www.museumvereniging.example",
    "DATABASE_URL": "sqlite:////tmp/museumsite-deploy-check.sqlite3",
}


def _clean_env(**overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "MUSEUMSITE_ENV",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            # Set by the browser suite for its own process (Playwright's loop stays up for the
            # whole session); never part of a deployment's environment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "DJANGO_SETTINGS_MODULE",
            "CSRF_TRUSTED_ORIGINS",
            "TASKS_BACKEND",
            # Addresses written into pages (the Makefile exports two of them): each one changes
            # the cache scope, which the tests below set where they mean to.
            "PUBLIC_BASE_URL",
            "WAGTAILADMIN_BASE_URL",
            "EXPORT_DYNAMIC_ORIGIN",
        }
    }
    env.update(overrides)
    return env


def _settings_in(env, *names):
    """Import config.settings in a fresh interpreter with ``env`` and return the named values."""
    code = (
        "import json, config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    return result


def test_env_bool_parses_words_not_truthiness(monkeypatch):
    monkeypatch.setenv("FLAG", "false")
    assert env_bool("FLAG") is False
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be a boolean"):
        env_bool("FLAG")


def test_env_int_list_and_choice(monkeypatch):
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="must be an integer"):
        env_int("N", 1)
    monkeypatch.setenv("HOSTS", " a.example , ,b.example")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("MODE", "staging")
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env_choice("MODE", "production", {"production", "local"})


def test_production_is_the_default_and_needs_a_secret_key():
    result = _settings_in(_clean_env(), "DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_are_secure():
    result = _settings_in(
        _clean_env(**PRODUCTION_ENV),
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "ALLOWED_HOSTS",
        "STORAGES",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["ALLOWED_HOSTS"] == ["www.museumvereniging.example", "museum.example"]
    assert "Manifest" in values["STORAGES"]["staticfiles"]["BACKEND"]


def test_debug_is_off_unless_asked_even_in_local_mode():
    result = _settings_in(_clean_env(MUSEUMSITE_ENV="local"), "DEBUG", "SECRET_KEY")
    assert json.loads(result.stdout)["DEBUG"] is False
    result = _settings_in(_clean_env(MUSEUMSITE_ENV="local", DEBUG="true"), "DEBUG")
    assert json.loads(result.stdout)["DEBUG"] is True


def test_check_deploy_reports_nothing_with_production_environment():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=_clean_env(**PRODUCTION_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_and_cache_come_from_urls():
    result = _settings_in(
        _clean_env(
            MUSEUMSITE_ENV="local",
            DATABASE_URL="postgres://museum:pw@127.0.0.1:5432/museumsite",
            REDIS_URL="redis://127.0.0.1:6379/3",
        ),
        "DATABASES",
        "CACHES",
        "WAGTAILSEARCH_BACKENDS",
    )
    values = json.loads(result.stdout)
    db = values["DATABASES"]["default"]
    assert (db["ENGINE"], db["NAME"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "museumsite",
        "127.0.0.1",
        5432,
    )
    # A database that does not answer fails fast; a runaway statement is cancelled.
    assert db["OPTIONS"]["connect_timeout"] == 5
    assert db["OPTIONS"]["options"] == "-c statement_timeout=30000"
    assert values["CACHES"]["default"]["BACKEND"] == "core.cache_backends.FailOpenRedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"
    # On PostgreSQL the database search backend uses the Dutch text-search configuration.
    assert values["WAGTAILSEARCH_BACKENDS"]["default"] == {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }


def test_defaults_are_sqlite_local_memory_and_database_search():
    result = _settings_in(
        _clean_env(MUSEUMSITE_ENV="local"), "DATABASES", "CACHES", "WAGTAILSEARCH_BACKENDS", "TASKS"
    )
    values = json.loads(result.stdout)
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["CACHES"]["default"]["BACKEND"].endswith("LocalMemoryCache")
    assert values["WAGTAILSEARCH_BACKENDS"]["default"] == {"BACKEND": "wagtail.search.backends.database"}
    assert values["TASKS"]["default"]["BACKEND"].endswith("ImmediateBackend")


def test_elasticsearch_url_selects_elasticsearch_9_with_dutch_analysis():
    result = _settings_in(
        _clean_env(MUSEUMSITE_ENV="local", ELASTICSEARCH_URL="https://elastic:pw@127.0.0.1:9200"),
        "WAGTAILSEARCH_BACKENDS",
    )
    backend = json.loads(result.stdout)["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "search.backends"  # Wagtail's Elasticsearch 9 backend with a backlog
    assert (backend["TIMEOUT"], backend["OPTIONS"]["max_retries"]) == (5, 1)
    assert backend["URLS"] == ["https://elastic:pw@127.0.0.1:9200"]
    default_analyzer = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert "dutch_stemmer" in default_analyzer["filter"]


def test_queued_tasks_backend_can_be_chosen():
    result = _settings_in(_clean_env(MUSEUMSITE_ENV="local", TASKS_BACKEND="database"), "TASKS")
    assert json.loads(result.stdout)["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_timeouts_passwords_and_proxies_have_safe_defaults_and_refuse_nonsense():
    values = json.loads(
        _settings_in(_clean_env(MUSEUMSITE_ENV="local"), "EMAIL_TIMEOUT", "AUTH_PASSWORD_VALIDATORS").stdout
    )
    assert values["EMAIL_TIMEOUT"] == 10
    lengths = [v.get("OPTIONS", {}).get("min_length") for v in values["AUTH_PASSWORD_VALIDATORS"]]
    assert 12 in lengths
    refused = _settings_in(
        _clean_env(MUSEUMSITE_ENV="local", TRUSTED_PROXIES="10.0.0.0/8,proxy.local"), "TRUSTED_PROXIES"
    )
    assert refused.returncode != 0 and "proxy.local" in refused.stderr


def test_the_shared_cache_is_scoped_by_release():
    env = _clean_env(MUSEUMSITE_ENV="local", REDIS_URL="redis://127.0.0.1:6379/15", RELEASE="2026.12.1")
    values = json.loads(_settings_in(env, "CACHES").stdout)
    assert values["CACHES"]["default"]["KEY_PREFIX"] == "museumsite:2026.12.1"
    env = _clean_env(MUSEUMSITE_ENV="local", REDIS_URL="redis://127.0.0.1:6379/15", CACHE_KEY_PREFIX="site")
    env.pop("RELEASE", None)
    prefix = json.loads(_settings_in(env, "CACHES").stdout)["CACHES"]["default"]["KEY_PREFIX"]
    assert prefix.startswith("site:") and len(prefix) == len("site:") + 12


def test_changing_an_address_written_into_pages_changes_the_cache_scope():
    base = _clean_env(MUSEUMSITE_ENV="local", REDIS_URL="redis://127.0.0.1:6379/15", RELEASE="r1")

    def prefix(**extra):
        values = json.loads(_settings_in({**base, **extra}, "CACHES").stdout)
        return values["CACHES"]["default"]["KEY_PREFIX"]

    plain = prefix()
    one = prefix(EXPORT_DYNAMIC_ORIGIN="https://app.example.org")
    two = prefix(EXPORT_DYNAMIC_ORIGIN="https://dynamic.example.org")
    assert plain == "museumsite:r1"
    assert one.startswith("museumsite:r1-") and two.startswith("museumsite:r1-") and one != two
    assert prefix(EXPORT_DYNAMIC_ORIGIN="https://app.example.org/") == one  # the same origin
    assert prefix(PUBLIC_BASE_URL="https://www.example.org") not in {plain, one, two}


def test_a_release_without_a_name_is_named_by_its_code(tmp_path, monkeypatch):
    monkeypatch.delenv("RELEASE", raising=False)
    (tmp_path / "museums" / "templates").mkdir(parents=True)
    (tmp_path / "museums" / "views.py").write_text("x = 1\n")
    template = tmp_path / "museums" / "templates" / "card.html"
    template.write_text("<p>{{ title }}</p>\n")
    (tmp_path / "constraints.txt").write_text("wagtail==8.0.1\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("")
    first = release(tmp_path)
    assert release(tmp_path) == first  # the same code, the same name
    (tmp_path / "tests" / "test_x.py").write_text("assert True\n")
    assert release(tmp_path) == first  # tests never reach the cache
    template.write_text("<p class=card>{{ title }}</p>\n")
    changed = release(tmp_path)
    assert changed != first  # a template changed: fragments of the old one are not read
    (tmp_path / "constraints.txt").write_text("wagtail==8.0.2\n")
    assert release(tmp_path) != changed  # a dependency changed
