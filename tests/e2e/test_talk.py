"""Presenter mode on a projector: arrow keys move slides, the indicator and the address follow."""
from tests.e2e.conftest import PROJECTOR, visit, wait_for_address, wait_idle


def _indicator(page):
    return page.get_by_text(" / ", exact=False).last.inner_text()


def test_arrow_keys_move_slides(page, app_url):
    page.set_viewport_size(PROJECTOR)
    visit(page, app_url + "/talk?slide=2")
    total = _indicator(page).split("/")[1].strip()
    assert _indicator(page).startswith("2 /")
    page.keyboard.press("ArrowRight")
    wait_for_address(page, "/talk?slide=3")
    wait_idle(page)
    assert _indicator(page) == f"3 / {total}"
    page.keyboard.press("ArrowLeft")
    wait_for_address(page, "/talk?slide=2")
    wait_idle(page)
    assert _indicator(page) == f"2 / {total}"


def test_each_slide_fits_the_projector_without_scrolling(page, app_url):
    page.set_viewport_size(PROJECTOR)
    visit(page, app_url + "/talk?slide=1")
    total = int(_indicator(page).split("/")[1])
    for n in range(1, total + 1):
        visit(page, app_url + f"/talk?slide={n}")
        main = page.locator('[data-testid="stMain"]')
        assert main.evaluate("m => m.scrollHeight <= m.clientHeight + 2"), f"slide {n} scrolls"
        size = page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p').first.evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)")
        assert size >= 24


def test_out_of_range_slide_opens_the_nearest_with_a_notice(page, app_url):
    visit(page, app_url + "/talk?slide=0")
    assert page.locator('[data-testid="stAlertContentInfo"]').count() == 1
    wait_for_address(page, "/talk?slide=1")
