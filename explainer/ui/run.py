"""The script run under way: what it has worked out already, and whether only a fragment runs; and what is
built once for every run to come."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from explainer.content import Content

T = TypeVar("T")


def once(key: object, make: Callable[[], T]) -> T:
    """make(), worked out once a script run (or a fragment's run) under `key`: what a run asks for several
    times (the content, the public address) costs one call. Outside a run, make() every time."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return make()
    memo: tuple[object, dict[object, Any]] | None = getattr(ctx, "_explainer_run", None)
    if memo is None or memo[0] is not ctx.cursors:  # Streamlit gives each run new cursors
        memo = (ctx.cursors, {})
        ctx._explainer_run = memo  # type: ignore[attr-defined]
    if key not in memo[1]:
        memo[1][key] = make()
    made: T = memo[1][key]
    return made


def in_fragment_run() -> bool:
    """True while only a fragment runs, not the whole page."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def built_once(max_entries: int) -> Any:
    """Decorates a function that draws what every visitor sees alike for the same content and arguments:
    Streamlit runs it once per content version (which holds the language) and arguments, keeps the elements
    it made and sends them again on later runs without building them again. Nothing in it may depend on the
    visitor (the link, session state, st.context) unless passed as an argument."""
    return st.cache_resource(max_entries=max_entries, show_spinner=False, hash_funcs={Content: lambda c: c.version})
