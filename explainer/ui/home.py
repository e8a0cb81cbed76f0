"""The start page's panel: where to go next, from the route registry."""

from __future__ import annotations

import streamlit as st

from explainer import routes
from explainer.content import Content


def next_steps(content: Content) -> None:
    st.subheader(content.text("home.next"))
    for page_id in routes.NEXT_STEPS:
        route = routes.BY_ID[page_id]
        st.page_link(route.script_path, label=content.pages[page_id].meta.nav, icon=route.icon)
