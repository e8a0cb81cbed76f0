"""What the quality checks visit and record: every page and state from the route registry, axe, traffic."""

from __future__ import annotations

from dataclasses import dataclass, field

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, BrowserContext, Dialog, Page

from explainer.routes import ROUTES
from tests.e2e.conftest import PHONE, new_context, settle

# A valid value for every parameter of the link contract; a parameter with several values opens one state
# for each (slide 3 draws the pathway, slide 10 the closing QR code). A new parameter needs a value here:
# test_smoke checks that none is missing.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "stage": ("dorsal-horn",),
    "view": ("chronic",),
    "treatment": ("spinal-cord-stimulation",),
    "compare": ("massage,spine-surgery",),
    "matters": ("avoid-surgery:2,low-risk:1",),
    "ask": ("goal",),
    "slide": ("3", "10"),
    "term": ("wind-up",),
}


def _states() -> list[str]:
    """For each page with link parameters, links that set all of them at once."""
    links = []
    for route in ROUTES:
        params = [p for p in route.params if p in EXAMPLES]
        for i in range(max((len(EXAMPLES[p]) for p in params), default=0)):
            query = "&".join(f"{p}={EXAMPLES[p][min(i, len(EXAMPLES[p]) - 1)]}" for p in params)
            links.append(f"{route.href}?{query}")
    return links


# Every page, and the states shared links open.
PAGES = [route.href for route in ROUTES]
STATES = _states()
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def reveal_everything(page: Page, limit: int = 12_000) -> None:
    """Make the viewport as tall as the content. Streamlit scrolls inside its own containers, and axe
    skips text clipped by a scroll container, so without this it checks only the first screen."""
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
                   ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebarContent"], '
                                                   + '[data-testid="stAppViewContainer"], section, div')]
                      .filter(e => e.scrollHeight > e.clientHeight + 1)
                      .map(e => e.scrollHeight))"""
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, limit)})
    settle(page)


def run_axe(page: Page, exclude: list[str] | None = None, tags: list[str] | None = None) -> list[dict]:
    """axe-core (bundled by axe-playwright-python, so no download) on the page; returns its violations."""
    page.evaluate(AXE_SCRIPT)
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude or []]}
    options = {"runOnly": {"type": "tag", "values": tags or WCAG_22_AA}, "resultTypes": ["violations"]}
    return page.evaluate(
        "([context, options]) => axe.run(context, options).then(r => r.violations)", [context, options]
    )


def serious_violations(page: Page, exclude: list[str] | None = None) -> list[dict]:
    """axe's violations of impact serious or critical: the ones the tests do not allow."""
    return [v for v in run_axe(page, exclude=exclude) if v["impact"] in ("serious", "critical")]


def describe_violations(violations: list[dict], where: str) -> str:
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}) {v['help']} - {len(v['nodes'])} element(s)")
        for node in v["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            target = " > ".join(map(str, node["target"]))
            lines.append(f"    {target}\n      {node['html'][:200]}\n      {summary[:300]}")
    return "\n".join(lines)


@dataclass
class Traffic:
    """What a visitor's browser did while pages were open: every request, failure, error and dialog."""

    requests: list[str] = field(default_factory=list)
    failed_responses: list[tuple[int, str]] = field(default_factory=list)
    failed_requests: list[tuple[str, str]] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, source url)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.failed_responses.append((r.status, r.url)))
        page.on("requestfailed", lambda r: self.failed_requests.append((r.url, r.failure or "")))
        page.on(
            "console",
            lambda m: m.type == "error" and self.console_errors.append((m.text, (m.location or {}).get("url", ""))),
        )
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

        def dismiss(dialog: Dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", dismiss)
        return page


def new_visitor(browser: Browser, viewport: dict[str, int] | None = None) -> tuple[BrowserContext, Page, Traffic]:
    """A fresh browser context (its own cookies and storage) with one watched page."""
    context = new_context(browser, viewport=viewport or PHONE)
    traffic = Traffic()
    page = traffic.watch(context.new_page())
    return context, page, traffic
