"""Check what you learned: a few questions a reader answers, each told at once right or not yet, in one
kind sentence with a link to the part that explains it, and a score without judgement at the end.
Answers live only in this visit's widgets; they are never put in a link, kept or sent anywhere."""

from __future__ import annotations

import streamlit as st

from explainer.content import Content, QuizQuestion
from explainer.ui import frame, run


def _key(page_id: str, question: QuizQuestion) -> str:
    return f"quiz_{page_id}_{question.id}"


# The questions to go over as the page around the quiz last showed them: (page id, questions).
_SHOWN = "_quiz_to_go_over"


@st.fragment
def section(content: Content, page_id: str) -> None:
    """A fragment: an answer reruns only the questions, not the page around them; unless the page offers
    the questions to go over for the personal summary (shown_to_go_over) and that list has changed."""
    questions = content.quiz.pages.get(page_id, ())
    if not questions:
        return
    frame.heading(content.text("quiz.title"), content.quiz.intro)
    right = 0
    for n, q in enumerate(questions, 1):
        options = {o.id: o.text for o in q.options}
        chosen = st.radio(
            f"{n}. {q.question}", list(options), index=None, key=_key(page_id, q), format_func=options.__getitem__
        )
        if chosen is None:
            continue
        if chosen == q.answer:
            right += 1
            st.success(f"**{content.text('quiz.right')}** {q.right}", icon=":material/check_circle:")
        else:
            link = frame.with_language(q.read_again)
            st.info(
                f"**{content.text('quiz.not_yet')}** {q.not_yet} [{content.text('quiz.read_again')}]({link})",
                icon=":material/replay:",
            )
    answered = sum(st.session_state.get(_key(page_id, q)) is not None for q in questions)
    if answered == len(questions):
        st.markdown(content.text("quiz.score", right=right, total=len(questions)))
    shown = st.session_state.get(_SHOWN)
    if run.in_fragment_run() and shown is not None and shown[0] == page_id and shown[1] != tuple(to_go_over(content)):
        st.rerun(scope="app")


def shown_to_go_over(content: Content, page_id: str) -> list[str]:
    """to_go_over, for a part of the page outside the quiz that shows it: when an answer changes the list,
    the whole page runs again so that part follows."""
    again = to_go_over(content)
    st.session_state[_SHOWN] = (page_id, tuple(again))
    return again


def to_go_over(content: Content) -> list[str]:
    """The questions this visit answered not yet right, on any page, for the personal summary."""
    return [
        q.question
        for page_id, questions in content.quiz.pages.items()
        for q in questions
        if st.session_state.get(_key(page_id, q)) not in (None, q.answer)
    ]
