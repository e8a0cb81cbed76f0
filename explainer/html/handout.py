"""Printable, self-contained HTML handouts from the Treatments page: a comparison, and a person's own summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from explainer.content import NO_TREATMENT, Content, Facts
from explainer.facts import ROWS, cell
from explainer.html.frame import page
from explainer.html.light import option_facts

# The decision-aid standards the summary's "what matters to me" and SURE check follow.
SUMMARY_SOURCES = ("ipdas", "ottawa-opdg")


@dataclass(frozen=True)
class Row:
    question: str
    answers: tuple[tuple[str, str], ...]  # (option name, its answer), so a stacked phone table keeps both


@dataclass(frozen=True)
class Comparison:
    """The Option-Grid table: a row per patient question, a column per option."""

    heading: str  # of the questions' column
    options: tuple[str, ...]
    rows: tuple[Row, ...]
    sources: tuple[str, ...]
    details: tuple[dict[str, Any], ...]  # each option's kinds of medicine and numbers (light.option_facts)


def comparison_table(content: Content, compare: Sequence[str]) -> Comparison:
    """The chosen options plus "no new treatment", and the sources they use."""
    chosen: list[tuple[str, Facts]] = [(tid, content.treatments[tid]) for tid in compare]
    chosen.append((NO_TREATMENT, content.no_treatment))
    options = [o for _, o in chosen]
    rows = tuple(
        Row(content.text(f"row.{row}"), tuple((o.name, cell(content, o, row)) for o in options)) for row in ROWS
    )
    numbers = [n.source for oid, _ in chosen for n in content.numbers_for(oid)]
    return Comparison(
        content.text("handout.question"),
        tuple(o.name for o in options),
        rows,
        tuple([*(sid for o in options for sid in o.sources), *numbers]),
        tuple(option_facts(content, oid, o) for oid, o in chosen),
    )


def _printed(
    content: Content,
    template: str,
    title: str,
    source_ids: Sequence[str],
    link: str,
    today: dt.date | None,
    **values: object,
) -> str:
    """A handout carries the day it was made, the Treatments page's review date and the way back."""
    made = content.text("handout.made", date=content.long_date(today or dt.date.today()))
    return page(
        template,
        content,
        title=title,
        page_id="treatments",
        source_ids=source_ids,
        link=link,
        link_title=content.text("handout.link_title"),
        link_text=link,
        made=made,
        text=content.text,
        **values,
    )


def render(content: Content, compare: Sequence[str], link: str, today: dt.date | None = None) -> str:
    """The comparison of `compare` (treatment ids) as one printable page, with sources and disclaimer."""
    table = comparison_table(content, compare)
    return _printed(
        content, "handout.html", content.text("handout.title"), table.sources, link, today, comparison=table
    )


def render_summary(
    content: Content,
    compare: Sequence[str],
    ratings: Mapping[str, int],
    ranked: Sequence[str],
    leaning: str | None,
    sure: Mapping[str, bool | None],
    asked: Sequence[str],
    own_questions: str,
    link: str,
    today: dt.date | None = None,
    *,
    go_over: Sequence[str] = (),
) -> str:
    """A person's own summary to print or save: only what they chose on the page, nothing else.
    `ranked` is the options' names as "What matters to me" sorted them."""
    d = content.decision
    table = comparison_table(content, compare) if compare else None
    answer = {True: content.text("sure.yes"), False: content.text("sure.no"), None: content.text("sure.unanswered")}
    sure_lines = [
        f"{q.question} {answer[sure.get(q.id)]}" + (f" {q.if_no}" if sure.get(q.id) is False else "") for q in d.sure
    ]
    mine = [q.text for q in content.questions if q.id in set(asked)]
    mine += [line.strip() for line in own_questions.splitlines() if line.strip()]
    return _printed(
        content,
        "summary.html",
        content.text("summary.title"),
        [*SUMMARY_SOURCES, *(table.sources if table else ())],
        link,
        today,
        wishes=[f"{w.label}: {d.levels[ratings.get(w.id, 0)]}" for w in d.wishes],
        not_advice=d.not_advice,
        ranked=list(ranked),
        comparison=table,
        sure=sure_lines,
        questions=mine,
        go_over=list(go_over),
        leaning=content.text("lean.summary", option=leaning or content.text("lean.unsure")),
    )
