"""Load and validate everything in content/ once, into typed objects, with errors that name file, entry and field.

Data flows one way: content files -> load() (validated, cached) -> page scripts -> views. This package
imports nothing from the UI; the UI text keys it checks are declared in ui_text.py.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from explainer import routes
from explainer.content.checks import check
from explainer.content.models import (
    NO_TREATMENT,
    STAGE_IDS,
    Clinic,
    Connection,
    Content,
    ContentError,
    Decision,
    Evidence,
    Facts,
    MedicineClass,
    Number,
    Page,
    PageMeta,
    Pathway,
    Profile,
    Question,
    Quiz,
    QuizQuestion,
    Site,
    Slide,
    Source,
    Stage,
    Term,
    Treatment,
    Treatments,
)
from explainer.content.read import entries, read_page, read_yaml, rel, unique, validate
from explainer.content.translation import CLINIC_FILE, compare_translation

__all__ = [
    "CONTENT_DIR",
    "NO_TREATMENT",
    "STAGE_IDS",
    "Clinic",
    "Connection",
    "Content",
    "ContentError",
    "Decision",
    "Facts",
    "MedicineClass",
    "Number",
    "Page",
    "PageMeta",
    "Pathway",
    "Profile",
    "Question",
    "Quiz",
    "QuizQuestion",
    "Site",
    "Slide",
    "Source",
    "Stage",
    "Term",
    "Treatment",
    "Treatments",
    "folder_of",
    "for_each_language",
    "load",
    "load_all",
    "load_for_command",
]

# Another folder can be named for staff previews and tests.
CONTENT_DIR = Path(os.environ.get("EXPLAINER_CONTENT_DIR") or Path(__file__).resolve().parents[2] / "content")


def folder_of(base: Path, lang: str) -> Path:
    """English is the content folder itself; every other language is a folder of the same files in it."""
    return base if lang == routes.DEFAULT_LANGUAGE else base / lang


def _load_uncached(base: Path, lang: str) -> Content:
    """Read and validate one language's files; `base` is the content folder, so messages name the file
    as staff see it (content/es/treatments.yaml)."""
    root = folder_of(base, lang)

    def at(name: str) -> tuple[Path, str]:
        return root / name, rel(root / name, base)

    path, where = at("site.yaml")
    site = validate(Site, read_yaml(path, base), where)
    clinic = validate(Clinic, read_yaml(base / CLINIC_FILE, base), f"content/{CLINIC_FILE}")
    path, where = at("sources.yaml")
    sources = unique(entries(Source, read_yaml(path, base), "sources", where), "source", where)
    path, where = at("stages.yaml")
    pathway = validate(Pathway, read_yaml(path, base), where)
    unique(list(pathway.stages), "stage", where)
    path, where = at("treatments.yaml")
    ladder = validate(Treatments, read_yaml(path, base), where)
    treatments = unique(list(ladder.treatments), "treatment", where)
    path, where = at("evidence.yaml")
    evidence = validate(Evidence, read_yaml(path, base), where) if path.exists() else Evidence()
    path, where = at("glossary.yaml")
    glossary = unique(entries(Term, read_yaml(path, base), "terms", where), "term", where)
    path, where = at("questions.yaml")
    questions = unique(entries(Question, read_yaml(path, base), "questions", where), "question", where)
    path, where = at("talk.yaml")
    slides = unique(entries(Slide, read_yaml(path, base), "slides", where), "slide", where)
    path, where = at("decision.yaml")
    decision = validate(Decision, read_yaml(path, base), where)
    path, where = at("quiz.yaml")
    quiz = validate(Quiz, read_yaml(path, base), where)
    pages = {}
    for page_id in routes.PAGE_IDS:
        path, where = at(f"pages/{page_id}.md")
        meta, body = read_page(path, base)
        pages[page_id] = Page(page_id, validate(PageMeta, meta, where), body)

    content = Content(
        site=site,
        pages=pages,
        sources=sources,
        pathway=pathway,
        tiers={t.tier: t for t in ladder.tiers},
        treatments=treatments,
        no_treatment=ladder.no_treatment,
        glossary=glossary,
        questions=tuple(questions.values()),
        slides=tuple(slides.values()),
        decision=decision,
        evidence=evidence,
        quiz=quiz,
        clinic=clinic,
        lang=lang,
    )
    check(content)
    return content


_cache: dict[Path, tuple[tuple[tuple[str, str, int, int], ...], Content]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, str, int, int], ...]:
    """Names, sizes and modification times of the content files: a stat, not a read, so reruns stay cheap."""
    stamp: list[tuple[str, str, int, int]] = []
    for folder in (root, root / "pages"):
        if not folder.is_dir():  # a missing folder is reported by the loader, file by file
            continue
        with os.scandir(folder) as found:
            stamp.extend((folder.name, e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in found if e.is_file())
    return tuple(sorted(stamp))


def load(root: Path | str | None = None, lang: str = routes.DEFAULT_LANGUAGE) -> Content:
    """All content in one language, validated (a translation also against the English it translates);
    cached until a file of that language or of English changes."""
    base = CONTENT_DIR if root is None else Path(root)
    if lang not in routes.LANGUAGES:
        raise ContentError(f"there is no content in language '{lang}'")
    folder = folder_of(base, lang)
    if not folder.is_dir():
        raise ContentError(f"{rel(folder, base)}: folder is missing (the guide's text in '{lang}')")
    english = folder_of(base, routes.DEFAULT_LANGUAGE)
    stamp = _fingerprint(folder) + (_fingerprint(english) if folder != english else ())
    cached = _cache.get(folder)
    if cached and cached[0] == stamp:
        return cached[1]
    content = _load_uncached(base, lang)
    if folder != english:
        load(base)  # the English must be valid before a translation is compared with it
        compare_translation(base, lang)
    content = dataclasses.replace(content, version=f"{lang}-{hash(stamp):x}")
    _cache[folder] = (stamp, content)
    return content


def load_all(root: Path | str | None = None) -> dict[str, Content]:
    """Every language of the guide, each validated."""
    return {lang: load(root, lang) for lang in routes.LANGUAGES}


def load_for_command(root: Path | str | None = None) -> Content | None:
    """load() for command-line tools: on a problem, say it plainly on stderr and return None."""
    # Outside a running app Streamlit warns that its caches have no runtime; that is expected here.
    # Streamlit sets its loggers' levels when it is imported, so quieten the cache logger after that.
    import streamlit  # noqa: F401

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    try:
        return load_all(root)[routes.DEFAULT_LANGUAGE]
    except ContentError as err:
        print(f"Content problem: {err}", file=sys.stderr)
        return None


def for_each_language(make: Callable[[Content], str]) -> int:
    """For command-line tools that make files from content: check every language, then make them for each
    language and print what `make` says it made. 1 (with the problem said on stderr) if content is broken."""
    if load_for_command() is None:
        return 1
    for lang in routes.LANGUAGES:
        print(make(load(lang=lang)))
    return 0
