"""`policybot`: the command line for staff, scripts and the acceptance checks (SPEC section 3).

Exit codes: 0 success, 2 bad input (one line on stderr saying what was
wrong), 1 internal error. Each command imports what it needs when it runs, so
`policybot search` does not pay for pydantic or the dialogue.
"""
from __future__ import annotations

import argparse
import json
import os
import sys


class UsageError(Exception):
    """Bad input from the user: exit 2 with this one-line message."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + message; we promise one line
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=None) + "\n")


# -- search / article --------------------------------------------------------

def known_doc(doc: str | None) -> str | None:
    if doc is None:
        return None
    import corpus

    docs = corpus.documents()
    if doc not in docs:
        raise UsageError(f"unknown document {doc!r}; known: {', '.join(docs)}")
    return doc


def cmd_search(a) -> int:
    from retrieval import search
    from retrieval.english import is_english

    query = " ".join(a.query).strip()
    if not query:
        raise UsageError("empty query: say what you are looking for, e.g. policybot search \"青年项目年龄\"")
    if a.top < 1:
        raise UsageError("--top must be at least 1")
    hits = search(query, top=a.top, doc=known_doc(a.doc))
    if a.json:
        emit_json([h.as_json() for h in hits])
        return 0
    if not hits:
        print("没有找到相关条款。" if not is_english(query) else "No clause matches that question.")
        return 0
    from .render import clause_block

    en = is_english(query)
    for n, h in enumerate(hits, 1):
        print(clause_block(h.doc, h.article, h.title, h.title_en, h.text, h.fields, en=en, number=n, score=h.score))
        print()
    return 0


def cmd_article(a) -> int:
    from retrieval import canonical_article, chapter_items, find

    doc = known_doc(a.doc)
    label = canonical_article(" ".join(a.article))
    entry = find(doc, label)
    entries = [entry] if entry else chapter_items(doc, label)
    if not entries:
        from retrieval.index import load_index

        labels = [e.article for e in load_index()[0] if e.doc == doc]
        span = f"{labels[0]} … {labels[-1]}" if len(labels) > 8 else ", ".join(labels)
        raise UsageError(f"no article {label!r} in {doc}; it has {span}")
    if a.json:
        emit_json([{"doc": e.doc, "article": e.article, "title": e.title, "title_en": e.title_en,
                    "text": e.text, **(e.fields or {})} for e in entries])
        return 0
    from .render import clause_block

    for e in entries:
        print(clause_block(e.doc, e.article, e.title, e.title_en, e.text, e.fields, en=a.en))
        print()
    return 0


def cmd_eval(a) -> int:
    path = a.file
    if not os.path.exists(path):
        raise UsageError(f"no such file: {path}")
    if a.what == "retrieval":
        from retrieval.evaluate import evaluate, load_questions

        try:
            questions = load_questions(path)
        except (ValueError, KeyError) as e:
            raise UsageError(f"{path}: not a question file: {e}")
        r = evaluate(questions)
        if a.json:
            emit_json(r)
            return 0
        if a.verbose:
            for m in r["misses"]:
                print(f"  rank {m['rank']}: {m['q']}  top: {m['top']}")
        print(f"questions: {r['n']}")
        print(f"hit@1 {r['hit@1']:.3f}  hit@3 {r['hit@3']:.3f}  hit@5 {r['hit@5']:.3f}")
        print(f"MRR {r['mrr']:.3f}")
        return 0
    raise UsageError(f"unknown evaluation {a.what!r}")


# -- chat --------------------------------------------------------------------

def cmd_chat(a) -> int:
    from .terminal import run

    return run(json_mode=a.json)


def build_parser() -> Parser:
    p = Parser(prog="policybot", description="Talent-policy assistant: clause search, eligibility checks, chat.")
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    s = sub.add_parser("search", help="find the clauses that answer a question")
    s.add_argument("query", nargs="*")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--doc")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("article", help="print one clause, e.g. policybot article qianren-2017 第八条")
    s.add_argument("doc")
    s.add_argument("article", nargs="+")
    s.add_argument("--json", action="store_true")
    s.add_argument("--en", action="store_true", help="English title and labels")
    s.set_defaults(func=cmd_article)

    s = sub.add_parser("eval", help="score the retriever or the eligibility engine on a dev file")
    s.add_argument("what", choices=["retrieval"])
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.add_argument("--verbose", "-v", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("chat", help="terminal conversation")
    s.add_argument("--json", action="store_true", help="one JSON reply per input line")
    s.set_defaults(func=cmd_chat)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        a = parser.parse_args(argv)
        if not getattr(a, "func", None):
            a = parser.parse_args(["chat"])
        code = a.func(a)
    except UsageError as e:
        print(f"policybot: {e}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as e:  # never a traceback in front of a user
        if os.environ.get("POLICYBOT_DEBUG"):
            raise
        print(f"policybot: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        code = 1
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
