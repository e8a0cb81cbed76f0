"""The pain pathway drawn as plain geometry: lines, arrow heads, circles and labels with their coordinates."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from explainer.charts import BLUE, GREEN, INK, pathway_alt
from explainer.content import Content

WIDTH, HEIGHT, RADIUS, FONT = 380, 322, 9, 13
CHAR = 6.6  # average width of a character at FONT size, to keep labels off other stages and lines
GAP = 5  # between a circle and its label
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


@dataclass(frozen=True)
class Diagram:
    title: str
    desc: str  # the whole picture told in words, for screen readers
    arrows: tuple[Arrow, ...]
    nodes: tuple[Node, ...]
    legend: tuple[tuple[Line, Label], ...]
    width: int = WIDTH
    height: int = HEIGHT
    radius: int = RADIUS
    font: int = FONT
    ink: str = INK


def point(x: float, y: float) -> Point:
    """Content positions (0-100, 100 at the top) to drawing units; labels get the room on the right."""
    return 14 + x * 2.5, 16 + (100 - y) * 2.6


def arrow(a: Point, b: Point, colour: str, dashed: bool) -> Arrow:
    """A line from circle to circle that stops short of the next one for its head, a triangle rather
    than an SVG marker, so nothing in the page refers to anything by url()."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    tip = (b[0] - ux * (RADIUS + 2), b[1] - uy * (RADIUS + 2))
    base = (tip[0] - ux * 10, tip[1] - uy * 10)
    start = (a[0] + ux * RADIUS, a[1] + uy * RADIUS)
    wings = (base[0] - uy * 5, base[1] + ux * 5), (base[0] + uy * 5, base[1] - ux * 5)
    return Arrow(Line(start, base, colour, dashed), (tip, *wings))


def _drawn_near(stage_id: str, at: dict[str, Point], content: Content) -> list[Point]:
    """Points where something else is drawn: the other stages, and points along every connection."""
    drawn = [p for sid, p in at.items() if sid != stage_id]
    for c in content.pathway.connections:
        (ax, ay), (bx, by) = at[c.from_], at[c.to]
        drawn += [(ax + (bx - ax) * t / 24, ay + (by - ay) * t / 24) for t in range(3, 22)]
    return drawn


def label(stage_id: str, text: str, at: dict[str, Point], content: Content) -> Label:
    """A stage's label on its right, or on its left when something is drawn there and the left has room."""
    x, y = at[stage_id]
    width = len(text) * CHAR
    drawn = _drawn_near(stage_id, at, content)

    def clear(left: float) -> bool:
        return not any(left - 4 <= px <= left + width + 4 and y - 12 <= py <= y + 12 for px, py in drawn)

    right, left = x + RADIUS + GAP, x - RADIUS - GAP - width
    if not clear(right) and left >= 0 and clear(left):
        return Label((x - RADIUS - GAP, y + 4.5), text, "end")
    return Label((right, y + 4.5), text)


def pathway(content: Content) -> Diagram:
    """The pathway from the stages' positions and connections: solid arrows carry the signal up, dashed
    ones the brain's brakes back down."""
    at = {s.id: point(s.x, s.y) for s in content.pathway.stages}
    arrows = tuple(
        arrow(at[c.from_], at[c.to], BLUE if c.kind == "up" else GREEN, c.kind == "down")
        for c in content.pathway.connections
    )
    nodes = tuple(
        Node(at[s.id], label(s.id, f"{n}. {s.label}", at, content)) for n, s in enumerate(content.pathway.stages, 1)
    )
    legend = tuple(
        (Line((14, y), (44, y), colour, dashed), Label((52, y + 4.5), content.text(key)))
        for y, colour, dashed, key in (
            (HEIGHT - 34, BLUE, False, "light.signal_up"),
            (HEIGHT - 12, GREEN, True, "light.brakes_down"),
        )
    )
    return Diagram(content.text("light.diagram"), pathway_alt(content, "acute", None, None), arrows, nodes, legend)
