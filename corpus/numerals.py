"""Chinese numerals, both ways: 三十四 / 两千 / 一九八五 / 一年半's 一 -> numbers (zh_number) and
43 -> 四十三 (int_to_cn, for article labels). The one parser of Chinese numerals: the corpus reads article
numbers with it, retrieval turns 两次 into 2次 with it, the understanding reads every number with it."""
from __future__ import annotations

_ZD = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_ZU = {"十": 10, "百": 100, "千": 1000}


DIGITS = "零〇一二两三四五六七八九"


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


def int_to_cn(n: int) -> str:
    """43 -> 四十三, for article labels. Numbers of 1000 and over are written by cn2an (no source has such an
    article, but "第1000条" must be looked up, not crash); absurdly long ones stay digits."""
    if n >= 1000:
        if n >= 10 ** 12:
            return str(n)
        import cn2an

        return cn2an.an2cn(n)
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 10 else (int_to_cn(rest) if rest >= 20 else "一" + int_to_cn(rest)))
    return digits[hundreds] + "百" + tail
