"""Synthetic corpora at scale: our sparse scorer beside rank-bm25, bm25s and tantivy, same tokens, same queries.

Clauses of 30–50 tokens drawn from a Zipf vocabulary (exponent 1.1, 50,000 types); 200 queries of 3–8 tokens from
the same distribution, of which every fourth is made only of rare terms (the tail of the vocabulary), the mix on
which a sampled cut-off used to fall to 0 and sort the whole corpus. Every contender answers the same queries with
the top 10. Each (size, contender) runs in its own process, so its peak memory is its own; the corpus is generated
before the peak is reset. rank-bm25 walks every document for every query token: at 1M clauses its query time is
extrapolated from 100k (linear in the corpus), and said so.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

VOCAB = 50_000
QUERIES = 200
CONTENDERS = ("sparse", "sparse_sort_all", "bm25s", "tantivy", "rank_bm25")


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
    queries = []
    for j, k in enumerate(q_lengths):
        if j % 4 == 3:  # rare terms only: a few documents each
            queries.append([words[i] for i in rng.integers(VOCAB * 3 // 5, VOCAB, size=min(k, 3))])
        else:
            queries.append([words[i] for i in rng.choice(VOCAB, size=k, p=p)])
    return corpus, queries


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the high-water mark, so the peak measured afterwards is the build's,
    not the corpus generator's."""
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

    def at(p):
        return round(1000 * times[min(len(times) - 1, int(len(times) * p))], 3)

    return {"query_p50_ms": at(0.5), "query_p95_ms": at(0.95), "query_p99_ms": at(0.99)}


def _sort_all_top_k(index, q, k):
    """The top-k before this issue, when the sampled cut-off falls to 0: every document sorted."""
    scores = index.get_scores(q)
    order = np.lexsort((np.arange(len(scores)), -scores))[:k]
    return [(int(i), float(scores[i])) for i in order]


def build(contender: str, corpus, tmp: str):
    if contender in ("sparse", "sparse_sort_all"):
        from retrieval.bm25 import SparseBM25

        return SparseBM25(corpus)
    if contender == "rank_bm25":
        from rank_bm25 import BM25Okapi

        return BM25Okapi(corpus)
    if contender == "bm25s":
        import bm25s

        index = bm25s.BM25(method="robertson")  # BM25Okapi's idf, as ours and rank-bm25's (up to its ε floor)
        index.index(corpus, show_progress=False)
        return index
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
    sb.add_integer_field("id", stored=True, fast=True)
    index = tantivy.Index(sb.build(), path=tmp)
    writer = index.writer(heap_size=500_000_000, num_threads=1)
    for i, doc in enumerate(corpus):
        writer.add_document(tantivy.Document(body=" ".join(doc), id=i))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def query(contender: str, index, q: list[str]):
    if contender == "sparse":
        return index.top_k(q, 10)
    if contender == "sparse_sort_all":
        return _sort_all_top_k(index, q, 10)
    if contender == "rank_bm25":
        scores = index.get_scores(q)
        return np.argsort(scores)[::-1][:10]  # rank-bm25's own get_top_n
    if contender == "bm25s":
        return index.retrieve([q], k=10, show_progress=False)
    searcher = index.searcher()
    return searcher.search(index.parse_query(" ".join(q), ["body"]), 10).hits


def run_one(n: int, contender: str) -> dict:
    corpus, queries = synthetic(n)
    before = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        reset_peak()
        t = time.perf_counter()
        index = build(contender, corpus, tmp)
        build_s = time.perf_counter() - t
        peak = peak_mb() - before
        out = {"build_s": round(build_s, 2), "peak_mb_over_corpus": round(peak, 1)}
        runs = queries if contender != "rank_bm25" or n <= 100_000 else []
        times = []
        for q in runs:
            t = time.perf_counter()
            query(contender, index, q)
            times.append(time.perf_counter() - t)
        if times:
            out.update(percentiles(times))
        if contender == "sparse":
            path = f"{tmp}/saved"
            index.save(path)
            from retrieval.bm25 import SparseBM25

            t = time.perf_counter()
            loaded = SparseBM25.load(path)
            loaded.top_k(queries[0], 10)  # a first query: the pages it touches come in
            out["load_s"] = round(time.perf_counter() - t, 3)
        if contender == "rank_bm25":
            from retrieval.bm25 import SparseBM25

            ours = SparseBM25(corpus)
            out["max_abs_score_diff"] = float(max(np.max(np.abs(np.asarray(index.get_scores(q)) - ours.get_scores(q)))
                                                  for q in queries[:20]))
    return out


def scale(sizes=(100_000, 1_000_000)) -> list[dict]:
    rows = []
    for n in sizes:
        row = {"clauses": n}
        for contender in CONTENDERS:
            if contender == "rank_bm25" and n > 100_000:
                # linear in the corpus: 100k's query times times the ratio; its build at 1M is not attempted
                base = next(r for r in rows if r["clauses"] == 100_000)["rank_bm25"]
                f = n / 100_000
                row[contender] = {k: round(v * f, 1) for k, v in base.items() if k.startswith("query_")}
                row[contender]["extrapolated"] = True
                continue
            p = subprocess.run([sys.executable, "-m", "bench.scale", str(n), contender], capture_output=True,
                               text=True, check=True)
            row[contender] = json.loads(p.stdout.strip().splitlines()[-1])
        row["speedup_p50_over_rank_bm25"] = round(row["rank_bm25"]["query_p50_ms"] / row["sparse"]["query_p50_ms"], 1)
        rows.append(row)
    return rows


if __name__ == "__main__":
    print(json.dumps(run_one(int(sys.argv[1]), sys.argv[2])))
