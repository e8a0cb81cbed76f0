"""Phones at 390x844: no box sticks out of the screen, charts fit, and controls are big enough to tap (WCAG 2.5.8).
(That the document as a whole fits the width is test_smoke's check, at phone and projector size.)"""

import pytest

from tests.e2e.conftest import PHONE, visit
from tests.e2e.quality import PAGES, STATES

MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (AA)

# Controls where 2.5.8 applies, measured by what a finger actually hits. Links inside text are exempt
# (2.5.8's inline exception). A select's focusable input is a sliver inside its frame, so the target is the
# nearest box with a border. Streamlit hides real checkbox and radio inputs; their labels are tapped.
# Left out, both drawn by Streamlit inside its select widgets, so the app cannot size them:
# - the "Open" chevron button inside a select's frame: the whole frame opens the list, and it is measured;
# - the "Remove <option>" button on a multiselect chip (about 16x7 px): Backspace in the field removes
#   the last choice, and the chosen options can also be changed through the link.
STREAMLIT_INSIDE_SELECT = (
    '[data-testid="stSelectbox"] button[aria-label="Open"], '
    '[data-testid="stMultiSelect"] button[aria-label="Open"], '
    '[data-testid="stMultiSelectTagsContainer"] button[aria-label^="Remove "]'
)
TARGETS = (
    """min => {
    const frame = e => { let x = e;
        while (x && x.parentElement && parseFloat(getComputedStyle(x).borderTopWidth) === 0)
            x = x.parentElement;
        return x && x !== document.body ? x : e; };
    const visible = e => e.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const checked = [
        ...[...document.querySelectorAll('button, summary')]
            .filter(e => !e.matches('"""
    + STREAMLIT_INSIDE_SELECT
    + """')),
        ...[...document.querySelectorAll('[role="combobox"]')].map(frame),
        ...[...document.querySelectorAll('input[type="checkbox"], input[type="radio"]')]
            .map(e => e.closest('label') || e),
    ].filter(visible);
    // Other things a finger can hit, for the spacing rule: text fields and links.
    const others = [...document.querySelectorAll('textarea, input:not([type="hidden"]), a[href]')]
        .map(frame).filter(visible);
    const box = e => e.getBoundingClientRect();
    const all = [...new Set([...checked, ...others])].filter(e => box(e).width > 0 && box(e).height > 0);
    const centre = b => [b.left + b.width / 2, b.top + b.height / 2];
    const small = e => box(e).width < min || box(e).height < min;
    const related = (a, b) => a.contains(b) || b.contains(a);
    // 2.5.8's spacing exception: an undersized target passes when a circle of 24 px diameter on its centre
    // touches no other target and no other undersized target's circle.
    const crowded = e => { const [x, y] = centre(box(e));
        return all.filter(o => o !== e && !related(o, e)).some(o => { const b = box(o);
            const dx = Math.max(b.left - x, 0, x - b.right), dy = Math.max(b.top - y, 0, y - b.bottom);
            if (Math.hypot(dx, dy) < min / 2) return true;
            const [ox, oy] = centre(b);
            return small(o) && Math.hypot(ox - x, oy - y) < min; }); };
    return checked.filter(e => box(e).width > 0 && box(e).height > 0 && small(e) && crowded(e))
        .map(e => ({what: e.tagName.toLowerCase()
                          + (e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''),
                    label: (e.getAttribute('aria-label') || e.innerText || '').trim().slice(0, 50),
                    width: Math.round(box(e).width * 10) / 10, height: Math.round(box(e).height * 10) / 10}));
}"""
)

# What a visitor sees sticking out past the screen's edge, or has to scroll sideways to read. A box is cut
# to what its clipping ancestors show (a slider's range input is hidden that way on purpose). A closed
# sidebar is parked off the left edge of the screen: Streamlit's drawer, not overflow.
WIDE = """width => {
    const shown = e => { const side = e.closest('[data-testid="stSidebar"]');
                         return e.checkVisibility() && (!side || side.getBoundingClientRect().right > 0); };
    const name = e => `${e.tagName.toLowerCase()}`
        + `[${e.getAttribute('data-testid') || e.className.toString().slice(0, 30)}]`;
    const problems = [];
    for (const e of document.querySelectorAll('body *')) {
        if (!shown(e)) continue;
        let b = e.getBoundingClientRect(), left = b.left, right = b.right;
        for (let a = e.parentElement; a && a !== document.body && right > left; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') {
                const c = a.getBoundingClientRect();
                left = Math.max(left, c.left); right = Math.min(right, c.right);
            }
        }
        if (right > left && (right > width + 1 || left < -1))
            problems.push(`sticks out: ${name(e)} left=${Math.round(left)} right=${Math.round(right)}`);
        const style = getComputedStyle(e);
        if (/(auto|scroll)/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
            problems.push(`scrolls sideways: ${name(e)} ${e.scrollWidth} px of content in ${e.clientWidth} px`);
    }
    return problems.slice(0, 20);
}"""


@pytest.mark.parametrize("path", PAGES + STATES)
def test_the_page_fits_a_phone_and_its_controls_can_be_tapped(tab, app_url, path):
    tab.set_viewport_size(PHONE)
    visit(tab, app_url + path)
    width = PHONE["width"]
    # A box that sticks out of the screen is cut off or needs sideways scrolling inside its container.
    problems: list[str] = tab.evaluate(WIDE, width)
    for chart in tab.locator('[data-testid="stVegaLiteChart"], .drawn-chart').all():
        box = chart.bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > width:
            problems.append(f"chart {chart.get_attribute('aria-label') or ''} at x={box['x']:.0f} w={box['width']:.0f}")
    problems += [
        f"target smaller than {MIN_TARGET}x{MIN_TARGET} px and too close to others: {t}"
        for t in tab.evaluate(TARGETS, MIN_TARGET)
    ]
    assert problems == [], f"{path} on a {width} px phone:\n" + "\n".join(problems)
