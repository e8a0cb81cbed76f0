"""What is chosen, marked on a chart drawn ahead (the SVG vl-convert makes at `make light`, explainer/pictures.py):
the chosen stage on the pathway, the compared options on the ladder. One drawing serves every choice, and
the page shows it marked at once, as the live chart would draw it (the same sizes, widths and words)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from explainer.charts.pathway import CHOSEN_LOOK
from explainer.charts.steps import LADDER_LOOK


class DrawingMismatch(ValueError):
    """The drawing has not the marks the chart draws: it was made by another version of the code."""


def _replace_once(pattern: str, change: object, svg: str, what: str) -> str:
    out, found = re.subn(pattern, change, svg)  # type: ignore[call-overload]
    if found != 1:
        raise DrawingMismatch(f"{what}: found {found} times in the drawing, not once")
    return str(out)


def stage_titles(svg: str) -> str:
    """Each stage's circle with its name as a title: shown on hover, as the live chart's tooltip."""
    return re.sub(
        r'(<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="point"[^>]*?)/>',
        r"\1><title>\2</title></path>",
        svg,
    )


def mark_stage(svg: str, number: int) -> str:
    """The stage numbered `number` drawn chosen: its circle larger with a thicker outline, its label bold."""
    grow = float(CHOSEN_LOOK["grow"])  # type: ignore[arg-type]
    stroke = float(CHOSEN_LOOK["stroke"][1]) / grow  # type: ignore[index]  # the outline is scaled with the circle

    def point(found: re.Match[str]) -> str:
        tag = re.sub(r'transform="translate\(([^)]*)\)"', rf'transform="translate(\1) scale({grow:.4f})"', found[0])
        return re.sub(r'stroke-width="[^"]*"', f'stroke-width="{stroke:.3f}"', tag)

    svg = _replace_once(
        rf'<path aria-label="{number}\. [^"]*" role="graphics-symbol" aria-roledescription="point"[^>]*>',
        point,
        svg,
        f"the circle of stage {number}",
    )
    return _replace_once(
        rf'(<text [^>]*)font-weight="normal"([^>]*>{number}\. )', r'\1font-weight="bold"\2', svg, f"label {number}"
    )


def mark_options(svg: str, names: Sequence[str]) -> str:
    """The options named drawn as compared: their bar outlined, a tick after their name."""
    look = LADDER_LOOK
    for name in names:
        text = html.escape(name, quote=False)
        svg = _replace_once(
            rf'(<path aria-label="[^"]*; name: {re.escape(html.escape(name))};[^"]*"[^>]*?) stroke-width="0"',
            rf'\1 stroke="{look["ink"]}" stroke-width="{look["stroke"]}"',
            svg,
            f"the bar of {name}",
        )
        svg = _replace_once(
            rf"(<text [^>]*>){re.escape(text)}</text>", rf"\g<1>{text}{look['tick']}</text>", svg, f"label {name}"
        )
    return svg
