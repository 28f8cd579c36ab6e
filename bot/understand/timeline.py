"""The applicant's career as a timeline, and the facts derived from it as of the assessment date.

A message is cut into segments (sentences and clauses, never inside brackets, and at "then" /
"之后" / "before that"). Each segment may state:
- an `Education` (degree, where, when),
- a `Position` (title, employer, abroad or in China, start, end, current or past, a stated length),
- a `Move` (back to China, or out to a country abroad, and when),
- a `Target` (the Chinese employer the applicant is joining or applying through),
- a `Founding` (the applicant's company and when it was registered).
`derive(today)` turns them into profile facts to the month: the continuous stretch abroad after the
PhD (consecutive positions add up; a year without a month is a range whose middle is taken and whose
ends are kept in the provenance), research and finance time abroad, time back in China, whether the
applicant works in China now, the current or last title abroad and its employer, the highest degree,
the employer being joined and its region, and the company's age.

Every derived fact carries the words it came from (`Derived.said`) for the profile's provenance.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .choices import TITLE_RX, choice_value
from .dates import DateMention, Span, When, dates
from .durations import durations
from .person import DEG_RANK
from .orgs import Mention, Org, organisations, places
from .text import en_words, full_match, match_at, search

# -- vocabulary of the segments -------------------------------------------------------------------------

_DEGREE = [
    ("phd", re.compile(r"博士(?!后)|读博|" + en_words(r"phd|ph\.d|doctorate|doctoral degree|dphil|drph|md-phd|d\.phil|sc\.d"))),
    ("master", re.compile(r"硕士|研究生学历|" + en_words(r"master'?s?|ms|msc|mba|mph|meng|ma|mphil|llm|mfa"))),
    ("bachelor", re.compile(r"本科|学士|" + en_words(r"bachelor'?s?|bs|bsc|ba|beng|undergrad\w*"))),
]
_POSTDOC = re.compile(r"博士后|博后|" + en_words(r"post-?docs?|postdoctoral|post-doctoral"))
_WORK = re.compile(r"工作|任职|任教|就职|执教|供职|做了|干了|干到|一直干|做研究|搞研究|做科研|进了|进入|入职|加入|转到|跳槽|当|担任|现任|留在|留校|上班|在职|全职|专职|在[^，,。]{1,24}做|" + en_words(
    r"work\w*|employed|joined|job|serv\w+ as|at|as an?|spent|hold|held|doing research|researching"))
_CURRENT = re.compile(r"现在|目前|现任|现为|现就职|至今|一直|如今|今年起|仍在|还在|^\s*(?:老师好\s*)?我是|" + en_words(
    r"now|currently|current|present|presently|since|ever since|still|today|these days|i'm an?|i am an?|i hold|i work"))
_PAST = re.compile(r"之前|以前|曾经|曾在|曾任|曾|回国前|当年|那时|" + en_words(
    r"previously|formerly|before that|used to|ex-|former|was an?|worked|spent|until|had been|did|started out|started as|started off|back in|back then"
    r"|at first|originally|in my early career") + r"|起初|最初|一开始|刚开始|早年|当过|做过|干过|待过|任过|读过|的时候|那时候|那会儿")
_RETURN = re.compile(r"回国|归国|回来|回到国内|回到中国|海归|" + en_words(
    r"went back to china|moved back|came back|come back|coming back|returned|returning|back in china|back to china|been back|relocated back"
    r"|back home|moved home"))
# "after returning from Canada", "从美国回来": where one came from is not where one is
_FROM_ABROAD = re.compile(r"从\s*$|" + en_words(r"(?:back|returned|returning|came|moved|coming) from") + r"\s*(?:the\s+)?$")
_ARRIVE = re.compile(r"(?:来|去|到)了?(?=\s*(?:美国|英国|德国|法国|日本|加拿大|澳|新加坡|瑞士|欧洲|香港))|出国|" + en_words(
    r"came to|moved to|relocated to|went to"))
_TARGET = re.compile(r"想引进我|引进我|有意向引进|有意引进|意向引进|拟引进|想请我|请我|邀请我|聘请我|聘我|要我|想要我|发了offer|给了offer|给我发|谈好了|"
                     r"和[^，,。]{0,14}签|与[^，,。]{0,14}签|给了?我[^，,。]{0,14}(?:offer|聘书|职位|岗位)|贵校|贵单位|贵所|贵院|拟聘|计划引进|在跟我谈|跟我谈|和我谈|找我谈|在谈|挖我|目标是|目标单位|申报单位|依托单位|用人单位|引进单位|签约单位|拟全职引进|打算去|准备去|要去|将去|即将加入|"
                     + en_words(r"offered me|offer from|an offer|sent me an offer|reached out|invited me|invites me|wants? to hire|"
                                r"want me|wants me|will join|to join|recruit\w* me|hire me|hiring me|host institution|my target|"
                                r"going to join|signed with|accepted an offer|approached me|in talks with me|talking to me|my target|targeting"
    r"|(?:intends?|plans?|wish(?:es)?|would like|wants?) to (?:recruit|hire|appoint|bring)"))
_FOUND = re.compile(r"注册|成立|创办|创立|创建|" + en_words(r"founded|incorporated|established|registered|set up|co-founded|started the company"))
_COMPANY = re.compile(r"公司|企业|创业|" + en_words(r"company|startup|start-up|firm|inc|ltd|co\.|founder|co-founder|bio|robotics|technologies"))
_ASSOC = re.compile(r"协会|学会|联合会|基地|园区|社团|中心|" + en_words(r"association|society|nonprofit|non-profit|501\(c\)|foundation|federation|base|park"))
_HR = re.compile(r"人事|人力资源|招聘|" + en_words(r"hr|human resources|recruiter|recruiting"))
_CHINA = re.compile(r"国内|回国后|回来后|在国内|我校|本校|我们学校|在中国|中国的|中资|" + en_words(r"in china|chinese (?:university|institute|company)|back in china|here in china"))
_RESEARCH_TITLES = {"postdoc", "researcher", "professor", "associate_professor", "assistant_professor"}
_RESEARCH_WORDS = re.compile(r"研究|科研|实验室|" + en_words(r"research\w*|scientist|fellow|lab|laboratory|lecturer"))
_FUTURE = re.compile(r"愿意|打算|计划|准备|将来|将|会|承诺|想|希望|考虑|拟|" + en_words(
    r"will|would|plan\w*|willing|ready to|prepared to|commit\w*|want to|hope to|intend\w*|considering|thinking about|open to"))
_AFTER_PREV = re.compile(r"\s*(?:[,，;；]\s*)?(?:and\s+)?(?:之后|毕业后|毕业以后|此后|然后|随后|后来|" + en_words(
    r"then|after that|afterwards|after graduat\w*|after (?:my|the) (?:phd|degree|doctorate)|straight into|right into|directly into"
    r"|went straight|immediately") + "|直接|随即|紧接着)")
_JOIN = re.compile(r"进了|加入|入职|跳槽到|跳到|转到|去了|来到|" + en_words(r"joined|moved to|started at|went to|switched to|hired by"))
_LEAVE = re.compile(r"再次出国|又出国|再出国|重新出国|又去了|" + en_words(
    r"left (?:china )?again|went abroad again|moved abroad again|left china|moved abroad|went abroad|headed abroad|emigrated"))
_NEG_POST = re.compile(r"(?:没有|没|不|未|并未|尚未|从未|从来没)\s*(?:在|于|去|有)|" + en_words(
    r"not|don't|do not|haven't|have not|never|no longer|isn't|aren't"))
_OBLIGED = re.compile(r"要求|需要|必须|应当|须|服务期|义务|" + en_words(r"required|must|obliged|obligation|have to|has to|need to"))
# "之后一直在德国没挪窝", "毕业以后没离开过德国", "have worked in Paris ever since": abroad on from the event before
_EVER_SINCE = re.compile(r"一直在|一直干|一直做|一直工作|没挪窝|没离开过|没有离开|再没回|没回国|没有回国|从那以后|从那时起|此后一直|之后一直|" + en_words(
    r"ever since|since then|never left|stayed (?:on )?(?:there|here)|have been (?:there|here)|never (?:went|came) back|never returned"))
_LEFT = re.compile(en_words(r"left|until|till|quit") + r"|离开|离职|辞职")
_THEN = re.compile(en_words(r"and then|then|afterwards|after that|before that|later|subsequently") + r"|之后|然后|后来|随后|此后")
_AND_SPLIT = re.compile(r"(?<=\S)\s+and\s+(?=(?:an?|then|later|from|since|now|currently|today|i|i'm|i've|am|was|have|has)\s)|(?<=\S)\s*&\s*(?=(?:an?)\s)|;"
                        r"|(?<=[^\s])\s*(?:现在|目前|如今)(?=在|是|任|当)")


@dataclass
class Segment:
    start: int
    end: int
    text: str
    opens_sentence: bool = False


@dataclass
class Education:
    degree: str
    pos: int
    words: str
    org: Org | None = None
    abroad: bool | None = None
    renowned: bool | None = None
    when: When | None = None


@dataclass
class Position:
    pos: int
    words: str
    title: str | None = None
    org: Org | None = None
    abroad: bool | None = None
    start: When | None = None
    end: When | None = None
    current: bool = False
    past: bool = False
    length: Span | None = None
    research: bool = False
    employer_type: str | None = None
    region: str | None = None
    order: float = 0.0          # place in time when no date says it ("再往前是Harvard postdoc": before the last)

    @property
    def finance(self) -> bool:
        """At a bank, a fund or a regulator: time there counts as finance time."""
        return bool(self.org and self.org.kind in ("finance", "regulator"))


@dataclass
class Move:
    kind: str          # "return" (to China) or "arrive" (abroad)
    pos: int
    words: str
    when: When | None = None
    current: bool = False


@dataclass
class Target:
    pos: int
    words: str
    org: Org | None = None
    employer_type: str | None = None
    region: str | None = None


@dataclass
class Founding:
    pos: int
    words: str
    when: When | None = None
    region: str | None = None
    abroad: bool = False


@dataclass
class Derived:
    value: object
    said: str
    how: str = "derived"
    role: str = ""   # for the employer: target / current / company; for the title: current / past / side


@dataclass
class Timeline:
    educations: list[Education] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    foundings: list[Founding] = field(default_factory=list)


# -- cutting the message ---------------------------------------------------------------------------------

_CUT = re.compile(r"[。！!？?；;\n｜✔✅•]|(?<![\d.])\.(?!\d)|\.(?=\s|$)|[,，、:：]|\s[-–—|·]\s|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def segments(low: str, cut_text: str | None = None) -> list[Segment]:
    """Clauses, not cut inside brackets, also cut before "then" / "之后" / "before that". `cut_text` is the
    same message before program names were blanked, where the cuts are found."""
    text = cut_text or low
    # bracket depth at every position, in one pass (a cut inside brackets is no cut)
    depth, level = [], 0
    for ch in text:
        if ch in "(（[【":
            level += 1
        elif ch in ")）]】":
            level = max(0, level - 1)
        depth.append(level)
    cuts = [0]
    for m in _CUT.finditer(text):
        if depth[m.start()] == 0:
            cuts.append(m.start())
            cuts.append(m.end())
    for rx in (_THEN, _AND_SPLIT):
        for m in rx.finditer(low):
            if m.start() > 0:
                cuts.append(m.start())
    cuts.append(len(low))
    cuts = sorted(set(cuts))
    out, opens = [], True
    for a, b in zip(cuts, cuts[1:]):
        text = low[a:b]
        if text.strip().strip(" ,，:：;；。.!?！？、|｜-–—·✔️✅•"):
            out.append(Segment(a, b, text, opens))
            opens = False
        elif search(r"[。！!？?\n]|\.(?:\s|$)", text):
            opens = True
    return out


def _in(items, seg: Segment):
    return [x for x in items if seg.start <= x.start < seg.end]


def _title(text: str) -> str | None:
    best, best_pos = None, None
    for value, rx in TITLE_RX:
        m = rx.search(text)
        if not m:
            continue
        t = m.group()
        if value == "other" and search(en_words(r"engineer") + "|工程师", t) and search(
                r"(?:senior|staff|principal|distinguished|chief)\s+(?:\w+\s+)?$|(?:高级|首席|资深)$", text[:m.start()]):
            continue
        if value == "senior_corporate" and t in ("manager",) and search(
                en_words(r"project|product|program|account|office|sales|case|hiring|lab"), text[max(0, m.start() - 10):m.start()]):
            continue
        if value == "other" and search(r"讲师|lecturer", t):
            value = "associate_professor" if search(r"senior|principal|高级", text[max(0, m.start() - 8):m.start()] + t) else "assistant_professor"
        if best is None or m.start() < best_pos:
            best, best_pos = value, m.start()
    if search(r"相当于.{0,4}助理教授|" + en_words(r"roughly (?:an? )?assistant professor|equivalent to (?:an? )?assistant professor"), text):
        return "assistant_professor"
    if search(r"相当于.{0,4}副教授|" + en_words(r"roughly (?:an? )?associate professor|equivalent to (?:an? )?associate professor"), text):
        return "associate_professor"
    if search(en_words(r"ap") + r"(?!\w)", text) and not best:
        return "assistant_professor"
    if search(r"副教(?!授)|准教授", text):
        return "associate_professor"
    if search(r"讲席|" + en_words(r"endowed chair|named chair|chair professor|chaired professor|holds? an? \w* ?chair|visiting chair"), text) and best in (None, "other"):
        return "professor" if not search(en_words("visiting"), text) else best
    if best is None and search(en_words(r"unit head|head of unit|division director|department director|chief of"), text):
        return "senior_corporate"
    return best


_DEGREE_AFTER = re.compile(r"(?:(?:博士|硕士|本科|研究生|mba|phd|ma|ms|msc|master'?s?)\s{0,2})?(?:毕业|读完|拿到学位)\s{0,2}(?:以|之)?后|(?:硕士|本科|研究生)(?:以|之)后|(?:读博|博士|硕士)期间|" + en_words(
    r"after (?:my |the |an? |finishing (?:my |the )?|completing (?:my |the )?|getting (?:my |the |a )?)?(?:phd|doctorate|master'?s?|msc|mba|ms|bachelor'?s?|degree)"
    r"|during (?:my |the )?(?:phd|doctorate|master'?s?)"))


def _degree(text: str) -> str | None:
    t = _DEGREE_AFTER.sub(" ", _POSTDOC.sub(" ", text))
    for value, rx in _DEGREE:
        m = rx.search(t)
        if m and not search(r"(?:没有|没|未|不是|无|非)\s*(?:读|拿到?|获得|念)?\s*(?:过)?\s*$|" + en_words(r"no|not|never|without|don't have|didn't")
                                + r"\s+(?:a\s+|an\s+|any\s+)?(?:\w+\s+)?$", t[max(0, m.start() - 12):m.start()]):
            return value
    return None


def _abroad(text: str, orgs: list[Mention], pls: list[Mention], seg_start: int = 0, low: str = "") -> bool | None:
    if low:
        pls = [p for p in pls if not _FROM_ABROAD.search(low[max(0, p.start - 20):p.start])
               and not search(en_words(r"before|after|prior to|since leaving") + r"\s*$", low[max(0, p.start - 12):p.start])
               and not search(r"(?:出生(?:于|在)?|生于|老家|来自|" + en_words(r"born in|grew up in|native of|raised in") + r")\s*$",
                                 low[max(0, p.start - 14):p.start])]
    place_abroad = any(p.place == "abroad" for p in pls)
    place_china = any(p.place in ("beijing", "xinjiang", "tibet", "other") for p in pls)
    for m in orgs:
        a = m.org.abroad
        if a is False and place_abroad and not place_china:
            return True          # 华为加拿大研究院
        if a is not None:
            return a
    if place_abroad and not place_china:
        return True
    if not place_china and search(r"海外|国外|境外|在外面|" + en_words(r"abroad|overseas|outside (?:of )?(?:mainland )?china"), text) \
            and not search(r"回国|" + en_words(r"back from|return\w* from"), text):
        return True
    if place_china or _CHINA.search(re.sub(r"(?:相当于|等同于|类似于?|对标|" + en_words(r"equivalent to|comparable to|roughly") + r")\s*(?:国内|中国)", " ", text)):
        return False
    return None


def _nearest(ds: list[DateMention], pos: int, after_only: bool = False) -> DateMention | None:
    best = None
    for d in ds:
        if after_only and d.start < pos:
            continue
        if best is None or abs(d.start - pos) < abs(best.start - pos):
            best = d
    return best


def _length(seg: Segment, low: str, ds: list | None = None) -> Span | None:
    total = None
    for d in durations(seg.text):
        if any(x.start < seg.start + d.end and seg.start + d.start < x.end for x in ds or ()):
            continue  # "21年起" is a date, not 21 years
        after = seg.text[d.end:d.end + 8]
        before = seg.text[max(0, d.start - 6):d.start]
        if match_at(r"\s*(?:以前|之前|前|" + en_words("ago|old") + ")", after) or search(r"(?:每|一)\s*年|" + en_words("per year|a year|each year"), after + before):
            continue
        if match_at(r"\s*(?:的)?(?:合同|协议|contract)", after):
            continue
        months = int(round(d.months))
        approx = search(r"快|将近|近|接近|" + en_words(r"almost|nearly"), before)
        more = search(r"多|\+|余", seg.text[d.start:d.end + 2]) or search(en_words(r"over|more than"), before)
        about = search(r"大概|大约|约|左右|" + en_words(r"about|around|roughly|approximately|~"), before + after)
        span = Span(months, months)
        if more:
            span = Span(months, months + (11 if d.unit == "y" else 0))
        elif about:
            span = Span(max(0, months - (6 if d.unit == "y" else 1)), months + (6 if d.unit == "y" else 1))
        elif approx:
            span = Span(months, months)  # already read down by durations()
        total = span if total is None else total + span
    return total


# -- reading the segments --------------------------------------------------------------------------------

def read(low: str, today: dt.date, skip=None, cut_text: str | None = None) -> Timeline:
    """The timeline of a normalised message; `skip(pos)` is true where a clause asks about the rules."""
    tl = Timeline()
    all_orgs, all_places, all_dates = organisations(low), places(low), dates(low, today)
    segs = []
    for seg in segments(low, cut_text):
        # "postdoc at Monash 2012–2015 and Senior Lecturer at Melbourne from 2015": two posts
        named = [m for m in all_orgs if seg.start <= m.start < seg.end]
        cut = None
        if len(named) >= 2:
            for m in re.finditer(r"\s(?:and|以及|然后|再)\s", seg.text):
                if named[0].end <= seg.start + m.start() < named[-1].start:
                    cut = m.start()
        if cut:
            segs += [Segment(seg.start, seg.start + cut, seg.text[:cut], seg.opens_sentence),
                     Segment(seg.start + cut, seg.end, seg.text[cut:], False)]
        else:
            segs.append(seg)
    institution = bool(_ASSOC.search(low)) and not search(r"我(?:是|今年|在)|本人|" + en_words(r"i'm|i am|my phd|i was born"), low)
    last_pos: Position | None = None
    last: Position | Education | None = None
    last_sentence_start = 0
    for seg in segs:
        text = seg.text
        if len(text.strip()) < len(text) // 4:
            text = " " + text.strip()  # mostly blanks (program names, hypotheticals blanked): read what is left
        if seg.opens_sentence:
            last = last_pos = None  # a post said in pieces stays within its sentence
            last_sentence_start = seg.start
        orgs, pls, ds = _in(all_orgs, seg), _in(all_places, seg), _in(all_dates, seg)
        deg = _degree(text)
        title = _title(text)
        postdoc = bool(_POSTDOC.search(text))
        target = _TARGET.search(text) or (_HR.search(text) and search(r"我是|我们|" + en_words(r"i am|i'm|we"), text))
        found = _FOUND.search(text)
        ret = _RETURN.search(text)
        arrive = _ARRIVE.search(text)
        abroad = _abroad(text, orgs, pls, seg.start, low)
        made_position = False
        if skip is not None and not orgs and not ds and skip(seg.start + len(text) - len(text.lstrip())):
            continue  # a question about the rules ("博士毕业后需要在海外工作几年？") tells nothing
        # a move back to China, or out to a country abroad
        if ret and not search(r"还没|尚未|没有|没回|未回|" + en_words(r"not yet|haven't|have not|never"), text[max(0, ret.start() - 8):ret.end()]) \
                and not _FUTURE.search(text[:ret.start()]) and not _OBLIGED.search(text):
            d = _nearest(ds, seg.start + ret.start())
            if d is not None and abs(d.start - (seg.start + ret.start())) > 30:
                d = None  # "from 2015 until I came back": that date is not the return
            tl.moves.append(Move("return", seg.start + ret.start(), text.strip(), d.when if d else None))
        elif arrive and abroad and not orgs and not deg:
            d = _nearest(ds, seg.start + arrive.start())
            cur = bool(search(r"至今|一直|" + en_words(r"ever since|since then|since|still|have worked here|have been here|here ever"), low[seg.start:seg.end + 60]))
            tl.moves.append(Move("arrive", seg.start + arrive.start(), text.strip(), d.when if d else None, cur))
        lv = _LEAVE.search(text)
        if lv:
            d = _nearest(ds, seg.start + lv.start())
            tl.moves.append(Move("leave", seg.start + lv.start(), text.strip(), d.when if d else None))
        # the employer being joined
        if target and not institution:
            org = next((m.org for m in orgs if m.org.abroad is False), None)
            if org is None and search(r"贵校|贵单位|贵所|贵院|" + en_words(r"your (?:university|institute|school)"), text):
                # "贵校有意向引进我" in a letter to 西湖大学人才办: the addressee
                org = next((m.org for m in all_orgs if m.org.abroad is False and m.start < 60), None)
            etype = (org.cn_type if org and org.cn_type else None) or choice_value("employer_type", text, strict=True)
            region = next((p.place for p in pls if p.place != "abroad"), None) or (org.region if org else None)
            if org or etype or region:
                if not (abroad and not org):
                    tl.targets.append(Target(seg.start + target.start(), text.strip(), org, etype if etype != "none" else None, region))
            continue
        # the applicant's own company
        if found and _COMPANY.search(low[max(0, seg.start - 40):seg.end]) and not institution:
            used = _nearest(ds, seg.start + ret.start()) if ret else None
            d = _nearest([x for x in ds if x is not used] or ds, max(m.start() for m in _FOUND.finditer(text)) + seg.start)
            region = next((p.place for p in pls if p.place != "abroad"), None)
            away = abroad is True or bool(search(r"读博期间|在海外|在国外|" + en_words(r"abroad|overseas"), text))
            tl.foundings.append(Founding(seg.start + found.start(), text.strip(), d.when if d else None, region, away))
            if not (title or postdoc):
                continue
        da = _DEGREE_AFTER.search(_POSTDOC.sub(lambda m: " " * len(m.group()), text))
        if da and not deg:
            # "早稻田MBA毕业后2016年7月进了金融厅": the degree (with the school named before it), then the post
            said = _degree(text[:da.end()].replace("毕业", " ").replace("后", " ")) or _degree(da.group())
            before = [m for m in orgs if m.start < seg.start + da.start()]
            if said and before:
                o = before[-1].org
                tl.educations.append(Education(said, seg.start, text[:da.end()].strip(), o, o.abroad, o.renowned or None, None))
            elif said == "phd" and not _phd(tl):
                tl.educations.append(Education(said, seg.start, text[:da.end()].strip()))  # "博士毕业后在美国…": a PhD
        owned = orgs or ds or pls or search(r"我(?!们)|本人|拿|获得|毕业|读|学位|" + en_words(
            r"i|i'm|my|from|received|earned|graduated|got|hold|have|in|at"), text) or len(text) < 40 and full_match(
            r"\s*(?:是|有)?\s*(?:a |an )?(?:博士|硕士|本科|学士|phd|doctorate|master'?s?|bachelor'?s?|ms|msc|mba)\s*(?:学位|学历|毕业|degree)?\s*", text)
        if deg and owned and not postdoc and not (title and title not in ("other",) and not search(r"拿|获得|毕业|读|" + en_words(r"from|received|earned|graduated|got"), text)):
            org = next((m.org for m in orgs if m.org.kind in ("university", "institute")), None) or (orgs[0].org if orgs else None)
            ab = org.abroad if org else None
            if ab is None:
                ab = _abroad(text, [], pls)
            if ab is None and search(r"国内|" + en_words(r"in china|chinese university"), text):
                ab = False
            renowned = org.renowned if org else None
            if renowned is None and search(r"985|211|双一流|名校|" + en_words(r"top|elite|ivy"), text):
                renowned = True
            dm = next((rx.search(_POSTDOC.sub(" ", text)) for v, rx in _DEGREE if v == deg), None)
            d = _nearest(ds, seg.start + (dm.start() if dm else 0))
            tl.educations.append(Education(deg, seg.start, text.strip(), org, ab, renowned, d.when if d else None))
            last = tl.educations[-1]
            continue
        verb = _WORK.search(text) or (_EVER_SINCE.search(text) if abroad else None)
        working = title or postdoc or verb or any(m.org.kind != "university" for m in orgs)
        tail = not verb and not deg and last is not None and not target and not found and not ret
        if tail and isinstance(last, Education) and not title and not postdoc and all(m.org.kind == "university" for m in orgs):
            # "PhD Finance, LSE, 2014": the degree said in pieces
            if ds and last.when is None:
                last.when = ds[0].when
            if orgs and last.org is None:
                last.org = orgs[0].org
                last.abroad = last.org.abroad if last.abroad is None else last.abroad
                last.renowned = last.org.renowned or last.renowned
            if pls and last.abroad is None:
                last.abroad = _abroad(text, [], pls)
            continue
        if not tail and verb and _JOIN.search(text) and not orgs and not title and not postdoc and ds and last_pos is not None \
                and last is last_pos and last_pos.start is None:
            last_pos.start = ds[0].when  # "我是UW的AP，2022年入职": when the post before began
            continue
        if tail and orgs and not title and not postdoc and isinstance(last, Position) and last.org is None and not ds:
            # "博后 德国马普": the employer of the post just named
            last.org = orgs[0].org
            last.abroad = _abroad(text, orgs, pls, seg.start, low) if last.abroad is None else last.abroad
            last.words = f"{last.words} {text.strip()}"[:300]
            continue
        if tail and not orgs and isinstance(last, Position) and (not title or last.title in (None, title)):
            working = False  # "Senior Manager", "(2019–present)", "Boston": the post before, said in pieces
        future_only = _FUTURE.search(text) and not _CURRENT.search(text) and not _PAST.search(text) and not ds
        if verb and _NEG_POST.search(text[:verb.end()]):
            continue  # "我目前没有在国内全职工作", "I don't work in China": no post (the readers record the denial)
        if working and not future_only and (orgs or title or postdoc or (
                abroad is not None and verb and (ds or _CURRENT.search(text) or _length(seg, low, ds) or ret or _EVER_SINCE.search(text)))):
            # "after an MSc at LSE I joined the FCA": the employer is the one named after the verb
            join = _JOIN.search(text) or verb
            after_verb = [m for m in orgs if join and m.start >= seg.start + join.start()]
            org = (after_verb or orgs)[0].org if orgs else None
            p = Position(seg.start, text.strip(), title or ("postdoc" if postdoc else None), org, abroad)
            for d in ds:
                if d.role == "range":
                    p.start, p.end = d.when, d.until
                    p.current = d.until is None
                elif d.role == "since":
                    # "at EPFL (there since 2011, full prof since 2019)": the post began with the earliest
                    p.start = d.when if p.start is None or d.when.lo < p.start.lo else p.start
                    p.current = True
                elif d.role == "until" or (_LEFT.search(text[max(0, d.start - seg.start - 20):d.start - seg.start])
                                           and not lv):
                    p.end = d.when
                elif lv and p.start is None:
                    p.start = d.when  # "left again in 2020 for a job at Melbourne": the post starts then
                elif p.start is None:
                    p.start = d.when
            if p.start is None and p.abroad and tl.moves and tl.moves[-1].kind == "leave" and tl.moves[-1].when is not None \
                    and last is not None and tl.moves[-1].pos >= last_sentence_start:
                p.start = tl.moves[-1].when  # "2018年10月再次出国，加入三星": the post starts with the move
            if p.start is None and _EVER_SINCE.search(text) and last is not None and p.abroad:
                p.start, p.current = (last.when if isinstance(last, Education) else last.start), True
            if p.start is None and _AFTER_PREV.match(text) and last is not None:
                p.start = last.when if isinstance(last, Education) else (last.end or None)
                if p.abroad is None and isinstance(last, Education) and last.abroad and not _CHINA.search(text):
                    p.abroad = True  # "毕业后留在NUS做博后": stayed where the degree was
            p.length = _length(seg, low, ds)
            p.current = p.current or bool(_CURRENT.search(text)) and not search(
                r"之前|以前|曾|回国前|当过|做过|干过|待过|任过|" + en_words(r"previously|formerly|before that|ex-|used to"), text)
            p.past = bool(_PAST.search(text)) and not p.current or p.end is not None
            p.order = float(seg.start)
            if match_at(r"\s*(?:再往前|再之前|更早|更早之前|在此之前|此前|" + en_words(r"before that|prior to that|earlier|before this") + ")", text) and last_pos is not None:
                p.order, p.past, p.current = last_pos.order - 0.5, True, False  # earlier than a post before: over
            p.research = (p.title in _RESEARCH_TITLES) or bool(_RESEARCH_WORDS.search(text))
            if p.abroad is False:
                p.employer_type = (org.cn_type if org and org.cn_type else None) or choice_value("employer_type", text, strict=True)
                if p.employer_type == "none":
                    p.employer_type = None
                p.region = (org.region if org else None) or next((pl.place for pl in pls if pl.place != "abroad"), None)
            tl.positions.append(p)
            last = last_pos = p
            made_position = True
            continue
        if tail and last_pos is not None and last is last_pos and not made_position:
            # a LinkedIn tail: "Senior Manager", "(2019–present)", "一直在新加坡" belong to the post before
            last_pos.words = f"{last_pos.words}, {text.strip()}"[:300]  # the post said in pieces, kept together
            if title and last_pos.title is None and not deg:
                last_pos.title = title
            for d in ds:
                if last_pos.start is None and d.role in ("range", "since", "point"):
                    last_pos.start = d.when
                    if d.role == "range":
                        last_pos.end = d.until
                        last_pos.current = d.until is None
                    elif d.role == "since":
                        last_pos.current = True
            if _CURRENT.search(text) and not _PAST.search(text) and last_pos.end is None:
                last_pos.current, last_pos.past = True, False  # "…at the WHO, and am currently a unit head"
            if last_pos.abroad is None and abroad is not None and not _CURRENT.search(text):
                last_pos.abroad = abroad
            if search(r"一直|至今|" + en_words(r"ever since|still|to date|until now"), text) and (
                    abroad is None or last_pos.abroad is None or abroad == last_pos.abroad):
                last_pos.current = True
                if last_pos.abroad is None and abroad is not None:
                    last_pos.abroad = abroad
    # an arrival abroad with "have worked here ever since" is a position abroad that started then
    for mv in tl.moves:
        if mv.kind == "arrive" and mv.current and not any(p.words == mv.words for p in tl.positions):
            tl.positions.append(Position(mv.pos, mv.words, None, None, True, mv.when, None, True))
    tl.positions.sort(key=lambda p: p.pos)
    # "…at Oxford, and now I'm a lecturer": a post with no place of its own continues where the one before was,
    # unless the applicant came back in between
    prev = None
    for p in tl.positions:
        if p.abroad is None and prev is not None and prev.abroad and not any(
                m.kind == "return" and prev.pos < m.pos <= p.pos for m in tl.moves):
            p.abroad = True
        if p.abroad is not None:
            prev = p
    return tl


# -- deriving the facts ----------------------------------------------------------------------------------

def _phd(tl: Timeline) -> Education | None:
    return next((e for e in tl.educations if e.degree == "phd"), None)


def _abroad_positions(tl: Timeline) -> list[Position]:
    return [p for p in tl.positions if p.abroad]


def _returned(tl: Timeline) -> Move | None:
    """The last move back to China that was not followed by leaving again, preferring one with a date
    ("I returned in September 2022" over "been back")."""
    leave = next((m for m in reversed(tl.moves) if m.kind == "leave"), None)
    back = [m for m in tl.moves if m.kind == "return" and (leave is None or m.pos > leave.pos and (
        m.when is None or leave.when is None or m.when.lo >= leave.when.lo))]
    return next((m for m in reversed(back) if m.when is not None), back[-1] if back else None)


def _current_china(tl: Timeline) -> Position | None:
    ret = _returned(tl)
    for p in reversed(tl.positions):
        if p.abroad is False and (p.current or (ret and p.pos > ret.pos and not p.past)):
            return p
    return None


def past_china_spans(tl: Timeline) -> list[tuple[int, int]]:
    """Where the message tells of a post in China that is over ("2016年至2018年回国在深圳一家企业工作")."""
    cur = _current_china(tl)
    return [(p.pos, p.pos + len(p.words)) for p in tl.positions if p.abroad is False and p is not cur and (p.past or p.end)]


def _current_abroad(tl: Timeline) -> Position | None:
    if _returned(tl) or _current_china(tl):
        return None
    abroad = _abroad_positions(tl)
    cur = [p for p in abroad if p.current and p.end is None]
    if cur:
        return max(cur, key=lambda p: (p.start.lo if p.start else -1, p.pos))
    open_ = [p for p in abroad if p.end is None and not p.past]
    return max(open_, key=lambda p: (p.start.lo if p.start else -1, p.order)) if open_ else None


def _stretch_start(tl: Timeline, today: dt.date, after: Education | None) -> When | None:
    """Where the current unbroken stay abroad began, when a gap broke an earlier one."""
    dated = sorted((p for p in _abroad_positions(tl) if p.start is not None), key=lambda p: p.start.lo)
    start = None
    for a, b in zip(dated, dated[1:]):
        if a.end is not None and b.start.lo - a.end.hi > 6:
            start = b.start
    return start


def _stretch(tl: Timeline, today: dt.date, after: Education | None, only=None) -> tuple[Span, str] | None:
    """Continuous months abroad: from the first post (after the degree) to now or to the return."""
    now = When.of(today)
    posts = [p for p in _abroad_positions(tl) if only is None or only(p)]
    if not posts:
        return None
    ret = _returned(tl)
    cur = _current_abroad(tl)
    if after is not None and after.when is not None:
        posts = [p for p in posts if p.start is None or p.start.hi >= after.when.lo]
        if not posts:
            return None
    leave = next((m for m in reversed(tl.moves) if m.kind == "leave" and m.when is not None), None)
    if leave is not None:
        # "回国在深圳工作两年，2018年10月再次出国": only the stay abroad since then is continuous
        posts = [p for p in posts if p.pos >= leave.pos or (p.start is not None and p.start.lo >= leave.when.lo)]
        if not posts:
            return None
        after = None
        if all(p.start is None for p in posts):
            posts[0].start = leave.when
    starts = [p.start for p in posts if p.start is not None]
    if cur is not None and (only is None or only(cur)):
        end = now
    elif ret is not None and ret.when is not None and (leave is None or ret.pos > leave.pos):
        end = ret.when
    else:
        ends = [p.end for p in posts if p.end is not None]
        end = max(ends, key=lambda w: w.hi) if ends else None
    words = "; ".join(p.words for p in posts)
    lengths = [p.length for p in posts if p.length is not None]
    if lengths and (not starts or end is None) and len(lengths) == len(posts):
        total = lengths[0]
        for s in lengths[1:]:
            total = total + s
        return total, words
    start = min(starts, key=lambda w: w.lo) if starts else None
    if after is not None and after.when is not None and after.abroad and len(starts) < len(posts) and (
            start is None or after.when.lo < start.lo):
        start = after.when  # "PhD 2019, then a postdoc there": abroad from the degree on
        words = after.words + "; " + words
    if start is None or end is None:
        return None
    # a gap between dated posts breaks the stretch: count from the last unbroken run
    dated = sorted((p for p in posts if p.start is not None), key=lambda p: p.start.lo)
    for a, b in zip(dated, dated[1:]):
        if a.end is not None and b.start.lo - a.end.hi > 6:
            start = b.start
    return Span.between(start, end), words


def derive(tl: Timeline, today: dt.date, has_phd_word: bool = False) -> dict[str, Derived]:
    """The profile facts the timeline decides, each with the words it came from."""
    out: dict[str, Derived] = {}
    for part in (_degrees, _where_now, _time_abroad, _post_abroad, _employer):
        out.update(part(tl, today))
    return out


def _degrees(tl: Timeline, today: dt.date) -> dict[str, Derived]:
    """The highest degree named, where it was taken and whether that university is well known."""
    out: dict[str, Derived] = {}
    if tl.educations:
        top = max(tl.educations, key=lambda e: (DEG_RANK[e.degree], -e.pos))
        out["degree"] = Derived(top.degree, top.words, "stated")
        if top.abroad is not None:
            out["degree_abroad"] = Derived(top.abroad, top.words)
        if top.renowned is not None:
            out["degree_from_renowned"] = Derived(top.renowned, top.words)
    return out


def _where_now(tl: Timeline, today: dt.date) -> dict[str, Derived]:
    """Working in China now (or abroad now), and for how long back in China."""
    out: dict[str, Derived] = {}
    china, away = _current_china(tl), _current_abroad(tl)
    if china is not None:
        out["fulltime_in_china"] = Derived(True, china.words)
    elif away is not None:
        out["fulltime_in_china"] = Derived(False, away.words)
    ret = _returned(tl)
    if ret is not None and ret.when is not None and not away:
        span = Span.between(ret.when, When.of(today))
        out["years_in_china"] = Derived(round(span.mid / 12, 2), f"{ret.words} ({ret.when.text()} → {span.text()} months)")
    return out


def _time_abroad(tl: Timeline, today: dt.date) -> dict[str, Derived]:
    """Continuous months abroad after the PhD, at all, in research and in finance."""
    out: dict[str, Derived] = {}
    phd = _phd(tl)
    has_phd = phd is not None or any(p.title == "postdoc" for p in tl.positions)

    def said(st):
        return f"{st[1]} ({st[0].text()} months)"
    if has_phd:
        st = _stretch(tl, today, phd)
        if st:
            out["overseas_months_after_phd"] = Derived(st[0].mid, said(st))
            research = _stretch(tl, today, phd, only=lambda p: p.research)
            if research and research[0].mid == st[0].mid:
                out["overseas_research_years"] = Derived(round(st[0].mid / 12, 2), said(st))
    st = _stretch(tl, today, None)
    if st:
        out["overseas_work_months"] = Derived(st[0].mid, said(st))
        if "overseas_research_years" not in out:  # research abroad counts at any time, with or without a PhD
            research = _stretch(tl, today, None, only=lambda p: p.research)
            if research and research[0].mid == st[0].mid:
                out["overseas_research_years"] = Derived(round(st[0].mid / 12, 2), said(st))
    # research "any time": posts abroad before a stay in China count too ("a 2-yr postdoc at Karolinska, back to
    # China in 2016, Melbourne since 2020")
    leave = next((m for m in reversed(tl.moves) if m.kind == "leave"), None)
    first = _stretch_start(tl, today, phd)
    if "overseas_research_years" in out and (leave is not None or first is not None):
        earlier = [p for p in _abroad_positions(tl) if p.research and (
            (leave is not None and p.pos < leave.pos) or (first is not None and p.end is not None and p.end.hi <= first.lo))]
        extra = sum((p.length.mid if p.length else Span.between(p.start, p.end).mid if p.start and p.end else 0) for p in earlier)
        if extra:
            d = out["overseas_research_years"]
            out["overseas_research_years"] = Derived(round(d.value + extra / 12, 2), d.said + "; " + "; ".join(p.words for p in earlier))
    if "overseas_work_months" in out and "overseas_months_after_phd" in out and \
            out["overseas_work_months"].value < out["overseas_months_after_phd"].value:
        out["overseas_work_months"] = out["overseas_months_after_phd"]  # work abroad since the PhD is work abroad
    fin = _stretch(tl, today, None, only=lambda p: p.finance)
    if fin:
        out["overseas_finance_months"] = Derived(fin[0].mid, said(fin))
    return out


def _post_abroad(tl: Timeline, today: dt.date) -> dict[str, Derived]:
    """The current or last post abroad and whether its employer is well known."""
    out: dict[str, Derived] = {}
    away = _current_abroad(tl)
    posts = _abroad_positions(tl)
    titled = [p for p in posts if p.title]
    ref = None
    if away is not None and away.title is None and away.org is not None:
        # "then Genentech since": the post that counts has no title we know; an earlier one is not it
        out["overseas_title"] = Derived(None, away.words)
        titled = []
    if titled:
        ref = away if (away is not None and away.title) else max(
            titled, key=lambda p: (p.current, (p.end or p.start or When(-1, -1)).lo, p.order))
        value = ref.title
        role = "current" if ref is away or ref.current else "past"
        if search(r"同时|兼任|兼职|访问|客座|几周|几个星期|" + en_words(r"also|as well|visiting|a few weeks|on the side|adjunct"), ref.words):
            role = "side"  # "this year I'm also a visiting scholar at the IMF" is not the post that counts
        if value == "senior_corporate" and ref.org is not None and ref.org.kind in ("finance", "regulator"):
            value = "senior_finance"  # a senior post at a bank, a fund or a regulator
        if value in ("senior_corporate", "other") and ref.org is not None and ref.org.kind == "intl_org" and search(
                r"管理|主任|处长|司长|负责人|官员|" + en_words(r"head|director|chief|manager|officer|coordinator|lead\w*"), ref.words):
            value = "intl_org_manager"  # a manager at the WHO, the World Bank, the UN
        out["overseas_title"] = Derived(value, ref.words, role=role)
    ref = away or ref
    for p in ([ref] if ref else []) + posts:
        if p.org is not None and p.org.abroad and p.org.renowned:
            out["overseas_employer_renowned"] = Derived(True, p.words)
            break
        if p is ref and p.org is not None:
            break  # the post that counts is at an employer outside our lists: leave it to the user
    return out


def _employer(tl: Timeline, today: dt.date) -> dict[str, Derived]:
    """The Chinese employer: the one being joined, else the one worked for now, else one's own company."""
    out: dict[str, Derived] = {}
    tgt = tl.targets[0] if tl.targets else None
    china = _current_china(tl)
    founding = next((f for f in tl.foundings if not f.abroad), None)
    if tgt is not None:
        kind, region, words, role = tgt.employer_type, tgt.region, tgt.words, "target"
    elif china is not None:
        kind, region, words, role = china.employer_type, china.region, china.words, "current"
    elif founding is not None:
        kind, region, words, role = "company", founding.region, founding.words, "company"
    else:
        kind = region = words = None
        role = ""
    if kind:
        out["employer_type"] = Derived(kind, words, role=role)
    if region:
        out["employer_region"] = Derived(region, words, role=role)
    if china is not None and tgt is None and not kind:
        out["employer_type"] = Derived(None, china.words, role="current")  # a clause's guess about the current one
    if founding is not None and founding.when is not None:
        span = Span.between(founding.when, When.of(today))
        out["company_age_years"] = Derived(round(span.mid / 12, 2), f"{founding.words} ({founding.when.text()} → {span.text()} months)")
    return out
