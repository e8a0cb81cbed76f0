"""What every page shows around its own content: the urgent line in the sidebar, and the footer (share,
disclaimer, warning signs, review dates, who offers this copy, sources)."""

from __future__ import annotations

import streamlit as st

from explainer import facts, routes
from explainer.content import Content
from explainer.ui import frame, run


def help_markdown(content: Content) -> str:
    """Every warning sign, with the clinic's emergency and crisis numbers from content/clinic.yaml."""
    blocks, mood = facts.help_blocks(content)
    parts = [f"**{heading}**\n\n" + "\n".join(f"- {sign}" for sign in signs) for heading, signs in blocks]
    return "\n\n".join([*parts, mood])


def clinic_markdown(content: Content) -> str:
    """Who offers this copy and where to report a mistake (content/clinic.yaml), a line each; the clinic's
    words are shown as text, never as Markdown."""
    lines = []
    for text, link in facts.clinic_lines(content):
        words = _plain_markdown(text)
        lines.append(f"[{words}](<{link}>)" if link else words)
    return "  \n".join(lines)


def _plain_markdown(text: str) -> str:
    """Text that Markdown shows as it is: every punctuation mark Markdown could read is escaped."""
    return "".join(f"\\{ch}" if ch in "\\`*_{}[]()<>#+-.!|~$:" else ch for ch in text)


def sidebar(content: Content, route: routes.Route) -> None:
    """The urgent line; on slides, whose footer sits in the sidebar, the full list of warning signs too (on
    other pages the footer has it, where a phone shows it)."""
    with st.sidebar:
        st.markdown(f"**{content.text('urgent.title')}**")
        st.caption(content.site.urgent)
        if route.id == "talk":
            with st.expander(content.text("help.more"), icon=":material/emergency:"):
                st.markdown(help_markdown(content))


def footer(content: Content, route: routes.Route) -> None:
    """Share, disclaimer, review dates and sources; on slides they sit in the sidebar so nothing scrolls."""
    in_sidebar = route.id == "talk"
    with st.sidebar if in_sidebar else st.container(key="footer"):  # the page's footer draws its rule in frame.css
        if in_sidebar:
            st.divider()
        frame.share_panel(content, route)
        _footer_text(content, route.id)


@run.built_once(32)
def _footer_text(content: Content, route_id: str) -> None:
    """The footer's words, alike for every visitor: Streamlit sends the elements made here again, unbuilt."""
    meta, site = content.pages[route_id].meta, content.site
    st.caption(f"**{site.disclaimer}** {site.urgent}")
    if route_id != "talk":  # on slides the sidebar has the warning signs already
        with st.expander(content.text("help.more"), icon=":material/emergency:"):
            st.markdown(help_markdown(content))
    reviewed = f"{site.reviewed_label}: {content.long_date(meta.reviewed)}"
    st.caption(
        f"{reviewed} · {site.next_review_label}: {content.month_year(meta.next_review)}\n\n{clinic_markdown(content)}"
    )
    with st.expander(site.sources_label):
        frame.sources(content, meta.sources)
