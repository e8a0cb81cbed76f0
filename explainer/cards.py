"""What a shared link shows before it is opened: the title, description, picture and address of a view.

A messaging app or a search engine reads only the page's head. Every value here is content looked up by an
id the link contract accepts (explainer/links.py), so an unknown or hostile value in a link is dropped and
never repeated. The server writes these into each page's head (explainer/web.py); the light pages carry
the words of theirs (explainer/html/light.py); explainer/pictures.py draws the pictures they name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from explainer import links, routes
from explainer.content import Content
from explainer.facts import cell

# Open Graph names a language with its country: the guide is written for the United States.
LOCALES: dict[str, str] = {"en": "en_US", "es": "es_US"}
PICTURES = "/app/static/preview"  # where the pictures are served, a folder per language
PICTURE_SIZE = (1200, 630)  # what link previews expect: 1.91 to 1
START, LADDER, PATHWAY = "start", "ladder", "pathway"
DESCRIPTION_LENGTH = 200  # search results and cards show about this much
Params = Mapping[str, list[str]]
# A comparison's card says which questions it answers, in the comparison's own words.
COMPARED_ROWS = ("what", "invasive", "reversible", "risks", "evidence")


@dataclass(frozen=True)
class Card:
    lang: str
    title: str
    description: str
    picture: str  # the name of its picture (pictures.py draws one of each name, per language)
    picture_alt: str
    path: str  # the view's own address under the site, with only the parameters the link contract keeps
    alternates: tuple[tuple[str, str], ...]  # (hreflang, path) of the same view in each language
    site_name: str

    @property
    def image(self) -> str:
        return f"{PICTURES}/{self.lang}/{self.picture}.png"

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    @property
    def other_locales(self) -> list[str]:
        return [locale for lang, locale in LOCALES.items() if lang != self.lang]


def pathway_picture(stage: str | None, view: str = "acute") -> str:
    """The name of the pathway's picture with this stage marked (or none) in this view."""
    return "-".join([PATHWAY, *([stage] if stage else []), *(["chronic"] if view == "chronic" else [])])


def language(params: Params, accept_language: str = "") -> str:
    """The language the app will show: the link's `lang`, else the browser's if the guide has it, else
    English (deploy/nginx.conf chooses `<html lang>` the same way)."""
    asked = links.parse_language(params).state
    if asked:
        return asked
    header = accept_language.strip().lower()
    return next((code for code in routes.LANGUAGES if header.startswith(code)), routes.DEFAULT_LANGUAGE)


def whole(text: str, fallback: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """`text` on one line if all of it fits in `limit` characters, else `fallback` (the page's own short
    description). Never a cut: the first sentences of a medicine's text would name its benefit and drop
    its harms, and a cut Spanish text would drop other sentences than the English."""
    text = " ".join(text.split())
    return text if len(text) <= limit else " ".join(fallback.split())


def plain(markdown: str) -> str:
    """Markdown as one line of plain text: list marks, emphasis and line breaks removed."""
    lines = [re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line) for line in markdown.splitlines()]
    return " ".join(re.sub(r"[*_`#]+", "", line).strip() for line in lines if line.strip())


def _titled(content: Content, page: str) -> str:
    site = content.site.name
    return page if page == site else content.text("preview.title", page=page, site=site)


def _paths(route: routes.Route, query: dict[str, str], lang: str | None) -> str:
    params = links.with_language(query, lang)
    return route.href + (f"?{urlencode(params, safe=',')}" if params else "")


def _card(content: Content, route_id: str, state: links.State | None, title: str, description: str,
          picture: str, picture_alt: str, asked_lang: str | None, fallback: str = "") -> Card:  # fmt: skip
    route = routes.BY_ID[route_id]
    fallback = fallback or content.pages[route_id].meta.description
    query = links.to_params(state)
    return Card(
        lang=content.lang,
        title=_titled(content, title),
        description=whole(description, fallback),
        picture=picture,
        picture_alt=picture_alt,
        path=_paths(route, query, asked_lang),
        alternates=(
            ("x-default", _paths(route, query, None)),
            *((code, _paths(route, query, code)) for code in LOCALES),
        ),
        site_name=content.clinic.name or content.site.name,
    )


def view_card(content: Content, route_id: str, params: Params) -> Card:
    """The card of a view of the app: the page, or the stage, comparison, slide or word its link names."""
    page = content.pages[route_id].meta
    asked = links.parse_language(params).state
    title, description, picture, alt = page.title, page.description, START, content.text("light.diagram")
    state: links.State | None = None
    fallback = ""  # the page's description, for a text too long to show whole
    if route_id == "pathway":
        state = links.parse_pathway(params, content.stages, content.treatments).state
        picture = pathway_picture(state.stage, state.view)
        if state.stage:
            stage = content.stages[state.stage]
            label = content.text("stage.chronic" if state.view == "chronic" else "stage.normal")
            title, description = stage.name, f"{label} {getattr(stage, state.view)}"
            fallback = f"{stage.where.rstrip('.')}. {page.description}"
        elif state.treatment:
            treatment = content.treatments[state.treatment]
            title = treatment.name
            description = f"{content.text('row.acts_at')} {cell(content, treatment, 'acts_at')}."
        elif state.view == "chronic":
            view = content.pathway.views["chronic"]
            title, description = view.title, view.summary
    elif route_id == "treatments":
        state = links.parse_treatments(params, content.treatments).state
        picture, alt = LADDER, content.text("treatments.ladder")
        if state.compare:
            names = [content.treatments[t].name for t in state.compare]
            title = content.text("preview.compare", options=", ".join(names))
            description = " ".join(content.text(f"row.{row}") for row in COMPARED_ROWS)
        state = links.TreatmentsState(compare=state.compare)  # what matters to a person stays out of a card
    elif route_id == "talk":
        state = links.parse_talk(params, len(content.slides)).state
        slide = content.slides[state.slide - 1]
        picture, alt = _slide_picture(content, slide.visual)
        title = content.text("preview.slide", n=state.slide, total=len(content.slides), title=slide.title)
        description = plain(slide.body) or page.description
    elif route_id == "learn":
        state = links.parse_learn(params, content.glossary).state
        if state.term:
            term = content.glossary[state.term]
            title, description = term.term, term.definition
    return _card(content, route_id, state, title, description, picture, alt, asked, fallback)


def _slide_picture(content: Content, visual: str) -> tuple[str, str]:
    if visual.startswith("pathway-"):
        return pathway_picture(None, visual.removeprefix("pathway-")), content.text("light.diagram")
    if visual in ("ladder", "compare"):
        return LADDER, content.text("treatments.ladder")
    return START, content.text("light.diagram")


def light_card(content: Content, route: routes.Route) -> Card:
    """The card of a light page: its page's words and picture, and its own address in each language."""
    card = view_card(content, route.id, {})
    return Card(
        lang=card.lang,
        title=card.title,
        description=card.description,
        picture=card.picture,
        picture_alt=card.picture_alt,
        path=routes.light_path(route.id, content.lang),
        alternates=tuple((code, routes.light_path(route.id, code)) for code in LOCALES),
        site_name=card.site_name,
    )
