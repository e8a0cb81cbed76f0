"""Docs kept true: README's link table matches the route registry, and every place docs/seed-coverage.md
names in content/ exists. Both documents are read when the tests run, so an edit to either is checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.routes import COMMON_PARAMS, ROUTES, by_path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SEED_COVERAGE = ROOT / "docs" / "seed-coverage.md"
CONTENT = ROOT / "content"


# ---- README: Pages and links --------------------------------------------------------------------------
def _links_section() -> str:
    section = README.read_text(encoding="utf-8").split("\n## Pages and links\n", 1)
    assert len(section) == 2, "README.md has no '## Pages and links' section"
    return section[1].split("\n## ", 1)[0]


def _readme_rows() -> dict[str, list[str]]:
    """Address (without its backticks) -> the row's cells."""
    tables = _tables(_links_section())
    assert tables, "README.md's 'Pages and links' section has no table"
    rows = {}
    for cells in tables[0][1:]:
        assert len(cells) == 3, f"README's link table: a row without page, address and parameters: {cells}"
        rows[cells[1].strip("`")] = cells
    return rows


def test_every_row_of_the_readme_link_table_is_a_page_of_the_app():
    unknown = [address for address in _readme_rows() if by_path(address) is None]
    assert unknown == [], f"README.md's 'Pages and links' names addresses explainer/routes.py does not have: {unknown}"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.id)
def test_the_readme_link_table_gives_each_page_its_address_and_parameters(route):
    rows = _readme_rows()
    assert route.href in rows, f"README.md's 'Pages and links' has no row for {route.href} ({route.id})"
    said = rows[route.href][2]
    missing = [param for param in route.params if f"`{param}=" not in said]
    assert missing == [], f"README.md's row for {route.href} does not give the parameter(s) {missing}: {said!r}"
    nav = re.search(r'^nav: *"?([^"\n]+)"?$', (CONTENT / "pages" / f"{route.id}.md").read_text(encoding="utf-8"), re.M)
    assert nav, f"content/pages/{route.id}.md has no nav title"
    assert rows[route.href][0] == nav[1], (
        f"README.md calls {route.href} {rows[route.href][0]!r}; the menu says {nav[1]!r} (content/pages/{route.id}.md)"
    )
    named = re.findall(r"`([a-z_-]+)=", said)
    extra = sorted(set(named) - set(route.params) - set(COMMON_PARAMS))
    assert extra == [], f"README.md's row for {route.href} gives parameter(s) the page does not read: {extra}"


def test_the_readme_gives_the_parameters_every_page_reads():
    section = _links_section()
    missing = [param for param in COMMON_PARAMS if f"`{param}=" not in section]
    assert missing == [], f"README.md's 'Pages and links' does not give {missing}, which every page reads"


# ---- docs/seed-coverage.md ----------------------------------------------------------------------------
# The notation of its "Where" cells, read pragmatically:
#   `file` → refs; `file` → refs      a file under content/, then places in it; `;` ends a file's places
#   `pages/x.md` → "Heading"          a heading of that page, or a bold lead-in; a final … means "starts with"
#   `id`, `id.field`, `key.sub.field` an entry by its id (anywhere in the file) or a top-level key, and fields
#   `.field`                          a field of the entry named just before
#   `id` (`field`, `field`)           fields of that entry; after a file alone, top-level keys
#   `id` body, tier 6 summary         a word after a place is a field of it when the file uses it as a key
#   `field` alone                     a field the file's entries have, such as `risks`
#   tier N, tiers N-M                 treatments.yaml's tiers
# Other words and parentheses are prose. A cell that names no file refers to the one YAML file that has
# the entry it names first.
TOKEN = re.compile(
    r"`(?P<code>[^`]+)`|\"(?P<quote>[^\"]+)\"|\btiers? (?P<tier>\d+)(?:-(?P<last_tier>\d+))?"
    r"|(?P<open>\()|(?P<close>\))|(?P<sep>;)|(?P<word>[A-Za-z_]+)"
)
Ref = tuple[str, Any]  # a place as the doc writes it, and what it is in the file


def _tables(text: str) -> list[list[list[str]]]:
    """Every Markdown table in the text: its rows of cells, the header first, the divider left out."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            if not re.fullmatch(r"[|\s:-]+", line):
                tables[-1].append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
        previous = line
    return tables


@dataclass
class ContentFile:
    """A file under content/ as the doc refers to it: its text, its data and every key it uses."""

    name: str
    text: str
    data: Any
    keys: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, name: str) -> ContentFile | None:
        path = CONTENT / name
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        read = cls(name, text, yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else None)
        read.keys = set(_keys(read.data))
        return read

    def entry(self, name: str) -> Any:
        """A top-level key's value, or the entry with this id anywhere in the file; None if neither."""
        if isinstance(self.data, dict) and name in self.data:
            return self.data[name]
        return next((node for node in _nodes(self.data) if isinstance(node, dict) and node.get("id") == name), None)

    def tier(self, number: int) -> Any:
        tiers = self.data.get("tiers", []) if isinstance(self.data, dict) else []
        return next((t for t in tiers if isinstance(t, dict) and t.get("tier") == number), None)


def _nodes(node: Any) -> list[Any]:
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [node, *(n for child in children for n in _nodes(child))]


def _keys(node: Any) -> list[str]:
    return [str(k) for n in _nodes(node) if isinstance(n, dict) for k in n]


def _path(node: Any, fields: list[str]) -> Any:
    for name in fields:
        node = _child(node, name)
    return node


def _child(node: Any, name: str) -> Any:
    if isinstance(node, dict):
        return node.get(name)
    if isinstance(node, list):
        return next((item for item in node if isinstance(item, dict) and item.get("id") == name), None)
    return None


class CoverageReader:
    """Reads one table's "Where" cells and collects every place that is not in content/."""

    def __init__(self) -> None:
        self.file: ContentFile | None = None
        self.problems: list[str] = []
        self.row = ""

    def problem(self, ref: str, why: str) -> None:
        name = self.file.name if self.file else "?"
        self.problems.append(f"row {self.row}: `{name}` → {ref}: {why}")

    def cell(self, row: str, cell: str) -> None:
        self.row = row
        codes = [m["code"] for m in TOKEN.finditer(cell) if m["code"]]
        if codes and not any(code.endswith((".md", ".yaml", ".yml")) for code in codes):
            self.file = self.holder(codes[0])
        entry: Ref | None = None  # the entry named last, for `.field`
        place: Ref | None = None  # the place named last, for a following word or parenthesis
        parens: list[Ref | None] = []  # for each open parenthesis, the place it follows
        for token in TOKEN.finditer(cell):
            kind = token.lastgroup if token.lastgroup != "last_tier" else "tier"
            code = token["code"] or ""
            if kind == "code" and code.endswith((".md", ".yaml", ".yml")):
                self.file = ContentFile.read(code)
                if self.file is None:
                    self.problems.append(f"row {row}: content/{code} does not exist")
                entry = place = None
            elif kind == "open":
                parens.append(place)
            elif kind == "close":
                parens, place = parens[:-1], None
            elif kind == "sep":
                entry = place = None
            elif self.file is None:
                continue
            elif kind == "quote":
                self.quote(token["quote"])
            elif kind == "tier" and not parens:
                entry = place = self.tiers(int(token["tier"]), int(token["last_tier"] or token["tier"]))
            elif kind == "code" and parens and parens[-1] is not None:
                self.field(parens[-1], code.split("."))
            elif kind == "code" and code.startswith("."):
                if entry is None:
                    self.problem(f"`{code}`", "a field with no entry named before it")
                else:
                    place = self.field(entry, code[1:].split("."))
            elif kind == "code":
                found = self.entry(code)
                if not parens:
                    entry, place = found
            elif kind == "word" and place is not None and not parens:
                if token["word"] in self.file.keys:
                    self.field(place, [token["word"]])
                place = None

    def holder(self, code: str) -> ContentFile | None:
        """For a cell that names no file: the YAML file that has the place it names first (the file of the
        row above when several do)."""
        first, *fields = code.split(".")
        files = [f for f in map(ContentFile.read, sorted(p.name for p in CONTENT.glob("*.yaml"))) if f]
        holders = [f for f in files if _path(f.entry(first), fields) is not None]
        if self.file is not None and self.file.name in [f.name for f in holders]:
            return self.file
        if len(holders) != 1:
            found = [f.name for f in holders] or "none"
            self.problems.append(f"row {self.row}: names no file, and the files with `{code}` are: {found}")
            return None
        return holders[0]

    def quote(self, quoted: str) -> None:
        """A heading of the page (its start, when the quote ends in …), or the start of a bold lead-in."""
        assert self.file is not None
        wanted = quoted.rstrip("…").strip()
        partial = wanted != quoted.strip()
        headings = [line.lstrip("#").strip() for line in self.file.text.splitlines() if line.startswith("#")]
        if (
            not any(h == wanted or (partial and h.startswith(wanted)) for h in headings)
            and f"**{wanted}" not in self.file.text
        ):
            self.problem(f'"{quoted}"', "no heading (or bold lead-in) with that text")

    def tiers(self, first: int, last: int) -> Ref | None:
        assert self.file is not None
        found = None
        for number in range(first, last + 1):
            found = self.file.tier(number)
            if found is None:
                self.problem(f"tier {number}", "no such tier")
        return None if found is None else (f"tier {last}", found)

    def entry(self, code: str) -> tuple[Ref | None, Ref | None]:
        """(the entry, the place) that `id.field...` names."""
        assert self.file is not None
        first, *fields = code.split(".")
        node = self.file.entry(first)
        if node is None:
            if not fields and first in self.file.keys:
                return None, None  # a field the entries have, named for all of them
            self.problem(f"`{code}`", f"no entry with id {first!r} and no key {first!r}")
            return None, None
        entry = (first, node)
        return entry, self.field(entry, fields)

    def field(self, base: Ref, fields: list[str]) -> Ref | None:
        name, node = base
        for part in fields:
            child = _child(node, part)
            if child is None:
                self.problem(f"`{name}.{'.'.join(fields)}`", f"{name!r} has no {part!r}")
                return None
            name, node = f"{name}.{part}", child
        return name, node


def _seed_coverage_problems() -> list[str]:
    problems = []
    for table in _tables(SEED_COVERAGE.read_text(encoding="utf-8")):
        header, *rows = table
        where = next((i for i, name in enumerate(header) if name.startswith("Where")), None)
        if where is None:
            continue
        reader = CoverageReader()
        for cells in rows:
            reader.cell(f"{cells[0]} ({cells[1][:40]})", cells[where])
        problems += reader.problems
    return problems


def test_the_seed_coverage_doc_has_tables_of_places():
    tables = [t for t in _tables(SEED_COVERAGE.read_text(encoding="utf-8")) if any(h.startswith("Where") for h in t[0])]
    assert tables and all(len(t) > 1 for t in tables), "docs/seed-coverage.md has no 'Where' table to check"


def test_every_place_the_seed_coverage_names_exists():
    problems = _seed_coverage_problems()
    assert problems == [], "docs/seed-coverage.md names places that are not in content/:\n" + "\n".join(problems)
