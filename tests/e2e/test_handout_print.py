"""The printed comparison stays one or two pages, even for the three options with the most to say."""
import re

from explainer.content import Facts
from explainer.facts import ROWS
from explainer.html import handout


def _length(option: Facts) -> int:
    return sum(len(getattr(option, row, "") or "") for row in ROWS)


def test_longest_comparison_prints_on_two_pages_or_fewer(browser, content, tmp_path):
    longest = sorted(content.treatments.values(), key=_length, reverse=True)[:3]
    html = handout.render(content, [t.id for t in longest], "http://localhost:8501/treatments")
    page_file = tmp_path / "handout.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    pdf = page.pdf(format="Letter")
    page.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2
