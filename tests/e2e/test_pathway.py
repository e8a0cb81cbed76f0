"""The pathway in a browser: a click on the chart or the keyboard alone selects a stage, and the URL follows."""
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import tab_to, visit, wait_for_address, wait_idle


def _details_heading(page):
    return page.locator(".st-key-stage_details h3").first.inner_text()


def test_clicking_a_stage_in_the_chart_selects_it_and_updates_the_url(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, app_url + "/pathway")
    assert "nociceptors" in _details_heading(page).lower()
    point = page.locator('[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label*="Thalamus"]')
    # Chart marks are drawn, not focusable: point at the mark the way a hand does, then click. Vega
    # attaches its listeners a moment after drawing, so a click that lands too early is tried again.
    for _ in range(5):
        point.first.evaluate("mark => mark.scrollIntoView({block: 'center'})")
        box = point.first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.up()
        try:
            wait_for_address(page, "/pathway?stage=thalamus", timeout=3000)
            break
        except PlaywrightTimeout:
            continue
    wait_idle(page)
    wait_for_address(page, "/pathway?stage=thalamus")
    assert "thalamus" in _details_heading(page).lower()
    assert page.get_by_role("combobox", name="Choose a stage").input_value().startswith("6. Relay station")


def test_the_view_switch_changes_text_and_url(page, app_url):
    visit(page, app_url + "/pathway?stage=dorsal-horn")
    page.get_by_text("Chronic pain:", exact=False).first.click()
    wait_idle(page)
    wait_for_address(page, "/pathway?stage=dorsal-horn&view=chronic")


def test_keyboard_only_chooses_a_stage(page, app_url):
    visit(page, app_url + "/pathway")
    tab_to(page, "Choose a stage")
    page.keyboard.type("cortex")
    page.keyboard.press("Enter")
    wait_idle(page)
    wait_for_address(page, "/pathway?stage=cortex")
    assert "cortex" in _details_heading(page).lower()
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + document.activeElement.tagName")
    assert focus


def test_a_wrong_id_in_a_shared_link_shows_a_notice_and_the_page(page, app_url):
    visit(page, app_url + "/pathway?stage=%3Cscript%3Ealert(1)%3C/script%3E&view=up")
    assert page.locator('[data-testid="stAlertContentInfo"]').count() == 2
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "nociceptors" in _details_heading(page).lower()
    assert page.url.endswith("/pathway")
