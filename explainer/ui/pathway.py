"""The pathway page's panels: a stage's details, where a treatment acts, wind-up, and the text version."""
from __future__ import annotations

import streamlit as st

from explainer import charts, links
from explainer.content import Content, Stage, Treatment
from explainer.ui import frame, specs


def stage_panel(content: Content, stage: Stage) -> None:
    st.subheader(stage.name)
    st.caption(stage.where)
    st.markdown(f"**{content.text('stage.normal')}** {stage.acute}")
    st.markdown(f"**{content.text('stage.chronic')}** {stage.chronic}")
    acting = content.treatments_at(stage.id)
    if acting:
        st.markdown(f"**{content.text('stage.treatments')}**")
        st.markdown("\n".join(
            f"- [{t.name}]({frame.href(links.TreatmentsState((t.id,)))}): {t.acts_at[stage.id]}" for t in acting
        ))


def treatment_overlay(content: Content, treatment: Treatment) -> None:
    st.markdown(content.text("pathway.overlay_intro", treatment=treatment.name))
    st.markdown("\n".join(
        f"- ◆ **{content.stages[sid].name}**: {sentence}" for sid, sentence in treatment.acts_at.items()
    ))
    st.markdown(f"[{content.text('pathway.compare_link', treatment=treatment.name)}]"
                f"({frame.href(links.TreatmentsState((treatment.id,)))})")


@st.fragment
def windup_explainer(content: Content, view: str) -> None:
    """Sliders drive a picture of wind-up; a fragment, so moving them reruns only this part."""
    w = content.pathway.windup
    st.subheader(content.text("windup.title"))
    st.markdown(w.intro)
    chronic = view == "chronic"
    repeats = st.slider(content.text("windup.repeats"), 1, 20, 12 if chronic else 6, key=f"windup_repeats_{view}")
    brakes = st.slider(content.text("windup.brakes"), 0, 100, 30 if chronic else 90, step=10,
                       format="%d%%", key=f"windup_brakes_{view}")
    curve = charts.windup_curve(repeats, brakes / 100)
    first, last = curve["loudness"].iloc[0], curve["loudness"].iloc[-1]
    summary = content.text("windup.summary", repeats=repeats, brakes=brakes, first=f"{first:.1f}",
                           last=f"{last:.1f}")
    specs.draw(specs.windup(content, repeats, brakes, chronic), summary)
    st.markdown(summary)
    st.caption(w.caveat)
    st.markdown(f"**{content.text('windup.windup_label')}** {w.windup}")
    st.markdown(f"**{content.text('windup.sensitisation_label')}** {w.sensitisation}")


def pathway_text(content: Content, view: str) -> None:
    """The whole pathway as an ordered list: the chart's equal for screen readers and search."""
    field = "chronic" if view == "chronic" else "acute"
    st.markdown("\n".join(
        f"{n}. **{s.name}** ({s.where}): {getattr(s, field)}" for n, s in enumerate(content.pathway.stages, 1)
    ))
