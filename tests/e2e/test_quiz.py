"""Check what you learned in a browser: every question answered right and not yet, the feedback a reader
sees, and the link that takes them to the part that explains it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import PROJECTOR, new_context, screenshot, settle, tab_to, visit, wait_idle


def _answer(page: Page, number: int, question, option_id: str) -> None:
    group = page.get_by_test_id("stRadio").filter(has_text=f"{number}. {question.question}")
    text = next(o.text for o in question.options if o.id == option_id)
    group.get_by_text(text, exact=True).click()
    wait_idle(page)


@pytest.mark.parametrize("page_id", ["pathway", "treatments"])
def test_every_question_right_then_not_yet_with_its_link(page: Page, app_url: str, content, page_id: str) -> None:
    questions = content.quiz.pages[page_id]
    visit(page, f"{app_url}/{page_id}")
    for n, q in enumerate(questions, 1):
        _answer(page, n, q, q.answer)
        expect(page.get_by_test_id("stAlertContentSuccess").filter(has_text=q.right)).to_be_visible()
    expect(page.get_by_text(content.text("quiz.score", right=len(questions), total=len(questions)))).to_be_visible()
    screenshot(page, f"quiz-{page_id}-right-phone")
    for n, q in enumerate(questions, 1):
        _answer(page, n, q, next(o.id for o in q.options if o.id != q.answer))
        feedback = page.get_by_test_id("stAlertContentInfo").filter(has_text=q.not_yet)
        expect(feedback).to_be_visible()
        expect(feedback.get_by_role("link", name=content.text("quiz.read_again"))).to_have_attribute(
            "href", re.compile(re.escape(q.read_again) + "$")
        )
    expect(page.get_by_text(content.text("quiz.score", right=0, total=len(questions)))).to_be_visible()
    if page_id == "treatments":  # the questions to go over may join the personal summary further down
        expect(page.get_by_text(content.text("quiz.add_to_summary"))).to_be_visible()
    # The link opens the exact view that explains the first question.
    # The link opens the exact view that explains the first question (Streamlit opens Markdown links in a
    # new tab, so the reader keeps their answers).
    first = page.get_by_test_id("stAlertContentInfo").filter(has_text=questions[0].not_yet)
    with page.context.expect_page() as opened:
        first.get_by_role("link", name=content.text("quiz.read_again")).click()
    target = opened.value
    path, _, query = questions[0].read_again.partition("?")
    expect(target).to_have_url(re.compile(re.escape(path) + (r"\?" + re.escape(query) if query else "") + "$"))
    settle(target)
    expect(target.get_by_role("heading", level=1)).to_be_visible()
    target.close()


def test_the_quiz_at_projector_size(browser, app_url: str, content) -> None:
    context = new_context(browser, viewport=PROJECTOR)
    try:
        page = visit(context.new_page(), f"{app_url}/pathway")
        q = content.quiz.pages["pathway"][0]
        _answer(page, 1, q, next(o.id for o in q.options if o.id != q.answer))
        expect(page.get_by_test_id("stAlertContentInfo").filter(has_text=q.not_yet)).to_be_visible()
        screenshot(page, "quiz-pathway-projector")
        slide = next(n for n, s in enumerate(content.slides, 1) if s.visual == "quiz" and not s.reveal)
        visit(page, f"{app_url}/talk?slide={slide}")
        question = content.quiz.questions()[content.slides[slide - 1].quiz or ""]
        expect(page.get_by_text(question.question)).to_be_visible()
        page.keyboard.press("ArrowRight")
        expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(question.right)
        screenshot(page, "quiz-slide-answer-projector")
    finally:
        context.close()


def test_a_question_answered_with_the_keyboard_alone_is_announced(page: Page, app_url: str, content) -> None:
    q = content.quiz.pages["pathway"][0]
    visit(page, app_url + "/pathway")
    first = q.options[0]
    tab_to(page, first.text)
    page.keyboard.press("Space")
    wait_idle(page)
    said = q.right if first.id == q.answer else q.not_yet
    # The feedback is a status region, which screen readers announce without moving the focus.
    expect(page.locator('[role="status"]').filter(has_text=said)).to_be_visible()
