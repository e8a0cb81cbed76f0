"""What matters to me, with the keyboard alone: rate a wish, tick a question, download the summary."""

from pathlib import Path

from tests.e2e.conftest import tab_to, visit, wait_for_address, wait_idle
from tests.html_text import Html

# True while the keyboard focus is inside the radio group whose label contains the argument.
IN_GROUP = """label => { const group = document.activeElement && document.activeElement.closest('[role=radiogroup]');
                         return !!group && (group.getAttribute('aria-label') || '').includes(label); }"""


def test_keyboard_only_decision_flow(page, app_url, content):
    d = content.decision
    wish = d.wishes[1]
    question = content.questions[0]
    visit(page, app_url + "/treatments")
    # Tab moves from one radio group to the next; stop in the group of this wish.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(IN_GROUP, wish.label):
            break
    else:
        raise AssertionError(f"Tab never reached the choices for {wish.label!r}")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    wait_for_address(page, f"/treatments?matters={wish.id}:2")
    wait_idle(page)
    # The questions sit in a panel that opens on request.
    tab_to(page, content.text("ask.list", count=len(content.questions)))
    page.keyboard.press("Enter")
    wait_idle(page)
    tab_to(page, question.text)
    page.keyboard.press("Space")
    wait_for_address(page, f"/treatments?matters={wish.id}:2&ask={question.id}")
    wait_idle(page)
    tab_to(page, content.text("summary.download"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Html(Path(download.value.path()).read_text(encoding="utf-8")).text
    assert f"{wish.label}: {d.levels[2]}" in text
    assert question.text in text
    assert all(q.text not in text for q in content.questions[1:])
