"""The reading context of one message: its normalised text, clause and sentence bounds, and the facts
found so far with the position that stated them.
"""
from __future__ import annotations

import bisect
import datetime as dt

from .intent import is_question
from .programs import PROGRAM_NAME
from .scope import (
    NEG_EN,
    NEG_EN_STRIP,
    NEG_ZH,
    NEG_ZH_STRIP,
    NOT_HYPO,
    PERSONAL,
    REQUIRE,
    THIRD_PARTY,
    hypothetical,
)
from .text import CLAUSE_SEP, SENT_SEP, en_words, match_at, search
from .vocab import ABROAD_EN, ABROAD_ZH, FOREIGN_UNIV_EN, FOREIGN_UNIV_ZH


class Message:
    def __init__(self, low: str, today: dt.date, proxy: bool = False):
        self.raw = low
        self.today = today
        self.proxy = proxy  # the writer speaks for the applicant: "他36岁" is the applicant's age
        self.low = PROGRAM_NAME.sub(lambda m: " " * len(m.group()), low)
        # bounds from the text before program names are blanked: "外籍人士能申请千人计划吗" is one clause
        self.clauses = self._bounds(CLAUSE_SEP, low)
        self.sents = self._bounds(SENT_SEP, low)
        self._cstarts = [s for s, _ in self.clauses]
        self._sstarts = [s for s, _ in self.sents]
        self.found: dict[str, list[tuple[int, int, object]]] = {}  # fact -> [(pos, priority, value)]
        self.spans: list[tuple[int, int, str]] = []  # number spans already read, with their fact
        self.correction = False
        self.hows: dict[tuple[str, int], str] = {}
        self.notes: dict[tuple[str, int], str] = {}  # how a value was converted ("USD 120,000 ≈ ¥852,000")
        self._hypo: dict = {}
        self.has_phd = bool(search(r"博士(?!后)|读博|" + en_words(r"phd|doctorate|doctoral|dphil"), low)) and not search(
            r"(?:没|没有|未|不是)(?:读|念|拿|读过|念过)?(?:博|博士)(?!后)|" + en_words(r"no phd|not a phd|without a phd|never did a phd|didn't do a phd"), low)
        self.abroad_any = bool(search(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN,
                                         self.low))

    def _bounds(self, sep, text):
        out, start = [], 0
        for m in sep.finditer(text):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(self.low):
            out.append((start, len(self.low)))
        return out or [(0, 0)]

    def clause(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._cstarts, pos) - 1)
        return self.clauses[i]

    def sent(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._sstarts, pos) - 1)
        return self.sents[i]

    def ctext(self, pos: int) -> str:
        s, e = self.clause(pos)
        return self.low[s:e]

    def stext(self, pos: int) -> str:
        s, e = self.sent(pos)
        return self.low[s:e]

    def negated(self, start: int, end: int | None = None, after: bool = True) -> bool:
        """A negation word before `start` in its clause (or right after `end`)."""
        cs, ce = self.clause(start)
        before = self.low[max(cs, start - 60):start]
        before = NEG_EN_STRIP.sub(" ", NEG_ZH_STRIP.sub(" ", before))
        if NEG_ZH.search(before) or NEG_EN.search(before):
            return True
        if after and end is not None:
            _, se = self.sent(start)  # "学术不端、违法违纪更是从来没有过": the denial may follow a listed second item
            rest = self.low[end:min(max(ce, se), end + 24)]
            if match_at(r"\s*(?:的)?(?:记录|经历|经验|情况|问题|方面|这方面|这种情况)?\s*(?:是|:|：)?\s*(?:[、和及]?[^，,。；;]{0,6}?(?:也|都|更是|还|均))?\s*"
                        r"(?:没有|没|无|否|不存在|从来没有|从未有过|从来没|还没|尚未|未)|" + r"\s*(?:record|experience)?\s*(?::|-)?\s*" + en_words(r"none|no|never"), rest):
                return True
        return False

    def someone_else(self, pos: int) -> bool:
        cs, _ = self.clause(pos)
        before = self.low[max(cs, pos - 40):pos]
        m = None
        for m in THIRD_PARTY.finditer(before):
            pass
        return bool(m) and not search(r"我(?:也|还|本人)?(?:是|曾是|曾经是|当过|做过|获得|得过)|" + en_words(r"i am|i'm|i was|i've|i have|i also"), before[m.end():])

    def hypo(self, pos: int) -> bool:
        """The clause at `pos` asks about the rules rather than telling about the user."""
        cs, ce = self.clause(pos)
        if (cs, ce) not in self._hypo:
            clause = self.low[cs:ce] + self.low[ce:ce + 1]
            ss, se = self.sent(pos)
            self._hypo[(cs, ce)] = hypothetical(clause) or (
                bool(REQUIRE.search(clause)) and is_question(self.low[ss:se + 1]))
        return self._hypo[(cs, ce)]

    def add(self, fact: str, value, pos: int, prio: int = 0, span: tuple[int, int] | None = None, how: str = "stated"):
        if fact not in NOT_HYPO and self.hypo(pos):
            return  # "外籍人士能申请吗？", "can a postdoc apply?": about the rules, not the user
        if fact in PERSONAL and prio >= 0 and self.someone_else(pos):
            return  # "我的导师是院士": a fact about someone else
        self.found.setdefault(fact, []).append((pos, prio, value))
        if how != "stated":
            self.hows[(fact, pos)] = how  # "assumed": read from an approximation
        if span:
            self.spans.append((span[0], span[1], fact))

    def used(self, s: int, e: int) -> str | None:
        for a, b, f in self.spans:
            if a < e and s < b:
                return f
        return None
