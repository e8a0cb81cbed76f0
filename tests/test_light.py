"""The light pages: every stage and option of the content, nothing loaded or run, small, and regenerated
byte for byte from content/; and the Markdown their prose goes through."""

import gzip
import math
import re

import pytest
import yaml

from explainer import content as content_module
from explainer import facts
from explainer.html import diagram, light
from explainer.html.markdown import lead, markdown
from explainer.routes import LANGUAGES, ROUTES
from tests.html_text import Html

LOADERS = {
    "script",
    "img",
    "link",
    "iframe",
    "object",
    "embed",
    "frame",
    "audio",
    "video",
    "source",
    "track",
    "base",
    "form",
    "input",
    "image",
    "use",
    "foreignobject",
    "picture",
    "meta",
}
SAFE_META = {"charset", "name", "property", "content", "http-equiv"}
NAMES = [r.light for r in ROUTES if r.light]
HOSTILE = '<script>alert("x")</script>'  # fits every name field's length limit
HOSTILE_SHORT = '<b>"&x'  # for the diagram labels (at most 18 characters)


class Parsed(Html):
    """Html, plus each element with its attributes, every link with its text, and the links in the nav."""

    def __init__(self, html: str):
        self.elements: list[tuple[str, dict]] = []
        self.links: list[tuple[str, str]] = []
        self.nav_links: list[str] = []
        self._in_nav = False
        self._link: list[str] | None = None
        super().__init__(html)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self._in_nav = self._in_nav or tag == "nav"
        if tag == "a":
            self._link = [attrs["href"], ""]
            if self._in_nav:
                self.nav_links.append(attrs["href"])

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        self._in_nav = self._in_nav and tag != "nav"
        if tag == "a" and self._link:
            self.links.append((self._link[0], self._link[1]))
            self._link = None

    def handle_data(self, data):
        super().handle_data(data)
        if self._link:
            self._link[1] += data

    @property
    def words(self) -> str:
        return " ".join(self.text.split())

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if "id" in attrs}


@pytest.fixture(scope="module")
def built(tmp_path_factory, content):
    paths = light.build(content, tmp_path_factory.mktemp("light"))
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_the_four_pages_are_written(built):
    assert sorted(built) == ["index.html", "learn.html", "pathway.html", "treatments.html"]


def test_every_light_page_of_the_registry_is_written_and_in_every_nav(built, content):
    routes = [r for r in ROUTES if r.light]
    assert sorted(built) == sorted(r.light for r in routes)
    for route in routes:
        doc = Parsed(built[route.light])
        # The light pages of this language, then the same page in each other language.
        others = [f"{code}/{route.light}" for code in LANGUAGES if code != content.lang]
        assert doc.nav_links == [r.light for r in routes] + others
        current = [attrs["href"] for tag, attrs in doc.elements if tag == "a" and "aria-current" in attrs]
        assert current == [route.light]
        names = [attrs.get("aria-label") for tag, attrs in doc.elements if tag == "nav"]
        assert names == [content.text("light.nav")]
        for other in routes:  # by title: a menu name such as "Learn more" says nothing out of context
            assert content.pages[other.id].meta.title in doc.words


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
    svg = [attrs for tag, attrs in doc.elements if tag == "svg"]
    assert len(svg) == 1 and svg[0]["role"] == "img" and svg[0]["viewbox"].startswith("0 0 ")
    assert {"title", "desc"} <= set(doc.tags)
    lines = [attrs for tag, attrs in doc.elements if tag == "line"]
    downs = sum(c.kind == "down" for c in content.pathway.connections)
    # one line per connection plus the two legend lines; only the brakes (and their legend) are dashed
    assert len(lines) == len(content.pathway.connections) + 2
    assert sum("stroke-dasharray" in a for a in lines) == downs + 1
    assert len([t for t, _ in doc.elements if t == "polygon"]) == len(content.pathway.connections)


def test_the_diagram_geometry_points_each_arrow_at_its_stage_and_keeps_labels_inside(content):
    drawn = diagram.pathway(content)
    at = {s.id: diagram.point(s.x, s.y) for s in content.pathway.stages}
    for arrow, c in zip(drawn.arrows, content.pathway.connections, strict=True):
        tip = arrow.head[0]
        assert math.dist(tip, at[c.to]) == pytest.approx(drawn.radius + 2)  # stops just short of the circle
        assert arrow.line.dashed == (c.kind == "down")
    for node in drawn.nodes:
        width = len(node.label.text) * diagram.CHAR
        left = node.label.at[0] - (width if node.label.anchor == "end" else 0)
        assert left >= 0 and left + width <= drawn.width, node.label.text
        assert 0 <= node.label.at[1] <= drawn.height


def test_the_treatments_page_holds_every_option_and_its_facts(built, content):
    doc = Parsed(built["treatments.html"])
    words = doc.words
    positions = [words.index(_plain(t.name)) for t in content.ladder()]
    assert positions == sorted(positions)
    for t in [*content.treatments.values(), content.no_treatment]:
        for row in facts.ROWS:
            assert _plain(facts.cell(content, t, row)) in words
    for tier in content.tiers.values():
        assert _plain(tier.name) in words
    assert set(content.treatments) <= doc.ids()
    for row in facts.ROWS:
        assert content.text(f"row.{row}") in words


def test_the_start_and_learn_pages_hold_their_prose_as_html(built, content):
    home = Parsed(built["index.html"])
    assert "failed back surgery syndrome (FBSS)" in home.words
    assert ("strong", {}) in home.elements and ("h2", {}) in home.elements and ("li", {}) in home.elements
    assert "**" not in home.words and "## " not in home.words
    assert home.tags.count("h1") == 1  # the page title; the prose's own headings are h2 and below
    learn = Parsed(built["learn.html"])
    for term in content.glossary.values():
        assert _plain(term.definition) in learn.words
        assert term.id in learn.ids()
    for q in content.questions:
        assert _plain(q.text) in learn.words
    for source in content.sources.values():
        assert _plain(source.title) in learn.words


@pytest.mark.parametrize("name", NAMES)
def test_each_page_has_frame_nav_and_the_way_back_to_the_app(built, content, name):
    route = next(r for r in ROUTES if r.light == name)
    doc = Parsed(built[name])
    meta = content.pages[route.id].meta
    assert content.site.disclaimer in doc.words and _plain(content.site.urgent) in doc.words
    assert f"{content.site.reviewed_label}: {meta.reviewed.day} {meta.reviewed:%B %Y}" in doc.words
    assert content.site.sources_label in doc.words
    for sid in meta.sources:
        assert _plain(content.sources[sid].title) in doc.words
    hrefs = [attrs["href"] for tag, attrs in doc.elements if tag == "a"]
    assert route.href in hrefs
    assert content.text("light.open_app", page=meta.title) in doc.words
    assert set(NAMES) <= set(hrefs)


@pytest.mark.parametrize("name", NAMES)
def test_each_page_runs_nothing_loads_nothing_and_is_small(built, name):
    html = built[name]
    doc = Parsed(html)
    for tag, attrs in doc.elements:
        assert tag not in LOADERS or (tag == "meta" and set(attrs) <= SAFE_META), tag
        assert "src" not in attrs and "srcset" not in attrs and "xlink:href" not in attrs
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if "href" in attrs:  # a link a reader may follow loads nothing by itself
            assert tag == "a"
    lowered = html.lower()
    assert "url(" not in lowered and "@import" not in lowered and "javascript:" not in lowered
    assert "default-src 'none'" in html  # and the browser is told to refuse anything else
    # Small enough to open at once on a slow phone: what travels is the compressed page.
    assert len(gzip.compress(html.encode("utf-8"))) < 30 * 1024


def test_a_change_in_content_shows_in_the_next_build(content_copy, tmp_path):
    path = content_copy / "stages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["stages"][3]["chronic"] = "A freshly reviewed sentence about the spinal gate."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed = content_module.load(content_copy)
    page = next(p for p in light.build(changed, tmp_path / "out") if p.name == "pathway.html")
    assert "A freshly reviewed sentence about the spinal gate." in Parsed(page.read_text(encoding="utf-8")).words


def test_building_twice_gives_the_same_bytes(content, tmp_path):
    first = [p.read_bytes() for p in light.build(content, tmp_path / "a")]
    second = [p.read_bytes() for p in light.build(content, tmp_path / "b")]
    assert len(first) == len(NAMES) and first == second


def test_the_command_writes_the_pages_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["explainer.html.light", str(tmp_path)])
    assert light.main() == 0
    said = capsys.readouterr().out
    for name in NAMES:
        assert (tmp_path / name).is_file() and name in said


def _hostile_copy(root) -> None:
    """Names and words with markup and quotes in every kind of field a light page shows."""

    def edit(name, change):
        path = root / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    edit("site.yaml", lambda d: (d.update(disclaimer=HOSTILE), d["text"].update({"light.nav": HOSTILE})))
    edit("stages.yaml", lambda d: d["stages"][0].update(name=HOSTILE, label=HOSTILE_SHORT))
    edit("treatments.yaml", lambda d: d["treatments"][0].update(name=HOSTILE, risks=HOSTILE))
    edit("glossary.yaml", lambda d: d["terms"][0].update(term=HOSTILE))
    edit("sources.yaml", lambda d: d["sources"][0].update(title=HOSTILE))
    page = root / "pages" / "pathway.md"
    page.write_text(
        re.sub(r"(?m)^title: .*$", f"title: '{HOSTILE}'", page.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )


def test_markup_and_quotes_in_content_are_text_everywhere(content_copy, tmp_path):
    _hostile_copy(content_copy)
    changed = content_module.load(content_copy)
    pages = {p.name: p.read_text(encoding="utf-8") for p in light.build(changed, tmp_path)}
    for name, html in pages.items():
        doc = Parsed(html)
        assert "script" not in doc.tags and "<script>" not in html, name
        assert ("aria-label", HOSTILE) in doc.attrs  # an attribute keeps its quotes as text
        assert HOSTILE in doc.text  # the disclaimer
    pathway = Parsed(pages["pathway.html"])
    assert pathway.text.count(HOSTILE) >= 3  # <title>, <h1> and the stage's heading
    assert f"1. {HOSTILE_SHORT}" in pathway.text  # the diagram's label
    assert "b" not in pathway.tags
    treatments = Parsed(pages["treatments.html"])
    assert treatments.words.count(HOSTILE) >= 3  # the option's heading, its risks, the disclaimer
    assert HOSTILE in Parsed(pages["learn.html"]).text  # the glossary term and the source


def test_markdown_covers_what_the_pages_use_and_escapes_the_rest():
    html = markdown(
        "Intro with **bold**, *italic* and [a link](https://example.org/?a=1&b=2).\n"
        "still the same paragraph <script>alert(1)</script>\n\n"
        "## A heading\n\n- one\n- two\n  wrapped\n\n1. first\n2. second\n\n"
        "[bad](javascript:alert(1)) & <b>raw</b>"
    )
    assert html == (
        "<p>Intro with <strong>bold</strong>, <em>italic</em> and "
        '<a href="https://example.org/?a=1&amp;b=2">a link</a>.\nstill the same paragraph '
        "&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<h2>A heading</h2>\n"
        "<ul>\n<li>one</li>\n<li>two\nwrapped</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"
        "<p>[bad](javascript:alert(1)) &amp; &lt;b&gt;raw&lt;/b&gt;</p>\n"
    )


def test_a_link_with_a_parenthesis_in_its_address_is_one_link():
    doc = Parsed(markdown("See [x](https://en.wikipedia.org/wiki/Sciatica_(disambiguation)) here."))
    assert doc.links == [("https://en.wikipedia.org/wiki/Sciatica_(disambiguation)", "x")]
    assert doc.words == "See x here."


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,AAAA",
        "ftp://example.org/x",
    ],
)
def test_a_link_to_an_unsafe_scheme_is_not_a_link(address):
    doc = Parsed(markdown(f"[bad]({address})"))
    assert "a" not in doc.tags and ("href", address) not in doc.attrs
    assert doc.words == f"[bad]({address})"


@pytest.mark.parametrize(
    "address",
    [
        "https://example.org/",
        "http://example.org/",
        "mailto:clinic@example.org",
        "treatments.html#massage",
        "/pathway?stage=dorsal-horn",
        "#top",
    ],
)
def test_web_mail_and_relative_links_stay_links(address):
    assert Parsed(markdown(f"[ok]({address})")).links == [(address, "ok")]


def test_headings_shift_so_the_page_title_stays_the_only_h1():
    doc = Parsed(markdown("# One\n\n## Two\n\n### Three\n\n#### Four"))
    assert doc.tags == ["h2", "h2", "h3", "h4"]
    assert doc.words == "One Two Three Four"


def test_markdown_has_gfm_tables_and_strikethrough_and_no_images():
    doc = Parsed(markdown("| a | b |\n| --- | --- |\n| 1 | ~~2~~ |\n\n![scan](https://example.org/scan.png)"))
    assert doc.headers == ["a", "b"] and "td" in doc.tags and "s" in doc.tags
    assert "img" not in doc.tags  # a page loads nothing from elsewhere


def test_lead_is_the_prose_before_the_first_heading():
    assert lead("One.\n\nTwo.\n\n## How to use\n\nClick.") == "One.\n\nTwo."
    assert lead("Only prose.\n") == "Only prose."
    assert lead("One.\n\n```\n# not a heading\n```\n\n# Heading") == "One.\n\n```\n# not a heading\n```"
