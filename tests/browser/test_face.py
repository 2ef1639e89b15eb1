"""The site's face in a real browser: axe-core on every page type in every language of the site
(``settings.LANGUAGES``, so a language added later is checked without a change here), on forms in
their error states and at a phone's width; keyboard-only runs through the finder's filters, the
agenda's filters, the Q&A suggestions, the partner form and the collapsing menu."""

import re

import pytest

from .test_accessibility import _axe_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def _report(label, path, page):
    return [
        f"{label} {path}: [{v['impact']}] {v['id']}: {v['help']} "
        f"({', '.join(str(node['target']) for node in v['nodes'][:3])})"
        for v in _axe_violations(page)
    ]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, bypass_csp=True, is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()


# --- axe ---------------------------------------------------------------------------------------


def test_every_page_type_in_every_language_has_no_serious_axe_violation(live_site, page):
    localised = live_site["localised"]
    failures, seen = [], set()
    for label, versions in sorted(localised["pages"].items()):
        for code, path in sorted(versions.items()):
            response = page.goto(live_site["base_url"] + path)
            assert response is not None and response.status == 200, f"{label} {path}"
            assert page.evaluate("() => document.documentElement.lang") == code, path
            failures += _report(label, path, page)
            seen.add(code)
    assert seen == set(localised["languages"]), "every language of the site has pages checked"
    assert not failures, "\n".join(failures)


def test_every_page_type_at_a_phone_width_with_the_menu_open(live_site, phone):
    failures = []
    for label, path in sorted(live_site["samples"].items()):
        if not path:
            continue
        phone.goto(live_site["base_url"] + path)
        failures += _report(f"{label} (375 px)", path, phone)
        phone.click("[data-menu-toggle]")
        assert phone.is_visible(".main-nav a")
        failures += _report(f"{label} (375 px, menu open)", path, phone)
    assert not failures, "\n".join(failures)


def _agenda_form_path(live_site):
    return live_site["samples"]["agenda.AgendaIndexPage"] + "aanmelden/"


def test_forms_in_their_error_states_have_no_serious_axe_violation(live_site, page):
    base = live_site["base_url"]
    failures = []

    page.goto(base + _agenda_form_path(live_site))
    page.click("form button[type=submit]")
    page.wait_for_selector("[role=alert]")
    failures += _report("partner form, errors", page.url, page)

    page.goto(base + live_site["samples"]["qa.QuestionPage"])
    page.fill("form.qa-feedback__form textarea", "x" * 20)
    page.evaluate("() => document.querySelector('form.qa-feedback__form').submit()")  # no yes/no
    page.wait_for_selector(".qa-errors[role=alert]")
    failures += _report("Q&A feedback, errors", page.url, page)

    for prefix in ("", "/en"):
        page.goto(f"{base}{prefix}/_util/login/")
        page.fill("#id_username", "niemand")
        page.fill("#id_password", "fout-wachtwoord")
        page.click("form button[type=submit]")
        page.wait_for_selector("[role=alert]")
        failures += _report("members' login, errors", page.url, page)
    assert not failures, "\n".join(failures)


# --- keyboard only -----------------------------------------------------------------------------


def _focus_is_visible(page):
    """The focused element shows a ring (an outline of 2 px or more, or a box shadow) and is at
    least partly on screen (Chromium scrolls a date field's part, not the whole field, into view)."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        const onScreen = rect.width > 0 && rect.height > 0 && rect.top < window.innerHeight && rect.bottom > 0;
        const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
        return onScreen && ring;
    }""")


def _describe_focus(page):
    return page.evaluate("""() => {
        const el = document.activeElement;
        const all = Array.from(document.querySelectorAll('*'));
        return {index: all.indexOf(el), tag: el.tagName.toLowerCase(), id: el.id || '',
                name: el.getAttribute('name') || '', text: (el.textContent || '').trim().slice(0, 40),
                type: el.getAttribute('type') || ''};
    }""")


def _tab_until(page, predicate, limit=80, container=None):
    """Press Tab until ``predicate(focus)`` holds; every stop must show its focus and, within
    ``container``, come later in the document than the one before (a logical order)."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = _describe_focus(page)
        inside = container is None or page.evaluate(
            "(selector) => !!document.activeElement.closest(selector)", container
        )
        if inside:
            assert _focus_is_visible(page), f"focus not visible on {focus}"
            if visited:
                # >=: Tab steps through the parts of a date field (day, month, year) in place.
                assert focus["index"] >= visited[-1]["index"], f"focus went back: {visited[-1]} -> {focus}"
            visited.append(focus)
        if predicate(focus):
            return visited
    raise AssertionError(f"not reached in {limit} presses of Tab; visited {visited}")


def test_the_finder_filters_by_keyboard(live_site, page):
    page.goto(live_site["base_url"] + live_site["samples"]["museums.MuseumIndexPage"])
    _tab_until(page, lambda f: f["name"] == "q", container=".finder__form")
    page.keyboard.type("museum")
    _tab_until(page, lambda f: f["name"] == "open_now", container=".finder__form")
    page.keyboard.press("Space")
    assert page.is_checked("input[name=open_now]")
    visited = _tab_until(
        page, lambda f: f["tag"] == "button" and f["type"] == "submit", container=".finder__form"
    )
    assert len(visited) >= 2
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=museum" in page.url and "open_now=on" in page.url


def test_the_agenda_filters_by_keyboard(live_site, page):
    page.goto(live_site["base_url"] + live_site["samples"]["agenda.AgendaIndexPage"])
    first = _tab_until(page, lambda f: f["tag"] in {"input", "select"}, container=".agenda-filters")
    assert first
    visited = _tab_until(
        page, lambda f: f["tag"] == "button" and f["type"] == "submit", container=".agenda-filters"
    )
    assert len(visited) >= 2
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "?" in page.url


def test_the_qa_suggestions_by_keyboard(live_site, page):
    page.goto(live_site["base_url"] + live_site["samples"]["qa.QAIndexPage"])
    _tab_until(page, lambda f: f["id"] == "qa-q")
    page.keyboard.type("kaart")
    page.wait_for_selector(".qa-suggestions li a")
    status = page.text_content(".qa-suggestions [aria-live]")
    assert re.search(r"\d+ suggesties", status), status  # announced
    _tab_until(
        page,
        lambda f: (
            f["tag"] == "a"
            and bool(page.evaluate("() => !!document.activeElement.closest('.qa-suggestions')"))
        ),
        limit=15,
        container="form.qa-search",
    )
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target)


def test_the_partner_form_by_keyboard_announces_its_errors(live_site, page):
    page.goto(live_site["base_url"] + _agenda_form_path(live_site))
    visited = _tab_until(
        page, lambda f: f["tag"] == "button" and f["type"] == "submit", limit=60, container="form"
    )
    names = [f["name"] for f in visited]
    assert names.index("title") < names.index("contact_email") < names.index("consent")
    assert "website" not in names  # the bots' field is out of the order
    with page.expect_navigation():
        page.keyboard.press("Enter")
    alert = page.wait_for_selector("[role=alert]")
    assert "title" in alert.inner_html() or alert.inner_text().strip()
    # The summary's links lead to their fields.
    page.focus("[role=alert] a")
    field = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => '#' + document.activeElement.id") == field


def test_the_menu_collapses_at_a_phone_width_and_works_by_keyboard(live_site, phone):
    phone.goto(live_site["base_url"] + "/")
    button = phone.locator("[data-menu-toggle]")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert not phone.is_visible(".main-nav a")
    _tab_until(phone, lambda f: f["tag"] == "button" and "menu" in f["text"].lower(), limit=5)
    assert _focus_is_visible(phone)
    phone.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and phone.is_visible(".main-nav a")
    phone.keyboard.press("Tab")
    first_link = phone.evaluate("() => document.activeElement.closest('.main-nav') !== null")
    assert first_link, "the first Tab after opening reaches the menu"
    assert _focus_is_visible(phone)
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not phone.is_visible(".main-nav a")
    assert phone.evaluate("() => document.activeElement.hasAttribute('data-menu-toggle')")
    # Space opens it too; Tab past its last link closes it.
    phone.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    for _ in range(40):
        phone.keyboard.press("Tab")
        if not phone.evaluate("() => !!document.activeElement.closest('[data-site-header]')"):
            break
    assert button.get_attribute("aria-expanded") == "false"


def test_without_javascript_the_menu_stays_open_at_a_phone_width(live_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_site["base_url"] + "/")
    assert not tab.is_visible("[data-menu-toggle]")
    assert tab.is_visible(".main-nav a")
    context.close()


def test_the_menu_is_never_collapsed_on_a_wide_screen(live_site, page):
    page.goto(live_site["base_url"] + "/")
    assert not page.is_visible("[data-menu-toggle]") and page.is_visible(".main-nav a")
