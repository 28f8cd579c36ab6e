"""Which words of a clause a question matched, and where a rule's quote sits in its clause, as character spans
(start, end) that a page marks up. The spans come from the same tokens the scorer used, so what is highlighted
is what counted."""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.language import CJK_RE

from . import english
from .search import query_tokens

Span = tuple[int, int]


@dataclass(frozen=True)
class Terms:
    zh: tuple[str, ...]  # the Chinese words the question was scored with (two characters or more)
    en: frozenset[str]  # the stemmed English content words of an English question


def query_terms(query: str) -> Terms:
    words = {t for t in query_tokens(query) if not t.startswith("en:") and len(t) >= 2 and CJK_RE.search(t)}
    # longest first, so 青年项目 is marked whole rather than as 青年 + 项目
    zh = tuple(sorted(words, key=lambda w: (-len(w), w)))
    en = frozenset(english.stemmed(query)) if english.is_english(query) else frozenset()
    return Terms(zh, en)


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def term_spans(text: str, terms: Terms) -> list[Span]:
    """Where the question's words occur in a clause's Chinese text (case and width folded, as the index reads)."""
    low = text.lower()
    spans = []
    for w in terms.zh:
        start = low.find(w)
        while start >= 0:
            spans.append((start, start + len(w)))
            start = low.find(w, start + len(w))
    return merge(spans)


def english_spans(text: str, terms: Terms) -> list[Span]:
    """The words of an English rendering whose stem the question shares ("permits" for "permit")."""
    if not terms.en:
        return []
    return [(m.start(), m.end()) for m in english.WORD_RE.finditer(text.lower())  # lower() keeps every offset
            if english.stem(m.group(0).strip(".'-")) in terms.en]


def locate(quote: str, text: str) -> list[Span]:
    """Where a rule's quote is in its clause. Quotes are verbatim up to white space (the sources wrap lines), and
    a quote that skips words ("……") is found part by part."""
    spans = []
    for part in re.split(r"……|…|\.\.\.", quote):
        chars = [ch for ch in part if not ch.isspace()]
        if not chars:
            continue
        pattern = r"\s*".join(re.escape(ch) for ch in chars)
        m = re.search(pattern, text)
        if m:
            spans.append((m.start(), m.end()))
    return merge(spans)
