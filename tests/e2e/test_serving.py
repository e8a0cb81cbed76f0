"""Through the production server (deploy/nginx.conf in front of the app): what a phone on a slow connection
downloads, how it is compressed and cached, the first screen before any script, and that the icons and
deep links still work with the trimmed font and the root named as the app's server."""

from __future__ import annotations

import gzip
import re
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
import streamlit
from playwright.sync_api import Browser, Page, expect

from deploy.assets import OUT as ASSETS
from deploy.processes import BROTLI_MODULE, find_nginx, start_nginx
from explainer.content import load
from tests.e2e.conftest import PHONE, new_context, settle

pytestmark = pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (apt-get install -y nginx)")

STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
FIRST_VISIT_LIMIT_KB = 600  # issue target for the start page, from docs/benchmarks.md


@pytest.fixture(scope="module")
def proxy(app_url: str) -> Iterator[str]:
    """nginx in front of this worker's app; yields its base URL."""
    if not (ASSETS / ".stamp").exists():
        pytest.fail("build/www is missing: run `make assets` (make test does) before these tests")
    with start_nginx([urlsplit(app_url).netloc]) as nginx:
        yield nginx.url


def _get(url: str, encoding: str = "identity", headers: dict[str, str] | None = None) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding, **(headers or {})})
    with urllib.request.urlopen(request, timeout=15) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def _decoded(headers: dict[str, str], body: bytes) -> bytes:
    coding = headers.get("content-encoding", "")
    return brotli.decompress(body) if coding == "br" else gzip.decompress(body) if coding == "gzip" else body


def _entry_script(proxy: str) -> str:
    headers, body = _get(proxy + "/")
    found = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', _decoded(headers, body).decode())
    assert found, "no entry script in the page"
    return found.group(1)


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_scripts_go_out_compressed_ahead_of_time_and_cached_for_a_year(proxy: str, encoding: str) -> None:
    if encoding == "br" and not BROTLI_MODULE.exists():
        pytest.skip(f"nginx's Brotli module is not installed ({BROTLI_MODULE}): make nginx installs it as root")
    path = _entry_script(proxy)
    headers, body = _get(f"{proxy}/{path}", encoding)
    assert headers.get("content-encoding") == encoding
    assert headers["content-type"].startswith("text/javascript")
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    assert "content-security-policy" in headers  # the security headers come along
    original = (STREAMLIT_JS / Path(path).name).read_bytes()
    assert _decoded(headers, body) == original
    assert len(body) < len(original) / 3


def test_the_page_is_revalidated_on_every_visit(proxy: str) -> None:
    headers, _ = _get(proxy + "/pathway?stage=dorsal-horn", "gzip")
    assert headers["cache-control"] == "no-cache"
    assert headers.get("content-encoding") == "gzip"


def test_nothing_holds_back_the_first_screen(proxy: str) -> None:
    """The page's head has no style sheet (one there holds back every paint until it arrives): Streamlit's
    comes right after the first screen, and the preload of a text font the app does not use is gone."""
    headers, body = _get(proxy + "/treatments?lang=es", "gzip")
    html = _decoded(headers, body).decode()
    head, rest = html.split("</head>", 1)
    assert 'rel="stylesheet"' not in head and 'rel="preload"' not in head
    root = rest.index('<div id="root"><main')
    sheet = rest.index('<link rel="stylesheet" crossorigin href="./static/css/')
    assert root < sheet
    assert re.search(r'href="\./static/css/([^"]+)"', rest[sheet:]).group(1) in {  # type: ignore[union-attr]
        p.name for p in (STREAMLIT_JS.parent / "css").glob("*.css")
    }


def test_the_icon_font_holds_only_the_icons_in_use(proxy: str) -> None:
    font = next((ASSETS / "static" / "media").glob("MaterialSymbols-Rounded.*.woff2"))
    headers, body = _get(f"{proxy}/static/media/{font.name}")
    assert headers["content-type"] == "font/woff2"
    assert len(body) < 40_000, "the full icon font is 367 KB"


@pytest.mark.parametrize(("lang", "folder"), [("en", ""), ("es", "es/")])
def test_the_first_screen_needs_no_script(proxy: str, browser: Browser, lang: str, folder: str) -> None:
    """What a slow phone shows before 450 KB of script has arrived, and all a browser without scripts
    ever shows: the guide's name, that it is loading, and a working link to the text-only pages."""
    content = load(lang=lang)
    context = new_context(browser, viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{proxy}/pathway?stage=dorsal-horn&lang={lang}")
        expect(page.locator("#root h1")).to_have_text(content.site.name)
        expect(page.get_by_role("status")).to_have_text(content.text("shell.loading"))
        link = page.get_by_role("link", name=content.text("shell.light"))
        expect(link).to_have_attribute("href", f"/app/static/light/{folder}index.html")
        link.click()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1").first).to_be_visible()
    finally:
        context.close()


def _first_visit(browser: Browser, url: str, check: Callable[[Page], None]) -> list[dict]:
    """Every response of a first visit to `url` in a fresh browser (`response` and its `bytes`)."""
    context = new_context(browser, viewport=PHONE)
    seen: dict[str, dict] = {}
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.responseReceived", lambda e: seen.__setitem__(e["requestId"], {"response": e["response"]}))
        cdp.on(
            "Network.loadingFinished",
            lambda e: seen.get(e["requestId"], {}).__setitem__("bytes", e["encodedDataLength"]),
        )
        page.goto(url)
        settle(page)
        check(page)
        page.wait_for_timeout(300)  # late requests (icons) land
    finally:
        context.close()
    return list(seen.values())


def test_a_first_visit_is_small_and_wastes_no_request(proxy: str, browser: Browser) -> None:
    """A deep link on a first visit: no font download (the phone's own typeface is used), no probe of
    /pathway/_stcore/..., nothing from another host, everything sent compressed; the start page stays
    under its byte budget; and the link still opens the stage it names."""
    stage = load().stages["dorsal-horn"].name
    visits = (
        ("/", FIRST_VISIT_LIMIT_KB, lambda page: expect(page.locator("h1").first).to_be_visible()),
        (
            "/pathway?stage=dorsal-horn",
            1100,
            lambda page: expect(page.locator(".st-key-stage_details")).to_contain_text(stage),
        ),
    )
    for path, limit, check in visits:
        seen = _first_visit(browser, proxy + path, check)
        # A data: address (the wind-up picture) travels inside the page's own messages, and a blob: address
        # (a component's script) is made by the page from them: nothing is fetched for either.
        urls = [r["response"]["url"] for r in seen if not r["response"]["url"].startswith(("data:", "blob:"))]
        assert all(u.startswith(proxy) for u in urls), [u for u in urls if not u.startswith(proxy)]
        assert not [u for u in urls if re.search(r"/[a-z-]+/_stcore/", u)], "per-page probes were made"
        assert not [u for u in urls if "SourceSans" in u], "a text font was downloaded"
        uncompressed = [
            r["response"]["url"]
            for r in seen
            if re.search(r"\.(js|css)$", urlsplit(r["response"]["url"]).path)
            and r.get("bytes", 0) > 1500
            and not {k.lower(): v for k, v in r["response"]["headers"].items()}.get("content-encoding")
        ]
        assert not uncompressed, uncompressed
        total_kb = sum(r.get("bytes", 0) for r in seen) / 1024
        assert total_kb <= limit, f"{path}: {total_kb:.0f} KB on a first visit"


ICONS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stIconMaterial"]')].map(e => {
  const size = parseFloat(getComputedStyle(e).fontSize);
  return {name: e.textContent.trim(), width: e.getBoundingClientRect().width, size};
})"""


def test_every_icon_on_screen_is_in_the_trimmed_font(proxy: str, browser: Browser) -> None:
    """An icon missing from the font would show as its name spelled out ("expand_more"): every icon on
    every page is in the font's list and is drawn about one character wide."""
    kept = set((ASSETS / "static" / "media" / "icons.txt").read_text().split())
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    found: list[dict] = []
    try:
        page = context.new_page()
        for path in (
            "/",
            "/pathway?stage=dorsal-horn&treatment=spinal-cord-stimulation",
            "/treatments?compare=physical-therapy,spinal-cord-stimulation",
            "/talk?slide=1",
            "/learn?lang=es",
        ):
            page.goto(proxy + path)
            settle(page)
            for expander in page.locator('[data-testid="stExpander"] summary').all()[:3]:
                expander.evaluate("e => e.click()")
            settle(page)
            page.evaluate("document.fonts.ready")
            found += page.evaluate(ICONS_DRAWN)
    finally:
        context.close()
    assert len(found) > 5
    missing = sorted({i["name"] for i in found} - kept)
    assert not missing, f"icons shown but not in the font: {missing}"
    wide = sorted({i["name"] for i in found if i["width"] > 2 * i["size"]})
    assert not wide, f"icons drawn as words: {wide}"
