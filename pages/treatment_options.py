"""Treatment options: the ladder from least to most invasive, a side-by-side comparison and a handout."""

import streamlit as st

from explainer import charts, links
from explainer.ui import decision, drawn, frame, quiz, specs, treatments

c = frame.load_content()


def _parsed() -> links.Parsed[links.TreatmentsState]:
    return links.parse_treatments(
        frame.url_params(), c.treatments, [w.id for w in c.decision.wishes], [q.id for q in c.questions]
    )


parsed = _parsed()
state = parsed.state
frame.notices(c, parsed.notices)
frame.set_url(state)
decision.decision_widgets(c, state)


def _commit() -> None:
    matters, ask = decision.decision_state(c, state)
    frame.set_url(links.TreatmentsState(tuple(st.session_state["compare"][: links.MAX_COMPARE]), matters, ask))


@st.fragment
def _ladder_and_comparison() -> None:
    """A fragment: building a comparison reruns only the ladder (which marks the options compared) and the
    comparison, not the questions and "What matters to me" below. It reads the options from the link."""
    frame.share_follows_fragment()
    compare = _parsed().state.compare
    st.session_state["compare"] = list(compare)
    decision.compared_now(compare)  # for the personal summary, made when its button is pressed

    st.header(c.text("treatments.ladder"))
    if not drawn.ladder(c, compare, charts.ladder_alt(c)):
        specs.draw(specs.ladder(c, compare), charts.ladder_alt(c))
    treatments.ladder_list(c)
    treatments.ladder_details(c)

    st.header(c.text("treatments.compare"))
    st.multiselect(
        c.text("treatments.choose"),
        list(c.treatments),
        key="compare",
        max_selections=links.MAX_COMPARE,
        format_func=lambda tid: c.treatments[tid].name,
        on_change=_commit,
        placeholder=c.text("treatments.placeholder"),
    )
    if compare:
        treatments.comparison(c, compare)
        treatments.handout_button(c, compare)
    else:
        st.markdown(c.text("treatments.compare_hint"))


frame.page_intro(c, "treatments")
_ladder_and_comparison()
quiz.section(c, "treatments")
decision.decision_section(c, state, _commit)
