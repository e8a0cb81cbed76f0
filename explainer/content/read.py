"""Reading content files and turning schema errors into sentences that name file, entry and field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from explainer.content.models import ContentError

M = TypeVar("M", bound=BaseModel)

ENTRY_NAMES = {
    "stages": "stage",
    "connections": "connection",
    "body": "body part",
    "treatments": "treatment",
    "tiers": "tier",
    "terms": "term",
    "questions": "question",
    "slides": "slide",
    "sources": "source",
    "numbers": "number",
    "no_numbers": "no_numbers entry",
    "classes": "class",
    "groups": "group",
}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)


def rel(path: Path, root: Path) -> str:
    return f"content/{path.relative_to(root).as_posix()}"


# libyaml's loader where PyYAML was built with it (its wheels are): the same safe subset, about ten times
# faster than the pure-Python one, which took most of a second to read the guide in both languages.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(stream: Any) -> Any:
    return yaml.load(stream, Loader=_LOADER)


def read_yaml(path: Path, root: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return _safe_load(handle)
    except FileNotFoundError:
        raise ContentError(f"{rel(path, root)}: file is missing") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ContentError(f"{rel(path, root)}: not valid YAML{where}: {getattr(err, 'problem', err)}") from None


def read_page(path: Path, root: Path) -> tuple[Any, str]:
    """A Markdown page's front matter (YAML between '---' lines) and its body."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{rel(path, root)}: file is missing") from None
    match = _FRONT_MATTER.match(raw)
    if not match:
        raise ContentError(f"{rel(path, root)}: must start with front matter between '---' lines")
    try:
        meta = _safe_load(match.group(1))
    except yaml.YAMLError as err:
        raise ContentError(f"{rel(path, root)}: front matter is not valid YAML: {err}") from None
    return meta, match.group(2).strip()


def describe(err: Any, data: Any) -> str:
    """ "treatment 'massage': field 'tier' must be 1-6" from one pydantic error."""
    loc, parts, node = list(err["loc"]), [], data
    field_path: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        if isinstance(key, str) and i + 1 < len(loc) and isinstance(loc[i + 1], int) and key in ENTRY_NAMES:
            index = loc[i + 1]
            entries = node.get(key, []) if isinstance(node, dict) else []
            entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
            label = entry.get("id") if isinstance(entry, dict) and entry.get("id") else f"#{index + 1}"
            parts.append(f"{ENTRY_NAMES[key]} '{label}'")
            node, i = entry, i + 2
            field_path = []
            continue
        field_path.append(str(key))
        node = node.get(key) if isinstance(node, dict) else None
        i += 1
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "missing":
        msg = "is missing"
    elif err["type"] == "extra_forbidden":
        msg = "is not a known field"
    elif msg:
        msg = msg[0].lower() + msg[1:]
    parts.append(f"field '{'.'.join(field_path)}' {msg}" if field_path else msg)
    return ": ".join(parts)


def validate(model: type[M], data: Any, where: str) -> M:
    if not isinstance(data, dict):
        raise ContentError(f"{where}: must be a mapping of fields, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        raise ContentError(f"{where}: {describe(first, data)}") from None


def entries(model: type[M], data: Any, key: str, where: str) -> list[M]:
    """The entries of the list under `key`, each validated."""
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentError(f"{where}: needs a list under '{key}'")
    found = []
    for n, item in enumerate(data[key], 1):
        what = ENTRY_NAMES.get(key, key)
        if not isinstance(item, dict):
            raise ContentError(f"{where}: {what} #{n} must be a mapping of fields")
        label = item.get("id") if isinstance(item.get("id"), str) and item.get("id") else f"#{n}"
        found.append(validate(model, item, f"{where}: {what} '{label}'"))
    return found


def unique(items: list[Any], what: str, where: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for item in items:
        if item.id in seen:
            raise ContentError(f"{where}: {what} '{item.id}' appears twice (ids must be unique)")
        seen[item.id] = item
    return seen
