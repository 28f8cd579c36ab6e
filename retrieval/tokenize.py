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


def _import_jieba():
    """jieba, imported without pkg_resources: jieba asks it only for its dictionary's path (and falls back to its
    own directory without it), and importing it costs a cold `policybot search` 0.1 s."""
    import logging
    import sys

    if "jieba" not in sys.modules:
        saved = sys.modules.get("pkg_resources", _MISSING)
        sys.modules["pkg_resources"] = None  # "import pkg_resources" raises ImportError while jieba loads
        try:
            import jieba  # noqa: F401 (imported here, with pkg_resources hidden; bound below)
        finally:
            if saved is _MISSING:
                del sys.modules["pkg_resources"]
            else:
                sys.modules["pkg_resources"] = saved
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


_MISSING = object()

# The dictionary compiled for the corpus (set by the index when its cache holds one): the words the full
# dictionary finds in the indexed text, the domain words and jieba's most frequent words, with their frequencies
# and the full dictionary's total — so the corpus is cut exactly as the full dictionary cuts it, for a fraction of
# its loading time (README, "Cold start").
COMPILED: dict = {}
COMMON_WORDS = 20_000


@lru_cache(maxsize=1)
def full_tokenizer():
    """jieba's own dictionary plus the domain words: what the index is built with."""
    jieba = _import_jieba()
    tk = jieba.Tokenizer()
    tk.load_userdict(str(HERE / "domain_dict.txt"))
    return tk


@lru_cache(maxsize=1)
def _jieba():
    """The tokenizer queries use: the compiled dictionary when there is one, else the full one."""
    path = COMPILED.get("path")
    if path is not None:
        try:
            return compiled_tokenizer(path)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return full_tokenizer()


def compiled_tokenizer(path):
    import marshal

    tk = _import_jieba().Tokenizer()
    with open(path, "rb") as f:
        tk.FREQ, tk.total = marshal.load(f)  # what Tokenizer.initialize reads from its own cache file
    tk.initialized = True
    return tk


def use_compiled(path) -> None:
    """Queries from now on are cut with this compiled dictionary (the index calls it on a cache hit; None: the full
    dictionary, as while the index is built)."""
    if COMPILED.get("path") != path:
        COMPILED["path"] = path
        _jieba.cache_clear()


def compile_dictionary(texts, out) -> None:
    """Write the compiled dictionary for these texts (the index's, folded as tokens() folds them):
    - every word of the full dictionary that occurs in them (all of jieba's candidate words, not only the ones it
      picks, so each indexed sentence's word graph, and so its cut, is the full dictionary's);
    - every longer word that contains one of those (没拿到 holds 拿到, 啥时候 holds 时候): cut for search, such a word
      in a question also yields the corpus word inside it, which counts in the score;
    - the domain words and the most frequent words of jieba's dictionary (everyday words in questions);
    with their frequencies and the full dictionary's total, so every word's probability is the same."""
    import marshal

    full = full_tokenizer()
    full.check_initialized()
    freq = full.FREQ
    words = set()
    for text in texts:
        t = fold(text)
        for start, ends in full.get_DAG(t).items():
            for end in ends:
                w = t[start:end + 1]
                if freq.get(w):
                    words.add(w)
    inside = {w for w in words if len(w) >= 2}
    for w, f in freq.items():
        n = len(w)
        if f and n >= 3 and w not in words and any(w[i:j] in inside for i in range(n) for j in range(i + 2, n + 1)):
            words.add(w)
    for line in (HERE / "domain_dict.txt").read_text(encoding="utf-8").splitlines():
        w = line.split(" ")[0].strip()
        if w and freq.get(w):
            words.add(w)
    words.update(w for w, _ in sorted(((w, f) for w, f in freq.items() if f), key=lambda wf: -wf[1])[:COMMON_WORDS])
    compiled: dict[str, int] = {}
    for w in words:
        compiled[w] = freq[w]
        for i in range(1, len(w)):
            compiled.setdefault(w[:i], 0)  # jieba's prefix entries, as Tokenizer.gen_pfdict makes them
    marshal.dump((compiled, full.total), out)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


RECORDING: list = []  # while the index is built: the texts it tokenises, for compile_dictionary


def tokens(text: str, mode: str = MODE, tokenizer=None) -> list[str]:
    jieba = tokenizer or _jieba()
    if RECORDING:
        RECORDING[-1].append(text)
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
