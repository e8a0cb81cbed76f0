"""The learn page's panels: the glossary and the questions to ask a care team."""

from __future__ import annotations

import streamlit as st

from explainer.content import Content


def glossary(content: Content, highlighted: str | None) -> None:
    """Every term, A to Z; a term named in the link is shown first and open."""
    terms = sorted(content.glossary.values(), key=lambda t: t.term.lower())
    if highlighted:
        term = content.glossary[highlighted]
        with st.container(border=True):
            st.markdown(f"**{term.term}**: {term.definition}")
    st.markdown("\n".join(f"- **{t.term}**: {t.definition}" for t in terms))


def questions(content: Content) -> None:
    topics: dict[str, list[str]] = {}
    for q in content.questions:
        topics.setdefault(q.topic, []).append(q.text)
    for topic, texts in topics.items():
        st.markdown(f"**{topic}**")
        st.markdown("\n".join(f"- {text}" for text in texts))
