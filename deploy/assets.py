"""Streamlit's frontend files made small for nginx: `python -m deploy.assets` writes build/www/static/.

A first visit downloaded about 1.1 MB, half of it two fonts. Here, once per Streamlit version:
- every text file (JavaScript, CSS, SVG, JSON) is compressed ahead of time with Brotli (quality 11, 9 for
  the largest) and gzip (level 9), so nginx sends `file.br` or `file.gz` as it is (brotli_static,
  gzip_static) and spends no time compressing;
- the icon font (Material Symbols Rounded, 367 KB) is cut down to the icons that can appear: those this
  app names (`:material/<name>:` in its code) and those Streamlit's own frontend names. The cut font keeps
  the file name, so Streamlit's CSS finds it; `icons.txt` beside it lists what it holds.

nginx serves build/www for `/static/` and falls back to Streamlit for anything not there, so a missing or
stale build costs bytes, never a page. Runs again only when its inputs change (build/www/.stamp).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import sys
import zlib
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli
import streamlit
from fontTools import subset
from fontTools.ttLib import TTFont

from explainer.build_cache import cached, key

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "www"
STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"
ICON_FONT = "MaterialSymbols-Rounded.*.woff2"
COMPRESSED = (".js", ".css", ".svg", ".json", ".txt", ".html")
ICON = re.compile(r":material/([a-z0-9_]+):")
# The app's own icons live in its code: pages, views, the route registry.
APP_CODE = ("app.py", "explainer", "pages")


def icon_names(files: Iterable[Path]) -> set[str]:
    """Every `:material/<name>:` written in these files."""
    names: set[str] = set()
    for path in files:
        names.update(ICON.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def app_files() -> list[Path]:
    out: list[Path] = []
    for name in APP_CODE:
        path = ROOT / name
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


def wanted_icons() -> set[str]:
    """The icons of this app's code and of Streamlit's frontend bundle."""
    return icon_names(app_files()) | icon_names(sorted((STREAMLIT_STATIC / "static" / "js").glob("*.js")))


def ligatures(font: TTFont) -> dict[str, str]:
    """Icon name -> glyph, read from the font's ligature table (the name's letters turn into the icon)."""
    letters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    out = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, ligs in getattr(table, "ligatures", {}).items():
                for lig in ligs:
                    parts = [first, *lig.Component]
                    if all(p in letters for p in parts):
                        out["".join(letters[p] for p in parts)] = lig.LigGlyph
    return out


def cut_icon_font(source: Path, target: Path, names: set[str]) -> list[str]:
    """Write `source` with only the icons in `names` (and the letters that spell them); returns what it kept."""
    font = TTFont(source)
    known = ligatures(font)
    keep = sorted(names & known.keys())
    glyphs = {known[n] for n in keep}
    # Drop every other ligature first: the subsetter keeps any ligature whose letters survive, which is all.
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            if hasattr(table, "ligatures"):
                for first in list(table.ligatures):
                    table.ligatures[first] = [lig for lig in table.ligatures[first] if lig.LigGlyph in glyphs]
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["liga", "rlig", "calt"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    spelled = {c for n in keep for c in n}
    cutter.populate(glyphs=sorted(glyphs), unicodes=[ord(c) for c in spelled])
    cutter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(target)
    return keep


# Brotli's best quality takes about a minute for the few files over 512 KB (Vega and the like, loaded only
# with a chart) for 10% fewer bytes; those get quality 9, everything else quality 11.
BIG = 512 * 1024


def _compress(path: Path) -> None:
    data = path.read_bytes()
    quality = 9 if len(data) > BIG else 11
    made_from = key(data, f"quality {quality}", f"brotli {brotli.__version__}", f"zlib {zlib.ZLIB_RUNTIME_VERSION}")
    br = cached(made_from + ".br", lambda: brotli.compress(data, quality=quality))
    gz = cached(made_from + ".gz", lambda: gzip.compress(data, compresslevel=9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(br)
    path.with_name(path.name + ".gz").write_bytes(gz)


def stamp() -> str:
    """What the build depends on: Streamlit's version, the icons asked for, and this file."""
    parts = {
        "streamlit": streamlit.__version__,
        "icons": sorted(icon_names(app_files())),
        "builder": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }
    return json.dumps(parts, sort_keys=True)


def build(out: Path = OUT, force: bool = False) -> bool:
    """Build out/static/ unless it is up to date; True if it was built."""
    mark = out / ".stamp"
    wanted = stamp()
    if not force and mark.exists() and mark.read_text() == wanted:
        return False
    if out.exists():
        shutil.rmtree(out)
    static = out / "static"
    shutil.copytree(STREAMLIT_STATIC / "static", static, ignore=shutil.ignore_patterns("*.map"))
    text = [p for p in static.rglob("*") if p.suffix in COMPRESSED and p.stat().st_size > 256]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_compress, text, chunksize=8))
    for font in (static / "media").glob(ICON_FONT):
        kept = cut_icon_font(font, font, wanted_icons())
        (static / "media" / "icons.txt").write_text("\n".join(kept) + "\n")
    mark.write_text(wanted)
    return True


def main(argv: list[str] | None = None) -> None:
    force = "--force" in (argv if argv is not None else sys.argv[1:])
    built = build(force=force)
    print(f"{'Built' if built else 'Up to date:'} {OUT.relative_to(ROOT)}/static (compressed assets, cut icon font)")


if __name__ == "__main__":
    main()
