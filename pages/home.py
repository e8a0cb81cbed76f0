"""Start here: what the condition is, why surgery can leave pain, and where to go next."""
import streamlit as st

from explainer import content, links, views

c = content.load()
views.notices(c, links.parse_none(views.url_params()).notices)
views.page_intro(c, "home")
st.subheader(c.text("home.next"))
for page_id, icon in (("pathway", ":material/timeline:"), ("treatments", ":material/stairs:"),
                      ("learn", ":material/menu_book:")):
    st.page_link(f"pages/{page_id}.py", label=c.pages[page_id].meta.nav, icon=icon)
