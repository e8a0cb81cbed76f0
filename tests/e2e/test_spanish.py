"""The guide in Spanish as a Spanish-speaking visitor meets it: every page and state, the slides and the
handout with no English sentence of the guide left on screen, the browser's language obeyed, the switch,
links that keep the language, and no serious accessibility violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from explainer import content as content_module
from explainer import routes
from explainer.content import read
from explainer.content.translation import CLINIC_FILE
from tests.e2e.conftest import PHONE, PROJECTOR, ROOT, arrow_to, new_context, visit
from tests.e2e.quality import PAGES, STATES, describe_violations, reveal_everything, serious_violations
from tests.html_text import Html

ENGLISH, SPANISH = ROOT / "content", ROOT / "content" / "es"


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return " ".join(re.sub(r"[#*_>`|]+", " ", text).split())


def _pairs(english: Any, spanish: Any) -> Iterator[tuple[str, str]]:
    """Every English text with the Spanish that stands in its place."""
    if isinstance(english, dict):
        for key, value in english.items():
            yield from _pairs(value, spanish[key])
    elif isinstance(english, list):
        for a, b in zip(english, spanish, strict=True):
            yield from _pairs(a, b)
    elif isinstance(english, str):
        yield english, spanish


def english_sentences() -> set[str]:
    """Sentences of four words or more that the Spanish translates (so they must not be on a Spanish
    screen); source titles are citations and stay as published, so they are left out."""
    pairs: list[tuple[str, str]] = []
    for path in sorted(p for p in ENGLISH.glob("*.yaml") if p.name != CLINIC_FILE):  # one file, not translated
        en, es = yaml.safe_load(path.read_text()), yaml.safe_load((SPANISH / path.name).read_text())
        if path.name == "sources.yaml":
            en = [{k: v for k, v in s.items() if k != "title"} for s in en["sources"]]
            es = [{k: v for k, v in s.items() if k != "title"} for s in es["sources"]]
        pairs += list(_pairs(en, es))
    for page_id in routes.PAGE_IDS:
        _, en_body = read.read_page(ENGLISH / "pages" / f"{page_id}.md", ENGLISH)
        _, es_body = read.read_page(SPANISH / "pages" / f"{page_id}.md", ENGLISH)
        pairs.append((en_body, es_body))
    found = set()
    for en, es in pairs:
        if _plain(en) == _plain(es):
            continue
        for sentence in re.split(r"(?<=[.!?:])\s+|\n+", _plain(en)):
            if len(sentence.split()) >= 4 and sentence not in _plain(es):
                found.add(sentence.rstrip(".:"))
    return found


@pytest.fixture(scope="module")
def untranslated() -> set[str]:
    return english_sentences()


def _english_left(text: str, sentences: set[str]) -> list[str]:
    flat = " ".join(text.split())
    return sorted(s for s in sentences if s in flat)


def _in_spanish(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang=es"


SPANISH_VIEWS = [_in_spanish(path) for path in PAGES + STATES]
SLIDES = [f"/talk?slide={n}&lang=es" for n in range(1, len(content_module.load(ENGLISH).slides) + 1)]


# Each page's first view is checked with axe at phone size; where the text check visits it at that size, on
# the same visit (a visit is most of a browser test's time). The talk page's text is read at projector size.
SPANISH_PAGES = [_in_spanish(path) for path in PAGES]
AXE_ON_THE_TEXT_VISIT = [p for p in SPANISH_PAGES if not p.startswith("/talk")]


@pytest.mark.parametrize("path", SPANISH_VIEWS)
def test_no_english_sentence_is_left_on_a_spanish_screen(tab: Page, app_url: str, untranslated, path: str) -> None:
    tab.set_viewport_size(PROJECTOR if path.startswith("/talk") else PHONE)
    visit(tab, app_url + path)
    expect(tab.locator("html")).to_be_attached()
    reveal_everything(tab)
    if path in AXE_ON_THE_TEXT_VISIT:  # before anything is opened, as a visitor first sees the page
        _no_serious_violation(tab, path)
    _no_english_left(tab, untranslated, path)


def _no_english_left(tab: Page, untranslated: set[str], where: str) -> None:
    # What a visitor can open must be Spanish too: every expander of the page, opened.
    tab.evaluate("""() => document.querySelectorAll('[data-testid="stMain"] details')
                           .forEach(d => { d.open = true; })""")
    text = tab.locator('[data-testid="stApp"]').inner_text()
    assert not _english_left(text, untranslated), f"{where}: {_english_left(text, untranslated)[:5]}"


def test_no_english_sentence_is_left_on_any_spanish_slide(tab: Page, app_url: str, untranslated) -> None:
    """Every slide of a Spanish talk, stepped through with the arrow key as a presenter does."""
    spanish = content_module.load(ENGLISH, "es")
    tab.set_viewport_size(PROJECTOR)
    visit(tab, app_url + SLIDES[0])
    expect(tab.get_by_role("heading", level=1)).to_have_text(spanish.slides[0].title)
    for n, path in enumerate(SLIDES, 1):
        if n > 1:
            arrow_to(tab, path)
        reveal_everything(tab)
        _no_english_left(tab, untranslated, path)
        tab.set_viewport_size(PROJECTOR)


def test_the_handout_and_summary_are_in_spanish(page: Page, app_url: str, untranslated) -> None:
    visit(page, app_url + "/treatments?compare=massage,spinal-cord-stimulation&matters=low-risk:2&lang=es")
    spanish = content_module.load(ENGLISH, "es")
    for key in ("treatments.download", "summary.download"):
        with page.expect_download() as download:
            page.get_by_role("button", name=spanish.text(key)).click()
        html = Path(download.value.path()).read_text(encoding="utf-8")
        doc = Html(html)
        assert '<html lang="es">' in html
        assert not _english_left(doc.text, untranslated), _english_left(doc.text, untranslated)[:5]
        assert "lang=es" in doc.text


def test_a_spanish_browser_gets_spanish_and_a_link_that_keeps_it(browser: Browser, app_url: str) -> None:
    spanish = content_module.load(ENGLISH, "es")
    context = new_context(browser, viewport=PHONE, locale="es-MX")
    try:
        page = visit(context.new_page(), app_url + "/pathway?stage=cortex")
        expect(page.get_by_role("heading", level=1)).to_have_text(spanish.pages["pathway"].meta.title)
        expect(page).to_have_url(re.compile(r"/pathway\?stage=cortex&lang=es$"))
    finally:
        context.close()


def test_the_switch_changes_the_language_and_the_menu_keeps_it(browser: Browser, app_url: str) -> None:
    english, spanish = content_module.load(ENGLISH), content_module.load(ENGLISH, "es")
    context = new_context(browser, viewport=PROJECTOR, locale="en-US")
    try:
        page = visit(context.new_page(), app_url + "/")
        expect(page.get_by_role("heading", level=1)).to_have_text(english.pages["home"].meta.title)
        page.get_by_role("radio", name=routes.LANGUAGES["es"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(spanish.pages["home"].meta.title)
        expect(page).to_have_url(re.compile(r"\?lang=es$"))
        page.get_by_test_id("stSidebarNav").get_by_text(spanish.pages["treatments"].meta.nav).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(spanish.pages["treatments"].meta.title)
        expect(page).to_have_url(re.compile(r"/treatments\?lang=es$"))
    finally:
        context.close()


def test_an_unknown_language_falls_back_to_english_with_a_notice(tab: Page, app_url: str) -> None:
    english = content_module.load(ENGLISH)
    tab.set_viewport_size(PHONE)
    visit(tab, app_url + "/learn?lang=tlh")
    expect(tab.get_by_role("heading", level=1)).to_have_text(english.pages["learn"].meta.title)
    expect(tab.get_by_test_id("stAlertContentInfo")).to_contain_text(english.text("notice.unknown", param="lang"))


def _no_serious_violation(tab: Page, path: str) -> None:
    violations = serious_violations(tab)
    assert not violations, describe_violations(violations, f"{path} (Spanish)")


@pytest.mark.parametrize("path", [p for p in SPANISH_PAGES if p not in AXE_ON_THE_TEXT_VISIT])
def test_no_serious_accessibility_violation_in_spanish(tab: Page, app_url: str, path: str) -> None:
    tab.set_viewport_size(PHONE)
    visit(tab, app_url + path)
    reveal_everything(tab)
    _no_serious_violation(tab, path)
