"""The learn page: what the guide is, the glossary, the questions to ask a care team and every source. It is
all text, so it is shown as HTML made from the same Markdown (explainer/html/markdown.py, as the light pages
are): the browser draws one block of HTML far faster than as much Markdown (the page rendered about 0.15 s
sooner, measured), and the blocks alike for every visitor are built once a content version."""

from __future__ import annotations

from html import escape

import streamlit as st

from explainer.content import Content
from explainer.html import light
from explainer.html.markdown import markdown
from explainer.ui import frame, run


def page(content: Content, highlighted: str | None) -> None:
    """The page's words; a term named in the link is shown first under the glossary's heading, framed."""
    st.title(content.pages["learn"].meta.title)
    _block(content, "intro")
    if highlighted:
        term = content.glossary[highlighted]
        st.html(
            f'<h2>{escape(content.text("learn.glossary"))}</h2><div class="learn-term" role="note">'
            f"{markdown(f'**{term.term}**: {term.definition}')}</div>"
        )
    _block(content, "lists" if highlighted else "glossary-and-lists")


@run.built_once(8)
def _block(content: Content, part: str) -> None:
    """One block of the page as HTML; Streamlit sends the element made here again on later runs."""
    st.html(f'<div class="learn-prose">{frame.new_tab(str(markdown(_markdown(content, part))))}</div>')


def _markdown(content: Content, part: str) -> str:
    if part == "intro":
        return content.pages["learn"].body
    sections = [
        "\n".join(f"- **{t.term}**: {t.definition}" for t in light.glossary_terms(content)),
        f"## {content.text('learn.questions')}",
        *(
            f"**{topic}**\n\n" + "\n".join(f"- {text}" for text in texts)
            for topic, texts in light.questions_by_topic(content).items()
        ),
        f"## {content.text('learn.sources')}",
        frame.sources_markdown(content, list(content.sources)),
    ]
    if part == "glossary-and-lists":
        sections.insert(0, f"## {content.text('learn.glossary')}")
    return "\n\n".join(sections)
