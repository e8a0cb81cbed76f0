"""Presenter mode: one idea per slide for a projector, arrow keys to move, speaker notes on demand."""

import streamlit as st

from explainer import links
from explainer.ui import frame, talk

st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
c = frame.load_content()
total = len(c.slides)
parsed = links.parse_talk(frame.url_params(), total)
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)
number = parsed.state.slide


def _go(step: int) -> None:
    frame.set_url(links.TalkState(min(max(number + step, 1), total)))


frame.styles("slides.css")
talk.slide(c, c.slides[number - 1])

with st.container(horizontal=True, vertical_alignment="center"):
    st.button(
        c.text("talk.previous"),
        shortcut="Left",
        on_click=_go,
        args=(-1,),
        disabled=number == 1,
        icon=":material/arrow_back:",
        key="talk_previous",
    )
    st.markdown(f"**{number} / {total}**")
    st.button(
        c.text("talk.next"),
        shortcut="Right",
        on_click=_go,
        args=(1,),
        disabled=number == total,
        icon=":material/arrow_forward:",
        key="talk_next",
    )
    show_notes = st.toggle(c.text("talk.notes"), key="talk_notes")
if show_notes:
    st.info(c.slides[number - 1].notes)
