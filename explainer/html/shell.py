"""The interactive guide's first screen: its name, that it is loading, and a link to the light pages.

Streamlit's page is an empty shell until about 450 KB of JavaScript has arrived and run, which on a slow
phone takes seconds of a blank screen. The production server writes this screen into the page in the
visitor's language (deploy/nginx.conf, from the map made here), so the reader sees at once that they are
in the right place and can choose the text-only version.
"""

from __future__ import annotations

from collections.abc import Mapping

from explainer.content import Content
from explainer.html.frame import ENV
from explainer.routes import DEFAULT_LANGUAGE, HOME, light_path

NGINX_VARIABLE = "$app_shell"


def shell(content: Content) -> str:
    """The screen as one line of HTML, every value escaped (the template autoescapes)."""
    return (
        ENV.get_template("shell.html")
        .render(
            name=content.site.name,
            loading=content.text("shell.loading"),
            light=light_path(HOME.id, content.lang),
            light_text=content.text("shell.light"),
        )
        .strip()
        # nginx would read $ as the start of a variable, and a backslash as an escape in its quoted string
        .replace("$", "&#36;")
        .replace("\\", "&#92;")
    )


def nginx_map(contents: Mapping[str, Content], language_variable: str = "$html_lang") -> str:
    """An nginx map from the page's language to its screen. Autoescaping leaves no quote or backslash
    unescaped that could end nginx's single-quoted string; that is checked, not assumed."""
    lines = [f"map {language_variable} {NGINX_VARIABLE} {{"]
    for lang, content in contents.items():
        html = shell(content)
        if "'" in html or "\\" in html or "\n" in html:
            raise ValueError(f"the {lang} first screen cannot be written as an nginx string: {html!r}")
        lines.append(f"    {'default' if lang == DEFAULT_LANGUAGE else lang} '{html}';")
    return "\n".join(lines) + "\n}\n"
