"""The frame every standalone page shares: the Jinja2 environment, dates, and the sources a page cites."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape

from explainer.content import Content
from explainer.facts import clinic_lines, help_blocks

if TYPE_CHECKING:
    from explainer.content import Source

HERE = Path(__file__).resolve().parent


def number(value: float) -> str:
    """A drawing coordinate to one decimal, without trailing zeros, so the SVG stays short."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _environment() -> Environment:
    # The package folder is searched too, so templates can include css/*.css; those are not HTML and
    # are not escaped, while every .html template escapes whatever it is given.
    env = Environment(
        loader=FileSystemLoader([HERE / "templates", HERE]),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = number
    return env


ENV = _environment()


def cited(content: Content, source_ids: Iterable[str]) -> list[Source]:
    """The sources named, each once, in the order first named."""
    return [content.sources[sid] for sid in dict.fromkeys(source_ids)]


def page(
    template: str | Sequence[str],
    content: Content,
    *,
    title: str,
    page_id: str,
    source_ids: Iterable[str],
    link: str,
    link_title: str,
    link_text: str,
    made: str | None = None,
    **values: Any,
) -> str:
    """A standalone page from `template` (or the first of a list that exists) in the shared layout: title,
    review date of `page_id`, disclaimer, the page's own body, the link back to the app, the clinic's
    details (content/clinic.yaml) and the sources.
    `made` (the day it was printed) is left out of pages that must regenerate byte for byte."""
    names: list[str | Template] = [template] if isinstance(template, str) else [*template]
    help_signs, help_mood = help_blocks(content)
    return ENV.select_template(names).render(
        lang=content.lang,
        help_title=content.text("urgent.title"),
        help_signs=help_signs,
        help_mood=help_mood,
        title=title,
        site=content.site,
        reviewed=content.long_date(content.pages[page_id].meta.reviewed),
        made=made,
        sources=cited(content, source_ids),
        link=link,
        link_title=link_title,
        link_text=link_text,
        clinic=clinic_lines(content),
        **values,
    )
