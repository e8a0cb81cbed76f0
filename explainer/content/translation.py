"""A translation must say what the English says: the same files, keys, ids, placeholders and numbers.

Only the words a reader sees may differ. Code values (ids, tiers, positions, fits, a profile's facts,
source ids, dates) must be the same, and so must every {placeholder} and every
number written in digits, so a translated page cannot quietly say 48 in 100 where the English says 34.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path
from typing import Any

from explainer import routes
from explainer.content.models import ContentError
from explainer.content.read import ENTRY_NAMES, read_page, read_yaml, rel

# Keys whose values are code or numbers, never words, in every file.
FIXED = {
    "id",
    "option",
    "source",
    "sources",
    "tier",
    "x",
    "y",
    "from",
    "to",
    "kind",
    "visual",
    "compare",
    "fact",
    "relief",
    "out_of_100",
    "url",
    "year",
    "reviewed",
    "next_review",
    "certainty",
}
# The clinic's own details: names, numbers and addresses, the same in every language, so one file only.
CLINIC_FILE = "clinic.yaml"
# ...and in one file only: a source keeps its published title.
FIXED_IN: dict[str, frozenset[str]] = {"sources.yaml": frozenset({"title"})}
# Under these keys every value is code except the ones named.
CODE_BLOCKS: dict[str, frozenset[str]] = {"profile": frozenset({"certainty_reason"})}
_DIGITS = re.compile(r"\d+")


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}  # a stray brace; the schema check of that language names it


def _compare_text(english: str, other: str, where: str) -> None:
    if _placeholders(english) != _placeholders(other):
        raise ContentError(
            f"{where}: placeholders differ from the English "
            f"(English: {sorted(_placeholders(english))}, here: {sorted(_placeholders(other))})"
        )
    if Counter(_DIGITS.findall(english)) != Counter(_DIGITS.findall(other)):
        raise ContentError(
            f"{where}: a number differs from the English "
            f"(English: {', '.join(_DIGITS.findall(english)) or 'none'}; "
            f"here: {', '.join(_DIGITS.findall(other)) or 'none'})"
        )


def _label(key: str | None, item: Any, index: int) -> str:
    what = ENTRY_NAMES.get(key or "", key or "entry")
    name = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{index + 1}"
    return f"{what} '{name}'"


def compare(
    english: Any,
    other: Any,
    where: str,
    key: str | None = None,
    fixed: frozenset[str] = frozenset(),
    words: frozenset[str] | None = None,
) -> None:
    """Walk both trees together; raise at the first place where the translation is not a translation.
    `fixed` names keys that are code in this file; inside a code block, `words` names the keys that are
    still words (everything else there is code)."""
    if isinstance(english, dict):
        if not isinstance(other, dict):
            raise ContentError(f"{where}: must be a mapping, as in the English")
        for name in sorted(english.keys() - other.keys()):
            raise ContentError(f"{where}: field '{name}' is missing (the English has it)")
        for name in sorted(other.keys() - english.keys()):
            raise ContentError(f"{where}: field '{name}' is not in the English")
        for name, value in english.items():
            inner = words if words is not None else CODE_BLOCKS.get(name)
            compare(value, other[name], f"{where}: field '{name}'", name, fixed, inner)
        return
    if isinstance(english, list):
        if not isinstance(other, list) or len(english) != len(other):
            raise ContentError(f"{where}: needs {len(english)} entries, as in the English")
        for n, (a, b) in enumerate(zip(english, other, strict=True)):
            if isinstance(a, dict) and a.get("id") != (b.get("id") if isinstance(b, dict) else None):
                raise ContentError(f"{where}: entry #{n + 1} must be '{a.get('id')}', as in the English")
            compare(a, b, f"{where.rsplit(': field', 1)[0]}: {_label(key, a, n)}", key, fixed, words)
        return
    is_words = key in words if words is not None else key not in FIXED and key not in fixed
    if isinstance(english, str) and isinstance(other, str) and is_words:
        _compare_text(english, other, where)
    elif english != other:
        raise ContentError(f"{where}: must be the same as in the English ({english!r}): it is not words")


def compare_translation(base: Path, lang: str) -> None:
    """Compare every file of a language with the English it translates."""
    english = base
    other = base / lang
    if (other / CLINIC_FILE).exists():
        raise ContentError(
            f"{rel(other / CLINIC_FILE, base)}: is not read: the clinic's details are the same in every "
            f"language, so they live in content/{CLINIC_FILE} only (the words around them are in site.yaml)"
        )
    for path in sorted(p for p in english.glob("*.yaml") if p.name != CLINIC_FILE):
        twin = other / path.name
        where = rel(twin, base)
        if not twin.exists():
            raise ContentError(f"{where}: file is missing (the English has {rel(path, base)})")
        compare(read_yaml(path, base), read_yaml(twin, base), where, fixed=FIXED_IN.get(path.name, frozenset()))
    for page_id in routes.PAGE_IDS:
        path, twin = english / "pages" / f"{page_id}.md", other / "pages" / f"{page_id}.md"
        meta, body = read_page(path, base)
        their_meta, their_body = read_page(twin, base)
        where = rel(twin, base)
        compare(meta, their_meta, where)
        _compare_text(body, their_body, where)
