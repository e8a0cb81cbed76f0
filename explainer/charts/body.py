"""The person the pain pathway is drawn on: the body from content as Altair layers, on scales that keep a
unit across as long as a unit up at any width, so the person is never squashed on a phone nor stretched
on a projector."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import altair as alt

from explainer.charts.base import BODY_FILL, BRAIN_FILL, GREY, OPERATED_FILL, SPINE
from explainer.content.models import BODY_KINDS, SHAPES, BodyPart

BODY = "body"  # the name of the body's points among the chart's datasets
# The grid's x the chart shows: the body's hands reach from 3.2 to 36.8; the stages' labels start at X_MAX, in
# a column on its right. No wider than that, so a phone gives each unit as many pixels as it can.
X_MIN, X_MAX = 2, 38
X_SPAN = X_MAX - X_MIN
Y_DOMAIN = (-2, 102)  # the grid's 0-100 and a margin for the feet and the top of the head
Y_SPAN = Y_DOMAIN[1] - Y_DOMAIN[0]
CHAR = 0.62  # a character's average width in font sizes, bold included, to keep room for the labels
FONT = 14  # a stage label's size in pixels at scale 1
GAP = 8  # pixels between the label column's edge and a label
TENSION = 0.35  # of the cardinal curves through a part's points: 0 round, 1 straight
# How each kind of part is drawn; widths and dashes in pixels at scale 1.
STYLES: dict[str, dict[str, Any]] = {
    "outline": {"fill": BODY_FILL, "stroke": GREY, "strokeWidth": 1.6},
    "operated": {"fill": OPERATED_FILL, "stroke": OPERATED_FILL, "strokeWidth": 1.0},
    "brain": {"fill": BRAIN_FILL, "stroke": GREY, "strokeWidth": 1.4},
    # the bones down the middle of the back, between the spinal cord's two lanes
    "spine": {"stroke": SPINE, "strokeWidth": 5.0, "strokeDash": [5, 2.5]},
    "nerve": {"stroke": GREY, "strokeWidth": 2.0},
    "detail": {"stroke": GREY, "strokeWidth": 1.2},
}


def label_room(labels: Sequence[str], font: float) -> int:
    """Pixels the longest label takes on the right of the body, the gap before it included."""
    return math.ceil(GAP + max(len(text) for text in labels) * CHAR * font)


def unit(room: int) -> str:
    """Pixels per grid unit, as a Vega expression: the chart's height holds the person unless its width,
    less the labels' room, is narrower."""
    return f"min(height/{Y_SPAN},max(width-{room},0)/{X_SPAN})"


def scales(room: int) -> tuple[alt.Scale, alt.Scale]:
    """x and y scales with equal units, the body and its labels centred in whatever width the page gives."""
    u = unit(room)
    middle = f"(width-{room})/2"  # of the body's part of the width
    x = alt.Scale(
        domain=[X_MIN, X_MAX],
        range=[{"expr": f"{middle}-{X_SPAN / 2:g}*{u}"}, {"expr": f"{middle}+{X_SPAN / 2:g}*{u}"}],
        nice=False,
    )
    y = alt.Scale(
        domain=list(Y_DOMAIN),
        range=[{"expr": f"height/2+{Y_SPAN / 2:g}*{u}"}, {"expr": f"height/2-{Y_SPAN / 2:g}*{u}"}],
        nice=False,
    )
    return x, y


def body_rows(body: Sequence[BodyPart]) -> list[dict[str, Any]]:
    """One row per point, the parts in the order of their kinds (BODY_KINDS: the outline first, under the
    rest); `n` keeps each part's points in their order along its line."""
    parts = sorted(body, key=lambda part: BODY_KINDS.index(part.kind))
    return [
        {"part": part.id, "kind": part.kind, "n": n, "x": x, "y": y}
        for part in parts
        for n, (x, y) in enumerate(part.points)
    ]


def _by_kind(kinds: Sequence[str], prop: str, scale: float, default: Any) -> dict[str, Any]:
    """One style property for the parts of these kinds, as a value chosen by the datum's kind."""
    sized = prop in ("strokeWidth", "strokeDash")

    def value(kind: str) -> Any:
        v = STYLES[kind].get(prop, default)
        return ([d * scale for d in v] if isinstance(v, list) else v * scale) if sized and v is not None else v

    values = {kind: value(kind) for kind in kinds}
    last = values[kinds[-1]]
    return {
        "condition": [{"test": f"datum.kind === '{k}'", "value": v} for k, v in values.items() if v != last],
        "value": last,
    }


def body_layers(kinds: Iterable[str], x: alt.Scale, y: alt.Scale, scale: float) -> list[alt.Chart]:
    """Two layers, the closed shapes under the lines: a drawing, silent to screen readers (the alt text says
    where each stage is). A part's colours, width and dashes follow its kind (STYLES); parts are drawn in
    their order in the dataset (body_rows sorts them by kind). Two layers, not one per kind: the browser
    compiles each layer of a chart on its own (four fewer: about 10 ms less on a first draw)."""
    # The points are one named dataset (`datasets={BODY: body_rows(...)}` on the whole chart), so the
    # spec holds them once, not once per layer.
    base = alt.Chart(alt.NamedData(name=BODY)).encode(
        x=alt.X("x:Q", scale=x, axis=None), y=alt.Y("y:Q", scale=y, axis=None), order="n:Q", detail="part:N"
    )
    present = set(kinds)
    layers = []
    for closed in (True, False):
        group = [k for k in BODY_KINDS if k in present and (k in SHAPES) == closed]
        if not group:
            continue
        style = {
            "stroke": alt.StrokeValue(**_by_kind(group, "stroke", scale, None)),
            "strokeWidth": alt.StrokeWidthValue(**_by_kind(group, "strokeWidth", scale, 1.0)),
        }
        if closed:
            style["fill"] = alt.FillValue(**_by_kind(group, "fill", scale, None))
        if any("strokeDash" in STYLES[k] for k in group):
            style["strokeDash"] = alt.StrokeDashValue(**_by_kind(group, "strokeDash", scale, [1, 0]))
        mark = base.mark_line(
            interpolate="cardinal-closed" if closed else "cardinal",
            tension=TENSION,
            filled=closed,
            strokeCap="butt",
            aria=False,
        ).encode(**style)
        names = ", ".join(f"'{k}'" for k in group)
        layers.append(mark.transform_filter(f"indexof([{names}], datum.kind) >= 0"))
    return layers
