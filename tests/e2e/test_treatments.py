"""Treatments in a browser: build a comparison with the keyboard alone, see the table and link, print it."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import PROJECTOR, new_context, settle, tab_to, visit, wait_for_address, wait_idle
from tests.html_text import Html

# What the ladder's picture shows (the page draws it as an image made ahead, marked on the server).
LADDER_MARKS = """(names) => {
  const img = [...document.querySelectorAll('.drawn-chart img')].find(i => i.offsetWidth > 0 && i.complete);
  if (!img) return false;
  const bytes = Uint8Array.from(atob(img.src.split(',')[1]), c => c.charCodeAt(0));
  const svg = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml');
  const ticked = [...svg.querySelectorAll('.role-axis-label text')].map(t => t.textContent)
    .filter(t => t.endsWith(' ✓'));
  const outlined = [...svg.querySelectorAll('[aria-roledescription="bar"]')]
    .filter(b => b.getAttribute('stroke') && +b.getAttribute('stroke-width') > 0)
    .map(b => /name: ([^;]*)/.exec(b.getAttribute('aria-label'))[1]);
  return JSON.stringify([ticked, outlined]) === JSON.stringify([names.map(n => n + ' ✓'), names]);
}"""


def _type_until_listed(page, name: str) -> None:
    """Type an option's name into the focused list until the list shows that option alone, as a person looks
    before pressing Enter. Enter picks the list's first entry: while the list still matches part of the name
    that is "Select N matches", which ticks them all; and a redraw of the page just after the last choice can
    drop letters already typed (both seen on a busy machine). Ctrl+A first, so typing again replaces them."""
    listed = page.get_by_role("option")
    for _ in range(3):
        page.keyboard.press("Control+a")
        page.keyboard.type(name)
        try:
            expect(listed).to_have_text([name], timeout=5_000)
            return
        except AssertionError:
            continue
    expect(listed).to_have_text([name])


def test_keyboard_builds_a_comparison_and_downloads_the_handout(page, app_url, content):
    names = [content.treatments[t].name for t in ("massage", "spine-surgery")]
    columns = [*names, content.no_treatment.name]  # no new treatment is beside every comparison
    visit(page, app_url + "/treatments")
    tab_to(page, content.text("treatments.choose"))
    chosen = page.locator('[data-testid="stMultiSelectTagsContainer"] button[aria-label^="Remove "]')
    for n, name in enumerate(names, 1):
        _type_until_listed(page, name)
        page.keyboard.press("Enter")
        wait_idle(page)
        expect(chosen).to_have_count(n)
        settle(page)  # chosen and the comparison drawn before the next name is typed
    page.keyboard.press("Escape")
    wait_for_address(page, "/treatments?compare=massage,spine-surgery")
    wait_idle(page)
    # The ladder above marks the options chosen, each with a tick after its name and an outline.
    shorts = [content.treatments[t].short for t in ("massage", "spine-surgery")]
    page.wait_for_function(LADDER_MARKS, arg=shorts, timeout=10_000)
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
    # Building the comparison reran only the ladder and the comparison; the personal summary further down,
    # made when its button is pressed, still holds the options compared and the link to this view.
    tab_to(page, content.text("summary.download"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    summary = Html(Path(download.value.path()).read_text(encoding="utf-8")).text
    assert all(name in summary for name in columns)
    assert "/treatments?compare=massage,spine-surgery" in summary


def test_on_a_wide_screen_the_comparison_is_a_grid_with_options_as_columns(browser, app_url, content):
    ids = ("massage", "spine-surgery", "medications")
    context = new_context(browser, viewport=PROJECTOR)
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


def test_an_option_on_the_ladder_opens_in_place_from_the_keyboard(page, app_url, content):
    """The ladder's options open in the page itself (no round trip), with a keyboard as with a finger."""
    t = content.treatments["spinal-cord-stimulation"]
    visit(page, app_url + "/treatments")
    box = page.locator(f"#details-{t.id}")
    expect(box).not_to_have_attribute("open", "")
    for _ in range(150):  # the chart's alt text names every option too: Tab to this summary itself
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('#details-{t.id} > summary')"):
            break
    else:
        raise AssertionError(f"Tab never reached {t.name!r} on the ladder")
    page.keyboard.press("Enter")
    expect(box).to_have_attribute("open", "")
    expect(box.get_by_text(content.text("row.risks"), exact=True)).to_be_visible()
    link = box.get_by_role("link", name=content.text("treatments.see_pathway"))
    expect(link).to_have_attribute("href", f"/pathway?treatment={t.id}")
    # Drawn like the app's own panels: a tap target of at least 48 px, and the app's styles applied.
    summary = box.locator("summary")
    assert summary.bounding_box()["height"] >= 48
    page.keyboard.press("Enter")
    expect(box).not_to_have_attribute("open", "")
