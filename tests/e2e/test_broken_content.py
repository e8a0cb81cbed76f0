"""Broken content in a browser: visitors see a friendly page, staff find the exact problem in the server log."""
import re
import shutil
import time

import pytest

from tests.e2e.conftest import ROOT, start_app, visit
from tests.e2e.quality import new_visitor

MESSAGE = "content/treatments.yaml: treatment 'massage': field 'tier' must be 1-6"


@pytest.fixture(scope="module")
def broken_app(tmp_path_factory):
    """The app on a copy of the content where massage sits on a tier that does not exist."""
    content_copy = tmp_path_factory.mktemp("broken") / "content"
    shutil.copytree(ROOT / "content", content_copy)
    treatments = content_copy / "treatments.yaml"
    text = treatments.read_text(encoding="utf-8")
    broken, count = re.subn(r"(- id: massage\n(?:    .*\n)*?    tier: )1\n", r"\g<1>9\n", text)
    assert count == 1, "the massage entry and its tier were not found in treatments.yaml"
    treatments.write_text(broken, encoding="utf-8")
    proc, url, log = start_app(content_dir=content_copy)
    yield url, log
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("path", ["/", "/treatments?compare=massage,spine-surgery"])
def test_broken_content_shows_a_friendly_page_and_logs_the_exact_problem(browser, broken_app, path):
    url, log = broken_app
    context, page, traffic = new_visitor(browser)
    try:
        visit(page, url + path)
        assert page.locator("h1").first.inner_text().strip() == "This guide is being updated"
        assert page.locator('[data-testid="stException"]').count() == 0
        text = page.locator("body").inner_text()
        assert "Traceback" not in text and "ValidationError" not in text and "treatments.yaml" not in text
        assert traffic.page_errors == []
    finally:
        context.close()
    # The app prints the problem as it renders; give the log a moment to reach the file.
    deadline = time.monotonic() + 10
    while MESSAGE not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert MESSAGE in log.read_text(encoding="utf-8"), log.read_text(encoding="utf-8")[-2000:]


@pytest.fixture
def app_on_a_copy(tmp_path):
    content_copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", content_copy)
    proc, url, log = start_app(content_dir=content_copy)
    yield url, content_copy
    proc.terminate()
    proc.wait(timeout=10)


def test_staff_edits_show_on_the_next_visit_without_a_restart(browser, app_on_a_copy):
    """The server does not watch source files (for speed), so content/ must still be read afresh when it changes."""
    url, content_copy = app_on_a_copy
    home = content_copy / "pages" / "home.md"
    original = home.read_text(encoding="utf-8")
    context, page, _ = new_visitor(browser)
    try:
        visit(page, url + "/")
        assert page.locator("h1").first.inner_text().strip() == "Pain after back surgery"
        home.write_text(original.replace('title: "Pain after back surgery"', 'title: "Back pain after surgery"'),
                        encoding="utf-8")
        visit(page, url + "/")
        assert page.locator("h1").first.inner_text().strip() == "Back pain after surgery"
        # A mistake while editing: visitors get the friendly page, and the guide is back once it is fixed.
        home.write_text(original.replace("title:", "titel:"), encoding="utf-8")
        visit(page, url + "/")
        assert page.locator("h1").first.inner_text().strip() == "This guide is being updated"
        home.write_text(original, encoding="utf-8")
        visit(page, url + "/")
        assert page.locator("h1").first.inner_text().strip() == "Pain after back surgery"
    finally:
        context.close()
