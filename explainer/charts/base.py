"""What every chart shares: the colours, the words a chart shows (from content), and setting a param."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The words a chart shows come from content (content.text), so every chart speaks the page's language.
Words = Callable[..., str]

# Okabe-Ito colours: distinguishable with the common colour-vision differences, and never the only cue.
BLUE, VERMILLION, GREEN, ORANGE, GREY, INK = "#0072B2", "#D55E00", "#009E73", "#E69F00", "#6B7280", "#1B1F24"
# The body under the pathway: pale fills, so the person recedes behind the stages; its lines are at least
# 3:1 against white and against the body (on BODY_FILL: GREY 4.3:1, SPINE 3.3:1). The brain and spinal cord
# are near white, so the arrows running along them keep 3:1 too (GREEN 3.3:1 on BRAIN_FILL).
BODY_FILL, BRAIN_FILL, OPERATED_FILL, SPINE = "#EEF1F5", "#F9FBFE", "#FBEBCF", "#7C8593"
TIER_COLOURS = ["#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00", "#CC79A7"]


def spec(chart: Any) -> dict:
    """An Altair chart as the Vega-Lite spec the browser and the picture drawer read. Not checked against
    Vega-Lite's schema here, which takes a tenth of a second a chart on every first draw: the tests check
    every kind of chart the app draws (tests/test_charts.py)."""
    result: dict = chart.to_dict(validate=False)
    return result


def with_param(spec: dict, name: str, value: Any) -> dict:
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
