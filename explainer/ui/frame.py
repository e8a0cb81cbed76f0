"""The shared frame of every page: the link contract on Streamlit's side, notices, headings and sources,
the share panel and the page's own styles (the sidebar and the footer are explainer/ui/footer.py)."""

from __future__ import annotations

import base64
import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from explainer import content as content_module
from explainer import links, routes, share
from explainer.content import Content, ContentError
from explainer.ui import run

CSS_DIR = Path(__file__).resolve().parent / "css"


# --- the link contract, Streamlit side -------------------------------------------------------


def url_params() -> dict[str, list[str]]:
    """Every query parameter with all its values, so repeats can be noticed."""
    qp = st.query_params
    return {name: qp.get_all(name) for name in qp.keys()}  # noqa: SIM118 (QueryParams is not a dict)


def _browser_language() -> str:
    """The browser's language if the guide is written in it, else English."""
    code = (st.context.locale or "").split("-")[0].lower()
    return code if code in routes.LANGUAGES else routes.DEFAULT_LANGUAGE


def language() -> str:
    """The language of this view: the link's `lang`, else the one chosen earlier in this visit (the menu's
    links carry no query), else the browser's, else English."""
    return run.once("language", _language)


def _language() -> str:
    asked = links.parse_language(url_params()).state
    if asked:
        st.session_state["lang"] = asked
    return asked or st.session_state.get("lang") or _browser_language()


def carried_language() -> str | None:
    """The `lang` every link the app makes carries, so it opens in the same language on another device:
    any language but English, and English too where the browser would otherwise choose another."""
    lang = language()
    return lang if lang != routes.DEFAULT_LANGUAGE or _browser_language() != lang else None


def load_content() -> Content:
    """The guide's content in the language of this view, loaded once a run: content.load checks the files'
    dates and sizes on every call (a staff edit shows on the next run)."""
    lang = language()
    return run.once(("content", lang), lambda: content_module.load(lang=lang))


def href(state: links.State) -> str:
    """A link to a view of the app, in the language of this one."""
    return links.href(state, carried_language())


def with_language(link: str) -> str:
    """A link of the app written in content (such as "/pathway?stage=cortex"), in this view's language."""
    lang = carried_language()
    return link if not lang else f"{link}{'&' if '?' in link else '?'}lang={lang}"


def home_href() -> str:
    """The start page, in the language of this view."""
    lang = carried_language()
    return routes.HOME.href + (f"?lang={lang}" if lang else "")


def set_url(state: links.State | None) -> None:
    """Make the address bar show exactly this view, language included, so copying it shares the view."""
    wanted = links.with_language(links.to_params(state), carried_language())
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def _switch_language() -> None:
    st.session_state["lang"] = st.session_state["language_switch"] or routes.DEFAULT_LANGUAGE
    st.query_params["lang"] = st.session_state["lang"]


def language_switch(content: Content, route: routes.Route) -> None:
    """English or Español, at the top of every page (in the sidebar for slides, which fill the screen);
    the choice goes into the link."""
    st.session_state["language_switch"] = content.lang
    place = st.sidebar if route.id == "talk" else st
    place.segmented_control(
        content.text("language.label"),
        list(routes.LANGUAGES),
        key="language_switch",
        format_func=lambda code: routes.LANGUAGES[code],
        on_change=_switch_language,
        label_visibility="collapsed",
    )


def notices(content: Content, found: Sequence[links.Notice]) -> None:
    """One short line per problem in the link, the language's included; the value itself is never echoed."""
    seen = set()
    for notice in (*links.parse_language(url_params()).notices, *found):
        message = content.text(f"notice.{notice.problem}", param=notice.param)
        if message not in seen:
            seen.add(message)
            st.info(message, icon=":material/link_off:")


# --- styles ----------------------------------------------------------------------------------


@functools.cache
def _css(name: str) -> str:
    return (CSS_DIR / name).read_text(encoding="utf-8")


def styles(name: str) -> None:
    """A style sheet from explainer/ui/css/: fixed files of this package, never visitor or content text."""
    st.html(f"<style>{_css(name)}</style>")


# --- the frame -------------------------------------------------------------------------------


def broken_content(error: ContentError) -> None:
    """A friendly page when content cannot be loaded; the exact problem goes to the log for staff.
    These few words live here, not in content/, because content/ is what failed to load."""
    print(f"Content problem: {error}", file=sys.stderr, flush=True)
    st.title("This guide is being updated")
    st.write(
        "Please try again in a few minutes. If you need help with pain now, contact your care team. "
        "For new leg weakness, loss of bladder or bowel control, or numbness between the legs, "
        "get urgent medical care."
    )


def heading(title: str, text: str, level: int = 2) -> None:
    """A heading and the text under it as one element: the same page, one element fewer for the browser to
    draw and the server to send."""
    st.markdown(f"{'#' * level} {title}\n\n{text}")


def new_tab(html: str) -> str:
    """HTML whose links to other sites open in a new tab, as Streamlit's Markdown opens them: the guide stays
    open behind a source."""
    return html.replace('<a href="http', '<a target="_blank" rel="noopener noreferrer" href="http')


def page_intro(content: Content, page_id: str) -> None:
    page = content.pages[page_id]
    st.title(page.meta.title)
    st.markdown(page.body)


def sources(content: Content, ids: Sequence[str]) -> None:
    """A numbered source list: title, who published it, the year, and a link where there is one."""
    st.markdown(sources_markdown(content, ids))


def sources_markdown(content: Content, ids: Sequence[str]) -> str:
    lines = []
    for n, sid in enumerate(dict.fromkeys(ids), 1):
        s = content.sources[sid]
        title = f"[{s.title}]({s.url})" if s.url else s.title
        note = f" {s.note}" if s.note else ""
        lines.append(f"{n}. {title}. {s.publisher}, {s.year}.{note}")
    return "\n".join(lines)


def source_text(content: Content, ids: Sequence[str]) -> str:
    """ "Sources: Title (year); Title (year)" for a line under a block of text."""
    return (
        content.text("sources.inline")
        + " "
        + "; ".join(f"{content.sources[s].title} ({content.sources[s].year})" for s in ids)
    )


def small_sources(content: Content, ids: Sequence[str]) -> str:
    """source_text as small Markdown; brackets in titles are escaped so they do not end the small text."""
    return ":small[" + source_text(content, ids).replace("[", "\\[").replace("]", "\\]") + "]"


# --- sharing ---------------------------------------------------------------------------------


def share_base() -> str:
    """The public address (EXPLAINER_PUBLIC_URL, else content/clinic.yaml), else the one the visitor used."""
    return run.once(
        "share_base", lambda: share.base_url(share.configured_base(load_content().clinic.public_url), st.context.url)
    )


def current_view_url(route: routes.Route) -> str:
    """The full address of what is on screen. Pages keep the query to known ids only (set_url), so
    the link carries nothing but the view."""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return f"{share_base()}{route.href}" + (f"?{query}" if query else "")


def light_url(route: routes.Route, lang: str) -> str:
    """The light page that matches an app page, in the page's language: plain text that opens at once on
    a slow phone."""
    return share_base() + routes.light_path(route.id, lang)


_SHARED = "_share_panel_query"  # the query of the link the open share panel shows; None while it is closed


def share_follows_fragment() -> None:
    """Call first in a fragment that changes the link. A fragment's rerun leaves the share panel (outside
    it) as it was; if the panel is open and shows another link than the address bar's now, the whole page
    runs again so the link, its QR code and the light page match what is on screen."""
    if not run.in_fragment_run():  # a whole-page run draws the panel afresh anyway
        return
    shown = st.session_state.get(_SHARED)
    if shown is not None and shown != st.query_params.to_dict():
        st.rerun(scope="app")


@st.fragment
def share_panel(content: Content, route: routes.Route) -> None:
    """The exact link, its QR code and the light page. Built only while open: nearly every choice changes
    the link, and a new QR code costs more than the rest of a typical run. A fragment: opening or closing
    it runs only the panel, not the page around it."""
    panel = st.expander(content.text("share.title"), icon=":material/share:", key="share_panel", on_change="rerun")
    if not panel.open:
        st.session_state[_SHARED] = None
        return
    st.session_state[_SHARED] = st.query_params.to_dict()
    url = current_view_url(route)
    with panel:
        st.caption(content.text("share.copy"))
        st.code(url, language=None, wrap_lines=True)
        qr_image(share.qr_svg(url, scale=5), content.text("share.qr_alt", url=url))
        st.caption(content.text("share.private"))
        st.markdown(f":material/bolt: [{content.text('share.light')}]({light_url(route, content.lang)})")


def qr_image(svg: str | None, alt: str) -> None:
    """An SVG shown as an image whose text alternative screen readers announce; its size is the SVG's own."""
    if svg is None:
        return
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    st.markdown(f"![{alt}](data:image/svg+xml;base64,{data})")
