"""Entry point: page config, navigation from the route registry, the shared sidebar and footer."""

import streamlit as st

from explainer import content, routes
from explainer.ui import footer, frame

# The icon by its static address: given as a file, Streamlit reads, decodes and stores it again on every run.
st.set_page_config(page_title="Pain after back surgery", page_icon="/app/static/favicon.png", layout="centered")

try:
    loaded = frame.load_content()
except content.ContentError as error:
    frame.broken_content(error)
    st.stop()

# Script names differ from URL paths on purpose (routes.Route.script): Streamlit still has a legacy mode
# for a pages/ folder that, on a fresh server, runs pages/<path>.py for /<path> directly, without this
# frame. With different names that mode finds no match and runs this file instead. The start page is
# served at / but still needs a path of its own for the same reason.
pages = {
    route.id: st.Page(
        route.script_path,
        title=loaded.pages[route.id].meta.nav,
        icon=route.icon,
        url_path=route.url_path,
        default=route is routes.HOME,
    )
    for route in routes.ROUTES
}
current = st.navigation(list(pages.values()))
route = routes.BY_ID[next(pid for pid, page in pages.items() if page is current)]
frame.styles("frame.css")
frame.language_switch(loaded, route)
footer.sidebar(loaded, route)
current.run()
footer.footer(loaded, route)
