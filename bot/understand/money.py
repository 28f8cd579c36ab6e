"""Amounts of money (万, k, million; monthly salaries times 12) with their currency, and the salary fact.

An amount is found from its number outwards: a number, then at most a few characters after it for the
multiplier (万, k, million) and the currency, and a few before it for a currency sign. Every look is over a
bounded slice, so a message of any length costs time in proportion to its length (no pattern with
nested repetition runs over a long run of spaces). Foreign amounts are turned into CNY by the dated
rate table in vocab/currencies.toml and said with "≈".
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .message import Message
from .numbers import ANUM, EN_WORD, ZNUM, clean_num, parse_number
from .text import en_words, find_all, match_at, search

_TABLE = tomllib.loads((Path(__file__).parent / "vocab" / "currencies.toml").read_text(encoding="utf-8"))
RATES_AS_OF: str = _TABLE["as_of"]
RATES = {code: float(c["rate"]) for code, c in _TABLE["currency"].items()}


def _words(side: str) -> list[tuple[str, str]]:
    out = [(w, code) for code, c in _TABLE["currency"].items() for w in c[side]]
    return sorted(out, key=lambda it: -len(it[0]))


_BEFORE, _AFTER = _words("before"), _words("after")
_NUMBER = re.compile(rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{ANUM}|{ZNUM}|{en_words(EN_WORD)}|{en_words('half a|a')}")
_MULT = re.compile(r"\s{0,2}(百万|千万|万|千|亿|w(?![a-z])|k(?![a-z])|mn(?![a-z])|m(?![a-z])|million|thousand|hundred thousand)")
MULT = {"万": 1e4, "w": 1e4, "千": 1e3, "k": 1e3, "thousand": 1e3, "百万": 1e6, "m": 1e6, "mn": 1e6, "million": 1e6,
        "千万": 1e7, "亿": 1e8, "hundred thousand": 1e5}


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    cny: float              # the value in CNY (converted for a foreign currency)
    currency: str = "CNY"
    amount: float = 0.0     # the value in its own currency

    def __iter__(self):     # (start, end, cny), as the callers unpack it
        return iter((self.start, self.end, self.cny))

    def __getitem__(self, i):
        return (self.start, self.end, self.cny)[i]

    def said(self) -> str:
        if self.currency == "CNY":
            return f"¥{self.cny:,.0f}"
        return f"{self.currency} {self.amount:,.0f} ≈ ¥{self.cny:,.0f}, at the {RATES_AS_OF} rate of {RATES[self.currency]:g}"


def _currency_after(low: str, e: int) -> tuple[str | None, int]:
    rest = low[e:e + 14].lstrip()
    gap = len(low[e:e + 14]) - len(rest)
    for w, code in _AFTER:
        if rest.startswith(w) and not (w[-1].isascii() and w[-1].isalpha() and rest[len(w):len(w) + 1].isalpha()):
            return code, e + gap + len(w)
    return None, e


def _currency_before(low: str, s: int) -> str | None:
    head = low[max(0, s - 6):s].rstrip()
    for w, code in _BEFORE:
        if head.endswith(w) and not (w[0].isalpha() and head[:-len(w)][-1:].isalpha()):
            return code
    return None


def moneys(low: str, need_unit: bool = True) -> list[Amount]:
    out = []
    for m in find_all(_NUMBER, low):
        tok, s, e = m.group(), m.start(), m.end()
        mm = _MULT.match(low, e)
        mult = mm.group(1) if mm else None
        end = mm.end() if mm else e
        cur, end2 = _currency_after(low, end)
        before = _currency_before(low, s)
        cur = cur or before
        if need_unit and not (mult or cur):
            continue
        if tok in ("a", "half a"):
            if mult not in ("million", "thousand", "hundred thousand"):
                continue
            v = 0.5 if tok == "half a" else 1
        else:
            v = parse_number(tok, concat=False)
        if v is None:
            continue
        if not cur and mult in ("m", "k") and match_at(r"\s*(?:onths?|2|²)", low[end:end + 6]):
            continue  # 3m2, 5 months
        v = float(v) * MULT.get(mult or "", 1)
        code = cur or "CNY"
        out.append(Amount(s, max(end, end2), clean_num(round(v * RATES[code], 2)), code, clean_num(round(v, 2))))
    return out


_SALARY = re.compile(r"年薪|薪水|薪资|薪酬|工资|收入|待遇|月薪|报酬|年收入|" + en_words(
    r"salary|salaries|pay|pays|paid|paying|earn|earns|earning|income|compensation|comp|wage|wages|package|tc"))
# the salary of the post abroad ("my comp at Meta", "澳洲这边年薪") is not the one a Chinese employer pays
_HERE_ABROAD = re.compile(r"这边|在这边|国外|海外|美国|英国|澳洲|加拿大|德国|现在的|目前的|" + en_words(
    r"here|at (?:meta|google|my (?:current )?(?:job|company|employer))|current(?:ly)?|now|abroad|overseas|in the (?:us|uk)"))
_OFFERED = re.compile(r"给我|开出|开了|提供|支付|offer|会给|愿意给|付我|拟支付|约定|" + en_words(
    r"offer\w*|pay me|will pay|would pay|pays me|paying me|agreed|package from|from (?:the )?(?:university|institute|company|employer)"))


def find_salary(msg: Message):
    low = msg.low
    for a in moneys(low):
        s, e = a.start, a.end
        cs, ce = msg.clause(s)
        clause = low[cs:ce]
        ss, se = msg.sent(s)
        if not _SALARY.search(clause) and not _SALARY.search(low[e:se][:12]):
            continue
        if msg.used(s, e):
            continue
        if search(r"资助|补助|补贴|奖励|经费|" + en_words(r"subsidy|grant|funding|award"), low[cs:s]) and not search(r"年薪|工资|薪|" + en_words("salary"), low[cs:s]):
            continue
        offered = _OFFERED.search(low[ss:se])
        if a.currency != "CNY" and not offered:
            continue  # "年薪12万澳币", "$450k at Meta": the salary abroad
        if _HERE_ABROAD.search(clause) and not offered and msg.abroad_any:
            continue
        monthly = search(r"月薪|月工资|月收入|每月|每个月|/月|" + en_words(r"a month|per month|monthly|each month|/month"), clause) and not search(r"年薪|每年|" + en_words(r"a year|per year|annual"), clause)
        value = clean_num(a.cny * 12 if monthly else a.cny)
        msg.add("annual_salary_cny", value, s, span=(s, e), how="stated" if a.currency == "CNY" else "derived")
        if a.currency != "CNY":
            msg.notes[("annual_salary_cny", s)] = a.said()
