"""`make bench`: measure the app on this machine and write docs/benchmarks.md (and a chart beside it).

Each figure is a median of several tries from one run; timings in the browser are also given as a ratio to
the smallest page (bench/minimal.py) served by the same Streamlit in the same run, because this machine is
shared and noisy. Everything talks to loopback servers this script starts and stops.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import datetime
import functools
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench.wsclient import Run, Session
from deploy.processes import CHROMIUM, CHROMIUM_ARGS, PLAYWRIGHT_CHROMIUM_ARGS, ROOT, App, start_app, start_nginx
from explainer import content
from explainer.routes import BY_ID, ROUTES

REFERENCE = ROOT / "bench" / "minimal.py"


@dataclass(frozen=True)
class Measured:
    """A page or a state a link opens, and how many charts its first view draws (the reference has none)."""

    name: str
    path: str
    charts: int
    marker: str = "Last reviewed"  # text the finished page shows: its "last reviewed" line, in its language


# States a shared link opens, measured besides each page's first view: route id -> (name, query).
STATES = {
    "pathway": ("a stage (chronic)", "stage=dorsal-horn&view=chronic"),
    "treatments": ("a comparison", "compare=massage,spine-surgery"),
    "talk": ("a slide", "slide=5"),
}
# Every page of the registry, then those states, then every page in Spanish (held to the same targets).
SPANISH_MARKER = content.load(lang="es").site.reviewed_label
PAGES = [
    *(Measured(route.id, route.href, route.charts) for route in ROUTES),
    *(Measured(name, f"{BY_ID[rid].href}?{query}", BY_ID[rid].charts) for rid, (name, query) in STATES.items()),
    *(Measured(f"{route.id} (es)", f"{route.href}?lang=es", route.charts, SPANISH_MARKER) for route in ROUTES),
]
MARKER = {"app": "Last reviewed", "reference": "One line of text."}
TARGET_RUN_MS, TARGET_CLICK_MS, TARGET_SESSION_MB = 30, 120, 3
TARGET_BYTES_KB = {("home", "nginx"): 600, ("pathway", "nginx"): 1100}
TARGET_PAINT_MS = {
    "start page, through nginx": 4000,
    "a stage (deep link), through nginx": 4000,
    "start page again (warm cache), through nginx": 1500,
}
# Figures of this benchmark before the first-visit work (docs/benchmarks.md of the same day, commit bbf940b:
# gzip only, both web fonts, per-page probes, no first screen), shown beside today's.
BEFORE_DAY = "27 Nov 2026, earlier run"
BEFORE_BYTES_KB = {
    ("home", "direct"): 2671,
    ("home", "nginx"): 1124,
    ("pathway", "direct"): 3989,
    ("pathway", "nginx"): 1606,
}
BEFORE_PAINT_MS = {
    "light start page (static HTML)": 616,
    "start page, served directly": 13236,
    "start page, through nginx": 5504,
}
# Lighthouse's first paint of the start page through nginx, as measured before (the starting point).
BEFORE_LIGHTHOUSE_MS = {"start page, through nginx": 7600}
BEFORE_CLICK_MS = {"a stage from the list": 263, "next slide": 286}
# A chart as the pages show it: drawn ahead as SVG (explainer/ui/drawn.py), or live by Vega when no fresh
# drawing exists.
CHART = '[data-testid="stVegaLiteChart"], .drawn-chart'
# A stage's mark in the pathway's diagram; its aria-label starts with the stage's number and short name.
STAGE_MARK = f':is({CHART}) [aria-roledescription="point"]'
RENDERED = (
    """([marker, charts]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED' || app.dataset.testScriptState !== 'notRunning')
    return false;
  if (!document.body.innerText.includes(marker)) return false;
  // a chart is drawn once Vega has drawn it, or its drawing made ahead shows (a picture loaded, or its SVG)
  const drawn = [...document.querySelectorAll('"""
    + CHART
    + """')]
    .filter(c => c.querySelector('canvas, svg')
      || [...c.querySelectorAll('img')].some(i => i.complete && i.naturalWidth > 0 && i.offsetWidth > 0));
  return drawn.length >= charts ? performance.now() : false;
}"""
)
CLICK_DONE = """([selector, text]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const box = document.querySelector(selector);
  if (!window.__clicked || !box || !box.innerText.includes(text) || app.dataset.testScriptState !== 'notRunning')
    return false;
  return performance.now() - window.__clicked;
}"""
ARM_CLICK = """() => { window.__clicked = 0; document.addEventListener('pointerdown',
  () => { window.__clicked = performance.now(); }, {capture: true, once: true}); }"""


def target_render(charts: int) -> float:
    """Render time allowed, as a multiple of the reference page: a chart loads Vega's bundle first."""
    return 1.5 if charts == 0 else 2.0


def median(values: Iterable[float]) -> float:
    return statistics.median(values)


# ---- the browser -----------------------------------------------------------------------------------
STALLED: list[str] = []  # visits that never finished rendering, reported rather than hidden


def wait_rendered(page: Page, url: str, marker: str, charts: int, timeout: float = 30_000) -> Any:
    """Wait for the rendered signal; a stalled visit is noted with what the page showed, then retried once."""
    try:
        return page.wait_for_function(RENDERED, arg=[marker, charts], polling="raf", timeout=timeout)
    except PlaywrightTimeout:
        state = page.evaluate(
            """() => { const a = document.querySelector('[data-testid="stApp"]');
          return [a && a.dataset.testConnectionState, a && a.dataset.testScriptState,
                  document.querySelectorAll('"""
            + CHART
            + """').length,
                  document.body.innerText.slice(-200)]; }"""
        )
        STALLED.append(f"{url}: {state}")
        print("stalled:", STALLED[-1], flush=True)
        page.goto(url, wait_until="commit")
        return page.wait_for_function(RENDERED, arg=[marker, charts], polling="raf", timeout=timeout)


def render_ms(browser: Browser, url: str, marker: str, charts: int) -> float:
    """Navigation start to a finished run with every chart drawn, in a fresh context (a first visit)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        ms: float = wait_rendered(page, url, marker, charts).json_value()
        return ms
    finally:
        context.close()


def render_times(browser: Browser, app: App, ref: App, tries: int) -> dict[str, float]:
    for url, marker in ((ref.url + "/", MARKER["reference"]), (app.url + "/pathway", MARKER["app"])):
        render_ms(browser, url, marker, 0)  # warm the servers' caches
    rows: dict[str, list[float]] = {"reference": []}
    rows.update({p.name: [] for p in PAGES})
    for _ in range(tries):  # interleaved, so a noisy moment hits every page alike
        rows["reference"].append(render_ms(browser, ref.url + "/", MARKER["reference"], 0))
        for p in PAGES:
            rows[p.name].append(render_ms(browser, app.url + p.path, p.marker, p.charts))
    return {name: median(values) for name, values in rows.items()}


def click_ms(page: Page, selector: str, text: str, click: Callable[[], None]) -> float:
    page.evaluate(ARM_CLICK)
    click()
    ms: float = page.wait_for_function(CLICK_DONE, arg=[selector, text], polling="raf", timeout=30_000).json_value()
    return ms


STAGE_OPTIONS = '.st-key-pathway_stage [data-testid="stRadioOption"]'  # the stage list's choices, as tapped


def press_mark(page: Page, mark: Locator) -> None:
    """Press and release the pointer on a chart's mark, as a hand does: marks are drawn, not focusable."""
    mark.evaluate("m => m.scrollIntoView({block: 'center'})")
    box = mark.bounding_box()
    if box is None:
        raise RuntimeError(f"{mark} is not drawn")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.up()


def click_stage_mark(page: Page, number: int) -> None:
    """Press a stage's mark in the pathway's diagram by its number."""
    press_mark(page, page.locator(f'{STAGE_MARK}[aria-label^="{number}. "]').first)


def click_times(browser: Browser, app: App, tries: int) -> dict[str, float]:
    """A stage chosen from the list (the pointer on its name), a stage's mark pressed in the diagram, and the
    next slide's button."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results: dict[str, list[float]] = {"a stage from the list": [], "a stage in the diagram": [], "next slide": []}
    try:
        page.goto(app.url + "/pathway")
        page.wait_for_function(RENDERED, arg=[MARKER["app"], BY_ID["pathway"].charts], polling="raf", timeout=60_000)
        options = page.locator(STAGE_OPTIONS)
        options.first.wait_for()  # Streamlit draws a radio group once its code has loaded, after the page
        names = [t.split(". ", 1)[1] for t in options.all_inner_texts()]
        for i in range(tries + 1):
            pick = options.nth((i + 1) % len(names))
            pick.scroll_into_view_if_needed()
            ms = click_ms(page, ".st-key-stage_details", names[(i + 1) % len(names)], pick.click)
            if i:
                results["a stage from the list"].append(ms)
        for i in range(tries + 1):
            n = (i + 3) % len(names)
            ms = click_ms(page, ".st-key-stage_details", names[n], functools.partial(click_stage_mark, page, n + 1))
            if i:
                results["a stage in the diagram"].append(ms)
        page.goto(app.url + "/talk?slide=1")
        page.wait_for_function(RENDERED, arg=[MARKER["app"], 0], polling="raf", timeout=60_000)
        for i in range(tries + 1):
            ms = click_ms(
                page, '[data-testid="stMain"]', f"{i + 2} /", lambda: page.locator(".st-key-talk_next button").click()
            )
            if i:
                results["next slide"].append(ms)
    finally:
        context.close()
    return {name: median(values) for name, values in results.items()}


def first_visit_bytes(browser: Browser, url: str, marker: str, charts: int) -> tuple[float, float]:
    """(HTTP kB over the wire, websocket kB) for a first visit in a fresh context."""
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes = {"http": 0, "ws": 0}
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__("http", sizes["http"] + e["encodedDataLength"]))
        cdp.on(
            "Network.webSocketFrameReceived",
            lambda e: sizes.__setitem__(
                "ws",
                sizes["ws"] + len(base64.b64decode(e["response"]["payloadData"]))
                if e["response"]["opcode"] == 2
                else sizes["ws"] + len(e["response"]["payloadData"]),
            ),
        )
        page.goto(url, wait_until="commit")
        wait_rendered(page, url, marker, charts)
        page.wait_for_timeout(500)  # late requests (icons, fonts) land
        return sizes["http"] / 1024, sizes["ws"] / 1024
    finally:
        context.close()


@contextlib.contextmanager
def behind_nginx(app: App) -> Iterator[str]:
    """The app behind deploy/nginx.conf on a free loopback port; yields nginx's base URL."""
    with start_nginx([f"127.0.0.1:{app.port}"]) as nginx:
        yield nginx.url


def download_sizes(browser: Browser, app: App, proxy: str, tries: int) -> dict[tuple[str, str], tuple[float, float]]:
    """The start page and the first page with charts, served directly and through nginx."""
    out = {}
    measured = (PAGES[0], next(p for p in PAGES if p.charts))
    for p in measured:
        for how, base in (("direct", app.url), ("nginx", proxy)):
            runs = [first_visit_bytes(browser, base + p.path, p.marker, p.charts) for _ in range(tries)]
            out[(p.name, how)] = (median(r[0] for r in runs), median(r[1] for r in runs))
    return out


# Lighthouse's "slow 4G" phone: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, a CPU 4x slower.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
FIRST_PAINT = """() => new Promise(done => {
  const seen = performance.getEntriesByName('first-contentful-paint')[0];
  if (seen) return done(seen.startTime);
  new PerformanceObserver(list => done(list.getEntries()[0].startTime)).observe({type: 'paint', buffered: true});
})"""


def slow_phone(browser: Browser) -> tuple[BrowserContext, Page]:
    """A fresh phone-sized browser context throttled like Lighthouse's slow-4G phone, and a page in it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, page


APP_DRAWN = """() => !!document.querySelector('[data-testid="stMainBlockContainer"] h1')"""


def phone_visit(browser: Browser, url: str, repeat: bool = False) -> tuple[float, float]:
    """(first contentful paint, the app's own first heading drawn), in ms from navigation start, of a visit
    on a throttled phone (Chromium's own throttling). repeat: a second visit in the same browser, its cache
    warm from the first."""
    context, page = slow_phone(browser)
    try:
        if repeat:
            page.goto(url, wait_until="commit", timeout=120_000)
            page.wait_for_function(APP_DRAWN, polling="raf", timeout=120_000)
            page.goto("about:blank")
        page.goto(url, wait_until="commit", timeout=120_000)
        paint: float = page.evaluate(FIRST_PAINT)
        page.wait_for_function(APP_DRAWN, polling="raf", timeout=120_000)
        drawn: float = page.evaluate("performance.now()")
        return paint, drawn
    finally:
        context.close()


def phone_paints(browser: Browser, app: App, proxy: str, tries: int) -> dict[str, tuple[float, float | None]]:
    """(first paint, app drawn) per address; the light page has no app, so its second figure is None."""
    light = f"{app.url}/app/static/light/index.html"
    out: dict[str, tuple[float, float | None]] = {
        "light start page (static HTML)": (median(phone_first_paint(browser, light) for _ in range(tries)), None)
    }
    addresses = {
        "start page, served directly": (f"{app.url}/", False),
        "start page, through nginx": (f"{proxy}/", False),
        "a stage (deep link), through nginx": (f"{proxy}/pathway?stage=dorsal-horn", False),
        "start page again (warm cache), through nginx": (f"{proxy}/", True),
    }
    for name, (url, repeat) in addresses.items():
        runs = [phone_visit(browser, url, repeat) for _ in range(tries)]
        out[name] = (median(r[0] for r in runs), median(r[1] for r in runs))
    return out


def phone_first_paint(browser: Browser, url: str) -> float:
    """First contentful paint in ms of a first visit on a throttled phone, for a page without the app."""
    context, page = slow_phone(browser)
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        ms: float = page.evaluate(FIRST_PAINT)
        return ms
    finally:
        context.close()


LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_AUDITS = {
    "first-contentful-paint": "first paint",
    "largest-contentful-paint": "largest paint",
    "speed-index": "speed index",
}


def lighthouse_run(url: str) -> dict[str, float]:
    """One Lighthouse run, its default mobile profile (a mid-range phone on slow 4G, simulated), performance only."""
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        out = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            timeout=180,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        **{name: audits[audit]["numericValue"] for audit, name in LIGHTHOUSE_AUDITS.items()},
        "score": report["categories"]["performance"]["score"] * 100,
    }


def lighthouse_paints(app: App, proxy: str, tries: int) -> dict[str, dict[str, float]] | str:
    """Median Lighthouse figures per address, or why Lighthouse was skipped."""
    if not LIGHTHOUSE.exists():
        return "skipped: Lighthouse is not installed (`make bench` installs it with npm when npm is present)"
    addresses = {
        "light start page (static HTML)": f"{app.url}/app/static/light/index.html",
        "start page, served directly": f"{app.url}/",
        "start page, through nginx": f"{proxy}/",
        "a stage (deep link), through nginx": f"{proxy}/pathway?stage=dorsal-horn",
    }
    out = {}
    try:
        for name, url in addresses.items():
            runs = [lighthouse_run(url) for _ in range(tries)]
            out[name] = {key: median(r[key] for r in runs) for key in runs[0]}
    except (subprocess.SubprocessError, OSError, KeyError, ValueError) as err:
        detail = getattr(err, "stderr", b"") or b""
        return f"skipped: Lighthouse failed ({err}; {detail.decode(errors='replace')[-300:]})"
    return out


# ---- the server, over websockets -------------------------------------------------------------------
# Servers for the websocket timings only. Each runs with bench/timed/ on its path, which times every script
# run as Streamlit's own timer does and writes it to a file (RunTimes): that is the app as shipped. Streamlit
# sends its own timer (the page profile message) only with usage statistics on, and then every command also
# collects telemetry, which the app as shipped does not; a second pass with them on reports that figure
# too. Only bench/wsclient.py connects to these servers; no browser loads their pages, so nothing is
# reported anywhere.
PROFILED = ("--browser.gatherUsageStats", "true")
TIMED = ROOT / "bench" / "timed"


class RunTimes:
    """The script runs a timed server (bench/timed/) has finished, in order, read as they are written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen = 0

    def env(self) -> dict[str, str]:
        path = os.pathsep.join(p for p in (str(TIMED), os.environ.get("PYTHONPATH", "")) if p)
        return {"PYTHONPATH": path, "EXPLAINER_BENCH_RUN_TIMES": str(self.path)}

    def take(self) -> float:
        """Milliseconds of the runs finished since the last take (a run replaced by a rerun counts too)."""
        lines = self.path.read_text().splitlines() if self.path.exists() else []
        new, self.seen = lines[self.seen :], len(lines)
        if not new:
            raise RuntimeError(f"no script run was timed in {self.path}; is bench/timed/ on the server's path?")
        return sum(float(ms) for ms in new)


Timings = dict[str, dict[str, float]]


async def server_runs(
    url: str, ref_url: str, tries: int, times: tuple[RunTimes, RunTimes] | None
) -> tuple[Timings, Timings]:
    """Each page's first run in a new session, and each interaction: median script time and round trip.
    With `times` (the app's and the reference's), the script time is the timed servers'; without, it is
    Streamlit's own timer, from servers with usage statistics on."""
    pages: Timings = {}
    actions: Timings = {}

    def script_ms(run: Run, clock: RunTimes | None) -> float:
        if clock is not None:
            return clock.take()
        if run.script_ms is None:
            raise RuntimeError("the server sent no page profile; was it started with usage stats on?")
        return run.script_ms

    def timing(runs: list[tuple[Run, float]]) -> dict[str, float]:
        return {"script": median(ms for _, ms in runs), "trip": median(run.ms for run, _ in runs)}

    app_clock, ref_clock = times if times else (None, None)
    # A live server has other visitors; with none, Streamlit drops its compiled scripts after each visit.
    others = [await Session(u).connect() for u in (url, ref_url)]
    for other in others:
        await other.open()
    for clock in (app_clock, ref_clock):
        if clock is not None:
            clock.take()
    for measured in [Measured("reference (bench/minimal.py)", "/", 0), *PAGES]:
        reference = measured.name.startswith("reference")
        url_here, clock = (ref_url, ref_clock) if reference else (url, app_clock)
        page, _, query = measured.path.strip("/").partition("?")
        runs = []
        for i in range(tries + 1):
            session = await Session(url_here).connect()
            run = await session.open(page, query)
            ms = script_ms(run, clock)
            await session.close()
            if run.exceptions:
                raise RuntimeError(f"{measured.path}: {run.exceptions}")
            if i:
                runs.append((run, ms))
        pages[measured.name] = timing(runs)

    async def interaction(page: str, query: str, act: Callable[[Session, int], Any]) -> dict[str, float]:
        runs = []
        for i in range(tries + 1):
            session = await Session(url).connect()
            await session.open(page, query)
            if app_clock is not None:
                app_clock.take()  # the page's own first run: not this measure
            run = await act(session, i)
            ms = script_ms(run, app_clock)
            await session.close()
            if run.exceptions:
                raise RuntimeError(f"{page}: {run.exceptions}")
            if i:
                runs.append((run, ms))
        return timing(runs)

    actions["select a stage"] = await interaction(
        "pathway", "", lambda s, i: s.change("pathway_stage", string_value=s.options("pathway_stage")[1 + i % 7])
    )
    actions["change the view"] = await interaction(
        "pathway", "", lambda s, i: s.change("pathway_view", string_value=s.options("pathway_view")[1])
    )
    actions["build a comparison"] = await interaction(
        "treatments", "", lambda s, i: s.change("compare", string_array_value=s.options("compare")[i % 3 : i % 3 + 2])
    )
    actions["next slide"] = await interaction("talk", "slide=3", lambda s, i: s.change("talk_next", trigger_value=True))
    for other in others:
        await other.close()
    return pages, actions


def timed_servers(tries: int) -> tuple[Timings, Timings, Timings, Timings]:
    """Script times as shipped (timed servers, usage statistics off), then with usage statistics on
    (Streamlit's own timer): pages and interactions of each."""
    with tempfile.TemporaryDirectory() as tmp:
        clocks = (RunTimes(Path(tmp) / "app.txt"), RunTimes(Path(tmp) / "reference.txt"))
        with start_app(env=clocks[0].env()) as app, start_app(script=REFERENCE, env=clocks[1].env()) as ref:
            shipped = asyncio.run(server_runs(app.url, ref.url, tries, clocks))
    with start_app(options=PROFILED) as app, start_app(script=REFERENCE, options=PROFILED) as ref:
        profiled = asyncio.run(server_runs(app.url, ref.url, tries, None))
    return (*shipped, *profiled)


async def memory(tries: int, sessions: int = 50) -> dict[str, float]:
    """Server RSS with 1 and with `sessions` idle sessions, each having opened one page; fresh server per try."""
    paths = [route.path for route in ROUTES]
    one, many = [], []
    for _ in range(tries):
        with start_app() as app:
            held = [await Session(app.url).connect()]
            await held[0].open("pathway")
            await asyncio.sleep(1)
            one.append(app.rss_mb())
            for i in range(1, sessions):
                session = await Session(app.url).connect()
                await session.open(paths[i % len(paths)])
                held.append(session)
            await asyncio.sleep(2)
            many.append(app.rss_mb())
            for session in held:
                await session.close()
    r1, rn = median(one), median(many)
    return {"rss_1": r1, "rss_n": rn, "sessions": sessions, "per_session": (rn - r1) / (sessions - 1)}


async def throughput(url: str, sessions: int = 20, clicks: int = 5) -> dict[str, dict[str, float]]:
    """Sessions that each act as fast as the server answers, two ways: choosing stages on the pathway (a
    fragment's run, as the browser asks) and opening the pages in turn (a whole page's run each):
    interactions per second and their latency."""
    paths = [route.path.strip("/") for route in ROUTES]

    async def stages(s: Session, k: int) -> Run:
        return await s.change("pathway_stage", string_value=s.options("pathway_stage")[1 + k % 7])

    async def pages(s: Session, k: int) -> Run:
        return await s.open(paths[k % len(paths)])

    out = {}
    for name, act in (("stage choices", stages), ("page visits", pages)):
        held = [await Session(url).connect() for _ in range(sessions)]
        for s in held:
            await s.open("pathway")

        async def user(s: Session, act: Callable[[Session, int], Any] = act) -> list[float]:
            return [(await act(s, k)).ms for k in range(clicks)]

        start = time.perf_counter()
        latencies = sorted(ms for result in await asyncio.gather(*(user(s) for s in held)) for ms in result)
        wall = time.perf_counter() - start
        for s in held:
            await s.close()
        out[name] = {
            "per_second": len(latencies) / wall,
            "p50": median(latencies),
            "p95": latencies[int(0.95 * (len(latencies) - 1))],
            "sessions": sessions,
        }
    return out


# ---- the report ------------------------------------------------------------------------------------
def target_cells(value: float, limit: float | None, unit: str) -> str:
    """The "target | met/missed" cells of a table row, or two empty cells for a figure without a target."""
    return f"<= {limit} {unit} | {verdict(value <= limit)}" if limit is not None else " | "


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def chart_svg(renders: dict[str, float]) -> str:
    """A bar per page: render time as a multiple of the reference page, with its target line."""
    rows = [(p.name, renders[p.name] / renders["reference"], target_render(p.charts)) for p in PAGES]
    scale, left, bar, width = 120, 150, 22, 560
    height = 30 + len(rows) * (bar + 8)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12" role="img" '
        'aria-label="Render time of each page as a multiple of the smallest page">',
        f'<text x="{left}" y="14">render time / smallest page (line: target)</text>',
    ]
    for i, (name, ratio, target) in enumerate(rows):
        y = 24 + i * (bar + 8)
        color = "#0B5563" if ratio <= target else "#B3261E"
        parts += [
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{name}</text>',
            f'<rect x="{left}" y="{y}" width="{ratio * scale:.0f}" height="{bar}" fill="{color}"/>',
            f'<text x="{left + ratio * scale + 4:.0f}" y="{y + 15}">{ratio:.2f}x</text>',
            f'<line x1="{left + target * scale}" x2="{left + target * scale}" y1="{y - 2}" '
            f'y2="{y + bar + 2}" stroke="#1B1F24" stroke-dasharray="3,2"/>',
        ]
    return "\n".join([*parts, "</svg>"]) + "\n"


def report(
    args: argparse.Namespace,
    renders: dict[str, float],
    clicks: dict[str, float],
    pages: Timings,
    actions: Timings,
    profiled_pages: Timings,
    profiled_actions: Timings,
    mem: dict[str, float],
    tp: dict[str, dict[str, float]],
    sizes: dict[tuple[str, str], tuple[float, float]],
    paints: dict[str, tuple[float, float | None]],
    lighthouse: dict[str, dict[str, float]] | str,
    elapsed: float,
) -> str:
    ref = renders["reference"]
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` on {datetime.date.today():%d %B %Y} in {elapsed / 60:.1f} min: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, Streamlit {streamlit.__version__}, "
        f"headless Debian Chromium. Every figure is the median of {args.tries} tries from this one run "
        f"({args.server_tries} for a script run's time); "
        "the machine is shared, so compare ratios, not milliseconds, between runs.",
        "",
        "## Time until fully rendered in headless Chromium",
        "",
        "From navigation start to Streamlit's finished-run signal with the page's last line (the footer) "
        "shown and every chart drawn, in a fresh browser context (a first visit, nothing cached), "
        f"against the smallest page (`bench/minimal.py`: a title and one line) served by the same Streamlit: "
        f"**{ref:.0f} ms**.",
        "",
        "Since 28 November 2026 Chromium runs without the address bar's suggestion popup, a page of its own that "
        "it used to load beside every new browser context and that competed for the processor during each "
        "first visit: every page got about 0.5 s faster, the smallest page most in proportion (1386 ms before), "
        "so the ratios below rose without any page getting slower.",
        "",
        "![Render time of each page as a multiple of the smallest page](benchmarks-render.svg)",
        "",
        "| page or state | address | charts | ms | x reference | target | |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in PAGES:
        ratio = renders[p.name] / ref
        target = target_render(p.charts)
        lines.append(
            f"| {p.name} | `{p.path}` | {p.charts} | {renders[p.name]:.0f} | {ratio:.2f} | "
            f"<= {target}x | {verdict(ratio <= target)} |"
        )
    lines += [
        "",
        "## Server time of one script run",
        "",
        "Measured in a real server driven by a websocket client (`bench/wsclient.py`) that speaks the "
        "browser's protocol. **Script ms** is one run of the script (preparation included) in the app as "
        "shipped, timed inside the server over the same span as Streamlit's own timer by a module the "
        "benchmark's servers load (`bench/timed/`). **With usage statistics** is Streamlit's own timer, "
        "which it reports (in its page profile message) only with usage statistics on, when each command "
        "also collects telemetry the shipped app does not; until 29 November 2026 that was the figure "
        "given here. Those servers serve only this client. **Round trip ms** is the client's view on "
        "loopback, from the rerun request to the script-finished message; for a page it includes opening "
        "a new session, a fixed cost the reference page pays too. A page's run is a first visit in a new "
        "session (every element is sent). A widget inside a fragment (the stage list, the slides' buttons) "
        "reruns only its fragment, as the browser asks; until 29 November 2026 the client here reran the "
        f"whole page for them. Target: median script time <= {TARGET_RUN_MS} ms.",
        "",
        "| run | script ms | with usage statistics ms | round trip ms | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, t in pages.items():
        mark = "(calibration)" if name.startswith("reference") else verdict(t["script"] <= TARGET_RUN_MS)
        with_stats = profiled_pages[name]["script"]
        lines.append(f"| page {name} | {t['script']:.0f} | {with_stats:.0f} | {t['trip']:.0f} | {mark} |")
    lines += [
        f"| {name} | {t['script']:.0f} | {profiled_actions[name]['script']:.0f} | {t['trip']:.0f} | "
        f"{verdict(t['script'] <= TARGET_RUN_MS)} |"
        for name, t in actions.items()
    ]
    lines += [
        "",
        "## A click's round trip in the browser",
        "",
        "From the pointer going down to the finished run with the new content shown "
        f"(localhost). Target: <= {TARGET_CLICK_MS} ms. The stage list is a group of radio buttons since 29 "
        "November 2026; before, a drop-down list, timed from the pointer on a stage in the opened list.",
        "",
        f"| click | ms | before ({BEFORE_DAY}) | target |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {name} | {ms:.0f} | {BEFORE_CLICK_MS.get(name, '')} | {verdict(ms <= TARGET_CLICK_MS)} |"
        for name, ms in clicks.items()
    ]
    lines += [
        "",
        "## Server memory",
        "",
        f"Resident memory of a fresh app server holding idle sessions (each opened one page, the pages "
        f"in turn), median of {args.memory_tries} fresh servers. Target: <= {TARGET_SESSION_MB} MB per "
        "idle session.",
        "",
        "| sessions | RSS MB |",
        "| --- | --- |",
        f"| 1 | {mem['rss_1']:.0f} |",
        f"| {mem['sessions']} | {mem['rss_n']:.0f} |",
        "",
        f"Per idle session: **{mem['per_session']:.2f} MB** ({verdict(mem['per_session'] <= TARGET_SESSION_MB)}).",
        "",
        "## Throughput of one server process",
        "",
        f"{tp['stage choices']['sessions']} sessions acting as fast as the server answers, two ways. "
        "Streamlit runs scripts in threads of one Python process, so one "
        "process uses about one core; a second core serves a second replica (deploy/README.md).",
        "",
        "| the sessions keep | interactions per second | latency median ms | 95th percentile ms |",
        "| --- | --- | --- | --- |",
        *(
            f"| {name} | {t['per_second']:.1f} | {t['p50']:.0f} | {t['p95']:.0f} |"
            for name, t in (
                ("choosing stages on the pathway (a fragment's run each, as the browser asks)", tp["stage choices"]),
                ("opening the pages in turn (a whole page's run each)", tp["page visits"]),
            )
        ),
        "",
        f"**What one 2-core server holds**, from these figures: memory is not the limit "
        f"({mem['per_session']:.2f} MB per idle session, so thousands of open tabs fit in 1 GB); CPU is. "
        f"Counting every interaction as costly as a page visit, two replicas answer about "
        f"{2 * tp['page visits']['per_second']:.0f} a second; at one every 20 s per visitor that is about "
        f"{40 * tp['page visits']['per_second']:.0f} visitors active at the same time before answers slow "
        "down (a stage choice costs less).",
        "",
        "## Bytes of a first visit",
        "",
        "Everything the browser downloads until the page is rendered: HTTP bytes on the wire (headers "
        "included) and websocket bytes, served directly by Streamlit and through deploy/nginx.conf.",
        "",
        f"| page | served | HTTP kB | websocket kB | before (kB, {BEFORE_DAY}) | target | |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (name, how), (http, ws) in sizes.items():
        mark = target_cells(http, TARGET_BYTES_KB.get((name, how)), "kB")
        lines.append(f"| {name} | {how} | {http:.0f} | {ws:.0f} | {BEFORE_BYTES_KB.get((name, how), '')} | {mark} |")
    if STALLED:
        lines += [
            "",
            f"**{len(STALLED)} visit(s) stalled** (no finished render within 30 s; retried once, the "
            "retry's time counted): connection state, script state, charts, end of the page text:",
            "",
        ]
        lines += [f"- `{line}`" for line in STALLED]
    lines += [
        "",
        "## First paint on a simulated phone",
        "",
        "A first visit at 390x844 with Chromium's own throttling set to Lighthouse's slow-4G phone (150 ms "
        "round trip, 1.6 Mbit/s down, CPU 4x slower), applied to a real load: time to the first "
        "contentful paint, and the time until the app has drawn its own first heading (through nginx the "
        "first paint is the first screen nginx writes into the page: the guide's name, that it is loading, "
        "and a link to the light pages; the app replaces it when its scripts have run). Lighthouse's own "
        "figures, simulated from an unthrottled load, follow.",
        "",
        f"| what | first paint ms | app drawn ms | first paint before ({BEFORE_DAY}) | target | |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, (paint, drawn) in paints.items():
        mark = target_cells(paint, TARGET_PAINT_MS.get(name), "ms")
        shown = "" if drawn is None else f"{drawn:.0f}"
        lines.append(f"| {name} | {paint:.0f} | {shown} | {BEFORE_PAINT_MS.get(name, '')} | {mark} |")
    lines += [
        "",
        "## Lighthouse on a simulated phone",
        "",
        "Lighthouse 12 (npm, pinned in `bench/lighthouse/`) pointed at Debian's Chromium, with its default "
        "mobile profile: a mid-range phone on slow 4G (150 ms round trip, 1.6 Mbit/s down, CPU 4x slower), "
        "throttling simulated from an unthrottled load; performance category only, median of 3 runs.",
        "",
    ]
    if isinstance(lighthouse, str):
        lines.append(lighthouse[0].upper() + lighthouse[1:] + ".")
    else:
        lines += [
            "| what | first paint ms | largest paint ms | speed index ms | performance score | first paint "
            "before | target | |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {name} | {r['first paint']:.0f} | {r['largest paint']:.0f} | {r['speed index']:.0f} | "
            f"{r['score']:.0f} | {BEFORE_LIGHTHOUSE_MS.get(name, '')} | "
            f"{target_cells(r['first paint'], TARGET_PAINT_MS.get(name), 'ms')} |"
            for name, r in lighthouse.items()
        ]
    lines.append("")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tries", type=int, default=5)
    parser.add_argument("--memory-tries", type=int, default=3)
    # A script run takes milliseconds: more tries cost little and steady the median on a shared machine.
    parser.add_argument("--server-tries", type=int, default=15)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    start = time.monotonic()
    print("server time of script runs", flush=True)
    pages, actions, profiled_pages, profiled_actions = timed_servers(args.server_tries)
    with start_app() as app, start_app(script=REFERENCE) as ref:
        print("throughput", flush=True)
        tp = asyncio.run(throughput(app.url))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_CHROMIUM_ARGS)
            print("render times", flush=True)
            renders = render_times(browser, app, ref, args.tries)
            print("click round trips", flush=True)
            clicks = click_times(browser, app, args.tries)
            with behind_nginx(app) as proxy:
                print("bytes of a first visit", flush=True)
                sizes = download_sizes(browser, app, proxy, 3)
                print("first paint on a simulated phone", flush=True)
                paints = phone_paints(browser, app, proxy, 3)
                print("Lighthouse", flush=True)
                lighthouse = lighthouse_paints(app, proxy, 3)
            browser.close()
    print("memory", flush=True)
    mem = asyncio.run(memory(args.memory_tries))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    (args.out.parent / "benchmarks-render.svg").write_text(chart_svg(renders))
    args.out.write_text(
        report(
            args,
            renders,
            clicks,
            pages,
            actions,
            profiled_pages,
            profiled_actions,
            mem,
            tp,
            sizes,
            paints,
            lighthouse,
            time.monotonic() - start,
        )
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
