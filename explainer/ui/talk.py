"""The presenter's slides: one idea per slide, with visuals drawn by the same code as the pages."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explainer import charts, facts, links, pictures, routes, share
from explainer.content import Content, Slide
from explainer.content.ui_text import SLIDE_FACTS
from explainer.ui import frame, specs

SLIDE_SCALE = pictures.SLIDE_SCALE  # charts on a projector: type and marks half as big again


def _go(step: int, total: int) -> None:
    now = links.parse_talk(frame.url_params(), total).state.slide
    frame.set_url(links.TalkState(min(max(now + step, 1), total)))


@st.fragment
def deck(content: Content) -> None:
    """The slide the link names, the buttons (and arrow keys) to move, and its notes. A fragment: moving
    to another slide reruns only this, not the page around it; it reads the slide from the link each time.
    """
    total = len(content.slides)
    number = links.parse_talk(frame.url_params(), total).state.slide
    frame.share_follows_fragment()
    slide(content, content.slides[number - 1])
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            content.text("talk.previous"),
            shortcut="Left",
            on_click=_go,
            args=(-1, total),
            disabled=number == 1,
            icon=":material/arrow_back:",
            key="talk_previous",
        )
        st.markdown(f"**{number} / {total}**")
        st.button(
            content.text("talk.next"),
            shortcut="Right",
            on_click=_go,
            args=(1, total),
            disabled=number == total,
            icon=":material/arrow_forward:",
            key="talk_next",
        )
        show_notes = st.toggle(content.text("talk.notes"), key="talk_notes")
    if show_notes:
        st.info(content.slides[number - 1].notes)


def slide(content: Content, s: Slide) -> None:
    """One slide: a title, a few words, and at most one visual."""
    st.title(s.title)
    if s.visual == "compare":
        st.markdown(s.body)
        slide_comparison(content, s.compare)
        return
    if s.visual == "quiz":
        quiz_slide(content, s)
        return
    if s.visual == "none":
        st.markdown(s.body)
        return
    text, visual = st.columns([2, 3], gap="large")
    text.markdown(s.body)
    with visual:
        _visual(content, s.visual)


def _visual(content: Content, name: str) -> None:
    picture = pictures.slide_picture(content, name) if name in pictures.SLIDE_VISUALS else None
    if picture:  # drawn ahead by `make light`: an image appears at once, a live chart loads Vega first
        st.image(picture, width="stretch", alt=_alt(content, name))
    elif name in ("pathway-acute", "pathway-chronic"):
        view = name.removeprefix("pathway-")
        specs.draw(specs.pathway(content, view, None, None, SLIDE_SCALE), _alt(content, name))
    elif name == "windup":
        specs.draw(specs.windup(content, *pictures.WINDUP_SLIDE), _alt(content, name))
    elif name == "ladder":
        specs.draw(specs.ladder(content, (), SLIDE_SCALE), _alt(content, name))
    elif name == "qr-start":
        url = frame.share_base() + frame.home_href()
        frame.qr_image(share.qr_svg(url, scale=10), content.text("share.qr_alt", url=url))
        st.markdown(f"**{url}**")
        st.markdown(content.text("talk.light", url=frame.light_url(routes.HOME, content.lang)))


def _alt(content: Content, name: str) -> str:
    """A slide chart's text alternative, the same whether it is drawn as an image or live."""
    if name.startswith("pathway-"):
        return charts.pathway_alt(content, name.removeprefix("pathway-"), None)
    return content.pathway.windup.intro if name == "windup" else charts.ladder_alt(content)


def quiz_slide(content: Content, s: Slide) -> None:
    """A question for the room to answer by show of hands; the slide after it shows the answer."""
    if s.body:
        st.markdown(s.body)
    q = content.quiz.questions()[s.quiz or ""]
    st.markdown(f"### {q.question}")
    st.markdown("\n".join(f"{n}. {o.text}" for n, o in enumerate(q.options, 1)))
    if s.reveal:
        answer = next(o.text for o in q.options if o.id == q.answer)
        st.success(f"**{content.text('quiz.answer')}** {answer} {q.right}", icon=":material/check_circle:")


def slide_comparison(content: Content, compare: Sequence[str]) -> None:
    """A short grid for a slide: the options as columns, a few of the patients' questions as rows, each
    answered in a line from "What matters to me" (the full answers are on /treatments and in the notes)."""
    options = [content.treatments[t] for t in compare]
    for column, option in zip(st.columns(len(options), gap="large"), options, strict=True):
        column.markdown(f"### {option.name}")
        column.markdown(option.summary)
    for row, fact in SLIDE_FACTS.items():
        for column, option in zip(st.columns(len(options), gap="large"), options, strict=True):
            column.markdown(f"**{content.text(f'row.{row}')}** {facts.short_answer(content, option, fact)}")
