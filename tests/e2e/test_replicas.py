"""Two replicas behind nginx with sticky sessions: 40 sessions across them, one replica stops, the rest holds."""

from __future__ import annotations

import asyncio
import concurrent.futures
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from bench.wsclient import Session, affinity_cookie
from deploy.processes import App, Cluster, cluster, find_nginx
from explainer.routes import ROUTES
from tests.e2e.conftest import ARTIFACTS, new_context, visit
from tests.e2e.quality import EXAMPLES

SESSIONS = 40
# Each page, opened by its path and a query that sets its first parameter.
PAGES = [(r.path, f"{r.params[0]}={EXAMPLES[r.params[0]][0]}" if r.params else "") for r in ROUTES]

pytestmark = pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (apt-get install -y nginx)")


@pytest.fixture(scope="module")
def replicas() -> Iterator[Cluster]:
    """Two app replicas and nginx in front, all on loopback, logging to tests/e2e/artifacts/replicas/."""
    with cluster(2, log_dir=ARTIFACTS / "replicas") as running:
        yield running


async def _visit(url: str, page: str, query: str, cookie: str | None = None) -> Session:
    session = await Session(url, cookie=cookie if cookie is not None else affinity_cookie(url)).connect()
    run = await session.open(page, query)
    assert run.exceptions == []
    assert any("Last reviewed" in text for text in session.texts)
    return session


async def _alive(session: Session) -> bool:
    try:
        await session.open("learn", timeout=10)
        return True
    except Exception:
        return False


async def _scenario(url: str, replicas: list[App]) -> dict[str, int]:
    sessions = await asyncio.gather(*(_visit(url, *PAGES[i % len(PAGES)]) for i in range(SESSIONS)))
    assert len({s.cookie for s in sessions}) == SESSIONS  # each visitor got its own affinity cookie

    replicas[0].proc.terminate()
    replicas[0].proc.wait(timeout=15)
    alive = await asyncio.gather(*(_alive(s) for s in sessions))
    survivors = [s for s, ok in zip(sessions, alive, strict=True) if ok]
    dropped = [s for s, ok in zip(sessions, alive, strict=True) if not ok]

    # Sessions on the surviving replica keep their state: an interaction still works.
    for s in survivors[:5]:
        await s.open("talk", "slide=1")
        await s.change("talk_next", trigger_value=True)
        assert s.query_string == "slide=2"
    # A dropped visitor's tab reconnects with its old cookie and is served by the other replica.
    reconnected = [await _visit(url, "pathway", "", cookie=s.cookie) for s in dropped[:5]]
    # New visits are served.
    fresh = await asyncio.gather(*(_visit(url, *PAGES[i % len(PAGES)]) for i in range(10)))
    for s in [*sessions, *reconnected, *fresh]:
        await s.close()
    return {"survivors": len(survivors), "dropped": len(dropped)}


def test_sessions_survive_when_one_replica_stops(replicas: Cluster, browser):
    url = replicas.url
    # Playwright's sync API owns this thread's event loop, so the websocket sessions get a thread of their own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        counts = pool.submit(asyncio.run, asyncio.wait_for(_scenario(url, replicas.apps), 150)).result()
    # Both replicas held sessions: stopping one dropped some, and left the others working.
    assert counts["dropped"] > 0 and counts["survivors"] > 0, counts
    for path in ("/", "/pathway", "/_stcore/health"):
        with urllib.request.urlopen(url + path, timeout=10) as response:
            assert response.status == 200
    # A real browser visit through nginx after the failover: rendered, the diagram drawn (its component's
    # script loaded and its drawing fetched under the production policy), no CSP violation.
    context = new_context(
        browser,
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    visit(page, url + "/pathway?stage=thalamus")
    expect(page.get_by_text("Last reviewed").first).to_be_attached()
    expect(page.locator(".drawn-chart svg").first).to_be_visible()
    assert [e for e in errors if "404" not in e] == []
    context.close()
