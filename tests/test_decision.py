"""What matters to me: sorting as plain arithmetic, links that carry only the answers, the summary."""

import itertools

import pytest

from explainer import decision, links
from explainer.content import NO_TREATMENT
from explainer.html import handout
from tests.html_text import Html
from tests.test_pages import open_page


def _weights(content, **rated):
    return {w.id: rated.get(w.id.replace("-", "_"), 0) for w in content.decision.wishes}


def _ids(ranked):
    return [f.option.id for f in ranked]


def test_all_neutral_answers_keep_the_ladder_order_with_no_new_treatment_first(content):
    ranked = decision.rank(content, _weights(content))
    assert _ids(ranked) == [NO_TREATMENT, *(t.id for t in content.ladder())]
    assert {f.score for f in ranked} == {0}
    assert decision.all_neutral(_weights(content))


def test_no_new_treatment_is_ranked_like_any_other_option(content):
    ranked = decision.rank(content, _weights(content, avoid_needles=2, avoid_surgery=2, undo_first=2))
    assert NO_TREATMENT in _ids(ranked)
    none = next(f for f in ranked if f.option.id == NO_TREATMENT)
    assert none.score == none.best  # nothing goes into the body, no operation, and it can be undone


def test_avoiding_an_operation_puts_the_stimulator_and_surgery_last(content):
    ranked = decision.rank(content, _weights(content, avoid_surgery=2))
    assert set(_ids(ranked)[-2:]) == {"spinal-cord-stimulation", "spine-surgery"}
    assert ranked[0].score == ranked[0].best == 2


def test_equal_fits_go_by_certainty_then_least_invasive_first(content):
    ranked = decision.rank(content, _weights(content, avoid_needles=2))
    for a, b in itertools.pairwise(ranked):
        if a.score == b.score:
            key_a = (decision.CERTAINTY_ORDER[a.option.profile.certainty], a.option.order)
            key_b = (decision.CERTAINTY_ORDER[b.option.profile.certainty], b.option.order)
            assert key_a < key_b


def test_score_is_the_weighted_sum_of_fits():
    fits = {"a": 2, "b": 0, "c": 1}
    assert decision.score(fits, {"a": 2, "b": 1, "c": 2}) == 2 * 1 + 1 * -1 + 2 * 0


@pytest.mark.parametrize("wish", ["fast-relief", "lasting-relief", "good-evidence"])
def test_for_relief_alone_no_test_and_no_very_uncertain_option_comes_first(content, wish):
    ranked = decision.rank(content, {w.id: 2 if w.id == wish else 0 for w in content.decision.wishes})
    first = ranked[0].option
    assert not first.is_test and first.profile.certainty != "very-low", first.id
    tests = [f for f in ranked if f.option.is_test]
    assert tests and all(f.score == -2 for f in tests)  # a test never fits a wish for relief
    assert all(r.because == content.decision.test_reason for f in tests for r in f.reasons)


def test_very_uncertain_benefit_fits_relief_at_most_partly(content):
    ranked = decision.rank(content, _weights(content, fast_relief=2))
    for f in ranked:
        if decision.evidence(f.option.profile) == "poor":
            assert f.reasons[0].fit <= 1, f.option.id


def test_every_fit_follows_from_a_fact_and_says_why(content):
    every = {w.id: 2 for w in content.decision.wishes}
    for f in decision.rank(content, every):
        assert len(f.reasons) == len(content.decision.wishes)
        for r in f.reasons:
            assert r.because and r.fit in (0, 1, 2)
            if not (r.wish.relief and f.option.is_test):
                value = decision.fact_value(f.option.profile, r.wish.fact)
                assert r.fit <= r.wish.fits[value] and r.because.startswith(r.wish.because[value])


def test_medicines_do_not_tie_with_exercise_when_everything_matters(content):
    ranked = decision.rank(content, {w.id: 2 for w in content.decision.wishes})
    score = {f.option.id: f.score for f in ranked}
    assert score["medications"] != score["physical-therapy"]


def test_good_evidence_is_read_from_how_likely_and_how_sure(content):
    from explainer.content import Profile

    def p(helps, certainty):
        return Profile(
            body="none",
            undo="yes",
            starts="days",
            lasts="short",
            harms="few",
            effort="low",
            helps=helps,
            certainty=certainty,
            certainty_reason="x",
        )

    assert decision.evidence(p("likely", "moderate")) == "good"
    assert decision.evidence(p("likely", "low")) == "some"
    assert decision.evidence(p("possible", "high")) == "some"
    assert decision.evidence(p("likely", "very-low")) == "poor"
    assert decision.evidence(p("unlikely", "high")) == "poor"


def test_answers_round_trip_through_the_link(content):
    wishes = [w.id for w in content.decision.wishes]
    questions = [q.id for q in content.questions]
    state = links.TreatmentsState(("massage",), (("avoid-needles", 2), ("fast-relief", 1)), tuple(questions[:2]))
    params = {k: [v] for k, v in links.to_params(state).items()}
    assert params["matters"] == ["avoid-needles:2,fast-relief:1"]
    assert links.parse_treatments(params, content.treatments, wishes, questions) == links.Parsed(state, ())


def test_bad_answers_in_the_link_are_dropped_with_a_notice(content):
    wishes = [w.id for w in content.decision.wishes]
    parsed = links.parse_treatments(
        {"matters": ["avoid-needles:9,nonsense:2,low-risk:1,low-risk:2"], "ask": ["<b>x</b>"]},
        content.treatments,
        wishes,
        [],
    )
    assert parsed.state.matters == (("low-risk", 1),)
    assert parsed.state.ask == ()
    assert links.Notice("matters", "unknown") in parsed.notices and links.Notice("ask", "unknown") in parsed.notices


def test_rating_a_wish_sorts_the_options_and_updates_the_link(content):
    at = open_page("treatments")
    assert not at.exception
    at.radio(key="wish_avoid-surgery").set_value(2).run()
    assert at.query_params["matters"] == "avoid-surgery:2"
    listing = next(m.value for m in at.markdown if m.value.startswith("1. **") and "fits" in m.value)
    count = len(content.treatments) + 1  # and no new treatment
    assert len(listing.splitlines()) == count
    last_two = "\n".join(listing.splitlines()[-2:])
    assert content.treatments["spine-surgery"].name in last_two
    assert content.treatments["spinal-cord-stimulation"].name in last_two
    assert any(content.decision.wishes[1].because["operation"] in m.value for m in at.markdown)
    # The questions are built only once their panel is opened: twenty-odd checkboxes.
    assert not [c for c in at.checkbox if c.key.startswith("ask_")]
    at.session_state["ask_panel"] = True
    at.run()
    assert len([c for c in at.checkbox if c.key.startswith("ask_")]) == len(content.questions)
    at.checkbox(key=f"ask_{content.questions[0].id}").check().run()
    assert at.query_params["ask"] == content.questions[0].id
    assert at.session_state["ask_panel"] is True


def test_a_link_restores_the_answers(content):
    q = content.questions[1]
    at = open_page("treatments", matters="low-risk:2", ask=q.id, compare="massage")
    assert at.radio(key="wish_low-risk").value == 2
    assert at.checkbox(key=f"ask_{q.id}").value is True
    assert at.multiselect(key="compare").value == ["massage"]


def test_ticked_questions_stay_in_the_link_while_their_panel_is_closed(content):
    q = content.questions[1]
    at = open_page("treatments", ask=q.id)
    at.session_state["ask_panel"] = False  # closed by the reader: its checkboxes are not drawn
    at.run()
    assert not [c for c in at.checkbox if c.key.startswith("ask_")]
    assert not [key for key in at.session_state if key in {f"ask_{q.id}" for q in content.questions}]
    at.radio(key="wish_low-risk").set_value(2).run()
    assert at.query_params["matters"] == "low-risk:2"
    assert at.query_params["ask"] == q.id
    at.session_state["ask_panel"] = True
    at.run()
    assert at.checkbox(key=f"ask_{q.id}").value is True


def test_summary_holds_exactly_what_was_chosen(content):
    asked = [content.questions[0].id]
    sure_ids = [q.id for q in content.decision.sure]
    html = handout.render_summary(
        content,
        ["massage"],
        {"avoid-surgery": 2},
        ["Massage", "Pain education"],
        "Massage",
        {sure_ids[0]: False, sure_ids[1]: True},
        asked,
        "Can I keep working?\n<script>x</script>",
        "https://clinic.example/treatments?compare=massage",
    )
    doc = Html(html)
    text = doc.text
    assert content.questions[0].text in text
    assert all(q.text not in text for q in content.questions[1:])
    assert "Can I keep working?" in text and "script" not in doc.tags
    assert content.decision.sure[0].if_no in text and content.decision.sure[1].if_no not in text
    assert f"{content.decision.wishes[1].label}: {content.decision.levels[2]}" in text
    assert content.treatments["massage"].risks in text
    assert content.site.disclaimer in text
    assert content.sources["ottawa-opdg"].title in text
    assert content.text("lean.summary", option="Massage") in text


def test_a_no_in_the_sure_check_says_what_to_do(content):
    first = content.decision.sure[0]
    at = open_page("treatments")
    assert not any(first.if_no in m.value for m in at.markdown)
    at.radio(key=f"sure_{first.id}").set_value(False).run()
    assert any(first.if_no in m.value for m in at.markdown)
    assert not at.success
