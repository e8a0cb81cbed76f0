"""Shared links that look right before they are opened: each view's card (explainer/cards.py), the head the
server writes for it (explainer/web.py), robots.txt and sitemap.xml, and the pictures (explainer/pictures.py).
The same through a real server and nginx: tests/e2e/test_previews.py."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import streamlit
from PIL import Image

from explainer import build_cache, cards, charts, pictures, routes, share, web
from explainer import content as content_module
from explainer.charts.ahead import DIAGRAM, windup_visual
from explainer.html import light

INDEX = (Path(streamlit.__file__).parent / "static" / "index.html").read_bytes()
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "x" * 5000,
    "dorsal-horn<script>",
    "javascript:alert(1)",
]
REQUIRED = ("description", "og:title", "og:description", "og:image", "og:url", "og:locale", "twitter:card")


class Head(HTMLParser):
    """The tags of a page's head that a link preview reads."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.titles: list[str] = []
        self.lang = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = found.get("lang", "")
        elif tag == "meta" and ("name" in found or "property" in found):
            self.meta.setdefault(found.get("name") or found["property"], []).append(found.get("content", ""))
        elif tag == "link":
            self.links.append(found)
        self._in_title = tag == "title"
        if self._in_title:
            self.titles.append("")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def one(self, name: str) -> str:
        assert len(self.meta.get(name, [])) == 1, (name, self.meta.get(name))
        return self.meta[name][0]

    def link(self, rel: str, hreflang: str | None = None) -> str:
        found = [k["href"] for k in self.links if k.get("rel") == rel and k.get("hreflang") == hreflang]
        assert len(found) == 1, (rel, hreflang, self.links)
        return found[0]


def scope(path: str, query: str = "", headers: dict[str, str] | None = None, method: str = "GET") -> dict:
    pairs = {"host": "guide.test:8080", **(headers or {})}
    return {
        "type": "http",
        "method": method,
        "scheme": "http",
        "path": path,
        "query_string": query.encode("latin-1"),
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in pairs.items()],
    }


def page(path: str, query: str = "", **headers: str) -> Head:
    rewrite = web.plan(scope(path, query, headers))
    assert callable(rewrite), path
    return Head(rewrite(INDEX).decode("utf-8"))


@pytest.fixture(autouse=True)
def _no_public_address(monkeypatch):
    monkeypatch.delenv(share.ENV_BASE, raising=False)


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
@pytest.mark.parametrize("route", routes.ROUTES, ids=lambda r: r.id)
def test_every_page_answers_with_its_own_title_description_picture_and_address(route, lang):
    content = content_module.load(lang=lang)
    head = page(route.href, f"lang={lang}")
    meta = content.pages[route.id].meta
    assert len(head.titles) == 1 and head.titles[0] != "Streamlit"
    assert head.lang == lang
    for name in REQUIRED:
        assert head.one(name), name
    if route.id != "talk":  # a bare /talk opens the first slide
        assert meta.title in head.titles[0]
        assert head.one("description") == meta.description
    assert head.one("og:title") == head.titles[0]
    assert head.one("og:locale") == cards.LOCALES[lang]
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image").startswith(f"http://guide.test:8080/app/static/preview/{lang}/")
    view = route.href + ("?slide=1" if route.id == "talk" else "")  # a bare /talk opens slide 1, and says so
    joined = "&" if "?" in view else "?"
    assert head.one("og:url") == head.link("canonical") == f"http://guide.test:8080{view}{joined}lang={lang}"
    assert head.link("alternate", "x-default") == f"http://guide.test:8080{view}"


def test_a_stage_a_comparison_and_a_slide_are_named(content):
    stage = content.stages["dorsal-horn"]
    head = page("/pathway", "stage=dorsal-horn&view=chronic")
    assert head.titles[0].startswith(stage.name)
    chronic = f"{content.text('stage.chronic')} {' '.join(stage.chronic.split())}"
    assert head.one("description") in (chronic, f"{stage.where}. {content.pages['pathway'].meta.description}")
    assert head.one("og:image").endswith("/en/pathway-dorsal-horn-chronic.png")
    head = page("/treatments", "compare=physical-therapy,spinal-cord-stimulation")
    for option in ("physical-therapy", "spinal-cord-stimulation"):
        assert content.treatments[option].name in head.titles[0]
    assert head.one("og:url").endswith("/treatments?compare=physical-therapy,spinal-cord-stimulation")
    head = page("/talk", "slide=3")
    assert head.titles[0].startswith(content.text("preview.slide", n=3, total=len(content.slides), title=""))
    assert content.slides[2].title in head.titles[0]
    head = page("/learn", "term=" + next(iter(content.glossary)))
    assert head.one("description") == next(iter(content.glossary.values())).definition


def test_spanish_by_the_link_or_by_the_browser():
    spanish = content_module.load(lang="es")
    stage = spanish.stages["dorsal-horn"]
    for head in (
        page("/pathway", "stage=dorsal-horn&lang=es"),
        page("/pathway", "stage=dorsal-horn", **{"Accept-Language": "es-MX,es;q=0.9"}),
    ):
        assert head.lang == "es" and head.titles[0].startswith(stage.name)
        assert head.one("og:locale") == "es_US" and "/es/pathway-dorsal-horn.png" in head.one("og:image")
    assert page("/pathway", "lang=en", **{"Accept-Language": "es"}).lang == "en"


@pytest.mark.parametrize("value", HOSTILE, ids=["script", "attribute", "long", "suffix", "scheme"])
@pytest.mark.parametrize("name", ["stage", "compare", "slide", "term", "lang", "view"])
def test_a_hostile_value_is_never_repeated(name, value):
    route = {"stage": "/pathway", "view": "/pathway", "compare": "/treatments", "slide": "/talk"}.get(name, "/learn")
    rewrite = web.plan(scope(route, f"{name}={quote(value)}&{name}2=%3Cb%3E"))
    assert callable(rewrite)
    html = rewrite(INDEX).decode("utf-8")
    assert value not in html and quote(value) not in html and "<b>" not in html
    assert "onerror" not in html and "javascript:" not in html and "xxxxxxxxxx" not in html
    plain = Head(web.plan(scope(route))(INDEX).decode("utf-8"))  # type: ignore[operator]
    assert Head(html).titles == plain.titles  # the default view's card, as if the value were not there


def test_a_hostile_host_is_not_used_as_the_address():
    for host in ('evil.test"><script>', "a b", "x.test/<b>"):
        head = page("/pathway", **{"Host": host})
        assert head.one("og:url") == "http://localhost:8501/pathway"


def test_a_configured_public_address_is_used_for_every_address(monkeypatch):
    monkeypatch.setenv(share.ENV_BASE, "https://pain.clinic.example/guide/")
    head = page("/pathway", "stage=cortex")
    assert head.one("og:url") == "https://pain.clinic.example/guide/pathway?stage=cortex"
    assert head.one("og:image") == "https://pain.clinic.example/guide/app/static/preview/en/pathway-cortex.png"


def test_a_light_page_gets_its_addresses_and_keeps_the_rest():
    content = content_module.load(lang="es")
    rewrite = web.plan(scope("/app/static/light/es/pathway.html"))
    assert callable(rewrite)
    built = b'<html lang="es"><head><title>x</title></head><body><html lang="en"></body></html>'
    head = Head(rewrite(built).decode("utf-8"))
    own = "http://guide.test:8080/app/static/light/es/pathway.html"
    assert head.link("canonical") == own == head.link("alternate", "es") == head.one("og:url")
    assert head.link("alternate", "en") == "http://guide.test:8080/app/static/light/pathway.html"
    assert head.one("og:image").endswith("/es/pathway.png") and head.one("og:image:alt") == content.text(
        "light.diagram"
    )
    assert head.titles == ["x"]
    assert web.plan(scope("/app/static/light/xx/pathway.html")) is None
    assert web.plan(scope("/app/static/light/secret.txt")) is None


def test_robots_and_sitemap_name_every_public_page_on_the_public_address(monkeypatch):
    monkeypatch.setenv(share.ENV_BASE, "https://pain.clinic.example")
    kind, body = web.plan(scope("/robots.txt"))  # type: ignore[misc]
    assert kind.startswith("text/plain")
    assert body.decode().splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Sitemap: https://pain.clinic.example/sitemap.xml",
    ]
    kind, body = web.plan(scope("/sitemap.xml"))  # type: ignore[misc]
    assert kind.startswith("application/xml")
    ns = {"s": web.SITEMAP_NS}
    locs = [e.text for e in ET.fromstring(body).findall("s:url/s:loc", ns)]
    for route in routes.ROUTES:
        view = route.href + ("?slide=1" if route.id == "talk" else "")
        assert f"https://pain.clinic.example{view}" in locs
        assert f"https://pain.clinic.example{view}{'&' if '?' in view else '?'}lang=es" in locs
        for lang in routes.LANGUAGES:
            if route.light:
                assert "https://pain.clinic.example" + routes.light_path(route.id, lang) in locs
    assert len(locs) == len(set(locs))
    reviewed = {p.meta.reviewed.isoformat() for p in content_module.load().pages.values()}
    assert {e.text for e in ET.fromstring(body).findall("s:url/s:lastmod", ns)} <= reviewed


def _serve(inner_status: int = 200, encoding: str | None = None, method: str = "GET", path: str = "/pathway"):
    """Run the middleware around a stand-in for Streamlit; what the stand-in saw and what was sent."""
    seen: dict = {}
    sent: list[dict] = []

    async def streamlit_app(s, receive, send):
        seen.update(s)
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"1"), (b"etag", b'"1"')]
        if encoding:
            headers.append((b"content-encoding", encoding.encode()))
        await send({"type": "http.response.start", "status": inner_status, "headers": headers})
        await send({"type": "http.response.body", "body": INDEX[:2000], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[2000:]})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    headers = {"Accept-Encoding": "gzip", "If-None-Match": '"1"'}
    call = web.Previews(streamlit_app)(scope(path, "stage=cortex", headers, method), receive, send)
    # In a thread of its own: a worker that ran browser tests first has Playwright's event loop running here.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, call).result()
    return seen, sent


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
@pytest.mark.parametrize("route", routes.ROUTES, ids=lambda r: r.id)
def test_every_page_names_the_sites_root_as_its_server_before_streamlits_script(route, lang):
    """Without it, Streamlit first looks for its server under the page's path (/pathway/_stcore/health and
    host-config), two 404s and a retry on every deep link (tests/e2e/test_privacy.py checks none is made)."""
    query = "" if lang == routes.DEFAULT_LANGUAGE else f"lang={lang}"
    html = web.plan(scope(route.href, query))(INDEX)  # type: ignore[operator]
    assert html.count(web.SERVER_AT_ROOT) == 1
    assert html.index(web.SERVER_AT_ROOT) < html.index(b'<script type="module"')


def test_the_server_is_named_even_while_content_is_broken_and_only_on_the_apps_own_pages(content_copy, monkeypatch):
    (content_copy / "stages.yaml").write_text("stages: [", encoding="utf-8")
    monkeypatch.setattr(content_module, "CONTENT_DIR", content_copy)
    broken = web.plan(scope("/pathway"))
    assert callable(broken) and web.SERVER_AT_ROOT in broken(INDEX)
    # not a page of the app here, such as a Streamlit served under a path of its own
    assert web.plan(scope("/guide/pathway")) is None


def test_the_production_servers_content_policy_allows_exactly_that_script():
    script = web.SERVER_AT_ROOT.removeprefix(b"<script>").removesuffix(b"</script>")
    digest = base64.b64encode(hashlib.sha256(script).digest()).decode("ascii")
    policy = (Path(__file__).resolve().parents[1] / "deploy" / "headers.conf").read_text(encoding="utf-8")
    assert f"'sha256-{digest}'" in policy


def test_the_middleware_asks_for_the_whole_page_and_sends_it_rewritten():
    seen, sent = _serve()
    assert seen["method"] == "GET" and not {b"accept-encoding", b"if-none-match"} & dict(seen["headers"]).keys()
    headers = dict(sent[0]["headers"])
    body = sent[1]["body"]
    assert int(headers[b"content-length"]) == len(body) and b"etag" not in headers
    assert headers[b"vary"] == b"Accept-Language"
    assert b"<title>Streamlit</title>" not in body and body.count(b"<title>") == 1
    _, sent = _serve(method="HEAD")
    assert sent[1]["body"] == b"" and int(dict(sent[0]["headers"])[b"content-length"]) == len(body)


def test_anything_but_a_plain_page_passes_through_as_it_came():
    for status, encoding in ((404, None), (200, "gzip")):
        _, sent = _serve(status, encoding)
        assert sent[0]["status"] == status and sent[1]["body"] == INDEX
    _, sent = _serve(path="/_stcore/health")
    assert len(sent) == 3  # not buffered: the stand-in's own messages


def test_every_picture_a_card_names_is_drawn(content):
    names = {name for name, _ in pictures.specs(content)}
    views = [{"stage": [s], "view": [v]} for s in content.stages for v in ("acute", "chronic")]
    views += [{"view": ["chronic"]}, {"treatment": ["massage"]}]
    named = {cards.view_card(content, "pathway", p).picture for p in views}
    named |= {cards.view_card(content, "talk", {"slide": [str(n)]}).picture for n in range(1, len(content.slides) + 1)}
    named |= {cards.view_card(content, r.id, {}).picture for r in routes.ROUTES}
    assert named <= names and cards.LADDER in named and cards.START in named


def test_a_picture_is_1200_by_630_and_small(content):
    spec = dict(pictures.specs(content))[cards.pathway_picture("dorsal-horn")]
    image = pictures.png(spec)
    assert Image.open(io.BytesIO(image)).size == cards.PICTURE_SIZE
    assert image.startswith(b"\x89PNG") and len(image) < 60_000


def _different(out: Path, content) -> int:
    """How many different pictures the last build in `out` made: those whose specs differ."""
    stamp = json.loads((out / content.lang / pictures.STAMP).read_text(encoding="utf-8"))
    return len({(mark, pictures._file(name)[-4:]) for name, mark in stamp["pictures"].items()})


def test_only_a_changed_picture_is_drawn_again(content_copy, tmp_path, monkeypatch):
    drawn: list[str] = []
    monkeypatch.setattr(pictures, "png", lambda spec: drawn.append(spec["title"]["text"]) or b"png")
    monkeypatch.setattr(pictures, "svg", lambda spec: drawn.append("slide") or b"<svg></svg>")
    content = content_module.load(content_copy)
    first = pictures.build(content, tmp_path)
    assert len(first) == 20 + len(pictures.SLIDE_VISUALS) + len(pictures.page_visuals(content))
    assert len(drawn) == _different(tmp_path, content)  # pictures alike (same spec) are drawn once
    drawn.clear()
    assert pictures.build(content_module.load(content_copy), tmp_path) == first and drawn == []
    path = content_copy / "treatments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('short: "Massage"', 'short: "Massage therapy"'))
    changed = content_module.load(content_copy)
    pictures.build(changed, tmp_path)
    # the ladder shows short names, on its picture, its slide and the page's two drawings; nothing else does
    assert sorted(drawn) == sorted([changed.text("treatments.ladder"), "slide", "slide", "slide"])


def test_with_a_build_cache_a_picture_is_drawn_once_for_any_folder(content_copy, tmp_path, monkeypatch):
    """The container test builds the image's pictures in a new folder; what `make light` drew from the same
    specs is copied from the cache, and a changed spec is drawn."""
    monkeypatch.setenv(build_cache.VARIABLE, str(tmp_path / "cache"))
    drawn: list[str] = []
    monkeypatch.setattr(pictures, "png", lambda spec: drawn.append("png") or spec["title"]["text"].encode())
    monkeypatch.setattr(pictures, "svg", lambda spec: drawn.append("svg") or b"<svg></svg>")
    first = pictures.build(content_module.load(content_copy), tmp_path / "one")
    assert len(drawn) == _different(tmp_path / "one", content_module.load(content_copy)) < len(first)
    drawn.clear()
    second = pictures.build(content_module.load(content_copy), tmp_path / "two")
    assert drawn == []
    assert [p.read_bytes() for p in second] == [p.read_bytes() for p in first]
    path = content_copy / "treatments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('short: "Massage"', 'short: "Massage therapy"'))
    pictures.build(content_module.load(content_copy), tmp_path / "three")
    assert sorted(drawn) == ["png", "svg", "svg", "svg"]  # the ladder's picture, its slide, the page's two


def _diagrams_as_stubs(monkeypatch) -> None:
    """The page's diagrams drawn as stubs (132 drawings a build; what they show is tested on their own), the
    other SVG pictures drawn for real."""
    real = pictures.svg
    monkeypatch.setattr(
        pictures, "svg", lambda spec: b"<svg></svg>" if spec.get("usermeta", {}).get(DIAGRAM) else real(spec)
    )


def test_a_slide_picture_is_used_only_while_it_shows_the_content(content_copy, tmp_path, monkeypatch):
    """A staff edit shows on the next visit without a rebuild: a slide picture drawn from older content
    is not used (the slide draws its live chart) until `make light` draws it again."""
    monkeypatch.setattr(pictures, "png", lambda spec: b"png")
    _diagrams_as_stubs(monkeypatch)
    before = content_module.load(content_copy)
    pictures.build(before, tmp_path)
    svg = pictures.slide_picture(before, "pathway-acute", tmp_path)
    assert svg and svg.startswith("<svg") and before.stages["thalamus"].label in svg
    path = content_copy / "stages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('label: "Thalamus"', 'label: "Relay station"', 1))
    after = content_module.load(content_copy)
    assert after.stages["thalamus"].label == "Relay station"
    assert pictures.slide_picture(after, "pathway-acute", tmp_path) is None
    pictures.build(after, tmp_path)
    pictures._SLIDES.clear()
    assert "Relay station" in (pictures.slide_picture(after, "pathway-acute", tmp_path) or "")


def test_the_wind_up_pictures_show_each_views_start_in_its_language(content_copy, tmp_path, monkeypatch):
    """The pathway page opens each view with its wind-up drawn ahead: the values the sliders start at, the
    axis words of its language; used only while drawn from the content and code the page shows."""
    monkeypatch.setattr(pictures, "png", lambda spec: b"png")
    _diagrams_as_stubs(monkeypatch)
    for lang in ("en", "es"):
        c = content_module.load(content_copy, lang=lang)
        pictures.build(c, tmp_path)
        for view, (repeats, brakes) in charts.WINDUP_START.items():
            spec = pictures.page_chart(c, windup_visual(view, repeats, brakes))
            assert [row["signal"] for row in spec["datasets"][next(iter(spec["datasets"]))]] == list(
                range(1, repeats + 1)
            )
            drawn = pictures.page_picture(c, windup_visual(view, repeats, brakes), tmp_path) or ""
            assert drawn.startswith("<svg") and c.text("chart.windup_x") in drawn, (lang, view)
    assert (*charts.WINDUP_START["chronic"], True) == pictures.WINDUP_SLIDE
    path = content_copy / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Repeated signal number", "Signal in a row", 1))
    after = content_module.load(content_copy)
    assert after.text("chart.windup_x") == "Signal in a row"
    assert pictures.page_picture(after, windup_visual("acute", *charts.WINDUP_START["acute"]), tmp_path) is None


def test_every_trial_result_has_its_100_person_picture_until_its_numbers_change(content_copy, tmp_path, monkeypatch):
    """The comparison shows each result as a picture drawn ahead from the same spec; an edited number makes
    the page draw it live until `make light` draws it again, so a picture never shows an old number."""
    monkeypatch.setattr(pictures, "png", lambda spec: b"png")
    _diagrams_as_stubs(monkeypatch)
    for lang in ("en", "es"):
        c = content_module.load(content_copy, lang=lang)
        pictures.build(c, tmp_path)
        for number in c.evidence.numbers:
            drawn = pictures.page_picture(c, f"people-{number.id}", tmp_path) or ""
            for group in number.groups:
                assert c.text("chart.out_of_100", count=group.out_of_100) in drawn, (lang, number.id)
            url = pictures.page_picture_url(c, f"people-{number.id}", tmp_path) or ""
            assert url.startswith(f"/app/static/preview/{lang}/page-people-{number.id}.svg?v="), url
    for path in (content_copy / "evidence.yaml", content_copy / "es" / "evidence.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("out_of_100: 39", "out_of_100: 38", 1))
    edited = content_module.load(content_copy)
    assert pictures.page_picture(edited, "people-scs-north-about-3-years", tmp_path) is None
    assert pictures.page_picture_url(edited, "people-scs-north-about-3-years", tmp_path) is None


# Lighthouse 12's link-text audit (bench/lighthouse): link words that say nothing out of context.
VAGUE_LINKS = {
    "en": {"click here", "click this", "go", "here", "information", "learn more", "more", "more info"}
    | {"more information", "right here", "read more", "see more", "start", "this"},
    "es": {"click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "aquí", "aqui"}
    | {"más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este", "enlace"}
    | {"este enlace", "empezar"},
}


class Links(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.found.append((self._href, ""))

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self.found[-1] = (self._href, self.found[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
def test_the_light_pages_have_what_a_search_engine_checks(tmp_path, lang):
    """What Lighthouse's SEO audit checks (it scored 100 on each light page through nginx): a title, a
    description, the language, a viewport, an absolute canonical address, hreflang codes that exist, links
    that can be followed and whose words make sense on their own, and nothing that forbids indexing."""
    content = content_module.load(lang=lang)
    for built in light.build(content, tmp_path):
        route = next(r for r in routes.ROUTES if r.light == built.name)
        rewrite = web.plan(scope(routes.light_path(route.id, lang)))
        assert callable(rewrite)
        html = rewrite(built.read_bytes()).decode("utf-8")
        head = Head(html)
        assert head.lang == lang and head.titles[0].strip() and head.one("description")
        assert head.one("viewport").startswith("width=device-width")
        assert head.link("canonical") == "http://guide.test:8080" + routes.light_path(route.id, lang)
        assert {k["hreflang"] for k in head.links if k.get("rel") == "alternate"} == set(routes.LANGUAGES)
        assert "robots" not in head.meta and "noindex" not in html
        assert "connect-src 'self'" in html  # Lighthouse fetches robots.txt from inside the page
        links = Links(html).found
        assert links
        for href, text in links:
            assert href and not href.lower().startswith("javascript:"), href
            assert text.strip() and text.strip().lower() not in VAGUE_LINKS[lang], (built.name, text)


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
def test_a_preview_never_shows_part_of_a_text(lang):
    """A card's description is a stage's, slide's or word's whole text, or the page's own description: a
    cut would keep a medicine's benefit and drop its harms, and cut each language differently."""
    content = content_module.load(lang=lang)
    views = [("learn", {"term": [t]}, content.glossary[t].definition) for t in content.glossary]
    label = content.text("stage.normal")
    views += [("pathway", {"stage": [s.id]}, f"{label} {s.acute}") for s in content.pathway.stages]
    views += [("talk", {"slide": [str(n)]}, cards.plain(s.body)) for n, s in enumerate(content.slides, 1) if s.body]
    for route_id, params, text in views:
        shown = cards.view_card(content, route_id, params).description
        whole = " ".join(text.split())
        assert shown == whole or shown.endswith(content.pages[route_id].meta.description), (route_id, params, shown)
    harms = [t for t in content.glossary.values() if len(t.definition) > cards.DESCRIPTION_LENGTH]
    assert harms, "some words' texts are longer than a card shows: they fall back to the page's description"
