"""Durations ("3年", "two and a half years", "since 2018") and the fact each one measures, by its context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..eligibility.facts import kind
from .message import Message
from .numbers import ENUM_A, NUM, clean_num, parse_number
from .orgs import organisations, places
from .scope import FUTURE, PAST

# "我已经表态可以去广州全职干三年": 已经 is about saying it, the years are still to come
_SAID_ALREADY = re.compile(r"(?:已经|已)\s*(?:表态|答应|同意|表示|说过?|承诺|决定|确定|谈好|讲好)")
from .text import en_words, find_all, match_at, search
from .vocab import (
    ABROAD_EN,
    ABROAD_ZH,
    CHINA_EN,
    CHINA_ZH,
    FINANCE_WORDS,
    FOREIGN_CO_EN,
    FOREIGN_CO_ZH,
    FOREIGN_UNIV_EN,
    FOREIGN_UNIV_ZH,
    WORK_EN,
    WORK_ZH,
)

_HALF_YEAR = en_words(r"half\s+a\s+year|half\s+year|half-year")


ZH_DUR = re.compile(
    rf"(?P<y>{NUM})\s*(?:个\s*)?(?:多\s*)?(?:整\s*)?年(?!级|代|龄|纪|薪|底|初|末|份)(?P<yh>半)?(?:多)?"
    rf"(?:\s*(?:零|又)?\s*(?P<ym>{NUM})\s*个\s*(?:多\s*)?(?P<ymh>半)?\s*月)?"
    rf"|(?P<m>{NUM})\s*个\s*(?:多\s*)?(?P<mh>半)?\s*(?:多\s*)?月"
    rf"|(?P<hy>半)\s*(?:个\s*)?年(?!级|代|龄|纪|薪)"
    rf"|(?P<hm>半)\s*个\s*月")


EN_DUR = re.compile(
    rf"(?P<ey>{ENUM_A})(?P<eyh>\s+and\s+a\s+half)?[\s-]*(?P<econ>(?:consecutive|straight|full|more|whole|additional"
    rf"|continuous|solid|further)\s+)?(?:years?|yrs?)(?![a-z])(?![\s-]*old)(?P<eyh2>\s+and\s+a\s+half)?"
    rf"(?:,?\s*(?:and\s+)?(?P<eym>{ENUM_A})[\s-]*months?(?![a-z]))?"
    rf"|(?P<em>{ENUM_A})(?P<emh>\s+and\s+a\s+half)?[\s-]*(?:(?:consecutive|straight|full|more|whole)\s+)?months?(?![a-z])"
    rf"|(?P<ehy>{_HALF_YEAR})")


@dataclass
class _Dur:
    start: int
    end: int
    months: float
    unit: str  # "y" or "m"


_UNIT_CUE = re.compile(r"[年月]|year|yr|month|decade")


# what follows "NN年" when it is a year of an event rather than a length of time
_YEAR_EVENT = re.compile(r"\s*(?:\d{1,2}\s*月(?:份)?\s*)?(?:底|初|中|年底|年初)?\s*(?:的时候|时|就|才|又|刚)?\s*"
                         r"(?:在[^，,。；;\d]{1,10}?)?(?:博士|硕士|本科|博后)?\s*(?:毕业|回国|回来|出国|入职|加入|创办|创立|创业|成立|注册|开始|答辩|拿到|获得|去|来|到|搬)")
_SPENT_BEFORE = re.compile(r"(?:干|做|工作|待|呆|读|住|当|教)了?\s*$|(?:了|有|近|快|将近|大约|约|整整)\s*$")


def durations(low: str) -> list[_Dur]:
    if not _UNIT_CUE.search(low):
        return []  # no unit of time, no duration (and no scan of a long run of numerals)
    out = []
    for m in find_all(ZH_DUR, low):
        g = m.groupdict()
        if g["y"] is not None:
            tok = g["y"]
            if tok.isdigit() and len(tok) == 4 and not g["ym"]:
                continue  # a calendar year: 1985年
            if tok.isdigit() and len(tok) == 2 and not g["ym"] and _YEAR_EVENT.match(low, m.end()) \
                    and not _SPENT_BEFORE.search(low[max(0, m.start() - 6):m.start()]):
                continue  # a two-digit year: "22年博士毕业", "20年在杭州创办了公司" (a date, not 22 years)
            y = parse_number(tok, concat=False)
            if y is None:
                continue
            months = y * 12 + (6 if g["yh"] else 0)
            if g["ym"]:
                ym = parse_number(g["ym"], concat=False)
                if ym is None:
                    continue
                months += ym + (0.5 if g["ymh"] else 0)
            out.append(_Dur(m.start(), m.end(), months, "y"))
        elif g["m"] is not None:
            v = parse_number(g["m"], concat=False)
            if v is None:
                continue
            out.append(_Dur(m.start(), m.end(), v + (0.5 if g["mh"] else 0), "m"))
        elif g["hy"]:
            out.append(_Dur(m.start(), m.end(), 6, "y"))
        elif g["hm"]:
            out.append(_Dur(m.start(), m.end(), 0.5, "m"))
    for m in find_all(EN_DUR, low):
        g = m.groupdict()
        if g["ey"] is not None:
            if g["ey"] in ("a", "an") and search(r"(?:months?|per|each|every|times|once|twice|salary|paid|pay|k|yuan|rmb|cny|million|thousand|万|元)\s*$",
                                               low[max(0, m.start() - 12):m.start()]):
                continue
            y = parse_number(g["ey"])
            if y is None:
                continue
            months = y * 12 + (6 if g["eyh"] or g["eyh2"] else 0)
            if g["eym"]:
                ym = parse_number(g["eym"])
                months += ym or 0
            out.append(_Dur(m.start(), m.end(), months, "y"))
        elif g["em"] is not None:
            v = parse_number(g["em"])
            if v is None:
                continue
            out.append(_Dur(m.start(), m.end(), v + (0.5 if g["emh"] else 0), "m"))
        elif g["ehy"]:
            out.append(_Dur(m.start(), m.end(), 6, "y"))
    for m in find_all(en_words(r"(?P<n>a|one|two|three|four|five|half a) decades?"), low):
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5}[m.group("n")]
        out.append(_Dur(m.start(), m.end(), n * 120, "y"))
    for d in out:
        if search(r"(?:不到|不足|未满|不满|没到|没有|快|将近|接近|差不多快|" + en_words(r"less than|under|almost|nearly|not quite|not even|just under")
              + r")\s*$", low[max(0, d.start - 12):d.start]) or match_at(r"\s*(?:都)?(?:不到|没有|没到)", low[d.end:d.end + 6]):
            d.months = d.months - 1 if d.months > 1 else d.months / 2
    out.sort(key=lambda d: d.start)
    return out


def months_value(fact: str, months: float):
    k = kind(fact)
    if k == "months" or fact == "commit_months_per_year":
        return clean_num(round(months, 1)) if fact == "commit_months_per_year" else int(round(months))
    return clean_num(round(months / 12, 2))


PER_YEAR_BEFORE = re.compile(r"(?:每|一)\s*年|每一年|年均|" + en_words(r"each year|every year|per year|a year|annually|yearly"))


_PER_YEAR_AFTER = re.compile(r"\s*(?:(?:of|in)\s+)?(?:(?:a|per|each|every)\s+year|annually|yearly|/\s*year|/\s*yr|每年|一年)")


_CONSEC_BEFORE = re.compile(r"连续|坚持|持续|" + en_words(r"consecutive|in a row|running|straight"))


_CONSEC_AFTER = re.compile(r"\s*(?:,\s*)?(?:" + en_words(r"in a row|consecutively|running|straight|on end") + r"|连续)")


_FULLTIME = re.compile(r"全职|" + en_words(r"full[- ]?time"))


COMPANY = re.compile(r"公司|企业|成立|创办|创立|注册|创业|" + en_words(
    r"company|startup|start-up|firm|business|founded|co-founded|established|incorporated|set up|started"))


_COMPANY_AGE = re.compile(r"成立|创办|创立|注册|创建|开了|办了|运营|经营|创业|" + en_words(
    r"founded|co-founded|established|incorporated|set up|started|old|ago|operating|running|been around|in business"))


_AFTER_PHD = re.compile(r"毕业(?:以|之)?后|学位(?:以|之)?后|读完博士(?:以|之)?后|博士毕业|" + en_words(
    r"(?:after|since|following)\s+(?:my |the |getting (?:my |a |the )?|receiving (?:my |a |the )?|finishing (?:my |the )?"
    r"|completing (?:my |the )?|earning (?:my |a |the )?)?(?:phd|doctorate|graduat\w*|graduation|degree)|post-?phd"))


_RESEARCH = re.compile(r"科研|研究(?!员|生|所|院|机构|中心)|" + en_words(
    r"research(?! scientist| institute| fellow| centre| center| lab)|researching"))


_RESEARCH_EXP = re.compile(r"科研|研究(?:工作)?(?:经历|经验)|做(?:了)?.{0,6}研究(?!员|生|所|院)|" + en_words(
    r"research experience|of research|doing research|did research|done research|in research|research work"
    r"|years? researching|research abroad|research there"))


_RETURN_FROM = re.compile(r"从[^，,。]{1,10}(?:回来|回国|归国)|" + en_words(
    r"(?:return\w*|came back|coming back|moved back|moving back|back) from (?:the )?[a-z]+(?: [a-z]+)?"))


_RETURN_AGO = re.compile(r"回国|归国|回来|" + en_words(r"moved back|came back|returned|back to china|back in china|relocated"))


_ABROAD_RE = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|"
                        + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN)


def abroad_spans(low: str) -> list[tuple[int, int]]:
    """Where the message names a place, university or company abroad, found once per message ("从美国回来" — where
    one came from — blanked out, keeping every position); a duration asks whether one lies in its stretch, rather
    than scanning up to 450 characters again for each of its (up to 60) durations."""
    masked = _RETURN_FROM.sub(lambda m: " " * len(m.group(0)), low)
    spans = [m.span() for m in _ABROAD_RE.finditer(masked)]
    spans += [(p.start, p.end) for p in places(masked) if p.place == "abroad"]
    spans += [(m.start, m.end) for m in organisations(masked) if m.org and m.org.abroad]
    return sorted(spans)


def classify_durations(msg: Message, durs: list[_Dur]):
    low = msg.low
    abroad = abroad_spans(low) if durs else []
    for d in durs:
        cs, ce = msg.clause(d.start)
        ss, se = msg.sent(d.start)
        cs, ce = max(cs, d.start - 150), min(ce, d.end + 150)
        ss, se = max(ss, d.start - 300), min(se, d.end + 300)
        clause, sent = low[cs:ce], low[ss:se]
        before_c, after_c = low[cs:d.start], low[d.end:ce]
        before_s = low[ss:d.start]
        span = (d.start, d.end)
        # 1. months per year
        if d.unit == "m" and (PER_YEAR_BEFORE.search(before_c[-16:]) or _PER_YEAR_AFTER.match(low[d.end:d.end + 20])):
            msg.add("commit_months_per_year", months_value("commit_months_per_year", d.months), d.start, span=span)
            continue
        if msg.negated(d.start) and search(r"不到|不足|" + en_words("less than|under"), before_c[-6:]) is None:
            # "没有在国内工作过" has no duration; a negated duration is not a fact
            if search(r"没|不|未|" + en_words("not|never|no"), before_c[-4:]):
                continue
        ago = match_at(r"\s*(?:以)?前|\s*" + en_words("ago|back"), after_c)
        # 2. consecutive years
        done = search(r"(?:了|过)\s*$|已经|已|曾", before_c[-12:]) or search(en_words(r"have|has|'ve|had|was|were|worked|spent"), before_c[-30:])
        if d.unit == "y" and not done and (_CONSEC_BEFORE.search(before_c[-10:]) or _CONSEC_AFTER.match(after_c)
                                           or "consecutive" in low[d.start:d.end]):
            msg.add("commit_years", months_value("commit_years", d.months), d.start, span=span)
            continue
        # 3. company age
        if d.unit == "y" or d.months >= 1:
            ctx = sent if ago else clause
            if COMPANY.search(ctx) and (_COMPANY_AGE.search(ctx) or ago):
                if not search(r"创过业|创业经[历验]|" + en_words("startup experience"), ctx) and not (
                        _RETURN_AGO.search(ctx) and not search(r"成立|创办|创立|" + en_words("founded|co-founded|set up|established|started"), ctx)):
                    msg.add("company_age_years", months_value("company_age_years", d.months), d.start, span=span)
                    if ago and _RETURN_AGO.search(sent):
                        msg.add("years_in_china", months_value("years_in_china", d.months), d.start)
                    continue
        if ago and _RETURN_AGO.search(sent):
            msg.add("years_in_china", months_value("years_in_china", d.months), d.start, span=span)
            continue
        # 4. full-time commitment
        if d.unit == "y" and _FULLTIME.search(clause):
            past = search(r"已经|已|曾经|曾|当年|那时|那几年|以前|之前|(?:干|做|工作|待|呆)了|海外|国外|(?:19|20)\d\d\s*(?:年)?\s*(?:至|到|-|–)|" + en_words(
                r"already|have been|has been|'ve been|since|used to|was|were|back then|previously|formerly|worked|spent|did"),
                _SAID_ALREADY.sub(" ", clause))
            if not past:
                msg.add("commit_fulltime_years", months_value("commit_fulltime_years", d.months), d.start, span=span)
                continue
        china = search(CHINA_ZH + "|" + CHINA_EN, clause)
        # "after returning from Canada", "从美国回来": where one came from is not where the time was spent
        abroad_here = any(ss <= a and b <= ce for a, b in abroad)
        there = search(r"那边|那里|当地|留在|" + en_words("there"), clause) and msg.abroad_any
        said = _SAID_ALREADY.sub(" ", before_c)
        future = FUTURE.search(said) and not PAST.search(said) and not match_at(r"\s*(?:多|左右)?\s*了", after_c)
        # 5. time in China (past), or a commitment to come (future)
        if china and not abroad_here and not there:
            if future and d.unit == "y" and ("commit_months_per_year" in msg.found or PER_YEAR_BEFORE.search(sent)):
                msg.add("commit_years", months_value("commit_years", d.months), d.start, span=span)
            elif future:
                msg.add("commit_fulltime_years", months_value("commit_fulltime_years", d.months), d.start, span=span)
            else:
                msg.add("years_in_china", months_value("years_in_china", d.months), d.start, span=span)
            continue
        if future and d.unit == "y" and search(r"承诺|保证|" + en_words(r"commit\w*|promise"), clause) and _FULLTIME.search(sent):
            # "邀请我全职过去，我可以承诺干满四年": a full-time commitment said over two clauses
            msg.add("commit_fulltime_years", months_value("commit_fulltime_years", d.months), d.start, span=span)
            continue
        if future and d.unit == "y" and search(r"工作|服务|" + en_words("work|serve|stay"), clause):
            continue  # "打算在那里工作五年": not a fact we hold
        took = False
        # 6. after the PhD
        if (_AFTER_PHD.search(before_s) or _AFTER_PHD.search(after_c)) and (msg.has_phd or "博士" in before_s) and not future:
            msg.add("overseas_months_after_phd", months_value("overseas_months_after_phd", d.months), d.start, span=span)
            took = True
        # 7. finance abroad
        if search(FINANCE_WORDS, clause) and search(WORK_ZH + "|" + WORK_EN, clause) and not china:
            msg.add("overseas_finance_months", months_value("overseas_finance_months", d.months), d.start, span=span)
            took = True
        # 8. research experience
        if _RESEARCH_EXP.search(clause) and not china and not took:
            msg.add("overseas_research_years", months_value("overseas_research_years", d.months), d.start, span=span)
            took = True
        # 9. work abroad
        work = search(WORK_ZH + "|" + WORK_EN, clause)
        if (abroad_here or there) and work and not china and not future:
            msg.add("overseas_work_months", months_value("overseas_work_months", d.months), d.start, span=span)
            took = True
