"""Where shared links point: the clinic's configured public address, else the address the visitor used.

The public address is configured in content/clinic.yaml (`public_url`); the environment variable
EXPLAINER_PUBLIC_URL, when set, wins over it, so one deployment can differ from the file it ships.
"""

from __future__ import annotations

import functools
import io
import os
from urllib.parse import urlsplit, urlunsplit

import segno
import segno.encoder

from explainer import routes

ENV_BASE = "EXPLAINER_PUBLIC_URL"


def base_url(configured: str | None, visited: str | None) -> str:
    """The app's root URL without a trailing slash. A configured address wins; otherwise the visitor's
    address with the page path, query and fragment removed, so nothing personal rides along."""
    for candidate in (configured, visited):
        if not candidate:
            continue
        parts = urlsplit(candidate.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        path = parts.path.rstrip("/")
        last = path.rsplit("/", 1)[-1]
        if last and routes.by_path(last):
            path = path[: -len(last)].rstrip("/")
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return "http://localhost:8501"


def configured_base(clinic_url: str | None = None) -> str | None:
    """The configured public address: EXPLAINER_PUBLIC_URL if set, else the clinic's (clinic.yaml)."""
    return os.environ.get(ENV_BASE) or clinic_url or None


@functools.lru_cache(maxsize=1024)
def qr_svg(url: str, scale: int = 6) -> str | None:
    """The QR code of `url` as inline SVG text, dark on light for reliable scanning; None when the
    address is too long for a QR code."""
    buffer = io.BytesIO()
    try:
        code = segno.make(url, error="m")
    except segno.encoder.DataOverflowError:
        return None
    code.save(buffer, kind="svg", scale=scale, border=4, xmldecl=False, svgns=True, dark="#000000", light="#FFFFFF")
    return buffer.getvalue().decode("utf-8")
