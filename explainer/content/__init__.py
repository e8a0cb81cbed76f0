"""Load and validate everything in content/ once, into typed objects, with errors that name file, entry and field.

Data flows one way: content files -> load() (validated, cached) -> page scripts -> views. This package
imports nothing from the UI; the UI text keys it checks are declared in ui_text.py.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import sys
from pathlib import Path

from explainer import routes
from explainer.content.checks import check
from explainer.content.models import (
    NO_TREATMENT,
    STAGE_IDS,
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
    Site,
    Slide,
    Source,
    Stage,
    Term,
    Treatment,
    Treatments,
)
from explainer.content.read import entries, read_page, read_yaml, unique, validate

__all__ = [
    "CONTENT_DIR", "NO_TREATMENT", "STAGE_IDS", "Connection", "Content", "ContentError", "Decision",
    "Facts", "MedicineClass", "Number", "Page", "PageMeta", "Pathway", "Profile", "Question", "Site", "Slide",
    "Source", "Stage", "Term", "Treatment", "Treatments", "load", "load_for_command",
]

# Another folder can be named for staff previews and tests.
CONTENT_DIR = Path(os.environ.get("EXPLAINER_CONTENT_DIR") or Path(__file__).resolve().parents[2] / "content")


def _load_uncached(root: Path) -> Content:
    def at(name: str) -> tuple[Path, str]:
        return root / name, f"content/{name}"

    path, where = at("site.yaml")
    site = validate(Site, read_yaml(path, root), where)
    path, where = at("sources.yaml")
    sources = unique(entries(Source, read_yaml(path, root), "sources", where), "source", where)
    path, where = at("stages.yaml")
    pathway = validate(Pathway, read_yaml(path, root), where)
    unique(list(pathway.stages), "stage", where)
    path, where = at("treatments.yaml")
    ladder = validate(Treatments, read_yaml(path, root), where)
    treatments = unique(list(ladder.treatments), "treatment", where)
    path, where = at("evidence.yaml")
    evidence = validate(Evidence, read_yaml(path, root), where) if path.exists() else Evidence()
    path, where = at("glossary.yaml")
    glossary = unique(entries(Term, read_yaml(path, root), "terms", where), "term", where)
    path, where = at("questions.yaml")
    questions = unique(entries(Question, read_yaml(path, root), "questions", where), "question", where)
    path, where = at("talk.yaml")
    slides = unique(entries(Slide, read_yaml(path, root), "slides", where), "slide", where)
    path, where = at("decision.yaml")
    decision = validate(Decision, read_yaml(path, root), where)
    pages = {}
    for page_id in routes.PAGE_IDS:
        path, where = at(f"pages/{page_id}.md")
        meta, body = read_page(path, root)
        pages[page_id] = Page(page_id, validate(PageMeta, meta, where), body)

    content = Content(
        site=site, pages=pages, sources=sources, pathway=pathway,
        tiers={t.tier: t for t in ladder.tiers}, treatments=treatments, no_treatment=ladder.no_treatment,
        glossary=glossary, questions=tuple(questions.values()), slides=tuple(slides.values()),
        decision=decision, evidence=evidence,
    )
    check(content)
    return content


_cache: dict[Path, tuple[tuple[tuple[str, str, int, int], ...], Content]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, str, int, int], ...]:
    """Names, sizes and modification times of the content files: a stat, not a read, so reruns stay cheap."""
    stamp: list[tuple[str, str, int, int]] = []
    for folder in (root, root / "pages"):
        with os.scandir(folder) as found:
            stamp.extend((folder.name, e.name, e.stat().st_mtime_ns, e.stat().st_size)
                         for e in found if e.is_file())
    return tuple(sorted(stamp))


def load(root: Path | str | None = None) -> Content:
    """All content, validated; cached until a file in content/ changes."""
    folder = CONTENT_DIR if root is None else Path(root)
    stamp = _fingerprint(folder)
    cached = _cache.get(folder)
    if cached and cached[0] == stamp:
        return cached[1]
    content = dataclasses.replace(_load_uncached(folder), version=f"{hash(stamp):x}")
    _cache[folder] = (stamp, content)
    return content


def load_for_command(root: Path | str | None = None) -> Content | None:
    """load() for command-line tools: on a problem, say it plainly on stderr and return None."""
    # Outside a running app Streamlit warns that its caches have no runtime; that is expected here.
    # Streamlit sets its loggers' levels when it is imported, so quieten the cache logger after that.
    import streamlit  # noqa: F401

    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    try:
        return load(root)
    except ContentError as err:
        print(f"Content problem: {err}", file=sys.stderr)
        return None
