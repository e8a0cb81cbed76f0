"""The printable comparison holds what was chosen, its sources and the disclaimer, and loads nothing."""
import datetime as dt

from explainer import handout
from tests.html_text import Html

LINK = "https://clinic.example/treatments?compare=massage,spine-surgery"


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
    for row in handout.ROWS:
        assert content.text(f"row.{row}") in doc.headers


def test_handout_has_no_script_and_loads_nothing(content):
    html = handout.render(content, ["education", "medications", "facet-block"], LINK)
    doc = Html(html)
    assert "script" not in doc.tags and "link" not in doc.tags and "img" not in doc.tags
    assert "@import" not in html and "url(" not in html


def test_handout_escapes_the_link(content):
    html = handout.render(content, ["massage"], 'https://x.example/"><script>alert(1)</script>')
    assert "<script>" not in html
