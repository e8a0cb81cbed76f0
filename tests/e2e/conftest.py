"""Browser tests: the app on a free local port, driven by Playwright in Debian's Chromium."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
# Without these flags Chromium keeps calling out to a network that is closed here.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-gpu", "--no-sandbox"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(content_dir: Path | None = None, env: dict | None = None):
    """Start the app as `make run` does, on a free port; returns (process, base url, log path)."""
    port = _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"server-{port}.log"
    environment = {**os.environ, **(env or {})}
    if content_dir:
        environment["EXPLAINER_CONTENT_DIR"] = str(content_dir)
    proc = subprocess.Popen(
        [sys.executable, "-m", "explainer.serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc, url, log
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"the app did not start; see {log}:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def app_url():
    proc, url, _ = start_app()
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.exit(f"Browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium", returncode=1)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Streamlit's own signal that a run has finished, as in its end-to-end suite."""
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout)
    page.wait_for_timeout(250)  # widget debounce before the rerun starts
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)


DRAWN = """() => document.querySelector('[data-testid="stApp"]').dataset.testScriptState
        === 'notRunning'
    && !document.querySelector('[data-testid^="stSkeleton"], [data-testid="stAppSkeleton"], [data-stale="true"]')
    && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
        .every(chart => chart.querySelector('svg, canvas'))"""


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


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def tab_to(page: Page, label: str, limit: int = 200) -> None:
    """Press Tab until the focused control's accessible label contains `label`, as a keyboard user would."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement; if (!e) return '';
                 const byId = e.getAttribute('aria-labelledby');
                 const labelled = byId ? (document.getElementById(byId) || {}).innerText : '';
                 const text = e.tagName === 'BUTTON' ? e.innerText : '';
                 return [e.getAttribute('aria-label'), labelled, text, e.labels && e.labels[0]
                         && e.labels[0].innerText].filter(Boolean).join(' '); }""")
        if label in (focused or ""):
            return
        seen.append((focused or "")[:40])
    raise AssertionError(f"no control labelled {label!r} reached with Tab; passed {seen}")


def wait_for_address(page: Page, path_and_query: str, timeout: float = 15_000) -> None:
    """Wait until the address bar shows this path and query (Streamlit rewrites it in place and may
    percent-encode the commas of a list, which reads back the same)."""
    page.wait_for_function("want => decodeURIComponent(location.pathname + location.search) === want",
                           arg=path_and_query,
                           timeout=timeout)

