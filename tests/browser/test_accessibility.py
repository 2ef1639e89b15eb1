"""Accessibility in a real browser: axe-core on every page type, and the keyboard basics.

Fails on any serious or critical axe violation. Page types are taken from the demo content
(``manage.py sample_urls``), so new page types join the suite automatically.
"""

import pytest

pytestmark = pytest.mark.browser

EXTRA_PAGES = {
    "search results": "/zoeken/?q=museum",
    "search results (en)": "/en/zoeken/?q=museum",
    "404": "/deze-pagina-bestaat-niet/",
    "home (en)": "/en/",
}
BLOCKING = {"serious", "critical"}


def _pages(live_site):
    pages = {label: url for label, url in live_site["samples"].items() if url}
    pages.update(EXTRA_PAGES)
    return sorted(pages.items())


def _axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            }
        },
    )
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING]


def test_every_page_type_has_no_serious_or_critical_axe_violation(live_site, page):
    failures = []
    checked = []
    for label, path in _pages(live_site):
        response = page.goto(live_site["base_url"] + path)
        assert response is not None
        expected = 404 if label == "404" else 200
        assert response.status == expected, f"{label} {path}: HTTP {response.status}"
        for violation in _axe_violations(page):
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            failures.append(
                f"{label} {path}: [{violation['impact']}] {violation['id']}: {violation['help']} ({targets})"
            )
        checked.append(label)
    assert "home.HomePage" in checked and "home.StandardPage" in checked
    assert not failures, "\n".join(failures)


def _focus_is_visible(page):
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        const inView = rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight;
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
        return inView && ring;
    }""")


def test_skip_link_is_first_visible_on_focus_and_moves_to_main(live_site, page):
    page.goto(live_site["base_url"] + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip-link", "#main"]
    assert _focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_main_navigation_is_reachable_and_visibly_focused(live_site, page):
    page.goto(live_site["base_url"] + "/")
    nav_links = page.eval_on_selector_all(".main-nav a", "links => links.map(a => a.textContent.trim())")
    assert len(nav_links) >= 2
    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        inside_nav = page.evaluate("() => !!document.activeElement.closest('.main-nav')")
        if inside_nav:
            assert _focus_is_visible(page), "focus in the main navigation must be visible"
            reached.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        if reached and not inside_nav:
            break
    assert reached == nav_links


def test_language_switcher_reaches_the_english_translation(live_site, page):
    page.goto(live_site["base_url"] + "/over-ons/")
    page.click(".language-switcher a[hreflang='en']")
    assert page.url.endswith("/en/about-us/")
    assert page.evaluate("() => document.documentElement.lang") == "en"


def test_the_axe_harness_reports_violations(live_site, page):
    """Guards the suite itself: a page with an unlabelled image and form field must fail."""
    page.goto(live_site["base_url"] + "/")
    page.set_content(
        '<html lang="nl"><body><main><h1>x</h1><img src="/x.png"><input type="text"></main></body></html>'
    )
    ids = {violation["id"] for violation in _axe_violations(page)}
    assert {"image-alt", "label"} <= ids
