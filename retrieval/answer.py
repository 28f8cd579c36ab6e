"""Does the best clause answer the question, or is it only near it?

Search ranks clauses; a reply must not present a near clause as the answer. Two checks, both over data in
glossary.toml: the question asks about an *aspect* (tax, salary, a green card…) that the clause never
mentions, or it is about one side's rules (Beijing's, the national plan's) and the clause is the other
side's. Either way the reply says the sources do not say, and shows the clause as related.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import english
from .search import Hit, referenced_articles, search


@dataclass
class Answer:
    hit: Hit | None  # the clause that answers (None: the sources do not say)
    related: list[Hit] = field(default_factory=list)  # the nearest clauses when none answers, or close seconds
    gap: str | None = None  # what the sources do not say, in the asker's language
    no_article: str | None = None  # an article asked for by number that no document has ("article 1000")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    data = english.glossary_data()
    return data.get("aspects", {}), data.get("subjects", {})


def _says(words: list[str], text: str) -> bool:
    text = text.lower()
    for w in words:
        if w.isascii():
            if re.search(rf"\b{re.escape(w)}\b", text):
                return True
        elif w in text:
            return True
    return False


def asked_aspects(query: str) -> list[str]:
    return [name for name, a in _tables()[0].items() if _says(a["words"], query)]


def aspect_label(aspect: str, lang: str) -> str:
    return _tables()[0][aspect]["zh" if lang == "zh" else "en"]


def subjects(query: str) -> list[str]:
    return [name for name, s in _tables()[1].items() if _says(s["words"], query)]


def covers(hit: Hit, aspect: str) -> bool:
    a = _tables()[0][aspect]
    return _says(a["words"], f"{hit.text} {hit.text_en} {' '.join((hit.fields or {}).values())}")


def answer(query: str, lang: str, top: int = 3, doc: str | None = None, prefer: set | None = None,
           hits: list[Hit] | None = None) -> Answer:
    """`prefer`: (doc, article) of the clauses the asker's situation points to (their programs still open); one of
    them close enough to the best (half its score) answers first. `hits`: this query's search, when the caller
    has it already (at least 5 deep), so it is not run twice."""
    hits = hits[:max(top, 5)] if hits is not None else search(query, top=max(top, 5), doc=doc)
    refs = referenced_articles(query)
    if refs and not (hits and hits[0].exact):  # "what does article 1000 say?": none has it; no look-alike instead
        return Answer(None, no_article=refs[0])
    if not hits:
        return Answer(None)
    if hits[0].exact:  # "第八条": the clause asked for is the answer, whatever it says
        return Answer(hits[0], [h for h in hits[1:top] if h.exact])
    if prefer and (hits[0].doc, hits[0].article) not in prefer:
        near = next((h for h in hits[1:5] if (h.doc, h.article) in prefer and h.score >= 0.5 * hits[0].score), None)
        if near is not None:
            hits = [near] + [h for h in hits if h is not near]
    aspects, subj = _tables()
    named = subjects(query)
    if len(named) == 1 and doc is None:
        docs = subj[named[0]]["docs"]
        inside = [h for h in hits if h.doc in docs]
        if not inside or inside[0].score < 0.5 * hits[0].score:
            gap = subj[named[0]]["zh" if lang == "zh" else "en"]
            return Answer(None, hits[:2], _gap_subject(gap, lang))
        hits = inside + [h for h in hits if h.doc not in docs]
    for a in asked_aspects(query):
        answering = [h for h in hits[:3] if covers(h, a)]
        if not answering:
            return Answer(None, hits[:2], aspects[a]["zh" if lang == "zh" else "en"])
        hits = answering + [h for h in hits if h not in answering]
    best = hits[0]
    close = [h for h in hits[1:top] if h.score >= 0.8 * best.score]
    return Answer(best, close)


def _gap_subject(subject: str, lang: str) -> str:
    return f"这一点对{subject}的规定" if lang == "zh" else f"this for {subject}"
