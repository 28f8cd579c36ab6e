"""Measure the retrieval variants side by side: every variant answers the same questions in one run.

    python -m retrieval.tune [QUESTION FILES...]

Variants: how much the cards' lay questions weigh in the index (ASK_WEIGHT: 0 = no cards' questions), and
for English questions which route or fusion ranks (the glossary route alone, the English route alone, their
linear fusion at several weights, reciprocal rank fusion). Prints hit@1 / hit@3 / MRR per file and
language; the README's table ("English route") comes from this output. Each variant builds its index in
memory (the on-disk cache is neither read nor written).
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from . import index
from .bm25 import SparseBM25
from .evaluate import evaluate, load_questions

S = importlib.import_module("retrieval.search")  # the module (the package exports its search() under that name)
DEFAULT_FILES = ["../shared/eval/retrieval_dev.jsonl", "tests/data/retrieval_extra.jsonl",
                 "tests/data/retrieval_unseen.jsonl", "tests/data/retrieval_public.jsonl",
                 "tests/data/retrieval_lay.jsonl"]
ASK_WEIGHTS = [0, 1, 2]
FUSIONS = [("zh", 0.0), ("en", 1.0), ("linear", 0.5), ("linear", 1.0), ("linear", 2.0), ("rrf", 1.0)]


def variant(ask_weight: int):
    index.ASK_WEIGHT = ask_weight
    entries, zh, en = index._build()
    return entries, SparseBM25(zh), SparseBM25(en)


def run(files: list[str]) -> list[dict]:
    sets = {f: load_questions(f) for f in files if Path(f).exists()}
    rows = []
    saved = (S.load_index, S.scorer, S.scorer_en, S.FUSION, S.EN_WEIGHT, index.ASK_WEIGHT)
    try:
        for w in ASK_WEIGHTS:
            entries, zh, en = variant(w)
            S.load_index = lambda entries=entries: (entries, None)
            S.scorer, S.scorer_en = (lambda zh=zh: zh), (lambda en=en: en)
            for mode, weight in FUSIONS:
                S.FUSION, S.EN_WEIGHT = mode, weight
                for f, qs in sets.items():
                    for lang in ("zh", "en"):
                        part = [q for q in qs if (q.get("lang") or ("en" if S.english.is_english(q["q"]) else "zh")) == lang]
                        if not part or (lang == "zh" and mode != "zh" and (mode, weight) != FUSIONS[0]):
                            continue
                        r = evaluate(part)
                        rows.append({"ask_weight": w, "fusion": mode if lang == "en" else "-",
                                     "en_weight": weight if lang == "en" else "-", "file": Path(f).name, "lang": lang,
                                     "n": r["n"], "hit@1": r["hit@1"], "hit@3": r["hit@3"], "mrr": r["mrr"]})
    finally:
        S.load_index, S.scorer, S.scorer_en, S.FUSION, S.EN_WEIGHT, index.ASK_WEIGHT = saved
    return rows


def main(argv: list[str]) -> int:
    rows = run(argv or DEFAULT_FILES)
    print("| ask weight | fusion (en) | en weight | file | lang | n | hit@1 | hit@3 | MRR |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['ask_weight']} | {r['fusion']} | {r['en_weight']} | {r['file']} | {r['lang']} | {r['n']} "
              f"| {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['mrr']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
