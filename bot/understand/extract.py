"""Facts from what an applicant types, in Chinese or English (SPEC section 4).

`extract(text, asking)` reads one chat message and returns the profile facts it
states, the facts the user declines to give, whether it asks something and
whether it corrects an earlier answer. Pure functions, no frontend, no I/O:
rule-based (regular expressions over a normalised copy of the text), so it is
fast (well under 2 ms for a typical message) and predictable.

How a message is read
- Numbers: Arabic digits, Chinese numerals (三十四, 两千, 一九八五, 一年半) and
  English number words (thirty-four, a year and a half). Chinese numerals are
  parsed by a small own parser; cn2an is imported only for forms it does not
  cover (e.g. 亿).
- Every fact a free sentence states is taken, several per message; a duration
  is assigned to a fact by its context (每年…个月 → months per year, 连续…年 →
  consecutive years, 公司成立…年 → company age, 博士毕业后… → months after the
  PhD, 在国内… → years in China, 在海外工作… → months abroad).
- `asking` is the fact the bot just asked: a short answer ("是", "no", "34",
  "4 years", "三成", "15万") is read against it, converting units to the fact's.
- Negation ("没有海外创业经验", "I'm not a founder") turns a yes/no fact False.
- A clause that asks about the rules ("外籍人士能申请吗？", "Do I need to be a
  professor?") states nothing about the user; an opening that both tells and
  asks ("我34岁，能申请青年项目吗？") gives its facts and is_question.
- Approximations read conservatively: "不到三年" / "less than 3 years" → 35
  months, "两年多" → 2, "快40了" → 39; a monthly salary is multiplied by 12.
- Corrections ("不对，我是41岁", "change my age to 39"): the value after the
  correction wins.
- Values are never range-checked here ("我200岁" gives age 200): the caller
  validates against the Profile and tells the user.
- Never raises: anything unexpected yields an empty Extraction; only the first
  2,000 characters are read.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..eligibility.facts import kind
from .answers import answer, find_fact_label_numbers
from .application import find_contract, find_flags, find_prior, find_selected
from .career import (
    find_employer,
    find_employer_renowned,
    find_fulltime,
    find_intl_mgmt,
    find_never_in_china,
    find_title,
)
from .company import (
    find_company_year,
    find_equity,
    find_founding,
    find_shareholding,
    find_stage,
)
from .durations import classify_durations, durations
from .intent import CORR, DECL, DECL_FACT, is_question
from .message import Message
from .money import find_salary
from .numbers import MONTH_EN, MONTHS_EN, ZNUM, parse_number
from .person import (
    DEG_RANK,
    FIELD_CUE,
    find_academy,
    find_age,
    find_age_range,
    find_awards,
    find_birth,
    find_degree,
    find_degree_place,
    find_ethnic,
    find_field,
    find_nationality,
)
from . import timeline
from .scope import scope
from .text import defuse, en_words, full_match, normalize, search

__all__ = ["Extraction", "extract", "parse_number"]


@dataclass
class Extraction:
    facts: dict[str, object] = field(default_factory=dict)
    declined: list[str] = field(default_factory=list)
    is_question: bool = False
    correction: bool = False
    # per fact: (the user's words that set it, "stated" | "derived" | "assumed")
    provenance: dict[str, tuple[str, str]] = field(default_factory=dict)
    what_ifs: list[str] = field(default_factory=list)     # hypotheticals: they set nothing
    # what a fact is about, where it matters across turns: the employer being joined ("target") or the one worked
    # for now ("current"); the title of the current post, a past one or a side visit
    roles: dict[str, str] = field(default_factory=dict)
    third_party: list[str] = field(default_factory=list)  # clauses about someone else
    other_shares: list[tuple[str, float]] = field(default_factory=list)  # ("person"/"entity", %) another holder has
    proxy: bool = False  # the writer speaks for the applicant


def _finalize(msg: Message, correction: bool, where: dict | None = None) -> dict:
    out: dict[str, object] = {}
    where = {} if where is None else where
    for fact, items in msg.found.items():
        where[fact] = min(it[0] for it in items)
        if fact == "degree":
            best = max(items, key=lambda it: (DEG_RANK[it[2]], it[1]))
            if correction:
                best = max(items, key=lambda it: it[0])
            out[fact], where[fact] = best[2], best[0]
            continue
        if fact == "overseas_title":
            if correction:
                best = max(items, key=lambda it: it[0])
            else:
                # current position cue wins; otherwise the highest-ranked position named
                best = max(items, key=lambda it: (it[1], -it[0]))
            out[fact], where[fact] = best[2], best[0]
            continue
        if fact in ("awards", "selected_programs"):
            merged: list = []
            for _, _, v in sorted(items, key=lambda it: it[0]):
                for x in v:
                    if x not in merged:
                        merged.append(x)
            out[fact] = merged
            continue
        if correction:
            chosen = max(items, key=lambda it: (it[1] >= 0, it[0]))
        else:
            chosen = min(items, key=lambda it: (-it[1], it[0]))
        out[fact], where[fact] = chosen[2], chosen[0]
    return out


def _coerce(fact: str, value):
    if isinstance(value, (bool, str, list)) or value is None:
        return value
    if kind(fact) in ("int", "months"):  # the Profile types these as int
        return int(round(value))
    if isinstance(value, (int, float)):
        return float(value) if kind(fact) in ("years", "number", "percent", "money") else value
    return value


def extract(text: str, asking: str | None = None, today: dt.date | None = None, proxy: bool = False) -> Extraction:
    """The facts, declines, question and correction flags of one message. `proxy`: the writer is known to speak
    for the applicant (HR, a colleague)."""
    try:
        return _extract(text, asking, today or dt.date.today(), proxy)
    except Exception:  # never let a message break the conversation
        return Extraction()


def _extract(text, asking, today, proxy=False) -> Extraction:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    low = normalize(text)
    res = Extraction()
    if not low:
        return res
    sc = scope(low, proxy)  # third parties' clauses and hypotheticals are blanked before anything is read
    res.what_ifs, res.third_party, res.other_shares, res.proxy = sc.what_ifs, sc.third_party, sc.other_shares, sc.proxy
    msg = Message(defuse(sc.text), today, sc.proxy)
    res.is_question = is_question(low)
    res.correction = msg.correction = bool(CORR.search(low))

    find_age(msg)
    find_age_range(msg)
    find_birth(msg)
    find_equity(msg)
    find_salary(msg)
    find_prior(msg)
    classify_durations(msg, [d for d in durations(msg.low) if not msg.used(d.start, d.end)])
    find_company_year(msg)
    find_nationality(msg)
    find_ethnic(msg)
    find_degree(msg)
    find_degree_place(msg)
    find_field(msg)
    find_title(msg)
    find_employer_renowned(msg)
    find_intl_mgmt(msg)
    find_founding(msg)
    find_shareholding(msg)
    find_employer(msg)
    find_stage(msg)
    find_awards(msg)
    find_academy(msg)
    find_contract(msg)
    find_fulltime(msg)
    find_never_in_china(msg)
    find_flags(msg)
    find_selected(msg)
    find_fact_label_numbers(msg)
    from .org import (
        find_org,  # the org_* facts of an institution applying for a Haizhi base
    )

    find_org(msg, asking)

    where: dict[str, int] = {}
    facts = _finalize(msg, res.correction, where)
    prov = {f: (msg.notes.get((f, pos)) or _words(msg, pos), msg.hows.get((f, pos), "stated")) for f, pos in where.items()}
    if not (asking and len(low) <= 12 and not search(_TIME_CUE, low)):
        # a short answer to the pending question ("高校", "否", "助理教授") has no career in it to lay out
        _merge_timeline(msg, facts, prov, sc, where, res.roles)
    if asking:
        # a reply is read against the pending question only when it can be one: "BIT is a university by the way, not a
        # research institute" is no "none" for the degree, "check the Haiju short-term project please" no selection
        long_text = len(low) > 60 or (len(low) > 30 and res.is_question) or (res.is_question and len(low) > 8 and kind(asking) in (
            "int", "years", "months", "number")) or (
            asking == "selected_programs" and search(r"check|please|assess|look at|看看|帮我|评估|查一下", low))
        if len(facts) >= 2 and len(low) > 24 and not _names_fact(asking, low):
            long_text = True  # a message telling its own facts answers the pending question only by naming it
        if asking not in facts and not long_text:
            # a sentence that states other facts ("I don't work in China, and I haven't signed anything") is not a
            # bare "no" or number for the pending question
            ans = answer(msg, asking)
            if asking == "awards" and "awards" in msg.found:  # read by the detector in asked mode ("图灵")
                ans = _finalize(msg, res.correction)["awards"]
            off_topic = asking == "degree" and ans == "none" and search(r"大学|研究所|研究院|公司|" + en_words(
                r"university|institute|company|employer"), low) and not search(r"学位|毕业|读|上过|" + en_words(
                r"degree|graduat\w*|college|finish\w*|attend\w*|go to|went to|never|didn.t|don.t have"), low)
            # "我目前没有在国内全职工作…" or "合同还没签" states its own fact: its 没 is no "no" to the pending question,
            # unless the reply opens with its answer ("没有，合同也没签") or names what was asked
            # (a yes/no question; "我还没回国" to "how many years in China" does answer 0)
            own_negation = facts and ans in (False, 0, "none") and (len(low) > 12 or kind(asking) == "bool" and not (
                search(r"^(?:是的?|对|有|没有|没|不是|否|不|无|" + en_words(r"yes|no|nope") + ")", low)
                or _names_fact(asking, low)))
            if ans is not None and not off_topic and not own_negation:
                facts[asking] = ans
        if asking in ("age", "birth_year", "birth_month") and "age" not in facts:
            # a date of birth given instead of an age: 1988年5月, 1988.5, May 1988
            m = search(rf"(?<!\d)(19\d\d|20\d\d)\s*(?:年|[./-])\s*(\d{{1,2}}|{ZNUM})\s*(?:月)?", low) \
                or search(rf"({MONTH_EN})\.?,?\s+(19\d\d|20\d\d)", low)
            if m and m.group(1)[0].isdigit():
                facts.setdefault("birth_year", int(m.group(1)))
                mv = parse_number(m.group(2), concat=False)
                if mv is not None:
                    facts.setdefault("birth_month", int(mv))
            elif m:
                facts.setdefault("birth_year", int(m.group(2)))
                facts.setdefault("birth_month", MONTHS_EN[m.group(1)])
            elif asking == "age" and "birth_year" not in facts:
                m = full_match(r"\s*(?:born in\s*)?(19\d\d|20\d\d)\s*(?:年)?\s*(?:出生|生)?\s*", low)
                if m:
                    facts["birth_year"] = int(m.group(1))
        if asking not in facts:
            m = DECL.search(low)
            if m:
                cs, ce = msg.clause(m.start())
                short = (ce - cs) <= (m.end() - m.start()) + 6
                if short or not res.is_question:
                    res.declined = [asking]
    else:
        m = DECL.search(low)
        if m:
            clause = msg.ctext(m.start())
            for fact, p in DECL_FACT:
                if search(p, clause) and fact not in facts:
                    res.declined.append(fact)
                    break
    if asking and asking != "field" and "field" in facts and not search(FIELD_CUE, low):
        del facts["field"]  # "银行" answering the employer question says nothing of one's own field
    res.facts = {f: _coerce(f, v) for f, v in facts.items()}
    res.provenance = {f: prov.get(f, (low[:200], "stated")) for f in res.facts}
    return res


# what makes a short answer worth laying out on the timeline: a date, a move, a post somewhere ("四年" is not)
_TIME_CUE = r"(?:19|20)\d\d|\d\d\s*年|年\s*\d|\d\s*月|至今|以来|回国|回来|以前|之前|since|ago|back|until|left|joined|then|[a-z]{4,} (?:at|in) "


# the durations a career told over several messages decides; titles and employers stay with the message that said them
_STORY_FACTS = ("overseas_months_after_phd", "overseas_work_months", "overseas_research_years", "overseas_finance_months",
                "years_in_china", "company_age_years")
_STORY_CUE = r"(?:19|20)\d\d|\d\d\s*年|\d\s*月|以来|至今|回国|回来|毕业|博士|博后|入职|加入|" + en_words(
    r"since|phd|postdoc|graduated|joined|moved|returned|came back|before that|after that|then|founded|registered")


def weigh_other_shares(ex: Extraction, known: dict, text: str) -> None:
    """Another holder's share said now against the applicant's share said before: more than it means the
    applicant is not the largest shareholder (a person's: not the largest individual one either)."""
    mine = known.get("equity_percent")
    if not ex.other_shares or mine is None or "equity_percent" in ex.facts:
        return
    for kind, pct in ex.other_shares:
        if pct > mine:
            facts = ["largest_shareholder"] + (["largest_natural_person_shareholder"] if kind == "person" else [])
            for f in facts:
                ex.facts.setdefault(f, False)
                ex.provenance.setdefault(f, (text[:120], "derived"))


def search_story_cue(text: str) -> bool:
    return bool(search(_STORY_CUE, text[:1500].lower()))


def story(texts: list[str], today: dt.date, correction: bool = False) -> dict[str, tuple[object, str]]:
    """Durations from the messages of a conversation read as one career (each message's third parties and
    hypotheticals blanked first); with a correction, the later of two degrees of a kind stands."""
    try:
        parts = [scope(normalize(t)).text for t in texts if t]
        low = "。\n".join(p.strip() for p in parts if p.strip())
        msg = Message(low, today)
        tl = timeline.read(msg.low, today, skip=msg.hypo, cut_text=msg.raw)
        if correction:
            tl.educations.reverse()  # "不对，博士是2020年3月": the degree said last
        derived = timeline.derive(tl, today, msg.has_phd)
    except Exception:
        return {}
    return {f: (d.value, d.said[:300]) for f, d in derived.items() if f in _STORY_FACTS and d.value is not None}


def _names_fact(fact: str, low: str) -> bool:
    """The message names the fact or one of its options: its label's words, its options' labels."""
    from ..eligibility.facts import label, options
    words = [label(fact, "zh"), label(fact, "en").lower()] + [l.lower() for lang in ("zh", "en") for _, l in options(fact, lang)]
    for w in words:
        if any(w[i:i + 2] in low for i in range(len(w) - 1)) if not w.isascii() else any(
                len(t) >= 4 and t in low for t in w.split()):
            return True
    return False


def _words(msg: Message, pos: int) -> str:
    s, e = msg.clause(pos)
    return msg.raw[s:e].strip()[:200]


_NOW_TITLE = re.compile(r"现在|目前|如今|现任|当前|" + en_words(r"now|currently|at present|these days"))


def _merge_timeline(msg: Message, facts: dict, prov: dict, sc, where: dict, roles: dict) -> None:
    """Facts from the career timeline replace what a single clause suggested; the rest stay."""
    tl = timeline.read(msg.low, msg.today, skip=msg.hypo, cut_text=msg.raw)
    derived = timeline.derive(tl, msg.today, msg.has_phd)
    for f in ("employer_type", "employer_region"):
        # an employer read from a post in China that is over is not the one the applicant joins
        if f in facts and f not in derived and any(a <= where.get(f, -1) < b for a, b in timeline.past_china_spans(tl)):
            del facts[f]
    for f, d in derived.items():  # what the timeline decides (timeline.derive) replaces a clause's guess
        if d.role:
            roles[f] = d.role
        if d.value is None:
            facts.pop(f, None)  # the timeline knows the value is not the one a clause suggested
            continue
        if f == "degree" and f in facts and DEG_RANK.get(facts[f], 0) > DEG_RANK.get(d.value, 0):
            continue  # a higher degree said elsewhere ("博后" implies a doctorate)
        if f == "overseas_title" and d.value == "postdoc" and f in facts and facts[f] != d.value \
                and _NOW_TITLE.search(msg.low[max(0, where.get(f, 0) - 8):where.get(f, 0) + 1]):
            continue  # "一直在剑桥做博后，现在是课题组长": the post said to be now wins over one the timeline thinks ongoing
        facts[f] = d.value
        prov[f] = (d.said[:300], d.how)
    if "degree" not in facts and any(p.title == "postdoc" for p in tl.positions):
        facts["degree"] = "phd"
        prov["degree"] = (next(p.words for p in tl.positions if p.title == "postdoc"), "assumed")
    if sc.not_yet_signed and "has_contract" not in facts:  # "等北理工的合同签了再说": not signed yet
        facts["has_contract"] = False
        prov["has_contract"] = (next(w for w in sc.what_ifs if w), "derived")
    mine = facts.get("equity_percent")
    for kind, pct in sc.other_shares:  # "我占25%，投资基金占40%": someone holds more than the applicant
        if pct > 50 or (mine is not None and pct > mine):
            sc.other_largest = "person" if kind == "person" or sc.other_largest == "person" else "entity"
    if sc.other_largest:  # "our CEO is the largest shareholder", "最大股东是一家基金"
        facts["largest_shareholder"] = False
        prov["largest_shareholder"] = ("; ".join(sc.third_party) or "largest shareholder", "derived")
        if sc.other_largest == "person":
            facts["largest_natural_person_shareholder"] = False
            prov["largest_natural_person_shareholder"] = prov["largest_shareholder"]
