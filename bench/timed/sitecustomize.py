"""Loaded by the benchmark's timed servers only (bench/run.py puts this folder on PYTHONPATH): times each
script run as Streamlit's own page-profile timer does, from the run's start to its finish, and appends the
milliseconds to the file named by EXPLAINER_BENCH_RUN_TIMES. Streamlit reports its own timer only with
usage statistics on, which also makes every command collect telemetry the app as shipped does not; this
measures the app as shipped. Nothing else changes in the server."""

from __future__ import annotations

import os
import time
from typing import Any


def _install(path: str) -> None:
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    run_script = ScriptRunner._run_script
    finished = ScriptRunner._on_script_finished

    def timed_run_script(self: Any, rerun_data: Any) -> None:
        self._bench_started = time.perf_counter()
        run_script(self, rerun_data)

    def timed_finished(self: Any, *args: Any, **kwargs: Any) -> None:
        ms = (time.perf_counter() - self._bench_started) * 1000
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{ms:.3f}\n")
        try:
            finished(self, *args, **kwargs)
        finally:
            self._bench_started = time.perf_counter()  # a rerun within the same call starts now

    setattr(ScriptRunner, "_run_script", timed_run_script)  # noqa: B010
    setattr(ScriptRunner, "_on_script_finished", timed_finished)  # noqa: B010


if os.environ.get("EXPLAINER_BENCH_RUN_TIMES"):
    _install(os.environ["EXPLAINER_BENCH_RUN_TIMES"])
