"""The pathway in a browser: a click on the chart or the keyboard alone selects a stage, and the URL follows."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import tab_to, visit, wait_for_address, wait_idle


def _details_heading(page: Page):
    return page.locator(".st-key-stage_details h3").first


def _stage_list(page: Page):
    return page.get_by_role("combobox", name="Choose a stage")


def test_clicking_a_stage_in_the_chart_selects_it_and_updates_the_url(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, app_url + "/pathway")
    expect(_details_heading(page)).to_contain_text("nociceptors", ignore_case=True)
    point = page.locator('[data-testid="stVegaLiteChart"] [aria-roledescription="point"][aria-label*="Thalamus"]')
    # Chart marks are drawn, not focusable: point at the mark the way a hand does, then click. Vega
    # attaches its listeners a moment after drawing, so a click that lands too early is tried again.
    for _ in range(5):
        point.first.evaluate("mark => mark.scrollIntoView({block: 'center'})")
        box = point.first.bounding_box()
        assert box is not None, "the Thalamus mark is not drawn"
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        page.mouse.up()
        try:
            wait_for_address(page, "/pathway?stage=thalamus", timeout=3000)
            break
        except AssertionError:
            continue
    wait_idle(page)
    wait_for_address(page, "/pathway?stage=thalamus")
    expect(_details_heading(page)).to_contain_text("thalamus", ignore_case=True)
    expect(_stage_list(page)).to_have_value(re.compile(r"^6\. Relay station"))


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
    expect(_details_heading(page)).to_contain_text("cortex", ignore_case=True)
    # The choice is made and the keyboard stays where it was: the next Tab goes on from the stage list.
    expect(_stage_list(page)).to_be_focused()
    expect(_stage_list(page)).to_have_value(re.compile("cortex", re.IGNORECASE))


def test_a_wrong_id_in_a_shared_link_shows_a_notice_and_the_page(page, app_url):
    visit(page, app_url + "/pathway?stage=%3Cscript%3Ealert(1)%3C/script%3E&view=up")
    expect(page.get_by_test_id("stAlertContentInfo")).to_have_count(2)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(_details_heading(page)).to_contain_text("nociceptors", ignore_case=True)
    expect(page).to_have_url(re.compile(r"/pathway$"))
