"""The pictures of shared links: the app's own charts drawn to PNG at build time, 1200 by 630 pixels.

`make light` (`python -m explainer.pictures`) writes them into static/preview/<lang>/, served at
/app/static/preview/: one for each name explainer/cards.py can give, that is the pathway with each stage
marked in each view, the pathway alone, the ladder, and the start picture (the pathway under the guide's
name). Beside them, as SVG, the slides' charts (`slide-<visual>.svg`), the wind-up picture each view of the
pathway page opens with (`page-windup-<view>.svg`) and the 100-person picture of each trial result
(`page-people-<id>.svg`): the app shows these as images, which the browser draws at once, so a slide or a
page does not wait for more charts to start; the app uses one
only while it matches the content it shows (slide_picture, page_picture), and draws the live chart
otherwise. The specs are the ones the app draws (explainer/charts/), with a title and the picture's size.
vl-convert draws them without a browser, with the Liberation Sans it carries, so every machine makes the
same picture. Nothing is drawn again while what the pictures show is unchanged (a .stamp.json per
language), and a changed spec redraws only its own picture; with a build cache (explainer/build_cache.py) a
picture drawn before from the same spec is not drawn again either.
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from explainer import cards, charts
from explainer.build_cache import cached
from explainer.cards import LADDER, PICTURE_SIZE, START, pathway_picture
from explainer.charts import INK
from explainer.charts.ahead import (  # the specs drawn ahead; callers read them from here too
    SLIDE_SCALE,
    SLIDE_VISUALS,
    WINDUP_SLIDE,
    page_chart,
    page_visuals,
    slide_chart,
)
from explainer.content import Content, load, load_for_command
from explainer.routes import LANGUAGES

OUT_DIR = Path(__file__).resolve().parents[1] / "static" / "preview"
CHARTS = Path(charts.__file__).parent
STAMP = ".stamp.json"
COLOURS = 64  # a PNG of 64 colours looks the same and is a seventh of the size (about 25 KB)
SCALE = 1.6  # type and marks, so labels stay readable when a chat shows the picture a third of its size
FONT = "Liberation Sans"  # carried by vl-convert: the same letters on every machine
# Everything that makes the pictures besides their specs: a new version may draw differently.
__all__ = ["SLIDE_SCALE", "SLIDE_VISUALS", "WINDUP_SLIDE", "page_chart", "page_visuals", "slide_chart"]
RENDERER = f"vl-convert {version('vl-convert-python')}, {COLOURS} colours"


def framed(spec: dict[str, Any], title: str, subtitle: str) -> dict[str, Any]:
    """A chart spec as a 1200x630 picture on white, with a title above it."""
    width, height = PICTURE_SIZE
    config = spec.get("config", {})
    return {
        **spec,
        "width": width,
        "height": height,
        "autosize": {"type": "fit", "contains": "padding"},
        "padding": {"left": 40, "right": 40, "top": 28, "bottom": 20},
        "background": "#FFFFFF",
        "title": {
            "text": title,
            "subtitle": subtitle,
            "anchor": "start",
            "fontSize": 40,
            "subtitleFontSize": 24,
            "color": INK,
            "subtitleColor": INK,
            "subtitlePadding": 8,
            "offset": 16,
        },
        "config": {**config, "font": FONT},
    }


def specs(content: Content) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, spec) of every picture in this language."""
    site = content.site.name
    stages = content.pathway

    for view in ("acute", "chronic"):
        base = charts.spec(
            charts.pathway(stages.stages, stages.connections, content.text, view, None, None, SCALE, body=stages.body)
        )
        view_title = stages.views[view].title
        yield pathway_picture(None, view), framed(base, content.pages["pathway"].meta.title, view_title)
        for stage in stages.stages:
            marked = charts.with_selection(base, stage.id)
            yield pathway_picture(stage.id, view), framed(marked, stage.name, view_title)
        if view == "acute":
            yield START, framed(base, site, content.pages["pathway"].meta.title)
    ladder = charts.spec(charts.ladder(content.ladder(), content.text, (), SCALE))
    yield LADDER, framed(ladder, content.text("treatments.ladder"), site)
    for visual in SLIDE_VISUALS:
        yield f"slide-{visual}", slide_chart(content, visual)
    for visual in page_visuals(content):
        yield f"page-{visual}", page_chart(content, visual)


def png(spec: dict[str, Any]) -> bytes:
    """The picture of a spec, its colours cut to a palette (charts have few colours, and no dithering)."""
    import vl_convert  # here, not at the top: the app imports this module only to find slide pictures
    from PIL import Image

    drawn = Image.open(io.BytesIO(vl_convert.vegalite_to_png(spec, scale=1))).convert("RGB")
    out = io.BytesIO()
    drawn.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, "PNG", optimize=True
    )
    return out.getvalue()


def svg(spec: dict[str, Any]) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


def _file(name: str) -> str:
    return f"{name}.svg" if name.startswith(("slide-", "page-")) else f"{name}.png"


# (folder, content version, name) -> SVG, None if stale; and under the name "", the fresh pictures (_fresh)
_SLIDES: dict[tuple[str, str, str], Any] = {}


def slide_picture(content: Content, visual: str, out_dir: Path | str = OUT_DIR) -> str | None:
    """The SVG of a slide's chart made by the last build, if it was made from this very content and
    code; None otherwise (not built yet, or content edited since), and the slide draws it live."""
    return _drawn_svg(content, f"slide-{visual}", out_dir)


def page_picture(content: Content, visual: str, out_dir: Path | str = OUT_DIR) -> str | None:
    """The SVG of a page picture (page_visuals) made by the last build from this very content and code;
    None otherwise, and the page draws the live chart."""
    return _drawn_svg(content, f"page-{visual}", out_dir)


STATIC_URL = "/app/static/preview"  # where Streamlit serves OUT_DIR (server.enableStaticServing)


def page_picture_url(content: Content, visual: str, out_dir: Path | str = OUT_DIR) -> str | None:
    """The address of a page picture made by the last build from this very content and code, with its
    fingerprint so a browser never shows an older drawing from its cache; None if there is none. For the
    large pictures (a 100-person picture is about 100 KB of SVG): the browser fetches them compressed and
    keeps them, instead of receiving them inside the page's messages."""
    name = f"page-{visual}"
    mark = _fresh(content, out_dir).get(name)
    return f"{STATIC_URL}/{content.lang}/{name}.svg?v={mark[:16]}" if mark else None


def _drawn_svg(content: Content, name: str, out_dir: Path | str) -> str | None:
    folder = Path(out_dir) / content.lang
    key = (str(folder), content.version, name)
    if key not in _SLIDES:
        try:
            fresh = name in _fresh(content, out_dir)
            _SLIDES[key] = (folder / f"{name}.svg").read_text(encoding="utf-8") if fresh else None
        except OSError:
            _SLIDES[key] = None
    svg_text: str | None = _SLIDES[key]
    return svg_text


def _fresh(content: Content, out_dir: Path | str) -> dict[str, str]:
    """The SVG pictures the last build made from this very content and code, with their fingerprints; read
    once per content version (working out the inputs reads the chart code)."""
    folder = Path(out_dir) / content.lang
    key = (str(folder), content.version, "")
    if key not in _SLIDES:
        try:
            stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamp = {}
        drawn = stamp.get("pictures", {}) if stamp.get("inputs") == _inputs(content) else {}
        _SLIDES[key] = {name: str(mark) for name, mark in drawn.items() if (folder / _file(name)).exists()}
    fresh: dict[str, str] = _SLIDES[key]
    return fresh


def _fingerprint(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, default=str) + RENDERER
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _inputs(content: Content) -> str:
    """What the pictures are made from: the content they show and the code that draws them. Checked before
    any spec is built, which takes seconds, so a build with nothing new takes a moment."""
    code = sorted([*CHARTS.glob("*.py"), Path(__file__), Path(cards.__file__)])
    parts = [
        content.site.model_dump_json(),
        content.pathway.model_dump_json(),
        *(t.model_dump_json() for t in content.ladder()),
        *(n.model_dump_json() for n in content.evidence.numbers),
        *(f"{p.id}: {p.meta.title}" for p in content.pages.values()),
        *(path.read_text(encoding="utf-8") for path in code),
        RENDERER,
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def build(content: Content, out_dir: Path | str = OUT_DIR) -> list[Path]:
    """Write this language's pictures into `out_dir`/<lang>/, drawing only those whose spec changed."""
    folder = Path(out_dir) / content.lang
    folder.mkdir(parents=True, exist_ok=True)
    stamp_path = folder / STAMP
    try:
        stamp: dict[str, Any] = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = {}
    inputs = _inputs(content)
    drawn: dict[str, str] = stamp.get("pictures", {})
    if stamp.get("inputs") == inputs and all((folder / _file(name)).exists() for name in drawn):
        return [folder / _file(name) for name in drawn]
    written, now = [], {}
    made: dict[str, bytes] = {}  # this build's drawings by spec: treatments that act at the same stages look alike
    for name, spec in specs(content):
        path = folder / _file(name)
        now[name] = _fingerprint(spec)
        if drawn.get(name) != now[name] or not path.exists():
            draw = svg if path.suffix == ".svg" else png
            mark = now[name] + path.suffix
            if mark not in made:
                made[mark] = cached(mark, functools.partial(draw, spec))
            path.write_bytes(made[mark])
        written.append(path)
    for old in set(drawn) - set(now):  # a stage that is gone leaves no picture behind
        (folder / _file(old)).unlink(missing_ok=True)
    stamp_path.write_text(json.dumps({"inputs": inputs, "pictures": now}, indent=1), encoding="utf-8")
    return written


def _made(out: Path, lang: str) -> str:
    paths = build(load(lang=lang), out)
    size = sum(p.stat().st_size for p in paths) / 1024
    return f"pictures for shared links: {len(paths)} in {out / lang} ({size:.0f} KB)"


def main() -> int:
    """`python -m explainer.pictures [OUT_DIR]`: the pictures of every language, from content/, each
    language in a process of its own (drawing is most of the time, and a machine has cores to spare)."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR
    if load_for_command() is None:
        return 1
    with concurrent.futures.ProcessPoolExecutor(len(LANGUAGES)) as pool:
        for said in pool.map(functools.partial(_made, out), LANGUAGES):
            print(said)
    return 0


if __name__ == "__main__":
    sys.exit(main())
