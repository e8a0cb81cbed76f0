"""The browser the tests drive: Chromium with Playwright's own switches, and without the address bar's popup."""

import re

from playwright.sync_api import Page

from deploy.processes import OMNIBOX_POPUP


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
