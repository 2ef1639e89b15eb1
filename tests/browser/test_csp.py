"""The Content-Security-Policy in a real browser: pages work under it and report no violation.

The tab honours the policy (no ``bypass_csp``, unlike the axe suite) and records every
``securitypolicyviolation`` and every refusal the console reports. Each page must load with the
policy, report nothing, and run its own scripts: the museum finder offers "use my location", the
Q&A search box gets its suggestion list, the API docs draw Swagger UI. A script injected into a
page is refused, so the policy is really enforced.
"""

import pytest

pytestmark = pytest.mark.browser


def _visit(live_site, page, path, status=200):
    response = page.goto(live_site["base_url"] + path)
    assert response is not None and response.status == status, f"{path}: HTTP {response and response.status}"
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, f"{path}: {policy!r}"
    page.wait_for_load_state("load")
    return response


def _violations(page):
    return page.evaluate("() => window.__cspViolations") + page.csp_console


def test_pages_run_their_own_scripts_under_the_policy_and_report_no_violation(live_site, strict_page):
    page = strict_page
    failures = {}

    # Every page type (the museum page with its JSON-LD, the figures page with its charts, ...).
    for label, path in sorted(live_site["samples"].items()):
        if path:
            _visit(live_site, page, path)
            assert page.locator("script[type='application/ld+json'][nonce]").count() >= 1, label
            failures[path] = _violations(page)

    _visit(live_site, page, "/musea/")
    page.locator("[data-locate]").wait_for(state="visible", timeout=5000)  # museums.js ran
    failures["/musea/"] = _violations(page)

    _visit(live_site, page, "/vragen/")
    assert page.locator(".qa-suggestions").count() >= 1  # qa.js ran
    page.fill("input[data-qa-suggest]", "museumkaart")
    page.locator(".qa-suggestions li a").first.wait_for(timeout=5000)  # and fetched from the API
    failures["/vragen/"] = _violations(page)

    _visit(live_site, page, "/api/v1/docs")
    page.locator(".swagger-ui .info .title").wait_for(timeout=10000)  # Swagger UI drew the document
    page.locator(".opblock").first.wait_for(timeout=10000)
    failures["/api/v1/docs"] = _violations(page)

    _visit(live_site, page, "/deze-pagina-bestaat-niet/", status=404)
    failures["404"] = _violations(page)

    reported = {path: found for path, found in failures.items() if found}
    assert not reported, reported


def test_an_injected_inline_script_is_refused(live_site, strict_page):
    """Guards the test above: the tab does enforce the policy and does record violations."""
    page = strict_page
    _visit(live_site, page, "/")
    with pytest.raises(Exception):  # noqa: B017 - Playwright reports the refused script as an error
        page.add_script_tag(content="window.__injected = true;")
    assert page.evaluate("() => window.__injected === undefined")
    page.wait_for_function("() => window.__cspViolations.length > 0", timeout=5000)
    assert any(entry.startswith("script-src") for entry in _violations(page))
