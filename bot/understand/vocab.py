"""Vocabulary of places, universities, companies and sectors: the data files in vocab/ (each says where
its lists come from) joined into regular-expression alternations. Chinese alternatives match anywhere,
English ones only as whole words."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .text import en_words

_DIR = Path(__file__).parent / "vocab"


def _load(name: str) -> dict:
    return tomllib.loads((_DIR / name).read_text(encoding="utf-8"))


_places, _inst, _work = _load("places.toml"), _load("institutions.toml"), _load("work.toml")


def _alt(words: list[str]) -> str:
    return "|".join(words)


def table(name: str) -> dict:
    """A vocabulary file as read once at import ("places.toml", "institutions.toml", "work.toml")."""
    return {"places.toml": _places, "institutions.toml": _inst, "work.toml": _work}[name]


def vocab_list(section: str, key: str) -> str:
    """One list of a vocabulary file as an alternation, e.g. ("chinese_universities", "zh")."""
    for data in (_places, _inst, _work):
        if section in data:
            return _alt(data[section][key])
    raise KeyError(f"no vocabulary list {section}.{key}")



ABROAD_ZH = _alt(_places["abroad"]["zh"])
ABROAD_EN = en_words(_alt(_places["abroad"]["en"]) + r"|(?:in|at|from|to|of) (?:the )?(?:"
                     + _alt(_places["abroad"]["en_places"]) + ")")
FOREIGN_UNIV_ZH = _alt(_inst["foreign_universities"]["zh"])
FOREIGN_UNIV_EN = en_words(_alt(_inst["foreign_universities"]["en"]))
FOREIGN_CO_ZH = _alt(_inst["foreign_companies"]["zh"])
FOREIGN_CO_EN = en_words(_alt(_inst["foreign_companies"]["en"]))
CHINA_UNIV_ZH = _alt(_inst["chinese_universities"]["zh"])
CHINA_UNIV_EN = en_words(_alt(_inst["chinese_universities"]["en"]))
BEIJING_UNIV = re.compile(_alt(_inst["beijing_universities"]["zh"]) + "|" + en_words(_alt(_inst["beijing_universities"]["en"])))
CITY_OTHER_ZH = _alt(_places["china_other_city"]["zh"])
CITY_OTHER_EN = en_words(_alt(_places["china_other_city"]["en"]))
CHINA_ZH = _alt(_places["china"]["zh"]) + "|" + CITY_OTHER_ZH
CHINA_EN = en_words(_alt(_places["china"]["en"] + _places["china_other_city"]["en"]))
FINANCE_WORDS = _alt(_inst["finance"]["zh"]) + "|" + en_words(_alt(_inst["finance"]["en"]))
WORK_ZH = _alt(_work["work"]["zh"])
WORK_EN = en_words(_alt(_work["work"]["en"]))
NATION_ADJ = _alt(_places["countries"]["en_adjectives"])
COUNTRY_ZH = _alt(_places["countries"]["zh"])
