"""Each page's logic through Streamlit's AppTest: it renders, shows its heading, and follows its link."""

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from explainer import content as content_module
from explainer import routes
from tests.conftest import ROOT


def open_page(page_id: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    if page_id != routes.HOME.id:
        at.switch_page(routes.BY_ID[page_id].script_path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _html_words(body: str) -> str:
    """The words of a block of HTML, as the browser shows them (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def texts(at: AppTest) -> str:
    """Everything a visitor reads on the page, with Markdown emphasis removed."""
    return "\n".join(
        [e.value for e in at.markdown]
        + [_html_words(e.proto.body) for e in at.get("html") if 'class="drawn-chart"' not in e.proto.body]
        + [e.value for e in at.info]
        + [e.value for e in at.caption]
        + [e.value for e in at.title]
        + [e.value for e in at.subheader]
        + [e.value for e in at.header]
    ).replace("**", "")


def notices(at: AppTest) -> list[str]:
    return [e.value for e in at.info]


@pytest.mark.parametrize("page_id", routes.PAGE_IDS)
def test_page_renders_with_heading_disclaimer_review_date_and_sources(page_id, content):
    at = open_page(page_id)
    assert not at.exception
    assert at.title[0].value == (content.slides[0].title if page_id == "talk" else content.pages[page_id].meta.title)
    everything = texts(at) + "\n".join(e.value for e in at.sidebar.caption).replace("**", "")
    assert content.site.disclaimer in everything
    assert content.site.reviewed_label in everything
    assert content.site.sources_label in [e.label for e in at.expander]


def test_home_explains_the_condition_and_says_where_to_go(content):
    at = open_page("home")
    body = texts(at)
    for phrase in ("post-laminectomy syndrome", "persistent spinal pain syndrome", "diabetes", "scar"):
        assert phrase.lower() in body.lower()
    assert not notices(at)


def test_every_deep_link_to_the_pathway_opens_that_view(content):
    for n, stage in enumerate(content.stages.values()):
        treatment = list(content.treatments)[n]
        at = open_page("pathway", stage=stage.id, view="chronic", treatment=treatment)
        assert not at.exception and not notices(at)
        assert at.radio(key="pathway_stage").value == stage.id
        assert at.radio(key="pathway_view").value == "chronic"
        assert at.selectbox(key="pathway_treatment").value == treatment
        assert any(e.value.startswith(f"### {stage.name}\n") for e in at.markdown)
        assert stage.chronic in texts(at) and stage.where in texts(at)


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "spleen"},
        {"view": "sideways"},
        {"stage": ""},
        {"stage": ["nerve-root", "cortex"]},
        {"treatment": "<script>alert(1)</script>"},
        {"stage": "x" * 5000},
        {"stage": "дорсальный"},
    ],
)
def test_bad_pathway_links_fall_back_with_a_notice(params, content):
    at = open_page("pathway", **params)
    assert not at.exception
    assert len(notices(at)) == 1
    assert at.radio(key="pathway_stage").value == "nociceptors"
    assert at.radio(key="pathway_view").value == "acute"
    assert "<script>" not in texts(at)


def test_choosing_a_stage_and_view_updates_the_link(content):
    at = open_page("pathway")
    at.radio(key="pathway_stage").set_value("thalamus").run()
    assert at.query_params["stage"] == "thalamus"
    at.radio(key="pathway_view").set_value("chronic").run()
    assert at.query_params["view"] == "chronic" and at.query_params["stage"] == "thalamus"
    assert content.stages["thalamus"].chronic in texts(at)
    at.selectbox(key="pathway_treatment").set_value("spinal-cord-stimulation").run()
    assert at.query_params["treatment"] == "spinal-cord-stimulation"


def test_comparison_link_builds_the_table(content):
    at = open_page("treatments", compare="massage,spine-surgery")
    assert not at.exception and not notices(at)
    assert at.multiselect(key="compare").value == ["massage", "spine-surgery"]
    body = texts(at)
    assert content.treatments["spine-surgery"].risks in body and content.treatments["massage"].risks in body
    assert content.no_treatment.what in body
    assert [b for b in at.get("download_button") if b.key == "handout"]


def test_comparison_drops_unknown_ids_and_keeps_three(content):
    at = open_page("treatments", compare="massage,unicorn-therapy")
    assert at.multiselect(key="compare").value == ["massage"] and len(notices(at)) == 1
    at = open_page("treatments", compare="education,massage,medications,facet-block")
    assert at.multiselect(key="compare").value == ["education", "massage", "medications"]
    assert notices(at) == [content.text("notice.too-many", param="compare")]


def test_choosing_options_updates_the_link():
    at = open_page("treatments")
    assert not [b for b in at.get("download_button") if b.key == "handout"]
    at.multiselect(key="compare").set_value(["facet-block", "radiofrequency-ablation"]).run()
    assert at.query_params["compare"] == "facet-block,radiofrequency-ablation"


def test_slides_move_and_clamp(content):
    at = open_page("talk", slide="2")
    assert at.title[0].value == content.slides[1].title
    at.button(key="talk_next").click().run()
    assert at.query_params["slide"] == "3" and at.title[0].value == content.slides[2].title
    at.button(key="talk_previous").click().run()
    assert at.query_params["slide"] == "2"
    at = open_page("talk", slide="999")
    assert at.title[0].value == content.slides[-1].title and len(notices(at)) == 1
    at = open_page("talk", slide="zero")
    assert at.title[0].value == content.slides[0].title and len(notices(at)) == 1


def test_learn_lists_glossary_questions_and_every_source(content):
    at = open_page("learn", term="wind-up")
    body = texts(at)
    assert not notices(at)
    for term in content.glossary.values():
        assert term.definition in body
    for q in content.questions:
        assert q.text in body
    for s in content.sources.values():
        assert s.title in body
    # the term the link names comes first, framed, under the glossary's heading; once without a term
    blocks = [e.proto.body for e in at.get("html")]
    framed = [b for b in blocks if 'class="learn-term"' in b]
    assert len(framed) == 1 and content.glossary["wind-up"].definition in _html_words(framed[0])
    assert texts(at).count(content.text("learn.glossary")) == 1
    plain = open_page("learn")
    assert not [e for e in plain.get("html") if 'class="learn-term"' in e.proto.body]
    assert texts(plain).count(content.text("learn.glossary")) == 1
    # every source with an address is a real link, opening in a new tab as Markdown's links do
    prose = "".join(e.proto.body for e in plain.get("html"))
    linked = [s for s in content.sources.values() if s.url]
    assert "&lt;a" not in prose
    assert len(re.findall(r'<a target="_blank" rel="noopener noreferrer" href="https?://', prose)) >= len(linked)


def test_unexpected_parameters_on_home_get_a_notice():
    at = open_page("home", utm_source="flyer")
    assert not at.exception and len(notices(at)) == 1


def _shared(at: AppTest) -> tuple[str, str]:
    """The link in the share panel and the SVG of its QR code, opening the panel as a visitor would."""
    import base64
    import re

    if not at.code:
        at.session_state["share_panel"] = True
        at.run()
    url = at.code[0].value
    image = next(e.value for e in at.markdown if "data:image/svg+xml;base64," in e.value and "QR code" in e.value)
    svg = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)\)", image).group(1)).decode()
    return url, svg


def test_share_panel_link_and_qr_code_reproduce_the_view(monkeypatch):
    from tests.qr import expected_matrix, matrix_from_svg

    monkeypatch.setenv("EXPLAINER_PUBLIC_URL", "https://pain.clinic.example/guide/")
    at = open_page("pathway", stage="cortex", view="chronic")
    url, svg = _shared(at)
    assert url == "https://pain.clinic.example/guide/pathway?stage=cortex&view=chronic"
    assert matrix_from_svg(svg) == expected_matrix(url)
    at.radio(key="pathway_stage").set_value("thalamus").run()
    assert _shared(at)[0] == "https://pain.clinic.example/guide/pathway?stage=thalamus&view=chronic"


def test_share_panel_is_built_only_once_opened_and_stays_open():
    at = open_page("pathway", stage="cortex")
    assert not at.code and not [e for e in at.markdown if "QR code" in e.value]
    url, _ = _shared(at)
    assert url.endswith("/pathway?stage=cortex")
    at.radio(key="pathway_stage").set_value("thalamus").run()
    assert at.code[0].value.endswith("/pathway?stage=thalamus")


def test_share_link_drops_what_the_view_does_not_use(monkeypatch):
    monkeypatch.setenv("EXPLAINER_PUBLIC_URL", "https://pain.clinic.example")
    at = open_page("treatments", compare="massage,unicorn", utm_source="newsletter")
    assert _shared(at)[0] == "https://pain.clinic.example/treatments?compare=massage"
    assert _shared(open_page("home"))[0] == "https://pain.clinic.example/"


@pytest.mark.parametrize("lang", routes.LANGUAGES)
def test_every_option_on_the_ladder_opens_to_its_facts_numbers_and_pathway_link(lang):
    """The ladder's details are one HTML block (one element instead of thirty): every option in ladder
    order, each answer to the patient questions, its numbers or why there are none, and a link to where
    it acts that keeps the page's language."""
    from explainer import content as content_module
    from explainer.content import NO_TREATMENT
    from explainer.facts import ROWS, cell, no_numbers
    from tests.html_text import Html

    c = content_module.load(lang=lang)
    at = open_page("treatments", lang=lang)
    assert not at.exception
    block = next(h.proto.body for h in at.get("html") if 'class="ladder-details"' in h.proto.body)
    page = Html(block)
    order = [t.id for t in c.ladder()] + [NO_TREATMENT]
    ids = [v or "" for k, v in page.attrs if k == "id"]
    links = [v for k, v in page.attrs if k == "href"]
    assert [i.removeprefix("details-") for i in ids if i.startswith("details-")] == order
    for option_id, option in [*((t.id, t) for t in c.ladder()), (NO_TREATMENT, c.no_treatment)]:
        for row in ROWS:
            assert " ".join(cell(c, option, row).split()) in page.words, (option_id, row)
        why = no_numbers(c, option_id)
        assert why is None or " ".join(why.split()) in page.words, option_id
    for t in c.ladder():
        wanted = f"/pathway?treatment={t.id}" + ("&lang=es" if lang == "es" else "")
        assert wanted in links, t.id


@pytest.mark.parametrize("lang", routes.LANGUAGES)
def test_a_slides_chart_is_a_picture_drawn_ahead_with_the_charts_text_alternative(lang):
    """Presenter mode shows each chart as the SVG `make light` drew from the same spec: the next slide
    appears at once instead of waiting for a chart library. Its text alternative is the live chart's."""
    import base64

    from explainer import charts, pictures
    from explainer import content as content_module

    c = content_module.load(lang=lang)
    shown = 0
    for n, s in enumerate(c.slides, 1):
        if s.visual not in pictures.SLIDE_VISUALS:
            continue
        svg = pictures.slide_picture(c, s.visual)
        assert svg, f"no picture for {s.visual}: `make light` draws them"
        at = open_page("talk", slide=str(n), lang=lang)
        assert not at.exception and not at.get("vega_lite_chart")
        (image,) = at.get("image")
        drawn = image.proto.imgs[0]
        assert base64.b64decode(drawn.url.split(",", 1)[1]).decode("utf-8") == svg
        if s.visual.startswith("pathway-"):
            assert drawn.alt == charts.pathway_alt(c, s.visual.removeprefix("pathway-"), None)
            assert all(stage.label in svg for stage in c.pathway.stages)  # the labels, in this language
        shown += 1
    assert shown >= 3


def test_the_footer_gives_its_dates_in_the_pages_language(content):
    spanish = content_module.load(lang="es")
    at = open_page("treatments", lang="es")
    footer = [c.value for c in at.caption if spanish.site.reviewed_label in c.value]
    reviewed = spanish.pages["treatments"].meta
    assert footer and spanish.long_date(reviewed.reviewed) in footer[0]
    assert spanish.month_year(reviewed.next_review) in footer[0]
    assert not [m for m in content.text("date.months").split(", ") if m in footer[0]], footer[0]


def test_the_wind_up_summary_writes_its_decimals_as_the_language_does(content):
    """The wind-up's loudness to one decimal (the acute view opens at 6 signals, brakes 90%: 2.0 then 2.3)."""
    spanish = content_module.load(lang="es")
    english = content.text("windup.summary", repeats=6, brakes=90, first="2.0", last="2.3")
    assert english in [m.value for m in open_page("pathway").markdown]
    in_spanish = spanish.text("windup.summary", repeats=6, brakes=90, first="2,0", last="2,3")
    assert in_spanish in [m.value for m in open_page("pathway", lang="es").markdown]


def _figures(at: AppTest) -> list[tuple[str, list[str]]]:
    """The drawn-ahead charts on the page: each one's text alternative and its pictures' SVG, by width."""
    import base64
    import html
    import re

    found = []
    for element in at.get("html"):
        body = element.proto.body
        if 'class="drawn-chart"' not in body:
            continue
        alt = html.unescape(re.search(r'aria-label="([^"]*)"', body)[1])
        svgs = [base64.b64decode(b).decode() for b in re.findall(r'src="data:image/svg\+xml;base64,([^"]*)"', body)]
        found.append((alt, svgs))
    return found


def _clicks(at: AppTest) -> list[dict]:
    import json

    return [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name.endswith("clicks")]


@pytest.mark.parametrize("lang", routes.LANGUAGES)
def test_the_diagrams_are_drawings_made_ahead_marked_for_the_view_shown(lang):
    """The pathway and the ladder are the SVGs `make light` drew, one for each column width, marked on the
    server with what is chosen (the stage's circle larger and its label bold; the compared options outlined
    and ticked), with no chart library on the page. A stage's click comes back by its id."""
    import re

    from explainer import charts
    from explainer.charts.ahead import DIAGRAM_WIDTHS

    c = content_module.load(lang=lang)
    scs = c.treatments["spinal-cord-stimulation"]
    at = open_page("pathway", stage="thalamus", view="chronic", treatment=scs.id, lang=lang)
    assert not at.exception and not at.get("vega_lite_chart")
    ((alt, svgs),) = _figures(at)
    assert alt == charts.pathway_alt(c, "chronic", scs)
    assert [re.search(r'width="(\d+)"', svg)[1] for svg in svgs] == [str(w) for w in DIAGRAM_WIDTHS]
    number = list(c.stages).index("thalamus") + 1
    for svg in svgs:
        assert all(s.label in svg for s in c.pathway.stages)
        bold = re.findall(r'font-weight="bold"[^>]*>(\d+)\. ', svg)
        assert bold == [str(number)], bold  # only the chosen stage's label (the circles' numbers are bold too)
        grown = re.findall(r'aria-label="(\d+)\. [^"]*"[^>]*scale\(', svg)
        assert grown == [str(number)]
        marked = re.findall(r'aria-label="(\d+)\. [^"]*◆"', svg)
        assert sorted(marked) == sorted(str(list(c.stages).index(s) + 1) for s in scs.acts_at)
    (clicks,) = _clicks(at)
    assert clicks["ids"] == {str(n): s.id for n, s in enumerate(c.pathway.stages, 1)}
    assert clicks["chosen"] == number  # a stage chosen later is marked by the browser from this

    at = open_page("treatments", compare="massage,spine-surgery", lang=lang)
    assert not at.exception and not at.get("vega_lite_chart") and not _clicks(at)
    ((alt, svgs),) = _figures(at)
    assert alt == charts.ladder_alt(c) and len(svgs) == len(DIAGRAM_WIDTHS)
    shorts = [c.treatments[t].short for t in ("massage", "spine-surgery")]
    for svg in svgs:
        assert re.findall(r">([^<>]*) ✓</text>", svg) == shorts
        assert len(re.findall(r'aria-roledescription="bar"[^>]*stroke="#1B1F24"', svg)) == 2


def test_without_a_fresh_drawing_the_pages_draw_their_charts_live(monkeypatch):
    """Content edited since `make light`: no drawing matches it, and the charts are drawn live instead."""
    from explainer.ui import drawn

    monkeypatch.setattr(drawn, "_figure", lambda *args: False)
    for page_id, params in (("pathway", {"stage": "thalamus"}), ("treatments", {"compare": "massage"})):
        at = open_page(page_id, **params)
        assert not at.exception and not _figures(at) and not _clicks(at)
        assert len(at.get("vega_lite_chart")) == 1, page_id


def test_words_alike_for_every_visitor_are_built_once_and_sent_again_in_their_place(monkeypatch, content):
    """The footer's words, the ladder's details and the drawn diagrams are built on a page's first run for a
    content version; later runs send the elements Streamlit kept, in the same places (the slides' footer
    in the sidebar, the others' under the page)."""
    from explainer.ui import drawn, evidence, footer, treatments

    built: list[str] = []
    for module, name in ((footer, "clinic_markdown"), (drawn, "_made_figure"), (treatments, "_ladder_html")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name: built.append(_name) or _real(*a))
    real_card = evidence.card
    monkeypatch.setattr(evidence, "card", lambda c, option, **k: built.append(option) or real_card(c, option, **k))
    for cached in (footer._footer_text, drawn._figure, treatments._ladder_block, treatments._comparison):
        cached.clear()
    for page_id, in_sidebar in (("talk", True), ("treatments", False), ("talk", True), ("treatments", False)):
        at = open_page(page_id)
        assert not at.exception
        main, side = ([c.value for c in captions] for captions in (at.main.caption, at.sidebar.caption))
        assert any(content.site.disclaimer in c for c in (side if in_sidebar else main)), page_id
        assert not any(content.site.disclaimer in c for c in (main if in_sidebar else side)), page_id
        assert content.site.sources_label in [e.label for e in at.expander]
        if page_id == "treatments":
            assert content.text("treatments.details") in [e.value for e in at.subheader]
            assert len(_figures(at)) == 1
    # once for each page's footer (open_page shows the start page first), each drawn figure and the details
    assert sorted(built) == sorted(["clinic_markdown"] * 3 + ["_made_figure", "_ladder_html"])
    compare = ("massage", "spine-surgery")
    for _ in range(2):
        at = open_page("treatments", compare=",".join(compare))
        rows = [m.value for m in at.markdown if m.value.startswith("| ")]
        assert len(rows) == 1 and all(content.treatments[t].name in rows[0] for t in compare)
        assert f"{content.text('numbers.title')}: {content.treatments['massage'].name}" in texts(at)
    # the ladder marked for this comparison is a new drawing; each option's numbers are built once
    assert sorted(built[5:]) == sorted([*compare, "no-treatment", "_made_figure"])
