"""Hostile and broken link values, shared by the page test that tries every one on every page without a browser
(tests/test_every_state.py) and the browser test that samples them (tests/e2e/test_hostile_links.py).

One visit puts one value into every parameter of a page's link contract at once, plus a parameter the contract
does not know, and expects each parameter to be answered with its own notice.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

from explainer.routes import COMMON_PARAMS, ROUTES

# Each page's address and the parameters of its link contract, its own and those every page reads.
CONTRACT = {route.href: [*route.params, *COMMON_PARAMS] for route in ROUTES}
UNKNOWN = "utm_source"
XSS_FLAG = "window.__xss"
# name -> the value as it appears in the URL (already percent-encoded where it must be; raw bytes on purpose).
VALUES = {
    "malformed": "%ZZ%2",
    "empty": "",
    "oversized": "a" * 5000,
    "script-tag": quote("<script>alert(1)</script>"),
    "attribute-break": quote('"><img src=x onerror=alert(1)>'),
    "javascript-url": quote("javascript:alert(1)"),
    "flag-setter": quote(f'"><svg onload="{XSS_FLAG}=1"><img src=x onerror="{XSS_FLAG}=1">'),
    # Cyrillic, an emoji and a right-to-left override (which can make a link read backwards) in one value.
    "non-ascii": quote("дорсальный🩺") + "%E2%80%AEnoitces",
    "nul": "%00",
}
REPEATED = "repeated"
NAMES = [*VALUES, REPEATED]


def query(path: str, value_name: str) -> str:
    """The query string that puts the named value into every parameter of the page's contract and one more."""
    params = CONTRACT[path] + [UNKNOWN]
    if value_name == REPEATED:
        return "&".join(f"{p}=one&{p}=two" for p in params)
    return "&".join(f"{p}={VALUES[value_name]}" for p in params)


def link(path: str, value_name: str) -> str:
    return f"{path}?{query(path, value_name)}"


def decoded(path: str, value_name: str) -> dict[str, list[str]]:
    """The parameters as the server reads the link (Python's parse_qs, as Streamlit does)."""
    return parse_qs(query(path, value_name), keep_blank_values=True)


def expected_notices(content, param: str) -> set[str]:
    """Every message that can answer a bad value of this parameter, from the content's own wording."""
    problems = ("unknown", "repeated", "too-long", "too-many", "empty", "out-of-range")
    return {content.text(f"notice.{problem}", param=param) for problem in problems}
