"""Hostile and broken links in a real browser: the page renders with its notices, never an error, no script in a
link runs, nothing of the link is shown back, and the address bar drops what was not used.

Every page x parameter x value is tried without a browser (tests/test_every_state.py, with the values of
tests/hostile.py); the link parser is tried on random input (tests/test_links.py). Here the browser samples
them: the value that would set a flag if any script from it ran, on every page, and each other value once,
the pages taken in turn. A visit puts its value into every parameter of the page at once.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import visit, wait_idle
from tests.e2e.quality import new_visitor
from tests.hostile import CONTRACT, NAMES, UNKNOWN, XSS_FLAG, expected_notices, link

PATHS = list(CONTRACT)
FLAG_SETTER = "flag-setter"
SAMPLE = [(path, FLAG_SETTER) for path in PATHS] + [
    (PATHS[n % len(PATHS)], name) for n, name in enumerate(name for name in NAMES if name != FLAG_SETTER)
]
NOTICE = '[data-testid="stAlertContentInfo"] [data-testid="stMarkdownContainer"]'


def test_the_sample_tries_every_value_and_every_page():
    assert {name for _, name in SAMPLE} == set(NAMES)
    assert {path for path, _ in SAMPLE} == set(PATHS)


@pytest.fixture(scope="module")
def visitor(browser):
    context, page, traffic = new_visitor(browser)
    yield page, traffic
    context.close()


@pytest.mark.parametrize(("path", "value_name"), SAMPLE, ids=[f"{path}-{name}" for path, name in SAMPLE])
def test_a_hostile_link_renders_the_page_with_a_notice(visitor, app_url, content, path, value_name):
    page, traffic = visitor
    traffic.dialogs.clear()
    traffic.page_errors.clear()
    visit(page, app_url + link(path, value_name))

    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    notices = [n.strip() for n in page.locator(NOTICE).all_inner_texts()]
    assert content.text("notice.unknown-parameter") in notices, f"no notice for the unknown parameter: {notices}"
    for param in CONTRACT[path]:
        assert expected_notices(content, param) & set(notices), f"no notice for {param}: {notices}"

    assert traffic.dialogs == [], "a script from the link ran"
    assert page.evaluate(f"typeof {XSS_FLAG}") == "undefined", "a script from the link ran"
    expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:" i]')).to_have_count(0)
    assert traffic.page_errors == []
    # The address bar, and so the share link and its QR code, drop what was not used.
    assert UNKNOWN not in parse_qs(urlsplit(page.url).query), f"the address bar keeps {UNKNOWN}: {page.url[:200]}"
    open_sidebar = page.get_by_test_id("stExpandSidebarButton")
    if path == "/talk" and open_sidebar.is_visible():  # on slides the footer sits in the closed sidebar
        open_sidebar.click()
    # The share panel is built when opened. By keyboard: after /talk the sidebar stays open, and on a
    # phone it covers the page.
    page.locator(".st-key-share_panel summary").focus()
    page.keyboard.press("Enter")
    page.locator('.st-key-share_panel [data-testid="stCode"]').wait_for()
    wait_idle(page)
    text = page.locator('[data-testid="stMain"]').text_content()  # folded text too, such as the share link
    for echoed in ("alert(1)", "onerror", "onload", "дорсальный", "🩺", "\u202e", UNKNOWN):
        assert echoed not in text, f"the page shows part of the link back: {echoed!r}"
