"""What matters to me: rate wishes, see the options sorted by them, check SURE, tick questions, save a summary."""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from explainer import decision, links
from explainer.content import Content
from explainer.html import handout
from explainer.ui import frame, quiz, specs


def decision_section(content: Content, state: links.TreatmentsState, on_change: Callable[[], None]) -> None:
    """Rate wishes, see the options sorted by them, check SURE, tick questions, download a summary."""
    d = content.decision
    frame.heading(content.text("decision.title"), d.intro)
    for wish in d.wishes:
        st.radio(
            wish.label,
            (0, 1, 2),
            key=f"wish_{wish.id}",
            horizontal=True,
            format_func=lambda level: d.levels[level],
            on_change=on_change,
        )
    ratings = dict(state.matters)
    weights = {w.id: ratings.get(w.id, 0) for w in d.wishes}
    with st.container(border=True):
        st.markdown(f":material/info: **{d.not_advice}**")
    ranked = decision.rank(content, weights)
    if decision.all_neutral(weights):
        st.markdown(content.text("decision.none_yet"))
    else:
        _sorted(content, ranked)

    frame.heading(content.text("sure.title"), content.text("sure.intro"), 3)
    sure = {}
    for q in d.sure:
        sure[q.id] = st.radio(
            q.question,
            (True, False),
            index=None,
            key=f"sure_{q.id}",
            horizontal=True,
            format_func=lambda yes: content.text("sure.yes" if yes else "sure.no"),
        )
        if sure[q.id] is False:
            st.markdown(f"↳ {q.if_no}")
    if all(sure.values()):
        st.success(content.text("sure.ready"))

    names = [option_name(content, o) for o in decision.options(content)]
    leaning = st.selectbox(
        content.text("lean.question"), names, index=None, key="leaning", placeholder=content.text("lean.unsure")
    )

    frame.heading(content.text("ask.title"), content.text("ask.intro"), 3)
    _question_list(content, state, on_change)
    own = st.text_area(content.text("ask.own"), key="ask_own")
    st.caption(content.text("ask.own_hint"))

    again = quiz.shown_to_go_over(content, "treatments")
    go_over = again if again and st.checkbox(content.text("quiz.add_to_summary"), key="quiz_to_summary") else []

    ranked_names = [option_name(content, f.option) for f in ranked]
    # Made only when the button is pressed, from the answers as they are in this run and the options compared
    # then (a comparison built later reruns only its own part of the page, not this one).
    summary = functools.partial(
        _summary,
        content,
        st.session_state.setdefault(_COMPARED, {"compare": state.compare}),
        ratings,
        ranked_names,
        leaning,
        sure,
        state,
        own,
        frame.share_base(),
        frame.carried_language(),
        go_over,
    )
    st.download_button(
        content.text("summary.download"),
        summary,
        file_name="my-summary.html",
        mime="text/html",
        icon=":material/download:",
        key="summary",
        on_click="ignore",
    )
    st.caption(content.text("summary.private"))


_COMPARED = "_compared_for_summary"  # {"compare": the options compared now}: read when the summary is made


def compared_now(compare: tuple[str, ...]) -> None:
    """Note the options compared now for the personal summary, made only when its button is pressed."""
    st.session_state.setdefault(_COMPARED, {})["compare"] = tuple(compare)


def _summary(
    content: Content,
    compared: dict[str, tuple[str, ...]],
    ratings: dict[str, int],
    ranked: list[str],
    leaning: str | None,
    sure: dict[str, bool | None],
    state: links.TreatmentsState,
    own: str,
    base: str,
    lang: str | None,
    go_over: list[str],
) -> str:
    """The personal summary, with the options compared when it is made and the link to that view."""
    now = links.TreatmentsState(compared["compare"], state.matters, state.ask)
    link = base + links.href(now, lang)
    return handout.render_summary(
        content, now.compare, ratings, ranked, leaning, sure, now.ask, own, link, go_over=go_over
    )


def _question_list(content: Content, state: links.TreatmentsState, on_change: Callable[[], None]) -> None:
    """The questions to tick, in a panel that opens on request (already open when the link has ticks):
    twenty-odd checkboxes are a long scroll on a phone and the most elements of any part of the page."""
    if state.ask and "ask_panel" not in st.session_state:
        st.session_state["ask_panel"] = True  # not `expanded=`: a change of it would make a new panel
    panel = st.expander(content.text("ask.list", count=len(content.questions)), key="ask_panel", on_change="rerun")
    keys = {q.id: f"ask_{q.id}" for q in content.questions}
    if not panel.open:
        # Closed, the ticks live in the link alone: every key in session state makes each radio and
        # selectbox on the page slower (Streamlit copies the whole state for each), and these are twenty-odd.
        for key in keys.values():
            st.session_state.pop(key, None)
        return
    with panel:
        for question in content.questions:
            st.session_state[keys[question.id]] = question.id in state.ask
            st.checkbox(question.text, key=keys[question.id], on_change=on_change)


def option_name(content: Content, option: decision.Option) -> str:
    """An option's name, marked when it is a test rather than a treatment."""
    return content.text("decision.test_name", name=option.name) if option.is_test else option.name


def _sorted(content: Content, ranked: list[decision.Fit]) -> None:
    """The options best fit first, as a chart and a numbered list, and the reason for every place."""
    st.subheader(content.text("decision.sorted"))
    pairs = [(option_name(content, f.option), f.score) for f in ranked]
    order = "; ".join(f"{n}. {name} ({score:+d})" for n, (name, score) in enumerate(pairs, 1))
    specs.draw(specs.fit(content, tuple(pairs), ranked[0].best), content.text("decision.alt", order=order))
    st.markdown(
        "\n".join(
            f"{n}. **{name}**: {content.text('decision.fits', score=f'{score:+d}', best=ranked[0].best)}"
            for n, (name, score) in enumerate(pairs, 1)
        )
    )
    words = content.decision.fit_words
    with st.expander(content.text("decision.why")):
        st.markdown(content.text("decision.how"))
        st.markdown(
            "\n".join(
                f"- **{option_name(content, f.option)}**: "
                + "; ".join(
                    content.text("decision.reason", wish=r.wish.label.lower(), fit=words[r.fit], because=r.because)
                    for r in f.reasons
                )
                for f in ranked
            )
        )


def decision_widgets(content: Content, state: links.TreatmentsState) -> None:
    """Put the link's ratings into the widgets before they are drawn (the ticked questions are put in when
    their panel is drawn open)."""
    ratings = dict(state.matters)
    for wish in content.decision.wishes:
        st.session_state[f"wish_{wish.id}"] = ratings.get(wish.id, 0)


def decision_state(
    content: Content, state: links.TreatmentsState
) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...]]:
    """The answers as the widgets hold them now, for the link; while the question panel is closed, its
    ticks are those of the link (`state`)."""
    matters = tuple(
        (w.id, st.session_state[f"wish_{w.id}"])
        for w in content.decision.wishes
        if st.session_state.get(f"wish_{w.id}")
    )
    ask = tuple(q.id for q in content.questions if st.session_state.get(f"ask_{q.id}", q.id in state.ask))
    return matters, ask
