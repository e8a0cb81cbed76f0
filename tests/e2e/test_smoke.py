"""Every page in a real browser, at phone and projector size: it renders, keeps its frame, stays on this host."""
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import PHONE, PROJECTOR, screenshot, start_app, visit

PAGES = ["/", "/pathway", "/treatments", "/talk", "/learn",
         "/pathway?stage=dorsal-horn&view=chronic&treatment=spinal-cord-stimulation",
         "/treatments?compare=massage,spine-surgery", "/talk?slide=10", "/learn?term=wind-up"]
# Streamlit probes these under a page's sub-path before it finds its own root; the 404s are its own.
STREAMLIT_PROBES = ("/_stcore/health", "/_stcore/host-config")


def _name(path: str) -> str:
    return path.strip("/").replace("?", "-").replace("&", "-").replace("=", "_").replace(",", "_") or "home"


@pytest.mark.parametrize("size", ["phone", "projector"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_in_the_browser(page, app_url, path, size):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_viewport_size(PHONE if size == "phone" else PROJECTOR)
    visit(page, app_url + path)
    screenshot(page, f"{size}-{_name(path)}")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.is_visible()
    assert page.get_by_text("not medical advice").count() >= 1
    assert page.get_by_text("Last reviewed").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    host = urlsplit(app_url).netloc
    outside = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != host]
    assert outside == []
    errors = [e for e in page.console_errors if "404" not in e]
    assert errors == []


def test_a_deep_link_is_the_first_visit_of_a_fresh_server(browser):
    """A fresh server's first visitor may arrive by a shared link; the page still has its frame."""
    proc, url, _ = start_app()
    try:
        context = browser.new_context(viewport=PHONE)
        page = visit(context.new_page(), url + "/treatments?compare=massage,spine-surgery")
        assert page.get_by_text("Last reviewed").count() == 1
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_role("dialog").count() == 0
        assert page.locator('[data-testid="stSidebarNav"]').count() == 1
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("light, interactive", [("index.html", "/"), ("pathway.html", "/pathway"),
                                                ("treatments.html", "/treatments"), ("learn.html", "/learn")])
def test_the_app_serves_each_light_page_and_it_leads_to_the_interactive_view(page, app_url, light, interactive):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    response = page.goto(f"{app_url}/app/static/light/{light}")
    assert response.status == 200 and response.headers["content-type"].startswith("text/html")
    assert requests == [f"{app_url}/app/static/light/{light}"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    link = page.get_by_role("link", name="Open the interactive explainer").first
    assert link.get_attribute("href") == interactive


def test_share_panel_offers_the_light_page(page, app_url):
    visit(page, app_url + "/treatments")
    page.get_by_text("Share this view").click()
    link = page.get_by_role("link", name="Slow connection?", exact=False)
    assert link.get_attribute("href") == f"{app_url}/app/static/light/treatments.html"
