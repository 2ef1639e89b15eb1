"""The server process as gunicorn loads it (``config.wsgi``)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import gc
before = gc.get_freeze_count()
import config.wsgi
from django.urls import get_resolver
print(before, gc.get_freeze_count(), get_resolver().url_patterns is not None)
"""


def test_the_wsgi_module_freezes_what_it_loaded_out_of_the_garbage_collector():
    env = {**os.environ, "MUSEUMSITE_ENV": "local", "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, after, urls = result.stdout.split()
    assert int(before) == 0
    # Django, Wagtail, the project and its URL configuration: far more than a few objects.
    assert int(after) > 50_000, after
    assert urls == "True"
