"""The browser the tests drive: Chromium with Playwright's own switches, without the address bar's popup, and
with one renderer process per site, so a new tab starts with the app's JavaScript compiled."""

import re

from playwright.sync_api import BrowserContext, Page

from deploy.processes import OMNIBOX_POPUP
from tests.e2e.conftest import visit


def test_chromium_keeps_playwrights_disabled_features_and_drops_the_omnibox_popup(page: Page):
    page.goto("chrome://version")
    command_line = page.locator("#command_line").inner_text()
    lists = [set(found.split(",")) for found in re.findall(r"--disable-features=(\S+)", command_line)]
    assert len(lists) >= 2, f"expected Playwright's --disable-features and ours: {command_line[:500]}"
    # Chromium reads the last --disable-features only; it must still hold every feature Playwright turns off.
    playwright, used = lists[0], lists[-1]
    missing = sorted(playwright - used)
    assert not missing, f"Playwright now also disables {missing}: add them to deploy/processes.py"
    assert set(OMNIBOX_POPUP.split(",")) <= used
    targets = page.context.browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    assert not [t["url"] for t in targets if "omnibox" in t["url"]], "the omnibox popup is still prepared"


def _renderers(context: BrowserContext) -> int:
    assert context.browser is not None
    processes = context.browser.new_browser_cdp_session().send("SystemInfo.getProcessInfo")["processInfo"]
    return sum(1 for process in processes if process["type"] == "renderer")


def test_a_new_tab_of_the_app_starts_in_the_renderer_process_of_the_open_one(shared_context: BrowserContext, app_url):
    first = shared_context.new_page()
    try:
        visit(first, app_url + "/learn")
        before = _renderers(shared_context)
        second = shared_context.new_page()
        visit(second, app_url + "/talk")
        assert _renderers(shared_context) == before, "the new tab got a renderer process of its own"
        second.close()
    finally:
        first.close()
