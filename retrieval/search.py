"""Clause retrieval: article references go straight to their clause, the rest is BM25.

A staff member who types "千人计划第十三条" or "任务27" wants that clause,
not whatever BM25 ranks first; a layperson's question goes through jieba
(plus the English glossary for English questions) and BM25.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import corpus
from corpus.language import CJK_RE
from corpus.numerals import int_to_cn

from . import english
import numpy as np

from .bm25 import top_indices
from .index import Entry, load_index, scorer, scorer_en
from .tokenize import tokens

CN_NUM = "零一二三四五六七八九十百"
# digits bounded: "第99999…9条" (thousands of digits) is no article, and int() of it would be refused
ARTICLE_RE = re.compile(rf"第\s*([{CN_NUM}]{{1,12}}|\d{{1,9}})\s*条")
EN_ARTICLE_RE = re.compile(r"\barticle\s+(\d{1,9})\b", re.I)
TASK_RE = re.compile(r"(?:任务|\btask\s*)(?:第)?\s*(\d{1,9})(?!\d)", re.I)
ZGC_ITEM_RE = re.compile(r"([一二三四])\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]")

# Which document a question names (documents.toml `hints`), tried in this order: the more specific names
# first ("北京市引进和服务外国专家" before 千人计划, "千人计划海聚工程" is Haiju's).
DOC_HINT_ORDER = ["haizhi-bases", "bj-foreign-experts-2013", "haiju-intro", "zgc-ecosystem-2015", "qianren-2017"]
# Without a hint, a bare 第八条 most often means the national measures.
DOC_ORDER = ["qianren-2017", "bj-foreign-experts-2013", "haizhi-bases", "haiju-intro", "zgc-ecosystem-2015"]


@dataclass
class Hit:
    doc: str
    article: str
    title: str
    title_en: str
    score: float
    text: str
    exact: bool = False
    fields: dict | None = None
    text_en: str = ""  # the card's full English rendering ("" for a staff-added clause without a card)
    answer_zh: str = ""
    answer_en: str = ""

    def answer(self, lang: str) -> str:
        return self.answer_zh if lang == "zh" else self.answer_en

    def as_json(self, lang: str = "zh") -> dict:
        """SPEC section 3: `answer` is the plain answer in the query's language."""
        out = {"doc": self.doc, "article": self.article, "title": self.title, "score": round(self.score, 4),
               "text": self.text, "title_en": self.title_en, "text_en": self.text_en, "answer": self.answer(lang)}
        if self.exact:
            out["exact"] = True
        if self.fields:
            out.update(self.fields)
        return out


def canonical_article(label: str) -> str:
    """'第8条' / 'Article 8' / '任务 27' / '三(七)' -> the label as the index spells it."""
    label = label.strip()
    m = EN_ARTICLE_RE.fullmatch(label) or ARTICLE_RE.fullmatch(label)
    if m:
        num = m.group(1)
        return f"第{int_to_cn(int(num)) if num.isdigit() else num}条"
    m = TASK_RE.fullmatch(label)
    if m:
        return f"任务{int(m.group(1))}"
    m = ZGC_ITEM_RE.fullmatch(label)
    if m:
        return f"{m.group(1)}（{m.group(2)}）"
    return label.replace("-", "—") if re.match(r"^[一二三四五六七]、", label) else label


def doc_hint(query: str) -> str | None:
    q = query.lower()
    docs = corpus.builtin_documents()
    for doc in DOC_HINT_ORDER:
        if any(w in q for w in docs[doc].hints):
            return doc
    return None


def referenced_articles(query: str) -> list[str]:
    labels = [f"第{int_to_cn(int(n)) if n.isdigit() else n}条" for n in ARTICLE_RE.findall(query)]
    labels += [f"第{int_to_cn(int(n))}条" for n in EN_ARTICLE_RE.findall(query)]
    labels += [f"任务{int(n)}" for n in TASK_RE.findall(query)]
    labels += [f"{a}（{b}）" for a, b in ZGC_ITEM_RE.findall(query)]
    return labels


def _hit(e: Entry, score: float, exact: bool = False) -> Hit:
    return Hit(e.doc, e.article, e.title, e.title_en, float(score), e.text, exact, e.fields or None,
               e.text_en, e.answer_zh, e.answer_en)


MAX_QUERY_CHARS = 500  # a question is a sentence or two; the rest of a pasted page adds nothing but time


def query_tokens(query: str) -> list[str]:
    query = query[:MAX_QUERY_CHARS]
    if english.is_english(query):
        zh, rest = english.translate(query)
        cjk = "".join(ch for ch in query if CJK_RE.match(ch))
        return tokens(english.expand(" ".join(zh) + " " + cjk)) + english.query_tokens(rest)
    return tokens(english.expand(query))


# English questions are scored twice: through the glossary against the Chinese clauses, and stemmed against
# the cards' English renderings and lay questions; the two are fused. How, and with what weight, was chosen
# by measuring every variant on the same questions (python -m retrieval.tune; README "English route").
FUSION = "linear"  # "linear": each route's scores over its best, added; "rrf": reciprocal rank fusion
EN_WEIGHT = 1.0
RRF_K = 60


def fuse(zh, en, mode: str | None = None, weight: float | None = None):
    import numpy as np

    mode = FUSION if mode is None else mode
    weight = EN_WEIGHT if weight is None else weight
    if mode == "zh":
        return zh
    if mode == "en":
        return en
    if mode == "rrf":
        out = np.zeros(len(zh))
        for scores, w in ((zh, 1.0), (en, weight)):
            order = np.argsort(-scores, kind="stable")
            ranks = np.empty(len(scores))
            ranks[order] = np.arange(1, len(scores) + 1)
            out += np.where(scores > 0, w / (RRF_K + ranks), 0.0)
        return out
    top_zh, top_en = float(zh.max(initial=0.0)), float(en.max(initial=0.0))
    return (zh / top_zh if top_zh > 0 else zh) + weight * (en / top_en if top_en > 0 else en)


def scores_for(query: str, mode: str | None = None, weight: float | None = None):
    import numpy as np

    entries, _ = load_index()
    toks = query_tokens(query)
    zh = scorer().get_scores(toks) if toks else np.zeros(len(entries))
    if not english.is_english(query[:MAX_QUERY_CHARS]):
        return zh
    en_toks = english.stemmed(query[:MAX_QUERY_CHARS])
    en = scorer_en().get_scores(en_toks) if en_toks else np.zeros(len(entries))
    return fuse(zh, en, mode, weight)


@lru_cache(maxsize=1)
def priors():
    """Per clause, its document's prior (documents.toml): used when a question names no document."""
    import numpy as np

    entries, _ = load_index()
    docs = corpus.documents()
    return np.array([docs[e.doc].prior if e.doc in docs else 1.0 for e in entries])


@lru_cache(maxsize=1)
def definitions() -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """(a pattern for "what is NAME?" in either language, the clauses that define NAME), from glossary.toml."""
    data = english.glossary_data().get("definitions", {})
    out = []
    for d in data.values():
        names = "|".join(re.escape(n) for n in sorted(d["names"], key=len, reverse=True))
        q = r"[\s“”\"「」《》'‘’]*"
        pattern = re.compile(
            rf"(?:什么是|啥是|何谓|何为|什么叫|介绍一下|介绍下|为什么要实施|为什么实施|为何实施|为什么要搞){q}(?:{names})"
            rf"|(?:{names}){q}(?:计划|工程|项目)?{q}(?:到底|究竟|具体)?(?:是什么|是啥|指什么|是指什么|是怎么回事|是个什么)"
            rf"|\bwhat(?:'s|\s+is|\s+are|\s+exactly\s+is)\s+(?:the\s+|a\s+)?{q}(?:{names})\b{q}"
            rf"(?:\s*(?:plan|program|programme|project|scheme|base)s?)?{q}(?:[?？.!]|$|\s+and\b|\s+for\b)", re.I)
        out.append((pattern, [tuple(c.split(" ", 1)) for c in d["clauses"]]))
    return out


def defined(query: str) -> list[tuple[str, str]]:
    """The clauses that answer a definition question, best first; [] for any other question."""
    for pattern, clauses in definitions():
        if pattern.search(query[:MAX_QUERY_CHARS]):
            return clauses
    return []


@lru_cache(maxsize=1)
def positions() -> dict[tuple[str, str], int]:
    """(doc, article) -> the clause's place in the index: a lookup, not a scan of a large corpus."""
    entries, _ = load_index()
    return {(e.doc, e.article): i for i, e in enumerate(entries)}


def find(doc: str, article: str) -> Entry | None:
    entries, _ = load_index()
    i = positions().get((doc, canonical_article(article)))
    return entries[i] if i is not None else None


def chapter_items(doc: str, article: str) -> list[Entry]:
    """'三' in zgc has no text of its own: its items 三（一）..三（十） answer for it."""
    entries, _ = load_index()
    return [e for e in entries if e.doc == doc and e.article.startswith(article + "（")]


def named_document(query: str) -> tuple[str | None, str]:
    """A question that quotes a document's full title ("北京市引进和服务外国专家工作暂行办法由哪个部门解释")
    is about that document: the title picks the document, the rest of the question the clause
    (left in, the title's words would pull every question to the preamble that repeats it)."""
    import corpus

    for d in corpus.documents().values():
        for title in (d.title, d.title.strip("（）()试行")):
            if len(title) >= 6 and title in query:
                return d.id, query.replace(title, " ")
    return None, query


@lru_cache(maxsize=64)
def doc_mask(doc: str):
    """Which clauses of the index belong to a document."""
    entries, _ = load_index()
    return np.fromiter((e.doc == doc for e in entries), dtype=bool, count=len(entries))


def search(query: str, top: int = 5, doc: str | None = None) -> list[Hit]:
    entries, _ = load_index()
    if doc is None:
        doc, query = named_document(query)
    scores = scores_for(query)
    hint = doc or doc_hint(query)
    if hint is None:
        scores = scores * priors()

    exact: list[Hit] = []
    for label in referenced_articles(query):
        matches = [(i, e) for i, e in enumerate(entries) if e.article == label and (doc is None or e.doc == doc)]
        if hint and any(e.doc == hint for _, e in matches):
            matches = [(i, e) for i, e in matches if e.doc == hint]
        matches.sort(key=lambda ie: DOC_ORDER.index(ie[1].doc) if ie[1].doc in DOC_ORDER else 99)
        exact += [_hit(e, scores[i], True) for i, e in matches]

    hits = list(exact)
    for d, art in defined(query):  # "什么是千人计划？": the clauses that say what it is, first
        e = find(d, art)
        if e is not None and (doc is None or e.doc == doc) and (d, art) not in {(h.doc, h.article) for h in hits}:
            hits.append(_hit(e, scores[positions()[(e.doc, e.article)]]))
    seen = {(h.doc, h.article) for h in hits}
    if doc:  # only this document's clauses compete
        scores = np.where(doc_mask(doc), scores, 0.0)
    want = top or len(entries)
    # the best clauses without sorting the corpus; a clause already shown is skipped, so take that many more
    for i in top_indices(scores, want + len(seen)):
        if len(hits) >= want or scores[i] <= 0:
            break
        e = entries[i]
        if (e.doc, e.article) in seen:
            continue
        hits.append(_hit(e, scores[i]))
    return hits[:top] if top else hits
