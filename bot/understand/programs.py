"""Program names in free text: masked before facts are read, and read as program ids when a user
names programs they were selected into.
"""
from __future__ import annotations

import re

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


_PROG_FAMILY = [
    ("qianren", re.compile(r"千人计划|千人|海外高层次人才引进计划|海外高层次人才|青千|" + en_words(r"thousand[- ]talents?|qianren|national (?:overseas )?high[- ]level talent"))),
    ("haiju", re.compile(r"海聚|" + en_words(r"haiju|beijing overseas talents"))),
    ("bjfe", re.compile(r"北京市?外国专家|" + en_words(r"beijing foreign experts?"))),
]


PROG_SUB = {
    "qianren": [("youth", r"青年|青千|" + en_words(r"young|youth")), ("entrepreneur", r"创业|" + en_words(r"entrepreneur\w*|startup")),
                ("foreign_expert", r"外专|外国专家|" + en_words(r"foreign experts?")), ("top_talent", r"顶尖|创新团队|" + en_words(r"top talent|innovation team")),
                ("xinjiang_tibet", r"新疆|西藏|" + en_words(r"xinjiang|tibet")), ("culture_arts", r"文化艺术|" + en_words(r"culture|arts?")),
                ("innovation_short", r"短期|" + en_words(r"short[- ]term|short")), ("innovation_long", r"长期|创新人才|" + en_words(r"long[- ]term|long|innovation"))],
    "haiju": [("foreign_long", r"外专长期|外国专家长期|长期外专|" + en_words(r"foreign (?:experts? )?(?:program )?long|long[- ]term foreign")),
              ("foreign_short", r"外专短期|外国专家短期|短期外专|" + en_words(r"foreign (?:experts? )?(?:program )?short|short[- ]term foreign")),
              ("startup_team", r"创业团队|" + en_words(r"startup team|team")), ("entrepreneur", r"创业|" + en_words(r"entrepreneur\w*|startup")),
              ("youth", r"青年|" + en_words(r"young|youth")), ("short_term", r"短期|" + en_words(r"short[- ]term")), ("fulltime", r"全职|" + en_words(r"full[- ]?time"))],
    "bjfe": [("haiju_foreign_long_subsidy", r"海聚|" + en_words(r"haiju")), ("key_field_hire", r"重点领域|" + en_words(r"key field")),
             ("short_term_consulting", r"短期|咨询|" + en_words(r"consult\w*"))],
}


_PROG_SPLIT = re.compile(r"[、,，;；/&]|以及|还有|和|及|与|" + en_words(r"and|as well as|plus"))


def programs(text: str) -> list[str]:
    """Program ids named in `text` ("海聚工程外专长期项目", "青年千人和海聚创业类")."""
    out: list[str] = []
    family = None
    for item in _PROG_SPLIT.split(text):
        fam = None
        for name, rx in _PROG_FAMILY:
            if rx.search(item):
                fam = name
                if name == "bjfe" and search(r"海聚|" + en_words("haiju"), item) and not search(r"待遇|补助|subsid", item):
                    fam = "haiju"
                break
        if fam is None and family and search(r"项目|类|计划|" + en_words(r"program|project|track|category"), item):
            fam = family
        if fam is None:
            continue
        family = fam
        for sub, p in PROG_SUB[fam]:
            if search(p, item):
                pid = f"{fam}.{sub}"
                if pid not in out:
                    out.append(pid)
                break
    return out
