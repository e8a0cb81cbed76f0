"""The light pages in a real browser: they fit a phone, load nothing but themselves, and print."""

from __future__ import annotations

import pytest

from explainer.html import light
from tests.e2e.conftest import ARTIFACTS, PHONE, PROJECTOR, new_context

A4 = {"width": 794, "height": 1123}  # a portrait sheet at 96 dpi


@pytest.fixture(scope="module")
def built(tmp_path_factory, content):
    return light.build(content, tmp_path_factory.mktemp("light"))


def _open(browser, path, viewport, media="screen"):
    """The page opened from disk, with every request it makes recorded."""
    context = new_context(browser, viewport=viewport)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.emulate_media(media=media)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("name", [r.light for r in light.PAGES])
def test_a_light_page_fits_a_phone_and_loads_only_itself(browser, built, content, name):
    path = next(p for p in built if p.name == name)
    route = next(r for r in light.PAGES if r.light == name)
    back = content.text("light.open_app", page=content.pages[route.id].meta.title)
    context, page = _open(browser, path, PHONE)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.requests == [path.as_uri()]
        assert page.get_by_role("link", name=back).first.is_visible()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone-light-{path.stem}.png"), full_page=True)
    finally:
        context.close()


def test_the_pathway_diagram_is_drawn_readably_on_a_phone(browser, built):
    path = next(p for p in built if p.name == "pathway.html")
    context, page = _open(browser, path, PHONE)
    try:
        box = page.locator("svg.diagram").bounding_box()
        assert box and 300 <= box["width"] <= PHONE["width"]
        label = page.locator("svg.diagram text").first.bounding_box()
        assert label and label["height"] >= 11  # type stays readable once the drawing is scaled down
        page.locator("svg.diagram").screenshot(path=str(ARTIFACTS / "phone-light-diagram.png"))
    finally:
        context.close()


def test_a_light_page_on_a_wide_screen(browser, built):
    path = next(p for p in built if p.name == "pathway.html")
    context, page = _open(browser, path, PROJECTOR)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PROJECTOR["width"]
        page.screenshot(path=str(ARTIFACTS / "projector-light-pathway.png"), full_page=True)
    finally:
        context.close()


def test_a_light_page_prints_in_portrait_without_its_controls(browser, built):
    path = next(p for p in built if p.name == "treatments.html")
    context, page = _open(browser, path, A4, media="print")
    try:
        assert not page.locator("header").is_visible()  # the nav and the app button mean nothing on paper
        assert page.evaluate("document.documentElement.scrollWidth") <= A4["width"]
        page.screenshot(path=str(ARTIFACTS / "print-light-treatments.png"))
        assert page.pdf(prefer_css_page_size=True).startswith(b"%PDF")
    finally:
        context.close()
