"""Light pages: the explainer's words as four small static HTML files that open at once on a slow phone."""
from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from explainer import handout
from explainer.charts import BLUE, GREEN, INK, pathway_alt
from explainer.content import Content, Facts, load_for_command, require_text

OUT_DIR = Path(__file__).resolve().parent.parent / "static" / "light"

require_text("light.open_app", "light.about", "light.nav", "light.diagram", "light.signal_up", "light.brakes_down",
             "stage.normal", "stage.chronic", "stage.treatments", "pathway.alt", "windup.title",
             "windup.windup_label", "windup.sensitisation_label", "treatments.step", "treatments.no_treatment",
             "sources.inline", "learn.glossary", "learn.questions")

# Added to handout.CSS: the nav, the stage and option blocks, long source addresses that must wrap rather
# than widen a phone screen, and print in portrait at reading size (the handout's landscape suits a table).
CSS = """
body{overflow-wrap:break-word}
nav{font-size:.95em;margin:0 0 1em;padding:0 0 .6em;border-bottom:1px solid #9AA5B1}
nav a{display:inline-block;margin:0 .9em .3em 0;padding:2px 0}nav a[aria-current]{font-weight:700;color:inherit}
.open a{display:inline-block;background:#0B5563;color:#fff;padding:8px 14px;border-radius:6px;font-weight:600}
a{color:#0B5563}h3{font-size:1.05em;margin:1.2em 0 .3em}
dl{margin:.4em 0 1em}dt{font-weight:700;margin-top:.5em}dd{margin:0 0 .2em}
.diagram{display:block;width:100%;max-width:560px;height:auto;margin:.5em 0}
.diagram text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1B1F24;
 paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
section{border-top:1px solid #D5DBE1;margin-top:1em}
@media (max-width:640px){body{margin:14px}}
@page{size:portrait;margin:14mm}
@media print{body{font-size:11pt;line-height:1.4}header{display:none}a{color:inherit}dd{break-inside:avoid}
 h2,h3,dt{break-after:avoid}.diagram{max-width:95mm}}
"""


# --- Markdown: only what content/pages/*.md uses; everything else is escaped text ---------------

_INLINE = re.compile(r"\*\*(?P<b>.+?)\*\*|\*(?P<i>[^*\s](?:[^*]*?[^*\s])?)\*|\[(?P<t>[^\]]+)\]\((?P<u>[^)\s]+)\)")
_HEADING = re.compile(r"(#{1,6})\s+(.+)")
_ITEM = {"ul": re.compile(r"[-*+]\s+(.+)"), "ol": re.compile(r"\d{1,9}[.)]\s+(.+)")}


def _safe_url(url: str) -> bool:
    """Web and mail links and links within the site; never javascript: or data:."""
    return urlsplit(url).scheme in ("", "http", "https", "mailto")


def inline(text: str) -> str:
    """**bold**, *italic* and [text](url), with every other character escaped."""
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(escape(text[pos:m.start()]))
        if m["b"]:
            out.append(f"<strong>{inline(m['b'])}</strong>")
        elif m["i"]:
            out.append(f"<em>{inline(m['i'])}</em>")
        elif _safe_url(m["u"]):
            out.append(f'<a href="{escape(m["u"])}">{inline(m["t"])}</a>')
        else:
            out.append(escape(m[0]))
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def markdown(text: str) -> str:
    """Headings (# and ## become h2, as the page title is the h1), paragraphs, - and 1. lists."""
    html: list[str] = []
    para: list[str] = []
    items: list[str] = []
    kind = ""

    def flush() -> None:
        nonlocal kind
        if para:
            html.append(f"<p>{inline(' '.join(para))}</p>")
            para.clear()
        if items:
            html.append(f"<{kind}>" + "".join(f"<li>{inline(i)}</li>" for i in items) + f"</{kind}>")
            items.clear()
        kind = ""

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        heading = _HEADING.fullmatch(stripped)
        if heading:
            flush()
            level = max(2, len(heading[1]))
            html.append(f"<h{level}>{inline(heading[2])}</h{level}>")
            continue
        item = next(((k, m) for k, rx in _ITEM.items() if (m := rx.fullmatch(stripped))), None)
        if item and not para:
            if kind and kind != item[0]:
                flush()
            kind = item[0]
            items.append(item[1][1])
        elif items:  # a wrapped line of the last item
            items[-1] += " " + stripped
        else:
            para.append(stripped)
    flush()
    return "\n".join(html)


def lead(text: str) -> str:
    """The prose before a page's first heading: its explanation, without the help on using the
    interactive page that follows it."""
    return re.split(r"^#{1,6}\s", text, maxsplit=1, flags=re.M)[0].strip()


# --- the pathway diagram -------------------------------------------------------------------

WIDTH, HEIGHT, RADIUS, FONT = 380, 322, 9, 13
CHAR = 6.6  # average width of a character at FONT size, to keep labels off other stages and lines


def _point(x: float, y: float) -> tuple[float, float]:
    """Content positions (0-100, 100 at the top) to drawing units; labels get the room on the right."""
    return 14 + x * 2.5, 16 + (100 - y) * 2.6


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _arrow(a: tuple[float, float], b: tuple[float, float], colour: str, dashed: bool) -> str:
    """A line that stops at the next stage's circle, with its head drawn as a triangle (no markers,
    so nothing in the page refers to anything by url)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    tip = (b[0] - ux * (RADIUS + 2), b[1] - uy * (RADIUS + 2))
    base = (tip[0] - ux * 10, tip[1] - uy * 10)
    start = (a[0] + ux * RADIUS, a[1] + uy * RADIUS)
    wing = ((base[0] - uy * 5, base[1] + ux * 5), (base[0] + uy * 5, base[1] - ux * 5))
    dash = ' stroke-dasharray="7 5"' if dashed else ""
    head = " ".join(f"{_num(px)},{_num(py)}" for px, py in (tip, *wing))
    return (f'<line x1="{_num(start[0])}" y1="{_num(start[1])}" x2="{_num(base[0])}" y2="{_num(base[1])}" '
            f'stroke="{colour}" stroke-width="3"{dash}/><polygon points="{head}" fill="{colour}"/>')


def _label(stage_id: str, text: str, at: dict[str, tuple[float, float]], content: Content) -> str:
    """A stage's label on its right, or on its left when something is drawn there and the left has room."""
    x, y = at[stage_id]
    width = len(text) * CHAR
    drawn = [p for sid, p in at.items() if sid != stage_id]
    for c in content.pathway.connections:
        (ax, ay), (bx, by) = at[c.from_], at[c.to]
        drawn += [(ax + (bx - ax) * t / 24, ay + (by - ay) * t / 24) for t in range(3, 22)]

    def clear(left: float) -> bool:
        return not any(left - 4 <= px <= left + width + 4 and y - 12 <= py <= y + 12 for px, py in drawn)

    right, left = x + RADIUS + 5, x - RADIUS - 5 - width
    if not clear(right) and left >= 0 and clear(left):
        return f'<text x="{_num(x - RADIUS - 5)}" y="{_num(y + 4.5)}" text-anchor="end">{escape(text)}</text>'
    return f'<text x="{_num(right)}" y="{_num(y + 4.5)}">{escape(text)}</text>'


def pathway_svg(content: Content) -> str:
    """The pathway drawn from the stages' positions and connections: solid arrows carry the signal up,
    dashed ones the brain's brakes back down. One image for screen readers, told in <desc>."""
    stages = content.pathway.stages
    at = {s.id: _point(s.x, s.y) for s in stages}
    desc = pathway_alt(content, "acute", None, None)
    arrows = "".join(
        _arrow(at[c.from_], at[c.to], BLUE if c.kind == "up" else GREEN, c.kind == "down")
        for c in content.pathway.connections
    )
    nodes = "".join(
        f'<circle cx="{_num(at[s.id][0])}" cy="{_num(at[s.id][1])}" r="{RADIUS}" fill="#fff" stroke="{INK}" '
        f'stroke-width="2"/>' + _label(s.id, f"{n}. {s.label}", at, content)
        for n, s in enumerate(stages, 1)
    )
    legend = "".join(
        f'<line x1="14" y1="{y}" x2="44" y2="{y}" stroke="{colour}" stroke-width="3"{dash}/>'
        f'<text x="52" y="{y + 4.5}">{escape(content.text(key))}</text>'
        for y, colour, dash, key in ((HEIGHT - 34, BLUE, "", "light.signal_up"),
                                     (HEIGHT - 12, GREEN, ' stroke-dasharray="7 5"', "light.brakes_down"))
    )
    return (f'<svg class="diagram" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="pathway-title pathway-desc" font-size="{FONT}">'
            f'<title id="pathway-title">{escape(content.text("light.diagram"))}</title>'
            f'<desc id="pathway-desc">{escape(desc)}</desc>{arrows}{nodes}{legend}</svg>')


# --- the four pages ------------------------------------------------------------------------

@dataclass(frozen=True)
class LightPage:
    file: str
    page: str  # the content page whose title, prose and review date it carries
    app_path: str  # the matching interactive view
    body: Callable[[Content], tuple[str, list[str]]]  # HTML and the ids of the sources it cites


def _labelled(label: str, text: str) -> str:
    return f"<p><strong>{escape(label)}</strong> {escape(text)}</p>"


def _source_note(content: Content, ids: tuple[str, ...]) -> str:
    cited = "; ".join(f"{content.sources[s].title} ({content.sources[s].year})" for s in ids)
    return f'<p class="meta">{escape(content.text("sources.inline"))} {escape(cited)}</p>'


def _home(content: Content) -> tuple[str, list[str]]:
    return markdown(content.pages["home"].body), []


def _pathway(content: Content) -> tuple[str, list[str]]:
    parts = [markdown(lead(content.pages["pathway"].body)), pathway_svg(content)]
    for view in content.pathway.views.values():
        parts.append(f"<h2>{escape(view.title)}</h2><p>{escape(view.summary)}</p>")
    sources: list[str] = []
    for n, stage in enumerate(content.pathway.stages, 1):
        parts.append(f'<section id="{stage.id}"><h2>{n}. {escape(stage.name)}</h2>'
                     f'<p class="meta">{escape(stage.where)}</p>'
                     + _labelled(content.text("stage.normal"), stage.acute)
                     + _labelled(content.text("stage.chronic"), stage.chronic))
        acting = content.treatments_at(stage.id)
        if acting:
            parts.append(f"<p><strong>{escape(content.text('stage.treatments'))}</strong></p><ul>" + "".join(
                f'<li><a href="treatments.html#{t.id}">{escape(t.name)}</a>: {escape(t.acts_at[stage.id])}</li>'
                for t in acting) + "</ul>")
        parts.append("</section>")
        sources += stage.sources
    windup = content.pathway.windup
    parts.append(f"<h2>{escape(content.text('windup.title'))}</h2>"
                 + _labelled(content.text("windup.windup_label"), windup.windup)
                 + _labelled(content.text("windup.sensitisation_label"), windup.sensitisation))
    return "\n".join(parts), sources


def _facts(content: Content, option: Facts) -> str:
    rows = "".join(f"<dt>{escape(content.text(f'row.{row}'))}</dt><dd>{escape(handout.cell(content, option, row))}</dd>"
                   for row in handout.ROWS)
    return f"<dl>{rows}</dl>" + _source_note(content, option.sources)


def _treatments(content: Content) -> tuple[str, list[str]]:
    parts = [markdown(lead(content.pages["treatments"].body))]
    sources: list[str] = []
    for tier in content.tiers.values():
        parts.append(f"<h2>{escape(content.text('treatments.step', tier=tier.tier))}: {escape(tier.name)}</h2>"
                     f"<p>{escape(tier.summary)}</p>")
        for t in (t for t in content.ladder() if t.tier == tier.tier):
            parts.append(f'<section id="{t.id}"><h3>{escape(t.name)}</h3><p>{escape(t.summary)}</p>'
                         f"{_facts(content, t)}</section>")
            sources += t.sources
    parts.append(f'<h2 id="no-treatment">{escape(content.text("treatments.no_treatment"))}</h2>'
                 f"{_facts(content, content.no_treatment)}")
    return "\n".join(parts), sources + list(content.no_treatment.sources)


def _learn(content: Content) -> tuple[str, list[str]]:
    terms = sorted(content.glossary.values(), key=lambda t: t.term.lower())
    parts = [markdown(content.pages["learn"].body),
             f"<h2>{escape(content.text('learn.glossary'))}</h2><dl>" + "".join(
                 f'<dt id="{t.id}">{escape(t.term)}</dt><dd>{escape(t.definition)}</dd>' for t in terms) + "</dl>",
             f"<h2>{escape(content.text('learn.questions'))}</h2>"]
    topics: dict[str, list[str]] = {}
    for q in content.questions:
        topics.setdefault(q.topic, []).append(q.text)
    for topic, texts in topics.items():
        parts.append(f"<h3>{escape(topic)}</h3><ul>" + "".join(f"<li>{escape(q)}</li>" for q in texts) + "</ul>")
    return "\n".join(parts), list(content.sources)


PAGES = (
    LightPage("index.html", "home", "/", _home),
    LightPage("pathway.html", "pathway", "/pathway", _pathway),
    LightPage("treatments.html", "treatments", "/treatments", _treatments),
    LightPage("learn.html", "learn", "/learn", _learn),
)


def _header(content: Content, current: LightPage) -> str:
    nav = "".join(
        f'<a href="{p.file}"' + (' aria-current="page"' if p is current else "")
        + f">{escape(content.pages[p.page].meta.nav)}</a>"
        for p in PAGES
    )
    return (f'<header><nav aria-label="{escape(content.text("light.nav"))}">{nav}</nav>\n'
            f'<p class="meta">{escape(content.text("light.about"))}</p>\n'
            f'<p class="open"><a href="{current.app_path}">{escape(content.text("light.open_app"))}</a></p></header>\n')


def render(content: Content, light: LightPage) -> str:
    """One light page in the handout's frame: its review date, the disclaimer and its sources, and no
    day of making, so unchanged content gives unchanged bytes."""
    body, cited = light.body(content)
    meta = content.pages[light.page].meta
    return handout.document(
        content, meta.title, body, [*meta.sources, *cited], light.app_path, page=light.page, printed=False,
        link_title=content.text("light.open_app"), link_text=f"{content.site.name}: {meta.nav}",
        header=_header(content, light), css=CSS,
    )


def build(content: Content, out_dir: Path | str = OUT_DIR) -> list[Path]:
    """Write the four light pages; the same content always gives the same bytes."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for light in PAGES:
        path = out / light.file
        path.write_text(render(content, light), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main() -> int:
    """`python -m explainer.light [OUT_DIR]`: regenerate the light pages from content/."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR
    content = load_for_command()
    if content is None:
        return 1
    for path in build(content, out):
        print(f"wrote {path} ({path.stat().st_size / 1024:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
