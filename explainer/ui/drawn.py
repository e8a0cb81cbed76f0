"""Charts drawn ahead as SVG by `make light` (explainer/pictures.py): the pathway's diagram and the treatments'
ladder. The page shows them as pictures in its own HTML, marked on the server with what is chosen
(charts/marked.py), one for each column width (charts.ahead.DIAGRAM_WIDTHS; frame.css shows the one that
fits), so they are drawn with the page itself and no chart library loads. On the pathway a small component
(js/drawn.js) then puts the shown picture's SVG into the page, so its stages can be clicked, sends a
stage's click back and marks a stage chosen later (only the component reruns with a stage, not the
drawing). Each function returns False when no fresh drawing exists (content edited since the
build), and the page draws the live chart instead."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

import streamlit as st

from explainer import pictures
from explainer.charts import marked
from explainer.charts.ahead import DIAGRAM_WIDTHS, NO_TREATMENT
from explainer.charts.pathway import CHOSEN_LOOK
from explainer.content import Content
from explainer.ui import run

_CLICKS = st.components.v2.component(
    "explainer_drawn_clicks",
    js=(Path(__file__).resolve().parent / "js" / "drawn.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)
PICK = "pick"  # the event a stage's click sends: its id


@run.built_once(400)
def _figure(content: Content, name: str, alt: str, chosen: int | tuple[str, ...]) -> bool:
    """Shows the drawings of `name` at every width, marked, in one figure; False, showing nothing, without
    fresh drawings. Streamlit keeps the element made here and sends it again to the next visitor who sees
    the same (at most a few hundred views, each about 70 KB), without building it again: the cleaning
    st.html does to so long a text took longer than the rest of the figure's run."""
    figure = _made_figure(content, name, alt, chosen)
    if figure is not None:
        st.html(figure)
    return figure is not None


def _made_figure(content: Content, name: str, alt: str, chosen: int | tuple[str, ...]) -> str | None:
    found = [pictures.page_picture(content, f"{name}-{width}") for width in DIAGRAM_WIDTHS]
    drawings = [d for d in found if d is not None]
    if len(drawings) < len(found):
        return None
    try:
        if isinstance(chosen, int):
            drawings = [marked.mark_stage(marked.stage_titles(d), chosen) for d in drawings]
        else:
            drawings = [marked.mark_options(d, chosen) for d in drawings]
    except marked.DrawingMismatch:
        return None  # drawn by other code than this: the live chart instead
    inner = "".join(
        f'<img class="drawn-{w}" alt="" src="data:image/svg+xml;base64,{base64.b64encode(d.encode()).decode()}">'
        for w, d in zip(DIAGRAM_WIDTHS, drawings, strict=True)
    )
    return f'<div class="drawn-chart" data-drawn="{name}" role="img" aria-label="{escape(alt)}">{inner}</div>'


def _numbers(content: Content) -> dict[str, int]:
    """Each stage's number as the diagram shows it, by id."""
    return {s.id: n for n, s in enumerate(content.pathway.stages, 1)}


def pathway_figure(content: Content, view: str, selected: str, treatment: str | None, alt: str) -> bool:
    """The diagram of one view, with a treatment's marks, the `selected` stage marked; False without a
    fresh drawing. Its clicks and later choices are pathway_clicks'."""
    return _figure(content, f"pathway-{view}-{treatment or NO_TREATMENT}", alt, _numbers(content)[selected])


def pathway_clicks(content: Content, selected: str, on_pick: Callable[[str], None]) -> None:
    """What makes the diagram (pathway_figure) clickable and marks the `selected` stage on it in the
    browser when it is chosen after the diagram was drawn; a click on a stage calls on_pick with its id."""
    number = _numbers(content)

    def picked() -> None:
        stage = (st.session_state.get("pathway_clicks") or {}).get(PICK)
        if stage in number:
            on_pick(stage)

    _CLICKS(
        key="pathway_clicks",
        data={"ids": {str(n): sid for sid, n in number.items()}, "chosen": number[selected], "look": CHOSEN_LOOK},
        on_pick_change=picked,
    )


def ladder(content: Content, compare: Sequence[str], alt: str) -> bool:
    """The ladder of options, those compared marked."""
    return _figure(content, "ladder", alt, tuple(content.treatments[t].short for t in compare))
