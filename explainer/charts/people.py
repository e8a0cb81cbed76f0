"""Trial numbers as 100 people: one grouped picture per group, the same way for benefits and harms."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from explainer.charts.base import BLUE, INK, VERMILLION, Words
from explainer.content import Number

# A person, in Vega's shape units (a path within -1..1): a head and a body.
PERSON = (
    "M0,-1A0.26,0.26 0 1,1 0,-0.48A0.26,0.26 0 1,1 0,-1Z"
    "M-0.5,-0.38L0.5,-0.38L0.5,0.32L0.26,0.32L0.26,1L-0.26,1L-0.26,0.32L-0.5,0.32Z"
)
NOT_REACHED = "#949494"  # 3:1 against white, so the people who did not reach the outcome stay visible


def icon_rows(groups: Sequence[tuple[str, int]]) -> pd.DataFrame:
    """100 people per group on a 10 x 10 grid, the ones with the outcome grouped from the bottom left
    (grouped, not scattered: scattered icons read as a bigger risk)."""
    rows = []
    for order, (label, count) in enumerate(groups):
        for i in range(100):
            rows.append(
                {"group": label, "order": order, "col": i % 10, "row": i // 10, "outcome": "yes" if i < count else "no"}
            )
    return pd.DataFrame(rows)


def icon_array(
    groups: Sequence[tuple[str, int]], outcome: str, words: Words, harm: bool = False, size: float = 1.0
) -> alt.FacetChart:
    """One 100-person picture per group, side by side, each titled with its group and count. A harm is
    drawn in vermillion and a benefit in blue, so the two never look alike (the words say which, too)."""
    data = icon_rows(groups)
    # Titles wrap at | so a long group name fits a phone: its name on short lines, then its count.
    labels = {
        label: "|".join([*textwrap.wrap(label, 22), words("chart.out_of_100", count=count)]) for label, count in groups
    }
    data["title"] = data["group"].map(labels)
    return (
        alt.Chart(data)
        .mark_point(shape=PERSON, filled=True, size=95 * size**2, opacity=1)
        .encode(
            x=alt.X("col:O", axis=None),
            y=alt.Y("row:O", axis=None, sort="descending"),
            color=alt.Color(
                "outcome:N",
                scale=alt.Scale(domain=["yes", "no"], range=[VERMILLION if harm else BLUE, NOT_REACHED]),
                legend=alt.Legend(
                    title=None,
                    orient="bottom",
                    direction="vertical",
                    labelColor=INK,
                    labelLimit=330,
                    labelFontSize=13 * size,
                    labelExpr=f"datum.value == 'yes' ? {json.dumps(outcome)} : {json.dumps(words('chart.did_not'))}",
                ),
            ),
            column=alt.Column(
                "title:N",
                sort=[labels[label] for label, _ in groups],
                title=None,
                header=alt.Header(
                    labelFontSize=13 * size,
                    labelColor=INK,
                    labelLimit=160 * size,
                    labelFontWeight="bold",
                    labelExpr="split(datum.value, '|')",
                ),
            ),
            tooltip=[alt.Tooltip("title:N", title=words("chart.group"))],
        )
        .properties(width=150 * size, height=150 * size)
        .configure_view(stroke=None)
        .configure_facet(spacing=24)
    )


def number_chart(number: Number, words: Words) -> alt.FacetChart:
    """The 100-person picture of one trial result of content/evidence.yaml."""
    groups = [(g.label, g.out_of_100) for g in number.groups]
    return icon_array(groups, number.outcome, words, harm=number.kind == "harm")
