"""Chart specs as data: the pathway has every stage, its arrows and the click selection; views differ."""

import math

import pytest

from explainer import charts
from explainer import content as content_module
from explainer.charts import body


def _spec(content, view="acute", selected="dorsal-horn", treatment=None):
    chart = charts.pathway(
        content.pathway.stages,
        content.pathway.connections,
        content.text,
        view,
        selected,
        treatment,
        body=content.pathway.body,
    )
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


def test_pathway_selection_is_a_click_on_stage_id_and_the_chosen_stage_is_data(content):
    spec = _spec(content, selected="thalamus")
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert len(params) == 1
    pick = params[0]
    assert pick["name"] == charts.SELECTION
    assert pick["select"]["fields"] == ["id"] and pick["select"]["on"] == "click"
    assert "value" not in pick  # the chosen stage is not the selection's start: a change would redraw it all
    assert spec["datasets"][charts.CHOSEN_STAGE] == [{"id": "thalamus"}]


def test_chronic_view_turns_signals_up_and_brakes_down(content):
    acute = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "acute", content.text)
    chronic = charts.pathway_edges(content.pathway.stages, content.pathway.connections, "chronic", content.text)
    up = chronic["kind"] == content.text("chart.signal_up")
    down = chronic["kind"] == content.text("chart.brakes_down")
    assert (chronic.loc[up, "width"] > acute.loc[up, "width"]).all()
    assert (chronic.loc[down, "width"] < acute.loc[down, "width"]).all()
    # every arrow at full strength, so its colour keeps its 3:1 against white (GREEN is 3.4:1)
    assert (chronic["opacity"] == 1).all() and (acute["opacity"] == 1).all()
    assert _spec(content, "acute") != _spec(content, "chronic")


def _params(spec):
    return spec.get("params", []) + [p for layer in spec.get("layer", []) for p in layer.get("params", [])]


def test_choosing_a_stage_on_a_built_spec_changes_only_its_chosen_dataset(content):
    """Pages build the pathway once and set the chosen stage on a copy; that must equal a fresh build, and
    differ from the unchosen spec in nothing but the one-row dataset (Streamlit's chart then updates the
    data in place instead of drawing a new view)."""
    built = _spec(content, "chronic", selected="thalamus")
    base = _spec(content, "chronic", selected=None)
    before = repr(base)
    chosen = charts.with_selection(base, "thalamus")
    assert repr(base) == before, "the cached spec was changed"
    assert chosen == built
    assert {k: v for k, v in chosen.items() if k != "datasets"} == {k: v for k, v in base.items() if k != "datasets"}
    assert [name for name in chosen["datasets"] if chosen["datasets"][name] != base["datasets"][name]] == [
        charts.CHOSEN_STAGE
    ]
    assert charts.with_selection(chosen, None) == base


def test_everything_that_shows_the_chosen_stage_follows_the_chosen_dataset(content):
    """Size, outline and bold label come from looking each stage up in the chosen-stage dataset, not
    from data baked in per stage nor from the selection's start value."""
    spec = _spec(content)
    points = next(layer for layer in spec["layer"] if layer["encoding"].get("size"))
    size = points["encoding"]["size"]
    assert size["condition"]["test"] == "isValid(datum.chosen)" and size["condition"]["value"] > size["value"]
    lookups = [t for layer in spec["layer"] for t in layer.get("transform", []) if "lookup" in t]
    assert lookups and all(t["from"]["data"] == {"name": charts.CHOSEN_STAGE} for t in lookups)
    filters = [t["filter"] for layer in spec["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert "isValid(datum.chosen)" in filters and "!isValid(datum.chosen)" in filters


def test_the_text_alternative_stays_the_same_whichever_stage_is_chosen(content):
    """The chart's alt is part of what the browser compares; it names the view and a treatment only."""
    treatment = content.treatments["spinal-cord-stimulation"]
    alt = charts.pathway_alt(content, "chronic", treatment)
    assert treatment.name in alt and content.pathway.views["chronic"].title in alt


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
        charts.pathway(
            content.pathway.stages, content.pathway.connections, other, "chronic", body=content.pathway.body
        ).to_dict(),
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


# The body under the pathway: drawn from content, every stage on its part of the person, labels apart.

BODY_LAYERS = 2  # the closed shapes, then the lines


def _evaluate(expr: str, width: float, height: float) -> float:
    """A Vega scale-range expression of the pathway (min, max, + - * / of width and height) in Python."""
    return float(eval(expr, {"__builtins__": {}}, {"min": min, "max": max, "width": width, "height": height}))


def _to_px(spec: dict, width: float, height: float):
    """Grid position -> pixels in a plot of this size, through the spec's own x and y scales."""
    enc = spec["layer"][0]["encoding"]
    (x0, x1), (y0, y1) = (
        [_evaluate(r["expr"], width, height) for r in enc[axis]["scale"]["range"]] for axis in ("x", "y")
    )
    (dx0, dx1), (dy0, dy1) = enc["x"]["scale"]["domain"], enc["y"]["scale"]["domain"]

    def px(x: float, y: float) -> tuple[float, float]:
        return x0 + (x - dx0) / (dx1 - dx0) * (x1 - x0), y0 + (y - dy0) / (dy1 - dy0) * (y1 - y0)

    return px


def test_pathway_draws_the_body_from_content_under_the_stages(content):
    spec = _spec(content)
    rows = spec["datasets"][body.BODY]
    assert len(rows) == sum(len(p.points) for p in content.pathway.body) < 300  # a modest drawing
    drawn = [layer for layer in spec["layer"] if layer.get("data", {}).get("name") == body.BODY]
    assert spec["layer"][: len(drawn)] == drawn and len(drawn) == BODY_LAYERS  # under everything else
    assert all(layer["mark"]["aria"] is False for layer in drawn)  # drawing, told in the alt text
    shapes = [layer for layer in drawn if layer["mark"].get("filled")]
    assert {layer["mark"]["interpolate"] for layer in shapes} == {"cardinal-closed"} and drawn[0] in shapes
    # every part drawn, in the order of its kind: the outline first, under everything else
    kinds = [row["kind"] for row in rows]
    assert kinds == sorted(kinds, key=body.BODY_KINDS.index) and set(kinds) == {p.kind for p in content.pathway.body}


def test_each_kind_of_body_part_keeps_its_own_look(content):
    """Two layers draw six kinds of part: each kind's colour, width and dashes are chosen by the datum's kind."""
    for scale in (1.0, 2.0):
        spec = charts.spec(
            charts.pathway(
                content.pathway.stages,
                content.pathway.connections,
                content.text,
                scale=scale,
                body=content.pathway.body,
            )
        )
        drawn = [layer for layer in spec["layer"] if layer.get("data", {}).get("name") == body.BODY]
        for kind, style in body.STYLES.items():
            layer = next(lay for lay in drawn if f"'{kind}'" in lay["transform"][0]["filter"])
            for prop, want in style.items():
                enc = layer["encoding"][prop]
                got = next(
                    (c["value"] for c in enc["condition"] if c["test"] == f"datum.kind === '{kind}'"), enc["value"]
                )
                sized = prop in ("strokeWidth", "strokeDash")
                expected = ([d * scale for d in want] if isinstance(want, list) else want * scale) if sized else want
                assert got == expected, (kind, prop, scale)


def test_every_stage_sits_on_its_part_of_the_body(content):
    parts, at = {p.id: p for p in content.pathway.body}, content.stages
    for sid in ("thalamus", "cortex"):
        assert parts["brain"].contains(at[sid].x, at[sid].y), sid
    assert parts["lower-back"].contains(at["nerve-root"].x, at["nerve-root"].y)
    nerve = parts["sciatic-nerve"].points
    for sid in ("nociceptors", "peripheral-nerve", "nerve-root"):
        s = at[sid]
        assert min(math.dist((s.x, s.y), p) for p in nerve) < 2.5, sid  # on the leg's nerve
        assert s.x < 20, sid  # the left leg, as the alt text says
    # The spinal cord is the stem of the brain's shape, with the spine down its middle. The gate, the path up
    # and the brakes sit on it, and the arrows between them run inside it, in two lanes: the signal crosses
    # over at the gate and climbs the other side; the brakes come down the gate's side.
    cord, (middle, skull) = parts["brain"], parts["spine"].points[0]
    for sid in ("dorsal-horn", "spinothalamic-tract", "descending-pathway"):
        assert cord.contains(at[sid].x, at[sid].y) and at[sid].y < at["thalamus"].y, sid
    assert at["dorsal-horn"].x < middle < at["spinothalamic-tract"].x and at["descending-pathway"].x < middle
    assert at["descending-pathway"].y >= skull  # the brakes start at the brainstem, at the base of the brain
    lanes = {
        ("dorsal-horn", "spinothalamic-tract"): None,
        ("spinothalamic-tract", "thalamus"): 1,
        ("descending-pathway", "dorsal-horn"): -1,
    }
    for (a, b), side in lanes.items():
        for k in range(21):
            x, y = at[a].x + (at[b].x - at[a].x) * k / 20, at[a].y + (at[b].y - at[a].y) * k / 20
            assert cord.contains(x, y), (a, b, x, y)
            assert side is None or (x - middle) * side > 0, (a, b, x, y)  # in its own lane
    heights = [at[sid].y for sid in ("nociceptors", "peripheral-nerve", "nerve-root", "dorsal-horn", "thalamus")]
    assert heights == sorted(heights)  # the signal climbs


def _segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


@pytest.mark.parametrize(
    ("lang", "width", "height", "scale"),
    [
        ("en", 340, 440, 1.0),  # a phone 390 px wide, less the page's margins; the legend takes some height
        ("es", 340, 440, 1.0),
        ("en", 700, 440, 1.0),  # a laptop
        ("es", 1020, 660, 1.5),  # a slide at 1920x1080
    ],
)
def test_labels_and_stages_stay_apart_on_a_phone_and_a_projector(lang, width, height, scale):
    """Estimated text extents (a generous average character width) must not meet, nor leave the chart;
    a chosen stage's circle must not touch its neighbours; no arrow runs through a stage it skips."""
    content = content_module.load(lang=lang)
    spec = charts.pathway(
        content.pathway.stages,
        content.pathway.connections,
        content.text,
        "chronic",
        None,
        content.treatments["spinal-cord-stimulation"],
        scale,
        body=content.pathway.body,
    ).to_dict()
    plot_height = height - 50 * scale  # the legend below the plot
    px = _to_px(spec, width, plot_height)
    nodes = next(rows for rows in spec["datasets"].values() if rows and "label" in rows[0])
    font, boxes = body.FONT * scale, []
    for row in nodes:
        left, middle = px(row["column"], row["y"])
        left += body.GAP * scale
        box = (left, middle - font * 0.6, left + len(row["label"]) * 0.62 * font, middle + font * 0.6)
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= plot_height, row["label"]
        boxes.append(box)
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            assert a[3] <= b[1] or b[3] <= a[1] or a[2] <= b[0] or b[2] <= a[0], (a, b)
    chosen, other = (math.sqrt(size * scale**2 / math.pi) for size in (900, 520))
    centres = {row["id"]: px(row["x"], row["y"]) for row in nodes}
    for n, (a, pa) in enumerate(centres.items()):
        for b, pb in list(centres.items())[n + 1 :]:
            assert math.dist(pa, pb) > chosen + other, (a, b)
    for link in content.pathway.connections:
        for sid, centre in centres.items():
            if sid not in (link.from_, link.to):
                gap = _segment_distance(centre, centres[link.from_], centres[link.to])
                assert gap > other + 3.5 * scale, (link.from_, link.to, sid)
    # An arrowhead stays clear of every circle, even one drawn chosen (its outline 5 px wide).
    heads = next(layer for layer in spec["layer"] if layer["mark"].get("shape") == "triangle-up")
    edges = next(rows for rows in spec["datasets"].values() if rows and "x2" in rows[0])
    assert [r["head"] for r in edges].count(True) >= 4  # up the leg, up the cord, down the cord
    for row in (r for r in edges if r["head"]):
        triangle = _head_triangle(px(row["mx"], row["my"]), row["angle"], heads["mark"]["size"])
        for sid, centre in centres.items():
            assert _triangle_distance(centre, triangle) > chosen + 2.5 + 1, (row["edge"], sid)


def _head_triangle(centre, angle: float, size: float):
    """The corners of Vega's triangle-up symbol of this area at `centre`, turned `angle` degrees clockwise."""
    n = math.sqrt(size) / 2
    r = math.sqrt(3) / 2 * n
    turn = math.radians(angle)
    return [
        (centre[0] + x * math.cos(turn) - y * math.sin(turn), centre[1] + x * math.sin(turn) + y * math.cos(turn))
        for x, y in ((0, -r), (-n, r), (n, r))
    ]


def _triangle_distance(p, corners) -> float:
    return min(_segment_distance(p, corners[k], corners[(k + 1) % 3]) for k in range(3))


def test_the_legend_tells_the_arrows_apart_by_dash_as_well_as_colour(content):
    """One legend for colour and dash, its lines long enough to show the brakes' dashes."""
    spec = _spec(content)
    lines = next(layer for layer in spec["layer"] if "field" in layer.get("encoding", {}).get("strokeDash", {}))
    colour, dash = lines["encoding"]["color"], lines["encoding"]["strokeDash"]
    assert colour["field"] == dash["field"] == "kind" and colour["legend"] == dash["legend"]  # merged into one
    assert colour["scale"]["domain"] == dash["scale"]["domain"]
    solid, dashed = dash["scale"]["range"]
    assert solid[1] == 0 and dashed[1] > 0
    assert math.sqrt(dash["legend"]["symbolSize"]) >= 2 * sum(dashed)  # a legend line shows two dashes or more


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        c = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_body_is_calm_and_its_lines_stand_out_3_to_1():
    """Pale fills, no red; every line of the drawing at least 3:1 on white and on the body."""
    for style in body.STYLES.values():
        if "fill" in style:
            assert _contrast(style["fill"], "#FFFFFF") < 1.3  # a pale shape behind the stages
        elif style["stroke"]:
            for ground in ("#FFFFFF", body.STYLES["outline"]["fill"]):
                assert _contrast(style["stroke"], ground) >= 3, style
    assert body.STYLES["outline"]["stroke"] == charts.GREY
    # the arrows keep 3:1 on the body and on the brain and spinal cord they run along
    for colour in (charts.BLUE, charts.VERMILLION, charts.GREEN):
        for ground in ("#FFFFFF", body.STYLES["outline"]["fill"], body.STYLES["brain"]["fill"]):
            assert _contrast(colour, ground) >= 3, (colour, ground)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_kind_of_chart_the_app_and_its_pictures_draw_is_valid_vega_lite(lang):
    """The app and the picture drawer skip Vega-Lite's schema check (charts.spec); here every kind is checked."""
    from altair.vegalite.v6.schema.core import Root

    from explainer import pictures

    content = content_module.load(lang=lang)
    p = content.pathway
    number = content.evidence.numbers[0]
    drawn = {
        "pathway with a treatment": charts.pathway(
            p.stages,
            p.connections,
            content.text,
            "chronic",
            None,
            content.treatments["spinal-cord-stimulation"],
            body=p.body,
        ),
        "ladder": charts.ladder(content.ladder(), content.text, ("massage",)),
        "wind-up": charts.windup(charts.windup_curve(5, 0.4), True, content.text),
        "fit": charts.fit([("A", 2), ("B", -1)], 2, content.text),
        "100 people": charts.number_chart(number, content.text),
    }
    specs = {name: charts.spec(chart) for name, chart in drawn.items()}
    kinds: dict[str, dict] = {}
    for name, spec in pictures.specs(content):  # one of each kind of picture: previews, slides, page pictures
        kinds.setdefault(name.split("-")[0] + ("-chronic" if name.endswith("-chronic") else ""), spec)
    for name, spec in {**specs, **kinds}.items():
        try:
            Root.validate(spec)
        except Exception as error:
            raise AssertionError(f"{name} is not valid Vega-Lite: {error}") from None
    assert {"pathway", "pathway-chronic", "ladder", "slide", "page", "start"} <= set(kinds)


def test_a_treatments_marks_change_only_the_pathways_stages(content):
    """The drawings made ahead for each treatment share one build of each view (charts.with_treatment):
    the same spec as a build with that treatment."""
    from explainer.charts.pathway import with_treatment

    p = content.pathway
    for view in ("acute", "chronic"):
        base = charts.spec(charts.pathway(p.stages, p.connections, content.text, view, None, None, 1.0, body=p.body))
        for tid in ("spinal-cord-stimulation", "medications", "spine-surgery"):
            t = content.treatments[tid]
            built = charts.spec(charts.pathway(p.stages, p.connections, content.text, view, None, t, 1.0, body=p.body))
            assert with_treatment(base, p.stages, view, t) == built, (view, tid)


def test_a_diagram_drawn_ahead_is_the_live_chart_at_a_columns_width(content):
    """What the page shows drawn ahead is the chart it would draw live: only its size, room and lettering differ."""
    from explainer.charts import ahead

    p = content.pathway
    t = content.treatments["spinal-cord-stimulation"]
    live = charts.spec(charts.pathway(p.stages, p.connections, content.text, "chronic", None, t, 1.0, body=p.body))
    ladder = charts.spec(charts.ladder(content.ladder(), content.text, (), 1.0))
    for visual, chart in (("pathway-chronic-spinal-cord-stimulation", live), ("ladder", ladder)):
        for width in ahead.DIAGRAM_WIDTHS:
            drawn = ahead.page_chart(content, f"{visual}-{width}")
            assert drawn["width"] == width and drawn["autosize"]["type"] == "fit-x"
            differ = {"width", "autosize", "config", "usermeta", "padding"}
            assert {k: v for k, v in drawn.items() if k not in differ} == {
                k: v for k, v in chart.items() if k not in differ
            }


def test_marking_a_drawing_finds_each_mark_once_or_says_the_drawing_does_not_match(content):
    """A drawing made by other code (its marks written differently) is refused, not shown half marked."""
    import pytest

    from explainer.charts import marked

    svg = ahead_svg = (
        '<path aria-label="1. Danger sensors" role="graphics-symbol" aria-roledescription="point" '
        'transform="translate(10,20)" d="M1,0" stroke-width="2"/>'
        '<text font-weight="normal">1. Danger sensors</text><text font-weight="normal">2. Body nerves</text>'
    )
    out = marked.mark_stage(marked.stage_titles(svg), 1)
    assert 'transform="translate(10,20) scale(' in out and "<title>1. Danger sensors</title>" in out
    assert '<text font-weight="bold">1. Danger sensors</text><text font-weight="normal">2. Body nerves' in out
    with pytest.raises(marked.DrawingMismatch, match="stage 3"):
        marked.mark_stage(ahead_svg, 3)
    bar = (
        '<path aria-label="x: 1; name: Massage; tier: 1" role="graphics-symbol" aria-roledescription="bar" '
        'd="M0,0h1" fill="#0072B2" stroke-width="0"/><text text-anchor="end">Massage</text>'
    )
    ticked = marked.mark_options(bar, ["Massage"])
    assert 'stroke="#1B1F24" stroke-width="2.5"' in ticked and ">Massage ✓</text>" in ticked
    with pytest.raises(marked.DrawingMismatch, match="Facet block"):
        marked.mark_options(bar, ["Facet block"])


def test_the_wind_up_at_each_place_of_its_sliders_changes_only_its_curve(content):
    """The wind-up drawn ahead at every place of its sliders shares one build a view (charts.with_curve)."""
    from explainer.charts.base import spec as to_spec

    base = to_spec(charts.windup(charts.windup_curve(6, 0.9), False, content.text))
    for repeats, brakes in ((1, 0), (12, 30), (20, 100)):
        curve = charts.windup_curve(repeats, brakes / 100)
        swapped = charts.with_curve(base, curve)
        built = to_spec(charts.windup(curve, False, content.text))
        assert list(swapped["datasets"].values()) == list(built["datasets"].values())
        same = {"data", "datasets"}
        assert {k: v for k, v in swapped.items() if k not in same} == {k: v for k, v in built.items() if k not in same}
