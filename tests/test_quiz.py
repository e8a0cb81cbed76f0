"""Check what you learned, through AppTest: right or not yet at once, a link to what explains it, a score
without judgement, questions to go over in the summary, and the room's quiz slides."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from explainer import routes
from tests.conftest import ROOT


def _open(page_id: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(routes.BY_ID[page_id].script_path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _wrong(question) -> str:
    return next(o.id for o in question.options if o.id != question.answer)


def test_each_answer_is_told_right_or_not_yet_with_a_link_to_read_again(content):
    questions = content.quiz.pages["pathway"]
    at = _open("pathway")
    # the title as a second-level heading, with the intro under it (frame.heading)
    assert any(m.value.startswith(f"## {content.text('quiz.title')}\n") for m in at.markdown)
    first, second = questions[0], questions[1]
    at.radio(key=f"quiz_pathway_{first.id}").set_value(first.answer).run()
    assert [s.value for s in at.success] == [f"**{content.text('quiz.right')}** {first.right}"]
    at.radio(key=f"quiz_pathway_{second.id}").set_value(_wrong(second)).run()
    feedback = [i.value for i in at.info if second.not_yet in i.value]
    assert feedback and f"({second.read_again})" in feedback[0]
    assert not any(content.text("quiz.score", right=1, total=len(questions)) in m.value for m in at.markdown)
    for q in questions[2:]:
        at.radio(key=f"quiz_pathway_{q.id}").set_value(q.answer).run()
    score = content.text("quiz.score", right=len(questions) - 1, total=len(questions))
    assert any(score == m.value for m in at.markdown)


def test_the_link_to_read_again_keeps_the_language(content):
    spanish_question = content.quiz.pages["treatments"][0]
    at = _open("treatments", lang="es")
    at.radio(key=f"quiz_treatments_{spanish_question.id}").set_value(_wrong(spanish_question)).run()
    assert any(
        f"({spanish_question.read_again}{'&' if '?' in spanish_question.read_again else '?'}lang=es)" in i.value
        for i in at.info
    )


def test_questions_to_go_over_join_the_summary_only_when_asked(content):
    q = content.quiz.pages["treatments"][0]
    at = _open("treatments")
    at.radio(key=f"quiz_treatments_{q.id}").set_value(_wrong(q)).run()
    assert at.checkbox(key="quiz_to_summary").value is False
    at.checkbox(key="quiz_to_summary").check().run()
    assert not at.exception


def test_the_room_answers_a_quiz_slide_and_the_next_slide_shows_the_answer(content):
    numbers = [n for n, s in enumerate(content.slides, 1) if s.visual == "quiz"]
    assert len(numbers) >= 2
    question_slide, answer_slide = (content.slides[n - 1] for n in numbers[:2])
    assert not question_slide.reveal and answer_slide.reveal and question_slide.quiz == answer_slide.quiz
    q = content.quiz.questions()[question_slide.quiz or ""]
    at = _open("talk", slide=str(numbers[0]))
    assert any(q.question in m.value for m in at.markdown) and not at.success
    at.button(key="talk_next").click().run()
    assert at.success and q.right in at.success[0].value
