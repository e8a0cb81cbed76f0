"""Patient-facing words: plain enough to read (US grade 6-8), and in our own words, not the seed page's."""

import datetime as dt
import re

import pytest
import textstat

from explainer import content as content_module
from explainer import routes
from explainer.html import handout, light
from tests.conftest import ROOT

SEED_DIR = ROOT.parent / "shared" / "seed"
MAX_GRADE = 8.0


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return re.sub(r"[#*_>`|-]+", " ", text)


def _grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(_plain(text))


@pytest.mark.parametrize("page_id", ["home", "pathway", "treatments", "talk", "learn"])
def test_each_page_reads_at_grade_8_or_below(content, page_id):
    assert _grade(content.pages[page_id].body) <= MAX_GRADE


def test_stage_treatment_and_glossary_texts_read_at_grade_8_or_below(content):
    stages = " ".join(f"{s.acute} {s.chronic}" for s in content.pathway.stages)
    treatments = " ".join(f"{t.what} {t.risks} {t.evidence} {t.recovery}" for t in content.treatments.values())
    glossary = " ".join(t.definition for t in content.glossary.values())
    slides = " ".join(f"{s.title}. {s.body}" for s in content.slides)
    for text in (stages, treatments, glossary, slides):
        assert _grade(text) <= MAX_GRADE


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def _all_content_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*") if p.is_file())


def test_no_sentence_of_the_seed_page_is_copied():
    seeds = sorted(SEED_DIR.glob("*")) if SEED_DIR.exists() else []
    if not seeds:
        pytest.skip(f"the seed page is not beside the checkout ({SEED_DIR})")
    seed = _words(" ".join(p.read_text(encoding="utf-8") for p in seeds))
    run = 7  # seven words in a row the same is a copied phrase, not a shared term
    seed_runs = {tuple(seed[i : i + run]) for i in range(len(seed) - run + 1)}
    ours = _words(_all_content_text())
    copied = {" ".join(ours[i : i + run]) for i in range(len(ours) - run + 1) if tuple(ours[i : i + run]) in seed_runs}
    # The clinic page's own title is cited as a source; that is a citation, not a copy.
    copied = {c for c in copied if c not in "post laminectomy syndrome or failed back surgery syndrome"}
    assert copied == set()


def test_medical_terms_on_the_start_page_are_in_the_glossary(content):
    names = {t.term.lower() for t in content.glossary.values()}
    for term in ("laminectomy", "wind-up", "epidural"):
        assert any(term in n for n in names)


def test_no_doses_anywhere():
    assert not re.search(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|milligrams?)\b", _all_content_text(), re.I)


def test_numbers_medicines_warning_signs_and_reasons_read_at_grade_8_or_below(content):
    """The parts a person deciding reads most closely: no new treatment, the kinds of medicine, the trial
    numbers and why some options have none, the warning signs, and why an option fits a wish."""
    none = content.no_treatment
    help_ = content.site.help
    parts = {
        "no new treatment": " ".join(
            getattr(none, row)
            for row in ("what", "invasive", "reversible", "duration", "recovery", "risks", "evidence")
        ),
        "medicine classes": " ".join(
            f"{c.what} {c.helps} {c.risks}" for t in content.treatments.values() for c in t.classes
        ),
        "numbers": " ".join(
            f"{n.who}. {n.outcome}. {n.certainty_reason} {n.note or ''}" for n in content.evidence.numbers
        ),
        "no numbers": " ".join(n.why for n in content.evidence.no_numbers),
        "warning signs": " ".join(
            [help_.emergency_intro, *help_.emergency_signs, help_.urgent_intro, *help_.urgent_signs, help_.mood]
        ),
        "certainty": " ".join(t.profile.certainty_reason for t in content.treatments.values()),
        "reasons": ". ".join(b for w in content.decision.wishes for b in w.because.values()),
    }
    for name, text in parts.items():
        assert _grade(text) <= MAX_GRADE, name


MIN_FERNANDEZ_HUERTA = 70.0


def _spanish_score(text: str) -> float:
    """Fernández-Huerta reading ease of Spanish text (textstat's language is global, so it is put back)."""
    before = textstat.textstat._textstatistics__lang
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(_plain(text))
    finally:
        textstat.set_lang(before)


@pytest.fixture(scope="module")
def spanish():
    return content_module.load(ROOT / "content", "es")


@pytest.mark.parametrize("page_id", ["home", "pathway", "treatments", "talk", "learn"])
def test_each_spanish_page_reads_at_fernandez_huerta_70_or_more(spanish, page_id):
    assert _spanish_score(spanish.pages[page_id].body) >= MIN_FERNANDEZ_HUERTA


def test_spanish_stages_treatments_glossary_and_slides_read_easily(spanish):
    parts = {
        "stages": " ".join(f"{s.acute} {s.chronic}" for s in spanish.pathway.stages),
        "treatments": " ".join(f"{t.what} {t.risks} {t.evidence}" for t in spanish.treatments.values()),
        "glossary": " ".join(t.definition for t in spanish.glossary.values()),
        "slides": " ".join(f"{s.title}. {s.body}" for s in spanish.slides),
        "warning signs": " ".join([*spanish.site.help.emergency_signs, *spanish.site.help.urgent_signs]),
    }
    for name, text in parts.items():
        assert _spanish_score(text) >= MIN_FERNANDEZ_HUERTA, name


def test_dates_are_written_in_the_pages_language(content, spanish):
    """The review dates of the light pages and the handout: no English month on a Spanish page."""
    day = dt.date(2026, 3, 9)
    assert content.long_date(day) == "9 March 2026" and content.month_year(day) == "March 2026"
    assert spanish.long_date(day) == "9 de marzo de 2026" and spanish.month_year(day) == "marzo de 2026"
    light_page = light.render(spanish, routes.HOME)
    printed = handout.render(spanish, ("massage",), "https://guide.test/treatments", today=day)
    assert spanish.long_date(spanish.pages["home"].meta.reviewed) in light_page
    assert "9 de marzo de 2026" in printed
    english_months = content.text("date.months").split(", ")
    for html in (light_page, printed):
        assert not [m for m in english_months if re.search(rf"\b{m} 20\d\d\b", html)], "an English date"
