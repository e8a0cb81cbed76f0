"""Every page and state in a real browser, at phone and projector size: it renders with its frame, fits the
width and axe finds no serious WCAG 2.2 AA violation. (What it loads and the console are test_privacy's
concern, phone layout test_phone's, keyboard focus test_accessibility's.)"""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from explainer.routes import ROUTES
from tests.e2e.conftest import PHONE, PROJECTOR, StartApp, new_context, screenshot, visit, wait_for_address
from tests.e2e.quality import EXAMPLES, PAGES, STATES, describe_violations, reveal_everything, serious_violations

SIZES = {"phone": PHONE, "projector": PROJECTOR}
# axe looks at each page at phone size and at a laptop's width, where the desktop layout starts: the same
# visit, the window narrowed from the projector's width (the layout follows the width without a reload).
AXE_WIDTH = {"phone": PHONE["width"], "projector": 1280}
# Streamlit's own chrome that the app cannot change. Empty on purpose: on Streamlit 1.67 axe finds nothing
# serious in it. Add a selector here only for an element Streamlit draws, with the reason beside it.
STREAMLIT_CHROME: list[str] = []


def _name(path: str) -> str:
    return re.sub(r"[?&=,:]", "-", path.strip("/")) or "home"


def test_every_link_parameter_has_an_example_state():
    """The states below come from explainer.routes; a parameter without an example would go unvisited."""
    missing = [f"{route.id}: {param}" for route in ROUTES for param in route.params if param not in EXAMPLES]
    assert missing == [], f"add an example value to tests/e2e/quality.py EXAMPLES for {missing}"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", PAGES + STATES)
def test_the_page_renders_with_its_frame_and_no_serious_wcag_violations(tab: Page, app_url: str, path: str, size: str):
    """One visit per page and size for both checks: a visit is most of a browser test's time."""
    tab.set_viewport_size(SIZES[size])
    visit(tab, app_url + path)
    screenshot(tab, f"{size}-{_name(path)}")
    expect(tab.get_by_test_id("stException")).to_have_count(0)
    expect(tab.locator("h1").first).to_be_visible()
    expect(tab.get_by_text("not medical advice").first).to_be_attached()
    expect(tab.get_by_text("Last reviewed").first).to_be_attached()
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], f"{path} is {width} px wide on a {SIZES[size]['width']} px screen"

    tab.set_viewport_size({"width": AXE_WIDTH[size], "height": SIZES[size]["height"]})
    reveal_everything(tab)
    violations = serious_violations(tab, exclude=STREAMLIT_CHROME)
    assert not violations, describe_violations(violations, f"{path} ({AXE_WIDTH[size]} px wide)")


def test_a_deep_link_is_the_first_visit_of_a_fresh_server(browser: Browser, start_app_server: StartApp):
    """A fresh server's first visitor may arrive by a shared link; the page still has its frame."""
    app = start_app_server("fresh")
    context = new_context(browser, viewport=PHONE)
    try:
        page = visit(context.new_page(), app.url + "/treatments?compare=massage,spine-surgery")
        expect(page.get_by_text("Last reviewed")).to_have_count(1)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_role("dialog")).to_have_count(0)
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(1)
    finally:
        context.close()
        app.stop()


@pytest.mark.parametrize("route", [r for r in ROUTES if r.light], ids=lambda r: r.id)
def test_the_app_serves_each_light_page_and_it_leads_to_the_interactive_view(page: Page, app_url: str, content, route):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(f"{app_url}/app/static/light/{route.light}")
    assert response is not None and response.status == 200, f"{route.light}: {response and response.status}"
    assert response.headers["content-type"].startswith("text/html")
    assert requests == [f"{app_url}/app/static/light/{route.light}"], "a light page loads nothing but itself"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    back = content.text("light.open_app", page=content.pages[route.id].meta.title)
    link = page.get_by_role("link", name=back, exact=True).first
    expect(link).to_have_attribute("href", route.href)


def test_share_panel_offers_the_light_page(page: Page, app_url: str):
    visit(page, app_url + "/treatments")
    page.get_by_text("Share this view").click()
    link = page.get_by_role("link", name="Slow connection?", exact=False)
    expect(link).to_have_attribute("href", f"{app_url}/app/static/light/treatments.html")


def _shared_link(page: Page):
    return page.locator('.st-key-share_panel [data-testid="stCode"]')


def test_the_open_share_panel_follows_a_stage_chosen(page: Page, app_url: str):
    """Choosing a stage reruns only the diagram's part of the page; an open share panel still shows the new
    link, not the one it was opened with."""
    visit(page, app_url + "/pathway?stage=nociceptors")
    page.locator(".st-key-share_panel summary").click()
    expect(_shared_link(page)).to_contain_text("stage=nociceptors")
    page.locator('.st-key-pathway_stage [data-testid="stRadioOption"]').filter(has_text="cortex").click()
    wait_for_address(page, "/pathway?stage=cortex")
    expect(_shared_link(page)).to_contain_text("stage=cortex")


def test_the_open_share_panel_follows_a_comparison_built(page: Page, app_url: str):
    """Building a comparison reruns only the ladder and the comparison; an open share panel still shows the
    link with the options compared."""
    visit(page, app_url + "/treatments")
    page.locator(".st-key-share_panel summary").click()
    expect(_shared_link(page)).to_contain_text("/treatments")
    page.get_by_role("combobox", name="Choose two or three options to compare").click()
    page.keyboard.type("Massage")
    expect(page.get_by_role("option")).to_have_count(1)
    page.keyboard.press("Enter")
    wait_for_address(page, "/treatments?compare=massage")
    expect(_shared_link(page)).to_contain_text("compare=massage")


def test_the_open_share_panel_follows_the_slides(browser: Browser, app_url: str):
    # A context of its own: Streamlit remembers an opened sidebar in the browser, and the other tests'
    # pages would then open with it over the page.
    context = new_context(browser, viewport=PROJECTOR)
    try:
        page = context.new_page()
        visit(page, app_url + "/talk?slide=1")
        page.get_by_test_id("stExpandSidebarButton").click()
        page.locator(".st-key-share_panel summary").click()
        expect(_shared_link(page)).to_contain_text("slide=1")
        page.locator(".st-key-talk_next button").click()
        wait_for_address(page, "/talk?slide=2")
        expect(_shared_link(page)).to_contain_text("slide=2")
    finally:
        context.close()
