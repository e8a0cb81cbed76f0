"""The wind-up picture, the treatment ladder and the fit of options to a person's answers."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from explainer.charts.base import BLUE, GREY, INK, ORANGE, TIER_COLOURS, VERMILLION, Words, with_param
from explainer.content import Content, Treatment

CHOSEN = "chosen"  # the ladder's options being compared, by short name
CHOSEN_STROKE = 2.5  # the outline of an option being compared
TICK = " ✓"  # after its name
# The same look for a drawing made ahead with nothing chosen, marked in the browser (explainer/ui/drawn.py).
LADDER_LOOK = {"ink": INK, "stroke": CHOSEN_STROKE, "tick": TICK}
# The wind-up each view of the pathway page opens with: (signals in a row, the brain's brakes out of 100).
WINDUP_START = {"acute": (6, 90), "chronic": (12, 30)}
# Where the wind-up's sliders can stand: repeats from 1 to 20, brakes from 0 to 100% in tens.
WINDUP_REPEATS = range(1, 21)
WINDUP_BRAKES = range(0, 101, 10)


def windup_curve(repeats: int, brakes: float) -> pd.DataFrame:
    """An illustration, not physiology: each repeat adds a little more than the last unless the
    brain's brakes (0 weak to 1 strong) hold it back; loudness is on a 0-10 picture scale."""
    rows, loud = [], 2.0
    for n in range(1, repeats + 1):
        rows.append({"signal": n, "loudness": round(loud, 2)})
        loud = min(10.0, loud * (1 + 0.25 * (1 - brakes)) + 0.1 * (1 - brakes))
    return pd.DataFrame(rows)


def with_curve(spec: dict, curve: pd.DataFrame) -> dict:
    """A wind-up spec (from `windup(...)`) showing another curve, without a rebuild: its one dataset swapped
    (the same as `windup(curve, ...)`, but for the dataset's name)."""
    (name,) = spec["datasets"]
    return {**spec, "datasets": {name: curve.to_dict("records")}}


def _two_lines(title: str) -> str | list[str]:
    """A long axis title with a part in brackets, on two lines, so it fits beside a short chart."""
    head, bracket, rest = title.partition(" (")
    return [head, f"({rest}"] if bracket else title


def windup(curve: pd.DataFrame, chronic: bool, words: Words) -> alt.LayerChart:
    colour = VERMILLION if chronic else BLUE
    base = alt.Chart(curve).encode(
        x=alt.X("signal:Q", title=words("chart.windup_x"), axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("loudness:Q", title=_two_lines(words("chart.windup_y")), scale=alt.Scale(domain=[0, 10])),
        tooltip=[
            alt.Tooltip("signal:Q", title=words("chart.signal")),
            alt.Tooltip("loudness:Q", title=words("chart.loudness")),
        ],
    )
    return (
        base.mark_line(color=colour, strokeWidth=3) + base.mark_point(color=colour, filled=True, size=60)
    ).properties(height=260)


def ladder(
    treatments: Sequence[Treatment], words: Words, selected: Sequence[str] = (), scale: float = 1.0
) -> alt.LayerChart:
    """Options from least to most invasive: a step per tier, the chosen ones marked by an outline and a
    tick. Which are chosen is a param, so a spec built once serves every choice (see `with_chosen`)."""
    rows = [
        {"id": t.id, "name": t.short, "tier": t.tier, "order": n, "tier_label": words("treatments.step", tier=t.tier)}
        for n, t in enumerate(treatments)
    ]
    data = pd.DataFrame(rows)
    chosen = alt.param(name=CHOSEN, value=[t.short for t in treatments if t.id in selected])
    is_chosen = f"indexof({CHOSEN}, datum.name) >= 0"
    y = alt.Y(
        "name:N",
        sort=alt.SortField("order"),
        title=None,
        axis=alt.Axis(
            labelFontSize=14 * scale,
            labelLimit=220 * scale,
            labelColor=INK,
            labelExpr=f"indexof({CHOSEN}, datum.value) >= 0 ? datum.value + '{TICK}' : datum.value",
        ),
    )
    bars = (
        alt.Chart(data)
        .mark_bar(height=18 * scale, cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "tier:Q",
                title=_two_lines(words("chart.ladder_x")),  # two lines: it fits a phone
                scale=alt.Scale(domain=[0, 6]),
                axis=alt.Axis(
                    values=list(range(1, 7)),
                    format="d",
                    labelColor=INK,
                    titleColor=INK,
                    labelFontSize=12 * scale,
                    titleFontSize=13 * scale,
                ),
            ),
            y=y,
            color=alt.Color("tier:O", scale=alt.Scale(range=TIER_COLOURS), legend=None),
            stroke=alt.condition(is_chosen, alt.value(INK), alt.value(None)),
            strokeWidth=alt.condition(is_chosen, alt.value(CHOSEN_STROKE), alt.value(0)),
            tooltip=[
                alt.Tooltip("name:N", title=words("chart.option")),
                alt.Tooltip("tier_label:N", title=words("chart.step")),
            ],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, fontSize=12 * scale, color=INK)
        .encode(
            x="tier:Q",
            y=y,
            text="tier_label:N",
        )
    )
    return (bars + text).properties(height=alt.Step(30 * scale)).add_params(chosen)


def with_chosen(spec: dict, treatments: Sequence[Treatment], selected: Sequence[str]) -> dict:
    """A ladder spec (from `ladder(...).to_dict()`) with `selected` (ids) marked, without a rebuild."""
    return with_param(spec, CHOSEN, [t.short for t in treatments if t.id in selected])


def fit(ranked: Sequence[tuple[str, int]], best: int, words: Words) -> alt.Chart:
    """How well each option fits a person's answers, best first: bars go right for a good fit and
    left for a poor one, so direction, not colour alone, carries the meaning."""
    data = pd.DataFrame(
        [
            {"name": name, "score": score, "fit": "fits" if score > 0 else "does not fit" if score < 0 else "neutral"}
            for name, score in ranked
        ]
    )
    limit = max(best, 1)
    return (
        alt.Chart(data)
        .mark_bar(height=16)
        .encode(
            x=alt.X(
                "score:Q",
                title=words("chart.fit_x").split("|"),  # two lines fit a phone
                scale=alt.Scale(domain=[-limit, limit]),
                axis=alt.Axis(labelColor=INK, titleColor=INK, tickMinStep=1, format="+d"),
            ),
            y=alt.Y(
                "name:N", sort=[name for name, _ in ranked], title=None, axis=alt.Axis(labelLimit=220, labelColor=INK)
            ),
            color=alt.Color(
                "fit:N",
                scale=alt.Scale(domain=["fits", "neutral", "does not fit"], range=[BLUE, GREY, ORANGE]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("name:N", title=words("chart.option")),
                alt.Tooltip("score:Q", title=words("chart.fit"), format="+d"),
            ],
        )
        .properties(height=alt.Step(26))
    )


def ladder_alt(content: Content) -> str:
    steps = "; ".join(
        content.text("treatments.step", tier=tier)
        + ": "
        + ", ".join(t.name for t in content.ladder() if t.tier == tier)
        for tier in content.tiers
    )
    return content.text("treatments.alt", steps=steps)
