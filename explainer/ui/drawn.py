"""Charts drawn ahead as SVG by `make light` (explainer/pictures.py), shown by a small component of this app:
the pathway's diagram and the treatments' ladder. The browser fetches the drawing that fits the column
(charts.ahead.DIAGRAM_WIDTHS), marks the chosen stage or options itself and sends a stage's click back, so
a page with a diagram loads no chart library and a choice redraws nothing. Each function returns False when
no fresh drawing exists (content edited since the build), and the page draws the live chart instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from explainer import charts, pictures
from explainer.charts.ahead import DIAGRAM_WIDTHS, NO_TREATMENT
from explainer.content import Content

_HERE = Path(__file__).resolve().parent
_DRAWN = st.components.v2.component(
    "explainer_drawn",
    js=(_HERE / "js" / "drawn.js").read_text(encoding="utf-8"),
    css=".drawn-chart svg { display: block; width: 100%; height: auto; }\n"
    ".drawn-chart.pickable [aria-roledescription='point'] { cursor: pointer; }\n",
    isolate_styles=False,
)
PICK = "pick"  # the event a stage's click sends: its id


def _drawings(content: Content, name: str) -> list[dict[str, Any]] | None:
    urls = [pictures.page_picture_url(content, f"{name}-{width}") for width in DIAGRAM_WIDTHS]
    if any(url is None for url in urls):
        return None
    return [{"width": width, "url": url} for width, url in zip(DIAGRAM_WIDTHS, urls, strict=True)]


def pathway(
    content: Content,
    view: str,
    selected: str,
    treatment: str | None,
    alt: str,
    on_pick: Callable[[str], None],
    key: str,
) -> bool:
    """The diagram of one view, with a treatment's marks, the `selected` stage chosen; a click on a stage
    calls on_pick with its id."""
    drawings = _drawings(content, f"pathway-{view}-{treatment or NO_TREATMENT}")
    if drawings is None:
        return False
    stages = content.pathway.stages
    number = {s.id: n for n, s in enumerate(stages, 1)}

    def picked() -> None:
        stage = (st.session_state.get(key) or {}).get(PICK)
        if stage in number:
            on_pick(stage)

    _DRAWN(
        key=key,
        data={
            "alt": alt,
            "kind": "pathway",
            "drawings": drawings,
            "ids": {str(n): sid for sid, n in number.items()},
            "mark": {"prefix": f"{number[selected]}. ", **charts.CHOSEN_LOOK},
        },
        on_pick_change=picked,
    )
    return True


def ladder(content: Content, compare: Sequence[str], alt: str) -> bool:
    """The ladder of options, those compared marked."""
    drawings = _drawings(content, "ladder")
    if drawings is None:
        return False
    names = [content.treatments[t].short for t in compare]
    _DRAWN(
        key="ladder_drawn",
        data={"alt": alt, "kind": "ladder", "drawings": drawings, "mark": {"names": names, **charts.LADDER_LOOK}},
    )
    return True
