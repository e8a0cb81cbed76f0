"""Browser tests: the app on a free local port, driven by Playwright in Debian's Chromium.

Under pytest-xdist each worker is its own pytest session, so the session fixtures below (the app server,
the browser) exist once per worker. Apps start through deploy/processes.py, as `make serve` and the
benchmark start them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from deploy.processes import CHROMIUM, PLAYWRIGHT_CHROMIUM_ARGS, App, start_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
# expect() retries until this long; two workers share two cores, so a run can take a few seconds.
expect.set_options(timeout=15_000)

StartApp = Callable[..., App]
# One renderer process for every tab of a site in a browser context, as Chromium does under memory pressure:
# a new tab then starts in a process that has Streamlit's JavaScript compiled already, about 1 s sooner
# (2.2 s -> 1.4 s for /pathway). Tests only; the benchmark measures Chromium's usual process per tab.
TEST_CHROMIUM_ARGS = [*PLAYWRIGHT_CHROMIUM_ARGS, "--process-per-site"]


@pytest.fixture(scope="session")
def start_app_server() -> Iterator[StartApp]:
    """The one way a browser test gets an app: `start_app_server(label, content_dir=..., env=...)` starts
    `python -m explainer.serve` on a free port, logs to tests/e2e/artifacts/<label>-<worker>-<n>.log, and
    returns the running App (url, log_text(), stop()). Every app still running stops when the session ends."""
    started: list[App] = []

    def start(label: str = "app", **options: Any) -> App:
        log = ARTIFACTS / f"{label}-{WORKER}-{len(started)}.log"
        app = start_app(log=log, **options)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


@pytest.fixture(scope="session")
def app_url(start_app_server: StartApp) -> str:
    """The app most tests share, one per test worker."""
    return start_app_server("app").url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.exit(
            f"Browser tests need Chromium at {CHROMIUM}: `make test` installs it as root, "
            "or run sudo apt-get install -y chromium",
            returncode=1,
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=TEST_CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context per worker for tests that need no first visit: its cache holds Streamlit's 4 MB
    of JavaScript, which a fresh context downloads and compiles again (about 2 s a visit). Tests about
    what a first-time visitor's browser does (privacy, console) make their own with quality.new_visitor."""
    context = new_context(browser, viewport=PHONE, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    """A new tab at phone size; Streamlit gives every tab its own session."""
    page = shared_context.new_page()
    yield page
    page.close()


@pytest.fixture(scope="module")
def tab(shared_context: BrowserContext) -> Iterator[Page]:
    """One tab that a module's tests take turns with, for tests that only open an address and look: each
    visit() is a full navigation and a new Streamlit session, and a tab that stays open keeps its compiled
    JavaScript, which halves the time of a visit. Each test sets the viewport it needs."""
    page = shared_context.new_page()
    yield page
    page.close()


# Installed in every page before its scripts run (new_context below): counts Streamlit's finished runs and
# notes the last input, so a wait knows whether the run it waits for has happened, without fixed pauses.
RUN_WATCH = """(() => {
  const runs = {finished: 0, changed: 0, input: -1, app: null, state: null};
  window.__streamlitRuns = runs;
  const look = () => {
    const state = runs.app.dataset.testScriptState;
    if (state === runs.state) return;
    if (state === 'notRunning') runs.finished++;
    runs.state = state;
    runs.changed = performance.now();
  };
  const find = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app === runs.app) return;
    runs.app = app;
    look();
    new MutationObserver(look).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  };
  new MutationObserver(find).observe(document, {childList: true, subtree: true});
  for (const type of ['pointerdown', 'keydown', 'input'])
    addEventListener(type, () => { runs.input = performance.now(); }, true);
})()"""
# How long an input may go unanswered before it is taken as one that starts no run (opening a panel,
# moving focus): Streamlit's own suite gives widgets this long to send their change.
DEBOUNCE_MS = 250
IDLE = """debounce => {
  const runs = window.__streamlitRuns;
  if (!runs) throw new Error('this page was not opened in a context from new_context(), so its runs are not watched');
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== 'CONNECTED' || app.dataset.testScriptState !== 'notRunning')
    return false;
  if (runs.finished < 1) return false;
  return !(runs.input > runs.changed && performance.now() - runs.input < debounce);
}"""


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    """A browser context whose pages report Streamlit's runs to wait_idle and settle."""
    context = browser.new_context(**options)
    context.add_init_script(RUN_WATCH)
    return context


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Streamlit's own signal that a run has finished (the app connected, its script state notRunning), for
    a run that started after the page opened and after the last click or key press, if that input started
    one within the debounce."""
    page.wait_for_function(IDLE, arg=DEBOUNCE_MS, polling="raf", timeout=timeout)


DRAWN = """() => document.querySelector('[data-testid="stApp"]').dataset.testScriptState
        === 'notRunning'
    && !document.querySelector('[data-testid^="stSkeleton"], [data-testid="stAppSkeleton"], [data-stale="true"]')
    && [...document.querySelectorAll('[data-testid="stVegaLiteChart"], .drawn-chart')]
        .every(chart => chart.querySelector('svg, canvas')
            || [...chart.querySelectorAll('img')].some(i => i.complete && i.naturalWidth > 0 && i.offsetWidth > 0))
    && [...document.querySelectorAll('.drawn-chart[data-drawn^="pathway-"]')].every(f => f.querySelector('svg'))"""


def settle(page: Page, timeout: float = 30_000) -> None:
    """wait_idle, then until Streamlit's lazily loaded elements have replaced their skeletons, nothing left
    from an earlier run is shown, and every chart has drawn. A finished run is not yet a finished page:
    widgets such as the multiselect arrive in a separate bundle a moment later, more so on a busy machine,
    and a first visit may run the script twice. So the same signals are awaited a second time."""
    for _ in range(2):
        wait_idle(page, timeout)
        page.wait_for_function(DRAWN, timeout=timeout)


def visit(page: Page, url: str) -> Page:
    page.goto(url)
    settle(page)
    return page


def arrow_to(page: Page, path_and_query: str) -> None:
    """The right arrow key, as a presenter moves to the next slide, until the address shows the slide and its
    run has finished with every chart drawn."""
    page.keyboard.press("ArrowRight")
    wait_for_address(page, path_and_query)
    settle(page)


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


FOCUSED_LABEL = """() => { const e = document.activeElement; if (!e) return '';
    const byId = e.getAttribute('aria-labelledby');
    const labelled = byId ? (document.getElementById(byId) || {}).innerText : '';
    const text = ['BUTTON', 'SUMMARY'].includes(e.tagName) ? e.innerText : '';
    return [e.getAttribute('aria-label'), labelled, text, e.labels && e.labels[0]
            && e.labels[0].innerText].filter(Boolean).join(' '); }"""


def tab_to(page: Page, label: str, limit: int = 200) -> None:
    """Press Tab until the focused control's accessible label contains `label`, as a keyboard user would."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_LABEL) or ""
        if label in focused:
            return
        seen.append(focused[:40])
    raise AssertionError(f"no control labelled {label!r} reached with Tab; passed {seen}")


def wait_for_address(page: Page, path_and_query: str, timeout: float = 15_000) -> None:
    """Wait until the address bar shows this path and query (Streamlit rewrites it in place and may
    percent-encode the commas of a list, which reads back the same); fail naming the address it shows."""
    try:
        page.wait_for_function(
            "want => decodeURIComponent(location.pathname + location.search) === want",
            arg=path_and_query,
            timeout=timeout,
        )
    except PlaywrightTimeout:
        shown = page.evaluate("() => decodeURIComponent(location.pathname + location.search)")
        raise AssertionError(f"the address bar shows {shown!r}, not {path_and_query!r}") from None
