"""Chart specs as data: the pathway has every stage, its arrows and the click selection; views differ."""
from explainer import charts


def _spec(content, view="acute", selected="dorsal-horn", treatment=None):
    chart = charts.pathway(content.pathway.stages, content.pathway.connections, view, selected, treatment)
    return chart.to_dict()


def _datasets(spec):
    return list(spec["datasets"].values())


def test_pathway_spec_has_every_stage_and_every_arrow(content):
    spec = _spec(content)
    node_rows = next(rows for rows in _datasets(spec) if rows and "label" in rows[0])
    assert [r["id"] for r in node_rows] == list(content.stages)
    edge_rows = next(rows for rows in _datasets(spec) if rows and "x2" in rows[0])
    assert len(edge_rows) == len(content.pathway.connections)
    assert {r["kind"] for r in edge_rows} == {"signal up", "brakes down"}


def test_pathway_selection_is_a_click_on_stage_id_starting_at_the_chosen_stage(content):
    spec = _spec(content, selected="thalamus")
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert len(params) == 1
    pick = params[0]
    assert pick["name"] == charts.SELECTION
    assert pick["select"]["fields"] == ["id"] and pick["select"]["on"] == "click"
    assert pick["value"] == [{"id": "thalamus"}]


def test_chronic_view_turns_signals_up_and_brakes_down(content):
    acute = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "acute")
    chronic = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "chronic")
    up, down = chronic["kind"] == "signal up", chronic["kind"] == "brakes down"
    assert (chronic.loc[up, "width"] > acute.loc[up, "width"]).all()
    assert (chronic.loc[down, "opacity"] < acute.loc[down, "opacity"]).all()
    assert _spec(content, "acute") != _spec(content, "chronic")


def test_treatment_overlay_marks_its_stages_by_shape_not_only_colour(content):
    treatment = content.treatments["spinal-cord-stimulation"]
    nodes = charts.pathway_nodes(content.pathway.stages, "acute", None, treatment)
    marked = nodes[nodes["treatment"] == "acts here"]
    assert set(marked["id"]) == set(treatment.acts_at)
    assert all(label.endswith("◆") for label in marked["label"])


def test_windup_rises_with_weak_brakes_and_stays_flat_with_strong_ones():
    weak = charts.windup_curve(12, 0.0)["loudness"]
    strong = charts.windup_curve(12, 1.0)["loudness"]
    assert weak.is_monotonic_increasing and weak.iloc[-1] > weak.iloc[0] * 3
    assert strong.nunique() == 1
    assert weak.max() <= 10


def test_ladder_orders_options_by_tier(content):
    spec = charts.ladder(content.ladder(), ["massage"]).to_dict()
    rows = next(rows for rows in spec["datasets"].values() if rows and "tier" in rows[0])
    assert [r["tier"] for r in sorted(rows, key=lambda r: r["order"])] == sorted(r["tier"] for r in rows)
    assert [r["id"] for r in rows if r["chosen"]] == ["massage"]


def test_fit_chart_keeps_the_ranked_order():
    spec = charts.fit([("B option", 3), ("A option", 0), ("C option", -2)], 3).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["B option", "A option", "C option"]
    rows = next(iter(spec["datasets"].values()))
    assert [r["fit"] for r in rows] == ["fits", "neutral", "does not fit"]
