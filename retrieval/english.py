"""English questions reach the Chinese clauses through the bilingual glossary.

The glossary (data, glossary.toml) rewrites English policy vocabulary into the
words the sources use; whatever English is left is matched against the
clauses' English titles, which are indexed as English tokens.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from corpus.language import CJK_RE, language  # noqa: F401  (CJK_RE: for search.py)

GLOSSARY_PATH = Path(__file__).parent / "glossary.toml"
WORD_RE = re.compile(r"[a-z0-9][a-z0-9&.'+-]*")


@lru_cache(maxsize=1)
def glossary_data() -> dict:
    """glossary.toml, read once: terms, stopwords, synonyms, definitions, aspects, subjects."""
    return tomllib.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def glossary() -> tuple[dict[tuple[str, ...], list[str]], frozenset[str], int]:
    data = glossary_data()
    terms = {tuple(_words(k)): v for k, v in data["terms"].items()}
    longest = max(len(k) for k in terms)
    return terms, frozenset(data["stopwords"]["words"]), longest


def _stem(word: str) -> str:
    word = word.strip(".'-")
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in WORD_RE.findall(text.lower())]


def is_english(text: str) -> bool:
    return language(text) == "en"


def translate(text: str) -> tuple[list[str], list[str]]:
    """(Chinese terms from the glossary, leftover English content words)."""
    terms, stop, longest = glossary()
    words = _words(text)
    zh: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in terms:
                zh.extend(terms[key])
                i += n
                break
        else:
            if words[i] not in stop and not words[i].isdigit():
                rest.append(words[i])
            i += 1
    return zh, rest


@lru_cache(maxsize=1)
def synonyms() -> dict[str, list[str]]:
    return glossary_data().get("synonyms", {})


# anchored at the start of a run and bounded, so a long run of numerals costs its length, not its square
CN_NUMBER_RE = re.compile(r"(?<![零一二两三四五六七八九十百])([零一二两三四五六七八九十百]{1,12})(?=[次年个岁万人家天名周月倍%])")


def arabic_numbers(text: str) -> str:
    """两次 -> 2次, 三十六个月 -> 36个月: the regulations write numbers in digits."""
    from corpus.numerals import zh_number

    def sub(m):
        value = zh_number(m.group(1), concat=False)
        return str(value) if isinstance(value, int) else m.group(1)

    return CN_NUMBER_RE.sub(sub, text)


def expand(text: str) -> str:
    """Append the regulations' words for a layperson's ones (设在 -> 设立)."""
    keys = [k for k in synonyms() if k in text]
    # the longest match wins: 一年几次 (每年) is not also 几次 (申报次数)
    keys = [k for k in keys if not any(k != o and k in o for o in keys)]
    extra = [w for k in keys for w in synonyms()[k]]
    return arabic_numbers(text) + (" " + " ".join(extra) if extra else "")


def title_tokens(title_en: str) -> list[str]:
    """English title words as index tokens, prefixed so they never collide with Chinese ones."""
    _, stop, _ = glossary()
    return ["en:" + w for w in _words(title_en) if w not in stop and len(w) > 1]


def query_tokens(rest: list[str]) -> list[str]:
    return ["en:" + w for w in rest if len(w) > 1]


# -- the English route: clause cards' English rendering, title and lay questions, stemmed --------------------

@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer  # Snowball's English (Porter 2) stemmer: "permits"/"permit", "spouses"/"spouse"

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stemmed(text: str) -> list[str]:
    """English text as stemmed content words (stopwords out): the tokens of the English index."""
    _, stop, _ = glossary()
    return [stem(w) for w in (w.strip(".'-") for w in WORD_RE.findall(text.lower())) if w and w not in stop and len(w) > 1]
