"""The clause index: tokenised clauses cached on disk, and a BM25 scorer over them.

Start-up cost matters (a staff member's `policybot search` is a fresh
process), so the tokenised corpus is cached keyed by a hash of everything it
depends on (sources, titles, parser, dictionary, tokenizer), and clauses are
stored with it so a cache hit needs neither the parser nor a re-tokenisation.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import english
from .tokenize import dictionary_version, tokens

CACHE_VERSION = "5"  # 5: the BM25 arrays as a directory of memory-mapped .npy files
# The title says what a clause is about in the fewest words; counting its
# tokens twice lets "青年项目的年龄要求" prefer the clause titled so over one
# that merely mentions 青年项目 (measured on the dev set, README).
TITLE_WEIGHT = 2
# The lay questions on a clause's card ("青千年龄限制？") are indexed with it (document expansion): they hold
# the words people use and the clause does not (README, "Clause cards in retrieval").
ASK_WEIGHT = 1


@dataclass
class Entry:
    doc: str
    article: str
    title: str
    title_en: str
    text: str
    chapter: str = ""
    items: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    # from the clause's card (corpus/cards): empty for a staff-added document until staff add its card file
    text_en: str = ""
    answer_zh: str = ""
    answer_en: str = ""


def cache_dir() -> Path:
    env = os.environ.get("POLICYBOT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policybot"


@lru_cache(maxsize=1)
def corpus_key() -> str:
    import corpus

    h = hashlib.sha256(CACHE_VERSION.encode())
    for path in sorted(corpus.SOURCES.glob("*")) + sorted((corpus.HERE / "cards").glob("*.toml")) + [corpus.HERE / "documents.toml",
                                                    corpus.HERE / "parse.py", english.GLOSSARY_PATH,
                                                    Path(__file__), Path(english.__file__),
                                                    Path(__file__).with_name("bm25.py")]:
        if path.exists():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    for doc in corpus.documents().values():
        if not doc.builtin:  # staff-added documents: the index is stale when one changes
            h.update(doc.id.encode())
            h.update(doc.path.read_bytes())
            h.update((doc.path.parent / "meta.toml").read_bytes())
            cards = doc.path.parent / "cards.toml"
            if cards.exists():
                h.update(cards.read_bytes())
    h.update(dictionary_version().encode())
    return h.hexdigest()[:20]


def english_tokens(e: Entry, asks_en: tuple[str, ...] = ()) -> list[str]:
    """The English index: the card's title (twice, as in Chinese), full rendering and lay questions, stemmed."""
    return english.stemmed(e.title_en) * TITLE_WEIGHT + english.stemmed(e.text_en) + \
        english.stemmed(" ".join(asks_en)) * ASK_WEIGHT


def document_tokens(e: Entry, doc_name: str = "", asks_zh: tuple[str, ...] = ()) -> list[str]:
    # The slide heading / chapter (label and its name) is content too (三、引进条件—青年项目),
    # and the document's short name (海聚工程) is what a person calls every
    # clause of it even where the clause itself never says it.
    label = e.article if not e.article.startswith("第") else ""
    toks = tokens(f"{e.title} {label} {e.chapter}") * TITLE_WEIGHT + tokens(f"{doc_name} {e.text}")
    if e.fields:
        toks += tokens(" ".join(e.fields.values()))
    toks += english.title_tokens(e.title_en)
    if asks_zh:
        toks += tokens(english.expand(" ".join(asks_zh))) * ASK_WEIGHT
    return toks


def _build() -> tuple[list[Entry], list[list[str]], list[list[str]]]:
    import corpus

    from .progress import bar

    entries, zh, en = [], [], []
    names = {d.id: d.short for d in corpus.documents().values()}
    clauses = corpus.load()
    with bar(len(clauses), "tokenising") as progress:
        for c in clauses:
            progress.update()
            _add_entry(c, names, entries, zh, en)
    return entries, zh, en


def _add_entry(c, names, entries, zh, en) -> None:
    """One clause into the index: its entry (with its card's English and plain answers) and both token lists."""
    import corpus
    from corpus.cards import card

    k = card(c.doc, c.article)
    e = Entry(c.doc, c.article, corpus.title_of(c, "zh"), corpus.title_of(c, "en"), c.text, c.chapter,
              [list(i) for i in c.items], dict(c.fields),
              k.en if k else "", k.answer_zh if k else "", k.answer_en if k else "")
    entries.append(e)
    zh.append(document_tokens(e, names[e.doc], k.ask_zh if k else ()))
    en.append(english_tokens(e, k.ask_en if k else ()))


def store_in_cache(path: Path, family: str, write) -> None:
    """Write-then-rename (a concurrent reader never sees half a file), then drop stale
    versions of the same family. A read-only home still gets answers, just without the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
        for old in path.parent.glob(family):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def store_dir_in_cache(path: Path, family: str, write) -> None:
    """The same for an index saved as a directory of arrays: built beside, renamed into place."""
    import shutil

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=path.parent, suffix=".tmp"))
        write(tmp)
        try:
            os.rename(tmp, path)
        except OSError:  # another process put it there first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in path.parent.glob(family):
            if old != path and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass


@lru_cache(maxsize=1)
def _load() -> tuple[list[Entry], list[list[str]], list[list[str]]]:
    from . import tokenize

    key = corpus_key()
    path = cache_dir() / f"index-{key}.json"
    compiled = cache_dir() / f"jieba-{key}.marshal"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if compiled.exists():  # queries are cut with the dictionary compiled for this corpus (fast to load)
            tokenize.use_compiled(compiled)
        return [Entry(**e) for e in data["entries"]], data["tokens"], data["tokens_en"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    tokenize.use_compiled(None)  # the index is built with the full dictionary
    tokenize.RECORDING.append([])
    try:
        entries, toks, toks_en = _build()
    finally:
        texts = tokenize.RECORDING.pop()
    payload = json.dumps({"entries": [e.__dict__ for e in entries], "tokens": toks, "tokens_en": toks_en},
                         ensure_ascii=False)
    store_in_cache(path, "index-*.json", lambda f: f.write(payload.encode("utf-8")))
    store_in_cache(compiled, "jieba-*.marshal", lambda f: tokenize.compile_dictionary(texts, f))
    return entries, toks, toks_en


def load_index() -> tuple[list[Entry], list[list[str]]]:
    """(the clauses, their Chinese-route tokens)."""
    entries, toks, _ = _load()
    return entries, toks


def english_index() -> list[list[str]]:
    return _load()[2]


def built(toks: list[list[str]], desc: str):
    from .bm25 import SparseBM25
    from .progress import bar

    with bar(len(toks), desc) as progress:
        return SparseBM25(toks, progress=progress.update)


@lru_cache(maxsize=1)
def scorer():
    """The sparse BM25 matrix, from the on-disk cache when it matches the corpus."""
    from .bm25 import SparseBM25

    _, toks = load_index()
    path = cache_dir() / f"bm25-{corpus_key()}"
    try:
        return SparseBM25.load(path)
    except (OSError, ValueError, KeyError):
        pass
    bm25 = built(toks, "indexing")
    store_dir_in_cache(path, "bm25-*", bm25.save)
    return bm25


@lru_cache(maxsize=1)
def scorer_en():
    """BM25 over the English index (cards' renderings and lay questions), for English questions."""
    from .bm25 import SparseBM25

    path = cache_dir() / f"bm25en-{corpus_key()}"
    try:
        return SparseBM25.load(path)
    except (OSError, ValueError, KeyError):
        pass
    bm25 = built(english_index(), "indexing English")
    store_dir_in_cache(path, "bm25en-*", bm25.save)
    return bm25
