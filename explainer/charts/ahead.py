"""The charts drawn ahead as SVG at `make light` (explainer/pictures.py): the slides' charts and the pictures
a page opens with, each the spec the app draws live, sized and lettered for where it is shown."""

from __future__ import annotations

from typing import Any

from explainer.charts.base import spec as to_spec
from explainer.charts.pathway import pathway as pathway_chart
from explainer.charts.pathway import with_treatment
from explainer.charts.people import number_chart
from explainer.charts.steps import (
    WINDUP_BRAKES,
    WINDUP_REPEATS,
    WINDUP_START,
    ladder,
    windup,
    windup_curve,
    with_curve,
)
from explainer.content import Content

# The slides' charts, as presenter mode shows them (explainer/ui/talk.py draws the same live as a fallback).
SLIDE_VISUALS = ("pathway-acute", "pathway-chronic", "windup", "ladder")
SLIDE_SCALE = 1.5  # type and marks half as big again, for a projector
SLIDE_WIDTH = 900  # drawn this wide, then scaled to the slide's column (an SVG stays sharp)
WINDUP_SLIDE = (*WINDUP_START["chronic"], True)  # repeats, brakes, chronic: the wind-up the slide shows
# Arial's metrics, which Liberation Sans shares: vl-convert places labels with Liberation Sans, and a
# projector's browser draws them with whichever of these it has, at the same widths.
SLIDE_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"


def windup_visual(view: str, repeats: int, brakes: int) -> str:
    """The name of the wind-up's picture in one view at these slider values."""
    return f"windup-{view}-{repeats}-{brakes}"


def slide_chart(content: Content, visual: str) -> dict[str, Any]:
    """The spec of a slide's chart, by its visual's name in content/talk.yaml."""
    if visual.startswith("pathway-"):
        view = visual.removeprefix("pathway-")
        p = content.pathway
        spec = to_spec(pathway_chart(p.stages, p.connections, content.text, view, None, None, SLIDE_SCALE, body=p.body))
    elif visual == "windup":
        repeats, brakes, chronic = WINDUP_SLIDE
        spec = to_spec(windup(windup_curve(repeats, brakes / 100), chronic, content.text))
    elif visual == "ladder":
        spec = to_spec(ladder(content.ladder(), content.text, (), SLIDE_SCALE))
    else:
        raise KeyError(visual)
    return {**spec, "width": SLIDE_WIDTH, "config": {**spec.get("config", {}), "font": SLIDE_FONT}}


# The pathway page's wind-up at every place its sliders can stand in each view (`windup-<view>-<repeats>-
# <brakes>`, explainer/ui/pathway.py), and the 100-person picture of each trial result (`people-<id>`,
# explainer/ui/evidence.py).
PAGE_VISUALS = tuple(
    windup_visual(view, repeats, brakes)
    for view in WINDUP_START
    for repeats in WINDUP_REPEATS
    for brakes in WINDUP_BRAKES
)


# The pathway's diagram and the treatments' ladder, drawn ahead at the widths a page gives them: a phone's
# column (390 px screen) and the widest column (Streamlit's centred page). The page shows the one that fits
# its column, scaled to it, with the chosen stage or options marked on it (charts/marked.py, ui/drawn.py), so
# one drawing serves every choice: a view and a treatment each, and no chart library loads on the page.
DIAGRAM_WIDTHS = (356, 702)  # the column on a 390 px phone, and Streamlit's centred column
NO_TREATMENT = "none"
DIAGRAM = "diagram"


def diagram_visuals(content: Content) -> list[str]:
    """The names of the drawn-ahead diagrams: `pathway-<view>-<treatment or none>-<width>`, `ladder-<width>`."""
    treatments = [NO_TREATMENT, *content.treatments]
    return [
        *(f"pathway-{view}-{t}-{w}" for view in ("acute", "chronic") for t in treatments for w in DIAGRAM_WIDTHS),
        *(f"ladder-{w}" for w in DIAGRAM_WIDTHS),
    ]


def page_visuals(content: Content) -> list[str]:
    return [*PAGE_VISUALS, *(f"people-{number.id}" for number in content.evidence.numbers), *diagram_visuals(content)]


# The spec of each view of the pathway and of the wind-up, by content version and language: built once,
# then each drawing swaps only its data.
_VIEWS: dict[tuple[str, str, str], dict[str, Any]] = {}


def _pathway_view(content: Content, view: str) -> dict[str, Any]:
    """The pathway's spec of one view, nothing chosen, no treatment: built once per content and language
    (a build takes about a quarter of a second); each treatment's drawing swaps only its stages."""
    key = (content.version, content.lang, view)
    if key not in _VIEWS:
        if len(_VIEWS) > 16:
            _VIEWS.clear()
        p = content.pathway
        _VIEWS[key] = to_spec(pathway_chart(p.stages, p.connections, content.text, view, None, None, 1.0, body=p.body))
    return _VIEWS[key]


def diagram_chart(content: Content, visual: str) -> dict[str, Any]:
    """The spec of a drawn-ahead diagram, by name (diagram_visuals): the chart the page would draw live, with
    nothing chosen, at one of DIAGRAM_WIDTHS."""
    name, _, width = visual.rpartition("-")
    config: dict[str, Any] = {"font": SLIDE_FONT}
    if name == "ladder":
        spec = to_spec(ladder(content.ladder(), content.text, (), 1.0))
        config.update(axis=PAGE_AXIS, view={"stroke": None})  # Streamlit's chart look, as the wind-up's
        # Room on the left for the tick a compared option's name gets on the page (charts/marked.py): the
        # names are laid out without it, and end where the bars start.
        spec["padding"] = {"left": 20, "right": 5, "top": 5, "bottom": 5}
    else:
        _, view, treatment = name.split("-", 2)
        acting = None if treatment == NO_TREATMENT else content.treatments[treatment]
        spec = with_treatment(_pathway_view(content, view), content.pathway.stages, view, acting)
    return {
        **spec,
        "usermeta": {DIAGRAM: True},  # Vega-Lite ignores it; it tells a diagram's spec from the rest
        "width": int(width),
        "autosize": {"type": "fit-x", "contains": "padding"},  # the whole drawing that wide, as the live chart
        "config": {**spec.get("config", {}), **config},
    }


PAGE_WIDTH = 420  # shown at most this wide: on a 390 px phone at about 0.85, so its type stays about 11 px
PAGE_HEIGHT = 280  # a little taller than the live chart, so the long axis title fits beside it
# The look of Streamlit's own chart theme (axis words, no ticks or axis line, light grid), so the picture
# and the live chart that replaces it once a slider moves look alike; the words a shade darker to read.
PAGE_AXIS = {
    "labelFontSize": 13,
    "titleFontSize": 13,
    "labelFontWeight": "normal",
    "titleFontWeight": "normal",
    "labelColor": "#4A4F5A",
    "titleColor": "#4A4F5A",
    "ticks": False,
    "domain": False,
    "gridColor": "#E6EAF1",
    "labelPadding": 8,
    "titlePadding": 12,
}


def page_chart(content: Content, visual: str) -> dict[str, Any]:
    """The spec of a page picture, by name: the wind-up of one view at one place of its sliders, the
    100-person picture of one trial result, or a diagram (diagram_chart), drawn as the page draws it."""
    if visual.startswith(("pathway-", "ladder-")):
        return diagram_chart(content, visual)
    if visual.startswith("people-"):
        number = next((n for n in content.evidence.numbers if f"people-{n.id}" == visual), None)
        if number is None:
            raise KeyError(visual)
        spec = to_spec(number_chart(number, content.text))
        return {**spec, "config": {**spec.get("config", {}), "font": SLIDE_FONT}}
    try:
        view, repeats, brakes = visual.removeprefix("windup-").split("-")
        start = WINDUP_START[view]
        at = (int(repeats), int(brakes))
    except (KeyError, ValueError):
        raise KeyError(visual) from None
    key = (content.version, content.lang, f"windup-{view}")
    if key not in _VIEWS:  # built once a view; each place of the sliders swaps only the curve
        _VIEWS[key] = to_spec(windup(windup_curve(start[0], start[1] / 100), view == "chronic", content.text))
    spec = with_curve(_VIEWS[key], windup_curve(at[0], at[1] / 100))
    config = {**spec.get("config", {}), "font": SLIDE_FONT, "axis": PAGE_AXIS, "view": {"stroke": None}}
    return {
        **spec,
        # one of many drawings of a chart a reader changes (tests draw these as stubs); the opening one not
        **({"usermeta": {DIAGRAM: True}} if at != start else {}),
        "width": PAGE_WIDTH,
        "height": PAGE_HEIGHT,
        "autosize": {"type": "fit", "contains": "padding"},
        "padding": {"left": 4, "right": 10, "top": 8, "bottom": 4},
        "config": config,
    }
