"""Institution facts (首都海智基地 applications, the org_* fields) from free text.

"我们机构在境内注册，有独立法人资格，长期联系服务的海外科技人才有30人，服务场地1500平米"
Numbers are read with the person extractor's number parser; each pattern
names what is counted, so a bare number never lands on the wrong fact.
"""
from __future__ import annotations

import re

from .money import moneys
from .orgs import places
from .numbers import EN_WORD, NUM, parse_number
from .text import en_words, search
from .vocab import ABROAD_ZH

N = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|十几|{NUM}|{en_words(EN_WORD)})\+?"
GAP = r"[^，,。;；\d\n]{0,12}?"
ABOUT = r"(?:(?:about|around|roughly|approximately|some|over|more than|nearly|almost|~)\s+)?"

# fact -> patterns; each has a named group n (the number)
COUNTS = {
    "org_overseas_talents_served": [
        rf"(?:联系|服务){GAP}(?:海外)?(?:科技)?人才{GAP}{N}\s*(?:多)?(?:人|名|位)",
        rf"{N}\s*(?:多)?(?:人|名|位)?{GAP}(?:海外)?(?:科技)?人才{GAP}(?:长期)?(?:联系|服务)",
        rf"(?:serv\w*|in (?:regular )?contact with|keep in touch with|contact with)\s+{ABOUT}{N}\s+(?:overseas\s+)?(?:s&t\s+)?(?:talents?|scientists|experts|people|professionals|researchers)",
        rf"{N}\s+(?:overseas\s+)?(?:talents?|scientists|experts)\s+(?:served|in contact)",
    ],
    "org_area_m2": [rf"{N}\s*(?:多)?(?:平方米|平米|㎡|m2|m²|square\s*met(?:er|re)s?|sq\.?\s*m)"],
    "org_enterprises": [rf"(?:入驻|入园){GAP}{N}\s*(?:多|余)?家", rf"{N}\s*(?:多|余)?家{GAP}入驻企业",
                        rf"(?:resident companies|resident enterprises|入驻企业)\s*(?:大概|约|大约|about|around|roughly)?\s*{N}\s*(?:多|余)?\s*家?",
                        rf"{N}\s+(?:resident\s+)?(?:companies|enterprises)"],
    "org_overseas_institutions": [rf"{N}\s*(?:多)?家{GAP}(?:知名)?(?:海外|境外|国外)(?:知名)?机构",
                                  rf"(?:海外|境外|国外)(?:知名)?机构{GAP}{N}\s*(?:多)?家",
                                  rf"{N}\s+(?:well-known\s+|renowned\s+|famous\s+)?(?:overseas\s+|foreign\s+)?(?:partner\s+)?institutions"],
    "org_talents_attracted": [rf"(?:吸引|引进|引来|带来){GAP}{N}\s*(?:多)?(?:名|人|位)", rf"attract\w*\s+{ABOUT}{N}\s+(?:overseas\s+)?talents?"],
    "org_local_partners": [rf"(?:长期)?合作伙伴{GAP}{N}\s*(?:多)?(?:个|家)", rf"{N}\s*(?:多)?(?:个|家){GAP}(?:长期)?合作伙伴",
                           rf"{N}\s+(?:long-term\s+)?(?:local\s+)?partners?(?:\s+organi[sz]ations)?(?!\s+in\s+beijing)",
                           rf"(?:local\s+)?(?:long-term\s+)?partners\s*{N}\s*(?:多|余)?\s*(?:家|个)",
                           rf"(?:长期)?合作伙伴{GAP}(?:超过|逾|多于){N}\s*(?:多)?(?:个|家)"],
    "org_beijing_partners": [rf"{N}\s*(?:多)?家{GAP}(?:科协|海智基地)", rf"(?:科协|海智基地){GAP}{N}\s*(?:多)?(?:家|个)",
                             rf"{N}\s+beijing\s+(?:cast|science[- ]association|haizhi|科协)",
                             rf"{N}\s+(?:cast|haizhi)\s+(?:organi[sz]ations|bases)\s+in\s+beijing"],
    "org_talents_recommended_per_year": [rf"(?:每年|去年|一年){GAP}推荐{GAP}{N}\s*(?:多)?(?:名|人|位)",
                                         rf"recommend\w*\s+{ABOUT}{N}\s+(?:overseas\s+)?(?:talents?|people|scientists|experts)"
                                         rf"[^.;]{{0,60}}?(?:a|per|each|every)\s+year",
                                         rf"(?:every|each)\s+year[^.;]{{0,30}}?recommend\w*\s+{N}"],
    "org_rd_institutions": [rf"(?<!是)(?<!为)(?<!是一)(?<!为一){N}\s*(?:多)?家{GAP}(?:新型)?研发机构(?!的运营|的平台)", rf"(?:新型)?研发机构{GAP}{N}\s*(?:多)?家",
                            rf"{N}\s+(?:new\s+)?(?:r&d|rnd)\s+institutions", rf"(?:new\s+)?(?:r&d|rnd)\s+institutions\s*{N}\s*(?:家)?"],
    # partners, not the offices resident in the community (those count as R&D institutions, see below)
    "org_intl_org_partners": [rf"(?:和|与|同){N}\s*(?:多)?家{GAP}国际(?:科技)?组织(?!驻华|办事处|代表处)",
                              rf"{N}\s*(?:多)?家{GAP}国际(?:科技)?组织(?!驻华|办事处|代表处){GAP}(?:合作|协议)",
                              rf"国际(?:科技)?组织(?!驻华|办事处|代表处){GAP}合作{GAP}{N}\s*(?:多)?家",
                              rf"{N}\s+international\s+(?:s&t\s+)?organi[sz]ations(?!\s+offices?)(?!\s*'\s*offices?)"],
}
# facts counted in the same noun, which a short answer to one of them must not fill for another
SAME_NOUN = {"org_local_partners": "partners", "org_beijing_partners": "partners", "org_intl_org_partners": "partners",
             "org_overseas_institutions": "institutions", "org_rd_institutions": "institutions",
             "org_overseas_talents_served": "talents", "org_talents_attracted": "talents",
             "org_talents_recommended_per_year": "talents"}
NEG = re.compile(r"(没有|没|无|不具有|不具备|不是|非|尚未|未|\bno\b|\bnot\b|\bwithout\b|n't)")
OFFICES = [rf"{N}\s*(?:多)?家{GAP}国际(?:科技)?组织(?:的)?(?:驻华)?(?:办事处|代表处|分支机构)",
           rf"国际(?:科技)?组织(?:的)?(?:驻华)?(?:办事处|代表处){GAP}{N}\s*(?:多)?家",
           rf"{N}\s+international\s+(?:s&t\s+)?organi[sz]ation(?:s'?)?\s+offices",
           rf"international\s+organi[sz]ation\s+offices\s*{N}\s*(?:家)?"]
FLAGS = {
    "org_legal_person": r"独立法人|法人资格|法人单位|社团法人|企业法人|事业单位法人|legal[- ](?:person|entity)|(?:registered|incorporated)\s+(?:[\w()-]+\s+){0,3}(?:corporation|company|nonprofit|non-profit|charity|society)",
    "org_embassy_letter": r"(?:使馆|领馆|使领馆|领事馆)\S{0,6}支持函|support letter|embassy letter|letter of support",
    "org_local_policy": r"(?:政府|当地|地方|管委会|园区|区里|市里)\S{0,8}(?:出台|专门)\S{0,16}(?:政策|支持)|local (?:government )?(?:support )?polic",
    "org_park_cast": r"(?:健全|完善)的?科协组织|(?:有|具备|设有|成立)\S{0,4}科协组织|full cast organi[sz]ation",
}


def _located_in_china(low: str) -> bool:
    """"位于亦庄的…", "中心在海淀有2500平米的场地": the institution sits in a Chinese city."""
    return any(p.place not in (None, "abroad") and search(r"(?:位于|坐落于|地处|在|located in|based in|(?:我们|我司|我单位|本单位)(?:是|为)?)\s*$", low[max(0, p.start - 12):p.start])
               for p in places(low))


# an institution describes itself with one of these; a message without any has no org_* facts to read
_ORG_CUES = re.compile(r"基地|园区|社区|协会|学会|联合会|平台|机构|法人|单位|中心|场地|平米|平方米|入驻|经费|科协|支持函|" + en_words(
    r"base|park|community|hub|association|society|institution\w*|legal|partners?|members?|facility|fund|consulate|embassy"
    r"|resident|m²|sqm|square|talents?|professionals|recommend\w*"))


def find_org(msg, asking: str | None = None) -> None:
    low = msg.low
    if not (asking and asking.startswith("org_")) and not _ORG_CUES.search(low):
        return
    short_answer = bool(asking and asking.startswith("org_") and len(low) < 40)
    for fact, patterns in COUNTS.items():
        if short_answer and fact != asking and SAME_NOUN.get(fact) == SAME_NOUN.get(asking):
            continue  # "12 partners" answering the Beijing-partners question is not the local-partners fact
        for p in patterns:
            m = search(p, low)
            if m:
                tok = m.group("n")
                v = 11 if tok == "十几" else parse_number(tok, concat=False)
                if v is not None:
                    how = "stated"
                    # "超过十个", "more than 10": more than the number (the next one up decides "at least" limits)
                    if search(r"(?:超过|多于|逾|" + en_words(r"more than|over") + r")\s*$", low[max(0, m.start("n") - 8):m.start("n")]):
                        v, how = v + 1, "assumed"
                    msg.add(fact, v, m.start("n"), span=(m.start("n"), m.end("n")), how=how)
                    break
    for start, end, value in moneys(low):
        if search(r"经费|资金|fund", low[max(0, start - 16):end + 8]) and not search(r"年薪|工资|salary", low[max(0, start - 8):start]):
            msg.add("org_annual_fund_cny", value, start, span=(start, end))
            break
    if search(r"境外|海外(?:注册|设立)|国外(?:注册|设立)|在(?:" + ABROAD_ZH + r")\S{0,6}(?:注册|设立|成立)"
                 r"|(?:registered|incorporated)\s+(?:[\w()-]+\s+){0,4}in\s+(?:[a-z]+\s*){1,2},\s*(?:usa|us|uk|canada|germany|france|japan|australia)\b"
                 r"|(?:registered|incorporated|based|founded|set up|established)\b[^.;]{0,30}?\b(?:abroad|overseas"
                 r"|in (?:the )?(?:us|usa|united states|america|california|canada|uk|united kingdom|britain|germany|france"
                 r"|japan|australia|singapore|switzerland|netherlands|europe|hong kong|new york|boston|toronto))\b", low):
        msg.add("org_location", "overseas", 0)
    elif search(r"境内|国内(?:注册|设立)|在(?:中国|北京)\S{0,4}(?:注册|设立)|registered in (?:china|beijing)|(?:我们|我单位|本单位)(?:是|为)?(?:位于)?北京"
                   r"|北京市(?:一家|的)|beijing-based|based in beijing", low) or _located_in_china(low):
        msg.add("org_location", "domestic", 0)
    for fact, p in FLAGS.items():
        m = search(p, low)
        if m:
            cs, _ = msg.clause(m.start())
            ss, se = msg.sent(m.start())
            before = low[max(cs, m.start() - 40):m.start()]
            # "正在研究专门的扶持政策，但目前还没出台": not yet
            not_yet = search(r"还没(?:有)?出台|尚未出台|没有出台|还在研究|正在研究|" + en_words(r"not yet|under discussion|being drafted"), low[ss:se])
            msg.add(fact, not NEG.search(before) and not (fact == "org_local_policy" and not_yet), m.start())
    # resident R&D institutions: the new R&D institutions and the offices of international organisations together
    # (首都国际研发社区 第十条 counts both)
    bases = search(rf"(?:以及|和|与|及|、)\s*{N}\s*家\s*(?:首都)?海智(?:工作)?基地", msg.raw)  # before program names are blanked
    if bases and "org_beijing_partners" in msg.found and not search(r"海智", msg.raw[msg.found["org_beijing_partners"][0][0]:bases.start()]):
        n = parse_number(bases.group("n"), concat=False)
        pos, prio, v = msg.found["org_beijing_partners"][0]
        msg.found["org_beijing_partners"][0] = (pos, prio, v + (n or 0))  # "北京市2家科协组织以及1家首都海智基地": 3
    if "org_rd_institutions" in msg.found:
        for p in OFFICES:
            m = search(p, low)
            n = parse_number(m.group("n"), concat=False) if m else None
            if n:
                pos, prio, v = msg.found["org_rd_institutions"][0]
                msg.found["org_rd_institutions"][0] = (pos, prio, v + n)
                break
