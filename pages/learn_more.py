"""Learn more: glossary, questions to ask your care team, about this guide, and every source."""

import streamlit as st

from explainer import links
from explainer.ui import frame, learn

c = frame.load_content()
parsed = links.parse_learn(frame.url_params(), c.glossary)
frame.notices(c, parsed.notices)
frame.set_url(parsed.state)

frame.page_intro(c, "learn")

st.header(c.text("learn.glossary"))
learn.glossary(c, parsed.state.term)

st.header(c.text("learn.questions"))
learn.questions(c)

st.header(c.text("learn.sources"))
frame.sources(c, list(c.sources))
