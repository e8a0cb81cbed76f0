"""Load and validate everything in content/ once, into typed objects, with errors that name file, entry and field."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Another folder can be named for staff previews and tests.
CONTENT_DIR = Path(os.environ.get("EXPLAINER_CONTENT_DIR") or Path(__file__).resolve().parent.parent / "content")
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STAGE_IDS = (
    "nociceptors", "peripheral-nerve", "nerve-root", "dorsal-horn",
    "spinothalamic-tract", "thalamus", "cortex", "descending-pathway",
)
PAGE_IDS = ("home", "pathway", "treatments", "talk", "learn")
VISUALS = ("none", "pathway-acute", "pathway-chronic", "windup", "ladder", "compare", "qr-start")


class ContentError(Exception):
    """Content that cannot be used; the message names file, entry and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Id = Field(pattern=ID_PATTERN, max_length=40)
Text = Field(min_length=1)


class Source(_Model):
    id: str = Id
    title: str = Text
    publisher: str = Text
    year: int = Field(ge=1900, le=2100)
    url: str | None = Field(default=None, pattern=r"^https://")
    note: str | None = None


class Stage(_Model):
    id: str = Id
    name: str = Field(min_length=1, max_length=40)
    label: str = Field(min_length=1, max_length=18)
    x: float = Field(ge=0, le=100)
    y: float = Field(ge=0, le=100)
    where: str = Text
    acute: str = Text
    chronic: str = Text
    sources: tuple[str, ...] = Field(min_length=1)


class Connection(_Model):
    from_: str = Field(alias="from")
    to: str
    kind: Literal["up", "down"]


class ViewText(_Model):
    title: str = Text
    summary: str = Text


class Windup(_Model):
    intro: str = Text
    caveat: str = Text
    windup: str = Text
    sensitisation: str = Text


class Pathway(_Model):
    stages: tuple[Stage, ...] = Field(min_length=1)
    connections: tuple[Connection, ...] = Field(min_length=1)
    views: dict[Literal["acute", "chronic"], ViewText]
    windup: Windup

    @field_validator("views")
    @classmethod
    def _both_views(cls, views: dict) -> dict:
        missing = {"acute", "chronic"} - set(views)
        if missing:
            raise ValueError(f"needs both 'acute' and 'chronic' (missing {', '.join(sorted(missing))})")
        return views


class Tier(_Model):
    tier: int = Field(ge=1, le=6)
    name: str = Text
    summary: str = Text


class Facts(_Model):
    """The questions patients ask of every option, the rows of a comparison."""

    name: str = Field(min_length=1, max_length=40)
    what: str = Text
    invasive: str = Text
    reversible: str = Text
    duration: str = Text
    recovery: str = Text
    risks: str = Text
    evidence: str = Text
    sources: tuple[str, ...] = Field(min_length=1)


class Treatment(Facts):
    id: str = Id
    short: str = Field(min_length=1, max_length=22)
    tier: int
    summary: str = Text
    acts_at: dict[str, str] = Field(min_length=1)

    @field_validator("tier")
    @classmethod
    def _tier_range(cls, tier: int) -> int:
        if not 1 <= tier <= 6:
            raise ValueError("must be 1-6")
        return tier


class Treatments(_Model):
    tiers: tuple[Tier, ...] = Field(min_length=6, max_length=6)
    treatments: tuple[Treatment, ...] = Field(min_length=1)
    no_treatment: Facts


class Term(_Model):
    id: str = Id
    term: str = Text
    definition: str = Text


class Question(_Model):
    id: str = Id
    topic: str = Text
    text: str = Text


class Slide(_Model):
    id: str = Id
    title: str = Text
    body: str = ""
    visual: Literal[VISUALS] = "none"  # type: ignore[valid-type]
    compare: tuple[str, ...] = ()
    notes: str = Text


class Wish(_Model):
    id: str = Id
    label: str = Text


class SureQuestion(_Model):
    id: str = Id
    question: str = Text
    if_no: str = Text


class Decision(_Model):
    """What matters to me: wishes to rate, how well each option fits each wish (0-2), the SURE check."""

    intro: str = Text
    not_advice: str = Text
    levels: tuple[str, str, str]
    wishes: tuple[Wish, ...] = Field(min_length=1)
    fit: dict[str, dict[str, int]]
    sure: tuple[SureQuestion, ...] = Field(min_length=4, max_length=4)


class PageMeta(_Model):
    title: str = Text
    nav: str = Text
    reviewed: dt.date
    next_review: dt.date
    sources: tuple[str, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Page:
    id: str
    meta: PageMeta
    body: str


class Site(_Model):
    """Words of the frame and controls: everything a visitor reads that is not page prose."""

    name: str = Text
    disclaimer: str = Text
    urgent: str = Text
    reviewed_label: str = Text
    next_review_label: str = Text
    sources_label: str = Text
    text: dict[str, str]


@dataclass(frozen=True)
class Content:
    site: Site
    pages: dict[str, Page]
    sources: dict[str, Source]
    pathway: Pathway
    tiers: dict[int, Tier]
    treatments: dict[str, Treatment]
    no_treatment: Facts
    glossary: dict[str, Term]
    questions: tuple[Question, ...]
    slides: tuple[Slide, ...]
    decision: Decision
    version: str = ""  # changes whenever a content file changes; keys caches built from content

    @property
    def stages(self) -> dict[str, Stage]:
        return {stage.id: stage for stage in self.pathway.stages}

    def ladder(self) -> list[Treatment]:
        """Treatments from least to most invasive, in content order within a tier."""
        return sorted(self.treatments.values(), key=lambda t: t.tier)

    def treatments_at(self, stage_id: str) -> list[Treatment]:
        return [t for t in self.ladder() if stage_id in t.acts_at]

    def text(self, key: str, **values: Any) -> str:
        return self.site.text[key].format(**values)


# Keys the code looks up in site.yaml's `text`; checked at load so a missing one never surprises a visitor.
REQUIRED_TEXT: set[str] = set()


def require_text(*keys: str) -> None:
    """Declare UI text keys a module uses, so load() checks them."""
    REQUIRED_TEXT.update(keys)


# --- reading files ---------------------------------------------------------------------------

def _rel(path: Path, root: Path) -> str:
    return f"content/{path.relative_to(root).as_posix()}"


def _read_yaml(path: Path, root: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise ContentError(f"{_rel(path, root)}: file is missing") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ContentError(f"{_rel(path, root)}: not valid YAML{where}: {getattr(err, 'problem', err)}") from None


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


def _read_page(path: Path, root: Path) -> tuple[dict, str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{_rel(path, root)}: file is missing") from None
    match = _FRONT_MATTER.match(raw)
    if not match:
        raise ContentError(f"{_rel(path, root)}: must start with front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        raise ContentError(f"{_rel(path, root)}: front matter is not valid YAML: {err}") from None
    return meta, match.group(2).strip()


# --- turning validation errors into sentences ------------------------------------------------

_ENTRY_NAMES = {
    "stages": "stage", "connections": "connection", "treatments": "treatment", "tiers": "tier",
    "terms": "term", "questions": "question", "slides": "slide", "sources": "source",
}


def _describe(err: dict, data: Any) -> str:
    """'treatment 'massage': field 'tier' must be 1-6' from one pydantic error."""
    loc, parts, node = list(err["loc"]), [], data
    field_path: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(key, str) and i + 1 < len(loc) and isinstance(loc[i + 1], int) and key in _ENTRY_NAMES:
            index = loc[i + 1]
            entry = node.get(key, [])[index] if isinstance(node, dict) else None
            label = entry.get("id") if isinstance(entry, dict) and entry.get("id") else f"#{index + 1}"
            parts.append(f"{_ENTRY_NAMES[key]} '{label}'")
            node, i = entry, i + 2
            field_path = []
            continue
        field_path.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
        i += 1
    msg = err["msg"]
    msg = msg.removeprefix("Value error, ")
    if err["type"] == "missing":
        msg = "is missing"
    elif err["type"] == "extra_forbidden":
        msg = "is not a known field"
    else:
        msg = msg[0].lower() + msg[1:] if msg else msg
    if field_path:
        parts.append(f"field '{'.'.join(field_path)}' {msg}")
    else:
        parts.append(msg)
    return ": ".join(parts)


def _validate(model: type[_Model], data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise ContentError(f"{where}: must be a mapping of fields, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        raise ContentError(f"{where}: {_describe(first, data)}") from None


# --- cross-references ------------------------------------------------------------------------

def _unique(items: list, what: str, where: str) -> dict:
    seen: dict = {}
    for item in items:
        if item.id in seen:
            raise ContentError(f"{where}: {what} '{item.id}' appears twice (ids must be unique)")
        seen[item.id] = item
    return seen


def _check_refs(ids, known: dict, where: str, field: str) -> None:
    for ref in ids:
        if ref not in known:
            raise ContentError(f"{where}: field '{field}' names unknown {field.rstrip('s').replace('_', ' ')} '{ref}'")


def _check(content: Content) -> None:
    src = content.sources
    stages = content.stages
    if tuple(stages) != STAGE_IDS:
        raise ContentError(
            f"content/stages.yaml: stages must be, in signal order: {', '.join(STAGE_IDS)} "
            f"(found: {', '.join(stages)})"
        )
    for stage in content.pathway.stages:
        _check_refs(stage.sources, src, f"content/stages.yaml: stage '{stage.id}'", "sources")
    for n, link in enumerate(content.pathway.connections, 1):
        for end in (link.from_, link.to):
            if end not in stages:
                raise ContentError(f"content/stages.yaml: connection #{n}: names unknown stage '{end}'")
    tiers = [t.tier for t in content.tiers.values()]
    if sorted(tiers) != [1, 2, 3, 4, 5, 6]:
        raise ContentError("content/treatments.yaml: tiers must be 1 to 6, each once")
    last_tier = 0
    for t in content.treatments.values():
        where = f"content/treatments.yaml: treatment '{t.id}'"
        _check_refs(t.sources, src, where, "sources")
        for stage_id in t.acts_at:
            if stage_id not in stages:
                raise ContentError(f"{where}: field 'acts_at' names unknown stage '{stage_id}'")
        if t.tier < last_tier:
            raise ContentError(f"{where}: listed after a more invasive option (keep the file in ladder order)")
        last_tier = t.tier
    _check_refs(content.no_treatment.sources, src, "content/treatments.yaml: no_treatment", "sources")
    for slide in content.slides:
        where = f"content/talk.yaml: slide '{slide.id}'"
        _check_refs(slide.compare, content.treatments, where, "compare")
        if slide.visual == "compare" and not 2 <= len(slide.compare) <= 3:
            raise ContentError(f"{where}: field 'compare' needs 2 or 3 treatment ids for a comparison slide")
    for page in content.pages.values():
        _check_refs(page.meta.sources, src, f"content/pages/{page.id}.md", "sources")
    _check_decision(content)
    missing = sorted(REQUIRED_TEXT - set(content.site.text))
    if missing:
        raise ContentError(f"content/site.yaml: field 'text' is missing key '{missing[0]}'")


def _check_decision(content: Content) -> None:
    """Every option has a fit of 0-2 for every wish, so sorting never meets a gap."""
    decision = content.decision
    wishes = [w.id for w in decision.wishes]
    if len(set(wishes)) != len(wishes):
        raise ContentError("content/decision.yaml: wish ids must be unique")
    for tid in content.treatments:
        if tid not in decision.fit:
            raise ContentError(f"content/decision.yaml: field 'fit' is missing treatment '{tid}'")
    for tid, fits in decision.fit.items():
        where = f"content/decision.yaml: fit '{tid}'"
        if tid not in content.treatments:
            raise ContentError(f"{where}: names unknown treatment '{tid}'")
        for wish in wishes:
            if fits.get(wish) not in (0, 1, 2):
                raise ContentError(f"{where}: wish '{wish}' must be 0, 1 or 2")
        extra = set(fits) - set(wishes)
        if extra:
            raise ContentError(f"{where}: names unknown wish '{sorted(extra)[0]}'")


# --- loading ---------------------------------------------------------------------------------

def _list(data: Any, key: str, where: str) -> list:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentError(f"{where}: needs a list under '{key}'")
    return data[key]


def _entries(model, data: Any, key: str, where: str) -> list:
    return [_validate(model, item, where) if isinstance(item, dict) else _bad_entry(where, key, n)
            for n, item in enumerate(_list(data, key, where), 1)]


def _bad_entry(where: str, key: str, n: int):
    raise ContentError(f"{where}: {_ENTRY_NAMES.get(key, key)} #{n} must be a mapping of fields")


def _load_uncached(root: Path) -> Content:
    f = lambda name: (root / name, f"content/{name}")  # noqa: E731
    path, where = f("site.yaml")
    site = _validate(Site, _read_yaml(path, root), where)

    path, where = f("sources.yaml")
    sources = _unique(_entries(Source, _read_yaml(path, root), "sources", where), "source", where)

    path, where = f("stages.yaml")
    pathway = _validate(Pathway, _read_yaml(path, root), where)
    _unique(list(pathway.stages), "stage", where)

    path, where = f("treatments.yaml")
    tr = _validate(Treatments, _read_yaml(path, root), where)
    treatments = _unique(list(tr.treatments), "treatment", where)

    path, where = f("glossary.yaml")
    glossary = _unique(_entries(Term, _read_yaml(path, root), "terms", where), "term", where)

    path, where = f("questions.yaml")
    questions = _unique(_entries(Question, _read_yaml(path, root), "questions", where), "question", where)

    path, where = f("talk.yaml")
    slides = _unique(_entries(Slide, _read_yaml(path, root), "slides", where), "slide", where)

    path, where = f("decision.yaml")
    decision = _validate(Decision, _read_yaml(path, root), where)

    pages = {}
    for page_id in PAGE_IDS:
        path, where = f(f"pages/{page_id}.md")
        meta, body = _read_page(path, root)
        pages[page_id] = Page(page_id, _validate(PageMeta, meta, where), body)

    content = Content(
        site=site, pages=pages, sources=sources, pathway=pathway,
        tiers={t.tier: t for t in tr.tiers}, treatments=treatments, no_treatment=tr.no_treatment,
        glossary=glossary, questions=tuple(questions.values()), slides=tuple(slides.values()),
        decision=decision,
    )
    _check(content)
    return content


_cache: dict[Path, tuple[tuple, Content]] = {}


def _fingerprint(root: Path) -> tuple:
    """Names, sizes and modification times of the content files: a stat, not a read, so reruns stay cheap."""
    stamp = []
    for folder in (root, root / "pages"):
        with os.scandir(folder) as entries:
            stamp.extend((folder.name, e.name, e.stat().st_mtime_ns, e.stat().st_size)
                         for e in entries if e.is_file())
    return tuple(sorted(stamp))


def load(root: Path | str | None = None) -> Content:
    """All content, validated; cached until a file in content/ changes."""
    root = CONTENT_DIR if root is None else Path(root)
    stamp = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    content = dataclasses.replace(_load_uncached(root), version=f"{hash(stamp):x}")
    _cache[root] = (stamp, content)
    return content


def load_for_command(root: Path | str | None = None) -> Content | None:
    """load() for command-line tools: on a problem, say it plainly on stderr and return None."""
    # Outside a running app Streamlit warns that its caches have no runtime; that is expected here.
    # Streamlit sets its loggers' levels when it is imported, so quieten the cache logger after that.
    import streamlit  # noqa: F401
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    try:
        import explainer.views  # noqa: F401  (declares the UI text keys that load() checks)
        return load(root)
    except ContentError as err:
        print(f"Content problem: {err}", file=sys.stderr)
        return None


def main() -> int:
    """`python -m explainer.content [DIR]`: validate content and say what is wrong, for clinic staff."""
    content = load_for_command(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    if content is None:
        return 1
    print(f"Content is valid: {len(content.pathway.stages)} stages, {len(content.treatments)} treatments, "
          f"{len(content.glossary)} glossary terms, {len(content.slides)} slides, {len(content.sources)} sources.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
