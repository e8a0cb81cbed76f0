"""The printable comparison holds what was chosen, its sources and the disclaimer, and loads nothing."""

import datetime as dt

import yaml

from explainer import content as content_module
from explainer import facts
from explainer.html import handout
from tests.html_text import Html

LINK = "https://clinic.example/treatments?compare=massage,spine-surgery"
HOSTILE = '<script>alert("x")</script>'


def test_handout_holds_the_options_sources_disclaimer_and_link(content):
    html = handout.render(content, ["massage", "spine-surgery"], LINK, dt.date(2026, 11, 25))
    doc = Html(html)
    text = doc.text
    for tid in ("massage", "spine-surgery"):
        assert content.treatments[tid].name in doc.headers
    assert content.no_treatment.name in doc.headers
    assert content.treatments["education"].name not in doc.headers
    for sid in {*content.treatments["massage"].sources, *content.treatments["spine-surgery"].sources}:
        assert content.sources[sid].title in text
    assert content.site.disclaimer in text
    assert ("href", LINK) in doc.attrs
    assert "25 November 2026" in text
    for row in facts.ROWS:
        assert content.text(f"row.{row}") in doc.headers


def test_the_table_has_a_column_per_option_and_every_answer_names_its_option(content):
    compare = ["massage", "spine-surgery"]
    doc = Html(handout.render(content, compare, LINK, dt.date(2026, 11, 25)))
    options = [*(content.treatments[t] for t in compare), content.no_treatment]
    assert doc.headers == [
        content.text("handout.question"),
        *(o.name for o in options),
        *(content.text(f"row.{row}") for row in facts.ROWS),
    ]
    answers = [value for name, value in doc.attrs if name == "data-option"]
    assert answers == [o.name for _ in facts.ROWS for o in options]
    for o in options:
        for row in facts.ROWS:
            assert facts.cell(content, o, row) in doc.text


def test_handout_has_no_script_and_loads_nothing(content):
    html = handout.render(content, ["education", "medications", "facet-block"], LINK)
    doc = Html(html)
    assert "script" not in doc.tags and "link" not in doc.tags and "img" not in doc.tags
    assert "@import" not in html and "url(" not in html
    assert ("content", "default-src 'none'; style-src 'unsafe-inline'") in doc.attrs


def test_handout_escapes_the_link(content):
    link = 'https://x.example/"><script>alert(1)</script>'
    html = handout.render(content, ["massage"], link)
    assert "<script>" not in html
    doc = Html(html)
    assert ("href", link) in doc.attrs and link in doc.text  # whole, as the address and as its text


def test_markup_and_quotes_in_content_are_text_in_titles_cells_and_attributes(content_copy):
    def edit(name, change):
        path = content_copy / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    edit("site.yaml", lambda d: d["text"].update({"handout.title": HOSTILE, "handout.question": HOSTILE}))
    edit(
        "treatments.yaml",
        lambda d: next(t for t in d["treatments"] if t["id"] == "massage").update(name=HOSTILE, risks=HOSTILE),
    )
    edit("sources.yaml", lambda d: d["sources"][0].update(title=HOSTILE))
    hostile = content_module.load(content_copy)
    cited = {hostile.sources[s].title for s in hostile.treatments["massage"].sources}
    html = handout.render(hostile, ["massage"], LINK)
    doc = Html(html)
    assert "script" not in doc.tags and "<script>" not in html
    assert doc.headers.count(HOSTILE) == 2  # the questions' column and the option's
    assert ("data-option", HOSTILE) in doc.attrs  # each answer of the option names it, quotes and all
    assert doc.parts.count(HOSTILE) >= 4 + (HOSTILE in cited)  # <title>, <h1>, the two headers, its risks


def test_summary_escapes_what_a_person_typed(content):
    sure = {q.id: None for q in content.decision.sure}
    own = 'Is "rest" good?\n<script>alert(1)</script>'
    html = handout.render_summary(content, [], {}, [], None, sure, [], own, LINK, dt.date(2026, 11, 25))
    doc = Html(html)
    assert "script" not in doc.tags and "<script>" not in html
    assert 'Is "rest" good?' in doc.parts and "<script>alert(1)</script>" in doc.parts
    assert "table" not in doc.tags  # nothing was compared, so there is no table
    assert content.text("sure.unanswered") in doc.text
    assert content.text("lean.summary", option=content.text("lean.unsure")) in doc.text


def test_summary_lists_the_questions_to_go_over_only_when_given(content):
    sure = {q.id: None for q in content.decision.sure}
    question = content.quiz.pages["pathway"][0].question
    given = Html(handout.render_summary(content, [], {}, [], None, sure, [], "", LINK, go_over=[question]))
    assert content.text("quiz.go_over") in given.text and question in given.text
    none = Html(handout.render_summary(content, [], {}, [], None, sure, [], "", LINK))
    assert content.text("quiz.go_over") not in none.text
