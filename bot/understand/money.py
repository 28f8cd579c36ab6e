"""Amounts of money (万, k, million; monthly salaries times 12) and the salary fact.
"""
from __future__ import annotations

import re

from .message import Message
from .numbers import ANUM, EN_WORD, ZNUM, clean_num, parse_number
from .text import en_words, find_all, match_at, search

_MONEY = re.compile(
    rf"(?P<cur1>rmb|cny|¥|人民币)?\s*(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{ANUM}|{ZNUM}|{en_words(EN_WORD)}|{en_words('half a|a')})"
    rf"\s*(?P<mult>百万|千万|万|千|亿|w(?![a-z])|k(?![a-z])|m(?![a-z])|mn(?![a-z])|million|thousand|hundred thousand)?"
    rf"\s*(?P<cur2>元|块|人民币|rmb(?![a-z])|cny(?![a-z])|yuan(?![a-z])|rmb)?")


MULT = {"万": 1e4, "w": 1e4, "千": 1e3, "k": 1e3, "thousand": 1e3, "百万": 1e6, "m": 1e6, "mn": 1e6, "million": 1e6,
         "千万": 1e7, "亿": 1e8, "hundred thousand": 1e5}


_SALARY = re.compile(r"年薪|薪水|薪资|薪酬|工资|收入|待遇|月薪|报酬|年收入|" + en_words(
    r"salary|salaries|pay|pays|paid|paying|earn|earns|earning|income|compensation|wage|wages|package"))


def moneys(low: str, need_unit: bool = True):
    out = []
    for m in find_all(_MONEY, low):
        tok = m.group("n")
        if not tok:
            continue
        mult = m.group("mult")
        cur = m.group("cur1") or m.group("cur2")
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
        if m.group("cur1") is None and m.group("cur2") is None and mult in ("m", "k") and match_at(r"\s*(?:onths?|2|²)", low[m.end():m.end() + 6]):
            continue
        v = float(v) * MULT.get(mult or "", 1)
        out.append((m.start("n"), m.end(), clean_num(round(v, 2))))
    return out


def find_salary(msg: Message):
    low = msg.low
    for s, e, v in moneys(low):
        cs, ce = msg.clause(s)
        clause = low[cs:ce]
        ss, se = msg.sent(s)
        if not _SALARY.search(clause) and not _SALARY.search(low[e:se][:12]):
            continue
        if msg.used(s, e):
            continue
        if search(r"资助|补助|补贴|奖励|经费|" + en_words(r"subsidy|grant|funding|award"), low[cs:s]) and not search(r"年薪|工资|薪|" + en_words("salary"), low[cs:s]):
            continue
        monthly = search(r"月薪|月工资|月收入|每月|每个月|/月|" + en_words(r"a month|per month|monthly|each month|/month"), clause) and not search(r"年薪|每年|" + en_words(r"a year|per year|annual"), clause)
        msg.add("annual_salary_cny", clean_num(v * 12 if monthly else v), s, span=(s, e))
