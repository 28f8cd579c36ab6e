"""Facts about a founder's company: founding, shareholding, equity, product stage, age.
"""
from __future__ import annotations

import re

from .durations import COMPANY
from .message import Message
from .numbers import ENUM, NUM, parse_number, percents
from .scope import FIRST_PERSON
from .text import en_words, find_all, search
from .vocab import (
    ABROAD_EN,
    ABROAD_ZH,
    CITY_OTHER_EN,
    CITY_OTHER_ZH,
    FOREIGN_UNIV_EN,
    FOREIGN_UNIV_ZH,
)

_FOUNDER = re.compile(r"创始人|创办人|创立者|创建者|联合创始人|创办了|创办的|创立了|创立的|创建了|创建的|办了(?:一家|个)?公司|开了(?:一家|个)?公司"
                      r"|成立了(?:一家|自己的)?公司|自己的公司|我的公司|自主创业|创业(?!人才|类|团队项目|经验|经历|项目)|" + en_words(
    r"founder|co-founder|cofounder|i founded|i co-founded|i started (?:a|my|the|our) (?:own )?(?:company|startup|business|firm)"
    r"|my (?:own )?(?:company|startup|firm)|i set up (?:a|my)|i established|founded (?:a|my|the|our)|co-founded|started my own"))


def find_founding(msg: Message):
    low = msg.low
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN)
    for m in find_all(r"海外创业|国外创业|境外创业|在.{0,8}创过业|创过业|创业经[历验]|" + en_words(
            r"startup experience|founded (?:a|an|my|the)? ?(?:company|startup|business|firm) (?:abroad|overseas|in (?:the )?(?!china|beijing)\w+)"
            r"|started (?:a|an|my)? ?(?:company|startup|business) (?:abroad|overseas|in (?:the )?(?!china|beijing)\w+)"
            r"|entrepreneurial experience|founded a startup|started a startup|founded a company|started a company"), low):
        clause = msg.ctext(m.start())
        t = m.group()
        if not (abroad.search(clause) or "海外" in t or "国外" in t or "境外" in t or "abroad" in t or "overseas" in t):
            if search(r"国内|北京|回国|" + en_words("in china|in beijing|back"), clause):
                continue
            if not (t == "创过业" or "experience" in t or "创业经" in t):
                continue
        # "在海外没创过业": the denial can sit inside the match, between the place and 创过业
        neg = msg.negated(m.start(), m.end()) or bool(search(r"没|未|从不|从没", t))
        msg.add("overseas_startup_experience", not neg, m.start())
    for m in find_all(r"(?:开|办|成立|创立|创办|创建)(?:过|了)(?:一家|一个|几家|两家)?(?:公司|企业)|" + _FOUNDER.pattern, low):
        cs, ce = msg.clause(m.start())
        clause = low[cs:ce]
        if abroad.search(clause) and not search(r"国内|北京|回国|" + CITY_OTHER_ZH + "|" + en_words(r"in china|in beijing|back") + "|" + CITY_OTHER_EN, clause):
            if not search(r"创始人|创办人|联合创始人|" + en_words(r"founder|co-founder|cofounder"), m.group()) or search(r"过|" + en_words(r"was|had|previously|before"), clause):
                if "overseas_startup_experience" not in msg.found:
                    msg.add("overseas_startup_experience", not msg.negated(m.start(), m.end()), m.start())
            continue
        if search(r"(?:开|办|成立|创立|创办|创建)过", m.group()):
            continue
        if search(r"想|打算|准备|计划|(?<!主|重|需|只)要|有意|希望|考虑|愿意|将(?!近)|" + en_words(r"want|plan|planning|intend|hope|would like|thinking|consider\w*|will|going to"),
              low[max(cs, m.start() - 10):m.start()]) and not search(r"了|过|" + en_words(r"founded|started|co-founded"), m.group()):
            continue
        neg = msg.negated(m.start(), m.end())
        msg.add("is_founder", not neg, m.start())
        if not neg and search(r"公司|企业|" + en_words("company|startup|firm|business"), clause) and not abroad.search(clause):
            msg.add("employer_type", "company", m.start(), prio=-1)


def find_shareholding(msg: Message):
    low = msg.low
    for m in find_all(r"(?:第一大|最大(?:的)?|头号)\s*自然人股东|" + en_words(r"largest (?:individual|natural[- ]person|private) shareholder"
                                                         r"|biggest (?:individual|natural[- ]person) shareholder"), low):
        msg.add("largest_natural_person_shareholder", not msg.negated(m.start(), m.end()), m.start())
    for m in find_all(r"(?:第一大|最大(?:的)?|头号)\s*股东|控股股东|" + en_words(r"largest shareholder|biggest shareholder"
                                                        r"|majority shareholder|controlling shareholder|main shareholder"), low):
        neg = msg.negated(m.start(), m.end())
        msg.add("largest_shareholder", not neg, m.start())
        if not neg:
            msg.add("largest_natural_person_shareholder", True, m.start(), prio=-1)
    for m in find_all(r"团队(?:成员)?.{0,6}(?:主要股东|控股|大股东|持股|占股)|" + en_words(
            r"team (?:members )?(?:are|is|being) (?:the )?(?:main|major|principal|largest) shareholders?"
            r"|team (?:members )?(?:hold|holds|own|owns|control|controls)"), low):
        msg.add("team_main_shareholders", not msg.negated(m.start(), m.end()), m.start())


def find_equity(msg: Message):
    low = msg.low
    share = re.compile(r"股|持有|占|" + en_words(r"stake|equity|shares?|shareholders?|own|owns|hold|holds|holding|ownership|of the company"))
    for s, e, v in percents(low):
        cs, ce = msg.clause(s)
        clause = low[cs:ce]
        if not share.search(clause):
            continue
        if search(r"薪|工资|税|利率|增长|涨|补助|资助|" + en_words(r"salary|tax|growth|subsidy|interest|raise"), clause):
            continue
        if search(r"团队|投资|基金|他|她|其他股东|合伙人|" + en_words(r"team|investors?|vc|fund|others|partners?|he|she|they|co-founders?"), clause) \
                and not FIRST_PERSON.search(clause):
            continue
        msg.add("equity_percent", v, s, span=(s, e))
    for m in find_all(r"(?:一半|半数)(?:的)?股|" + en_words(r"half (?:of )?the (?:shares|equity|company)"), low):
        msg.add("equity_percent", 50, m.start())


def find_stage(msg: Message):
    low = msg.low
    for m in find_all(r"研发阶段|还在研发|研发中|处于研发|实验室阶段|研究阶段|" + en_words(r"research stage|r&d stage|rnd stage|still in (?:r&d|rnd|research)"
                                                                   r"|pre-?clinical|in development|prototype stage"), low):
        msg.add("product_stage", "research", m.start())
    for m in find_all(r"中试|试生产|小批量|" + en_words(r"pilot(?: stage| production| phase| scale| plant| run)?|trial production|small[- ]batch"), low):
        if search(r"试点|" + en_words("pilot program|pilot project|autopilot"), low[max(0, m.start() - 4):m.end() + 8]):
            continue
        msg.add("product_stage", "pilot", m.start())
    for m in find_all(r"产业化|量产|规模化生产|批量生产|大规模生产|已经上市|已上市|商业化|" + en_words(
            r"mass[- ]produc\w+|industriali[sz]ed|industriali[sz]ation|commerciali[sz]ed|in production|on the market|full[- ]scale production"), low):
        if msg.negated(m.start(), after=False):
            continue
        msg.add("product_stage", "industrialized", m.start())


def find_company_year(msg: Message):
    """公司成立于2020年 / founded in 2021 → age of the company in years."""
    low = msg.low
    for m in find_all(r"(?:成立|创办|创立|注册|创建)(?:于|在)?\s*(?P<y>\d{4})\s*年?|(?P<y2>\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?[^，,。；;0-9]{0,8}?(?:成立|创办|创立|注册|创建)|" + en_words(
            r"(?:founded|established|incorporated|set up|started|registered)\s+(?:it\s+|the company\s+|my company\s+)?in\s+(?P<y3>\d{4})"), low):
        y = int(m.group("y") or m.group("y2") or m.group("y3"))
        if not 1900 <= y <= msg.today.year:
            continue
        clause = msg.stext(m.start())
        if not COMPANY.search(clause):
            continue
        msg.add("company_age_years", float(msg.today.year - y), m.start(), prio=-1)
    for m in find_all(r"(?P<y>\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:回国|归国|回到国内)|" + en_words(r"(?:moved back|returned|came back)(?: to china)? in (?P<y2>\d{4})"), low):
        y = int(m.group("y") or m.group("y2"))
        if 1950 <= y <= msg.today.year:
            msg.add("years_in_china", float(msg.today.year - y), m.start(), prio=-1)
    for m in find_all(r"去年(?:回国|回来|归国)|" + en_words(r"(?:moved back|returned|came back)(?: to china)? last year"), low):
        msg.add("years_in_china", 1.0, m.start(), prio=-1)
    for m in find_all(rf"(?:公司|企业)(?:已经|已)?(?:有|成立|办了|开了)?\s*(?P<n>{NUM})\s*(?P<half>年半|年)(?:多)?了|" + en_words(
            rf"(?:company|startup|firm|business) (?:is|was|has been|turned)(?: now| already| just)? (?P<n2>{ENUM}) years? old"), low):
        v = parse_number(m.group("n") or m.group("n2"), concat=False)
        if v is not None and not msg.used(m.start(), m.end()):
            msg.add("company_age_years", float(v) + (0.5 if m.group("half") == "年半" else 0), m.start(), span=(m.start(), m.end()))
    for m in find_all(r"去年(?:成立|创办|创立|注册)|" + en_words(r"(?:founded|established|started|set up) (?:it |the company |my company )?last year"), low):
        msg.add("company_age_years", 1.0, m.start(), prio=-1)
