"""hit@k and MRR of the retriever on a question file (../shared/eval/retrieval_dev.jsonl format)."""
from __future__ import annotations

import json
from pathlib import Path

from .search import search


def load_questions(path: str | Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if "q" not in row or "gold" not in row:
                raise ValueError(f"line {n}: needs 'q' and 'gold'")
            rows.append(row)
    return rows


def evaluate(questions: list[dict], depth: int = 10) -> dict:
    hits = {1: 0, 3: 0, 5: 0}
    rr = 0.0
    misses = []
    unanswerable = [row for row in questions if not row["gold"]]  # the sources do not say: no clause can hit
    questions = [row for row in questions if row["gold"]]
    for row in questions:
        gold = {(g["doc"], g["article"]) for g in row["gold"]}
        ranked = [(h.doc, h.article) for h in search(row["q"], top=depth)]
        rank = next((i + 1 for i, key in enumerate(ranked) if key in gold), None)
        for k in hits:
            hits[k] += bool(rank and rank <= k)
        rr += 1.0 / rank if rank else 0.0
        if rank != 1:
            misses.append({"q": row["q"], "rank": rank, "top": ranked[:3]})
    n = max(len(questions), 1)
    return {"n": len(questions), "unanswerable": len(unanswerable), "hit@1": hits[1] / n, "hit@3": hits[3] / n, "hit@5": hits[5] / n,
            "mrr": rr / n, "misses": misses}
