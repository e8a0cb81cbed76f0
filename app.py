"""Entry point: page config, navigation over pages/, the shared sidebar and footer."""
import streamlit as st

from explainer import content, views

st.set_page_config(page_title="Pain after back surgery", page_icon="static/favicon.png", layout="centered")

try:
    loaded = content.load()
except content.ContentError as error:
    views.broken_content(error)
    st.stop()

# page id -> (script, URL path). Script names differ from URL paths on purpose: Streamlit still has a
# legacy mode for a pages/ folder that, on a fresh server, runs pages/<path>.py for /<path> directly,
# without this frame. With different names that mode finds no match and runs this file instead.
# The start page is served at / but still needs a path of its own for the same reason.
PAGES = {
    "home": ("start", "home"), "pathway": ("pain_pathway", "pathway"),
    "treatments": ("treatment_options", "treatments"), "talk": ("presenter", "talk"),
    "learn": ("learn_more", "learn"),
}
ICONS = {"home": ":material/home:", "pathway": ":material/timeline:", "treatments": ":material/stairs:",
         "talk": ":material/co_present:", "learn": ":material/menu_book:"}

pages = {
    page_id: st.Page(f"pages/{script}.py", title=loaded.pages[page_id].meta.nav, icon=ICONS[page_id],
                     url_path=path, default=page_id == "home")
    for page_id, (script, path) in PAGES.items()
}
current = st.navigation(list(pages.values()))
page_id = next(pid for pid, page in pages.items() if page is current)
views.frame_styles()
views.sidebar(loaded)
current.run()
views.footer(loaded, page_id, "" if page_id == "home" else PAGES[page_id][1])
