"""Altair chart builders: content in, chart out; no Streamlit calls, so every spec can be tested as data."""
from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Callable, Sequence
from typing import Literal

import altair as alt
import pandas as pd

from explainer.content import Connection, Content, Stage, Treatment

# The words a chart shows come from content (content.text), so every chart speaks the page's language.
Words = Callable[..., str]

# Okabe-Ito colours: distinguishable with the common colour-vision differences, and never the only cue.
BLUE, VERMILLION, GREEN, ORANGE, GREY, INK = "#0072B2", "#D55E00", "#009E73", "#E69F00", "#6B7280", "#1B1F24"
TIER_COLOURS = ["#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00", "#CC79A7"]
SELECTION = "stage"
CHOSEN = "chosen"  # the ladder's options being compared, by short name
WEIGHTS: tuple[Literal["normal"], Literal["bold"]] = ("normal", "bold")  # a stage's label, then the chosen one
X_MAX = 148  # stages sit at x 0-100; the rest is room for labels on their right, in the longer languages too
# How much longer a unit of y is than a unit of x on screen, to point arrowheads the way the lines go: 0.8
# with an x domain 139 units wide, and more as the domain widens and each unit of x gets shorter.
ASPECT = 0.8 * (X_MAX + 4) / 139


def _arrow_angle(dx: float, dy: float) -> float:
    """Vega's triangle-up points up at 0 degrees and turns clockwise; data y grows upwards."""
    return (90 - math.degrees(math.atan2(dy * ASPECT, dx))) % 360


def pathway_edges(stages: Sequence[Stage], connections: Sequence[Connection], view: str,
                  words: Words) -> pd.DataFrame:
    """One row per arrow, with how it is drawn in this view: chronic pain turns the upward signal up
    and the brain's brakes down."""
    at = {s.id: s for s in stages}
    rows = []
    for n, link in enumerate(connections):
        a, b = at[link.from_], at[link.to]
        up = link.kind == "up"
        # Chronic pain turns the signal up and the brakes down; in the acute view both are drawn alike.
        width, opacity = ((7.0, 1.0) if up else (2.0, 0.45)) if view == "chronic" else (3.5, 1.0)
        rows.append({
            "edge": n, "kind": words("chart.signal_up") if up else words("chart.brakes_down"),
            "x": a.x, "y": a.y, "x2": b.x, "y2": b.y,
            "mx": a.x + (b.x - a.x) * 0.62, "my": a.y + (b.y - a.y) * 0.62,
            "angle": _arrow_angle(b.x - a.x, b.y - a.y),
            "width": width, "opacity": opacity,
        })
    return pd.DataFrame(rows)


def pathway_nodes(stages: Sequence[Stage], view: str, treatment: Treatment | None) -> pd.DataFrame:
    acts = set(treatment.acts_at) if treatment else set()
    rows = []
    for order, s in enumerate(stages, 1):
        marked = s.id in acts
        rows.append({
            "id": s.id, "order": order, "name": s.name, "x": s.x, "y": s.y,
            "label": f"{order}. {s.label}" + (" ◆" if marked else ""),
            "treatment": "acts here" if marked else "",
            "loud": view == "chronic" and s.id == "dorsal-horn",
        })
    return pd.DataFrame(rows)


def pathway(stages: Sequence[Stage], connections: Sequence[Connection], words: Words, view: str = "acute",
            selected: str | None = None, treatment: Treatment | None = None, scale: float = 1.0) -> alt.LayerChart:
    """The pain pathway: stages as clickable points, arrows for the signal up and the brakes down.
    `scale` enlarges type and marks, e.g. for a projector. Everything that shows the chosen stage follows
    the click selection, so a spec built once serves every stage (see `with_selection`)."""
    edges = pathway_edges(stages, connections, view, words)
    kinds = [words("chart.signal_up"), words("chart.brakes_down")]
    nodes = pathway_nodes(stages, view, treatment)
    x = alt.X("x:Q", scale=alt.Scale(domain=[-4, X_MAX]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[-6, 106]), axis=None)
    up_colour = VERMILLION if view == "chronic" else BLUE
    kind_colour = alt.Color(
        "kind:N", scale=alt.Scale(domain=kinds, range=[up_colour, GREEN]),
        legend=alt.Legend(title=None, orient="bottom", symbolType="stroke", labelFontSize=13 * scale,
                         labelColor=INK),
    )
    dash = alt.StrokeDash(
        "kind:N", scale=alt.Scale(domain=kinds, range=[[1, 0], [7, 5]]), legend=None
    )
    # Only the stages speak to screen readers; arrows and labels are drawing, told in the alt text.
    lines = alt.Chart(edges).mark_rule(strokeCap="round", aria=False).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q", color=kind_colour, strokeDash=dash,
        strokeWidth=alt.StrokeWidth("width:Q", scale=None), opacity=alt.Opacity("opacity:Q", scale=None),
        tooltip=[alt.Tooltip("kind:N", title=words("chart.arrow"))],
    )
    heads = alt.Chart(edges).mark_point(shape="triangle-up", filled=True, size=260 * scale ** 2, aria=False).encode(
        x=alt.X("mx:Q", scale=alt.Scale(domain=[-4, X_MAX]), axis=None),
        y=alt.Y("my:Q", scale=alt.Scale(domain=[-6, 106]), axis=None),
        angle=alt.Angle("angle:Q", scale=None), color=alt.Color("kind:N", legend=None,
        scale=alt.Scale(domain=kinds, range=[up_colour, GREEN])),
        opacity=alt.Opacity("opacity:Q", scale=None),
    )
    initial = [{"id": selected}] if selected else alt.Undefined
    pick = alt.selection_point(name=SELECTION, fields=["id"], on="click", value=initial,
                               clear=False, empty=False)
    points = alt.Chart(nodes).mark_point(filled=True, opacity=1, stroke=INK, cursor="pointer").encode(
        x=x, y=y,
        shape=alt.Shape("treatment:N", scale=alt.Scale(domain=["", "acts here"], range=["circle", "diamond"]),
                        legend=None),
        size=alt.condition(pick, alt.value(900 * scale ** 2), alt.value(520 * scale ** 2)),
        color=alt.condition("datum.treatment == 'acts here'", alt.value(ORANGE), alt.value("#FFFFFF")),
        strokeWidth=alt.condition(pick, alt.value(5), alt.value(2)),
        tooltip=[alt.Tooltip("name:N", title=words("chart.stage"))], description="label:N",
    ).add_params(pick)
    label = alt.Chart(nodes).encode(x=x, y=y, text="label:N")
    labels = [
        label.mark_text(align="left", dx=16 * scale, fontSize=14 * scale, color=INK, fontWeight=weight, aria=False)
        .transform_filter(test)
        for weight, test in ((WEIGHTS[0], ~pick), (WEIGHTS[1], pick))
    ]
    return alt.layer(lines, heads, points, *labels).properties(height=440 * scale).configure_view(stroke=None)


def _with_param(spec: dict, name: str, value) -> dict:
    """A copy of a chart spec whose top-level param `name` starts at `value` (None: no initial value).
    Altair lifts a layered chart's params to the top. Only the params list is copied; the rest, data
    included, is shared with `spec`, which is left unchanged."""
    if name not in {p["name"] for p in spec.get("params", [])}:
        raise KeyError(f"the chart has no top-level param {name!r}")
    params = []
    for p in spec["params"]:
        if p["name"] == name:
            p = {k: v for k, v in p.items() if k != "value"} | ({} if value is None else {"value": value})
        params.append(p)
    return {**spec, "params": params}


def with_selection(spec: dict, selected: str | None) -> dict:
    """A pathway spec (from `pathway(...).to_dict()`) starting with `selected` chosen, without a rebuild."""
    return _with_param(spec, SELECTION, [{"id": selected}] if selected else None)


def windup_curve(repeats: int, brakes: float) -> pd.DataFrame:
    """An illustration, not physiology: each repeat adds a little more than the last unless the
    brain's brakes (0 weak to 1 strong) hold it back; loudness is on a 0-10 picture scale."""
    rows, loud = [], 2.0
    for n in range(1, repeats + 1):
        rows.append({"signal": n, "loudness": round(loud, 2)})
        loud = min(10.0, loud * (1 + 0.25 * (1 - brakes)) + 0.1 * (1 - brakes))
    return pd.DataFrame(rows)


def windup(curve: pd.DataFrame, chronic: bool, words: Words) -> alt.LayerChart:
    colour = VERMILLION if chronic else BLUE
    base = alt.Chart(curve).encode(
        x=alt.X("signal:Q", title=words("chart.windup_x"), axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("loudness:Q", title=words("chart.windup_y"), scale=alt.Scale(domain=[0, 10])),
        tooltip=[alt.Tooltip("signal:Q", title=words("chart.signal")),
                 alt.Tooltip("loudness:Q", title=words("chart.loudness"))],
    )
    return (base.mark_line(color=colour, strokeWidth=3) + base.mark_point(color=colour, filled=True, size=60)
            ).properties(height=260)


def ladder(treatments: Sequence[Treatment], words: Words, selected: Sequence[str] = (),
           scale: float = 1.0) -> alt.LayerChart:
    """Options from least to most invasive: a step per tier, the chosen ones marked by an outline and a
    tick. Which are chosen is a param, so a spec built once serves every choice (see `with_chosen`)."""
    rows = [{"id": t.id, "name": t.short, "tier": t.tier, "order": n,
             "tier_label": words("treatments.step", tier=t.tier)} for n, t in enumerate(treatments)]
    data = pd.DataFrame(rows)
    chosen = alt.param(name=CHOSEN, value=[t.short for t in treatments if t.id in selected])
    is_chosen = f"indexof({CHOSEN}, datum.name) >= 0"
    y = alt.Y("name:N", sort=alt.SortField("order"), title=None,
              axis=alt.Axis(labelFontSize=14 * scale, labelLimit=220 * scale, labelColor=INK,
                            labelExpr=f"indexof({CHOSEN}, datum.value) >= 0 ? datum.value + ' ✓' : datum.value"))
    bars = alt.Chart(data).mark_bar(height=18 * scale, cornerRadiusEnd=3).encode(
        x=alt.X("tier:Q", title=words("chart.ladder_x"),
                scale=alt.Scale(domain=[0, 6]),
                axis=alt.Axis(values=list(range(1, 7)), format="d", labelColor=INK, titleColor=INK,
                              labelFontSize=12 * scale, titleFontSize=13 * scale)),
        y=y,
        color=alt.Color("tier:O", scale=alt.Scale(range=TIER_COLOURS), legend=None),
        stroke=alt.condition(is_chosen, alt.value(INK), alt.value(None)),
        strokeWidth=alt.condition(is_chosen, alt.value(2.5), alt.value(0)),
        tooltip=[alt.Tooltip("name:N", title=words("chart.option")),
                 alt.Tooltip("tier_label:N", title=words("chart.step"))],
    )
    text = alt.Chart(data).mark_text(align="left", dx=4, fontSize=12 * scale, color=INK).encode(
        x="tier:Q", y=y, text="tier_label:N",
    )
    return (bars + text).properties(height=alt.Step(30 * scale)).add_params(chosen)


def with_chosen(spec: dict, treatments: Sequence[Treatment], selected: Sequence[str]) -> dict:
    """A ladder spec (from `ladder(...).to_dict()`) with `selected` (ids) marked, without a rebuild."""
    return _with_param(spec, CHOSEN, [t.short for t in treatments if t.id in selected])


def fit(ranked: Sequence[tuple[str, int]], best: int, words: Words) -> alt.Chart:
    """How well each option fits a person's answers, best first: bars go right for a good fit and
    left for a poor one, so direction, not colour alone, carries the meaning."""
    data = pd.DataFrame([{"name": name, "score": score, "fit": "fits" if score > 0 else
                          "does not fit" if score < 0 else "neutral"} for name, score in ranked])
    limit = max(best, 1)
    return alt.Chart(data).mark_bar(height=16).encode(
        x=alt.X("score:Q", title=words("chart.fit_x").split("|"),  # two lines fit a phone
                scale=alt.Scale(domain=[-limit, limit]),
                axis=alt.Axis(labelColor=INK, titleColor=INK, tickMinStep=1, format="+d")),
        y=alt.Y("name:N", sort=[name for name, _ in ranked], title=None,
                axis=alt.Axis(labelLimit=220, labelColor=INK)),
        color=alt.Color("fit:N", scale=alt.Scale(domain=["fits", "neutral", "does not fit"],
                                                 range=[BLUE, GREY, ORANGE]), legend=None),
        tooltip=[alt.Tooltip("name:N", title=words("chart.option")),
                 alt.Tooltip("score:Q", title=words("chart.fit"), format="+d")],
    ).properties(height=alt.Step(26))


# --- text alternatives: what a sighted visitor sees, in words --------------------------------------

def pathway_alt(content: Content, view: str, selected: str | None, treatment: Treatment | None) -> str:
    names = [s.name for s in content.pathway.stages]
    text = content.text("pathway.alt", view=content.pathway.views[view].title,
                        up=f", {content.text('chart.then')} ".join(names[:-1]))
    if selected:
        text += " " + content.text("pathway.alt_selected", selected=content.stages[selected].name)
    if treatment:
        text += " " + content.text("pathway.alt_treatment", treatment=treatment.name,
                                   stages=", ".join(content.stages[s].name for s in treatment.acts_at))
    return text


def ladder_alt(content: Content) -> str:
    steps = "; ".join(
        content.text("treatments.step", tier=tier) + ": "
        + ", ".join(t.name for t in content.ladder() if t.tier == tier) for tier in content.tiers
    )
    return content.text("treatments.alt", steps=steps)




# --- numbers as 100 people ---------------------------------------------------------------------

# A person, in Vega's shape units (a path within -1..1): a head and a body.
PERSON = ("M0,-1A0.26,0.26 0 1,1 0,-0.48A0.26,0.26 0 1,1 0,-1Z"
          "M-0.5,-0.38L0.5,-0.38L0.5,0.32L0.26,0.32L0.26,1L-0.26,1L-0.26,0.32L-0.5,0.32Z")
NOT_REACHED = "#949494"  # 3:1 against white, so the people who did not reach the outcome stay visible


def icon_rows(groups: Sequence[tuple[str, int]]) -> pd.DataFrame:
    """100 people per group on a 10 x 10 grid, the ones with the outcome grouped from the bottom left
    (grouped, not scattered: scattered icons read as a bigger risk)."""
    rows = []
    for order, (label, count) in enumerate(groups):
        for i in range(100):
            rows.append({"group": label, "order": order, "col": i % 10, "row": i // 10,
                         "outcome": "yes" if i < count else "no"})
    return pd.DataFrame(rows)


def icon_array(groups: Sequence[tuple[str, int]], outcome: str, words: Words, harm: bool = False,
               size: float = 1.0) -> alt.FacetChart:
    """One 100-person picture per group, side by side, each titled with its group and count. A harm is
    drawn in vermillion and a benefit in blue, so the two never look alike (the words say which, too)."""
    data = icon_rows(groups)
    # Titles wrap at | so a long group name fits a phone: its name on short lines, then its count.
    labels = {label: "|".join([*textwrap.wrap(label, 22), words("chart.out_of_100", count=count)])
              for label, count in groups}
    data["title"] = data["group"].map(labels)
    return alt.Chart(data).mark_point(shape=PERSON, filled=True, size=95 * size ** 2, opacity=1).encode(
        x=alt.X("col:O", axis=None),
        y=alt.Y("row:O", axis=None, sort="descending"),
        color=alt.Color("outcome:N", scale=alt.Scale(domain=["yes", "no"],
                                                     range=[VERMILLION if harm else BLUE, NOT_REACHED]),
                        legend=alt.Legend(title=None, orient="bottom", direction="vertical", labelColor=INK,
                                          labelLimit=330, labelFontSize=13 * size,
                                          labelExpr=f"datum.value == 'yes' ? {json.dumps(outcome)} : "
                                                    f"{json.dumps(words('chart.did_not'))}")),
        column=alt.Column("title:N", sort=[labels[label] for label, _ in groups], title=None,
                          header=alt.Header(labelFontSize=13 * size, labelColor=INK, labelLimit=160 * size,
                                            labelFontWeight="bold", labelExpr="split(datum.value, '|')")),
        tooltip=[alt.Tooltip("title:N", title=words("chart.group"))],
    ).properties(width=150 * size, height=150 * size).configure_view(stroke=None).configure_facet(spacing=24)
