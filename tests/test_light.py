"""The light pages: every stage and option of the content, nothing loaded or run, small, and regenerated
byte for byte from content/."""
from html.parser import HTMLParser

import pytest
import yaml

from explainer import content as content_module
from explainer import handout, light

LOADERS = {"script", "img", "link", "iframe", "object", "embed", "frame", "audio", "video", "source", "track",
           "base", "form", "input", "image", "use", "foreignobject", "picture", "meta"}
SAFE_META = {"charset", "name", "content", "http-equiv"}


class Parsed(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if "id" in attrs}


@pytest.fixture(scope="module")
def built(tmp_path_factory, content):
    paths = light.build(content, tmp_path_factory.mktemp("light"))
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_the_four_pages_are_written(built):
    assert sorted(built) == ["index.html", "learn.html", "pathway.html", "treatments.html"]


def test_the_pathway_page_holds_every_stage_in_signal_order(built, content):
    doc = Parsed(built["pathway.html"])
    words = doc.words
    positions = [words.index(f"{n}. {s.name}") for n, s in enumerate(content.pathway.stages, 1)]
    assert positions == sorted(positions)
    for stage in content.pathway.stages:
        assert stage.id in doc.ids()
        for text in (stage.where, stage.acute, stage.chronic):
            assert _plain(text) in words
        assert f"{content.pathway.stages.index(stage) + 1}. {stage.label}" in words  # the diagram's label


def test_the_diagram_is_one_accessible_svg_with_an_arrow_per_connection(built, content):
    doc = Parsed(built["pathway.html"])
    svg = [attrs for tag, attrs in doc.tags if tag == "svg"]
    assert len(svg) == 1 and svg[0]["role"] == "img" and svg[0]["viewbox"].startswith("0 0 ")
    assert {"title", "desc"} <= {tag for tag, _ in doc.tags}
    lines = [attrs for tag, attrs in doc.tags if tag == "line"]
    downs = sum(c.kind == "down" for c in content.pathway.connections)
    # one line per connection plus the two legend lines; only the brakes (and their legend) are dashed
    assert len(lines) == len(content.pathway.connections) + 2
    assert sum("stroke-dasharray" in a for a in lines) == downs + 1
    assert len([t for t, _ in doc.tags if t == "polygon"]) == len(content.pathway.connections)


def test_the_treatments_page_holds_every_option_and_its_facts(built, content):
    doc = Parsed(built["treatments.html"])
    words = doc.words
    positions = [words.index(_plain(t.name)) for t in content.ladder()]
    assert positions == sorted(positions)
    for t in [*content.treatments.values(), content.no_treatment]:
        for row in handout.ROWS:
            assert _plain(handout.cell(content, t, row)) in words
    for tier in content.tiers.values():
        assert _plain(tier.name) in words
    assert set(content.treatments) <= doc.ids()
    for row in handout.ROWS:
        assert content.text(f"row.{row}") in words


def test_the_start_and_learn_pages_hold_their_prose_as_html(built, content):
    home = Parsed(built["index.html"])
    assert "failed back surgery syndrome (FBSS)" in home.words
    assert ("strong", {}) in home.tags and ("h2", {}) in home.tags and ("li", {}) in home.tags
    assert "**" not in home.words and "## " not in home.words
    learn = Parsed(built["learn.html"])
    for term in content.glossary.values():
        assert _plain(term.definition) in learn.words
    for q in content.questions:
        assert _plain(q.text) in learn.words
    for source in content.sources.values():
        assert _plain(source.title) in learn.words


@pytest.mark.parametrize("name", ["index.html", "pathway.html", "treatments.html", "learn.html"])
def test_each_page_has_frame_nav_and_the_way_back_to_the_app(built, content, name):
    light_page = next(p for p in light.PAGES if p.file == name)
    doc = Parsed(built[name])
    meta = content.pages[light_page.page].meta
    assert content.site.disclaimer in doc.words and _plain(content.site.urgent) in doc.words
    assert f"{content.site.reviewed_label}: {meta.reviewed:%-d %B %Y}" in doc.words
    assert content.site.sources_label in doc.words
    for sid in meta.sources:
        assert _plain(content.sources[sid].title) in doc.words
    hrefs = [attrs["href"] for tag, attrs in doc.tags if tag == "a"]
    assert light_page.app_path in hrefs
    assert content.text("light.open_app") in doc.words
    assert {p.file for p in light.PAGES} <= set(hrefs)


@pytest.mark.parametrize("name", ["index.html", "pathway.html", "treatments.html", "learn.html"])
def test_each_page_runs_nothing_loads_nothing_and_is_small(built, name):
    html = built[name]
    doc = Parsed(html)
    for tag, attrs in doc.tags:
        assert tag not in LOADERS or (tag == "meta" and set(attrs) <= SAFE_META), tag
        assert "src" not in attrs and "srcset" not in attrs and "xlink:href" not in attrs
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if "href" in attrs:  # a link a reader may follow loads nothing by itself
            assert tag == "a"
    lowered = html.lower()
    assert "url(" not in lowered and "@import" not in lowered and "javascript:" not in lowered
    assert "default-src 'none'" in html  # and the browser is told to refuse anything else
    assert len(html.encode("utf-8")) < 60 * 1024


def test_a_change_in_content_shows_in_the_next_build(content_copy, tmp_path):
    path = content_copy / "stages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["stages"][3]["chronic"] = "A freshly reviewed sentence about the spinal gate."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed = content_module.load(content_copy)
    page = (light.build(changed, tmp_path / "out")[1]).read_text(encoding="utf-8")
    assert "A freshly reviewed sentence about the spinal gate." in Parsed(page).words


def test_building_twice_gives_the_same_bytes(content, tmp_path):
    first = [p.read_bytes() for p in light.build(content, tmp_path / "a")]
    second = [p.read_bytes() for p in light.build(content, tmp_path / "b")]
    assert first == second


def test_the_command_writes_the_pages_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["explainer.light", str(tmp_path)])
    assert light.main() == 0
    said = capsys.readouterr().out
    for p in light.PAGES:
        assert (tmp_path / p.file).is_file() and p.file in said


def test_markdown_covers_what_the_pages_use_and_escapes_the_rest():
    html = light.markdown(
        "Intro with **bold**, *italic* and [a link](https://example.org/?a=1&b=2).\n"
        "still the same paragraph <script>alert(1)</script>\n\n"
        "## A heading\n\n- one\n- two\n  wrapped\n\n1. first\n2. second\n\n"
        "[bad](javascript:alert(1)) & <b>raw</b>"
    )
    assert html == (
        '<p>Intro with <strong>bold</strong>, <em>italic</em> and '
        '<a href="https://example.org/?a=1&amp;b=2">a link</a>. still the same paragraph '
        "&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<h2>A heading</h2>\n"
        "<ul><li>one</li><li>two wrapped</li></ul>\n<ol><li>first</li><li>second</li></ol>\n"
        "<p>[bad](javascript:alert(1)) &amp; &lt;b&gt;raw&lt;/b&gt;</p>"
    )


def test_lead_is_the_prose_before_the_first_heading():
    assert light.lead("One.\n\nTwo.\n\n## How to use\n\nClick.") == "One.\n\nTwo."
