"""The link contract: every shared link opens the view it names, and no link can break a page."""

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer import links
from explainer.content import STAGE_IDS
from explainer.links import Notice, PathwayState, TalkState, TreatmentsState

STAGES = list(STAGE_IDS)
TREATMENTS = [
    "education",
    "physical-therapy",
    "massage",
    "pain-psychology",
    "medications",
    "epidural-steroid-injection",
    "selective-nerve-root-block",
    "facet-block",
    "radiofrequency-ablation",
    "discogenic-procedures",
    "spinal-cord-stimulation",
    "spine-surgery",
]


def pathway(**params):
    return links.parse_pathway({k: v if isinstance(v, list) else [v] for k, v in params.items()}, STAGES, TREATMENTS)


def test_every_stage_and_treatment_round_trips_through_its_link():
    for stage in STAGES:
        for view in links.VIEWS:
            state = PathwayState(stage=stage, view=view, treatment=TREATMENTS[STAGES.index(stage)])
            parsed = links.parse_pathway({k: [v] for k, v in links.to_params(state).items()}, STAGES, TREATMENTS)
            assert parsed == links.Parsed(state, ())


def test_href_uses_ids_and_leaves_defaults_out():
    assert links.href(PathwayState(stage="dorsal-horn", view="chronic")) == "/pathway?stage=dorsal-horn&view=chronic"
    assert links.href(PathwayState()) == "/pathway"
    assert links.href(TreatmentsState(("massage", "spine-surgery"))) == "/treatments?compare=massage,spine-surgery"
    assert links.href(TalkState(4)) == "/talk?slide=4"


def test_unknown_stage_falls_back_with_a_notice():
    parsed = pathway(stage="spleen", view="chronic")
    assert parsed.state == PathwayState(stage=None, view="chronic")
    assert parsed.notices == (Notice("stage", "unknown"),)


def test_repeated_empty_and_oversized_values_fall_back():
    assert pathway(view=["acute", "chronic"]).notices == (Notice("view", "repeated"),)
    assert pathway(stage="").notices == (Notice("stage", "empty"),)
    assert pathway(stage="a" * 1001).notices == (Notice("stage", "too-long"),)
    assert pathway(stage="a" * 1001).state == PathwayState()


def test_ids_are_case_insensitive_but_written_lower_case():
    assert pathway(stage="Dorsal-Horn", view="CHRONIC").state == PathwayState("dorsal-horn", "chronic")


def test_unknown_parameters_are_noticed():
    assert pathway(colour="red").notices == (Notice("colour", "unknown-parameter"),)
    assert links.parse_none({"x": ["1"]}).notices == (Notice("x", "unknown-parameter"),)
    assert links.parse_none({"embed": ["true"]}).notices == ()


def test_compare_keeps_known_ids_in_order_drops_the_rest():
    parsed = links.parse_treatments({"compare": ["massage,nonsense,spine-surgery,massage"]}, TREATMENTS)
    assert parsed.state.compare == ("massage", "spine-surgery")
    assert parsed.notices == (Notice("compare", "unknown"), Notice("compare", "repeated"))


def test_compare_keeps_the_first_three():
    parsed = links.parse_treatments({"compare": [",".join(TREATMENTS[:5])]}, TREATMENTS)
    assert parsed.state.compare == tuple(TREATMENTS[:3])
    assert parsed.notices == (Notice("compare", "too-many"),)


def test_slide_numbers_go_to_the_nearest_slide():
    assert links.parse_talk({"slide": ["0"]}, 10) == links.Parsed(TalkState(1), (Notice("slide", "out-of-range"),))
    assert links.parse_talk({"slide": ["-3"]}, 10).state == TalkState(1)
    assert links.parse_talk({"slide": ["99"]}, 10).state == TalkState(10)
    assert links.parse_talk({"slide": ["two"]}, 10) == links.Parsed(TalkState(1), (Notice("slide", "unknown"),))
    assert links.parse_talk({"slide": ["4"]}, 10) == links.Parsed(TalkState(4), ())
    assert links.parse_talk({"slide": ["4", "5"]}, 10).state == TalkState(1)


def test_learn_term():
    assert links.parse_learn({"term": ["wind-up"]}, ["wind-up"]).state.term == "wind-up"
    assert links.parse_learn({"term": ["<script>"]}, ["wind-up"]).state.term is None


values = st.lists(st.text(max_size=300), max_size=3)
params = st.dictionaries(
    st.sampled_from(["stage", "view", "treatment", "compare", "slide", "term", "x"]), values, max_size=6
)


@settings(max_examples=300, deadline=None)
@given(params)
def test_any_link_parses_to_a_valid_state(p):
    path = links.parse_pathway(p, STAGES, TREATMENTS).state
    assert path.stage in (None, *STAGES) and path.view in links.VIEWS and path.treatment in (None, *TREATMENTS)
    compare = links.parse_treatments(p, TREATMENTS).state.compare
    assert len(compare) <= 3 and len(set(compare)) == len(compare) and set(compare) <= set(TREATMENTS)
    assert 1 <= links.parse_talk(p, 10).state.slide <= 10
    # Whatever came in, what goes back out is only ids the app knows.
    for state in (path, links.parse_treatments(p, TREATMENTS).state):
        assert all(v.replace("-", "").replace(",", "").isalnum() for v in links.to_params(state).values())


def test_every_question_ticked_still_fits_in_a_link(content):
    """A person who ticks every question keeps them all: the link is not dropped as too long."""
    questions = [q.id for q in content.questions]
    params = {"ask": [",".join(questions)]}
    parsed = links.parse_treatments(params, content.treatments, [], questions)
    assert parsed.state.ask == tuple(questions) and not parsed.notices


def test_every_page_reads_the_language_and_an_unknown_one_gets_a_notice(content):
    assert links.parse_language({"lang": ["es"]}) == links.Parsed("es", ())
    assert links.parse_language({"lang": ["ES"]}).state == "es"
    assert links.parse_language({}) == links.Parsed(None, ())
    assert links.parse_language({"lang": ["klingon"]}) == links.Parsed(None, (Notice("lang", "unknown"),))
    # `lang` is part of every page's link, so it is never "something extra".
    assert links.parse_pathway({"lang": ["es"], "stage": ["cortex"]}, content.stages, content.treatments).notices == ()
    assert links.parse_none({"lang": ["es"]}).notices == ()


def test_links_the_app_makes_keep_the_language():
    assert links.href(PathwayState(stage="cortex"), "es") == "/pathway?stage=cortex&lang=es"
    assert links.href(TreatmentsState(("massage",)), None) == "/treatments?compare=massage"
    assert links.with_language({"slide": "2"}, "es") == {"slide": "2", "lang": "es"}
