"""The pain pathway diagram: stages as clickable points on a person seen from behind, arrows for the signal
up and the brakes down, and each stage's label in a column beside the body."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import altair as alt
import pandas as pd

from explainer.charts.base import BLUE, GREEN, GREY, INK, ORANGE, VERMILLION, Words
from explainer.charts.body import BODY, FONT, GAP, X_MAX, body_layers, body_rows, label_room, scales
from explainer.content import Connection, Content, Stage, Treatment
from explainer.content.models import BodyPart

SELECTION = "stage"
# The chosen stage travels as data, not as the click selection's start value: a one-row dataset under this
# fixed name. A spec that differs only in a dataset is updated in place by Streamlit's chart (no new Vega
# view), so choosing a stage costs a data change instead of drawing the whole diagram again.
CHOSEN_STAGE = "chosen_stage"
# The stages travel the same way, under this name: a treatment's marks change only this dataset
# (`with_treatment`), so the drawings made ahead for every treatment share one build of the chart.
STAGES = "stages"
WEIGHTS: tuple[Literal["normal"], Literal["bold"]] = ("normal", "bold")  # a stage's label, then the chosen one
# How much longer a unit of y is than a unit of x on screen, to point arrowheads the way the lines go: the
# body's scales keep the two equal at every width (see charts/body.py).
ASPECT = 1.0
MARKED = " ◆"  # after the label of a stage where the chosen treatment acts
HEAD = 200  # an arrowhead's size (Vega's symbol area) in square pixels at scale 1
# Grid units from an arrowhead's centre to every stage's centre, or the arrow has no head: at a phone's
# scale (about 3.7 pixels a unit) that keeps the head clear even of a chosen circle. The shortest arrows,
# between neighbouring circles, have no room for a head; their numbers say which way they go.
HEAD_ROOM = 7.0
# A stage's circle, then the chosen one: its size (Vega's symbol area) at scale 1 and its outline's width.
POINT_SIZE = (520, 900)
POINT_STROKE = (2, 5)
# The same look for a drawing made ahead with nothing chosen, marked in the browser (explainer/ui/drawn.py):
# the circle scaled by `grow`, its outline then as wide as `stroke` says.
CHOSEN_LOOK = {"grow": math.sqrt(POINT_SIZE[1] / POINT_SIZE[0]), "stroke": list(POINT_STROKE)}
DASHES = [[1, 0], [7, 5]]  # the signal up solid, the brakes down dashed: never told apart by colour alone


def _arrow_angle(dx: float, dy: float) -> float:
    """Vega's triangle-up points up at 0 degrees and turns clockwise; data y grows upwards."""
    return (90 - math.degrees(math.atan2(dy * ASPECT, dx))) % 360


def _head(a: Stage, b: Stage, stages: Sequence[Stage]) -> tuple[float, float] | None:
    """Where the head of the arrow from a to b goes: the point of its middle stretch farthest from every
    stage, the middle itself when that is as good; None when even that point is too near a stage."""
    steps = sorted(range(-30, 31), key=abs)  # from the middle outwards, so a tie goes to the middle
    points = [(a.x + (b.x - a.x) * (0.5 + k / 100), a.y + (b.y - a.y) * (0.5 + k / 100)) for k in steps]
    room, point = max(((min(math.dist(p, (s.x, s.y)) for s in stages), p) for p in points), key=lambda r: r[0])
    return point if room >= HEAD_ROOM else None


def pathway_edges(stages: Sequence[Stage], connections: Sequence[Connection], view: str, words: Words) -> pd.DataFrame:
    """One row per arrow, with how it is drawn in this view: chronic pain turns the upward signal up
    and the brain's brakes down. `head` says whether the arrow has room for a head, at (mx, my)."""
    at = {s.id: s for s in stages}
    rows = []
    for n, link in enumerate(connections):
        a, b = at[link.from_], at[link.to]
        up = link.kind == "up"
        head = _head(a, b, stages)
        # Chronic pain turns the signal up and the brakes down; in the acute view both are drawn alike.
        # Fainter brakes are drawn thinner, not paler: a paler line would fall below 3:1 against white.
        width, opacity = ((7.0, 1.0) if up else (1.5, 1.0)) if view == "chronic" else (3.5, 1.0)
        rows.append(
            {
                "edge": n,
                "kind": words("chart.signal_up") if up else words("chart.brakes_down"),
                "x": a.x,
                "y": a.y,
                "x2": b.x,
                "y2": b.y,
                "head": head is not None,
                "mx": head[0] if head else a.x,
                "my": head[1] if head else a.y,
                "angle": _arrow_angle(b.x - a.x, b.y - a.y),
                "width": width,
                "opacity": opacity,
            }
        )
    return pd.DataFrame(rows)


def pathway_nodes(stages: Sequence[Stage], view: str, treatment: Treatment | None) -> pd.DataFrame:
    acts = set(treatment.acts_at) if treatment else set()
    rows = []
    for order, s in enumerate(stages, 1):
        marked = s.id in acts
        rows.append(
            {
                "id": s.id,
                "order": order,
                "name": s.name,
                "x": s.x,
                "y": s.y,
                "label": f"{order}. {s.label}" + (MARKED if marked else ""),
                "column": X_MAX,
                "treatment": "acts here" if marked else "",
                "loud": view == "chronic" and s.id == "dorsal-horn",
            }
        )
    return pd.DataFrame(rows)


def pathway(
    stages: Sequence[Stage],
    connections: Sequence[Connection],
    words: Words,
    view: str = "acute",
    selected: str | None = None,
    treatment: Treatment | None = None,
    scale: float = 1.0,
    *,
    body: Sequence[BodyPart],
) -> alt.LayerChart:
    """The pain pathway on the body: stages as clickable points, arrows for the signal up and the brakes
    down. `scale` enlarges type and marks, e.g. for a projector. `body` is the drawing the stages sit on
    (content.pathway.body).
    What shows the chosen stage follows the CHOSEN_STAGE dataset, so a spec built once serves every stage (see
    `with_selection`); clicks still come back through the SELECTION param."""
    edges = pathway_edges(stages, connections, view, words)
    kinds = [words("chart.signal_up"), words("chart.brakes_down")]
    nodes = pathway_nodes(stages, view, treatment)
    stage_data = alt.NamedData(name=STAGES)
    x_scale, y_scale = scales(label_room([f"{n}. {s.label}{MARKED}" for n, s in enumerate(stages, 1)], FONT * scale))
    x = alt.X("x:Q", scale=x_scale, axis=None)
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    up_colour = VERMILLION if view == "chronic" else BLUE
    # One legend for colour and dash together: its two lines are drawn solid and dashed, long enough to show
    # the dashes, as the arrows are.
    legend = alt.Legend(
        title=None,
        orient="bottom",
        symbolType="stroke",
        symbolSize=(32 * scale) ** 2,
        symbolStrokeWidth=3.5 * scale,
        labelFontSize=13 * scale,
        labelColor=INK,
    )
    kind_colour = alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=[up_colour, GREEN]), legend=legend)
    dash = alt.StrokeDash("kind:N", scale=alt.Scale(domain=kinds, range=DASHES), legend=legend)
    # Only the stages speak to screen readers; the body, arrows and labels are drawing, told in the alt text.
    lines = (
        alt.Chart(edges)
        .mark_rule(strokeCap="round", aria=False)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            color=kind_colour,
            strokeDash=dash,
            strokeWidth=alt.StrokeWidth("width:Q", scale=None),
            opacity=alt.Opacity("opacity:Q", scale=None),
            tooltip=[alt.Tooltip("kind:N", title=words("chart.arrow"))],
        )
    )
    heads = (
        alt.Chart(edges)
        .transform_filter("datum.head")
        .mark_point(shape="triangle-up", filled=True, size=HEAD * scale**2, aria=False)
        .encode(
            x=alt.X("mx:Q", scale=x_scale, axis=None),
            y=alt.Y("my:Q", scale=y_scale, axis=None),
            angle=alt.Angle("angle:Q", scale=None),
            color=alt.Color("kind:N", legend=None, scale=alt.Scale(domain=kinds, range=[up_colour, GREEN])),
            opacity=alt.Opacity("opacity:Q", scale=None),
        )
    )
    # A faint dotted line from each stage to its label in the column beside the body.
    leaders = (
        alt.Chart(stage_data)
        .mark_rule(color=GREY, strokeWidth=scale, strokeDash=[1.5 * scale, 3 * scale], aria=False)
        .encode(x=x, y=y, x2="column:Q")
    )
    pick = alt.selection_point(name=SELECTION, fields=["id"], on="click", clear=False, empty=False)
    chosen_lookup = alt.LookupData(data=alt.NamedData(CHOSEN_STAGE), key="id", fields=["id"])
    is_chosen = "isValid(datum.chosen)"
    points = (
        alt.Chart(stage_data)
        .transform_lookup(lookup="id", from_=chosen_lookup, as_=["chosen"])
        .mark_point(filled=True, opacity=1, stroke=INK, cursor="pointer")
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "treatment:N", scale=alt.Scale(domain=["", "acts here"], range=["circle", "diamond"]), legend=None
            ),
            size=alt.condition(is_chosen, alt.value(POINT_SIZE[1] * scale**2), alt.value(POINT_SIZE[0] * scale**2)),
            color=alt.condition("datum.treatment == 'acts here'", alt.value(ORANGE), alt.value("#FFFFFF")),
            strokeWidth=alt.condition(is_chosen, alt.value(POINT_STROKE[1]), alt.value(POINT_STROKE[0])),
            tooltip=[alt.Tooltip("name:N", title=words("chart.stage"))],
            description="label:N",
        )
        .add_params(pick)
    )
    numbers = (
        alt.Chart(stage_data)
        .mark_text(fontSize=12 * scale, fontWeight="bold", color=INK, aria=False)
        .encode(x=x, y=y, text="order:Q")
    )
    label = (
        alt.Chart(stage_data)
        .transform_lookup(lookup="id", from_=chosen_lookup, as_=["chosen"])
        .encode(x=alt.X("column:Q", scale=x_scale, axis=None), y=y, text="label:N")
    )
    labels = [
        label.mark_text(
            align="left", dx=GAP * scale, fontSize=FONT * scale, color=INK, fontWeight=weight, aria=False
        ).transform_filter(test)
        for weight, test in ((WEIGHTS[0], f"!{is_chosen}"), (WEIGHTS[1], is_chosen))
    ]
    drawing = body_layers({part.kind for part in body}, x_scale, y_scale, scale)
    return (
        alt.layer(*drawing, lines, heads, leaders, points, numbers, *labels)
        .properties(
            height=440 * scale,
            datasets={BODY: body_rows(body), CHOSEN_STAGE: chosen_rows(selected), STAGES: nodes.to_dict("records")},
        )
        .configure_view(stroke=None)
    )


def chosen_rows(selected: str | None) -> list[dict[str, str]]:
    """The CHOSEN_STAGE dataset: the chosen stage's id, or a row that matches no stage."""
    return [{"id": selected or ""}]


def with_selection(spec: dict, selected: str | None, rows: Any = None) -> dict:
    """A pathway spec (from `pathway(...).to_dict()`) with `selected` chosen, without a rebuild: only its
    CHOSEN_STAGE dataset differs. `rows`: that dataset already converted (as the app sends datasets), else rows."""
    if CHOSEN_STAGE not in spec.get("datasets", {}):
        raise KeyError(f"the chart has no dataset {CHOSEN_STAGE!r}")
    return {**spec, "datasets": {**spec["datasets"], CHOSEN_STAGE: chosen_rows(selected) if rows is None else rows}}


def with_treatment(spec: dict, stages: Sequence[Stage], view: str, treatment: Treatment | None) -> dict:
    """A pathway spec with `treatment`'s stages marked instead, without a rebuild: only its STAGES dataset
    differs (the same as `pathway(...)` with that treatment)."""
    if STAGES not in spec.get("datasets", {}):
        raise KeyError(f"the chart has no dataset {STAGES!r}")
    return {**spec, "datasets": {**spec["datasets"], STAGES: pathway_nodes(stages, view, treatment).to_dict("records")}}


def pathway_alt(content: Content, view: str, treatment: Treatment | None) -> str:
    """The diagram in words: each stage the signal climbs through, numbered as drawn, with where it is in
    the body, so a reader can point to it on their own. The chosen stage is not in it: the stage list and
    its details right below say it, and a text that changed with it would make the browser draw the whole
    diagram again on every choice."""
    climb = content.pathway.stages[:-1]  # the last stage is the brakes back down, which the text tells apart
    up = f", {content.text('chart.then')} ".join(
        f"{n}. {s.name}: {s.where[:1].lower()}{s.where[1:]}" for n, s in enumerate(climb, 1)
    )
    text = content.text("pathway.alt", view=content.pathway.views[view].title, up=up)
    if treatment:
        text += " " + content.text(
            "pathway.alt_treatment",
            treatment=treatment.name,
            stages=", ".join(content.stages[s].name for s in treatment.acts_at),
        )
    return text
