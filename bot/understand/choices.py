"""Choice facts (field, title, employer type …): the words that name each option, and the region of
the Chinese employer.
"""
from __future__ import annotations

import re

from ..eligibility.facts import facts
from .text import en_words, find_all, search
from .vocab import BEIJING_UNIV, CITY_OTHER_EN, CITY_OTHER_ZH, vocab_list


def _expand(fragment: str) -> str:
    """'@chinese_universities.zh' stands for that vocabulary list (bot/understand/vocab)."""
    return re.sub(r"@([a-z_]+)\.([a-z_]+)", lambda m: vocab_list(m.group(1), m.group(2)), fragment)


def _pattern(entry: dict) -> str:
    zh, en = entry.get("zh", ""), entry.get("en", "")
    parts = ([_expand(zh)] if zh else []) + ([en_words(_expand(en))] if en else [])
    return "|".join(parts)


def says(fact: str, answers: bool = True) -> list[tuple[str, str]]:
    """(value, pattern) for each way of naming an option of `fact` (facts.toml `say`), in order;
    answers=False leaves out the words that only answer the question (其他, "none")."""
    return [(e["value"], _pattern(e)) for e in facts().get(fact, {}).get("say", [])
            if answers or not e.get("answer_only")]


_FIELD_PATS = says("field", answers=False)


FIELD_RX = [(v, re.compile(p)) for v, p in _FIELD_PATS]


def _title_pats() -> list[tuple[str, str]]:
    pats = dict(says("overseas_title", answers=False))
    return [(v, pats[v]) for v in facts()["overseas_title"]["scan_order"]]


_TITLE_PATS = _title_pats()


TITLE_RX = [(v, re.compile(p)) for v, p in _TITLE_PATS]


def region_value(text: str, asked: bool = False):
    if search(r"北京|来京|在京|进京|京内|海淀|朝阳区|东城|西城|丰台|石景山|通州|顺义|昌平|大兴|房山|门头沟|怀柔|平谷|密云|延庆|中关村|亦庄|望京|"
          + en_words(r"beijing|haidian|zhongguancun|chaoyang district") + "|" + BEIJING_UNIV.pattern, text):
        return "beijing"
    if search(r"新疆|乌鲁木齐|" + en_words(r"xinjiang|urumqi"), text):
        return "xinjiang"
    if search(r"西藏|拉萨|" + en_words(r"tibet|lhasa"), text):
        return "tibet"
    if search(CITY_OTHER_ZH + "|" + CITY_OTHER_EN, text):
        return "other"
    if asked and search(r"其他|其它|别处|别的|" + en_words(r"other|another|somewhere else"), text):
        return "other"
    return None


_CHOICE_SYN: dict[str, list[tuple[str, str]]] = {f: says(f) for f, e in facts().items() if "say" in e}


def choice_value(fact: str, text: str, strict: bool = False):
    """The option `text` names for a choice fact (first one found, in list order)."""
    syn = _CHOICE_SYN.get(fact)
    if fact == "employer_region":
        return region_value(text, asked=not strict)
    if fact == "product_stage":
        # the later stage wins when a message mentions two: "研发完成，已经量产"
        for v, p in reversed(syn):
            if search(p, text) and not (v == "research" and search(r"研发完|" + en_words("after r&d"), text)):
                if v == "industrialized" and search(r"(?:没|未|还没|尚未)(?:有)?(?:量产|产业化)|" + en_words(r"not (?:yet )?(?:in )?mass"), text):
                    continue
                return v
        return None
    if syn is None:
        return None
    for v, p in syn:
        if strict and v == "none":
            continue
        if strict and fact == "employer_type" and v == "company" and not search(
                r"企业|公司|民企|私企|国企|外企|" + en_words(r"company|startup|start-up|enterprise|firm|corporation|biotech|fintech|pharma|medtech"), text):
            continue
        for m in find_all(p, text):
            # "不是博士，是硕士", "I didn't finish college": a negated option is not the answer
            if v != "none" and search(r"(?:不是|不算|没有|没|未|非|" + en_words(r"not|didn't|did not|never|no") + r")[^,，.。;；]{0,8}$",
                                   text[max(0, m.start() - 14):m.start()]):
                continue
            return v
    return None
