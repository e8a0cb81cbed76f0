"""Learn more: glossary, questions to ask your care team, about this guide, and every source."""
import streamlit as st

from explainer import content, links, views

c = content.load()
parsed = links.parse_learn(views.url_params(), c.glossary)
views.notices(c, parsed.notices)
views.set_url(parsed.state)

views.page_intro(c, "learn")

st.header(c.text("learn.glossary"))
views.glossary(c, parsed.state.term)

st.header(c.text("learn.questions"))
views.questions(c)

st.header(c.text("learn.sources"))
views.sources(c, list(c.sources))
