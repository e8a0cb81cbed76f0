"""Start here: what the condition is, why surgery can leave pain, and where to go next."""
import streamlit as st

from explainer import content, links, views

c = content.load()
parsed = links.parse_none(views.url_params())
views.notices(c, parsed.notices)
views.set_url(parsed.state)
views.page_intro(c, "home")
st.subheader(c.text("home.next"))
for page_id, script, icon in (("pathway", "pain_pathway", ":material/timeline:"),
                              ("treatments", "treatment_options", ":material/stairs:"),
                              ("learn", "learn_more", ":material/menu_book:")):
    st.page_link(f"pages/{script}.py", label=c.pages[page_id].meta.nav, icon=icon)
