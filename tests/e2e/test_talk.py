"""Presenter mode on a projector: arrow keys move slides, the indicator and the address follow."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PROJECTOR, arrow_to, visit, wait_for_address, wait_idle


def _indicator(page: Page):
    return page.get_by_text(" / ", exact=False).last


def _total(page: Page) -> int:
    return int(_indicator(page).inner_text().split("/")[1])


def next_slide(page: Page, n: int) -> None:
    """The arrow key to slide n: its address, every chart drawn, and its number shown."""
    arrow_to(page, f"/talk?slide={n}")
    expect(_indicator(page)).to_have_text(re.compile(rf"^{n} / \d+$"))


def test_arrow_keys_move_slides(page, app_url):
    page.set_viewport_size(PROJECTOR)
    visit(page, app_url + "/talk?slide=2")
    expect(_indicator(page)).to_have_text(re.compile(r"^2 / \d+$"))
    total = _total(page)
    page.keyboard.press("ArrowRight")
    wait_for_address(page, "/talk?slide=3")
    wait_idle(page)
    expect(_indicator(page)).to_have_text(f"3 / {total}")
    page.keyboard.press("ArrowLeft")
    wait_for_address(page, "/talk?slide=2")
    wait_idle(page)
    expect(_indicator(page)).to_have_text(f"2 / {total}")


def test_each_slide_fits_the_projector_without_scrolling(page, app_url):
    """Stepped through with the arrow key, as a presenter does."""
    page.set_viewport_size(PROJECTOR)
    visit(page, app_url + "/talk?slide=1")
    for n in range(1, _total(page) + 1):
        if n > 1:
            next_slide(page, n)
        main = page.get_by_test_id("stMain")
        assert main.evaluate("m => m.scrollHeight <= m.clientHeight + 2"), f"slide {n} scrolls"
        size = main.locator('[data-testid="stMarkdownContainer"] p').first.evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)"
        )
        assert size >= 24, f"slide {n}: body text is {size} px, too small to read from the back of a room"


def test_out_of_range_slide_opens_the_nearest_with_a_notice(page, app_url):
    visit(page, app_url + "/talk?slide=0")
    expect(page.get_by_test_id("stAlertContentInfo")).to_have_count(1)
    wait_for_address(page, "/talk?slide=1")
