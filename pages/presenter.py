"""Presenter mode: one idea per slide for a projector, arrow keys to move, speaker notes on demand."""

import streamlit as st

from explainer import links
from explainer.ui import frame, talk

st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
c = frame.load_content()
parsed = links.parse_talk(frame.url_params(), len(c.slides))
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)
frame.styles("slides.css")
talk.deck(c)
