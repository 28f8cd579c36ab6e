"""Facts about the career: the post abroad and its employer, international management, the Chinese
employer and its region, work in China now.
"""
from __future__ import annotations

import re

from .choices import TITLE_RX, choice_value, region_value
from .message import Message
from .text import en_words, find_all, match_at, normalize, search
from .vocab import (
    ABROAD_EN,
    ABROAD_ZH,
    CHINA_UNIV_EN,
    CHINA_UNIV_ZH,
    CITY_OTHER_EN,
    CITY_OTHER_ZH,
    FINANCE_WORDS,
    FOREIGN_CO_EN,
    FOREIGN_CO_ZH,
    FOREIGN_UNIV_EN,
    FOREIGN_UNIV_ZH,
)

# "I'm a postdoc", "我现在是博后", "not an assistant professor": the message says what the title is (or is not),
# rather than mentioning a post in passing ("my postdoc appointment started January 2024")
_SAYS_TITLE = re.compile(r"我(?:现在|目前)?(?:是|只是|还是|在\S{0,12}?(?:当|做|任))|现在是|目前是|不是|并非|" + en_words(
    r"i am|i'm|i work as|i'm now|i am now|i'm only|i'm just|not an?|no longer an?|isn't|wasn't"))


def lower_title_in_passing(text: str, new: str, old: str) -> bool:
    """A correction that brings a lower title than the one on record without saying it is the title now:
    "my postdoc appointment started January 2024, not June 2023" corrects a date, not the current post."""
    return _TITLE_RANK.get(new, 0) < _TITLE_RANK.get(old, 0) and not _SAYS_TITLE.search(normalize(text))


_TITLE_RANK = {"professor": 9, "associate_professor": 8, "senior_finance": 7, "senior_corporate": 7, "intl_org_manager": 7,
               "assistant_professor": 6, "researcher": 5, "postdoc": 4, "other": 2, "none": 0}


def find_title(msg: Message):
    low = msg.low
    taken: list[tuple[int, int]] = []
    for value, rx in TITLE_RX:
        for m in find_all(rx, low):
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in taken):
                continue
            t = m.group()
            ctx_before = low[max(0, s - 12):s]
            if value == "professor" and t == "prof" and not match_at(r"\s", low[e:e + 1] or " "):
                continue
            if value == "other" and t == "engineer" and search(r"senior|staff|principal|distinguished|chief", ctx_before):
                continue
            if value == "other" and t.startswith("doctor") and search(en_words("phd|degree"), low[e:e + 10]):
                continue
            if value == "senior_corporate" and t in ("manager", "partner", "md", "director", "executive") and search(
                    en_words("project|product|program|account|office|sales|case|hiring|lab|laboratory|research|tech|technical"), ctx_before[-10:]) and t == "manager":
                continue
            if value == "senior_corporate" and t == "partner" and search(en_words(r"local|cooperat\w+|long-term|business|\d+|several|our"), low[max(0, s - 16):s]):
                continue
            if value == "researcher" and t == "科学家" and search(r"数据科学家", low[max(0, s - 2):e]):
                continue
            if value == "researcher" and search(r"(?:博士后|" + en_words(r"postdoc\w*|post-doc\w*") + r")\s*$", low[max(0, s - 16):s]):
                continue
            taken.append((s, e))
            if msg.negated(s, after=False):
                continue
            if search(r"将来|想当|想做|打算|" + en_words(r"want to be|would like to|hope to"), low[max(0, s - 8):s]):
                continue
            clause = msg.ctext(s)
            if search(r"国内|在中国|北京|" + CITY_OTHER_ZH + "|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + en_words(r"in china|in beijing|chinese university"), clause) \
                    and not search(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN, clause):
                continue
            # the post offered in China is no position abroad
            if search(r"聘我|聘请我|聘用我|邀请我|请我|回国后|回来后|" + en_words(r"hire me|hiring me|offered me|offer me|invited me|recruit me|join them|after i move|after moving"), clause) \
                    and not search(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN, clause):
                continue
            v = value
            if value == "other" and search(r"讲师|" + en_words(r"lecturer"), t):
                v = "associate_professor" if search(en_words(r"senior|principal") + "|高级", low[max(0, s - 8):s]) else "assistant_professor"
            if value == "senior_corporate" and (search(FINANCE_WORDS, clause) or (
                    search(r"董事总经理|" + en_words(r"managing director|md"), t) and search(FINANCE_WORDS, msg.stext(s) + " " + low[:s]))):
                v = "senior_finance"
            if value == "senior_corporate" and search(r"金融机构|" + en_words("financial institution|bank"), clause):
                v = "senior_finance"
            prio = _TITLE_RANK[v]
            if search(r"现在|目前|现任|现为|现在是|" + en_words(r"now|currently|current|at present|today"), low[max(0, s - 16):s]):
                prio += 10  # the current post
            msg.add("overseas_title", v, s, prio=prio)
    for m in find_all(r"金融机构(?:的)?(?:高管|高级(?:管理|职务|职位))|(?:投行|银行|基金|证券).{0,4}(?:高级职位|高级职务|高管|董事总经理)|" + en_words(
            r"senior (?:role|position|executive) (?:at|in) (?:an? )?(?:bank|financial|investment|finance)"
            r"|senior (?:position|role) in finance"), low):
        msg.add("overseas_title", "senior_finance", m.start(), prio=_TITLE_RANK["senior_finance"] + 1)


_RENOWNED_EMP = re.compile(r"知名|著名|顶尖|一流|顶级|世界500强|世界五百强|名校|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_CO_ZH + "|"
                           + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_EN + "|" + en_words(
    r"top|renowned|well-known|well known|prestigious|leading|fortune 500|famous|world-class|elite"))


_EMP_WORK = re.compile(r"工作|任职|就职|任教|执教|当|担任|做|干|留在|留校|上班|供职|研究员|教授|博士后|科学家|总监|高管|经理|工程师|" + en_words(
    r"work|works|worked|working|employed|job|position|postdoc|professor|researcher|scientist|engineer|director|manager"
    r"|executive|vp|faculty|lecturer|at|for"))


def find_employer_renowned(msg: Message):
    low = msg.low
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        if not _EMP_WORK.search(clause):
            continue
        if search(r"博士(?!后)|硕士|本科|读的|毕业于|学位|" + en_words(r"phd (?:from|at|in)|degree|studied|graduated|master"), clause) and not search(
                r"工作|任职|任教|当|担任|做(?!.{0,4}博士(?!后))|留在|" + en_words(r"work\w*|employed|professor|researcher|scientist|director|postdoc|as an?"), clause):
            continue
        if search(r"用人单位|国内|回国|北京|" + en_words(r"in beijing|in china|to china|hire me|offered me|wants? to hire|invited me|joining|join"), clause) \
                and not search(ABROAD_ZH + "|" + ABROAD_EN, clause):
            continue
        m = _RENOWNED_EMP.search(clause)
        if not m:
            continue
        # skip a university named as where one studied: "PhD from Caltech, professor at MIT" → MIT
        neg = msg.negated(cs + m.start(), after=False)
        msg.add("overseas_employer_renowned", not neg, cs + m.start())


_MGMT = re.compile(r"管理|总监|经理|高管|副总裁|总裁|主管|负责人|首席|董事|" + en_words(
    r"manag\w+|director|vp|vice president|executive|head of|led a team|leading a team|lead|cto|ceo|coo|chief"))


_INTL_CO = re.compile(r"跨国|国际知名企业|国际企业|国际公司|外企|外资|世界500强|世界五百强|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN + "|" + en_words(
    r"multinational|international company|international companies|global company|fortune 500|well-known international"))


def find_intl_mgmt(msg: Message):
    low = msg.low
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        co = _INTL_CO.search(clause)
        if not co:
            continue
        mg = _MGMT.search(clause)
        if not mg:
            if search(r"国际知名企业.{0,6}(?:中高层|高层|中层)|" + en_words("management experience"), clause):
                mg = co
            else:
                continue
        if search(r"世界银行|联合国|国际货币基金|" + en_words(r"world bank|united nations|imf"), co.group()):
            continue
        neg = msg.negated(cs + min(co.start(), mg.start()), after=True)
        msg.add("intl_company_management", not neg, cs + co.start())
    for m in find_all(r"(?:国际|跨国)?(?:企业|公司)?(?:中高层|高层|中层)?管理(?:经验|经历)|" + en_words(r"(?:international )?management experience"), low):
        clause = msg.ctext(m.start())
        if search(r"国际|跨国|外企|" + en_words(r"international|multinational|global"), clause) and msg.negated(m.start(), m.end()):
            msg.add("intl_company_management", False, m.start())


def find_employer(msg: Message):
    low = msg.low
    china_ctx = re.compile(r"用人单位|引进单位|聘用单位|签约单位|雇主|国内|回国|归国|北京|新疆|西藏|中国的|加入|入职|受聘|聘我|聘请|邀请|offer|签约|"
                           r"国有文化|国有企业|央企|中央企业|非公有制|"
                           + CITY_OTHER_ZH + "|" + CHINA_UNIV_ZH + "|" + CHINA_UNIV_EN + "|" + en_words(
        r"employer|in china|in beijing|chinese|to china|back to china|join|joining|hire me|hiring me|offered me"
        r"|invited me|recruit\w*|beijing|xinjiang|tibet") + "|" + CITY_OTHER_EN)
    abroad = re.compile(ABROAD_ZH + "|" + ABROAD_EN + "|" + FOREIGN_UNIV_ZH + "|" + FOREIGN_UNIV_EN + "|" + FOREIGN_CO_ZH + "|" + FOREIGN_CO_EN)
    work_ctx = re.compile(r"用人单位|引进单位|聘用单位|签约单位|单位|雇主|聘|加入|入职|工作|任职|任教|签约|签了|offer|全职|去|到|来|回国|归国|回到|公司|企业|"
                          + en_words(r"employer|join|joining|hire|hiring|offer\w*|work|working|position|invite\w*|recruit\w*|move to|moving to"
                                r"|based|company|startup|firm|institute|employ\w*"))
    for cs, ce in msg.clauses:
        clause = low[cs:ce]
        if not china_ctx.search(clause) or not work_ctx.search(clause):
            continue
        ab = abroad.search(clause)
        if ab and not search(r"用人单位|回国|国内|北京|" + en_words(r"employer|in china|in beijing|beijing"), clause[ab.end():] + clause[:ab.start()]):
            continue
        v = choice_value("employer_type", clause, strict=True)
        if v and v != "none":
            m = search(r"用人单位|引进单位|" + en_words("employer"), clause)
            msg.add("employer_type", v, cs + (m.start() if m else 0))
        if search(r"出生|生于|读书|上学|毕业|读的|" + en_words(r"born|studied|graduated|phd|degree"), clause) and not search(
                r"工作|单位|公司|全职|来|去|" + en_words(r"work|employer|company|join|hire|offer|invite"), clause):
            continue
        r = region_value(clause)
        if r:
            msg.add("employer_region", r, cs)


def find_fulltime(msg: Message):
    low = msg.low
    for m in find_all(r"(?:已经|已|现在|目前|现已)(?:在)?(?:全职)(?:在|回)?(?:国内|北京|中国|回国)?|(?:已经|已)(?:全职)?回国(?:全职)?(?:工作)?(?:了)?"
                         r"|(?:已经|已|现在|目前|现已)(?:回国)?(?:在)(?:国内|北京|中国|" + CITY_OTHER_ZH + r")(?:全职|专职)"
                         r"|(?:已经|已)(?:在)(?:国内|北京|中国|" + CITY_OTHER_ZH + r")(?:工作|任职)(?:了)?"
                         r"|(?:目前|现在)(?:已经)?在(?:国内|北京|中国)(?:全职)?(?:工作|任职)|已经回来了|" + en_words(
        r"already (?:work(?:ing)? )?full[- ]?time in (?:china|beijing)|(?:already|now) (?:working |based )?(?:full[- ]?time )?in (?:china|beijing)"
        r"|already (?:moved|returned|back) (?:to|in) china|(?:i )?moved back (?:to china )?(?:\w+ )?(?:years?|months?) ago"
        r"|currently (?:working )?full[- ]?time in (?:china|beijing)|full[- ]?time in china now|i work full[- ]?time in (?:china|beijing)"
        r"|already (?:work|working|living) in (?:china|beijing)"
        r"|(?:have|has|'ve) been (?:working |employed |based )?full[- ]?time in (?:china|beijing|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")] + ")"
        r"|(?:i.m|i am) (?:now |currently )?(?:working |employed )?full[- ]?time in (?:china|beijing|" + CITY_OTHER_EN[len("(?<![a-z])(?:"):-len(")(?![a-z])")] + ")"), low):
        s = m.start()
        cs, ce = msg.clause(s)
        if search(r"吗|\?|？", low[cs:ce]) and not search(r"我|" + en_words("i"), low[cs:ce]):
            continue
        msg.add("fulltime_in_china", not msg.negated(s, after=False), s)
    for m in find_all(rf"(?:还|仍|依然|仍然|目前|现在|现)(?:在|于)\s*(?:{ABROAD_ZH}|{FOREIGN_UNIV_ZH}|{FOREIGN_CO_ZH})|(?:还|尚)(?:没|未)(?:有)?回(?:国|来)|尚未回国|(?:没有|没|不|未)(?:在)(?:国内|中国|北京)(?:全职)?(?:工作|上班|任职)"
                         r"|(?:不是|没有|没|并非)全职(?:在)?(?:国内|回国)|" + en_words(
        r"still (?:abroad|overseas|in the us|in the uk|in (?:the )?[a-z]+ (?:working )?abroad|working abroad|based abroad|in (?:germany|france|japan|canada|australia|america|the states|europe|singapore))"
        r"|(?:currently|now) (?:working |based |living )?(?:abroad|overseas|in (?:the )?(?:us|usa|uk|germany|france|japan|canada|australia|europe|singapore|states))"
        r"|not yet (?:in china|back)|haven't (?:moved|returned|come) back|have not (?:moved|returned)|not (?:working )?full[- ]?time in china"
        r"|(?:don't|do not|doesn't) (?:currently )?work (?:full[- ]?time )?in (?:china|beijing)|not working in china"
        r"|(?:i.m|i am) (?:currently )?(?:an? )?(?:\w+ ){0,3}at (?:" + FOREIGN_UNIV_EN[len('(?<![a-z])(?:'):-len(')(?![a-z])')] + ")"), low):
        s = m.start()
        if search(r"毕业|读|" + en_words("studied|graduated"), low[s:s + 14]):
            continue
        msg.add("fulltime_in_china", False, s)
    for m in find_all(rf"现在?(?:在|于)\s*(?:{ABROAD_ZH}|{FOREIGN_UNIV_ZH})[^，,。]{{0,12}}(?:任|当|做|工作|担任)|(?:目前|现在|现任).{{0,4}}(?:{FOREIGN_UNIV_ZH}|{FOREIGN_CO_ZH})|" + en_words(
            r"(?:am |i.m )?now (?:an? )?(?:\w+ ){0,3}at (?:the )?(?:" + FOREIGN_UNIV_EN[len('(?<![a-z])(?:'):-len(')(?![a-z])')] + ")"), low):
        msg.add("fulltime_in_china", False, m.start(), prio=-1)


def find_never_in_china(msg: Message):
    """"从来没在国内工作过" / "I have never worked in China": not full-time there, no years there."""
    for m in find_all(r"(?:从来|从未|从没|一直)(?:都)?(?:没|没有|未)?(?:在)?(?:国内|中国)(?:全职)?(?:工作|待)过?|没在国内工作过|"
                 + en_words(r"(?:have |'ve )?never (?:worked|lived|been employed) (?:full[- ]?time )?in (?:china|beijing)"
                       r"|(?:have|'ve) not (?:yet )?worked in china"), msg.low):
        msg.add("fulltime_in_china", False, m.start())
        msg.add("years_in_china", 0, m.start())
