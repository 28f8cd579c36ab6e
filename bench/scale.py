"""Synthetic corpora at scale: the sparse scorer against rank-bm25 in the same run.

Clauses of 30–50 tokens drawn from a Zipf vocabulary (exponent 1.1, 50,000
types), queries of 3–8 tokens from the same distribution. Each (size, scorer)
runs in its own process so peak memory is that scorer's alone.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

import numpy as np

VOCAB = 50_000
QUERIES = 200
REF_QUERIES = 20  # rank-bm25 needs ~0.1–0.3 s a query at 100k–300k clauses


def synthetic(n: int, seed: int = 7) -> tuple[list[list[str]], list[list[str]]]:
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, VOCAB + 1)
    p = 1.0 / ranks ** 1.1
    p /= p.sum()
    words = [f"t{i}" for i in range(VOCAB)]
    lengths = rng.integers(30, 51, size=n)
    flat = rng.choice(VOCAB, size=int(lengths.sum()), p=p)
    corpus, at = [], 0
    for length in lengths:
        corpus.append([words[i] for i in flat[at:at + length]])
        at += length
    q_lengths = rng.integers(3, 9, size=QUERIES)
    queries = [[words[i] for i in rng.choice(VOCAB, size=k, p=p)] for k in q_lengths]
    return corpus, queries


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the high-water mark, so the peak measured
    afterwards is the build's, not the corpus generator's."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {"query_p50_ms": round(1000 * times[len(times) // 2], 3),
            "query_p95_ms": round(1000 * times[int(len(times) * 0.95)], 3)}


def run_one(n: int, scorer: str) -> dict:
    corpus, queries = synthetic(n)
    before = rss_mb()
    reset_peak()
    t = time.perf_counter()
    if scorer == "sparse":
        from retrieval.bm25 import SparseBM25

        index = SparseBM25(corpus)
    else:
        from rank_bm25 import BM25Okapi

        index = BM25Okapi(corpus)
    build = time.perf_counter() - t
    runs = queries if scorer == "sparse" else queries[:REF_QUERIES]
    times = []
    for q in runs:
        t = time.perf_counter()
        if scorer == "sparse":
            index.top_k(q, 10)
        else:
            scores = index.get_scores(q)
            np.argsort(scores)[::-1][:10]  # rank-bm25's own get_top_n
        times.append(time.perf_counter() - t)
    out = {"build_s": round(build, 2), **percentiles(times), "peak_mb_over_corpus": round(peak_mb() - before, 1)}
    if scorer == "rank_bm25":
        # same run, same corpus: the largest difference between the two scorers
        from retrieval.bm25 import SparseBM25

        ours = SparseBM25(corpus)
        out["max_abs_score_diff"] = float(max(np.max(np.abs(np.asarray(index.get_scores(q)) - ours.get_scores(q)))
                                              for q in queries[:REF_QUERIES]))
    return out


def scale(sizes=(10_000, 100_000, 300_000)) -> list[dict]:
    rows = []
    for n in sizes:
        row = {"clauses": n}
        for scorer in ("sparse", "rank_bm25"):
            p = subprocess.run([sys.executable, "-m", "bench.scale", str(n), scorer], capture_output=True, text=True,
                               check=True)
            row[scorer] = json.loads(p.stdout)
        row["speedup_p50"] = round(row["rank_bm25"]["query_p50_ms"] / row["sparse"]["query_p50_ms"], 1)
        rows.append(row)
    return rows


if __name__ == "__main__":
    print(json.dumps(run_one(int(sys.argv[1]), sys.argv[2])))
