"""A cache of build products by what they are made from, for `make light` and `make assets` and the container
test that runs the same builds again in a new folder.

Off unless EXPLAINER_BUILD_CACHE names a folder (the Makefile sets build/cache): then a product whose key
(a hash of everything it is made from, the tool's version included) is there already is read instead of
made. The Docker image builds without it, from nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

VARIABLE = "EXPLAINER_BUILD_CACHE"


def key(*parts: str | bytes) -> str:
    """A hash of the parts, each length-prefixed so no two different lists of parts run together."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(f"{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


def cached(name: str, make: Callable[[], bytes]) -> bytes:
    """The product stored under `name` (a key() with a suffix), else `make()`, stored for next time."""
    folder = os.environ.get(VARIABLE)
    if not folder:
        return make()
    path = Path(folder) / name[:2] / name
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")  # two builds at once never read half a file
    partial.write_bytes(data)
    partial.replace(path)
    return data
