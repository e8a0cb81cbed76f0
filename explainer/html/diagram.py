"""The pain pathway drawn as plain geometry: the body outline, lines, arrow heads, circles and labels with
their coordinates, from the same content the interactive chart draws."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from explainer.charts import BLUE, GREEN, GREY, INK, pathway_alt
from explainer.charts.body import STYLES, X_MAX, X_MIN, X_SPAN, Y_DOMAIN, Y_SPAN
from explainer.content import Content
from explainer.content.models import BODY_KINDS, SHAPES, BodyPart
from explainer.html.frame import number

UNIT = 4.0  # drawing units per grid unit, the same across as up, as in the chart
TOP = 6
# The circles hold their numbers at about the labels' size: a phone shows the picture at 0.9 of its size.
RADIUS, FONT, NUMBER_FONT = 11, 13, 13
WIDTH, HEIGHT = 380, TOP + round(Y_SPAN * UNIT) + 48  # the legend below the body
CHAR = 6.6  # average width of a character at FONT size, to keep labels inside the picture
GAP = 6  # between the label column's edge and a label
LABEL = 21  # characters in the longest label: "8. " and a stage label of at most 18
LEFT = round((WIDTH - X_SPAN * UNIT - GAP - LABEL * CHAR) / 2)  # where X_MIN falls: body and labels centred
HEAD = 10  # an arrowhead's length, shorter where two circles leave less room between them
TENSION = 0.35  # the chart's cardinal curves (charts/body.py), so both pictures have the same outline
Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    start: Point
    end: Point
    colour: str
    dashed: bool


@dataclass(frozen=True)
class Arrow:
    line: Line
    head: tuple[Point, Point, Point]  # tip, then the two wings


@dataclass(frozen=True)
class Label:
    at: Point  # the baseline's start, or its end when anchored at the end
    text: str
    anchor: Literal["start", "end"] = "start"


@dataclass(frozen=True)
class Node:
    centre: Point
    label: Label
    number: int
    leader: str  # path data of the dotted line from the circle to its label


@dataclass(frozen=True)
class Part:
    """A piece of the body: SVG path data and how it is painted."""

    d: str
    fill: str
    stroke: str
    width: float
    dash: str


@dataclass(frozen=True)
class Diagram:
    title: str
    desc: str  # the whole picture told in words, for screen readers
    body: tuple[Part, ...]
    arrows: tuple[Arrow, ...]
    nodes: tuple[Node, ...]
    legend: tuple[tuple[Line, Label], ...]
    width: int = WIDTH
    height: int = HEIGHT
    radius: int = RADIUS
    font: int = FONT
    number_font: int = NUMBER_FONT
    ink: str = INK
    leader: str = GREY


def point(x: float, y: float) -> Point:
    """Grid positions (0-100, 100 at the top) to drawing units; the labels get the room on the right."""
    return LEFT + (x - X_MIN) * UNIT, TOP + (Y_DOMAIN[1] - y) * UNIT


def curve(points: Sequence[Point], closed: bool) -> str:
    """SVG path data through the points as a cardinal spline, the curve Vega draws for the chart."""
    p = list(points)
    n = len(p)
    k = (1 - TENSION) / 6
    at = (lambda i: p[i % n]) if closed else (lambda i: p[min(max(i, 0), n - 1)])
    d = [f"M{number(p[0][0])},{number(p[0][1])}"]
    for i in range(n if closed else n - 1):
        (ax, ay), (bx, by), (cx, cy), (ex, ey) = at(i - 1), at(i), at(i + 1), at(i + 2)
        c1 = (bx + k * (cx - ax), by + k * (cy - ay))
        c2 = (cx - k * (ex - bx), cy - k * (ey - by))
        d.append("C" + " ".join(f"{number(x)},{number(y)}" for x, y in (c1, c2, (cx, cy))))
    return "".join(d) + ("Z" if closed else "")


def body(parts: Sequence[BodyPart]) -> tuple[Part, ...]:
    """The body's parts kind by kind, shapes first, painted as the chart paints them."""
    drawn = []
    for kind in BODY_KINDS:
        style = STYLES[kind]
        for part in (p for p in parts if p.kind == kind):
            dash = " ".join(number(v) for v in style.get("strokeDash", ()))
            width = style["strokeWidth"] * UNIT / 4  # the chart's pixels at about 4 pixels a grid unit
            drawn.append(
                Part(
                    curve([point(*xy) for xy in part.points], kind in SHAPES),
                    style.get("fill", "none"),
                    style["stroke"],
                    width,
                    dash,
                )
            )
    return tuple(drawn)


def arrow(a: Point, b: Point, colour: str, dashed: bool) -> Arrow:
    """A line from circle to circle that stops short of the next one for its head, a triangle rather
    than an SVG marker, so nothing in the page refers to anything by url(). Between close circles the head
    is shorter, so it never reaches into the circle the arrow starts from."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    tip = (b[0] - ux * (RADIUS + 2), b[1] - uy * (RADIUS + 2))
    head = max(4.0, min(HEAD, length - 2 * RADIUS - 4))
    base = (tip[0] - ux * head, tip[1] - uy * head)
    start = (a[0] + ux * RADIUS, a[1] + uy * RADIUS)
    wings = (base[0] - uy * head / 2, base[1] + ux * head / 2), (base[0] + uy * head / 2, base[1] - ux * head / 2)
    return Arrow(Line(start, base, colour, dashed), (tip, *wings))


def node(n: int, text: str, centre: Point) -> Node:
    """A stage's circle with its number, and its label in the column beside the body."""
    column = point(X_MAX, 0)[0]
    x, y = centre
    leader = f"M{number(x + RADIUS)},{number(y)}H{number(column)}"
    return Node(centre, Label((column + GAP, y + 4.5), text), n, leader)


def pathway(content: Content) -> Diagram:
    """The pathway on the body from the stages' positions and connections: solid arrows carry the signal
    up, dashed ones the brain's brakes back down."""
    at = {s.id: point(s.x, s.y) for s in content.pathway.stages}
    arrows = tuple(
        arrow(at[c.from_], at[c.to], BLUE if c.kind == "up" else GREEN, c.kind == "down")
        for c in content.pathway.connections
    )
    nodes = tuple(node(n, f"{n}. {s.label}", at[s.id]) for n, s in enumerate(content.pathway.stages, 1))
    legend = tuple(
        (Line((14, y), (44, y), colour, dashed), Label((52, y + 4.5), content.text(key)))
        for y, colour, dashed, key in (
            (HEIGHT - 34, BLUE, False, "light.signal_up"),
            (HEIGHT - 12, GREEN, True, "light.brakes_down"),
        )
    )
    return Diagram(
        content.text("light.diagram"),
        pathway_alt(content, "acute", None),
        body(content.pathway.body),
        arrows,
        nodes,
        legend,
    )
