"""Trial numbers as people out of 100: the words (explainer.facts) beside a grouped 100-person picture."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explainer import facts, pictures
from explainer.content import Content, Number
from explainer.ui import frame, specs


def markdown(content: Content, number: Number) -> str:
    """One result as Markdown: who and when in bold, a bullet per group, then how sure, who paid, source."""
    words = facts.number_lines(content, number)
    counts = len(number.groups)
    return "\n\n".join(
        [
            f"**{words[0]}**",
            "\n".join(f"- {line}" for line in words[1 : 1 + counts]),
            *words[1 + counts : -1],
            frame.small_sources(content, [number.source]),
        ]
    )


def alt_text(content: Content, number: Number) -> str:
    groups = "; ".join(facts.count_line(content, number, i) for i in range(len(number.groups)))
    return content.text("numbers.alt", groups=groups)


def card(content: Content, option: str, with_picture: bool = True, lead: Sequence[str] = ()) -> None:
    """Every trial number for an option, each with its picture, or why there are none. `lead`: Markdown
    blocks (a heading) that go in the first element, the one fewer to draw."""
    missing = facts.no_numbers(content, option)
    if missing:
        st.markdown("\n\n".join([*lead, missing]))
        return
    for n, number in enumerate(content.numbers_for(option)):
        st.markdown("\n\n".join([*(lead if n == 0 else ()), markdown(content, number)]))
        if with_picture:
            # drawn ahead by `make light` from the same spec: an image shows at once, where each live
            # chart would make the page wait for it (explainer/pictures.py)
            picture = pictures.page_picture_url(content, f"people-{number.id}")
            if picture:
                st.image(picture, width="content", alt=alt_text(content, number))
            else:
                specs.draw(specs.icons(content, number.id), alt_text(content, number))
