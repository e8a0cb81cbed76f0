"""The pathway in a browser: a click on the chart or the keyboard alone selects a stage, and the URL follows;
each view drawn on the body, on a phone and a large screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from bench.run import STAGE_MARK, press_mark
from explainer import charts
from explainer import content as content_module
from tests.e2e.conftest import ARTIFACTS, PHONE, PROJECTOR, tab_to, visit, wait_for_address, wait_idle


def _details_heading(page: Page):
    return page.locator(".st-key-stage_details h3").first


def _stage_list(page: Page):
    return page.get_by_role("radiogroup", name="Choose a stage")


def _stage_option(page: Page, name: str):
    """A stage in the list, by part of its name: its label, which is what a hand taps."""
    return page.locator('.st-key-pathway_stage [data-testid="stRadioOption"]').filter(has_text=name)


def _chosen_stage(page: Page):
    return _stage_list(page).get_by_role("radio", checked=True)


def _click_stage_mark(page: Page, name: str, address: str) -> None:
    """Click a stage's mark in the chart until the address shows it. Chart marks are drawn, not focusable:
    point at the mark the way a hand does, then click. Vega attaches its listeners a moment after drawing,
    so a click that lands too early is tried again."""
    point = page.locator(f'{STAGE_MARK}[aria-label*="{name}"]').first
    for _ in range(5):
        press_mark(page, point)
        try:
            wait_for_address(page, address, timeout=3000)
            break
        except AssertionError:
            continue
    wait_idle(page)
    wait_for_address(page, address)


POINT_WIDTHS = """() => [...document.querySelectorAll('.drawn-chart [aria-roledescription="point"]')]
    .map(p => [p.getAttribute('aria-label').split('.')[0], p.getBoundingClientRect().width])"""


def _chosen_mark_label(page: Page) -> str:
    """The label drawn bold in the chart: the stage the diagram shows as chosen."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.drawn-chart text')]
            .filter(t => getComputedStyle(t).fontWeight >= 600 || t.getAttribute('font-weight') === 'bold')
            .map(t => t.textContent).filter(t => /^\\d\\. /.test(t)).join('|')"""
    )


def test_clicking_a_stage_in_the_chart_selects_it_and_updates_the_url(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, app_url + "/pathway")
    expect(_details_heading(page)).to_contain_text("nociceptors", ignore_case=True)
    _click_stage_mark(page, "Thalamus", "/pathway?stage=thalamus")
    expect(_details_heading(page)).to_contain_text("thalamus", ignore_case=True)
    expect(_chosen_stage(page)).to_have_accessible_name(re.compile(r"^6\. Relay station"))
    # The diagram marks the chosen stage, also when it is chosen from the list instead; and a click on the
    # stage chosen before the list was used still chooses it again.
    page.wait_for_function("() => true")
    assert _chosen_mark_label(page).startswith("6. ")
    # and draws its circle larger than the others
    widths = dict(page.evaluate(POINT_WIDTHS))
    chosen = widths.pop("6")
    assert all(chosen > 1.2 * w for w in widths.values()), (chosen, widths)
    _stage_option(page, "cortex").click()
    wait_for_address(page, "/pathway?stage=cortex")
    wait_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.drawn-chart text')]"
        ".some(t => t.textContent.startsWith('7. ') && t.getAttribute('font-weight') === 'bold')"
    )
    _click_stage_mark(page, "Thalamus", "/pathway?stage=thalamus")
    expect(_details_heading(page)).to_contain_text("thalamus", ignore_case=True)


def test_the_view_switch_changes_text_and_url(page, app_url):
    visit(page, app_url + "/pathway?stage=dorsal-horn")
    page.get_by_text("Chronic pain:", exact=False).first.click()
    wait_idle(page)
    wait_for_address(page, "/pathway?stage=dorsal-horn&view=chronic")


def test_keyboard_only_chooses_a_stage(page, app_url):
    """Tab reaches the chosen stage in the list; each arrow chooses the next stage, the page follows, and
    the keyboard stays on the list while it does."""
    visit(page, app_url + "/pathway")
    tab_to(page, "1. Danger sensors")
    for n, address in ((2, "peripheral-nerve"), (3, "nerve-root")):
        page.keyboard.press("ArrowDown")
        wait_for_address(page, f"/pathway?stage={address}")
        wait_idle(page)
        focused = _stage_list(page).get_by_role("radio", name=re.compile(rf"^{n}\. "))
        expect(focused).to_be_focused()
        expect(focused).to_be_checked()
    expect(_details_heading(page)).to_contain_text("nerve root", ignore_case=True)
    page.keyboard.press("ArrowUp")
    wait_for_address(page, "/pathway?stage=peripheral-nerve")
    expect(_stage_list(page).get_by_role("radio", name=re.compile(r"^2\. "))).to_be_focused()


def test_a_wrong_id_in_a_shared_link_shows_a_notice_and_the_page(page, app_url):
    visit(page, app_url + "/pathway?stage=%3Cscript%3Ealert(1)%3C/script%3E&view=up")
    expect(page.get_by_test_id("stAlertContentInfo")).to_have_count(2)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(_details_heading(page)).to_contain_text("nociceptors", ignore_case=True)
    expect(page).to_have_url(re.compile(r"/pathway$"))


def test_a_treatment_chosen_marks_where_it_acts_and_stays_while_stages_change(page, app_url, content):
    """The overlay's list reruns the whole page: the diagram marks the option's stages; a stage chosen after
    it (a rerun of the diagram's part alone) keeps the option in the link and on the diagram."""
    treatment = content.treatments["spinal-cord-stimulation"]
    visit(page, app_url + "/pathway?stage=dorsal-horn")
    marked = page.locator('.drawn-chart [aria-roledescription="point"][aria-label*="◆"]')
    expect(marked).to_have_count(0)
    page.get_by_role("combobox", name=content.text("pathway.treatment")).click()
    page.keyboard.type("cord stim")
    expect(page.get_by_role("option")).to_have_text([treatment.name])  # the list has caught up with the typing
    page.keyboard.press("Enter")
    wait_for_address(page, "/pathway?stage=dorsal-horn&treatment=spinal-cord-stimulation")
    wait_idle(page)
    expect(marked).to_have_count(len(treatment.acts_at))
    expect(page.get_by_text(content.text("pathway.compare_link", treatment=treatment.name))).to_be_visible()
    _stage_option(page, "thalamus").click()
    wait_for_address(page, "/pathway?stage=thalamus&treatment=spinal-cord-stimulation")
    wait_idle(page)
    expect(_details_heading(page)).to_contain_text("thalamus", ignore_case=True)
    expect(marked).to_have_count(len(treatment.acts_at))


# The pathway on a person seen from behind: each view drawn on a phone and on a large screen, saved for a
# person to look at, with the stage labels apart from each other and inside the chart.
VIEWS = {
    "acute": "",
    "chronic": "?view=chronic",
    "stage": "?stage=nerve-root",
    "treatment": "?stage=dorsal-horn&treatment=spinal-cord-stimulation",
}
LEGEND_DASHES = """chart => [...chart.querySelectorAll('.role-legend-symbol path')]
    .map(p => p.getAttribute('stroke-dasharray') || '')"""
LABEL_BOXES = """chart => [...chart.querySelectorAll('.mark-text text')]
    .filter(t => /^\\d\\. /.test(t.textContent))
    .map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom]; })"""


def _labels_apart_and_inside(chart) -> None:
    boxes = chart.evaluate(LABEL_BOXES)
    assert len(boxes) == 8, boxes
    frame = chart.bounding_box()
    for n, (text, left, top, right, bottom) in enumerate(boxes):
        assert frame["x"] <= left and right <= frame["x"] + frame["width"] + 1, f"{text} leaves the chart"
        for other, l2, t2, r2, b2 in boxes[n + 1 :]:
            assert bottom <= t2 or b2 <= top or right <= l2 or r2 <= left, f"{text} meets {other}"


@pytest.mark.parametrize("size", ["phone", "projector"])
def test_each_view_is_drawn_on_the_body_with_its_labels_apart(page, app_url, size):
    page.set_viewport_size(PHONE if size == "phone" else PROJECTOR)
    for name, query in VIEWS.items():
        visit(page, app_url + "/pathway" + query)
        chart = page.locator(".drawn-chart").first
        chart.scroll_into_view_if_needed()
        # the body is drawn: a filled outline under the stages, silent to screen readers
        expect(chart.locator("g.mark-line path").first).to_be_attached()
        expect(chart.locator('[aria-roledescription="point"]')).to_have_count(8)
        marked = chart.locator('[aria-roledescription="point"][aria-label*="◆"]')
        expect(marked).to_have_count(2 if name == "treatment" else 0)
        _labels_apart_and_inside(chart)
        # the legend draws the signal's line solid and the brakes' dashed, as the arrows are: not colour alone
        solid, dashed = chart.evaluate(LEGEND_DASHES)
        assert solid in ("", "1,0") and dashed not in ("", "1,0"), (solid, dashed)
        chart.screenshot(path=str(ARTIFACTS / f"pathway-{size}-{name}.png"))


def test_the_slides_draw_the_same_body_at_1920x1080(page, app_url):
    page.set_viewport_size(PROJECTOR)
    content = content_module.load()
    visuals = [s.visual for s in content.slides]
    for view in ("acute", "chronic"):
        visit(page, app_url + f"/talk?slide={visuals.index(f'pathway-{view}') + 1}")
        # drawn ahead as a picture from the same spec (explainer/pictures.py): drawn, sharp, described
        picture = page.locator('[data-testid="stImage"] img')
        expect(picture).to_have_attribute("alt", charts.pathway_alt(content, view, None))
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
        box = picture.bounding_box()
        assert box and box["width"] >= 600 and box["y"] + box["height"] <= PROJECTOR["height"], box
        page.screenshot(path=str(ARTIFACTS / f"pathway-slide-{view}.png"))


def _windup_summary(content, repeats: int, brakes: int) -> str:
    curve = charts.windup_curve(repeats, brakes / 100)
    first, last = curve["loudness"].iloc[0], curve["loudness"].iloc[-1]
    return content.text(
        "windup.summary", repeats=repeats, brakes=brakes, first=content.decimal(first), last=content.decimal(last)
    )


@pytest.mark.parametrize("view", ["acute", "chronic"])
def test_the_wind_up_is_a_picture_drawn_ahead_wherever_its_sliders_stand(page, app_url, view):
    """Each view opens with its wind-up drawn ahead (no chart library to load), described by the same summary
    a live chart has; a slider moved by keyboard brings the picture of the new values."""
    content = content_module.load()
    repeats, brakes = charts.WINDUP_START[view]
    visit(page, app_url + f"/pathway?view={view}")
    picture = page.locator('[data-testid="stImage"] img')
    expect(picture).to_have_attribute("alt", _windup_summary(content, repeats, brakes))
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the picture did not load"
    box = picture.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)  # no chart library on the page
    picture.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"windup-{view}-picture-phone.png"))

    page.get_by_test_id("stSlider").first.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    # the picture drawn ahead for the new place of the sliders, still no chart library
    expect(picture).to_have_attribute("alt", _windup_summary(content, repeats + 1, brakes))
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the new picture did not load"
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)
