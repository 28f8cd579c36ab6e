"""Whose fact a clause states and how: negation, future vs past, third parties, hypotheticals.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .intent import is_question
from .text import en_words, match_at, search

FUTURE = re.compile(r"打算|计划|准备|将会|将|愿意|承诺|保证|可以|能够|能|想要|想|要|会|拟|" + en_words(
    r"will|would|can|could|plan|plans|planning|intend|intending|commit|committed|willing|going to|agree|promise"
    r"|able to|ready to|prepared to|expect to|want to|hope to|'ll"))


PAST = re.compile(r"了|已经|已|过|曾|" + en_words(r"have been|has been|'ve been|was|were|did|worked|lived|spent|since|for the past|so far"))


NEG_ZH = re.compile(r"没有|没|無|无|未|不|非|从未|尚未|并非|别")


NEG_ZH_STRIP = re.compile(r"是不是|有没有|能不能|会不会|要不要|可不可以|是否|不仅|不但|不错|不少|不同|不久|不过|不到|不超过|不满|不足"
                          r"|不低于|不少于|非常|无论|并不是说|不管|没想到|差不多|不一定|不清楚|不确定|不知道|不太清楚")


NEG_EN = re.compile(en_words(r"not|never|no|none|neither|nor|without|non|n't") + r"|n't(?![a-z])")


NEG_EN_STRIP = re.compile(en_words(r"not only|no longer than|not more than|not less than|no more than|no less than|not sure"
                              r"|no idea|not yet sure|nothing but"))


PERSONAL = {"academy_member", "awards", "overseas_title", "degree", "nationality", "is_founder", "degree_abroad"}


THIRD_PARTY = re.compile(r"导师|老师|父亲|母亲|爸爸|妈妈|太太|妻子|丈夫|爱人|老公|老婆|同事|合作者|老板|上司|朋友|学生|孩子|儿子|女儿|他|她|" + en_words(
    r"advisor|adviser|supervisor|mentor|colleagues?|father|mother|dad|mom|wife|husband|spouse|boss|friends?|students?"
    r"|son|daughter|he|she|his|her|they|their|co-?author"))


# facts a question clause may still state ("45岁还能申请吗？" is about the user)
NOT_HYPO = {"age", "birth_year", "birth_month", "selected_programs", "prior_applications", "annual_salary_cny"}


REQUIRE = re.compile(r"要求|需要|必须|才能|才可以|要不要|是否要|得是|够不够|算不算|能算|能不能算|可以算|限制|" + en_words(
    r"need|needs|require\w*|must|have to|has to|enough|sufficient|count as|qualif\w+|limit|exempt|allowed|policy|policies"))


FIRST_PERSON = re.compile(r"我|本人|" + en_words(r"i|i'm|i've|i'd|i'll|my|me|mine|myself"))


def hypothetical(clause: str) -> bool:
    """A question about the rules: a question clause that names no "I", or asks what is required."""
    if not is_question(clause):
        return False
    return bool(REQUIRE.search(clause)) or not FIRST_PERSON.search(clause)


# -- masking what is not the applicant's present fact --------------------------------------------------
# Before any fact is read, the clauses that state nothing about the applicant are blanked (same length,
# so every position still points into the original): a third party's clause ("我爱人是美国籍") and a
# hypothetical ("如果明年签了合同", "what if I move to Xinjiang?"). The hypotheticals are kept as
# what-ifs for the conversation.

def _scope_words() -> dict:
    import tomllib
    from pathlib import Path
    return tomllib.loads((Path(__file__).parent / "vocab" / "scope.toml").read_text(encoding="utf-8"))


_SW = _scope_words()


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_THIRD_ZH = re.compile(r"^\s*" + _SW["third_party"]["lead_zh"] + r"(?:" + _alt(_SW["third_party"]["zh"]) + r")(?!们的我)")
_THIRD_EN = re.compile(r"^\s*" + _SW["third_party"]["lead_en"] + r"(?:" + _alt(_SW["third_party"]["en"]) + r")(?![a-z])")
_PRON = re.compile(r"^\s*(?:(?:而且|并且|另外|但是?|不过)\s*)?(?:" + _alt(_SW["third_party"]["pronouns_zh"]) + r")(?!们的我)|^\s*(?:(?:and|but|also|while)\s+)?(?:"
                   + _alt(_SW["third_party"]["pronouns_en"]) + r")(?![a-z])")
_PROXY = re.compile(_alt(_SW["proxy"]["zh"]) + "|" + "|".join(_SW["proxy"]["zh_patterns"]) + "|" + en_words(_alt(_SW["proxy"]["en"])))
# in a proxy's message, a clause about the writer: "我今年32岁", "I'm 32 myself"
_WRITER = re.compile(r"^\s*(?:(?:而且|另外|顺便说一下|顺便)\s*)?(?:我(?!们)|本人)|^\s*(?:(?:and|also|btw|by the way)\s*,?\s*)?"
                     r"(?:i|i'm|i've|i am|i have|my(?!\s+candidate))(?![a-z])")
_WRITER_SELF = re.compile(r"岁|博士|硕士|学位|毕业|国籍|公民|华裔|" + en_words(r"phd|degree|years? old|citizen|national|\d{2}"))
_BOT_REMARK = re.compile(r"^\s*(?:(?:and|but|also|so|ok|okay|hey)\s*,?\s*)?(?:" + en_words(_alt(_SW["bot_remark"]["en"])) + r")"
                         r"|^\s*(?:(?:而且|但是?|可是|还有)\s*)?(?:" + _alt(_SW["bot_remark"]["zh"]) + r")")
_HYPO_ZH = re.compile(_alt(_SW["hypothetical"]["zh"]) + "|" + "|".join(_SW["hypothetical"]["zh_patterns"]))
_HYPO_EN = re.compile(en_words(_alt(_SW["hypothetical"]["en"]) + "|" + "|".join(_SW["hypothetical"]["en_patterns"])))
_FACTUAL_IF = re.compile(en_words(_alt(_SW["hypothetical"]["en_factual_if"])))
_LARGEST = re.compile(r"(?:最大|第一大)(?:的)?股东(?:是|为)\s*(?:一家|一个|某|我们的|我们)?\s*(?P<who>[^，,。；;（(]{1,12})"
                      r"|(?P<who_en>[a-z][a-z -]{1,30}?)\s+(?:\(?\d+\s*%\)?\s+)?(?:holds [^,.;]{1,30}? and )?is (?:the |our )?largest shareholder")
# "一家VC基金持有40%", "the VC fund owns 40%", "my co-founder has 45%": another holder's share
_OTHER_SHARE = re.compile(r"(?P<who>[^，,。；;、\s]{0,10}?(?:基金|资本|投资方|投资人|投资机构|机构|风投|vc|合伙人|联合创始人|创始人|朋友|同学|ceo|"
                          r"老板|另一位|他|她))\s*(?:持有|持股|占股?|拥有|有|占了)\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
                          r"|(?P<who_en>(?:a|the|our|my|an|one)\s+[a-z -]{0,25}?(?:fund|vc|investors?|co-?founders?|partners?|"
                          r"ceo|founder|capital|firm|company))\s+(?:owns|holds|has|controls)\s+(?:about |around |roughly )?"
                          r"(?P<pct_en>\d+(?:\.\d+)?)\s*%")
_CLAUSE_END = re.compile(r"[。！!？?；;\n,，:：]|\.(?!\d)|\s[-–—]\s|" + en_words(r"but|however|although|though|whereas|which"))
_SENT_END = re.compile(r"[。！!？?；;\n]|\.(?!\d)")


@dataclass
class Scope:
    text: str                                   # the message with out-of-scope clauses blanked
    what_ifs: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    other_largest: str | None = None            # "person" / "entity": someone else is the largest shareholder
    not_yet_signed: bool = False                # "等合同签了再说", "once the contract is signed": it is not signed yet
    proxy: bool = False                         # the writer speaks for the applicant (HR, a colleague)
    other_shares: list[tuple[str, float]] = field(default_factory=list)  # ("person"/"entity", %) another holder has


def _other_shares(low: str) -> list[tuple[str, float]]:
    """("person"/"entity", %) for each share another holder has: "投资基金占40%", "my co-founder holds 45%"."""
    out = []
    sec = _SW["largest_other"]
    for m in _OTHER_SHARE.finditer(low[:20000]):
        who = m.group("who") or m.group("who_en") or ""
        if search(r"(?:^|\s)(?:我|本人|i|me|myself)(?:$|\s)|(?<![a-z])my own", who):
            continue
        entity = any(w.lower() in who for w in sec["entity_zh"] + sec["entity_en"])
        out.append(("entity" if entity else "person", float(m.group("pct") or m.group("pct_en"))))
    return out


def _next(ends: list[int], pos: int, default: int) -> int:
    """The first boundary at or after pos (boundaries found once per message, so many "if"s cost no more)."""
    i = bisect.bisect_left(ends, pos)
    return ends[i] if i < len(ends) else default


def _end(rx, low: str, pos: int) -> int:
    m = rx.search(low, pos)
    return m.start() if m else len(low)


def _sentence_is_question(low: str, pos: int, ends: list[int] | None = None) -> bool:
    e = _next(ends, pos, len(low)) if ends is not None else _end(_SENT_END, low, pos)
    tail = low[pos:e + 1]
    return "?" in tail or "？" in tail or bool(search(r"吗|呢|么\s*$", tail)) or bool(
        match_at(r"\s*(?:would|could|can|will|do|does|am|is|are)\s", low[max(0, pos - 60):pos].split(".")[-1] + " "))


_ANY_CUE = re.compile("|".join([_alt(_SW["third_party"]["zh"]), en_words(_alt(_SW["third_party"]["en"])),
                                 en_words(_alt(_SW["bot_remark"]["en"])), _alt(_SW["bot_remark"]["zh"]),
                                 r"(?<!其)他(?!们)|她", en_words(_alt(_SW["third_party"]["pronouns_en"])),  # 其他 is no pronoun
                                 _alt(_SW["hypothetical"]["zh"]),
                                 en_words(_alt(_SW["hypothetical"]["en"])), "|".join(_SW["hypothetical"]["zh_patterns"]),
                                 "|".join(_SW["hypothetical"]["en_patterns"]), r"股东|shareholder"]))


def scope(low: str, proxy: bool = False) -> Scope:
    """Blank third parties' clauses and hypotheticals; keep the what-ifs. `proxy`: the writer was already known
    to speak for the applicant (an earlier message of the conversation)."""
    shares = _other_shares(low) if ("%" in low or "％" in low) else []
    proxy = proxy or bool(_PROXY.search(low))
    if not proxy and not _ANY_CUE.search(low):
        return Scope(low, other_shares=shares)  # nobody else and no supposition named: the whole message is the applicant's
    chars = list(low)
    out = Scope(low, other_shares=shares, proxy=proxy)
    blank: list[tuple[int, int]] = []
    seps = list(_CLAUSE_END.finditer(low))
    clause_ends = [m.start() for m in seps]
    sent_ends = [m.start() for m in _SENT_END.finditer(low)]
    for cs in ([0] + [m.end() for m in seps])[:400]:  # a message has a few dozen clauses, not thousands
        head = low[cs:cs + 40]
        # for a proxy "he"/"she" is the applicant, and the writer's own clauses are someone else's
        m = _BOT_REMARK.match(head) or _THIRD_ZH.match(head) or _THIRD_EN.match(head) or (_PRON.match(head) if not proxy else (
            # the writer's own age, degree or nationality; the writer's employer is the one recruiting, so it stays
            _WRITER.match(head) if _WRITER_SELF.search(low[cs:_next(clause_ends, cs + 1, len(low))]) else None))
        if m and proxy and search(r"他|她|候选人|这位|该|" + en_words(r"he|she|his|her|candidate|them"), low[cs:_next(clause_ends, cs + 1, len(low))]):
            m = None  # "我们拟引进一位…专家，他62岁": about the applicant
        if m and not match_at(r"\s*(?:和|与|跟|及|and|&)\s*(?:我|i)(?![a-z])", head[m.end():]):
            ce = _next(clause_ends, cs + m.end(), len(low))
            tp = _SW["third_party"]
            if any(w in m.group() for w in tp["ancestry_people"]) and "in-law" not in m.group() \
                    and (any(w in low[cs:ce] for w in tp["ancestry_words"]) or re.search(
                        r"是[\u4e00-\u9fff]{1,4}人|血缘|血统|" + en_words(r"descent|ancestry|origin|are (?:both )?[a-z]+ian|are (?:both )?[a-z]+ese"),
                        low[cs:ce])):
                continue  # the parents' origin is the applicant's descent
            # the clauses after it in the same sentence, until someone else is the subject, are still about that
            # person: "我爱人是中国公民，目前在深圳的一家科技公司工作", "my wife is Chinese, and she's a professor…"
            sent_end = _next(sent_ends, cs + m.end(), len(low))
            while ce < sent_end:
                nxt = next((x for x in seps if x.start() >= ce), None)
                start = nxt.end() if nxt else ce
                nxt_end = _next(clause_ends, start, len(low))
                clause = low[start:nxt_end]
                if start >= sent_end or re.search(r"我|本人|(?<![a-z])(?:i|i'm|i've|my|me)(?![a-z])", clause):
                    break  # the applicant is the subject again
                if re.match(r"[a-z]", clause.strip()[:1] or "x") and not re.match(
                        r"\s*(?:(?:and|but|also|then)\s+)?(?:she|he|they|her|his|their|who|founded|runs|works|is|was|has|holds"
                        r"|got|won|started|lives|moved|[a-z]+\s*$|[a-z]+\s*,)", low[start:start + 14]):
                    break  # an English clause with a subject of its own
                # a Chinese clause without a subject goes on with the person before: "…，他是第一大股东，公司成立三年了"
                ce = _next(clause_ends, start, len(low))
            blank.append((cs, ce))
            out.third_party.append(low[cs:ce].strip())
            if search(r"(?:第一大|最大(?:的)?)股东|" + en_words(r"(?:the )?(?:largest|biggest|majority) shareholder"), low[cs:ce]) \
                    and search(r"我(?:占|持股|持有|的股份)|我们(?:的)?公司|一起创|合伙创|" + en_words(
                        r"i own|i hold|my (?:share|stake|equity)|our (?:company|startup|firm)|we (?:founded|started|co-?founded)"), low):
                out.other_largest = out.other_largest or "person"  # "他是第一大股东" of the company the applicant shares
    for rx in (_HYPO_ZH, _HYPO_EN):
        for m in itertools.islice(rx.finditer(low), 40):  # a message states a handful of what-ifs, not hundreds
            s = m.start()
            if rx is _HYPO_EN and _FACTUAL_IF.match(low, s):
                continue
            if rx is _HYPO_ZH and match_at(r"如果(?:需要|可以|方便|有需要|有必要|有问题|可能|不介意)|要是能|假设条件", low[s:s + 6]):
                continue
            end = _next(sent_ends, s, len(low)) if _sentence_is_question(low, s, sent_ends) else _next(clause_ends, s + len(m.group()), len(low))
            # an English "if" clause at the end of a question ("would I qualify if I took …") runs to its end;
            # one at the start of a statement runs to its comma
            blank.append((s, end))
            out.what_ifs.append(low[s:end].strip())
            if re.match(r"等|once|after", m.group()) and re.search(r"合同|协议|意向书|" + en_words(r"contract|letter of intent|offer"), low[s:end]):
                out.not_yet_signed = True
    for m in _LARGEST.finditer(low):
        who = (m.group("who") or m.group("who_en") or "").strip()
        if match_at(r"(?:我|本人|i|me|myself)(?![a-z])", who) or search(r"(?<![a-z])(?:i|my)(?![a-z])", who):
            continue
        sec = _SW["largest_other"]
        if search(r"个人|自然人|[王李张刘陈杨赵黄周吴]总|先生|女士|" + en_words(r"individual|person|mr|ms|mrs|dr"), low[m.start():m.end() + 12]):
            out.other_largest = "person"  # "天使投资人王总（个人，31%）"
        elif any(w.lower() in who for w in sec["entity_zh"] + sec["entity_en"]):
            out.other_largest = "entity"
        elif any(w.lower() in who for w in sec["person_zh"] + sec["person_en"]) or search(r"(?:our|the|my)\s", who):
            out.other_largest = "person"
    for s, e in blank:
        for i in range(s, min(e, len(chars))):
            chars[i] = " "
    out.text = "".join(chars)
    return out
