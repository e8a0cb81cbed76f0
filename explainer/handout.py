"""A printable, self-contained HTML handout of a comparison: nothing loaded from the network, no script."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

from explainer.content import Content, Facts, require_text

ROWS = ("what", "invasive", "reversible", "acts_at", "duration", "recovery", "risks", "evidence")

require_text(*(f"row.{r}" for r in ROWS), "row.acts_at.none", "handout.title", "handout.made",
             "handout.question", "handout.link_title", "decision.title", "decision.sorted", "treatments.compare",
             "sure.title", "sure.yes", "sure.no", "sure.unanswered", "ask.title", "summary.title")

CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1B1F24;margin:24px;max-width:1000px}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #9AA5B1;padding:6px 8px;vertical-align:top;text-align:left;font-size:.92em}
thead th{background:#EEF4F5}tbody th{background:#F7F9FA;width:18%}
.meta,.small{color:#3D4852;font-size:.9em}.disclaimer{border-left:4px solid #0B5563;padding:4px 10px}
@media (max-width:640px){table,thead,tbody,tr,th,td{display:block;width:auto}thead{display:none}
 td::before{content:attr(data-option);display:block;font-weight:700}}
@page{size:landscape;margin:8mm}
@media print{body{margin:0;max-width:none;font-size:9pt;line-height:1.25}p{margin:.3em 0}th,td{padding:3px 5px}
 a{color:inherit}h1{font-size:14pt}h2{font-size:11pt;break-after:avoid}thead{display:table-header-group}
 .small{font-size:8pt;columns:2;column-gap:8mm}}
"""


def cell(content: Content, option: Facts, row: str) -> str:
    """One answer of an option to one patient question."""
    if row == "acts_at":
        acts = getattr(option, "acts_at", None)
        if not acts:
            return content.text("row.acts_at.none")
        return "; ".join(content.stages[sid].name for sid in acts)
    return getattr(option, row)


def comparison_table(content: Content, compare: Sequence[str]) -> tuple[str, list[str]]:
    """The Option-Grid table of the chosen options plus "no new treatment", and the sources it uses."""
    options: list[Facts] = [content.treatments[tid] for tid in compare] + [content.no_treatment]
    head = "".join(f"<th scope='col'>{escape(o.name)}</th>" for o in options)
    body = "".join(
        f"<tr><th scope='row'>{escape(content.text(f'row.{row}'))}</th>"
        + "".join(f"<td data-option='{escape(o.name)}'>{escape(cell(content, o, row))}</td>" for o in options)
        + "</tr>"
        for row in ROWS
    )
    table = (f"<table><thead><tr><th scope='col'>{escape(content.text('handout.question'))}</th>{head}</tr>"
             f"</thead><tbody>{body}</tbody></table>")
    return table, [sid for o in options for sid in o.sources]


def document(content: Content, title: str, body: str, source_ids: Sequence[str], link: str,
             today: dt.date | None = None, *, page: str = "treatments", printed: bool = True,
             link_title: str | None = None, link_text: str | None = None, header: str = "", css: str = "") -> str:
    """A standalone printable page: title, date, disclaimer, the body, the link back and the sources.

    `page` names the content page whose review date is shown; `printed=False` leaves out the day it was
    made, for pages that must regenerate byte for byte; `header` is HTML above the title (e.g. a nav) and
    `css` is added to the shared style sheet."""
    today = today or dt.date.today()
    source_items = "".join(
        f"<li>{escape(s.title)}. {escape(s.publisher)}, {s.year}."
        + (f" {escape(s.url)}" if s.url else "") + "</li>"
        for s in (content.sources[sid] for sid in dict.fromkeys(source_ids))
    )
    meta = content.pages[page].meta
    site = content.site
    made = f'{escape(content.text("handout.made", date=f"{today:%-d %B %Y}"))} ·\n' if printed else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{escape(title)}</title><style>{CSS}{css}</style></head>
<body>
{header}<h1>{escape(title)}</h1>
<p class="meta">{made}{escape(site.reviewed_label)}: {meta.reviewed:%-d %B %Y}</p>
<p class="disclaimer"><strong>{escape(site.disclaimer)}</strong> {escape(site.urgent)}</p>
{body}
<h2>{escape(link_title or content.text("handout.link_title"))}</h2>
<p><a href="{escape(link, quote=True)}">{escape(link_text or link)}</a></p>
<h2>{escape(site.sources_label)}</h2>
<ol class="small">{source_items}</ol>
</body></html>
"""


def render(content: Content, compare: Sequence[str], link: str, today: dt.date | None = None) -> str:
    """The comparison of `compare` (treatment ids) as one printable page, with sources and disclaimer."""
    table, source_ids = comparison_table(content, compare)
    return document(content, content.text("handout.title"), table, source_ids, link, today)


def _items(texts: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"


def render_summary(content: Content, compare: Sequence[str], ratings: Mapping[str, int],
                   ranked: Sequence[str], sure: Mapping[str, bool | None], asked: Sequence[str],
                   own_questions: str, link: str, today: dt.date | None = None) -> str:
    """A person's own summary to print or save: only what they chose on the page, nothing else."""
    d = content.decision
    text = content.text
    parts = [f"<h2>{escape(text('decision.title'))}</h2>",
             _items([f"{w.label}: {d.levels[ratings.get(w.id, 0)]}" for w in d.wishes]),
             f"<p>{escape(d.not_advice)}</p>",
             f"<h2>{escape(text('decision.sorted'))}</h2>",
             "<ol>" + "".join(f"<li>{escape(content.treatments[t].name)}</li>" for t in ranked) + "</ol>"]
    source_ids = ["ipdas", "ottawa-opdg"]
    if compare:
        table, used = comparison_table(content, compare)
        parts += [f"<h2>{escape(text('treatments.compare'))}</h2>", table]
        source_ids += used
    answer = {True: text("sure.yes"), False: text("sure.no"), None: text("sure.unanswered")}
    parts += [f"<h2>{escape(text('sure.title'))}</h2>",
              _items([f"{q.question} {answer[sure.get(q.id)]}" + (f" {q.if_no}" if sure.get(q.id) is False else "")
                      for q in d.sure])]
    mine = [q.text for q in content.questions if q.id in set(asked)]
    mine += [line.strip() for line in own_questions.splitlines() if line.strip()]
    if mine:
        parts += [f"<h2>{escape(text('ask.title'))}</h2>", _items(mine)]
    return document(content, text("summary.title"), "\n".join(parts), source_ids, link, today)
