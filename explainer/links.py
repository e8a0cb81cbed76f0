"""The link contract: page state <-> query parameters, with stable ids and a notice for every value dropped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

from explainer import routes

MAX_VALUE_LENGTH = 1000  # room for every question ticked; far below what a hostile link sends
MAX_COMPARE = 3
VIEWS = ("acute", "chronic")

Params = Mapping[str, list[str]]
S = TypeVar("S")


@dataclass(frozen=True)
class Notice:
    """Why part of a link was not used. `problem` is one of: unknown, repeated, too-long, too-many, empty."""

    param: str
    problem: str


@dataclass(frozen=True)
class Parsed(Generic[S]):
    state: S
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class PathwayState:
    stage: str | None = None
    view: str = "acute"
    treatment: str | None = None


@dataclass(frozen=True)
class TreatmentsState:
    compare: tuple[str, ...] = ()
    matters: tuple[tuple[str, int], ...] = ()  # (wish id, 0-2), in the order the content lists wishes
    ask: tuple[str, ...] = ()  # ids of ticked questions for the care team


@dataclass(frozen=True)
class TalkState:
    slide: int = 1


@dataclass(frozen=True)
class LearnState:
    term: str | None = None


def _single(params: Params, name: str, notices: list[Notice]) -> str | None:
    """The one usable value of a parameter, or None with a notice saying why not."""
    values = params.get(name) or []
    if not values:
        return None
    if len(values) > 1:
        notices.append(Notice(name, "repeated"))
        return None
    value = values[0].strip()
    if not value:
        notices.append(Notice(name, "empty"))
        return None
    if len(value) > MAX_VALUE_LENGTH:
        notices.append(Notice(name, "too-long"))
        return None
    return value


def _choice(params: Params, name: str, allowed: Iterable[str], notices: list[Notice]) -> str | None:
    value = _single(params, name, notices)
    if value is None:
        return None
    value = value.lower()
    if value not in set(allowed):
        notices.append(Notice(name, "unknown"))
        return None
    return value


def _unexpected(params: Params, route_id: str, notices: list[Notice]) -> None:
    """A notice for each parameter the page does not read (its route lists those it does)."""
    known = (*routes.BY_ID[route_id].params, *routes.COMMON_PARAMS)
    for name in params:
        # Streamlit's own parameters are not ours to judge.
        if name not in known and not name.startswith("embed"):
            notices.append(Notice(name, "unknown-parameter"))


def parse_pathway(params: Params, stages: Iterable[str], treatments: Iterable[str]) -> Parsed[PathwayState]:
    notices: list[Notice] = []
    _unexpected(params, "pathway", notices)
    state = PathwayState(
        stage=_choice(params, "stage", stages, notices),
        view=_choice(params, "view", VIEWS, notices) or "acute",
        treatment=_choice(params, "treatment", treatments, notices),
    )
    return Parsed(state, tuple(notices))


def _id_list(
    params: Params, name: str, known: Iterable[str], notices: list[Notice], limit: int | None = None
) -> list[str]:
    """A comma-separated list of known ids, first occurrence kept, order kept."""
    raw = _single(params, name, notices)
    chosen: list[str] = []
    if raw is None:
        return chosen
    known = set(known)
    for item in (part.strip().lower() for part in raw.split(",")):
        if not item:
            continue
        problem = "unknown" if item not in known else "repeated" if item in chosen else None
        if problem:
            if Notice(name, problem) not in notices:
                notices.append(Notice(name, problem))
        else:
            chosen.append(item)
    if limit is not None and len(chosen) > limit:
        notices.append(Notice(name, "too-many"))
        chosen = chosen[:limit]
    return chosen


def _matters(params: Params, wishes: Sequence[str], notices: list[Notice]) -> tuple[tuple[str, int], ...]:
    """`avoid-needles:2,fast-relief:1` -> ratings in content order; a bad pair is dropped with a notice."""
    raw = _single(params, "matters", notices)
    if raw is None:
        return ()
    rated: dict[str, int] = {}
    for pair in (part.strip().lower() for part in raw.split(",")):
        if not pair:
            continue
        wish, _, level = pair.partition(":")
        if wish not in wishes or level not in ("0", "1", "2") or wish in rated:
            if Notice("matters", "unknown") not in notices:
                notices.append(Notice("matters", "unknown"))
            continue
        rated[wish] = int(level)
    return tuple((w, rated[w]) for w in wishes if w in rated)


def parse_treatments(
    params: Params, treatments: Iterable[str], wishes: Sequence[str] = (), questions: Iterable[str] = ()
) -> Parsed[TreatmentsState]:
    notices: list[Notice] = []
    _unexpected(params, "treatments", notices)
    state = TreatmentsState(
        compare=tuple(_id_list(params, "compare", treatments, notices, MAX_COMPARE)),
        matters=_matters(params, wishes, notices),
        ask=tuple(_id_list(params, "ask", questions, notices)),
    )
    return Parsed(state, tuple(notices))


def parse_talk(params: Params, slide_count: int) -> Parsed[TalkState]:
    """Slides are 1-based; anything out of range goes to the nearest slide there is."""
    notices: list[Notice] = []
    _unexpected(params, "talk", notices)
    raw = _single(params, "slide", notices)
    slide = 1
    if raw is not None:
        try:
            number = int(raw)
        except ValueError:
            notices.append(Notice("slide", "unknown"))
        else:
            slide = min(max(number, 1), slide_count)
            if slide != number:
                notices.append(Notice("slide", "out-of-range"))
    return Parsed(TalkState(slide), tuple(notices))


def parse_learn(params: Params, terms: Iterable[str]) -> Parsed[LearnState]:
    notices: list[Notice] = []
    _unexpected(params, "learn", notices)
    return Parsed(LearnState(_choice(params, "term", terms, notices)), tuple(notices))


State = PathwayState | TreatmentsState | TalkState | LearnState
# Which page each state belongs to; its path comes from the route registry.
ROUTE_OF: dict[type, str] = {
    PathwayState: "pathway",
    TreatmentsState: "treatments",
    TalkState: "talk",
    LearnState: "learn",
}


def to_params(state: State | None) -> dict[str, str]:
    """The query parameters that reproduce a state; defaults that need no saying are left out.
    None is the state of a page that takes no parameters."""
    if state is None:
        return {}
    if isinstance(state, PathwayState):
        view = state.view if state.view != "acute" else None
        out = {"stage": state.stage, "view": view, "treatment": state.treatment}
    elif isinstance(state, TreatmentsState):
        out = {
            "compare": ",".join(state.compare),
            "matters": ",".join(f"{wish}:{level}" for wish, level in state.matters if level),
            "ask": ",".join(state.ask),
        }
    elif isinstance(state, TalkState):
        out = {"slide": str(state.slide)}
    else:
        out = {"term": state.term}
    return {k: v for k, v in out.items() if v}


def href(state: State, lang: str | None = None) -> str:
    """A relative link to the view, e.g. `/pathway?stage=dorsal-horn&view=chronic&lang=es`."""
    query = urlencode(with_language(to_params(state), lang), safe=",")
    return routes.BY_ID[ROUTE_OF[type(state)]].href + (f"?{query}" if query else "")


def absolute(base: str, relative: str) -> str:
    """Join a site base such as `https://clinic.example/explainer` and a relative href."""
    return base.rstrip("/") + relative


def parse_language(params: Params) -> Parsed[str | None]:
    """The language a link asks for, or None when it asks for none (or for one the guide is not in)."""
    notices: list[Notice] = []
    return Parsed(_choice(params, "lang", routes.LANGUAGES, notices), tuple(notices))


def with_language(query: dict[str, str], lang: str | None) -> dict[str, str]:
    """Query parameters with the language added, when the view's language must ride along."""
    return {**query, "lang": lang} if lang else dict(query)


def parse_none(params: Params) -> Parsed[None]:
    """Pages that take no parameters still say when a link carried some."""
    notices: list[Notice] = []
    _unexpected(params, "home", notices)
    return Parsed(None, tuple(notices))
