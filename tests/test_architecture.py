"""The shape of the code: small modules, and data flowing one way (content -> logic -> views), so a
newcomer can change one part without reading the rest."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "explainer"
MAX_LINES = 300

# Each layer may import only from the layers listed for it (and from outside the package).
LAYERS: dict[str, set[str]] = {
    "routes": set(),
    "build_cache": set(),
    "content": {"routes", "links", "content"},
    "links": {"routes"},
    "facts": {"content"},
    "charts": {"content"},
    "decision": {"content"},
    "share": {"routes"},
    "cards": {"content", "facts", "links", "routes"},
    "pictures": {"build_cache", "cards", "charts", "content", "routes"},
    "serve": {"web"},
    "html": {"cards", "content", "facts", "routes", "charts", "html"},
    "web": {"cards", "content", "html", "routes", "share"},
    "ui": {"content", "facts", "routes", "charts", "decision", "links", "share", "html", "pictures", "ui"},
}
NO_STREAMLIT = {
    *("routes", "content", "links", "facts", "charts", "decision", "share", "cards", "pictures", "html", "web"),
    "build_cache",
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_is_small_enough_to_read_in_one_sitting(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by concept"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_from_a_layer_above_it(path: Path) -> None:
    layer = _layer(path)
    if layer == "__init__":
        return
    allowed = LAYERS[layer]
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "explainer" and len(parts) > 1 and parts[1] in LAYERS:
            assert parts[1] in allowed or parts[1] == layer, f"{path.relative_to(ROOT)} imports {name}"
        if layer in NO_STREAMLIT:
            assert parts[0] != "streamlit" or (path.name == "__init__.py" and layer == "content"), (
                f"{path.relative_to(ROOT)} imports {name}: only the views talk to Streamlit"
            )


def test_every_module_says_what_it_is_for() -> None:
    for path in [*_modules(), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.relative_to(ROOT)} has no docstring"


def test_page_scripts_stay_thin_and_never_parse_the_link_or_read_files() -> None:
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 70, f"{path.name} is not thin: move its panels to explainer/ui"
        assert "query_params" not in text and "open(" not in text and "read_text" not in text, path.name


@pytest.mark.parametrize("sheet", sorted((PACKAGE / "ui" / "css").glob("*.css")), ids=lambda p: p.name)
def test_an_app_style_sheet_survives_the_browsers_html_cleaning(sheet: Path) -> None:
    """st.html passes the app's styles through DOMPurify, which drops a whole <style> element whose text
    looks like a tag (even in a comment): one "<details>" in a comment once switched every style off."""
    text = sheet.read_text(encoding="utf-8")
    assert "<" not in text, f"{sheet.name}: a '<' makes the browser drop the whole sheet"
