"""Numbers as people write them: Arabic digits, Chinese numerals (三十四, 两千, 一九八五, 一年半), English
number words (thirty-four), percentages and month names.
"""
from __future__ import annotations

import datetime as dt
import re

from corpus.numerals import DIGITS as D
from corpus.numerals import zh_number

from .text import en_words, find_all

ZNUM = rf"[{D}十](?:[{D}十百千万亿]|点(?=[{D}])){{0,11}}"


ANUM = r"(?<![\d.])\d{1,15}(?:\.\d{1,6})?"


NUM = rf"(?:{ANUM}|{ZNUM})"


_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}


_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}


EN_WORD = (r"(?:(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
           r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
           r"|sixteen|seventeen|eighteen|nineteen)")


ENUM = rf"(?:{ANUM}|{en_words(EN_WORD)})"


_A_COUPLE = en_words(r"a\s+couple(?:\s+of)?|an?")


ENUM_A = rf"(?:{ANUM}|{en_words(EN_WORD)}|{_A_COUPLE})"


def en_number(s: str):
    s = s.strip().replace("-", " ")
    if s in ("a", "an"):
        return 1
    if s.startswith("a couple"):
        return 2
    parts = s.split()
    if len(parts) == 1:
        return _EN_UNITS.get(s, _EN_TENS.get(s))
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_UNITS:
        return _EN_TENS[parts[0]] + _EN_UNITS[parts[1]]
    return None


def parse_number(tok: str | None, concat: bool = True):
    """'34', '1,500', '1.5', '三十四', 'thirty-four' → number (int when whole), or None."""
    if not tok:
        return None
    tok = tok.strip()
    try:
        if tok[0].isdigit():
            v = float(tok.replace(",", ""))
            return int(v) if v.is_integer() else v
    except ValueError:
        return None
    if tok[0] in D or tok[0] == "十":
        return zh_number(tok, concat)
    return en_number(tok)


def clean_num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


MONTHS_EN = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
              "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
              "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}


MONTH_EN = en_words("|".join(sorted(MONTHS_EN, key=len, reverse=True)))


def year_value(tok: str, today: dt.date):
    tok = tok.strip().lstrip("'")
    v = parse_number(tok, concat=True)
    if v is None:
        return None
    v = int(v)
    if len(tok) == 2 or (tok[0] in D and len(tok) == 2):
        v = 1900 + v if v > today.year % 100 else 2000 + v
    return v


_PCT = re.compile(rf"(?P<n>{NUM}|{ENUM})\s*(?:%|percent(?![a-z])|per cent|pct(?![a-z]))|百分之\s*(?P<n2>{NUM})"
                  rf"|(?P<n3>{ZNUM}|{ANUM})\s*成(?!立|员|功|果|本|就|都|熟|为|长|交|绩|年|人|型|品|器|了|熟)")


def percents(low: str):
    if not re.search(r"%|percent|per cent|pct|成|百分之", low):
        return []
    out = []
    for m in find_all(_PCT, low):
        tok = m.group("n") or m.group("n2") or m.group("n3")
        v = parse_number(tok, concat=False)
        if v is None:
            continue
        if m.group("n3"):
            v = v * 10
        out.append((m.start(), m.end(), clean_num(v)))
    return out
