"""Hostile and broken links: every page still renders with a notice, never an error, and no script in a link runs.

Each visit puts one sampled value into every parameter of a page's link contract at once, plus a parameter
the contract does not know, and checks that each parameter is answered with its own notice. That covers
every page x parameter x value while keeping the visits to pages x values.
"""

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

from explainer.routes import COMMON_PARAMS, ROUTES
from tests.e2e.conftest import visit, wait_idle
from tests.e2e.quality import new_visitor

# Each page's address and the parameters of its link contract, its own and those every page reads.
CONTRACT = {route.href: [*route.params, *COMMON_PARAMS] for route in ROUTES}
UNKNOWN = "utm_source"
XSS_FLAG = "window.__xss"
# name -> the value as it appears in the URL (already percent-encoded where it must be; raw bytes on purpose).
VALUES = {
    "malformed": "%ZZ%2",
    "empty": "",
    "oversized": "a" * 5000,
    "script-tag": quote("<script>alert(1)</script>"),
    "attribute-break": quote('"><img src=x onerror=alert(1)>'),
    "javascript-url": quote("javascript:alert(1)"),
    "flag-setter": quote(f'"><svg onload="{XSS_FLAG}=1"><img src=x onerror="{XSS_FLAG}=1">'),
    # Cyrillic, an emoji and a right-to-left override (which can make a link read backwards) in one value.
    "non-ascii": quote("дорсальный🩺") + "%E2%80%AEnoitces",
    "nul": "%00",
}
REPEATED = "repeated"
NOTICE = '[data-testid="stAlertContentInfo"] [data-testid="stMarkdownContainer"]'


def _link(path, value_name):
    params = CONTRACT[path] + [UNKNOWN]
    if value_name == REPEATED:
        query = "&".join(f"{p}=one&{p}=two" for p in params)
    else:
        query = "&".join(f"{p}={VALUES[value_name]}" for p in params)
    return f"{path}?{query}"


def _expected_notices(content, param):
    """Every message that can answer a bad value of this parameter, from the content's own wording."""
    problems = ("unknown", "repeated", "too-long", "too-many", "empty", "out-of-range")
    return {content.text(f"notice.{problem}", param=param) for problem in problems}


@pytest.fixture(scope="module")
def visitor(browser):
    context, page, traffic = new_visitor(browser)
    yield page, traffic
    context.close()


@pytest.mark.parametrize("value_name", [*VALUES, REPEATED])
@pytest.mark.parametrize("path", list(CONTRACT))
def test_a_hostile_link_renders_the_page_with_a_notice(visitor, app_url, content, path, value_name):
    page, traffic = visitor
    traffic.dialogs.clear()
    traffic.page_errors.clear()
    visit(page, app_url + _link(path, value_name))

    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    notices = [n.strip() for n in page.locator(NOTICE).all_inner_texts()]
    assert content.text("notice.unknown-parameter") in notices, f"no notice for the unknown parameter: {notices}"
    for param in CONTRACT[path]:
        assert _expected_notices(content, param) & set(notices), f"no notice for {param}: {notices}"

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
