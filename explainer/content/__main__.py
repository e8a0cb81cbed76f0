"""`python -m explainer.content [DIR]`: validate content and say what is wrong, for clinic staff."""
from __future__ import annotations

import sys
from pathlib import Path

from explainer.content import load_for_command


def main() -> int:
    content = load_for_command(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    if content is None:
        return 1
    print(f"Content is valid: {len(content.pathway.stages)} stages, {len(content.treatments)} treatments, "
          f"{len(content.evidence.numbers)} trial numbers, {len(content.glossary)} glossary terms, "
          f"{len(content.slides)} slides, {len(content.sources)} sources.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
