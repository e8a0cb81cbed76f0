"""The browser console stays clean on every page: no errors, no failed loads but Streamlit's own sub-path probes."""

import pytest

from tests.e2e.conftest import PHONE, visit
from tests.e2e.quality import PAGES, STATES, Traffic, is_streamlit_probe, settle


@pytest.fixture(scope="module")
def visitor(browser):
    """One visitor's browser: its first visit loads everything afresh, and each page opens in a new tab."""
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


@pytest.mark.parametrize("path", PAGES + STATES)
def test_no_console_errors(visitor, app_url, path):
    traffic = Traffic()
    page = traffic.watch(visitor.new_page())
    try:
        visit(page, app_url + path)
        page.locator("summary").evaluate_all("folds => folds.forEach(fold => fold.click())")
        settle(page)
        probes = {url for _, url in traffic.failed_responses if is_streamlit_probe(url, app_url)}
        # Chromium logs a failed load as "Failed to load resource" with the resource's URL as its source;
        # only those for Streamlit's probes are excused, matched by URL rather than by wording.
        errors = [(text, source) for text, source in traffic.console_errors if source not in probes]
        assert errors == [], f"{path}: console errors"
        assert traffic.page_errors == [], f"{path}: uncaught script errors"
        assert [r for r in traffic.failed_responses if r[1] not in probes] == [], f"{path}: failed loads"
        assert traffic.failed_requests == [], f"{path}: requests that did not complete"
    finally:
        page.close()
