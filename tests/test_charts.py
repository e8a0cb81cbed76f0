"""Chart specs as data: the pathway has every stage, its arrows and the click selection; views differ."""

from explainer import charts


def _spec(content, view="acute", selected="dorsal-horn", treatment=None):
    chart = charts.pathway(content.pathway.stages, content.pathway.connections, content.text, view, selected, treatment)
    return chart.to_dict()


def _datasets(spec):
    return list(spec["datasets"].values())


def test_pathway_spec_has_every_stage_and_every_arrow(content):
    spec = _spec(content)
    node_rows = next(rows for rows in _datasets(spec) if rows and "label" in rows[0])
    assert [r["id"] for r in node_rows] == list(content.stages)
    edge_rows = next(rows for rows in _datasets(spec) if rows and "x2" in rows[0])
    assert len(edge_rows) == len(content.pathway.connections)
    assert {r["kind"] for r in edge_rows} == {content.text("chart.signal_up"), content.text("chart.brakes_down")}


def test_pathway_selection_is_a_click_on_stage_id_starting_at_the_chosen_stage(content):
    spec = _spec(content, selected="thalamus")
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert len(params) == 1
    pick = params[0]
    assert pick["name"] == charts.SELECTION
    assert pick["select"]["fields"] == ["id"] and pick["select"]["on"] == "click"
    assert pick["value"] == [{"id": "thalamus"}]


def test_chronic_view_turns_signals_up_and_brakes_down(content):
    acute = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "acute", content.text)
    chronic = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "chronic", content.text)
    up = chronic["kind"] == content.text("chart.signal_up")
    down = chronic["kind"] == content.text("chart.brakes_down")
    assert (chronic.loc[up, "width"] > acute.loc[up, "width"]).all()
    assert (chronic.loc[down, "opacity"] < acute.loc[down, "opacity"]).all()
    assert _spec(content, "acute") != _spec(content, "chronic")


def _params(spec):
    return spec.get("params", []) + [p for layer in spec.get("layer", []) for p in layer.get("params", [])]


def test_choosing_a_stage_on_a_built_spec_matches_building_it_chosen(content):
    """Pages build the pathway once and set the chosen stage on a copy; that must equal a fresh build."""
    built = _spec(content, "chronic", selected="thalamus")
    base = _spec(content, "chronic", selected=None)
    before = repr(base)
    chosen = charts.with_selection(base, "thalamus")
    assert repr(base) == before, "the cached spec was changed"
    assert _params(chosen) == _params(built)
    assert ["value" in p for p in _params(base)] == [False]
    assert charts.with_selection(chosen, None) == base


def test_everything_that_shows_the_chosen_stage_follows_the_selection(content):
    """Size and bold label come from the click selection, not from data baked in per stage."""
    spec = _spec(content)
    points = next(layer for layer in spec["layer"] if layer["encoding"].get("size"))
    size = points["encoding"]["size"]
    assert size["condition"]["param"] == charts.SELECTION and size["condition"]["value"] > size["value"]
    filters = [t["filter"] for layer in spec["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert {"param": charts.SELECTION, "empty": False} in filters
    assert {"not": {"param": charts.SELECTION, "empty": False}} in filters


def test_treatment_overlay_marks_its_stages_by_shape_not_only_colour(content):
    treatment = content.treatments["spinal-cord-stimulation"]
    nodes = charts.pathway_nodes(content.pathway.stages, "acute", treatment)
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
    spec = charts.ladder(content.ladder(), content.text, ["massage"]).to_dict()
    rows = next(rows for rows in spec["datasets"].values() if rows and "tier" in rows[0])
    assert [r["tier"] for r in sorted(rows, key=lambda r: r["order"])] == sorted(r["tier"] for r in rows)


def test_ladder_marks_the_compared_options_by_name(content):
    ladder = content.ladder()
    built = charts.ladder(ladder, content.text, ["spine-surgery", "massage"]).to_dict()
    short = {t.id: t.short for t in ladder}
    assert [p["value"] for p in _params(built) if p["name"] == charts.CHOSEN] == [
        [short["massage"], short["spine-surgery"]]
    ]  # in ladder order
    base = charts.ladder(ladder, content.text).to_dict()
    assert _params(charts.with_chosen(base, ladder, ["spine-surgery", "massage"])) == _params(built)
    assert _params(base) == [{"name": charts.CHOSEN, "value": []}]
    bars = built["layer"][0]["encoding"]
    assert charts.CHOSEN in bars["stroke"]["condition"]["test"]
    assert charts.CHOSEN in bars["y"]["axis"]["labelExpr"]


def test_fit_chart_keeps_the_ranked_order(content):
    spec = charts.fit([("B option", 3), ("A option", 0), ("C option", -2)], 3, content.text).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["B option", "A option", "C option"]
    rows = next(iter(spec["datasets"].values()))
    assert [r["fit"] for r in rows] == ["fits", "neutral", "does not fit"]


def test_icon_array_draws_100_people_per_group_grouped_from_the_first(content):
    spec = charts.icon_array([("Option", 48), ("Comparison", 9)], "got better", content.text).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 200
    for label, count in (("Option", 48), ("Comparison", 9)):
        mine = [r for r in rows if r["group"] == label]
        filled = sorted(r["row"] * 10 + r["col"] for r in mine if r["outcome"] == "yes")
        assert filled == list(range(count))  # grouped, not scattered
    assert content.text("chart.out_of_100", count=48) in " ".join(r["title"] for r in rows).replace("|", " ")


def test_every_word_a_chart_shows_comes_from_content(content):
    """A chart built with other words shows none of the English ones: nothing is left to translate."""

    def other(key: str, **values: object) -> str:
        return f"<{key}>"

    specs = [
        charts.pathway(content.pathway.stages, content.pathway.connections, other, "chronic").to_dict(),
        charts.windup(charts.windup_curve(5, 0.5), True, other).to_dict(),
        charts.ladder(content.ladder(), other).to_dict(),
        charts.fit([("A", 1)], 2, other).to_dict(),
        charts.icon_array([("A", 1), ("B", 2)], "x", other).to_dict(),
    ]
    english = {
        content.text(k)
        for k in (
            "chart.signal_up",
            "chart.brakes_down",
            "chart.arrow",
            "chart.stage",
            "chart.windup_x",
            "chart.windup_y",
            "chart.ladder_x",
            "chart.option",
            "chart.did_not",
            "chart.group",
            "chart.fit",
        )
    }
    import json

    for spec in specs:
        text = json.dumps(spec)
        assert not [w for w in english if f'"{w}"' in text], text[:200]
