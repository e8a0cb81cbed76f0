"""The printed comparison stays short enough to hand over: the first steps on two pages, and even the three
options with the most to say (their harms and numbers in full, as the evidence needs) on six at most."""

import re

import pytest

from explainer.content import Facts
from explainer.facts import ROWS
from explainer.html import handout


def _length(option: Facts) -> int:
    return sum(len(getattr(option, row, "") or "") for row in ROWS)


def _pages(browser, html: str, tmp_path) -> int:
    page_file = tmp_path / "handout.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    pdf = page.pdf(format="Letter")
    page.close()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(("choose", "most"), [("first-steps", 2), ("longest", 6)])
def test_a_comparison_prints_on_few_pages(browser, content, tmp_path, choose, most):
    options = (
        [t for t in content.ladder() if t.tier == 1][:2]
        if choose == "first-steps"
        else sorted(content.treatments.values(), key=_length, reverse=True)[:3]
    )
    html = handout.render(content, [t.id for t in options], "http://localhost:8501/treatments")
    assert 1 <= _pages(browser, html, tmp_path) <= most
