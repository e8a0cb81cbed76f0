"""Entry point: page config, navigation over pages/, the shared sidebar and footer."""
import streamlit as st

from explainer import content, views

st.set_page_config(page_title="Pain after back surgery", page_icon=":material/healing:", layout="centered")

try:
    loaded = content.load()
except content.ContentError as error:
    views.broken_content(error)
    st.stop()

PAGES = {"home": "", "pathway": "pathway", "treatments": "treatments", "talk": "talk", "learn": "learn"}
ICONS = {"home": ":material/home:", "pathway": ":material/timeline:", "treatments": ":material/stairs:",
         "talk": ":material/co_present:", "learn": ":material/menu_book:"}

pages = [
    st.Page(f"pages/{page_id}.py", title=loaded.pages[page_id].meta.nav, icon=ICONS[page_id],
            url_path=path or None, default=not path)
    for page_id, path in PAGES.items()
]
current = st.navigation(pages)
page_id = next(pid for pid, path in PAGES.items() if path == current.url_path)
views.sidebar(loaded)
current.run()
views.footer(loaded, page_id)
