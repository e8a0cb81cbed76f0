"""Broken content in a browser: visitors see a friendly page, staff find the exact problem in the server log."""

import re
import shutil
import time

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT, StartApp, visit
from tests.e2e.quality import new_visitor

MESSAGE = "content/treatments.yaml: treatment 'massage': field 'tier' must be 1-6"
UPDATING = "This guide is being updated"
TITLE = "Pain after back surgery"
# The module's tests share its broken app: under pytest-xdist they run in one worker, which starts it once.
pytestmark = pytest.mark.xdist_group("broken-content")


def _title(page: Page):
    return page.locator("h1").first


@pytest.fixture(scope="module")
def broken_app(tmp_path_factory, start_app_server: StartApp):
    """The app on a copy of the content where massage sits on a tier that does not exist."""
    content_copy = tmp_path_factory.mktemp("broken") / "content"
    shutil.copytree(ROOT / "content", content_copy)
    treatments = content_copy / "treatments.yaml"
    text = treatments.read_text(encoding="utf-8")
    broken, count = re.subn(r"(- id: massage\n(?:    .*\n)*?    tier: )1\n", r"\g<1>9\n", text)
    assert count == 1, "the massage entry and its tier were not found in treatments.yaml"
    treatments.write_text(broken, encoding="utf-8")
    app = start_app_server("broken", content_dir=content_copy)
    yield app
    app.stop()


@pytest.mark.parametrize("path", ["/", "/treatments?compare=massage,spine-surgery"])
def test_broken_content_shows_a_friendly_page_and_logs_the_exact_problem(browser, broken_app, path):
    context, page, traffic = new_visitor(browser)
    try:
        visit(page, broken_app.url + path)
        expect(_title(page)).to_have_text(UPDATING)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        for detail in ("Traceback", "ValidationError", "treatments.yaml"):
            expect(page.locator("body")).not_to_contain_text(detail)
        assert traffic.page_errors == []
    finally:
        context.close()
    # The app prints the problem as it renders; give the log a moment to reach the file.
    deadline = time.monotonic() + 10
    while MESSAGE not in broken_app.log_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert MESSAGE in broken_app.log_text(), broken_app.log_text()[-2000:]


def test_staff_edits_show_on_the_next_visit_without_a_restart(browser, start_app_server: StartApp, content_copy):
    """The server does not watch source files (for speed), so content/ must still be read afresh when it changes."""
    app = start_app_server("edited", content_dir=content_copy)
    home = content_copy / "pages" / "home.md"
    original = home.read_text(encoding="utf-8")
    context, page, _ = new_visitor(browser)
    try:
        visit(page, app.url + "/")
        expect(_title(page)).to_have_text(TITLE)
        home.write_text(original.replace(f'title: "{TITLE}"', 'title: "Back pain after surgery"'), encoding="utf-8")
        visit(page, app.url + "/")
        expect(_title(page)).to_have_text("Back pain after surgery")
        # A mistake while editing: visitors get the friendly page, and the guide is back once it is fixed.
        home.write_text(original.replace("title:", "titel:"), encoding="utf-8")
        visit(page, app.url + "/")
        expect(_title(page)).to_have_text(UPDATING)
        home.write_text(original, encoding="utf-8")
        visit(page, app.url + "/")
        expect(_title(page)).to_have_text(TITLE)
    finally:
        context.close()
        app.stop()
