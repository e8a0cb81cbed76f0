"""Chart specs built once per content version and served from Streamlit's cache to every session.

Building and validating an Altair chart takes tenths of a second; a rerun must take milliseconds. The
chosen stage and the compared options are params set on a copy, so they need no build of their own.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st
from streamlit import dataframe_util

from explainer import charts
from explainer.content import Content

_CACHE: dict[str, Any] = {"max_entries": 1000, "show_spinner": False, "hash_funcs": {Content: lambda c: c.version}}


def _arrow(chart: Any) -> dict:
    """The chart's spec (charts.spec) with its datasets already in Arrow, the form st.vega_lite_chart sends
    them in. Given rows, it converts them with this same function on every run, a few milliseconds a chart."""
    spec = charts.spec(chart)
    return {
        **spec,
        "datasets": {
            name: dataframe_util.convert_anything_to_arrow_bytes(rows)
            for name, rows in spec.get("datasets", {}).items()
        },
    }


@st.cache_data(**_CACHE)
def _pathway_base(content: Content, view: str, treatment: str | None, scale: float) -> dict:
    return _arrow(
        charts.pathway(
            content.pathway.stages,
            content.pathway.connections,
            content.text,
            view,
            None,
            content.treatments.get(treatment or ""),
            scale,
            body=content.pathway.body,
        )
    )


@functools.lru_cache(maxsize=256)
def _chosen(selected: str | None) -> bytes:
    return dataframe_util.convert_anything_to_arrow_bytes(charts.chosen_rows(selected))


def pathway(content: Content, view: str, selected: str | None, treatment: str | None, scale: float = 1.0) -> dict:
    """The diagram with `selected` chosen: the cached spec with only its one-row chosen-stage dataset
    swapped, which the browser updates in place."""
    return charts.with_selection(_pathway_base(content, view, treatment, scale), selected, _chosen(selected))


@st.cache_data(**_CACHE)
def _ladder_base(content: Content, scale: float) -> dict:
    return _arrow(charts.ladder(content.ladder(), content.text, (), scale))


def ladder(content: Content, selected: tuple[str, ...] = (), scale: float = 1.0) -> dict:
    return charts.with_chosen(_ladder_base(content, scale), content.ladder(), selected)


@st.cache_data(**_CACHE)
def windup(content: Content, repeats: int, brakes: int, chronic: bool) -> dict:
    return _arrow(charts.windup(charts.windup_curve(repeats, brakes / 100), chronic, content.text))


@st.cache_data(**_CACHE)
def fit(content: Content, ranked: tuple[tuple[str, int], ...], best: int) -> dict:
    return _arrow(charts.fit(ranked, best, content.text))


@st.cache_data(**_CACHE)
def icons(content: Content, number_id: str) -> dict:
    """The 100-person picture of one trial result, by its id in content/evidence.yaml."""
    number = next(n for n in content.evidence.numbers if n.id == number_id)
    return _arrow(charts.number_chart(number, content.text))


def draw(spec: dict, alt: str, **options: Any) -> Any:
    """Draw a cached spec; `alt` is its text alternative."""
    return st.vega_lite_chart(spec=spec, width="stretch", alt=alt, **options)
