"""Cross-references between content files, and every reference the code makes into content.

Content that passes these checks renders every page in every state: tests/test_content_mutations.py
breaks real content a dozen ways and expects each break to be named here with file, entry and field.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs

from explainer import links, routes
from explainer.content.models import FACT_VALUES, NO_TREATMENT, STAGE_IDS, Content, ContentError
from explainer.content.read import unique
from explainer.content.ui_text import CODE_SOURCES, HELP_PLACEHOLDERS, SLIDE_FACTS, UI_TEXT


def _refs(ids: Iterable[str], known: Mapping[str, Any], where: str, field: str, what: str) -> None:
    for ref in ids:
        if ref not in known:
            raise ContentError(f"{where}: field '{field}' names unknown {what} '{ref}'")


def placeholders(text: str, where: str) -> set[str]:
    """The {names} a text uses; a stray brace is an error, not a crash on a visitor's screen."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as err:
        raise ContentError(f"{where}: has a stray '{{' or '}}' ({err}); write names in braces, e.g. {{url}}") from None


def _check_text(content: Content) -> None:
    where = "content/site.yaml: field 'text'"
    text = content.site.text
    for key in sorted(UI_TEXT):
        if key not in text:
            raise ContentError(f"{where} is missing key '{key}'")
    for key in sorted(set(text) - set(UI_TEXT)):
        raise ContentError(f"{where}: key '{key}' is not used by the app (a typing mistake?)")
    for key, allowed in UI_TEXT.items():
        extra = placeholders(text[key], f"{where}: key '{key}'") - set(allowed)
        if extra:
            known = ", ".join(f"{{{p}}}" for p in allowed) or "none"
            raise ContentError(
                f"{where}: key '{key}' uses unknown placeholder {{{sorted(extra)[0]}}} (it may use: {known})"
            )
    months = content.months()
    if len(months) != 12:
        raise ContentError(f"{where}: key 'date.months' names {len(months)} months, separated by ', ' (needs 12)")
    help_ = content.site.help
    if help_ is None:
        return
    for field in ("emergency_intro", "urgent_intro", "mood", "emergency_signs", "urgent_signs"):
        value = getattr(help_, field)
        for n, line in enumerate([value] if isinstance(value, str) else value, 1):
            label = f"content/site.yaml: help: field '{field}'" + ("" if isinstance(value, str) else f" #{n}")
            extra = placeholders(line, label) - set(HELP_PLACEHOLDERS)
            if extra:
                raise ContentError(
                    f"{label} uses unknown placeholder {{{sorted(extra)[0]}}} (it may use: {{emergency}}, {{crisis}})"
                )


def _check_pathway(content: Content) -> None:
    stages = content.stages
    if tuple(stages) != STAGE_IDS:
        raise ContentError(
            f"content/stages.yaml: stages must be, in signal order: {', '.join(STAGE_IDS)} (found: {', '.join(stages)})"
        )
    for stage in content.pathway.stages:
        _refs(stage.sources, content.sources, f"content/stages.yaml: stage '{stage.id}'", "sources", "source")
    for n, link in enumerate(content.pathway.connections, 1):
        for end in (link.from_, link.to):
            if end not in stages:
                raise ContentError(f"content/stages.yaml: connection #{n}: names unknown stage '{end}'")
    _check_body(content)


def _check_body(content: Content) -> None:
    """The drawing has each part once, and every stage sits on the person, so no circle floats beside it."""
    unique([*content.pathway.body], "body part", "content/stages.yaml")
    outlines = [part for part in content.pathway.body if part.kind == "outline"]
    for stage in content.pathway.stages:
        if not any(part.contains(stage.x, stage.y) for part in outlines):
            raise ContentError(
                f"content/stages.yaml: stage '{stage.id}': fields 'x' and 'y' ({stage.x:g}, {stage.y:g}) "
                "are outside the body outline (move the stage onto the person, or the outline around it)"
            )


def _check_treatments(content: Content) -> None:
    if sorted(t.tier for t in content.tiers.values()) != [1, 2, 3, 4, 5, 6]:
        raise ContentError("content/treatments.yaml: tiers must be 1 to 6, each once")
    last_tier = 0
    for t in content.treatments.values():
        where = f"content/treatments.yaml: treatment '{t.id}'"
        _refs(t.sources, content.sources, where, "sources", "source")
        _refs(t.acts_at, content.stages, where, "acts_at", "stage")
        for medicine in t.classes:
            _refs(medicine.sources, content.sources, f"{where}: class '{medicine.id}'", "sources", "source")
        if t.tier < last_tier:
            raise ContentError(f"{where}: listed after a more invasive option (keep the file in ladder order)")
        last_tier = t.tier
    _refs(content.no_treatment.sources, content.sources, "content/treatments.yaml: no_treatment", "sources", "source")


def _check_evidence(content: Content) -> None:
    options = {**content.treatments, NO_TREATMENT: content.no_treatment}
    seen: set[str] = set()
    covered: set[str] = set()
    for number in content.evidence.numbers:
        where = f"content/evidence.yaml: number '{number.id}'"
        if number.id in seen:
            raise ContentError(f"{where}: appears twice (ids must be unique)")
        seen.add(number.id)
        _refs([number.option], options, where, "option", "option")
        _refs([number.source], content.sources, where, "source", "source")
        if number.kind == "benefit":
            covered.add(number.option)
    for entry in content.evidence.no_numbers:
        where = f"content/evidence.yaml: no_numbers entry '{entry.option}'"
        _refs([entry.option], options, where, "option", "option")
        if entry.option in covered:
            raise ContentError(f"{where}: the option has a benefit in numbers too; keep one of the two")
        covered.add(entry.option)
    if content.evidence.numbers or content.evidence.no_numbers:
        for option in options:
            if option not in covered:
                raise ContentError(
                    f"content/evidence.yaml: option '{option}' needs a benefit in numbers or a "
                    "no_numbers entry that says why there are none"
                )


def _check_quiz(content: Content) -> None:
    """Every question has its answer among its options and a link to a view that exists."""
    seen: set[str] = set()
    for page_id, questions in content.quiz.pages.items():
        if page_id not in routes.BY_ID:
            raise ContentError(f"content/quiz.yaml: field 'pages' names unknown page '{page_id}'")
        for q in questions:
            where = f"content/quiz.yaml: question '{q.id}'"
            if q.id in seen:
                raise ContentError(f"{where}: appears twice (ids must be unique)")
            seen.add(q.id)
            if q.answer not in {o.id for o in q.options}:
                raise ContentError(f"{where}: field 'answer' names '{q.answer}', which is not one of its options")
            problem = link_problem(content, q.read_again)
            if problem:
                raise ContentError(f"{where}: field 'read_again' {problem}")


def link_problem(content: Content, link: str) -> str | None:
    """Why a link of the app in content points nowhere, or None when it opens a view that exists."""
    path, _, query = link.partition("?")
    route = routes.by_path(path)
    if route is None or not path.startswith("/"):
        return f"names no page of the app ('{path}')"
    params = parse_qs(query, keep_blank_values=True)
    parsers: dict[str, Callable[[], links.Parsed[Any]]] = {
        "pathway": lambda: links.parse_pathway(params, content.stages, content.treatments),
        "treatments": lambda: links.parse_treatments(params, content.treatments),
        "talk": lambda: links.parse_talk(params, len(content.slides)),
        "learn": lambda: links.parse_learn(params, content.glossary),
        "home": lambda: links.parse_none(params),
    }
    notices = parsers[route.id]().notices
    return f"has a part that points nowhere ({notices[0].param})" if notices else None


def _check_slides(content: Content) -> None:
    questions = content.quiz.questions()
    for slide in content.slides:
        where = f"content/talk.yaml: slide '{slide.id}'"
        _refs(slide.compare, content.treatments, where, "compare", "treatment")
        if slide.visual == "quiz" and slide.quiz is None:
            raise ContentError(f"{where}: field 'quiz' needs a question id for a quiz slide")
        _refs([slide.quiz] if slide.quiz else [], questions, where, "quiz", "quiz question")
        if slide.visual == "compare" and not 2 <= len(slide.compare) <= 3:
            raise ContentError(f"{where}: field 'compare' needs 2 or 3 treatment ids for a comparison slide")


def _check_decision(content: Content) -> None:
    """Every wish says how well, and why, each value of its fact fits, so sorting never meets a gap."""
    seen: set[str] = set()
    for wish in content.decision.wishes:
        where = f"content/decision.yaml: wish '{wish.id}'"
        if wish.id in seen:
            raise ContentError(f"{where}: appears twice (ids must be unique)")
        seen.add(wish.id)
        values = FACT_VALUES[wish.fact]
        for field in ("fits", "because"):
            given = getattr(wish, field)
            for value in values:
                if value not in given:
                    raise ContentError(
                        f"{where}: field '{field}' has no value for '{value}' "
                        f"(the fact '{wish.fact}' can be: {', '.join(values)})"
                    )
            for value in given:
                if value not in values:
                    raise ContentError(
                        f"{where}: field '{field}' names '{value}', which the fact "
                        f"'{wish.fact}' cannot be (it can be: {', '.join(values)})"
                    )


def _check_slide_facts(content: Content) -> None:
    judged = {w.fact for w in content.decision.wishes}
    for fact in SLIDE_FACTS.values():
        if fact != "certainty" and fact not in judged:
            raise ContentError(
                f"content/decision.yaml: field 'wishes' needs a wish judged by the fact '{fact}' "
                "(comparison slides answer with its reasons)"
            )


def check(content: Content) -> None:
    """Raise ContentError for the first reference that points nowhere."""
    for sid in CODE_SOURCES:
        if sid not in content.sources:
            raise ContentError(
                f"content/sources.yaml: source '{sid}' is missing (the personal summary cites it; keep this id)"
            )
    for page in content.pages.values():
        _refs(page.meta.sources, content.sources, f"content/pages/{page.id}.md", "sources", "source")
    _check_text(content)
    _check_pathway(content)
    _check_treatments(content)
    _check_evidence(content)
    _check_quiz(content)
    _check_slides(content)
    _check_decision(content)
    _check_slide_facts(content)
