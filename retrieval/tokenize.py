"""Tokenisation shared by the index and the queries.

NFKC folds full-width letters, digits and punctuation to half-width (the
sources mix `(一)` and `（一）`, `,` and `，`); jieba segments with the
project's domain dictionary so program names stay whole; every multi-character
word also yields its character bigrams, which lets a layperson's wording
(申报次数 vs 次数累计) still meet the clause. See README for the measured
comparison of cut modes.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
PUNCT_RE = re.compile(r"^[\W_]+$", re.UNICODE)
from corpus.language import CJK_RE  # noqa: E402

# Cut modes compared on the dev set (README): "search" = jieba.lcut_for_search,
# "search+bigrams" = that plus the character bigrams of every CJK word.
MODE = "search+bigrams"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = (HERE / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip() for l in lines if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(HERE / "domain_dict.txt"))
    return jieba


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str, mode: str = MODE) -> list[str]:
    jieba = _jieba()
    stop = stopwords()
    out: list[str] = []
    for word in jieba.lcut_for_search(fold(text)):
        word = word.strip()
        if not word or word in stop or PUNCT_RE.match(word):
            continue
        out.append(word)
        if mode.endswith("bigrams") and len(word) > 2 and CJK_RE.match(word):
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
    return out


def dictionary_version() -> str:
    """Part of the index cache key: the index is stale when these files change."""
    import hashlib

    h = hashlib.sha256()
    for name in ("domain_dict.txt", "stopwords.txt", "tokenize.py"):
        h.update((HERE / name).read_bytes())
    h.update(MODE.encode())
    return h.hexdigest()[:16]
