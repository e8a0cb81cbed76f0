"""The treatments page's panels: the ladder as an ordered list with each option's details, the
side-by-side comparison with "no new treatment" beside it, the numbers, and the handout button."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import streamlit as st

from explainer import facts, links
from explainer.content import NO_TREATMENT, Content, Facts, Treatment
from explainer.html import handout, light
from explainer.html.frame import ENV
from explainer.ui import evidence, frame, run


def ladder_list(content: Content) -> None:
    """Every option, least invasive first, as one ordered list: screen readers announce order and count."""
    st.markdown(
        "\n".join(
            content.text("treatments.order", n=n, name=t.name, tier=t.tier, summary=" ".join(t.summary.split()))
            for n, t in enumerate(content.ladder(), 1)
        )
    )


def ladder_details(content: Content) -> None:
    """Each option's full facts, a step at a time, and no new treatment last, as one block of HTML in which
    every option opens in place: one element instead of thirty, built once per language and link language."""
    _ladder_block(content, frame.carried_language())


@run.built_once(16)
def _ladder_block(content: Content, lang: str | None) -> None:
    """Streamlit keeps the elements made here and sends them again on later runs without building them again
    (the cleaning st.html does to so long a text cost more than sending it)."""
    st.subheader(content.text("treatments.details"))
    st.html(frame.new_tab(_ladder_html(content, lang)))


def _ladder_html(content: Content, lang: str | None) -> str:
    """The same facts and numbers as the light page, from the same template (option.html); without its
    pictures, which the browser's HTML cleaning would drop: the comparison below draws them as charts."""
    ladder = content.ladder()
    return ENV.get_template("ladder.html").render(
        tiers=[
            (tier, [(t, light.option_facts(content, t.id, t, pictures=False)) for t in ladder if t.tier == tier.tier])
            for tier in content.tiers.values()
        ],
        no_treatment=light.option_facts(content, NO_TREATMENT, content.no_treatment, pictures=False),
        text=content.text,
        pathway_link=lambda tid: links.href(links.PathwayState(treatment=tid), lang),
    )


def _classes(content: Content, t: Treatment) -> list[str]:
    """Medicines by kind, each with its own benefit and harms."""
    if not t.classes:
        return []
    return [
        f"**{content.text('classes.title')}**",
        *(
            f"*{c.name}.* {c.what} **{content.text('classes.helps')}** {c.helps} "
            f"**{content.text('classes.risks')}** {c.risks}"
            for c in t.classes
        ),
    ]


def _cell(text: str) -> str:
    """One table cell: no line breaks, no column bars."""
    return " ".join(text.split()).replace("|", "\\|")


def compared(content: Content, compare: Sequence[str]) -> list[tuple[str, Facts]]:
    """The chosen options and, always beside them, no new treatment."""
    return [(tid, content.treatments[tid]) for tid in compare] + [(NO_TREATMENT, content.no_treatment)]


def comparison(content: Content, compare: Sequence[str]) -> None:
    """Option-Grid style: a row per patient question, a column per option, as one Markdown table (one
    element, not dozens). On phones frame.css stacks it, and every answer carries its option's name. Then
    each option's numbers."""
    _comparison(content, tuple(compare))


@run.built_once(256)
def _comparison(content: Content, compare: tuple[str, ...]) -> None:
    """The same for every visitor who compares these options: Streamlit sends the elements made here again
    on later runs without building them again."""
    options = [o for _, o in compared(content, compare)]
    lines = [
        "| " + " | ".join([_cell(content.text("handout.question")), *(_cell(o.name) for o in options)]) + " |",
        "|" + " --- |" * (len(options) + 1),
    ]
    lines += [
        "| "
        + " | ".join(
            [
                f"**{_cell(content.text(f'row.{row}'))}**",
                *(f"**{_cell(o.name)}:** {_cell(facts.cell(content, o, row))}" for o in options),
            ]
        )
        + " |"
        for row in facts.ROWS
    ]
    with st.container(key="comparison"):
        st.markdown("\n".join(lines))
    for option_id, option in compared(content, compare):
        heading = f"#### {content.text('numbers.title')}: {option.name}"
        classes = _classes(content, option) if isinstance(option, Treatment) else []
        evidence.card(content, option_id, lead=[heading, *classes])


def handout_button(content: Content, compare: Sequence[str]) -> None:
    link = frame.share_base() + frame.href(links.TreatmentsState(tuple(compare)))
    # Made only when the button is pressed: the page's runs need not build a handout nobody asked for.
    st.download_button(
        content.text("treatments.download"),
        functools.partial(handout.render, content, tuple(compare), link),
        file_name="treatment-comparison.html",
        mime="text/html",
        icon=":material/print:",
        key="handout",
        on_click="ignore",
    )
    st.caption(content.text("treatments.download_hint"))
