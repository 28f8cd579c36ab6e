"""Numbers as people write them: Arabic digits, Chinese numerals (三十四, 两千, 一九八五, 一年半), English
number words (thirty-four), percentages and month names.
"""
from __future__ import annotations

import datetime as dt
import re

from .text import en_words, find_all

_ZD = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_ZU = {"十": 10, "百": 100, "千": 1000}


D = "零〇一二两三四五六七八九"


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


def _cn2an(s: str):
    try:
        import cn2an  # slow to import (~170 ms): only for numerals our parser does not cover

        v = cn2an.cn2an(s, "smart")
        return int(v) if float(v).is_integer() else float(v)
    except Exception:
        return None


def _zh_section(s: str):
    """一..九千九百九十九, colloquial 三千五 = 3500, 一百五 = 150."""
    total, cur, last_unit, zero = 0, None, None, False
    for ch in s:
        if ch in _ZD:
            d = _ZD[ch]
            if d == 0:
                zero = True
                continue
            if cur is not None:
                return None
            cur = d
        elif ch in _ZU:
            u = _ZU[ch]
            if last_unit is not None and u >= last_unit:
                return None
            total += (cur if cur is not None else 1) * u
            cur, last_unit, zero = None, u, False
        else:
            return None
    if cur is not None:
        total += cur * last_unit // 10 if last_unit and last_unit >= 100 and not zero else cur
    return total


def zh_number(s: str, concat: bool = True):
    """A Chinese numeral as int/float, or None. `concat` reads unit-less digit
    runs digit by digit (一九八五 → 1985, 八五 → 85)."""
    s = s.strip()
    if not s:
        return None
    if "点" in s:
        a, _, b = s.partition("点")
        ia = zh_number(a) if a else 0
        if ia is None or not b or any(c not in _ZD for c in b):
            return _cn2an(s)
        return ia + float("0." + "".join(str(_ZD[c]) for c in b))
    if "亿" in s:
        return _cn2an(s)
    if not any(c in "十百千万" for c in s):
        if all(c in _ZD for c in s):
            if len(s) == 1:
                return _ZD[s]
            return int("".join(str(_ZD[c]) for c in s)) if concat else None
        return _cn2an(s)
    if "万" in s:
        hi, _, lo = s.partition("万")
        if "万" in lo:
            return _cn2an(s)
        h = _zh_section(hi) if hi else 1
        if h is None:
            return _cn2an(s)
        if len(lo) == 1 and lo in _ZD:
            low = _ZD[lo] * 1000  # 两万五
        else:
            low = _zh_section(lo) if lo else 0
        if low is None:
            return _cn2an(s)
        return h * 10000 + low
    v = _zh_section(s)
    return v if v is not None else _cn2an(s)


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
