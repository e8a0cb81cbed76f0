"""A small Streamlit websocket client: holds sessions and times script runs without a browser.

It speaks the browser's protocol (BackMsg/ForwardMsg protobufs from `streamlit.proto`) on
`/_stcore/stream`, so one process can hold dozens of sessions and time each run from the rerun request
to the server's script-finished message. A server started with `--browser.gatherUsageStats true` also
reports how long the script itself ran (Streamlit's page profile message); this client reads that figure
and sends nothing anywhere else.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Origin, Subprotocol

WIDGETS = ("selectbox", "radio", "multiselect", "button", "toggle", "slider")
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


class RunFailed(RuntimeError):
    pass


@dataclass
class Run:
    ms: float  # rerun request sent to script-finished received, as the client sees it
    messages: int
    bytes: int
    exceptions: list[str]
    script_ms: float | None = None  # the server's own timer around the script run, when it reports it


@dataclass
class Session:
    """One browser tab's worth of server state, driven over a websocket."""

    base_url: str
    cookie: str = ""
    page: str = ""
    query_string: str = ""
    page_script_hash: str = ""
    widgets: dict[str, Any] = field(default_factory=dict)  # widget key -> element proto, this page
    values: dict[str, Any] = field(default_factory=dict)  # widget id -> WidgetState the browser holds
    texts: list[str] = field(default_factory=list)  # markdown bodies of the last run
    ws: ClientConnection | None = None

    async def connect(self, timeout: float = 10) -> Session:
        parts = urlsplit(self.base_url)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.ws = await asyncio.wait_for(
            connect(
                f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream",
                subprotocols=[Subprotocol("streamlit")],
                origin=Origin(f"{parts.scheme}://{parts.netloc}"),
                additional_headers=headers,
                max_size=None,
                open_timeout=timeout,
                ping_interval=None,
            ),
            timeout,
        )
        return self

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def open(self, page: str = "", query_string: str = "", timeout: float = 30) -> Run:
        """A first visit to a page: what the browser sends right after connecting."""
        self.page, self.query_string, self.widgets, self.values = page, query_string, {}, {}
        self.fragments: dict[str, str] = {}  # widget key -> the fragment it is drawn in, if any
        return await self._rerun(page_name=page, query_string=query_string, timeout=timeout)

    async def change(self, key: str, timeout: float = 30, **value: Any) -> Run:
        """Change one widget, named by its key, as the browser does: value is e.g. string_value=... A widget
        drawn in a fragment reruns that fragment only, as the browser asks."""
        element = self.widgets[key]
        state = BackMsg().rerun_script.widget_states.widgets.add()
        state.id = element.id
        for name, v in value.items():
            target = getattr(state, name)
            if isinstance(v, (list, tuple)):
                target.data.extend(v)
            else:
                setattr(state, name, v)
        self.values[state.id] = state
        try:
            return await self._rerun(
                page_script_hash=self.page_script_hash,
                query_string=self.query_string,
                fragment_id=self.fragments.get(key, ""),
                timeout=timeout,
            )
        finally:
            if state.WhichOneof("value") == "trigger_value":
                del self.values[state.id]  # a click is sent once; the browser does not repeat it

    def options(self, key: str) -> list[str]:
        return list(self.widgets[key].options)

    async def _rerun(
        self,
        *,
        page_name: str = "",
        page_script_hash: str = "",
        query_string: str = "",
        fragment_id: str = "",
        timeout: float = 30,
    ) -> Run:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = query_string
        rerun.page_name = page_name
        rerun.page_script_hash = page_script_hash
        rerun.fragment_id = fragment_id
        rerun.widget_states.SetInParent()
        for state in self.values.values():
            rerun.widget_states.widgets.add().CopyFrom(state)
        info = rerun.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url = f"{self.base_url.rstrip('/')}/{self.page}"
        info.is_embedded, info.color_scheme = False, "light"
        self.texts = []
        if self.ws is None:
            raise RunFailed("not connected: call connect() first")
        exceptions: list[str] = []
        count, size, script_ms = 0, 0, None
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        deadline = start + timeout
        while True:
            data = await asyncio.wait_for(self.ws.recv(decode=False), max(deadline - time.perf_counter(), 0.01))
            count, size = count + 1, size + len(data)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                self.page_script_hash = fwd.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "page_profile":
                script_ms = fwd.page_profile.exec_time / 1000  # microseconds, preparation included
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._note(fwd.delta.new_element, exceptions, fwd.delta.fragment_id)
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # a rerun replaced this one; its own finish follows
                elapsed = (time.perf_counter() - start) * 1000
                if fwd.script_finished not in FINISHED:
                    raise RunFailed(f"script finished with status {fwd.script_finished}")
                return Run(elapsed, count, size, exceptions, script_ms)

    def _note(self, element: Any, exceptions: list[str], fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            exceptions.append(element.exception.message)
        elif kind == "markdown":
            self.texts.append(element.markdown.body)
        elif kind in WIDGETS:
            widget = getattr(element, kind)
            key = widget.id.rsplit("-", 1)[-1]
            self.widgets[key] = widget
            if fragment_id:
                self.fragments[key] = fragment_id
            else:
                self.fragments.pop(key, None)


def affinity_cookie(base_url: str, timeout: float = 10) -> str:
    """Fetch the page as a browser would first, and return the cookies the proxy set (sticky sessions)."""
    with urllib.request.urlopen(base_url.rstrip("/") + "/", timeout=timeout) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0] for c in cookies)
