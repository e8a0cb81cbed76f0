"""Shared links through the production server (nginx in front of the app) and the app alone (`make run`):
each address answers with its own title, description and picture, a hostile link is never repeated, the
pictures answer as PNG, robots.txt and sitemap.xml exist, and the light pages are sent as they were made
with their addresses filled in. What a messaging app reads, without running any script."""

from __future__ import annotations

import gzip
import io
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from PIL import Image

from deploy.processes import find_nginx, start_nginx
from explainer import cards, routes
from explainer.content import load
from tests.test_previews import HOSTILE, REQUIRED, Head

pytestmark = pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (apt-get install -y nginx)")

# The addresses of issue 16's "done when", and the route each belongs to.
SHARED = [
    "/",
    "/pathway?stage=dorsal-horn&view=chronic",
    "/treatments?compare=physical-therapy,spinal-cord-stimulation",
    "/talk?slide=3",
]


@pytest.fixture(scope="module")
def proxy(app_url: str) -> Iterator[str]:
    with start_nginx([urlsplit(app_url).netloc]) as nginx:
        yield nginx.url


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body (unzipped), as a link-preview robot gets them."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": "preview-bot", **headers})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, found, body = response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        status, found, body = error.code, dict(error.headers.items()), error.read()
    found = {k.lower(): v for k, v in found.items()}
    return status, found, gzip.decompress(body) if found.get("content-encoding") == "gzip" else body


def card_of(path: str, lang: str = "en") -> cards.Card:
    split = urlsplit(path)
    route = routes.by_path(split.path)
    assert route is not None
    return cards.view_card(load(lang=lang), route.id, parse_qs(split.query))


@pytest.mark.parametrize("path", SHARED)
def test_a_shared_link_shows_its_own_title_description_and_picture(proxy: str, path: str) -> None:
    status, headers, body = fetch(proxy + path)
    assert status == 200 and headers["cache-control"] == "no-cache"
    head = Head(body.decode("utf-8"))
    card = card_of(path)
    assert head.titles == [card.title]
    assert head.one("description") == head.one("og:description") == card.description
    assert head.one("og:url") == proxy + path
    image = head.one("og:image")
    assert image == f"{proxy}{card.image}"
    status, headers, picture = fetch(image)
    assert status == 200 and headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(picture)).size == cards.PICTURE_SIZE and len(picture) < 60_000


def test_the_links_name_that_stage_those_options_and_that_slide(proxy: str) -> None:
    content = load()
    titles = [Head(fetch(proxy + path)[2].decode()).titles[0] for path in SHARED[1:]]
    assert titles[0].startswith(content.stages["dorsal-horn"].name)
    assert all(content.treatments[t].name in titles[1] for t in ("physical-therapy", "spinal-cord-stimulation"))
    assert content.slides[2].title in titles[2] and "3" in titles[2]


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
@pytest.mark.parametrize("route", routes.ROUTES, ids=lambda r: r.id)
def test_every_page_has_its_tags_in_both_languages(proxy: str, route: routes.Route, lang: str) -> None:
    html = fetch(f"{proxy}{route.href}?lang={lang}")[2].decode("utf-8")
    head = Head(html)
    assert head.lang == lang and html.count("<html") == 1
    assert head.titles == [card_of(f"{route.href}?lang={lang}", lang).title] and "Streamlit" not in head.titles[0]
    for name in REQUIRED:
        assert head.one(name)
    assert head.one("og:locale") == cards.LOCALES[lang]


def test_the_browsers_language_is_the_cards_language_without_a_link_lang(proxy: str) -> None:
    head = Head(fetch(proxy + "/pathway?stage=cortex", **{"Accept-Language": "es-US,es;q=0.9"})[2].decode())
    assert head.lang == "es" and head.titles[0].startswith(load(lang="es").stages["cortex"].name)


@pytest.mark.parametrize("value", HOSTILE, ids=["script", "attribute", "long", "suffix", "scheme"])
def test_a_hostile_link_is_never_repeated(proxy: str, value: str) -> None:
    for name, path in (("stage", "/pathway"), ("compare", "/treatments"), ("slide", "/talk"), ("lang", "/")):
        other = f"&view={quote(value)}" if len(value) < 100 else ""  # nginx refuses an address over 8 KB
        status, _, body = fetch(f"{proxy}{path}?{name}={quote(value)}{other}")
        html = body.decode("utf-8")
        assert status == 200
        assert value not in html and quote(value) not in html and "onerror" not in html and "x" * 100 not in html
        assert Head(html).titles == [card_of(path).title]


@pytest.mark.parametrize("server", ["nginx", "app"])
def test_robots_and_the_sitemap(proxy: str, app_url: str, server: str) -> None:
    base = proxy if server == "nginx" else app_url
    status, headers, body = fetch(base + "/robots.txt")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert f"Sitemap: {base}/sitemap.xml" in body.decode()
    status, headers, body = fetch(base + "/sitemap.xml")
    assert status == 200 and headers["content-type"].startswith("application/xml")
    sitemap = body.decode()
    for route in routes.ROUTES:
        assert f"<loc>{base}{route.href}" in sitemap
        if route.light:
            assert f"<loc>{base}{routes.light_path(route.id, 'es')}</loc>" in sitemap


@pytest.mark.parametrize("lang", list(routes.LANGUAGES))
def test_a_light_page_is_sent_as_made_with_its_addresses(proxy: str, lang: str) -> None:
    """nginx's rewriting of Streamlit's page does not touch the light pages: no script is added (their own
    policy would refuse it), and their language stays whatever the browser's."""
    path = routes.light_path("pathway", lang)
    status, _, body = fetch(proxy + path, **{"Accept-Language": "es" if lang == "en" else "en"})
    html = body.decode("utf-8")
    head = Head(html)
    assert status == 200 and head.lang == lang and "<script" not in html
    assert head.link("canonical") == proxy + path == head.one("og:url")
    assert head.one("og:image") == f"{proxy}{cards.PICTURES}/{lang}/pathway.png"
    assert head.one("description") == load(lang=lang).pages["pathway"].meta.description
