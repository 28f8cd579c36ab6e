"""Program names in free text: masked before facts are read, and read as program ids when a user
names programs they were selected into.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..eligibility.rules import rulebook
from .text import en_words, search

# program names: masked before facts are read ("海聚工程" is no engineering, "创业人才项目" no founder)
PROGRAM_NAME = re.compile(
    r"(?:北京市?|首都|国家)?(?:海外高层次人才引进计划|千人计划|海聚工程|海聚计划|海聚|海智(?:工作)?基地|外专千人|青年千人|青千)"
    r"(?:的)?(?:(?:青年|创业人才|创新人才|创业团队|创业|创新|外专长期|外专短期|外专|外国专家|短期|长期|全职工作|全职|文化艺术人才|文化艺术"
    r"|新疆西藏|顶尖人才与创新团队|顶尖人才|顶尖|重点领域)(?:人才)?(?:项目|类|计划)?)?(?:项目|类|计划)?"
    r"|(?:北京市)?外国专家(?:项目|计划|政策)|北京市外国专家"
    r"|(?:青年|创业人才|创新人才长期|创新人才短期|创新人才|创业团队|创业|外专长期|外专短期|外专|外国专家|短期|长期|全职工作|全职"
    r"|文化艺术人才|文化艺术|新疆西藏|顶尖人才与创新团队|顶尖人才)(?:人才)?(?:项目|类)"
    r"|" + en_words(r"(?:the )?(?:young |youth )?thousand[- ]talents?(?: plan| program(?:me)?| project| scheme)?"
              r"|(?:the )?haiju(?: program(?:me)?| project| plan| scheme)?|qianren"
              r"|(?:young|youth|entrepreneur(?:ship)?|startup|start-up|innovation|foreign experts?|short[- ]term"
              r"|long[- ]term|full[- ]time|top talent|culture(?: and| &) arts?|arts|xinjiang(?: and| &) tibet"
              r"|startup team|key field|young talent)s?(?: talents?)? (?:program(?:me)?|project|track|category"
              r"|plan|scheme|funding)"))


def _pattern(zh: str, en: str) -> str:
    return "|".join(([zh] if zh else []) + ([en_words(en)] if en else []))


@lru_cache(maxsize=1)
def families() -> list[tuple[str, re.Pattern]]:
    """(family, pattern naming it), in the rules' mention_rank order."""
    fams = sorted((f for f in rulebook().families.values() if f.mention_rank), key=lambda f: f.mention_rank)
    return [(f.id, re.compile(_pattern(f.mention_zh, f.mention_en))) for f in fams]


@lru_cache(maxsize=1)
def family_mentions() -> dict[str, list[tuple[str, str]]]:
    """family -> [(program id, pattern naming it within the family)], tried in order."""
    return {f.id: [(m["program"], _pattern(m.get("zh", ""), m.get("en", ""))) for m in f.mentions]
            for f in rulebook().families.values() if f.mentions}


_PROG_SPLIT = re.compile(r"[、,，;；/&]|以及|还有|和|及|与|" + en_words(r"and|as well as|plus"))


def programs(text: str) -> list[str]:
    """Program ids named in `text` ("海聚工程外专长期项目", "青年千人和海聚创业类")."""
    out: list[str] = []
    family = None
    for item in _PROG_SPLIT.split(text):
        fam = None
        for name, rx in families():
            if rx.search(item):
                fam = name
                # "北京市外国专家 海聚 长期项目" is the Haiju project, unless it speaks of the subsidy
                if name == "bjfe" and search(family_mentions()["bjfe"][0][1], item) and not search(r"待遇|补助|subsid", item):
                    fam = "haiju"
                break
        if fam is None and family and search(r"项目|类|计划|" + en_words(r"program|project|track|category"), item):
            fam = family
        if fam is None:
            continue
        family = fam
        for pid, p in family_mentions()[fam]:
            if search(p, item):
                if pid not in out:
                    out.append(pid)
                break
    return out
