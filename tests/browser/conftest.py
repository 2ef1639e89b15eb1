"""A real server with the demo content for the browser suite, and a headless Chromium.

The server runs ``manage.py runserver`` on a free loopback port against its own temporary SQLite
database loaded with ``load_demo``, so the browser sees exactly what a visitor sees.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


# One demo page per page type in every language the site has (``settings.LANGUAGES``: a language
# added later joins the suite by itself), translations and aliases alike: {label: {code: path}}.
LOCALISED_SAMPLES = """
import json
from django.conf import settings
from wagtail.models import Page
from core.page_types import sample_pages
codes = [code for code, _name in settings.LANGUAGES]
found = {}
for label, sample in sample_pages().items():
    if sample is None:
        continue
    versions = Page.objects.filter(translation_key=sample.translation_key, live=True).select_related("locale")
    found[label] = {v.locale.language_code: v.url for v in versions if v.locale.language_code in codes}
print("SAMPLES=" + json.dumps({"languages": codes, "pages": found}))
"""


def _localised(env):
    output = _manage(env, "shell", "--no-imports", "-c", LOCALISED_SAMPLES).stdout
    return json.loads(output.rsplit("SAMPLES=", 1)[1])


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, timeout=600):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    running = os.environ.get("BROWSER_SITE_URL")
    if running:
        # A site already running with the demo (``make run``), whose database this environment
        # names: no second demo to load.
        yield {
            "base_url": running.rstrip("/"),
            "samples": json.loads(_manage(dict(os.environ), "sample_urls").stdout),
            "localised": _localised(dict(os.environ)),
            "env": dict(os.environ),
        }
        return
    workdir = tmp_path_factory.mktemp("browser-site")
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
        },
        "MUSEUMSITE_ENV": "local",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DOCUMENTS_ROOT": str(workdir / "documents"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo", "--no-admin", "--verbosity", "0")
    samples = json.loads(_manage(env, "sample_urls").stdout)
    localised = _localised(env)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/healthz", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the test server did not start") from None
            time.sleep(0.3)
    yield {"base_url": base_url, "samples": samples, "localised": localised, "env": env}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(live_site):
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an asyncio loop marked as running in the main thread
    # for as long as the browser is open (the whole session): Django's ORM would then refuse to
    # run in every later test, all of them synchronous, as it does for a fixture that opens its
    # own transaction (tests/test_export.py).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # axe-core is injected into the pages it checks, which their Content-Security-Policy refuses;
    # tests/browser/test_csp.py loads pages under the policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def strict_page(browser):
    """A tab that honours the Content-Security-Policy and records every violation the page
    reports (``securitypolicyviolation`` events in ``window.__cspViolations``, and the console's
    refusals in ``tab.csp_console``)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push("
        "`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));"
    )
    tab = context.new_page()
    tab.csp_console = []

    def record(message):
        if "Content Security Policy" in message.text:
            tab.csp_console.append(message.text)

    tab.on("console", record)
    yield tab
    context.close()
