"""The one registry of pages: id, URL path, script, icon, the link parameters each reads, its light page.

app.py builds the navigation from it, links and share read paths from it, the light pages, the benchmark
and the tests list pages from it, and a test keeps README's link table in step with it. Adding a page is
one entry here, one script in pages/ and its prose in content/pages/<id>.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    id: str  # also the name of its prose file, content/pages/<id>.md, whose `nav` is its menu title
    path: str  # URL path under the app's root; "" is the start page
    script: str  # pages/<script>.py; never equal to `path` (see app.py on Streamlit's legacy pages mode)
    icon: str
    params: tuple[str, ...] = ()  # the query parameters of the link contract this page reads
    light: str | None = None  # its light page under /app/static/light/, if it has one
    charts: int = 0  # how many charts a first visit draws, for the benchmark's targets

    @property
    def url_path(self) -> str:
        """The path Streamlit registers; the start page needs one too, though it is served at /."""
        return self.path or self.id

    @property
    def script_path(self) -> str:
        return f"pages/{self.script}.py"

    @property
    def href(self) -> str:
        return f"/{self.path}"


ROUTES: tuple[Route, ...] = (
    Route("home", "", "start", ":material/home:", light="index.html"),
    Route(
        "pathway",
        "pathway",
        "pain_pathway",
        ":material/timeline:",
        ("stage", "view", "treatment"),
        light="pathway.html",
        charts=1,  # the diagram; the wind-up opens as a picture drawn ahead (explainer/pictures.py)
    ),
    Route(
        "treatments",
        "treatments",
        "treatment_options",
        ":material/stairs:",
        ("compare", "matters", "ask"),
        light="treatments.html",
        charts=1,
    ),
    Route("talk", "talk", "presenter", ":material/co_present:", ("slide",)),
    Route("learn", "learn", "learn_more", ":material/menu_book:", ("term",), light="learn.html"),
)

BY_ID: dict[str, Route] = {r.id: r for r in ROUTES}
# Every page also reads `lang`; the languages the guide is written in, each named in its own words.
COMMON_PARAMS: tuple[str, ...] = ("lang",)
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
PAGE_IDS: tuple[str, ...] = tuple(BY_ID)
HOME = ROUTES[0]
# The pages the start page sends a reader on to, in order.
NEXT_STEPS: tuple[str, ...] = ("pathway", "treatments", "learn")


def by_path(path: str) -> Route | None:
    """The route whose URL path is `path` (with or without slashes), or None."""
    wanted = path.strip("/")
    return next((r for r in ROUTES if r.path == wanted), None)


def light_page(route_id: str) -> str:
    """The light page that matches a page; pages without their own fall back to the start page's."""
    return BY_ID[route_id].light or HOME.light or "index.html"


def light_path(route_id: str, lang: str) -> str:
    """Where that light page is served, in this language: /app/static/light/[<lang>/]<page>."""
    folder = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"/app/static/light/{folder}{light_page(route_id)}"
