"""Treatments in a browser: build a comparison with the keyboard alone, see the table and link, print it."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import PROJECTOR, tab_to, visit, wait_for_address, wait_idle
from tests.html_text import Html


def test_keyboard_builds_a_comparison_and_downloads_the_handout(page, app_url, content):
    names = [content.treatments[t].name for t in ("massage", "spine-surgery")]
    columns = [*names, content.no_treatment.name]  # no new treatment is beside every comparison
    visit(page, app_url + "/treatments")
    tab_to(page, content.text("treatments.choose"))
    for name in names:
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        wait_idle(page)
    page.keyboard.press("Escape")
    wait_for_address(page, "/treatments?compare=massage,spine-surgery")
    wait_idle(page)
    # On a phone the grid stacks: each question, then every answer led by its option's name.
    risks = page.locator(".st-key-comparison tr", has_text=content.text("row.risks")).locator("td")
    expect(risks).to_have_text(
        [content.text("row.risks"), *(re.compile(f"^{re.escape(n)}:") for n in columns)], use_inner_text=True
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    tab_to(page, content.text("treatments.download"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    handout = Html(Path(download.value.path()).read_text(encoding="utf-8"))
    text = handout.text
    assert all(name in text for name in names) and content.site.disclaimer in text
    assert "/treatments?compare=massage,spine-surgery" in text
    assert "script" not in handout.tags


def test_on_a_wide_screen_the_comparison_is_a_grid_with_options_as_columns(browser, app_url, content):
    ids = ("massage", "spine-surgery", "medications")
    context = browser.new_context(viewport=PROJECTOR)
    try:
        page = visit(context.new_page(), app_url + "/treatments?compare=" + ",".join(ids))
        grid = page.locator(".st-key-comparison table")
        options = [*(content.treatments[t] for t in ids), content.no_treatment]  # no new treatment: always beside
        expect(grid.locator("th")).to_have_text(
            [content.text("handout.question"), *(o.name for o in options)], use_inner_text=True
        )
        row = grid.locator("tr", has_text=content.text("row.reversible"))
        # The column heading names the option, so the answers do not repeat it (as shown: innerText).
        expect(row.locator("td")).to_have_text(
            [content.text("row.reversible"), *(" ".join(o.reversible.split()) for o in options)], use_inner_text=True
        )
        boxes = [row.locator("td").nth(i).bounding_box() for i in range(len(options) + 1)]
        tops = {round(box["y"]) for box in boxes if box is not None}
        assert None not in boxes and len(tops) == 1, f"the answers to one question share a line: {boxes}"
    finally:
        context.close()


def test_more_than_three_in_a_link_keeps_three_with_a_notice(page, app_url):
    visit(page, app_url + "/treatments?compare=education,massage,medications,facet-block,bogus")
    expect(page.get_by_test_id("stAlertContentInfo")).to_have_count(2)
    wait_for_address(page, "/treatments?compare=education,massage,medications")
