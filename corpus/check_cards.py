"""Check a clause card file against its document: `python -m corpus.check_cards FILE [DOC] [--partial]`
prints every problem, one per line (the card writers' tool; the tests and `corpus add --cards` call
corpus.cards.check directly)."""
from __future__ import annotations

import sys
from pathlib import Path

import corpus

from .cards import check, read


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m corpus.check_cards FILE [DOC] [--partial]", file=sys.stderr)
        return 2

    partial = "--partial" in argv
    argv = [a for a in argv if a != "--partial"]
    path = Path(argv[0])
    doc = argv[1] if len(argv) > 1 else path.name.split(".")[0]
    try:
        found = read(path)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    clauses = [c for c in corpus.load() if c.doc == doc]
    if not clauses:
        print(f"error: no document {doc!r}", file=sys.stderr)
        return 2
    problems = check(doc, found, clauses, complete=not partial)
    for p in problems:
        print(p)
    print(f"{len(found)} cards for {len(clauses)} clauses, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
