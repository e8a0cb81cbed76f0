"""docs/ipdas.md kept true: every file, app page and content field it names exists, every criterion has a
verdict and the tally adds up; and no content file claims that the guide meets IPDAS.

The notation is the one docs/ipdas.md explains under "How to read this":
  `path/to/file`                      a file or folder from the repository root (`*` matches as in a glob)
  `/page`                             a page of the app (explainer/routes.py)
  `file.yaml` → `a.b`, `c`            keys of a YAML file, found at any depth, through lists
  `page.md` → `key`, "Heading"        a front-matter key; a heading or bold lead-in of the page
  `module.py` → `name`                a function, class or top-level name
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.routes import ROUTES, by_path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ipdas.md"
CONTENT = ROOT / "content"
LEARN = CONTENT / "pages" / "learn.md"

VERDICTS = ("met", "partly met", "not met", "not applicable")
# Section heading -> (number prefix, how many criteria IPDASi v4.0 has in that group).
GROUPS = {"Qualifying criteria": ("Q", 6), "Certifying criteria": ("C", 10), "Quality criteria": ("QC", 28)}
TALLY_NAMES = {"Qualifying": "Qualifying criteria", "Certifying": "Certifying criteria", "Quality": "Quality criteria"}
# Criteria for aids about screening or testing; this guide is about treatment.
SCREENING = {"C7", "C8", "C9", "C10", "QC24", "QC25", "QC26", "QC27", "QC28"}
STATEMENT = "The guide used IPDAS as a guide and does not claim to meet it."

CODE = re.compile(r"`([^`]+)`")
ITEM = re.compile(r"`([^`]+)`|\"([^\"]+)\"")
REFERENCE = re.compile(r"`([^`]+\.(?:yaml|md|py))`\s*→\s*((?:(?:`[^`]+`|\"[^\"]+\")(?:\s*,\s*)?)+)")
# A claim of compliance, in any file under content/ (case-insensitive).
STANDARD = r"(?:the\s+)?(?:IPDAS|International\s+Patient\s+Decision\s+Aid\s+Standards)"
CLAIMS = {
    "meets IPDAS": rf"\bmeets\s+{STANDARD}",
    "IPDAS-compliant": rf"\bIPDAS[\s-]+compliant\b|\bcompliant\s+with\s+{STANDARD}",
    "certified": r"\bcertified\b",
    "we followed IPDAS": rf"\bwe\s+followed\s+{STANDARD}",
}


# ---- reading the doc --------------------------------------------------------------------------------
def _doc() -> str:
    assert DOC.is_file(), "docs/ipdas.md is missing"
    return DOC.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """'## Heading' -> the text under it; '' -> the text before the first one."""
    parts = re.split(r"^## +(.+?) *$", text, flags=re.M)
    return {"": parts[0], **dict(zip(parts[1::2], parts[2::2], strict=True))}


def _rows(section: str) -> list[list[str]]:
    """The body rows of the Markdown tables in a section, as cells; header and divider rows left out."""
    rows: list[list[str]] = []
    previous = ""
    for line in section.splitlines():
        # A table's first line is its header: a row counts only when a table line comes before it.
        if line.startswith("|") and previous.startswith("|") and not re.fullmatch(r"[|\s:-]+", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        previous = line
    return rows


def _criteria() -> dict[str, dict[str, tuple[str, str, str]]]:
    """Group heading -> {number: (criterion, verdict, where)}."""
    sections = _sections(_doc())
    found: dict[str, dict[str, tuple[str, str, str]]] = {}
    for heading in GROUPS:
        assert heading in sections, f"docs/ipdas.md has no '## {heading}' section"
        rows = _rows(sections[heading])
        bad = [row for row in rows if len(row) != 4]
        assert bad == [], f"docs/ipdas.md, {heading}: rows without number, criterion, verdict and place: {bad}"
        found[heading] = {row[0]: (row[1], row[2].replace("*", "").strip().lower(), row[3]) for row in rows}
        assert len(found[heading]) == len(rows), f"docs/ipdas.md, {heading}: a criterion number is repeated"
    return found


def _looks_like_file(token: str) -> bool:
    return (
        "://" not in token and not token.startswith("/") and ("/" in token or token.endswith((".py", ".md", ".yaml")))
    )


# ---- the places the doc names ------------------------------------------------------------------------
def test_every_file_the_doc_names_exists():
    missing = []
    for token in sorted({t for t in CODE.findall(_doc()) if _looks_like_file(t)}):
        path = (ROOT / token).resolve()
        if not path.is_relative_to(ROOT):
            missing.append(f"{token} (outside the repository; write paths from the repository root)")
        elif "*" in token and not list(ROOT.glob(token)):
            missing.append(f"{token} (matches no file)")
        elif "*" not in token and not path.exists():
            missing.append(f"{token} (no such file or folder; write paths from the repository root)")
    assert missing == [], f"docs/ipdas.md names files that do not exist: {missing}"


def test_every_app_page_the_doc_names_is_a_route():
    text = _doc()
    named = {t for t in CODE.findall(text) if t.startswith("/")}
    # Page paths written outside backticks count too (URLs and code spans taken out first).
    prose = re.sub(r"https?://\S+", "", CODE.sub("", text))
    named |= {m.group(0) for m in re.finditer(r"(?<![\w/.~-])/[a-z][a-z0-9-]*\b", prose)}
    unknown = sorted(p for p in named if by_path(re.split(r"[?#]", p)[0]) is None)
    known = ", ".join(r.href for r in ROUTES)
    assert unknown == [], f"docs/ipdas.md names app pages explainer/routes.py does not have: {unknown} (pages: {known})"


def _has_keys(node: Any, keys: list[str]) -> bool:
    """Whether `keys` is a path from this node: lists are looked through, and a key may hold dots."""
    if not keys:
        return True
    if isinstance(node, list):
        return any(_has_keys(item, keys) for item in node)
    if isinstance(node, dict):
        named = {str(k): v for k, v in node.items()}
        return any(
            ".".join(keys[:n]) in named and _has_keys(named[".".join(keys[:n])], keys[n:])
            for n in range(len(keys), 0, -1)
        )
    return False


def _has_keys_anywhere(node: Any, keys: list[str]) -> bool:
    if _has_keys(node, keys):
        return True
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return any(_has_keys_anywhere(child, keys) for child in children)


def _bare(title: str) -> str:
    return title.strip().rstrip(".:?!").strip().lower()


@functools.cache
def _read(path: Path) -> tuple[str, Any]:
    """A file's text, and its data when it is YAML (read once: the doc names some files dozens of times)."""
    text = path.read_text(encoding="utf-8")
    return text, yaml.safe_load(text) if path.suffix == ".yaml" else None


def _problem(path: Path, field: str | None, heading: str | None) -> str | None:
    """What is wrong with one reference to a file, or None when it is there."""
    text, data = _read(path)
    if path.suffix == ".yaml":
        if heading is not None:
            return f'"{heading}": a YAML file has no headings; name a key in backticks'
        return None if _has_keys_anywhere(data, field.split(".")) else f"no key `{field}`"
    if path.suffix == ".py":
        if heading is not None:
            return f'"{heading}": name a function, class or top-level name in backticks'
        name = re.escape(field)
        found = re.search(rf"^\s*(?:async\s+)?(?:def|class)\s+{name}\b|^{name}\s*(?::[^=\n]*)?=", text, re.M)
        return None if found else f"no function, class or top-level name `{field}`"
    front = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    meta, body = (yaml.safe_load(front[1]), front[2]) if front else ({}, text)
    if field is not None:
        return None if _has_keys(meta, field.split(".")) else f"no front-matter key `{field}`"
    titles = {_bare(t) for t in re.findall(r"^#+\s+(.+?)\s*$", body, re.M) + re.findall(r"\*\*(.+?)\*\*", body)}
    return None if _bare(heading) in titles else f'no heading or bold lead-in "{heading}"'


def test_every_field_and_heading_the_doc_names_exists():
    text = _doc()
    references = list(REFERENCE.finditer(text))
    assert references, "docs/ipdas.md names no `file` → `field` reference; has its notation changed?"
    arrows = text.count("→")
    assert arrows == len(references), (
        f"docs/ipdas.md has {arrows} arrows but only {len(references)} parse as `file` → `field` or "
        f'`file` → "Heading"; the arrow is for nothing else'
    )
    broken = []
    for ref in references:
        name, line = ref[1], text.count("\n", 0, ref.start()) + 1
        files = sorted(ROOT.glob(name)) if "*" in name else [ROOT / name]
        files = [f for f in files if f.is_file()]
        if not files:
            broken.append(f"docs/ipdas.md line {line}: {name}: no such file")
            continue
        for field, heading in ITEM.findall(ref[2]):
            for path in files:
                problem = _problem(path, field or None, heading or None)
                if problem:
                    broken.append(f"docs/ipdas.md line {line}: {path.relative_to(ROOT)}: {problem}")
    assert broken == [], "docs/ipdas.md names places that do not exist:\n" + "\n".join(broken)


# ---- the criteria ------------------------------------------------------------------------------------
@pytest.mark.parametrize("heading", list(GROUPS))
def test_each_group_lists_every_criterion_once_with_a_verdict(heading):
    prefix, count = GROUPS[heading]
    rows = _criteria()[heading]
    expected = [f"{prefix}{n}" for n in range(1, count + 1)]
    assert list(rows) == expected, f"docs/ipdas.md, {heading}: expected the numbers {expected}, found {list(rows)}"
    wrong = {number: verdict for number, (_, verdict, _) in rows.items() if verdict not in VERDICTS}
    assert wrong == {}, f"docs/ipdas.md, {heading}: verdicts must be one of {VERDICTS}; found {wrong}"
    empty = [number for number, (criterion, _, where) in rows.items() if not criterion or not where]
    assert empty == [], f"docs/ipdas.md, {heading}: criteria without their wording or their place: {empty}"


def test_only_the_screening_criteria_are_not_applicable_and_all_of_them_are():
    criteria = _criteria()
    na = {number for rows in criteria.values() for number, (_, v, _) in rows.items() if v == "not applicable"}
    assert na == SCREENING, (
        f"docs/ipdas.md: 'not applicable' is for the screening and testing criteria "
        f"{sorted(SCREENING)}; found it on {sorted(na)}"
    )


def test_a_criterion_that_is_met_says_where_in_the_app():
    for heading, rows in _criteria().items():
        for number, (_, verdict, where) in rows.items():
            if verdict in ("met", "partly met"):
                files = [t for t in CODE.findall(where) if _looks_like_file(t)]
                assert files, f"docs/ipdas.md, {number} is {verdict} but names no file where ({heading})"
            if verdict == "met":
                pages = [t for t in CODE.findall(where) if t.startswith("/")]
                assert pages, f"docs/ipdas.md, {number} is met but names no page of the app where ({heading})"


def test_the_tally_and_the_summary_match_the_rows():
    criteria = _criteria()
    sections = _sections(_doc())
    assert "Tally" in sections, "docs/ipdas.md has no '## Tally' section"
    counted = {name: Counter(v for _, v, _ in criteria[heading].values()) for name, heading in TALLY_NAMES.items()}
    counted["All"] = sum(counted.values(), Counter())
    stated = {row[0]: row[1:] for row in _rows(sections["Tally"])}
    assert set(stated) == set(counted), f"docs/ipdas.md's tally has rows {sorted(stated)}, not {sorted(counted)}"
    for name, cells in stated.items():
        real = [sum(counted[name].values()), *(counted[name][v] for v in VERDICTS)]
        assert [int(c) for c in cells] == real, (
            f"docs/ipdas.md's tally row {name!r} says {cells}; the tables give {real} (criteria, {', '.join(VERDICTS)})"
        )
    summary = re.search(r"(\d+) are met, (\d+) partly met, (\d+) not met and (\d+) not applicable", sections[""])
    assert summary, "docs/ipdas.md's summary does not say 'N are met, N partly met, N not met and N not applicable'"
    real = [counted["All"][v] for v in VERDICTS]
    assert [int(n) for n in summary.groups()] == real, (
        f"docs/ipdas.md's summary says {summary[0]!r}; the tables give {real}"
    )


def test_every_gap_is_in_the_work_to_do():
    sections = _sections(_doc())
    assert "Work to do" in sections, "docs/ipdas.md has no '## Work to do' section"
    todo = sections["Work to do"]
    gaps = [
        number
        for rows in _criteria().values()
        for number, (_, verdict, _) in rows.items()
        if verdict in ("not met", "partly met")
    ]
    missing = [number for number in gaps if not re.search(rf"\b{number}\b", todo)]
    assert missing == [], f"docs/ipdas.md: criteria not met or partly met that 'Work to do' leaves out: {missing}"


def test_the_doc_opens_by_saying_it_does_not_claim_to_meet_ipdas():
    opening = _sections(_doc())[""]
    assert " ".join(STATEMENT.split()) in " ".join(opening.split()), (
        f"docs/ipdas.md's opening paragraph must say: {STATEMENT!r}"
    )


# ---- what the app says -------------------------------------------------------------------------------
def test_no_content_file_claims_to_meet_ipdas():
    found = []
    for path in sorted(p for p in CONTENT.rglob("*") if p.is_file()):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [
                f"{path.relative_to(CONTENT.parent)}:{n}: {claim!r} in {line.strip()!r}"
                for claim, pattern in CLAIMS.items()
                if re.search(pattern, line, re.I)
            ]
    assert found == [], (
        "content/ claims IPDAS compliance; the guide only used IPDAS as a guide "
        "(see docs/ipdas.md):\n" + "\n".join(found)
    )


def test_learn_more_says_ipdas_was_used_as_a_guide():
    text = " ".join(LEARN.read_text(encoding="utf-8").split())
    sentences = re.split(r"(?<=[.!?])\s+", text)
    said = [s for s in sentences if "IPDAS" in s and re.search(r"\bused\b", s) and "as a guide" in s.lower()]
    assert said, (
        "content/pages/learn.md must say that IPDAS was used as a guide (one sentence with "
        "'IPDAS', 'used' and 'as a guide'), not that the guide meets it"
    )
