import time

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings

from core import views
from search.elasticsearch import elasticsearch_backend_settings


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
    assert response.json()["checks"]["search"] == {"ok": False, "error": "ConnectionError"}


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
