"""BM25Okapi on a precomputed sparse matrix: rank-bm25's exact scores, without its per-query loop over documents.

rank-bm25 scores a query by walking every document for every query token
(linear in the corpus, ~95 ms at 100k clauses). Every factor of the Okapi
formula except the query's own token counts is known at index time, so each
(document, term) weight

    idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl))

is computed once and stored by term (compressed sparse columns). A query then
only touches the postings of its own terms: score = Σ_t count_q(t) · W[:, t].

The idf is rank-bm25's, to the letter: log(N − n + 0.5) − log(n + 0.5) in
first-occurrence order, negative values floored to ε · mean(idf) (ε = 0.25).
tests/retrieval/test_bm25.py checks the scores against rank-bm25 to 1e-9.

Building streams: documents are read once, in chunks, each token turned into a term id (the only per-token
Python work); the (term, document) pairs are counted by sorting integer keys in numpy, so no per-document
Counter is made and the pairs come out in the matrix's own order. The arrays are saved as .npy files that load
by memory map: a start-up reads only the pages a query touches.
"""
from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

import numpy as np

CHUNK = 50_000  # documents per chunk while building: bounds the per-chunk Python lists
SLICE = 1_000_000  # postings decoded at a time (its temporaries are a few times 8 MB)
# a (term, document, tf) posting packed in one uint64 while building: 24 bits of term id, 32 of document, 8 of tf
# (a tf of 255 or more is kept aside, exact)
TERM_BITS, DOC_BITS, TF_BITS = 24, 32, 8
TF_CAP = (1 << TF_BITS) - 1


class SparseBM25:
    def __init__(self, corpus: Iterable[list[str]] | None = None, k1: float = 1.5, b: float = 0.75,
                 epsilon: float = 0.25, progress=None):
        self.k1, self.b, self.epsilon = k1, b, epsilon
        if corpus is not None:
            self._build(corpus, progress)

    # -- building ------------------------------------------------------------
    def _build(self, corpus: Iterable[list[str]], progress=None) -> None:
        # term ids in first-occurrence order (rank-bm25's dict order, which its idf mean is summed in): a
        # defaultdict handing out the next id, read through map() so the per-token work stays in C
        vocab: defaultdict[str, int] = defaultdict(itertools.count().__next__)
        lookup = vocab.__getitem__
        keys_parts, lengths_parts, extra = [], [], {}
        n_docs = 0
        docs = iter(corpus)
        while True:
            chunk = list(itertools.islice(docs, CHUNK))
            if not chunk:
                break
            lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
            ids = np.fromiter(map(lookup, itertools.chain.from_iterable(chunk)), dtype=np.int64,
                              count=int(lengths.sum()))
            doc = np.repeat(np.arange(n_docs, n_docs + len(chunk), dtype=np.int64), lengths)
            # one key per (term, document) occurrence, term-major; its chunk's documents are its own, so counting
            # the pairs chunk by chunk gives the final term frequencies
            keys = np.unique((ids << DOC_BITS | doc).astype(np.uint64), return_counts=True)
            pairs, tf = keys
            big = tf >= TF_CAP
            for key, count in zip(pairs[big].tolist(), tf[big].tolist()):  # a word 255+ times in one clause: rare
                extra[key] = count
            keys_parts.append(pairs << TF_BITS | np.minimum(tf, TF_CAP).astype(np.uint64))
            lengths_parts.append(lengths.astype(np.int32))
            n_docs += len(chunk)
            if progress is not None:
                progress(len(chunk))
            del chunk, ids, doc, keys, pairs, tf
        n_terms = len(vocab)
        if n_docs >= 1 << DOC_BITS or n_terms >= 1 << TERM_BITS:
            raise ValueError(f"{n_docs} documents / {n_terms} terms: beyond this index's {DOC_BITS}/{TERM_BITS}-bit keys")
        keys = np.concatenate(keys_parts) if keys_parts else np.zeros(0, dtype=np.uint64)
        del keys_parts
        keys.sort()  # in place: term-major, documents ascending within a term — the matrix's own order
        doc_len = np.concatenate(lengths_parts).astype(np.float64) if lengths_parts else np.zeros(0)
        avgdl = float(doc_len.sum()) / n_docs if n_docs else 0.0

        df = np.zeros(n_terms, dtype=np.int64)
        for lo in range(0, len(keys), SLICE):
            part = (keys[lo:lo + SLICE] >> np.uint64(TF_BITS + DOC_BITS)).astype(np.int64)
            df += np.bincount(part, minlength=n_terms)
            del part
        idf = np.empty(n_terms, dtype=np.float64)
        idf_sum = 0.0
        negative = []
        for t, n in enumerate(df.tolist()):  # python floats, in first-occurrence order as rank-bm25, for its mean
            value = math.log(n_docs - n + 0.5) - math.log(n + 0.5)
            idf[t] = value
            idf_sum += value
            if value < 0:
                negative.append(t)
        if negative:
            idf[negative] = self.epsilon * (idf_sum / n_terms)

        # decode the sorted keys slice by slice into the matrix, so no full-size temporaries are made
        self.indices = np.empty(len(keys), dtype=np.int32)
        self.data = np.empty(len(keys), dtype=np.float64)
        doc_mask = np.uint64((1 << DOC_BITS) - 1)
        for lo in range(0, len(keys), SLICE):
            k = keys[lo:lo + SLICE]
            cols = (k >> np.uint64(TF_BITS + DOC_BITS)).astype(np.int64)
            rows = ((k >> np.uint64(TF_BITS)) & doc_mask).astype(np.int64)
            tf = (k & np.uint64(TF_CAP)).astype(np.float64)
            if extra:
                capped = np.flatnonzero(tf == TF_CAP)
                for j in capped.tolist():
                    tf[j] = extra[int(k[j] >> np.uint64(TF_BITS))]
            norm = self.k1 * (1 - self.b + self.b * doc_len[rows] / avgdl)
            self.data[lo:lo + SLICE] = idf[cols] * (tf * (self.k1 + 1) / (tf + norm))
            self.indices[lo:lo + SLICE] = rows
            del k, cols, rows, tf, norm  # a slice is a view: kept, it would keep every key alive
        del keys
        self.indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=self.indptr[1:])
        self.vocab = dict(vocab)
        self.n_docs = n_docs
        self.avgdl = avgdl
        self.idf = idf
        self._densify()

    # Terms in many documents (的-like words of a large corpus) are kept as dense rows
    # too: adding a contiguous vector is ~5x cheaper than scattering the same postings.
    DENSE_FRACTION = 1 / 8

    def _densify(self) -> None:
        df = np.diff(self.indptr)
        frequent = np.flatnonzero(df > max(64, self.n_docs * self.DENSE_FRACTION))
        self.dense_terms = frequent.astype(np.int64)
        self.dense_row = {int(t): r for r, t in enumerate(frequent)}
        self.dense = np.zeros((len(frequent), self.n_docs), dtype=np.float64)
        for r, t in enumerate(frequent):
            lo, hi = self.indptr[t], self.indptr[t + 1]
            self.dense[r, self.indices[lo:hi]] = self.data[lo:hi]

    # -- persistence: a directory of .npy arrays (memory-mapped when loaded) and the terms, one per line
    ARRAYS = ("indptr", "indices", "data", "idf", "dense", "dense_terms")

    def save(self, path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in self.ARRAYS:
            np.save(path / f"{name}.npy", getattr(self, name))
        np.save(path / "meta.npy", np.array([self.n_docs, self.avgdl, self.k1, self.b, self.epsilon]))
        # terms never hold a newline (tokens are stripped words): one per line, in id order
        (path / "terms.txt").write_text("\n".join(self.vocab), encoding="utf-8")

    @classmethod
    def load(cls, path, mmap: bool = True) -> "SparseBM25":
        path = Path(path)
        mode = "r" if mmap else None
        n_docs, avgdl, k1, b, eps = np.load(path / "meta.npy")
        self = cls(None, k1=float(k1), b=float(b), epsilon=float(eps))
        for name in cls.ARRAYS:
            setattr(self, name, np.load(path / f"{name}.npy", mmap_mode=mode, allow_pickle=False))
        text = (path / "terms.txt").read_text(encoding="utf-8")
        terms = text.split("\n") if text else []
        if len(terms) != len(self.idf):
            raise ValueError(f"{path}: {len(terms)} terms for {len(self.idf)} columns")
        self.vocab = dict(zip(terms, range(len(terms))))
        self.n_docs, self.avgdl = int(n_docs), float(avgdl)
        self.dense_row = {int(t): r for r, t in enumerate(self.dense_terms)}
        return self

    # -- scoring ---------------------------------------------------------------
    def get_scores(self, query: list[str]) -> np.ndarray:
        scores = np.zeros(self.n_docs, dtype=np.float64)
        for term, count in Counter(query).items():
            col = self.vocab.get(term)
            if col is None:
                continue
            row = self.dense_row.get(col)
            if row is not None:
                scores += count * self.dense[row] if count != 1 else self.dense[row]
                continue
            lo, hi = self.indptr[col], self.indptr[col + 1]
            # documents are unique within a posting list, so fancy-index += is exact
            scores[self.indices[lo:hi]] += count * self.data[lo:hi] if count != 1 else self.data[lo:hi]
        return scores

    def top_k(self, query: list[str], k: int) -> list[tuple[int, float]]:
        """The k best (document, score), best first; ties keep document order."""
        scores = self.get_scores(query)
        return [(int(i), float(scores[i])) for i in top_indices(scores, k)]


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """The indices of the k highest scores, best first, ties in index order — without sorting every score.

    A threshold from a strided sample is never above the true k-th score, so the candidates above it hold the
    whole top k (and every tie at its boundary). When the sample's threshold is 0 — a query of rare terms, whose
    postings cover a sliver of the corpus — only the positive scores are candidates (the rest are 0 and come
    last, in index order), so the cost stays that of the postings, not of sorting the corpus."""
    n = len(scores)
    k = min(k, n)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        sample = scores[:: max(1, n // (64 * k))]
        floor = np.partition(sample, len(sample) - k)[len(sample) - k] if len(sample) > k else sample.min()
        if floor <= 0:
            part = np.flatnonzero(scores > 0)
            if len(part) < k:  # fewer than k positive: the zeros follow in index order, then any negative
                need = k - len(part)
                rest = np.flatnonzero(scores == 0)[:need]
                if len(rest) < need:
                    neg = np.flatnonzero(scores < 0)
                    rest = np.concatenate((rest, neg[np.lexsort((neg, -scores[neg]))][: need - len(rest)]))
                best = part[np.lexsort((part, -scores[part]))]
                return np.concatenate((best, rest))
        else:
            part = np.flatnonzero(scores >= floor)
        if len(part) > k:
            kth = np.partition(scores[part], len(part) - k)[len(part) - k]
            part = part[scores[part] >= kth]
    else:
        part = np.arange(n)
    return part[np.lexsort((part, -scores[part]))][:k]
