"""Altair chart builders: content in, chart out; no Streamlit calls, so every spec can be tested as data."""

from explainer.charts.base import BLUE, GREEN, GREY, INK, ORANGE, TIER_COLOURS, VERMILLION, Words, with_param
from explainer.charts.pathway import (
    ASPECT,
    CHOSEN_STAGE,
    SELECTION,
    X_MAX,
    chosen_rows,
    pathway,
    pathway_alt,
    pathway_edges,
    pathway_nodes,
    with_selection,
)
from explainer.charts.people import NOT_REACHED, PERSON, icon_array, icon_rows
from explainer.charts.steps import CHOSEN, fit, ladder, ladder_alt, windup, windup_curve, with_chosen

__all__ = [
    "ASPECT",
    "BLUE",
    "CHOSEN",
    "CHOSEN_STAGE",
    "GREEN",
    "GREY",
    "INK",
    "NOT_REACHED",
    "ORANGE",
    "PERSON",
    "SELECTION",
    "TIER_COLOURS",
    "VERMILLION",
    "X_MAX",
    "Words",
    "chosen_rows",
    "fit",
    "icon_array",
    "icon_rows",
    "ladder",
    "ladder_alt",
    "pathway",
    "pathway_alt",
    "pathway_edges",
    "pathway_nodes",
    "windup",
    "windup_curve",
    "with_chosen",
    "with_param",
    "with_selection",
]
