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


def test_save_and_load_round_trip(tmp_path):
    corpus = [["a", "b", "b"], ["b", "c"], ["c", "d", "a", "a"]]
    bm = SparseBM25(corpus)
    with open(tmp_path / "m.npz", "wb") as f:
        bm.save(f)
    again = SparseBM25.load(tmp_path / "m.npz")
    assert np.array_equal(again.get_scores(["a", "c"]), bm.get_scores(["a", "c"]))
