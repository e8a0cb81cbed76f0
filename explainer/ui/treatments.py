"""The treatments page's panels: the ladder as text, the side-by-side comparison and the handout button."""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explainer import facts, links
from explainer.content import Content
from explainer.html import handout
from explainer.ui import frame


def ladder_text(content: Content) -> None:
    """The ladder as text, a step per tier, each option opening to its full facts."""
    for tier in content.tiers.values():
        st.markdown(f"**{content.text('treatments.step', tier=tier.tier)}: {tier.name}.** {tier.summary}")
        for t in (t for t in content.ladder() if t.tier == tier.tier):
            with st.expander(t.name):
                # One Markdown block per option, sources included: every element costs the server a
                # little and the browser more (a dozen options times ten elements made the page slow).
                st.markdown("\n\n".join([
                    t.summary,
                    *(f"**{content.text(f'row.{row}')}** {facts.cell(content, t, row)}" for row in facts.ROWS),
                    f"[{content.text('treatments.see_pathway')}]({links.href(links.PathwayState(treatment=t.id))})",
                    ":small[" + source_text(content, t.sources).replace("[", "\\[").replace("]", "\\]") + "]",
                ]))


def source_text(content: Content, ids: Sequence[str]) -> str:
    return content.text("sources.inline") + " " + "; ".join(
        f"{content.sources[s].title} ({content.sources[s].year})" for s in ids)


def _cell(text: str) -> str:
    """One table cell: no line breaks, no column bars."""
    return " ".join(text.split()).replace("|", "\\|")


def comparison(content: Content, compare: Sequence[str]) -> None:
    """Option-Grid style: a row per patient question, a column per option, as one Markdown table (one
    element, not dozens). On phones frame.css stacks it, and every answer carries its option's name."""
    options = [content.treatments[tid] for tid in compare]
    lines = ["| " + " | ".join([_cell(content.text("handout.question")), *(_cell(o.name) for o in options)]) + " |",
             "|" + " --- |" * (len(options) + 1)]
    lines += ["| " + " | ".join([f"**{_cell(content.text(f'row.{row}'))}**", *(
        f"**{_cell(o.name)}:** {_cell(facts.cell(content, o, row))}" for o in options)]) + " |"
        for row in facts.ROWS]
    with st.container(key="comparison"):
        st.markdown("\n".join(lines))
    with st.container(border=True):
        none = content.no_treatment
        st.markdown("\n\n".join([f"**{content.text('treatments.no_treatment')}**", *(
            f"*{content.text(f'row.{row}')}* {getattr(none, row)}" for row in ("what", "duration", "risks", "evidence"))]))


def handout_button(content: Content, compare: Sequence[str]) -> None:
    link = frame.share_base() + links.href(links.TreatmentsState(tuple(compare)))
    st.download_button(
        content.text("treatments.download"), handout.render(content, compare, link),
        file_name="treatment-comparison.html", mime="text/html", icon=":material/print:",
        key="handout", on_click="ignore",
    )
    st.caption(content.text("treatments.download_hint"))
