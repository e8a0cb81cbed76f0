"""Light pages: the guide's words as small static HTML files that open at once on a slow phone and print well."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explainer.cards import light_card
from explainer.charts import BLUE, VERMILLION
from explainer.content import NO_TREATMENT, Content, Facts, Term, for_each_language
from explainer.facts import ROWS, cell, no_numbers, number_lines
from explainer.html import diagram
from explainer.html.frame import page
from explainer.html.markdown import lead, markdown
from explainer.routes import DEFAULT_LANGUAGE, LANGUAGES, ROUTES, Route

OUT_DIR = Path(__file__).resolve().parents[2] / "static" / "light"
PAGES: tuple[Route, ...] = tuple(r for r in ROUTES if r.light)


def option_facts(content: Content, option_id: str, option: Facts, pictures: bool = True) -> dict[str, Any]:
    """An option's answers to the patient questions, its kinds of medicine, its trial numbers in words
    with a 100-person picture each unless `pictures` is off (or why there are none), and the sources it cites."""
    numbers = [
        {
            "lines": number_lines(content, n),
            "groups": [(g.label, g.out_of_100) for g in n.groups],
            "outcome": n.outcome,
            "colour": VERMILLION if n.kind == "harm" else BLUE,
        }
        for n in content.numbers_for(option_id)
    ]
    return {
        "name": option.name,
        "rows": [(content.text(f"row.{row}"), cell(content, option, row)) for row in ROWS],
        "is_test": getattr(option, "kind", "treatment") == "test",
        "classes": getattr(option, "classes", ()),
        "numbers": numbers,
        "pictures": pictures,
        "no_numbers": no_numbers(content, option_id),
        "cited": "; ".join(f"{content.sources[s].title} ({content.sources[s].year})" for s in option.sources),
    }


def _prose(content: Content, route: Route) -> dict[str, Any]:
    """A page that is its prose alone, such as the start page."""
    return {"prose": markdown(content.pages[route.id].body), "cited": []}


def _pathway(content: Content, route: Route) -> dict[str, Any]:
    """The explanation, the diagram, both views, every stage with the treatments acting there, wind-up."""
    stages = content.pathway.stages
    return {
        "prose": markdown(lead(content.pages[route.id].body)),
        "diagram": diagram.pathway(content),
        "views": content.pathway.views.values(),
        "stages": [(n, s, content.treatments_at(s.id)) for n, s in enumerate(stages, 1)],
        "windup": content.pathway.windup,
        "cited": [sid for s in stages for sid in s.sources],
    }


def _treatments(content: Content, route: Route) -> dict[str, Any]:
    """The explanation, then the ladder a step at a time with every option's facts, then no new treatment."""
    ladder = content.ladder()
    return {
        "prose": markdown(lead(content.pages[route.id].body)),
        "tiers": [
            (tier, [(t, option_facts(content, t.id, t)) for t in ladder if t.tier == tier.tier])
            for tier in content.tiers.values()
        ],
        "no_treatment": option_facts(content, NO_TREATMENT, content.no_treatment),
        "cited": [
            *(sid for t in ladder for sid in t.sources),
            *content.no_treatment.sources,
            *(n.source for n in content.evidence.numbers),
        ],
    }


def glossary_terms(content: Content) -> list[Term]:
    """The glossary in alphabetical order."""
    return sorted(content.glossary.values(), key=lambda t: t.term.lower())


def questions_by_topic(content: Content) -> dict[str, list[str]]:
    """The questions to ask a care team, by topic, in content order."""
    topics: dict[str, list[str]] = {}
    for q in content.questions:
        topics.setdefault(q.topic, []).append(q.text)
    return topics


def _learn(content: Content, route: Route) -> dict[str, Any]:
    """The prose, the glossary in alphabetical order and the questions to ask, by topic; it cites every source."""
    return {
        "prose": markdown(content.pages[route.id].body),
        "terms": glossary_terms(content),
        "topics": questions_by_topic(content),
        "cited": list(content.sources),
    }


# What a page shows besides its prose; a light page without an entry here shows its prose alone.
BODIES: dict[str, Callable[[Content, Route], dict[str, Any]]] = {
    "pathway": _pathway,
    "treatments": _treatments,
    "learn": _learn,
}


def render(content: Content, route: Route) -> str:
    """One light page: its review date, the disclaimer and its sources, and no day of making, so
    unchanged content gives unchanged bytes."""
    values = BODIES.get(route.id, _prose)(content, route)
    meta = content.pages[route.id].meta
    return page(
        [f"light/{route.id}.html", "light/page.html"],
        content,
        title=meta.title,
        page_id=route.id,
        source_ids=[*meta.sources, *values.pop("cited")],
        link=app_link(route, content.lang),
        link_title=content.text("light.open_app", page=meta.title),
        link_text=f"{content.site.name}: {meta.nav}",
        text=content.text,
        card=light_card(content, route),
        # Page titles, not menu names: a link's words must make sense on their own ("Learn more" does not).
        nav=[(r.light, content.pages[r.id].meta.title, r is route) for r in PAGES],
        languages=[
            (_relative(content.lang, code, str(route.light)), code, name)
            for code, name in LANGUAGES.items()
            if code != content.lang
        ],
        **values,
    )


def _relative(here: str, there: str, file: str) -> str:
    """The same light page in another language, relative to this one (English at the top, others in a
    folder of their own)."""
    up = "" if here == DEFAULT_LANGUAGE else "../"
    return f"{up}{file}" if there == DEFAULT_LANGUAGE else f"{up}{there}/{file}"


def app_link(route: Route, lang: str) -> str:
    """The interactive page a light page stands for, in the same language."""
    return route.href + ("" if lang == DEFAULT_LANGUAGE else f"?lang={lang}")


def build(content: Content, out_dir: Path | str = OUT_DIR) -> list[Path]:
    """Write every light page of the route registry, English in `out_dir` and another language in a folder
    of its own (es/); the same content always gives the same bytes."""
    out = Path(out_dir) if content.lang == DEFAULT_LANGUAGE else Path(out_dir) / content.lang
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for route in PAGES:
        path = out / str(route.light)
        path.write_text(render(content, route), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main() -> int:
    """`python -m explainer.html.light [OUT_DIR]`: write the light pages of every language from content/."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR
    return for_each_language(
        lambda content: "\n".join(f"wrote {path} ({path.stat().st_size / 1024:.1f} KB)" for path in build(content, out))
    )


if __name__ == "__main__":
    sys.exit(main())
