"""What the server adds to Streamlit's answers: each page's own head, robots.txt and sitemap.xml.

Streamlit answers every page address with one index.html titled "Streamlit". Messaging apps and search
engines read only that head, so this ASGI middleware, wrapped around Streamlit's own app by
explainer/serve.py, puts in each page's card (explainer/cards.py): its title, description, picture and
address, in the language the app will show, and names the site's root as Streamlit's server so a deep
link makes no wasted probe. It does the same for the addresses in the light pages' heads,
which need the site's public address, and answers /robots.txt and /sitemap.xml. Everything else (the
websocket, Streamlit's probes and files) passes through untouched. Because it runs in the app's own
process, `make run` and the production server behind nginx answer alike.

Addresses are absolute on the public address (EXPLAINER_PUBLIC_URL, else content/clinic.yaml), else on
the address the request came to. Only ids the link contract knows reach a card, so nothing of a link's
values is ever written back, and every value is escaped by the templates.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

import anyio.to_thread

from explainer import cards, routes, share
from explainer.content import Content, ContentError, load, load_all
from explainer.html.frame import ENV

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Rewrite = Callable[[bytes], bytes]
Answer = tuple[str, bytes]  # (content type, body)

STREAMLIT_TITLE = b"<title>Streamlit</title>"
STREAMLIT_LANG = b'<html lang="en">'
# Streamlit's frontend looks for its server under the page's own path first (/pathway/_stcore/health and
# host-config: two 404s, then a retry at the root, about 0.1 s on every deep link). Naming the root as its
# server skips that; pages still route by their address. The exact text is allowed by its hash in the
# production server's Content-Security-Policy (deploy/headers.conf).
SERVER_AT_ROOT = b"<script>window.__streamlit={BACKEND_BASE_URL:location.origin}</script>"
LIGHT = re.compile(r"^/app/static/light/(?:(?P<lang>[a-z]{2})/)?(?P<file>[a-z]+\.html)$")
HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")
# Request headers that would let Streamlit answer with something other than the whole page to rewrite.
NOT_PASSED = {b"accept-encoding", b"if-none-match", b"if-modified-since", b"range", b"if-range"}
# Response headers that describe the page before it was rewritten.
NOT_KEPT = {b"content-length", b"etag", b"last-modified"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def site_base(scope: Scope, clinic_url: str | None) -> str:
    """The site's public address, else the scheme and host this request came to (a host that is not a
    plain name or address is not used)."""
    headers = dict(scope.get("headers") or [])
    host = headers.get(b"host", b"").decode("latin-1")
    visited = f"{scope.get('scheme', 'http')}://{host}" if HOST.match(host) else None
    return share.base_url(share.configured_base(clinic_url), visited)


def head(card: cards.Card, base: str) -> str:
    """A page's title and card, for the head of the app's page."""
    return ENV.get_template("head.html").render(card=card, base=base, size=cards.PICTURE_SIZE).strip()


def addresses(card: cards.Card, base: str) -> str:
    """The parts of a card that need the site's address, for a light page's head."""
    macro = ENV.get_template("preview.html").module.addresses  # type: ignore[attr-defined]
    return str(macro(card, base, cards.PICTURE_SIZE)).strip()


def page_rewrite(content: Content, route_id: str, params: dict[str, list[str]], base: str) -> Rewrite:
    """Streamlit's page with this view's title, card and language."""
    card = cards.view_card(content, route_id, params)
    tags = head(card, base).encode("utf-8")
    lang = f'<html lang="{card.lang}">'.encode("ascii")

    def rewrite(html: bytes) -> bytes:
        html = server_at_root(html.replace(STREAMLIT_LANG, lang, 1))
        if STREAMLIT_TITLE in html:
            return html.replace(STREAMLIT_TITLE, tags, 1)
        return html.replace(b"</head>", tags + b"</head>", 1)

    return rewrite


def server_at_root(html: bytes) -> bytes:
    """Streamlit's page told that its server is at the site's root (SERVER_AT_ROOT). Only pages at the
    root's own addresses come here (`plan`), so a Streamlit under a path of its own is never told so."""
    return html.replace(b"<head>", b"<head>" + SERVER_AT_ROOT, 1)


def light_rewrite(content: Content, route: routes.Route, base: str) -> Rewrite:
    """A light page with its canonical address, its other languages and its picture."""
    tags = addresses(cards.light_card(content, route), base).encode("utf-8")
    return lambda html: html.replace(b"</head>", tags + b"</head>", 1)


def robots(base: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"


def sitemap(contents: dict[str, Content], base: str) -> bytes:
    """Every page of the app and every light page, in every language, with the day its page was reviewed."""
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for route in routes.ROUTES:
        for lang, content in contents.items():
            asked = {} if lang == routes.DEFAULT_LANGUAGE else {"lang": [lang]}
            paths = [cards.view_card(content, route.id, asked).path]
            if route.light:
                paths.append(cards.light_card(content, route).path)
            for path in paths:
                url = ET.SubElement(urlset, "url")
                ET.SubElement(url, "loc").text = base + path
                ET.SubElement(url, "lastmod").text = content.pages[route.id].meta.reviewed.isoformat()
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def _header(scope: Scope, name: bytes) -> str:
    return dict(scope.get("headers") or []).get(name, b"").decode("latin-1")


def plan(scope: Scope) -> Answer | Rewrite | None:
    """What to do with a request: an Answer for robots.txt and sitemap.xml, a Rewrite for a page whose
    head is filled in, or None to pass it on untouched. Reads content (a stat per file
    when nothing changed), so it runs in a worker thread."""
    path = scope["path"]
    route = next((r for r in routes.ROUTES if r.href == path), None)
    try:
        english = load()
    except ContentError:  # the app itself says what is wrong; its pages get no card
        return server_at_root if route is not None else None
    base = site_base(scope, english.clinic.public_url)
    if path == "/robots.txt":
        return "text/plain; charset=utf-8", robots(base).encode("utf-8")
    if path == "/sitemap.xml":
        return "application/xml; charset=utf-8", sitemap(load_all(), base)
    if route is not None:
        params = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        lang = cards.language(params, _header(scope, b"accept-language"))
        return page_rewrite(load(lang=lang), route.id, params, base)
    light = LIGHT.match(path)
    if light:
        lang = light["lang"] or routes.DEFAULT_LANGUAGE
        route = next((r for r in routes.ROUTES if r.light == light["file"]), None)
        if lang in routes.LANGUAGES and route is not None:
            return light_rewrite(load(lang=lang), route, base)
    return None


class Previews:
    """The ASGI middleware: answers robots.txt and sitemap.xml, and rewrites the heads `plan` names."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not _may_plan(scope["path"]):
            await self.app(scope, receive, send)
            return
        planned = await anyio.to_thread.run_sync(functools.partial(plan, scope))
        if planned is None:
            await self.app(scope, receive, send)
        elif isinstance(planned, tuple):
            await _answer(send, scope, *planned)
        else:
            await _rewritten(self.app, scope, receive, send, planned)


def _may_plan(path: str) -> bool:
    """A cheap first look, so Streamlit's own files and probes never wait for a worker thread."""
    return (
        path in ("/robots.txt", "/sitemap.xml")
        or path.startswith("/app/static/light/")
        or any(r.href == path for r in routes.ROUTES)
    )


async def _answer(send: Send, scope: Scope, kind: str, body: bytes) -> None:
    headers = [
        (b"content-type", kind.encode("ascii")),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"cache-control", b"no-cache"),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


async def _rewritten(app: ASGIApp, scope: Scope, receive: Receive, send: Send, rewrite: Rewrite) -> None:
    """Ask Streamlit for the whole page, uncompressed, then send it on with its head filled in. Anything
    but a plain HTML page (a redirect, an error) is sent on as it came."""
    inner = dict(scope)
    inner["method"] = "GET"  # a HEAD gets the headers of the page it would get
    inner["headers"] = [(k, v) for k, v in scope.get("headers") or [] if k.lower() not in NOT_PASSED]
    inner["extensions"] = {k: v for k, v in (scope.get("extensions") or {}).items() if k != "http.response.pathsend"}
    start: Message | None = None
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(inner, receive, keep)
    if start is None:
        return
    headers = [(k.lower(), v) for k, v in start.get("headers", [])]
    found = dict(headers)
    body = b"".join(chunks)
    html = start["status"] == 200 and found.get(b"content-type", b"").startswith(b"text/html")
    if html and b"content-encoding" not in found:
        body = rewrite(body)
        headers = [(k, v) for k, v in headers if k not in NOT_KEPT]
        headers += [(b"content-length", str(len(body)).encode("ascii")), (b"vary", b"Accept-Language")]
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def with_previews(factory: Callable[..., Any]) -> Callable[..., Any]:
    """Streamlit's app factory (create_starlette_app), with every app it makes wrapped in Previews."""

    @functools.wraps(factory)
    def make(*args: Any, **kwargs: Any) -> Previews:
        return Previews(factory(*args, **kwargs))

    return make
