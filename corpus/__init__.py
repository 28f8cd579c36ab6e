"""The source documents as citable clauses (SPEC section 2).

`load()` parses the verbatim sources in `sources/` once per process; labels,
English titles and metadata come from the data files beside them. Documents
staff add with `policybot corpus add` live in the user's data directory
(corpus/user.py) and are parsed by the same parser.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .document import SOURCES, Document
from .parse import PARSERS, Clause

HERE = Path(__file__).parent
RULES_DIR = HERE / "rules"  # eligibility rules, one file per document, beside the sources they quote


@lru_cache(maxsize=1)
def builtin_documents() -> dict[str, Document]:
    meta = tomllib.loads((HERE / "documents.toml").read_text(encoding="utf-8"))
    return {doc_id: Document(id=doc_id, **fields) for doc_id, fields in meta.items()}


@lru_cache(maxsize=1)
def documents() -> dict[str, Document]:
    from .user import user_documents

    return {**builtin_documents(), **user_documents()}


@lru_cache(maxsize=1)
def titles() -> dict[str, dict[str, list[str]]]:
    """{doc: {article: [zh title, en title]}}, from the clause cards (cards.py)."""
    from .cards import cards

    return {doc: {art: [c.title_zh, c.title_en] for art, c in found.items()} for doc, found in cards().items()}


def parse_document(doc: Document) -> list[Clause]:
    return PARSERS[doc.kind if doc.kind in PARSERS else "regulation"](doc.id, doc.raw())


def reload() -> None:
    """Forget what this process parsed (after a document was added or removed)."""
    from .cards import cards

    for f in (builtin_documents, documents, load, titles, cards):
        f.cache_clear()


@lru_cache(maxsize=1)
def load() -> tuple[Clause, ...]:
    clauses: list[Clause] = []
    for doc in documents().values():
        clauses.extend(parse_document(doc))
    return tuple(clauses)


def title_of(clause: Clause, lang: str = "zh") -> str:
    pair = titles().get(clause.doc, {}).get(clause.article)
    if pair:
        return pair[0] if lang == "zh" else pair[1]
    return clause.chapter or first_phrase(clause.text) or clause.article


def citation(doc: str, article: str, item: str | None = None, lang: str = "zh") -> str:
    """《国家海外高层次人才引进计划管理办法》第八条（一） / 《北京"海聚工程"介绍》三、引进条件—青年项目 第2项"""
    cite = f"《{documents()[doc].title}》{article}"
    if item:
        cite += item if item.startswith("（") else " " + item_label(item, lang)
    return cite


def item_label(item: str, lang: str = "zh") -> str:
    """第2项 / item 2; an item of a slide's second list as the slide prints it: 且具备以下条件之一 第1项."""
    head, _, number = item.rpartition(" ")
    if not number.isdigit():  # a list's closing line: "且具备以下条件之一 末句"
        return item if lang == "zh" else f"{head} (closing line)".strip()
    shown = f"第{number}项" if lang == "zh" else f"item {number}"
    return f"{head} {shown}" if head else shown


def citation_en(doc: str, article: str) -> str:
    """Thousand Talents Plan measures, Article 8 (第八条): the document's English title and the label, with
    the Chinese label kept so it can be found in the original."""
    d = documents()[doc]
    from .numerals import zh_number

    label = article
    if article.startswith("第") and article.endswith("条"):
        n = zh_number(article[1:-1])
        if isinstance(n, int):
            label = f"Article {n} ({article})"
    return f"{d.title_en or d.title}, {label}"


def first_phrase(text: str) -> str:
    """A staff-added clause has no title of its own: its first phrase stands in (at most 20 characters)."""
    import re

    head = re.split(r"[。；;：:，,\n]", text, maxsplit=1)[0]
    return head[:20]


__all__ = ["SOURCES", "Clause", "Document", "citation", "citation_en", "documents", "item_label", "load", "title_of",
           "titles", "reload"]
