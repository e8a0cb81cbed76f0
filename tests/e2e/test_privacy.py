"""Privacy and a clean first visit as a visitor meets them: every request stays on this host with no error in
the console, only Streamlit's own cookie, no choice kept."""

import json
import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import visit
from tests.e2e.quality import PAGES, STATES, Traffic, new_visitor, settle

# Streamlit's cross-site request forgery token (server.enableXsrfProtection): no visitor data in it.
STREAMLIT_COOKIES = {"_streamlit_xsrf"}
NETWORK_SCHEMES = ("http", "https", "ws", "wss")


@pytest.fixture(scope="module")
def visitor(browser):
    """One visitor's browser: its first visit loads everything afresh, and each page opens in a new tab."""
    context, page, traffic = new_visitor(browser)
    yield context, page, traffic
    context.close()


@pytest.mark.parametrize("path", PAGES + STATES)
def test_every_page_calls_only_this_host_with_a_clean_console(visitor, app_url, path):
    context, _, _ = visitor
    traffic = Traffic()
    page = traffic.watch(context.new_page())
    try:
        visit(page, app_url + path)
        # Folds (sources, share, treatment details) may load more when opened; some sit in a closed sidebar.
        page.locator("summary").evaluate_all("folds => folds.forEach(fold => fold.click())")
        settle(page)
        page.wait_for_load_state("networkidle")
        host = urlsplit(app_url).netloc
        outside = sorted(
            {u for u in traffic.requests if urlsplit(u).scheme in NETWORK_SCHEMES and urlsplit(u).netloc != host}
        )
        assert outside == [], f"{path} made the browser call other hosts"
        other_schemes = sorted({urlsplit(u).scheme for u in traffic.requests} - {*NETWORK_SCHEMES, "data", "blob"})
        assert other_schemes == []

        # The page names the site's root as its server (explainer/web.py), so Streamlit makes no probe of
        # /<page>/_stcore/ and no 404 is excused.
        probes = [u for u in traffic.requests if re.match(r"/[^/]+/_stcore/", urlsplit(u).path)]
        assert probes == [], f"{path}: Streamlit looked for its server under the page's path"
        assert traffic.console_errors == [], f"{path}: console errors"
        assert traffic.page_errors == [], f"{path}: uncaught script errors"
        assert traffic.failed_responses == [], f"{path}: failed loads"
        assert traffic.failed_requests == [], f"{path}: requests that did not complete"
    finally:
        page.close()


def test_only_streamlit_sets_a_cookie_and_choices_stay_out_of_storage(visitor, app_url):
    context, page, _ = visitor
    visit(page, app_url + "/treatments?compare=massage,spine-surgery")
    cookies = context.cookies()
    print("cookies seen:", [(c["name"], c["domain"], c["path"], c["httpOnly"], c["sameSite"]) for c in cookies])
    assert {c["name"] for c in cookies} <= STREAMLIT_COOKIES
    assert all(c["domain"] == urlsplit(app_url).hostname for c in cookies)
    # Streamlit keeps its theme and sidebar layout in localStorage; a visitor's choices must not be there.
    storage = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    print("browser storage:", storage)
    for choice in ("massage", "spine-surgery"):
        assert choice not in storage, f"{choice!r} is kept in the browser's storage"


# A chosen option shows as a chip with a remove button in the comparison's multiselect.
CHOSEN = '[data-testid="stMultiSelectTagsContainer"] button[aria-label^="Remove "]'


def _stage_heading(page: Page):
    return page.locator(".st-key-stage_details h3").first


def test_the_server_keeps_no_visitors_choices(browser, app_url):
    first, first_page, _ = new_visitor(browser)
    second, second_page, _ = new_visitor(browser)
    try:
        visit(first_page, app_url + "/treatments?compare=massage")
        expect(first_page.locator(CHOSEN)).to_have_count(1)
        visit(first_page, app_url + "/pathway?stage=cortex&view=chronic")
        expect(_stage_heading(first_page)).to_contain_text("cortex", ignore_case=True)

        # Another visitor, and the same visitor in a new tab, see the usual views.
        for page in (second_page, first.new_page()):
            visit(page, app_url + "/treatments")
            expect(page).to_have_url(app_url + "/treatments")
            expect(page.locator(CHOSEN)).to_have_count(0)
            visit(page, app_url + "/pathway")
            expect(page).to_have_url(app_url + "/pathway")
            expect(_stage_heading(page)).not_to_contain_text("cortex", ignore_case=True)
    finally:
        first.close()
        second.close()


def test_no_other_site_may_steer_the_app_from_a_page_that_embeds_it(app_url):
    """Streamlit's frontend obeys messages (rerun, stop, set a token) from the origins its server lists; by
    default those are Streamlit's cloud hosts. This app lists none (.streamlit/config.toml)."""
    with urllib.request.urlopen(app_url + "/_stcore/host-config", timeout=10) as response:
        config = json.load(response)
    assert config["allowedOrigins"] == []
