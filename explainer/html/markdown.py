"""Page prose from Markdown to HTML, as Streamlit shows it: CommonMark, GFM tables and strikethrough, no raw HTML."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def safe_link(url: str) -> bool:
    """Web and mail links and links within the site; never javascript:, data:, file: or anything else."""
    scheme = _SCHEME.match(url.strip())
    return scheme is None or scheme[1].lower() in SAFE_SCHEMES


def _shift_headings(state: StateCore) -> None:
    """# and ## both become h2: the page title is the page's only h1."""
    for token in state.tokens:
        if token.tag == "h1" and token.type in ("heading_open", "heading_close"):
            token.tag = "h2"


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # Images would load something from elsewhere, and a page must stay one self-contained file.
    md.disable("image")
    md.validateLink = safe_link  # type: ignore[method-assign]
    md.core.ruler.push("shift_headings", _shift_headings)
    return md


_MD = _parser()


def markdown(text: str) -> Markup:
    """The HTML of `text`; everything that is not Markdown comes out as escaped text."""
    return Markup(_MD.render(text))


def lead(text: str) -> str:
    """The prose before a page's first heading: its explanation, without the help on using the
    interactive page that follows it."""
    heading = next((t for t in _MD.parse(text) if t.type == "heading_open"), None)
    if heading is None or heading.map is None:
        return text.strip()
    return "\n".join(text.splitlines()[: heading.map[0]]).strip()
