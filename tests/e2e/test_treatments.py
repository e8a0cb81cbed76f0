"""Treatments in a browser: build a comparison with the keyboard alone, see the table and link, print it."""
from tests.e2e.conftest import PROJECTOR, tab_to, visit, wait_for_address, wait_idle
from tests.html_text import Html


def test_keyboard_builds_a_comparison_and_downloads_the_handout(page, app_url, content):
    names = [content.treatments[t].name for t in ("massage", "spine-surgery")]
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
    cells = [c.strip() for c in risks.all_inner_texts()]
    assert cells[0] == content.text("row.risks")
    assert [c.split(":", 1)[0] for c in cells[1:]] == names
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    tab_to(page, content.text("treatments.download"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    handout = Html(open(download.value.path(), encoding="utf-8").read())
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
        headers = [h.strip() for h in grid.locator("th").all_inner_texts()]
        assert headers == [content.text("handout.question"), *(content.treatments[t].name for t in ids)]
        row = grid.locator("tr", has_text=content.text("row.reversible"))
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        # The column heading names the option, so the answers do not repeat it.
        assert cells == [content.text("row.reversible"), *(" ".join(content.treatments[t].reversible.split())
                                                          for t in ids)]
        boxes = [row.locator("td").nth(i).bounding_box() for i in range(4)]
        assert len({round(b["y"]) for b in boxes}) == 1, "the answers to one question share a line"
    finally:
        context.close()


def test_more_than_three_in_a_link_keeps_three_with_a_notice(page, app_url):
    visit(page, app_url + "/treatments?compare=education,massage,medications,facet-block,bogus")
    assert page.locator('[data-testid="stAlertContentInfo"]').count() == 2
    wait_for_address(page, "/treatments?compare=education,massage,medications")
