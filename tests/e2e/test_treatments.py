"""Treatments in a browser: build a comparison with the keyboard alone, see the table and link, print it."""
from tests.e2e.conftest import tab_to, visit, wait_for_address, wait_idle
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
    assert page.get_by_role("heading", name=content.text("row.risks")).count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    tab_to(page, content.text("treatments.download"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    handout = Html(open(download.value.path(), encoding="utf-8").read())
    text = handout.text
    assert all(name in text for name in names) and content.site.disclaimer in text
    assert "/treatments?compare=massage,spine-surgery" in text
    assert "script" not in handout.tags


def test_more_than_three_in_a_link_keeps_three_with_a_notice(page, app_url):
    visit(page, app_url + "/treatments?compare=education,massage,medications,facet-block,bogus")
    assert page.locator('[data-testid="stAlertContentInfo"]').count() == 2
    wait_for_address(page, "/treatments?compare=education,massage,medications")
