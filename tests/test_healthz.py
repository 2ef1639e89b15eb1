import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings

from core import views
from search.elasticsearch import elasticsearch_backend_settings
from tests.faults import SilentListener, closed_port


@pytest.mark.django_db
def test_healthz_reports_every_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_degraded_within_a_second_when_the_cache_is_down(client):
    # The production cache backend on a loopback port where nothing listens: the site still
    # answers from the database, so the health check says "degraded" (200), and quickly.
    caches = {
        "default": {
            "BACKEND": "core.cache_backends.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=caches):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert elapsed < 1.0


@pytest.mark.django_db
def test_healthz_is_503_when_the_search_backend_is_down(client):
    backends = {
        "default": {
            **elasticsearch_backend_settings("http://127.0.0.1:1"),
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["search"] == {"ok": False, "error": "ConnectionError", "backlog": 0}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setitem(views.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {settings.PUBLIC_BASE_URL}/sitemap.xml" in text
    assert f"max-age={settings.CACHE_CONTROL_PRESETS['robots']['max_age']}" in response["Cache-Control"]


@pytest.mark.parametrize("stand_in", ["hung", "dead"])
def test_healthz_says_503_quickly_when_postgresql_does_not_answer(stand_in):
    """A PostgreSQL that accepts connections and never answers (or a closed port): /healthz is a
    503 within the connect timeout, so a load balancer sees it, and the site's pages a clear error
    rather than a worker held until it is killed. Run in a fresh interpreter with its own
    DATABASE_URL (the suite's own database stays as it is)."""
    listener = SilentListener() if stand_in == "hung" else None
    port = listener.port if listener else closed_port()
    code = (
        "import json, time, django; django.setup(); from django.test import Client; "
        "c = Client(); t = time.monotonic(); r = c.get('/healthz'); "
        "print(json.dumps([r.status_code, time.monotonic() - t, r.json()['checks']['database']]))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "ELASTICSEARCH_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MUSEUMSITE_ENV": "local",
        "DATABASE_URL": f"postgres://museum@127.0.0.1:{port}/museumsite",
        "DATABASE_CONNECT_TIMEOUT": "2",
    }
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=Path(__file__).resolve().parent.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        if listener:
            listener.close()
    status, elapsed, database = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503 and database["ok"] is False, result.stdout
    assert elapsed < 8, f"/healthz took {elapsed:.1f}s with the database {stand_in}"
