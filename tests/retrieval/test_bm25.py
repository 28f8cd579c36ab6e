"""The sparse scorer reproduces rank-bm25 (the reference) exactly."""
import random

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.bm25 import SparseBM25
from retrieval.index import load_index
from retrieval.search import query_tokens


def reference_top_k(scores, k):
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]


def assert_same(corpus, queries, k=10):
    ref, ours = BM25Okapi(corpus), SparseBM25(corpus)
    for q in queries:
        a, b = np.asarray(ref.get_scores(q)), ours.get_scores(q)
        assert np.max(np.abs(a - b)) <= 1e-9, q
        assert [i for i, _ in ours.top_k(q, k)] == reference_top_k(list(b), k)
        assert reference_top_k(list(a), k) == reference_top_k(list(b), k) or np.allclose(
            sorted(a, reverse=True)[:k], sorted(b, reverse=True)[:k], atol=1e-9)


def test_real_corpus_matches_rank_bm25():
    _, toks = load_index()
    queries = [query_tokens(q) for q in ("青年项目的年龄要求", "外国专家工作许可", "创业人才 股权", "海智基地 申报 流程",
                                         "How long is the public notice?", "任务27 责任单位", "的", "不存在的词")]
    assert_same(toks, queries)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_corpus_matches_rank_bm25(seed):
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(300)]
    weights = [1 / (i + 1) for i in range(300)]  # Zipf: some terms in most documents (negative idf, epsilon floor)
    corpus = [rng.choices(vocab, weights, k=rng.randint(1, 40)) for _ in range(500)]
    queries = [rng.choices(vocab, weights, k=rng.randint(1, 8)) for _ in range(40)] + [["w0", "w0", "w1"], ["nope"], []]
    assert_same(corpus, queries)


def test_save_and_load_round_trip_by_memory_map(tmp_path):
    corpus = [["a", "b", "b"], ["b", "c"], ["c", "d", "a", "a"], []] + [["z"]] * 70  # z: a dense row
    bm = SparseBM25(corpus)
    bm.save(tmp_path / "m")
    again = SparseBM25.load(tmp_path / "m")
    assert isinstance(again.data, np.memmap) and isinstance(again.indices, np.memmap)  # not read into memory
    for q in (["a", "c"], ["z"], ["b", "z", "z"], ["nope"]):
        assert np.array_equal(again.get_scores(q), bm.get_scores(q))
        assert again.top_k(q, 3) == bm.top_k(q, 3)
    assert SparseBM25.load(tmp_path / "m", mmap=False).vocab == bm.vocab


def test_a_corpus_without_words():
    bm = SparseBM25([[], []])
    assert bm.top_k(["a"], 5) == [(0, 0.0), (1, 0.0)]


def test_rare_terms_take_only_their_postings():
    """A query of rare terms scores a sliver of the corpus: top_k returns the same as a full sort (ties in document
    order, zeros last) without sorting every document."""
    rng = np.random.default_rng(5)
    corpus = [[f"c{j}" for j in rng.integers(0, 50, size=20)] for _ in range(20000)]
    corpus[123].append("rare1")
    corpus[9876] += ["rare1", "rare2"]
    corpus[15000].append("rare2")
    bm = SparseBM25(corpus)
    for q, k in ((["rare1"], 10), (["rare1", "rare2"], 2), (["rare2", "c3"], 5), (["absent"], 3)):
        scores = bm.get_scores(q)
        assert [i for i, _ in bm.top_k(q, k)] == reference_top_k(list(scores), k), q
    got = [i for i, _ in bm.top_k(["rare1"], 4)]
    assert set(got[:2]) == {123, 9876} and got[2:] == [0, 1]  # two matches, then zeros in document order

    import retrieval.bm25 as mod

    seen = []
    real_lexsort = np.lexsort

    def counting_lexsort(keys):
        seen.append(len(keys[0]))
        return real_lexsort(keys)

    mod.np.lexsort = counting_lexsort
    try:
        bm.top_k(["rare1", "rare2"], 10)
    finally:
        mod.np.lexsort = real_lexsort
    assert max(seen) <= 10, seen  # sorted only the candidates, never the 20,000 documents


def test_builds_report_progress(monkeypatch):
    """Large builds show a bar (tqdm, on a terminal, after a second): every document is counted once."""
    import io

    import retrieval.progress as progress
    from retrieval.index import built

    counted, shown = [], []

    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = Tty()
    monkeypatch.setattr(progress.sys, "stderr", out)
    real_bar = progress.bar

    def recording_bar(total, desc, unit="clauses"):
        b = real_bar(total, desc, unit)
        counted.append(b)
        shown.append(not b.disable)  # (closing a bar disables it)
        return b

    monkeypatch.setattr(progress, "bar", recording_bar)
    corpus = [["a", "b"]] * 120_000
    built(corpus, "indexing")
    assert counted and counted[0].n == 120_000 and counted[0].total == 120_000
    assert shown == [True]  # on a terminal it shows (once the build has taken a second)


def test_a_word_hundreds_of_times_in_one_clause():
    """Term frequencies of 255 and more (kept aside from the packed build keys) score exactly as rank-bm25."""
    corpus = [["a"] * 300 + ["b"], ["a", "c"] * 2, ["b"] * 255, ["c", "d"], ["d"] * 1000 + ["a"]]
    assert_same(corpus, [["a"], ["b"], ["d"], ["a", "d", "b"], ["c"]])
