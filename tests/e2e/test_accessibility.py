"""WCAG 2.2 AA as a keyboard user meets it: a visible focus on the controls. (axe-core on every page and state
at phone and laptop width runs in test_smoke, on the same visit as its other checks.)"""

import pytest

from tests.e2e.conftest import tab_to, visit

FOCUS_STYLE = """() => {
    // The focused element and its ancestors up to the widget: a select's focus shows on its frame,
    // not on the small text input inside it that holds the focus.
    const out = [];
    for (let e = document.activeElement; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        out.push({tag: e.tagName, testid: e.getAttribute('data-testid') || '',
                  outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                           ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
                  boxShadow: s.boxShadow, border: `${s.borderTopWidth} ${s.borderTopColor}`});
        if (/^st(Selectbox|MultiSelect|Button)$/.test(e.getAttribute('data-testid') || '')) break;
    }
    return out;
}"""


def _focus_indicator(page):
    """The outline or box shadow that appears only while the control has keyboard focus."""
    focused = page.evaluate(FOCUS_STYLE)
    page.evaluate("() => { window.__focused = document.activeElement; document.activeElement.blur(); }")
    blurred_chain = page.evaluate(FOCUS_STYLE.replace("document.activeElement", "window.__focused"))
    shown = [
        (f["tag"], f["testid"], f["outline"], f["boxShadow"])
        for f, b in zip(focused, blurred_chain, strict=True)
        if (f["outline"] != "none" and f["outline"] != b["outline"])
        or (f["boxShadow"] != "none" and f["boxShadow"] != b["boxShadow"])
    ]
    return shown, {"focused": focused, "after blur": blurred_chain}


@pytest.mark.parametrize(
    "path, label",
    [
        ("/pathway", lambda c: f"1. {c.pathway.stages[0].name}"),  # the stage list: its chosen stage takes focus
        ("/treatments", lambda c: c.text("treatments.choose")),
        ("/talk?slide=3", lambda c: c.text("talk.next")),
    ],
    ids=["stage list", "compare list", "next slide"],
)
def test_the_focused_control_shows_a_focus_indicator(page, app_url, content, path, label):
    visit(page, app_url + path)
    tab_to(page, label(content))
    shown, chain = _focus_indicator(page)
    assert shown, (
        f"{path}: tabbing to {label(content)!r} shows no outline or box-shadow on the focused "
        f"control or its frame; computed styles from the focused element up to the widget: {chain}"
    )
