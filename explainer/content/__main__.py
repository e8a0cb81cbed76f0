"""`python -m explainer.content [DIR] [--lang LANG]`: validate content and say what is wrong, for clinic staff.

Without --lang every language is checked, each translation also against the English it translates.
"""

from __future__ import annotations

import argparse
import logging
import sys

from explainer import routes
from explainer.content import ContentError, load, load_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer.content")
    parser.add_argument("folder", nargs="?", help="the content folder (default: content/)")
    parser.add_argument("--lang", choices=list(routes.LANGUAGES), help="check one language only")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    # Outside a running app Streamlit warns that its caches have no runtime; that is expected here.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    try:
        found = {args.lang: load(args.folder, args.lang)} if args.lang else load_all(args.folder)
    except ContentError as err:
        print(f"Content problem: {err}", file=sys.stderr)
        return 1
    for lang, content in found.items():
        print(
            f"Content is valid ({routes.LANGUAGES[lang]}): {len(content.pathway.stages)} stages, "
            f"{len(content.treatments)} treatments, {len(content.evidence.numbers)} trial numbers, "
            f"{len(content.glossary)} glossary terms, {len(content.slides)} slides, {len(content.sources)} sources."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
