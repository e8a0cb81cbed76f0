"""What matters to me: sorting as plain arithmetic, links that carry only the answers, the summary."""
from explainer import decision, handout, links
from tests.html_text import Html
from tests.test_pages import open_page


def _weights(content, **rated):
    return {w.id: rated.get(w.id.replace("-", "_"), 0) for w in content.decision.wishes}


def test_all_neutral_answers_keep_the_ladder_order(content):
    ranked = decision.rank(content, _weights(content))
    assert [f.treatment.id for f in ranked] == [t.id for t in content.ladder()]
    assert {f.score for f in ranked} == {0}
    assert decision.all_neutral(_weights(content))


def test_avoiding_an_operation_puts_surgery_last(content):
    ranked = decision.rank(content, _weights(content, avoid_surgery=2))
    assert ranked[-1].treatment.id == "spine-surgery"
    assert ranked[0].score == ranked[0].best == 2


def test_ties_keep_ladder_order(content):
    ranked = decision.rank(content, _weights(content, avoid_needles=2))
    order = {t.id: n for n, t in enumerate(content.ladder())}
    for a, b in zip(ranked, ranked[1:], strict=False):
        if a.score == b.score:
            assert order[a.treatment.id] < order[b.treatment.id]


def test_score_is_the_weighted_sum_of_fits():
    fits = {"a": 2, "b": 0, "c": 1}
    assert decision.score(fits, {"a": 2, "b": 1, "c": 2}) == 2 * 1 + 1 * -1 + 2 * 0


def test_fast_relief_favours_injections_over_exercise(content):
    ranked = [f.treatment.id for f in decision.rank(content, _weights(content, fast_relief=2))]
    assert ranked.index("epidural-steroid-injection") < ranked.index("physical-therapy")


def test_answers_round_trip_through_the_link(content):
    wishes = [w.id for w in content.decision.wishes]
    questions = [q.id for q in content.questions]
    state = links.TreatmentsState(("massage",), (("avoid-needles", 2), ("fast-relief", 1)), tuple(questions[:2]))
    params = {k: [v] for k, v in links.to_params(state).items()}
    assert params["matters"] == ["avoid-needles:2,fast-relief:1"]
    assert links.parse_treatments(params, content.treatments, wishes, questions) == links.Parsed(state, ())


def test_bad_answers_in_the_link_are_dropped_with_a_notice(content):
    wishes = [w.id for w in content.decision.wishes]
    parsed = links.parse_treatments({"matters": ["avoid-needles:9,nonsense:2,low-risk:1,low-risk:2"],
                                     "ask": ["<b>x</b>"]}, content.treatments, wishes, [])
    assert parsed.state.matters == (("low-risk", 1),)
    assert parsed.state.ask == ()
    assert links.Notice("matters", "unknown") in parsed.notices and links.Notice("ask", "unknown") in parsed.notices


def test_rating_a_wish_sorts_the_options_and_updates_the_link(content):
    at = open_page("treatments")
    assert not at.exception
    at.radio(key="wish_avoid-surgery").set_value(2).run()
    assert at.query_params["matters"] == "avoid-surgery:2"
    listing = next(m.value for m in at.markdown if m.value.startswith("1. **"))
    assert listing.splitlines()[-1].startswith(f"12. **{content.treatments['spine-surgery'].name}**")
    at.checkbox(key=f"ask_{content.questions[0].id}").check().run()
    assert at.query_params["ask"] == content.questions[0].id


def test_a_link_restores_the_answers(content):
    q = content.questions[1]
    at = open_page("treatments", matters="low-risk:2", ask=q.id, compare="massage")
    assert at.radio(key="wish_low-risk").value == 2
    assert at.checkbox(key=f"ask_{q.id}").value is True
    assert at.multiselect(key="compare").value == ["massage"]


def test_summary_holds_exactly_what_was_chosen(content):
    asked = [content.questions[0].id]
    sure_ids = [q.id for q in content.decision.sure]
    html = handout.render_summary(
        content, ["massage"], {"avoid-surgery": 2}, ["massage", "education"],
        {sure_ids[0]: False, sure_ids[1]: True}, asked, "Can I keep working?\n<script>x</script>",
        "https://clinic.example/treatments?compare=massage")
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


def test_a_no_in_the_sure_check_says_what_to_do(content):
    first = content.decision.sure[0]
    at = open_page("treatments")
    assert not any(first.if_no in m.value for m in at.markdown)
    at.radio(key=f"sure_{first.id}").set_value(False).run()
    assert any(first.if_no in m.value for m in at.markdown)
    assert not at.success
