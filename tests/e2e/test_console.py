"""The browser console stays clean on every page: no errors, no failed loads but Streamlit's own sub-path probes."""
import pytest

from tests.e2e.conftest import visit
from tests.e2e.quality import PAGES, STATES, is_streamlit_probe, new_visitor, settle


@pytest.mark.parametrize("path", PAGES + STATES)
def test_no_console_errors(browser, app_url, path):
    context, page, traffic = new_visitor(browser)
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
        context.close()
