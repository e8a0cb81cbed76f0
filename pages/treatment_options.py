"""Treatment options: the ladder from least to most invasive, a side-by-side comparison and a handout."""
import streamlit as st

from explainer import charts, content, links, views

c = content.load()
parsed = links.parse_treatments(views.url_params(), c.treatments, [w.id for w in c.decision.wishes],
                                [q.id for q in c.questions])
state = parsed.state
views.notices(c, parsed.notices)
views.set_url(state)
st.session_state["compare"] = list(state.compare)
views.decision_widgets(c, state)


def _commit() -> None:
    matters, ask = views.decision_state(c)
    views.set_url(links.TreatmentsState(tuple(st.session_state["compare"][: links.MAX_COMPARE]), matters, ask))


views.page_intro(c, "treatments")

st.header(c.text("treatments.ladder"))
views.chart(views.ladder_spec(c, state.compare), charts.ladder_alt(c))
views.ladder_text(c)

st.header(c.text("treatments.compare"))
st.multiselect(c.text("treatments.choose"), list(c.treatments), key="compare", max_selections=links.MAX_COMPARE,
               format_func=lambda tid: c.treatments[tid].name, on_change=_commit,
               placeholder=c.text("treatments.placeholder"))
if state.compare:
    views.comparison(c, state.compare)
    views.handout_button(c, state.compare)
else:
    st.markdown(c.text("treatments.compare_hint"))

views.decision_section(c, state, _commit)
