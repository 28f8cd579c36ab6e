"""Dates and periods as people write them, placed on a month scale.

A `When` is the set of months a date can mean: "2021年6月" is one month, "2019" is January to
December 2019, "2021年初" January to March, "去年" the whole of last year, "two years ago" the
month 24 months before the assessment date. Durations derived from them are counted to the month
and keep their range (`Span`), so a year without a month decides only what it can.

`dates(low, today)` returns every date mention in a normalised message with its role:
"point" (2019年), "since" (since March 2020, 2018年以来, 从2017年起), "until" (until 2024),
"range" (2014–2019, from 2016 to 2022, 2019–present: `end` is the second date, None for "now").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numbers import MONTHS_EN, parse_number
from .text import en_words, find_all, match_at

_M_EN = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_ZH_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


@dataclass(frozen=True)
class When:
    """A month or a run of possible months, as month numbers (year * 12 + month - 1)."""
    lo: int
    hi: int

    @staticmethod
    def month(year: int, month: int) -> "When":
        return When(year * 12 + month - 1, year * 12 + month - 1)

    @staticmethod
    def year(year: int, first: int = 1, last: int = 12) -> "When":
        return When(year * 12 + first - 1, year * 12 + last - 1)

    @staticmethod
    def of(day: dt.date) -> "When":
        return When.month(day.year, day.month)

    @property
    def mid(self) -> int:
        return (self.lo + self.hi + 1) // 2

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @property
    def year_no(self) -> int:
        return self.lo // 12

    def text(self) -> str:
        y, m = divmod(self.lo, 12)
        if self.exact:
            return f"{y}-{m + 1:02d}"
        y2, m2 = divmod(self.hi, 12)
        if y == y2 and m == 0 and m2 == 11:
            return str(y)
        return f"{y}-{m + 1:02d}..{y2}-{m2 + 1:02d}"


@dataclass(frozen=True)
class Span:
    """A duration in months, as a range when its ends are ranges."""
    lo: int
    hi: int

    @staticmethod
    def between(start: When, end: When) -> "Span":
        return Span(max(0, end.lo - start.hi), max(0, end.hi - start.lo))

    @property
    def mid(self) -> int:
        return (self.lo + self.hi + 1) // 2

    def __add__(self, other: "Span") -> "Span":
        return Span(self.lo + other.lo, self.hi + other.hi)

    def text(self) -> str:
        return str(self.lo) if self.lo == self.hi else f"{self.lo}–{self.hi}"


@dataclass
class DateMention:
    start: int
    end: int
    when: When
    role: str = "point"            # point | since | until | range
    until: When | None = None      # the second date of a range; None with role "range" = until now
    words: str = ""


_PART_ZH = {"初": (1, 3), "年初": (1, 3), "开年": (1, 3), "上半年": (1, 6), "年中": (5, 8), "中": (5, 8),
            "下半年": (7, 12), "底": (10, 12), "年底": (10, 12), "末": (10, 12), "年末": (10, 12)}
_PART_EN = {"early": (1, 4), "beginning of": (1, 3), "start of": (1, 3), "mid": (5, 8), "middle of": (5, 8),
            "late": (9, 12), "end of": (10, 12), "spring": (3, 5), "summer": (6, 8), "fall": (9, 11),
            "autumn": (9, 11), "winter": (12, 12)}

# one date (named groups: y = year, m = month number, mn = English month, part = part of a year,
# yy = two-digit year with a month, ap = '14)
_ONE = (
    rf"(?:(?P<part_en>{'|'.join(sorted(_PART_EN, key=len, reverse=True))})[\s-]*)?"
    rf"(?:(?P<mn>{_M_EN})\.?,?\s+(?:of\s+)?)?(?P<y>(?:19|20)\d\d)(?!\d)"
    rf"(?:\s*年\s*(?:(?P<m>{_ZH_M})\s*月(?:份)?|(?P<part>上半年|下半年|年初|年底|年末|年中|初|底|末|中(?!国|心|科|期|学)))?"
    rf"|\s*[./](?P<m2>1[0-2]|0?[1-9])(?![\d.]))?"
    rf"|(?<![\d.])(?P<yy>\d\d)\s*年\s*(?P<ym>{_ZH_M})\s*月"
    # "18年博士毕业", "21年起", "92年的": a two-digit year, only before words that make it a date
    rf"|(?<![\d.了做干满过近])(?P<y2>\d\d)\s*年(?P<part2>初|底|末)?(?=\s*(?:初|底|末|起|开始|以来|至今|博士|硕士|本科|毕业|回国|回来|入职|加入|出生|生(?!活)|的\s*(?:$|[,，。\n])|拿|获得|进|从)"
    rf"|[^，,。\n]{{0,16}}(?:博士|硕士|本科)?毕业|[^，,。\n]{{0,12}}(?:入职|加入|回国))"
    rf"|(?<![a-z\d])'(?P<ap>\d\d)(?!\d)"
)
ONE = re.compile(_ONE)
_RANGE_SEP = r"\s*(?:–|—|-|~|〜|～|至|到|to|until|till|through|thru)\s*"
_NOW = r"(?:present|now|today|date|至今|现在|今|目前|current)"
_RANGE = re.compile(rf"(?P<a>(?:{_ONE.replace('?P<', '?P<a_')}))(?:\s*年)?{_RANGE_SEP}"
                    rf"(?:(?P<now>{_NOW})|(?P<b>{_ONE.replace('?P<', '?P<b_')}))(?:\s*年)?")
_SINCE_BEFORE = re.compile(r"(?:" + en_words(r"since|starting(?: in)?|beginning in|from") + r"|从|自从|自|打)\s*(?:the\s+)?$")
_SINCE_AFTER = re.compile(r"\s*(?:年)?\s*(?:以来|至今|开始|起|到现在|到今天|迄今|" + en_words(r"onwards?|on|to date|to present|until now") + ")")
_UNTIL_BEFORE = re.compile(r"(?:" + en_words(r"until|till|up to|through") + r"|直到|到)\s*$")
_RELATIVE = re.compile(
    r"(?P<relm>前年|去年|今年)\s*(?P<rm>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月|"
    r"(?P<lastyear>去年|" + en_words(r"last year") + r")|(?P<yearbefore>前年|" + en_words(r"the year before last") + r")"
    r"|(?P<thisyear>今年(?=初|年初|上半年|\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月))|(?P<lastmonth>上个月|上月|" + en_words(r"last month") + r")"
    r"|(?P<n>\d{1,2}|[一二两三四五六七八九十半]{1,3}|" + en_words(r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of") + r")"
    r"\s*(?:个)?\s*(?P<unit>年|月|" + en_words(r"years?|months?") + r")\s*(?:多\s*)?(?:以前|之前|前|" + en_words(r"ago") + r")")


def _one(g: dict, prefix: str, today: dt.date) -> When | None:
    def get(k):
        return g.get(prefix + k)
    if get("yy"):
        y = 2000 + int(get("yy"))
        if y > today.year:
            y -= 100
        m = parse_number(get("ym"), concat=False)
        return When.month(y, int(m)) if m and 1 <= m <= 12 else None
    if get("y2"):
        y = 2000 + int(get("y2"))
        y = y - 100 if y > today.year else y
        part = get("part2")
        return When.year(y, *_PART_ZH[part]) if part else When.year(y)
    if get("ap"):
        y = 2000 + int(get("ap"))
        return When.year(y - 100 if y > today.year else y)
    if not get("y"):
        return None
    y = int(get("y"))
    if get("mn"):
        return When.month(y, MONTHS_EN[get("mn")])
    m = get("m") or get("m2")
    if m:
        mv = parse_number(m, concat=False)
        return When.month(y, int(mv)) if mv and 1 <= mv <= 12 else When.year(y)
    part = get("part") or get("part_en")
    if part:
        a, b = _PART_ZH.get(part) or _PART_EN[part]
        return When.year(y, a, b)
    if y == today.year:  # "2026" as of November: January to now
        return When(y * 12, y * 12 + today.month - 1)
    return When.year(y)


def dates(low: str, today: dt.date) -> list[DateMention]:
    """Every date in a normalised message, ranges first, each span read once."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return not any(a < e and s < b for a, b in taken)

    now = When.of(today)
    for m in find_all(_RANGE, low):
        a = _one(m.groupdict(), "a_", today)
        b = None if m.group("now") else _one(m.groupdict(), "b_", today)
        if a is None or (b is None and not m.group("now")) or (b is not None and b.lo < a.lo):
            continue
        out.append(DateMention(m.start(), m.end(), a, "range", b, m.group()))
        taken.append((m.start(), m.end()))
    for m in find_all(ONE, low):
        if not free(m.start(), m.end()):
            continue
        w = _one(m.groupdict(), "", today)
        if w is None or w.lo > now.hi:
            continue
        before, after = low[max(0, m.start() - 16):m.start()], low[m.end():m.end() + 12]
        if match_at(r"\s*(?:年|岁|元|万|%|k|人|家|个)(?!初|底|末|中|以来|至今|开始|起)", after) and not m.group("m") and not m.group("part"):
            if not match_at(r"\s*年(?:\s*(?:毕业|回国|入职|加入|出生|生|获得|拿|博士|硕士|成立|注册|创办|来|去|到|起|开始|以来|至今|的|在|从|于|,|，|。))", after):
                continue  # 2000元, 2015岁: not a date
        role = "point"
        if _SINCE_BEFORE.search(before) or _SINCE_AFTER.match(after):
            role = "since"
        elif _UNTIL_BEFORE.search(before):
            role = "until"
        out.append(DateMention(m.start(), m.end(), w, role, None, m.group()))
        taken.append((m.start(), m.end()))
    for m in find_all(_RELATIVE, low):
        if not free(m.start(), m.end()):
            continue
        y, mo = today.year, today.month
        if m.group("relm"):
            mv = parse_number(m.group("rm"), concat=False)
            if not mv or not 1 <= mv <= 12:
                continue
            w = When.month(y - {"前年": 2, "去年": 1, "今年": 0}[m.group("relm")], int(mv))
        elif m.group("lastyear"):
            w = When.year(y - 1)
        elif m.group("yearbefore"):
            w = When.year(y - 2)
        elif m.group("thisyear"):
            w = When(y * 12, y * 12 + mo - 1)
        elif m.group("lastmonth"):
            w = When(now.lo - 1, now.lo - 1)
        else:
            tok = m.group("n").strip()
            n = {"a": 1, "an": 1, "one": 1, "a couple of": 2, "两": 2, "半": 0.5}.get(tok)
            if n is None:
                n = parse_number(tok, concat=False)
            if n is None:
                continue
            months = round(n * 12) if m.group("unit") in ("年", "year", "years") else round(n)
            w = When(now.lo - months, now.lo - months)
        role = "since" if _SINCE_AFTER.match(low[m.end():m.end() + 8]) or _SINCE_BEFORE.search(low[max(0, m.start() - 8):m.start()]) else "point"
        out.append(DateMention(m.start(), m.end(), w, role, None, m.group()))
        taken.append((m.start(), m.end()))
    # "starting that September", "9月入职" after a dated event: the month of that year (or the next)
    for m in find_all(_MONTH_ONLY, low):
        if not free(m.start(), m.end()):
            continue
        before = [d for d in out if d.start < m.start()]
        if not before:
            continue
        prev = max(before, key=lambda d: d.start).when
        name = m.group("mn") or ""
        mv = MONTHS_EN.get(name) or parse_number(m.group("zm") or "", concat=False)
        if not mv or not 1 <= mv <= 12:
            continue
        y = prev.year_no + (1 if mv - 1 < prev.lo % 12 else 0)
        w = When.month(y, int(mv))
        if w.lo <= now.hi:
            role = "since" if _SINCE_BEFORE.search(low[max(0, m.start() - 16):m.start()]) or re.search(
                en_words(r"starting|started|from"), low[max(0, m.start() - 16):m.start()]) else "point"
            out.append(DateMention(m.start(), m.end(), w, role, None, m.group()))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


_MONTH_ONLY = re.compile(rf"(?:that|in|from|since|starting)\s+(?P<mn>{_M_EN})(?![a-z])(?!\s*\d)|(?<![\d年])(?P<zm>1[0-2]|[1-9])\s*月(?:份)?(?=\s*(?:开始|起|入职|加入|去|到|回))")

