"""Short answers read against the fact just asked: yes/no, an option, a bare number or duration.
"""
from __future__ import annotations

import re

from corpus.language import CJK_RE

from ..eligibility.facts import kind
from .choices import choice_value
from .durations import PER_YEAR_BEFORE, durations, months_value
from .intent import DECL
from .message import Message
from .money import MULT, moneys
from .numbers import (
    ANUM,
    EN_WORD,
    MONTH_EN,
    MONTHS_EN,
    NUM,
    ZNUM,
    D,
    clean_num,
    parse_number,
    percents,
    year_value,
)
from .person import find_awards
from .programs import programs
from .scope import NEG_EN, NEG_EN_STRIP, NEG_ZH, NEG_ZH_STRIP
from .text import en_words, find_all, full_match, match_at, search
from .vocab import (
    ABROAD_EN,
    ABROAD_ZH,
    CHINA_UNIV_EN,
    CHINA_UNIV_ZH,
    FOREIGN_CO_EN,
    FOREIGN_CO_ZH,
    FOREIGN_UNIV_EN,
    FOREIGN_UNIV_ZH,
)

_YES_ZH = r"是的?|对的?|有的?|有过|嗯+|恩|好的?|当然(?:是|有)?|没错|是啊|对啊|有啊|确实|肯定|已签|签了|签过了?|签好了?|已经签了|已经?|会的?|能的?|可以|做过|有过|是滴|yes"


_NO_ZH = r"否|不是的?|没有过?|没|无|未签|还没有?|没签|不|不会|不能|从未|从没有?|从来没有过?|从来没|并没有|尚未|不曾|暂无|暂时没有|木有|都不是|没做过|没有的|没得过|不存在"


_YES_EN = en_words(r"yes|yeah|yep|yup|yea|ya|sure|correct|right|indeed|of course|definitely|absolutely|certainly|affirmative|true"
              r"|i have|i do|i did|i am|i'm|i was|that's right|that is right|that's correct|exactly|already|ok|okay|y")


_NO_EN = en_words(r"no|nope|nah|never|not yet|not really|none|negative|i haven't|i have not|i don't|i do not|i didn't|i did not"
             r"|i'm not|i am not|i wasn't|i was not|not at all|false|neither|no way|n|nothing")


_FILLER = r"[\s,，.。!！~～…]*"


def _yes_no(low: str):
    """True/False for a yes/no answer, None when the message is no such answer."""
    t = low.strip()
    t = re.sub(r"^(?:嗯嗯?|呃|哦|噢|啊|额|well|um+|uh+|hmm+|oh)[\s,，.。]+(?=\S)", "", t)
    first = re.split(r"[,，.。!！;；?？\n]|\s[-–—]\s", t, maxsplit=1)[0].strip()
    qmark = bool(search(r"吗|呢|什么|多少|怎么|哪|\?|？|有没有|是不是|能不能|会不会", first))
    if qmark:
        return None
    core = re.sub(r"^(?:我|本人)", "", first)
    core = re.sub(r"(?:的|啊|呀|吧|了|哦|呢|哈|嘛|滴|啦)+$", "", core)
    if full_match(rf"(?:{_NO_ZH})", core) or full_match(rf"(?:{_NO_ZH})(?:的|啊|呀|吧|了|哦)*", first):
        return False
    if full_match(rf"(?:{_YES_ZH})", core) or full_match(rf"(?:{_YES_ZH})(?:的|啊|呀|吧|了|哦|嗯)*", first):
        return True
    if match_at(_NO_EN, first):
        return False
    m = match_at(_YES_EN, first)
    if m and not search(en_words(r"not|never|n't") + r"|n't", first):
        # "I am." / "I did sign" answer; "I'm still based in Singapore at the moment" tells something else
        if not (match_at(r"i(?:'m| am| was| have| do| did)\b", first) and len(first.split()) > 4):
            return True
    if match_at(r"(?:不是|没有|还没|从来没|从没|从未|并没有|尚未|没|未)", first):
        return False
    if match_at(r"(?:是的|对的|对|是|有的|已经|已)", first) and not match_at(r"(?:是否|有没有|对于)", first):
        return True
    # "I hold 60%, so yes": a later clause that is just yes or no
    for part in re.split(r"[,，.。!！;；]", t)[1:]:
        part = re.sub(r"^\s*(?:so|and|but|then|well|所以|那|那就|就)\s*", "", part).strip()
        if re.fullmatch(r"(?:yes|yeah|yep|yup|是的?|对的?|有的?)", part):
            return True
        if re.fullmatch(r"(?:no|nope|not really|不是|没有|否)", part):
            return False
    # a short sentence without a yes/no word: its negation decides
    if len(t) <= 16 and CJK_RE.search(t):
        if search(r"没|未|不是|不会|无|非|从未|否|不", t):
            return False
        if search(r"已|有(?!没)|了$|过", t) or (len(t) <= 4 and search(r"是|对", t)):
            return True
    if search(r"[a-z]", t) and len(t) < 60:
        if NEG_EN.search(NEG_EN_STRIP.sub(" ", t)):
            return False
    return None


def answer(msg: Message, asking: str):
    """The value a message gives for the fact just asked, or None."""
    low = msg.low
    raw = msg.raw.strip()
    k = kind(asking)
    dm = DECL.search(low)
    if dm and not search(rf"\d|[{D}十半]", low) and (
            dm.start() == 0 or not search(r"^(?:是的?|对|有|没有|不是|yes|no)(?![a-z])", low)):
        return None  # "不清楚", "I don't know": a decline, not a "no"
    if raw in ("true", "false") and k == "bool":
        return raw == "true"
    if k == "bool":
        dm = DECL.search(low)
        if dm and (dm.start() == 0 or not search(r"^(?:是的?|对|有|没有|不是|yes|no)(?![a-z])", low)):
            return None
        special = _bool_special(asking, low)
        if special is not None:
            return special
        return _yes_no(low)
    if k == "choice":
        if asking == "awards":
            find_awards(msg, asked=True)
            if "awards" in msg.found:
                return None  # taken by the detector
            if _yes_no(low) is False or search(r"没有|没|无|" + en_words(r"none|no|never"), low):
                return []
            return None
        opts = _option_values(asking)
        if raw in opts:
            return raw
        v = choice_value(asking, low)
        if v is None and asking in ("overseas_title", "employer_type", "degree") and _yes_no(low) is False:
            return "none"
        return v
    if k == "programs":
        ids = programs(msg.raw)
        if ids:
            return ids
        if _yes_no(low) is False or search(r"没有|没|无|未|" + en_words(r"none|no|not yet|never"), low):
            return []
        return None
    if k in ("months", "years") or asking == "commit_months_per_year":
        return _answer_duration(msg, asking)
    if k == "percent":
        ps = percents(low)
        if ps:
            return ps[0][2]
        if search(r"一半|半数|" + en_words("half"), low):
            return 50
        return _bare_number(msg, asking)
    if k == "money":
        monthly = 12 if search(r"月薪|月工资|月收入|每月|每个月|/月|" + en_words(r"a month|per month|monthly|each month|/month"), low) else 1
        ms = moneys(low, need_unit=True)
        if ms:
            return clean_num(ms[0][2] * monthly)
        ms = moneys(low, need_unit=False)
        free = [x for x in ms if not msg.used(x[0], x[1])]
        if free:
            return clean_num(free[0][2] * monthly)
        return None
    if k in ("int", "number"):
        if asking == "age":
            v = _bare_number(msg, asking)
            if isinstance(v, int) and search(r"(?:快|马上|即将|将满|要满|快要)\s*(?:到)?\s*[0-9零一二两三四五六七八九十]|" + en_words(
                    r"almost|nearly|turning|about to turn|will turn|i.ll be|i will be"), low):
                v -= 1
            return v
        if asking == "birth_year":
            m = search(rf"(?<![\d{D}])(\d{{4}}|\d{{2}}|[{D}]{{4}}|[{D}]{{2}})(?![\d{D}])\s*(?:年)?", low)
            if m:
                return year_value(m.group(1), msg.today)
            return None
        if asking == "birth_month":
            m = search(MONTH_EN, low)
            if m:
                return MONTHS_EN[m.group()]
            return _bare_number(msg, asking)
        if asking == "prior_applications":
            m = search(rf"第\s*({NUM})\s*(?:次|回)", low)
            if m:
                v = parse_number(m.group(1), concat=False)
                return None if v is None else max(0, int(v) - 1)
            m = search(en_words(r"(first|second|third|fourth|fifth) (?:time|application|attempt)"), low)
            if m:
                return ["first", "second", "third", "fourth", "fifth"].index(m.group(1))
            m = search(en_words(r"once|twice|thrice"), low)
            if m:
                return {"once": 1, "twice": 2, "thrice": 3}[m.group()]
            v = _bare_number(msg, asking)
            if v is not None:
                return v
            if _yes_no(low) is False or search(r"没有|没|从未|第一次|首次|头一回|" + en_words(r"never|none|no|first time|first"), low):
                return 0
            return None
        v = _bare_number(msg, asking, allow_mult=True)
        if v is None and _yes_no(low) is False:
            return 0
        return v
    return None


def _option_values(fact: str) -> list[str]:
    try:
        from ..eligibility.facts import facts
        return [o[0] for o in facts().get(fact, {}).get("options", [])]
    except Exception:
        return []


def _negated_text(low: str) -> bool:
    return bool(NEG_ZH.search(NEG_ZH_STRIP.sub(" ", low)) or NEG_EN.search(NEG_EN_STRIP.sub(" ", low)))


def _bool_special(asking: str, low: str):
    """Yes/no facts whose answers are usually words other than yes/no."""
    if asking == "degree_abroad":
        if search(r"(?:不是|不在|并非|没有在?)(?:海外|国外|境外)|" + en_words(r"not abroad|not overseas"), low):
            return False
        if search(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN, low):
            return True
        if search(r"国内|中国|本土|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + en_words(r"in china|domestic\w*|china"), low):
            return False
    if asking == "fulltime_in_china":
        if search(r"还在(?:国外|海外|美国|境外)|仍在|" + en_words(r"still abroad|still overseas|still in"), low):
            return False
        if _yes_no(low) is None and search(r"(?:已经|已)?(?:回国|回来|归国)了|" + en_words(r"moved back|returned|back in china|i.m back|already back"), low) \
                and not search(r"没|未|不|" + en_words(r"not|n't|never"), low):
            return True
    if asking == "misconduct":
        if search(r"清白|良好|干净|" + en_words(r"clean|spotless"), low) and not search(r"不|" + en_words(r"not"), low):
            return False
    if asking in ("overseas_startup_experience", "intl_company_management", "led_major_intl_project"):
        if _yes_no(low) is None and search(r"创过|创业过|办过|开过|做过|当过|担任过|带过|管过|主持过|" + en_words(
                r"founded|co-founded|started|managed|was an? |served as|led|ran"), low) and not _negated_text(low):
            return True
    if asking == "unfulfilled_sponsorship":
        if search(r"不是公派|非公派|自费|不存在|" + en_words(r"not (?:state|government)[- ]sponsored|wasn't (?:state|government)|self-funded"), low):
            return False
    if asking in ("degree_from_renowned", "overseas_employer_renowned"):
        if search(r"一般|普通|不算|不太有名|没什么名|不出名|不知名|没名气|小公司|小学校|小机构|" + en_words(
                r"not (?:really )?(?:a )?(?:famous|well[- ]known|renowned|top)|average|ordinary|so-so|small|unknown|obscure"), low):
            return False
        if _yes_no(low) is None and search(FOREIGN_UNIV_ZH + "|" + FOREIGN_CO_ZH + "|" + CHINA_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|"
                                       + FOREIGN_CO_EN + "|" + CHINA_UNIV_EN + "|知名|著名|有名|名校|顶尖|一流|世界500强|" + en_words(
                r"top|renowned|well[- ]known|famous|prestigious|leading|fortune 500|world[- ]class|ivy league"), low):
            return True
    if asking == "multiple_platforms":
        if search(r"^(?:就|只有?|仅)?(?:一个|1个)(?:平台|渠道)?|只(?:走|报|通过|在|用)?了?(?:一个|1个)|" + en_words(r"just one|only one|a single one|one platform"), low):
            return False
    if asking == "org_legal_person":
        if search(r"不是独立法人|没有独立法人|" + en_words(r"not an? (?:independent )?legal"), low):
            return False
    return None


_NUM_TOKEN = re.compile(rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{ANUM}|{ZNUM}|{en_words(EN_WORD)})")


_OTHER_UNIT = re.compile(r"\s*(?:%|％|percent|次|万|千|元|块|岁|周岁|年|个|月|号|日|天|k(?![a-z])|m(?![a-z])|million|thousand|times|years?|months?|days?|yuan|rmb|cny|平|㎡|m2|家|人|位|名|项)")


def _bare_number(msg: Message, asking: str, allow_mult: bool = False):
    """A number answering the asked fact: with the fact's own unit, or with none."""
    low = msg.low
    own = {"age": r"\s*(?:周)?\s*岁|" + r"\s*(?:years?|yrs?)(?:[\s-]*old)?(?![a-z])|\s*y/?o",
           "birth_month": r"\s*月(?:份)?|\s*(?:月)",
           "prior_applications": r"\s*(?:次|回)|\s*times?",
           "equity_percent": r"\s*(?:%|percent)"}.get(asking, r"\s*(?:家|人|位|名|项|个|平方米|平米|平|㎡|m2|square\s*met\w+|sq\.?\s*m|organi[sz]ations|institutions|partners|companies|enterprises|people|talents)")
    cands = []
    for m in find_all(_NUM_TOKEN, low):
        s, e = m.start(), m.end()
        tok = m.group()
        rest = low[e:e + 24]
        own_unit = match_at(own, rest)
        if not own_unit and _OTHER_UNIT.match(rest) and not (allow_mult and match_at(r"\s*(?:万|千|k(?![a-z])|thousand)", rest)):
            continue
        if tok[0] in D or tok[0] == "十":
            # a Chinese numeral counts only with a unit or standing alone ("三十四")
            if not own_unit and not full_match(rf"\s*(?:{_FILLER}|吧|了|啊|左右|多|吧。)*", rest) :
                continue
            if match_at(r"[一]", tok) and len(tok) == 1 and not own_unit and len(low.strip()) > 3:
                continue
        if match_at(r"[a-z]", tok) and not own_unit and not full_match(r"[\s,.!?]*(?:or so|maybe|i think|probably|actually)?[\s,.!?]*", rest):
            continue
        v = parse_number(tok, concat=False)
        if v is None:
            continue
        if allow_mult:
            mm = match_at(r"\s*(万|千|k(?![a-z])|thousand)", rest)
            if mm:
                v = v * MULT[mm.group(1)]
        used = msg.used(s, e)
        cands.append((0 if own_unit else 1, 1 if used and used != asking else 0, s, v))
        if asking == "age" and isinstance(v, int) and v >= 1900 and not own_unit:
            cands.pop()
    if not cands:
        return None
    cands.sort(key=lambda c: (c[1], c[0], c[2]))
    if cands[0][1]:
        return None
    return clean_num(cands[0][3])


_DUR_GROUP = {"overseas_months_after_phd": "abroad", "overseas_research_years": "abroad", "overseas_finance_months": "abroad",
              "overseas_work_months": "abroad", "years_in_china": "china", "commit_fulltime_years": "commit",
              "commit_months_per_year": "commit", "commit_years": "commit", "company_age_years": "company"}


def _answer_duration(msg: Message, asking: str):
    low = msg.low
    durs = durations(low)
    best = None
    for d in durs:
        used = msg.used(d.start, d.end)
        if used not in (None, asking) and _DUR_GROUP.get(used) != _DUR_GROUP.get(asking):
            continue  # "在美国工作了10年" is no answer to "how long in China?"
        rank = 0 if used in (None, asking) else 1
        if asking != "commit_months_per_year" and d.unit == "m" and PER_YEAR_BEFORE.search(low[max(0, d.start - 8):d.start]):
            rank = 1
        if best is None or rank < best[0]:
            best = (rank, d)
    if best:
        return months_value(asking, best[1].months)
    if asking == "commit_months_per_year" and search(r"全年|整年|一整年|" + en_words(r"all year|full year|whole year|year-round"), low):
        return 12
    m = search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", low)
    if m:
        y = int(m.group(1))
        if y <= msg.today.year and asking in ("company_age_years", "years_in_china", "overseas_research_years"):
            return float(msg.today.year - y)
        if y <= msg.today.year and kind(asking) == "months":
            return (msg.today.year - y) * 12
        return None
    v = _bare_number(msg, asking)
    if v is not None:
        if asking == "overseas_months_after_phd" or kind(asking) == "months":
            return int(round(v))
        return clean_num(v)
    if _yes_no(low) is False or search(r"^(?:没有|没|无|从来没有|不全职|不打算全职|不会全职|零)|" + en_words(r"^(?:none|never|not yet|no|zero)"), low.strip()):
        return 0
    return None


def find_fact_label_numbers(msg: Message):
    """'把年龄改成39', 'change my age to 39', '持股比例改为40' — a fact named, then its number."""
    low = msg.low
    for fact, p in (("age", r"年龄|年纪|" + en_words(r"age")), ("equity_percent", r"持股比例|持股|股份比例|股比|占股|" + en_words(r"equity|stake|share")),
                    ("prior_applications", r"申报次数|申请次数|" + en_words(r"number of (?:previous )?applications|applications")),
                    ("birth_year", r"出生年份|出生年|" + en_words(r"birth year|year of birth"))):
        if fact in msg.found:
            continue
        for m in find_all(rf"(?:{p})(?P<gap>[^0-9{D}十。.!！?？;；]{{0,10}}?)(?P<n>{ANUM}|{ZNUM})(?!\s*(?:年|个|月|次|万|\d))", low):
            gap = m.group("gap")
            if not full_match(r"\s*(?:是|为|改成|改为|应为|应该是|写成|:|=|to|is|should be|of|now)?\s*(?:改成|改为|to)?\s*", gap) and not (
                    msg.correction and search(r"错|不对|改|应该|应为|" + en_words(r"wrong|should|change|update|actually|mistake"), gap)):
                continue
            if search(r"要求|限制|上限|下限|限|不超过|以下|以上|" + en_words(r"limit|maximum|minimum|max|min|requirement|cap"), gap + low[m.end():m.end() + 4]):
                continue
            v = parse_number(m.group("n"), concat=fact == "birth_year")
            if v is None or msg.used(m.start("n"), m.end("n")):
                continue
            if fact == "birth_year":
                v = year_value(m.group("n"), msg.today)
            msg.add(fact, v, m.start("n"), span=(m.start("n"), m.end("n")))
