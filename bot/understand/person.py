"""Facts about the person: age and birth, nationality and descent, degree and where it was obtained,
field, awards, academy membership.
"""
from __future__ import annotations

import re

from .choices import FIELD_RX
from .message import Message
from .numbers import (
    ENUM,
    MONTH_EN,
    MONTHS_EN,
    NUM,
    D,
    clean_num,
    parse_number,
    year_value,
)
from .scope import hypothetical
from .text import en_words, find_all, match_at, search
from .vocab import (
    ABROAD_EN,
    ABROAD_ZH,
    CHINA_UNIV_EN,
    CHINA_UNIV_ZH,
    COUNTRY_ZH,
    FOREIGN_UNIV_EN,
    FOREIGN_UNIV_ZH,
    NATION_ADJ,
)


_DECADE_ZH = {"二": 20, "三": 30, "四": 40, "五": 50, "六": 60, "七": 70}
_DECADE_EN = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "20s": 20, "30s": 30,
              "40s": 40, "50s": 50, "60s": 60}
_AGE_RANGE = [
    (re.compile(r"(?P<d>[二三四五六七])十多(?:岁)?(?!万|个|年|次|家|人|名|%)|(?P<a>[2-7]0)\s*多\s*岁"), "more"),
    (re.compile(rf"(?P<n>{NUM})\s*(?:岁)?\s*出头"), "early"),
    (re.compile(en_words(r"(?P<pos>early|mid|late)[\s-]*(?P<dec>twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)")
                + "|" + en_words(r"in my (?P<dec2>twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)")), "en"),
]


def find_age_range(msg: Message):
    """"三十多岁", "40出头", "late thirties": a range, kept only where it decides every age limit of the rules
    (31–39 is under 40 and 55 alike; 五十多 is on both sides of 55 and stays unknown)."""
    from ..eligibility.rules import thresholds
    if not search(r"多|出头|ties|0s", msg.low):
        return
    for rx, how in _AGE_RANGE:
        for m in find_all(rx, msg.low):
            g = m.groupdict()
            if how == "more":
                base = _DECADE_ZH[g["d"]] if g.get("d") else int(g["a"])
                lo, hi = base + 1, base + 9
            elif how == "early":
                base = parse_number(g["n"], concat=False)
                if base is None:
                    continue
                lo, hi = int(base) + 1, int(base) + 4
            else:
                dec = _DECADE_EN[g.get("dec") or g.get("dec2")]
                lo, hi = {"early": (dec, dec + 3), "mid": (dec + 4, dec + 6), "late": (dec + 7, dec + 9)}.get(g.get("pos") or "", (dec, dec + 9))
            cs, _ = msg.clause(m.start())
            if search(r"孩子|儿子|女儿|父亲|母亲|他|她|" + en_words(r"son|daughter|father|mother|he|she"), msg.low[cs:m.start()]):
                continue
            if all((_holds(op, lo, v) == _holds(op, hi, v)) for op, v in thresholds("age")):
                msg.add("age", hi, m.start(), prio=-1, span=(m.start(), m.end()), how="assumed")


def _holds(op: str, x, v) -> bool:
    return {"<=": x <= v, "<": x < v, ">=": x >= v, ">": x > v, "==": x == v}.get(op, True)


def find_age(msg: Message):
    low = msg.low
    third = re.compile(r"孩子|儿子|女儿|父亲|母亲|爸|妈|他|她|太太|妻子|老婆|丈夫|老公|公司|" + en_words(
        r"son|daughter|child|kid|father|mother|wife|husband|he|she|company|limit|maximum|minimum|under|over|below|above"))
    limit_before = re.compile(r"不超过|不满|未满|低于|超过|小于|大于|限|上限|下限|要求|门槛|以下|以上|满|" + en_words(
        r"under|over|below|above|limit|maximum|max|minimum|min|up to|than|until|before|after"))
    pats = [
        re.compile(rf"(?P<n>{NUM})\s*(?:周)?\s*岁(?!以下|以上|以内|之下|之内|之前|前|时|的时候|那年|之后|后|起)"),
        re.compile(rf"(?:今年|年龄|年纪|岁数)\s*(?:已经|才|刚|刚刚|刚满|满)?\s*(?:是|为|有|改成|改为|应该是|:|=)?\s*(?P<n>{NUM})"
                   rf"(?!\s*(?:年|个|月|%|万|次|\d|[{D}]))"),
        re.compile(rf"(?:{en_words(r'i am|i.m|im|i.m now|i am now|i just turned|i turned|i will be|i.ll be|just turned|now')})"
                   rf"\s+(?:only\s+|just\s+|already\s+|actually\s+|really\s+)?(?P<n>{ENUM})(?=\s*(?:$|[,.;!?)]|and |with |now|"
                   rf"years? old|yrs? old|y/?o(?![a-z])|this year|but|so|,|who|from|living|working|in |next |on ))"),
        re.compile(rf"(?P<n>{ENUM})[\s-]*(?:years?|yrs?)[\s-]*old|(?P<n2>{ENUM})\s*y/?o(?![a-z])"),
        re.compile(rf"{en_words(r'aged?|my age is|age is|age:|age of|age to|age =|age now')}\s*:?\s*(?P<n>{ENUM})(?!\s*(?:%|percent|months?))"
                   # a proxy's "our candidate is 46", "他今年36": the applicant's age (read only for a proxy, below)
                   rf"|(?:{en_words(r'candidate is|he is|she is|he.s|she.s')}|候选人|他今年|她今年)\s*(?P<n6>{ENUM})(?=\s*(?:$|[,.;!?)]|岁|years|and ))"),
        # "Is 57 too old", "Context: 35, PhD…", "41F", "本人32 女"
        re.compile(r"(?<![\d.])(?P<n>[1-9]\d)\s*(?:is\s+)?too old|" + en_words(r"(?:context|background|about me|me)") +
                   r"\s*[:：-]\s*(?P<n2>[1-9]\d)(?=\s*[,，;/|]|\s*(?:yo|y/o|f|m)(?![a-z]))|(?<![\d.$¥£€])(?P<n3>[1-9]\d)\s*(?:f|m)(?![a-z\d])(?!\s*(?:2|²))"
                   r"|(?:本人|背景[:：]?|^我|\s我|，我|,我)\s*(?P<n4>[1-9]\d)\s*(?=岁|女|男|,|，|/|\s|$|了)"
                   # "Chinese citizen, 41, associate professor", "Hi, 42, Italian": a bare age between commas
                   r"|(?:^|(?:hi|hello|hey)\s*[!,.\-–—]?\s*,?\s*|(?:citizen|national|[a-z]{2,}an|[a-z]+ish|[a-z]+ese|[a-z]+ch|[a-z]{3,}i|greek|swiss|thai),\s*)"
                   r"(?P<n5>[2-7]\d)(?=\s*(?:,|\.(?!\d)|;))"),
    ]
    for i, rx in enumerate(pats):
        for m in find_all(rx, low):
            name = next(k for k in ("n", "n2", "n3", "n4", "n5", "n6") if m.groupdict().get(k))
            if name == "n6" and not msg.proxy:
                continue
            tok, gs = m.group(name), m.start(name)
            if msg.used(m.start(), m.end()):
                continue
            v = parse_number(tok, concat=False)
            if v is None:
                continue
            if i == 1 and isinstance(v, (int, float)) and v >= 1900:
                continue
            cs, _ = msg.clause(gs)
            before = low[cs:gs]
            if i in (0, 3, 4) and third.search(before[-12:]) and not (
                    msg.proxy and search(r"(?:他|她|" + en_words(r"he|she") + r")\s*(?:今年|现在|is|'s)?\s*$", before[-12:])):
                continue
            if i == 3 and search(en_words(r"my|our|his|her|their|the") + r"\s*$", before[-8:]) and not match_at(
                    r"[\s-]*(?:years?|yrs?)[\s-]*old\s+(?:me|myself)", low[m.end(name):m.end(name) + 20]):
                continue  # "my 19-year-old" is a child, not the applicant's age
            if i in (0, 3, 4) and limit_before.search(before[-10:]):
                if not search(r"我|" + en_words(r"i|i'm|my"), before[-12:]):
                    continue
            if i == 0 and match_at(r"\s*(?:周)?\s*岁\s*(?:以下|以上)", low[m.end("n"):m.end("n") + 6]):
                continue
            if msg.negated(gs, after=False) and not search(r"不对|不是的", before):
                continue
            if search(r"(?:快|马上|即将|将满|要满|快要|下个月|明年)\s*$|" + en_words(r"i.ll be|i will be|turning|about to turn|will turn|almost|nearly") + r"\s*$", before[-14:]):
                v = v - 1
            msg.add("age", clean_num(v) if isinstance(v, int) else int(v), gs, span=(m.start(), m.end()))


def find_birth(msg: Message):
    low = msg.low
    yz = rf"(?P<y>\d{{4}}|\d{{2}}|[{D}]{{2}}|[{D}]{{4}})"
    mz = rf"(?:(?P<m>{NUM})\s*月(?:份)?)?"
    pats = [
        re.compile(rf"{yz}\s*年\s*{mz}\s*(?:\d{{1,2}}\s*[日号])?\s*(?:出生|生人|生的|生(?!产|效|活|意|物|成|态|病|命|涯))"),
        re.compile(rf"(?:出生于|生于|出生在|出生年份\s*(?:是|为|:)?|出生年\s*(?:是|为|:)?)\s*{yz}\s*年?\s*{mz}"),
        re.compile(rf"(?:我是|是)\s*{yz}\s*年(?:的|生)(?=\s|$|[,.;!?。，！？]|人|吧|啊)"),
        re.compile(rf"(?<![\d{D}]){yz}\s*年\s*{mz}\s*的\s*(?=$|[,.;!?。，！？]|人)"),
        re.compile(rf"{en_words(r'born|birth year|year of birth|birthyear')}\s*(?:is|was|:)?\s*(?:in|on)?\s*(?:(?P<mon>{MONTH_EN})\s+)?"
                   rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?(?P<y>\d{{4}}|'\d{{2}})"),
        re.compile(rf"{en_words(r'born')}\s*(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_EN}),?\s+(?P<y>\d{{4}})"),
    ]
    for rx in pats:
        for m in find_all(rx, low):
            cs, _ = msg.clause(m.start())
            # "不对 打错了 是88年的": the 不 is about what was said before, not this year
            if msg.negated(m.start(), after=False) and not search(r"不对|不是的|打错|说错|写错|" + en_words(r"sorry|no wait|i meant|typo"),
                                                               low[max(0, m.start() - 20):m.start()]):
                continue
            if search(r"不是\s*$", low[max(cs, m.start() - 4):m.start()]):
                continue  # "不是85": the year denied
            y = year_value(m.group("y"), msg.today)
            if y is not None:
                msg.add("birth_year", y, m.start(), span=(m.start(), m.end()))
            gd = m.groupdict()
            if gd.get("m"):
                mv = parse_number(gd["m"], concat=False)
                if mv is not None:
                    msg.add("birth_month", int(mv), m.start())
            if gd.get("mon"):
                msg.add("birth_month", MONTHS_EN[gd["mon"]], m.start())
    month_pats = [
        re.compile(rf"(?<![\d{D}年])(?P<m>{NUM})\s*月\s*(?:份)?\s*(?:\d{{1,2}}\s*[日号])?\s*(?:出生|生日|生的|生(?!产|效|活|意))"),
        re.compile(rf"(?:生日|出生月份|出生月)\s*(?:是|在|为|:)?\s*(?P<m>{NUM})\s*月?"),
        re.compile(rf"{en_words(r'born')}\s+(?:in|on)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mon>{MONTH_EN})"),
        re.compile(rf"{en_words(r'birth month|month of birth|birthday')}\s*(?:is|was|:)?\s*(?:in\s+)?(?P<mon>{MONTH_EN})"),
    ]
    for rx in month_pats:
        for m in find_all(rx, low):
            gd = m.groupdict()
            if gd.get("m"):
                v = parse_number(gd["m"], concat=False)
                if v is not None:
                    msg.add("birth_month", int(v), m.start(), span=(m.start(), m.end()))
            elif gd.get("mon"):
                msg.add("birth_month", MONTHS_EN[gd["mon"]], m.start())


def find_nationality(msg: Message):
    low = msg.low
    chinese = re.compile(r"中国国籍|中国籍|中国公民|中国护照|国籍\s*(?:是|为|:)?\s*中国|(?<!华裔|美籍|外籍)中国人(?!民)|华侨"
                         r"|" + en_words(r"chinese (?:citizen|national|nationality|passport|citizenship)|citizen of china"
                                    r"|prc citizen|i.m chinese|i am chinese|chinese,? not foreign"))
    foreign = re.compile(rf"外国国籍|外籍(?!华人|人士)?|外国人|外国公民|外国专家|外国护照|(?:{COUNTRY_ZH})(?:国)?籍(?!贯)|"
                         r"(?:美国|英国|德国|法国|日本|加拿大|澳大利亚|新加坡|瑞士|荷兰|韩国)(?:公民|护照|人(?!才))"
                         r"|入(?:了)?(?:外|美|英|德|加|澳)(?:国)?籍|国籍\s*(?:是|为|:)?\s*(?:" + COUNTRY_ZH + r")(?!中国)"
                         + "|" + en_words(rf"foreign (?:national|citizen|nationality|passport|expert|citizenship)|foreigner"
                                     rf"|(?:us|u\.s|american|{NATION_ADJ}) (?:citizen|national|passport|citizenship|expert|engineer|scientist|professor|researcher)"
                                     rf"|citizen of (?:the )?(?!china)\w+|(?:i.m|i am) (?:an? )?(?:{NATION_ADJ})"
                                     rf"|chinese[- ]american|chinese[- ]canadian|chinese[- ]australian|naturali[sz]ed"
                                     rf"|not chinese|non-chinese citizen")
                         # "Hi, 42, Italian.", "Canadian, 34, assistant professor": the adjective said on its own
                         + rf"|(?:^|(?<=[,.;:!]\s)|(?<=[,.;:!]))\s*(?:american|{NATION_ADJ})(?=\s*(?:[,.;]|$|\(|and\s+\d))")
    parents = re.compile(r"父母|父亲|母亲|爸|妈|" + en_words(r"parents|father|mother|dad|mom"))
    for m in find_all(chinese, low):
        if parents.search(msg.ctext(m.start())):
            continue  # "我父母都是中国人" tells the descent (ethnic_chinese), not the applicant's citizenship
        msg.add("nationality", "foreign" if msg.negated(m.start(), after=False) else "chinese", m.start())
    for m in find_all(foreign, low):
        if parents.search(msg.ctext(m.start())):
            continue
        txt = m.group()
        if txt in ("not chinese",):
            msg.add("nationality", "foreign", m.start())
            continue
        if txt.startswith("外国专家") and match_at(r"外国专家\s*(?:项目|计划|政策)", low[m.start():m.start() + 8]):
            continue
        msg.add("nationality", "chinese" if msg.negated(m.start(), after=False) else "foreign", m.start())


# people of these places are of Chinese descent: "父母是香港人" is not "父母是法国人"
_CHINESE_PLACES_PEOPLE = r"(?:香港|澳门|台湾|内地|大陆|广东|福建|上海|北京|四川|[\u4e00-\u9fff]{2}省)人"


def find_ethnic(msg: Message):
    low = msg.low
    rx = re.compile(r"华裔|华人|华侨|中国血统|祖籍中国|祖籍是中国|中国后裔|父母(?:都|均)?是(?:中国人|华人|" + _CHINESE_PLACES_PEOPLE + r")|" + en_words(
        r"(?:my )?parents are (?:both )?(?:chinese|from (?:china|hong kong|taiwan|macau|macao))|chinese parents|born to chinese|chinese roots") + "|" + en_words(
        r"(?:of )?chinese (?:descent|origin|heritage|ancestry|background|ethnicity)|ethnic(?:ally)? chinese"
        r"|overseas chinese|chinese[- ]american|chinese[- ]canadian|chinese[- ]australian|chinese[- ]british"))
    for m in find_all(rx, low):
        if m.group() == "华人" and match_at(r"华人(?:科学家|协会|社区|学者)", low[m.start():m.start() + 6]):
            continue
        neg = msg.negated(m.start(), after=False)
        if low[max(0, m.start() - 1):m.start()] == "非":
            neg = True
        msg.add("ethnic_chinese", not neg, m.start())
    # "跟中国没有血缘关系", "父母都是法国人", "no Chinese ancestry": not of Chinese descent
    for m in find_all(r"(?:跟|和|与)中国没有(?:任何)?血缘|没有中国血统|没有华人血统|父母(?:都|均)?是(?!中国|华|" + _CHINESE_PLACES_PEOPLE
                      + r")[\u4e00-\u9fff]{1,4}人|" + en_words(
            r"no chinese (?:ancestry|heritage|blood|roots)|not (?:ethnically )?chinese by (?:descent|origin)|non-chinese (?:descent|origin)"), low):
        msg.add("ethnic_chinese", False, m.start())


DEG_RANK = {"none": 0, "bachelor": 1, "master": 2, "phd": 3}


_DEGREE_PATS = [
    ("phd", re.compile(r"博士(?!后|生导师|在读|研究生在读)|读博|" + en_words(r"phd|dphil|doctorate|doctoral degree|doctor's degree|doctor of \w+"))),
    ("master", re.compile(r"硕士|研究生(?:学历|毕业)|" + en_words(r"master'?s?|msc|mba|meng|m\.eng|llm|mphil|ms"))),
    ("bachelor", re.compile(r"本科|学士|大学毕业|" + en_words(r"bachelor'?s?|bsc|undergraduate degree|college degree|ba|bs|beng"))),
    ("none", re.compile(r"没有学位|无学位|没学位|没拿学位|没有拿到学位|没上过大学|高中学历|" + en_words(r"no degree|no university degree|high school"))),
]


_STUDENT = re.compile(r"在读|读博中|正在读|博士生|" + en_words(r"student|candidate|studying for"))


def find_degree(msg: Message):
    low = msg.low
    best = None
    for value, rx in _DEGREE_PATS:
        for m in find_all(rx, low):
            if value == "master" and m.group() == "ms" and not search(r"degree|in |from ", low[m.end():m.end() + 8]):
                continue
            if value == "bachelor" and m.group() in ("ba", "bs") and not search(r"just|a |degree|in |from ", low[max(0, m.start() - 6):m.end() + 8]):
                continue
            if value != "none" and msg.negated(m.start(), after=False):
                continue
            clause = msg.ctext(m.start())
            if search(r"团队|我们|他们|她们|同事|学生|员工|孩子|儿子|女儿|太太|妻子|丈夫|爱人|[0-9两三四五六七八九十几多]\s*(?:个|名|位)\s*(?:博士|硕士)|"
                  + en_words(r"team|we have|our|they|colleagues?|students?|employees?|staff|wife|husband|son|daughter|partner"), clause) \
                    and not search(r"我(?!们)|本人|" + en_words(r"i|i'm|i've|my"), clause):
                continue
            if value == "phd" and _STUDENT.search(clause) and not search(r"毕业|拿到|获得|取得|" + en_words(r"got|earned|received|completed|finished|have|hold"), clause):
                continue
            msg.add("degree", value, m.start())
            if best is None or DEG_RANK[value] > DEG_RANK[best[0]]:
                best = (value, m.start())
    # postdocs have a PhD
    if best is None and search(r"博士后|" + en_words(r"postdoc|post-doc|postdoctoral"), low):
        msg.add("degree", "phd", 0, prio=-1)
    return best


_DEGREE_CTX = re.compile(r"博士(?!后)|硕士|本科|学士|学位|读博|读的|读书|留学|毕业|念的|" + en_words(
    r"phd|doctorate|master'?s?|msc|mba|bachelor'?s?|bsc|degree|graduated|graduate|studied|study|studies|alumn\w+|dphil"))


_DEGREE_CUT = re.compile(r"毕业(?:以|之)?后|(?:以|之)后|后来|然后|接着|随后|现在|目前|" + en_words(
    r"then|after|afterwards|later|since|now|currently|and have|and am|where i|and spent|and worked|and i"))


def find_degree_place(msg: Message):
    low = msg.low
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN)
    domestic = re.compile(r"国内|中国(?!籍|国籍|公民|人|护照)|本土|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + en_words(
        r"in china|domestic(?:ally)?|chinese university"))
    renowned = re.compile(r"知名|著名|名校|顶尖|一流|顶级|常春藤|" + FOREIGN_UNIV_ZH + "|" + CHINA_UNIV_ZH + "|" + FOREIGN_UNIV_EN
                          + "|" + CHINA_UNIV_EN + "|" + en_words(r"top|renowned|well-known|well known|prestigious|elite|famous|leading|top-ranked"))
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        clause_nd = re.sub(r"博士后|" + en_words(r"postdoc(?:toral)?|post-doc"), "  ", clause)
        m = _DEGREE_CTX.search(clause_nd)
        if not m:
            continue
        if search(r"回国|" + en_words("back to china|back in china|moved back|returned"), clause_nd) and not search(
                r"博士(?!后)|硕士|本科|学位|" + en_words("phd|degree|master|bachelor"), clause_nd):
            continue
        cut = _DEGREE_CUT.search(clause_nd, m.end())
        seg = clause_nd[:cut.start()] if cut else clause_nd
        # a place named only after the cut is where one worked, not studied
        if msg.negated(cs + m.start(), after=False) and not search(r"海外|国外|国内", seg):
            continue
        ab, do = abroad.search(seg), domestic.search(seg)
        # the clause naming the highest degree decides ("本科和硕士在国内，博士在美国")
        level = max([DEG_RANK[v] for v, rx in _DEGREE_PATS if v != "none" and rx.search(seg)] or [0])
        if ab and not do:
            neg = msg.negated(cs + ab.start(), after=False) and search(r"不是|不在|并非|非|not", seg)
            msg.add("degree_abroad", not neg, cs + ab.start(), prio=level)
        elif do and not ab:
            msg.add("degree_abroad", False, cs + do.start(), prio=level)
        elif ab and do:
            msg.add("degree_abroad", ab.start() > do.start(), cs + max(ab.start(), do.start()), prio=level)
        rn = renowned.search(seg)
        if rn and search(r"博士(?!后)|硕士|本科|学位|读|毕业|学校|高校|大学|名校|" + en_words(
                r"phd|degree|master|bachelor|graduat\w*|studied|school|university|doctorate|from"), seg):
            neg = msg.negated(cs + rn.start(), after=False)
            msg.add("degree_from_renowned", not neg, cs + rn.start(), prio=level)


FIELD_CUE = (r"专业|领域|方向|学科|研究|读的|学的|搞|从事|做.{0,6}的|物理|化学|生物|数学|" + en_words(
    r"major\w*|field|studied|study|degree in|phd in|doctorate in|master'?s? in|professor of|research\w*|work in|working in|speciali[sz]\w*"))


def find_field(msg: Message):
    low = re.sub(r"工程院|科学院|" + en_words(r"academy of (?:sciences|engineering)|national academy"), lambda m: " " * len(m.group()), msg.low)
    # employers and titles that name no field
    low = re.sub(r"金融机构|金融管理部门|金融监管|研发机构|研发|教育部|财政部|" + en_words(
        r"financial institution|financial regulator|key industr\w*|ministry of (?:education|finance)|(?:medical |health )?insurance subsidy"
        r"|the finance thing|that finance thing|finance (?:thing|part|bit)"),
                 lambda m: " " * len(m.group()), low)  # bodies and remarks that name no field of the applicant's
    hits = []
    for value, rx in FIELD_RX:
        for m in find_all(rx, low):
            t = m.group()
            if t in ("it", "cs", "ai", "art", "tech", "energy", "engineer") and not search(
                    r"(?:in|of|major|field|study|studies|work|do|doing|studied|researcher|professor)\s*$|^\s*(?:engineer|research|major|field|degree|phd|company|startup|professor)",
                    low[max(0, m.start() - 12):m.start()] + "|" + low[m.end():m.end() + 12]) and t not in ("engineer",):
                continue
            if t == "engineer" and search(r"senior|software|chip|electrical", low[max(0, m.start() - 12):m.start()]) is None and not search(
                    en_words(r"i.m an?|i am an?|as an?|work as an?|an?"), low[max(0, m.start() - 10):m.start()]):
                continue
            if t == "history" and search(en_words(r"work|employment|application|career|credit|medical"), low[max(0, m.start() - 14):m.start()]):
                continue
            if t in ("law", "legal") and search(en_words("by|in-law|under"), low[max(0, m.start() - 8):m.start()]):
                continue
            if t in ("经济",) and search(r"经济(?:学|类|系|专业|领域|方向)", low[m.start():m.start() + 4]) is None:
                continue
            if t in ("投资", "基金", "保险", "银行") and search(r"风险投资|投资人|天使|基金委|公派|" + en_words("vc"), low[max(0, m.start() - 3):m.end() + 3]):
                continue
            if t in ("设计",) and search(r"设计(?:师|专业|行业|领域|方向|学)", low[m.start():m.start() + 4]) is None:
                continue
            if t == "材料" and search(r"材料(?:科学|学|专业|领域|方向|工程|化学|物理)", low[m.start():m.start() + 5]) is None:
                continue
            if t in ("控制", "通信", "能源", "电池", "芯片") and search(r"申请|材料准备", low[max(0, m.start() - 4):m.end() + 4]):
                continue
            if msg.negated(m.start(), after=False) and search(r"不是|not", msg.ctext(m.start())):
                continue
            hits.append((m.start(), value))
    if hits:
        hits.sort()
        # a stated field ("专业/领域/major/field") wins over a word in passing
        for pos, value in hits:
            msg.add("field", value, pos)


_AWARDS = [("nobel", r"诺贝尔|诺奖|" + en_words(r"nobel")), ("turing", r"图灵奖|" + en_words(r"turing award|turing prize|turing")),
           ("fields", r"菲尔[茨兹]|" + en_words(r"fields medal|fields prize")),
           ("other_major", r"沃尔夫奖|拉斯克|阿贝尔奖|京都奖|突破奖|克拉福德|邵逸夫奖|普利兹克|普利策|其他国际大奖|其它国际大奖|国际大奖|" + en_words(
               r"wolf prize|lasker|abel prize|kyoto prize|breakthrough prize|crafoord|shaw prize|pritzker|pulitzer"
               r"|other major (?:international )?(?:prize|award)|another major (?:international )?(?:prize|award)"
               r"|major international (?:prize|award)|international prize"))]


def find_awards(msg: Message, asked: bool = False):
    low = msg.low
    got: list[str] = []
    neg_any = False
    for value, p in _AWARDS:
        if asked and value in ("turing", "fields"):
            p += "|" + ("图灵" if value == "turing" else en_words("fields"))
        for m in find_all(p, low):
            clause = msg.ctext(m.start())
            if not asked and hypothetical(clause):
                continue
            if value == "turing" and m.group() == "turing" and not asked and not search(r"award|prize|winner|laureate", low[m.end():m.end() + 10]):
                continue
            if msg.someone_else(m.start()) or msg.hypo(m.start()):
                continue
            if msg.negated(m.start()):
                neg_any = True
                continue
            if value == "other_major" and m.group() in ("国际大奖", "international prize") and not search(
                    r"获|得|拿|有|" + en_words(r"won|received|have|got|awarded"), clause):
                continue
            if value not in got:
                got.append(value)
    for m in find_all(r"(?:没|未|从未|无)(?:有)?(?:获|得|拿)(?:过|到)?(?:什么|任何)?(?:国际)?(?:大)?奖|" + en_words(
            r"no (?:major |international |big )*(?:awards?|prizes?)|never won|haven't won|have not won|did not win|didn't win"), low):
        neg_any = True
    if got:
        msg.add("awards", got, 0)
    elif neg_any:
        msg.add("awards", [], 0)


def find_academy(msg: Message):
    low = msg.low
    for m in find_all(r"院士|皇家学会会员|" + en_words(r"academician|member of (?:the )?(?:us |u\.s\. |american |national |royal )?(?:national )?academy"
                                                r"|(?:nas|nae|nam) member|fellow of the royal society|frs|royal society fellow"
                                                r"|academy members?|academy of sciences member|elected to the (?:national )?academy"), low):
        s = m.start()
        before = low[max(0, s - 12):s]
        if search(r"中国科学院|中国工程院|中科院|两院|中国|" + en_words("chinese academy"), before):
            continue
        if search(r"院士工作站|院士候选|院士专家", low[s:s + 6]):
            continue
        clause = msg.ctext(s)
        if hypothetical(clause):
            continue
        msg.add("academy_member", not msg.negated(s), s)
