"""The pathway page's panels: a stage's details, where a treatment acts, wind-up, and the text version."""

from __future__ import annotations

import functools

import streamlit as st

from explainer import charts, links, pictures
from explainer.charts.ahead import windup_visual
from explainer.content import Content, Stage, Treatment
from explainer.ui import drawn, frame, specs

# Widgets show what the link says; their callbacks write the link, which the next run reads back.


def _chart_key() -> str:
    return f"pathway_chart_{st.session_state.get('pathway_chart_n', 0)}"


def _clicked_in_chart() -> str | None:
    """The stage the chart's own selection holds: its last click, which may be older than the stage shown."""
    chart = st.session_state.get(_chart_key())
    picked = (chart.selection.get(charts.SELECTION) if chart else None) or []
    return picked[0].get("id") if picked else None


def _commit(**change: str | None) -> None:
    now = links.PathwayState(
        stage=st.session_state["pathway_stage"],
        view=st.session_state["pathway_view"],
        treatment=st.session_state["pathway_treatment"],
    )
    wanted = links.PathwayState(**{**now.__dict__, **change})
    # The chart marks the chosen stage from data and keeps its last click to itself. If that click is not
    # the stage now chosen (the list was used), a click on it again would change nothing the chart reports,
    # so the chart starts afresh under a new key: drawn again once, its selection empty.
    clicked = _clicked_in_chart()
    if clicked is not None and clicked != wanted.stage:
        st.session_state["pathway_chart_n"] = st.session_state.get("pathway_chart_n", 0) + 1
    frame.set_url(wanted)


def _chart_clicked(stage_ids: list[str]) -> None:
    clicked = _clicked_in_chart()
    if clicked in stage_ids:
        _commit(stage=clicked)


def controls(content: Content, state: links.PathwayState) -> None:
    """The view switch, the diagram and everything that follows the chosen stage (`stage_controls`), then
    the treatment overlay (`overlay_controls`)."""
    st.session_state["pathway_view"] = state.view
    views = content.pathway.views
    st.radio(
        content.text("pathway.view"),
        ("acute", "chronic"),
        key="pathway_view",
        horizontal=True,
        format_func=lambda v: views[v].title,
        on_change=_commit,
    )
    st.markdown(f"**{views[state.view].title}.** {views[state.view].summary}")
    st.caption(content.text("pathway.chart_hint"))
    # The diagram drawn ahead, marked with the stage the link names, is drawn by the whole page's run: a
    # stage chosen later reruns only the fragment, whose click component marks it in the browser.
    selected = state.stage or content.pathway.stages[0].id
    treatment = content.treatments.get(state.treatment) if state.treatment else None
    alt = charts.pathway_alt(content, state.view, treatment)
    figure = drawn.pathway_figure(content, state.view, selected, state.treatment, alt)
    stage_controls(content, state.view, figure)
    overlay_controls(content, state)


@st.fragment
def stage_controls(content: Content, view: str, figure: bool) -> None:
    """The diagram's clicks (or the live diagram, without a drawing made ahead), the stage list and the
    chosen stage's details. A fragment: a stage chosen reruns only this part, so it holds only what a
    stage changes (a treatment or the view, which the rest of the page follows, reruns the page). It reads
    the stage and treatment from the link each time."""
    frame.share_follows_fragment()
    stages = content.stages
    state = links.parse_pathway(frame.url_params(), stages, content.treatments).state
    selected = state.stage or content.pathway.stages[0].id
    st.session_state["pathway_stage"] = selected
    if figure:
        drawn.pathway_clicks(content, selected, lambda stage: _commit(stage=stage))
    else:
        treatment = content.treatments.get(state.treatment) if state.treatment else None
        specs.draw(
            specs.pathway(content, view, selected, state.treatment),
            charts.pathway_alt(content, view, treatment),
            on_select=functools.partial(_chart_clicked, list(stages)),
            selection_mode=charts.SELECTION,
            key=_chart_key(),
        )
    order = list(stages)
    # A radio group, not a drop-down list: every stage's name is in sight, one tap chooses it, and the choice
    # reaches the server sooner (a stage from the list drawn in 92 ms against 117 ms, measured).
    st.radio(
        content.text("pathway.stage"),
        order,
        key="pathway_stage",
        format_func=lambda sid: f"{order.index(sid) + 1}. {stages[sid].name}",
        on_change=_commit,
    )
    with st.container(border=True, key="stage_details"):
        stage_panel(content, stages[selected])


def overlay_controls(content: Content, state: links.PathwayState) -> None:
    """Choose a treatment to see where it acts on the diagram; choosing one reruns the whole page."""
    st.session_state["pathway_treatment"] = state.treatment
    st.subheader(content.text("pathway.overlay"))
    st.selectbox(
        content.text("pathway.treatment"),
        [None, *content.treatments],
        key="pathway_treatment",
        format_func=lambda tid: content.text("pathway.no_treatment") if tid is None else content.treatments[tid].name,
        on_change=_commit,
    )
    treatment = content.treatments.get(state.treatment) if state.treatment else None
    if treatment:
        treatment_overlay(content, treatment)


def stage_panel(content: Content, stage: Stage) -> None:
    """The chosen stage as one block of Markdown: a click changes one element, not six, and the browser
    has that much less to redraw."""
    where = stage.where.replace("[", "\\[").replace("]", "\\]")
    parts = [
        f"### {stage.name}",
        f":small[{where}]",
        f"**{content.text('stage.normal')}** {stage.acute}",
        f"**{content.text('stage.chronic')}** {stage.chronic}",
    ]
    acting = content.treatments_at(stage.id)
    if acting:
        parts.append(f"**{content.text('stage.treatments')}**")
        parts.append(
            "\n".join(
                f"- [{t.name}]({frame.href(links.TreatmentsState((t.id,)))}): {t.acts_at[stage.id]}" for t in acting
            )
        )
    st.markdown("\n\n".join(parts))


def treatment_overlay(content: Content, treatment: Treatment) -> None:
    """Where a treatment acts, as one block of Markdown (one element to redraw, as for a stage)."""
    acts = "\n".join(f"- ◆ **{content.stages[sid].name}**: {sentence}" for sid, sentence in treatment.acts_at.items())
    compare = (
        f"[{content.text('pathway.compare_link', treatment=treatment.name)}]"
        f"({frame.href(links.TreatmentsState((treatment.id,)))})"
    )
    st.markdown("\n\n".join([content.text("pathway.overlay_intro", treatment=treatment.name), acts, compare]))


@st.fragment
def windup_explainer(content: Content, view: str) -> None:
    """Sliders drive a picture of wind-up; a fragment, so moving them reruns only this part."""
    w = content.pathway.windup
    frame.heading(content.text("windup.title"), w.intro, 3)
    chronic = view == "chronic"
    start = charts.WINDUP_START["chronic" if chronic else "acute"]
    repeats = st.slider(
        content.text("windup.repeats"),
        charts.WINDUP_REPEATS.start,
        charts.WINDUP_REPEATS.stop - 1,
        start[0],
        key=f"windup_repeats_{view}",
    )
    brakes = st.slider(
        content.text("windup.brakes"),
        charts.WINDUP_BRAKES.start,
        charts.WINDUP_BRAKES.stop - 1,
        start[1],
        step=charts.WINDUP_BRAKES.step,
        format="%d%%",
        key=f"windup_brakes_{view}",
    )
    curve = charts.windup_curve(repeats, brakes / 100)
    first, last = curve["loudness"].iloc[0], curve["loudness"].iloc[-1]
    summary = content.text(
        "windup.summary", repeats=repeats, brakes=brakes, first=content.decimal(first), last=content.decimal(last)
    )
    # The same chart drawn ahead (`make light`) at every place of the sliders: an image shows at once,
    # where a live chart would make the page wait for a chart library; live only if content changed since.
    picture = pictures.page_picture(content, windup_visual(view, repeats, brakes))
    if picture:
        st.image(picture, width="content", alt=summary)
    else:
        specs.draw(specs.windup(content, repeats, brakes, chronic), summary)
    st.markdown(summary)
    st.caption(w.caveat)
    st.markdown(
        f"**{content.text('windup.windup_label')}** {w.windup}\n\n"
        f"**{content.text('windup.sensitisation_label')}** {w.sensitisation}"
    )


def pathway_text(content: Content, view: str) -> None:
    """The whole pathway as an ordered list under its heading: the chart's equal for screen readers and search."""
    field = "chronic" if view == "chronic" else "acute"
    frame.heading(
        content.text("pathway.text_version"),
        "\n".join(
            f"{n}. **{s.name}** ({s.where}): {getattr(s, field)}" for n, s in enumerate(content.pathway.stages, 1)
        ),
        3,
    )
