"""How chronic pain works: the interactive pathway, acute and chronic views, wind-up, and where treatments act."""
import streamlit as st

from explainer import charts, links
from explainer.ui import frame, pathway, quiz, specs

c = frame.load_content()
stages = c.stages
parsed = links.parse_pathway(frame.url_params(), stages, c.treatments)
state = parsed.state
frame.notices(c, parsed.notices)
frame.set_url(state)
selected = state.stage or c.pathway.stages[0].id

# Widgets show what the URL says; their callbacks write the URL, which the next run reads back.
st.session_state["pathway_view"] = state.view
st.session_state["pathway_stage"] = selected
st.session_state["pathway_treatment"] = state.treatment


def _commit(**change) -> None:
    now = links.PathwayState(
        stage=st.session_state["pathway_stage"], view=st.session_state["pathway_view"],
        treatment=st.session_state["pathway_treatment"],
    )
    frame.set_url(links.PathwayState(**{**now.__dict__, **change}))


def _chart_clicked() -> None:
    picked = st.session_state["pathway_chart"].selection.get(charts.SELECTION) or []
    if picked and picked[0].get("id") in stages:
        _commit(stage=picked[0]["id"])


frame.page_intro(c, "pathway")

st.radio(c.text("pathway.view"), ("acute", "chronic"), key="pathway_view", horizontal=True,
         format_func=lambda v: c.pathway.views[v].title, on_change=_commit)
view_text = c.pathway.views[state.view]
st.markdown(f"**{view_text.title}.** {view_text.summary}")

treatment = c.treatments.get(state.treatment) if state.treatment else None
specs.draw(specs.pathway(c, state.view, selected, state.treatment),
            charts.pathway_alt(c, state.view, selected, treatment),
            on_select=_chart_clicked, selection_mode=charts.SELECTION, key="pathway_chart")
st.caption(c.text("pathway.chart_hint"))

st.selectbox(c.text("pathway.stage"), list(stages), key="pathway_stage",
             format_func=lambda sid: f"{list(stages).index(sid) + 1}. {stages[sid].name}", on_change=_commit)
with st.container(border=True, key="stage_details"):
    pathway.stage_panel(c, stages[selected])

st.subheader(c.text("pathway.overlay"))
st.selectbox(c.text("pathway.treatment"), [None, *c.treatments], key="pathway_treatment",
             format_func=lambda tid: c.text("pathway.no_treatment") if tid is None else c.treatments[tid].name,
             on_change=_commit)
if treatment:
    pathway.treatment_overlay(c, treatment)

pathway.windup_explainer(c, state.view)

st.subheader(c.text("pathway.text_version"))
pathway.pathway_text(c, state.view)

quiz.section(c, "pathway")
