"""Clause cards (SPEC section 7): for every clause, beside the sources, its titles, a faithful full
English rendering, the questions people ask that it answers (Chinese and English, lay words) and a
plain answer in each language.

One TOML file per document in `cards/` (built-in) or the user's corpus directory (`corpus add
--cards FILE`), keyed by the exact article label:

    ["第八条"]
    title_zh = "青年项目申报条件"
    title_en = "Youth project: eligibility"
    en = "Article 8 ... (every condition, figure and exception)"
    ask_zh = ["青千的申请条件是什么？", ...]      # 3-6
    ask_en = ["Who can apply for the Young Thousand Talents?", ...]  # 3-6
    answer_zh = "一到三句：条文对这些问题说了什么，引用其数字。"
    answer_en = "One to three sentences ..."

`check()` is the one validator: the tests run it over the built-in cards and `corpus add --cards`
runs it over a staff member's file. Its figure check is why figures are written in digits: every
number in a rendering or a plain answer must occur in the Chinese clause (Chinese numerals and
万/亿 read as numbers), so a translation cannot invent or alter an amount, an age or a duration.

`python -m corpus.check_cards FILE [DOC] [--partial]` prints every problem, one per line.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
CARDS_DIR = HERE / "cards"

FIELDS = ("title_zh", "title_en", "en", "ask_zh", "ask_en", "answer_zh", "answer_en")
ASKS = (3, 6)  # questions per language
MIN_RATIO = 1.3  # English rendering chars per Chinese clause char: below this it is a summary
MAX_FIELD = 8000  # characters: a card field, not a document


@dataclass(frozen=True)
class Card:
    title_zh: str
    title_en: str
    en: str
    ask_zh: tuple[str, ...]
    ask_en: tuple[str, ...]
    answer_zh: str
    answer_en: str

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def answer(self, lang: str) -> str:
        return self.answer_zh if lang == "zh" else self.answer_en

    def asks(self, lang: str | None = None) -> tuple[str, ...]:
        if lang is None:
            return self.ask_zh + self.ask_en
        return self.ask_zh if lang == "zh" else self.ask_en


def parse(data: dict) -> dict[str, Card]:
    """A card file's table as {article: Card}; raises ValueError naming the first malformed card."""
    out = {}
    for article, raw in data.items():
        if not isinstance(raw, dict):
            raise ValueError(f"{article}: not a table")
        missing = [f for f in FIELDS if f not in raw]
        if missing:
            raise ValueError(f"{article}: missing {', '.join(missing)}")
        extra = sorted(set(raw) - set(FIELDS))
        if extra:
            raise ValueError(f"{article}: unknown field {', '.join(extra)}")
        vals = {}
        for f in FIELDS:
            v = raw[f]
            if f.startswith("ask_"):
                if not isinstance(v, list) or not all(isinstance(q, str) for q in v):
                    raise ValueError(f"{article}: {f} must be a list of strings")
                v = tuple(q.strip() for q in v)
            elif not isinstance(v, str):
                raise ValueError(f"{article}: {f} must be a string")
            else:
                v = v.strip()
            vals[f] = v
        out[article] = Card(**vals)
    return out


def read(path: Path) -> dict[str, Card]:
    try:
        return parse(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path.name}: not valid TOML ({e})") from None


@lru_cache(maxsize=1)
def cards() -> dict[str, dict[str, Card]]:
    """{doc: {article: Card}} for the built-in documents and the staff-added ones that have cards."""
    from .user import user_dir

    out: dict[str, dict[str, Card]] = {}
    for path in sorted(CARDS_DIR.glob("*.toml")):
        out[path.name.removesuffix(".toml")] = read(path)
    root = user_dir()
    if root.is_dir():  # a staff-added document's cards.toml, beside its source (corpus add --cards)
        for path in sorted(root.glob("*/cards.toml")):
            try:
                out[path.parent.name] = read(path)
            except ValueError:
                continue  # checked when added; a file edited by hand since is ignored rather than fatal
    return out


def card(doc: str, article: str) -> Card | None:
    return cards().get(doc, {}).get(article)


# --- figures -------------------------------------------------------------------------------------

_ZH_NUM = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_ARABIC = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ZH_UNIT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([万亿])")
_EN_SCALE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)\b", re.I)
_SCALE = {"万": 10_000, "亿": 100_000_000, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def figures_zh(text: str) -> set[float]:
    """Every number a Chinese text states: Arabic, Chinese numerals, and 100万 as both 100 and 1,000,000."""
    from .numerals import zh_number

    out: set[float] = set()
    for m in _ARABIC.finditer(text):
        v = _num(m.group())
        if v is not None:
            out.add(v)
    for m in _ZH_UNIT.finditer(text):
        v = _num(m.group(1))
        if v is not None:
            out.add(v * _SCALE[m.group(2)])
    for m in _ZH_NUM.finditer(text):
        run = m.group()
        if run in ("万", "亿", "千", "百"):
            continue
        v = zh_number(run, concat=False)
        if v is None:  # 十三五 is not a number: read its parts
            vs = [zh_number(ch) for ch in run if ch in "一二两三四五六七八九十"]
            out.update(float(x) for x in vs if x is not None)
        else:
            out.add(float(v))
            for ch in run:  # 二、三 read as one run 二三 = 23: keep the single digits too
                x = zh_number(ch)
                if x is not None and ch not in "十百千万亿":
                    out.add(float(x))
    return out


def figures_en(text: str) -> set[float]:
    """Every figure an English text writes in digits; 1 million is 1,000,000."""
    out: set[float] = set()
    scaled = set()
    for m in _EN_SCALE.finditer(text):
        v = _num(m.group(1))
        if v is not None:
            out.add(v * _SCALE[m.group(2).lower()])
            scaled.add(m.start(1))
    for m in _ARABIC.finditer(text):
        if m.start() in scaled:
            continue
        v = _num(m.group().rstrip(",."))
        if v is not None:
            out.add(v)
    return out


def check(doc: str, found: dict[str, Card], clauses: list, complete: bool = True) -> list[str]:
    """Every problem with a document's cards, one line each ([] when they are right).
    `complete`: every clause must have a card (built-in documents); staff files may cover part."""
    problems = []
    by_label = {c.article: c for c in clauses}
    for article in found:
        if article not in by_label:
            problems.append(f"{doc} {article}: no such clause")
    for article, clause in by_label.items():
        c = found.get(article)
        if c is None:
            if complete:
                problems.append(f"{doc} {article}: no card")
            continue
        where = f"{doc} {article}"
        for f in FIELDS:
            v = getattr(c, f)
            if not v or (isinstance(v, tuple) and not all(v)):
                problems.append(f"{where}: {f} is empty")
            size = sum(map(len, v)) if isinstance(v, tuple) else len(v)
            if size > MAX_FIELD:
                problems.append(f"{where}: {f} is longer than {MAX_FIELD} characters")
        for lang in ("zh", "en"):
            n = len(c.asks(lang))
            if not ASKS[0] <= n <= ASKS[1]:
                problems.append(f"{where}: ask_{lang} has {n} questions, want {ASKS[0]}-{ASKS[1]}")
        source = clause.text + "".join(v for v in clause.fields.values())
        known = figures_zh(source) | figures_zh(article)  # "第八条" may say 8
        for f, figs in (("en", figures_en(c.en)), ("answer_en", figures_en(c.answer_en)),
                        ("answer_zh", figures_zh(c.answer_zh) | figures_en(c.answer_zh))):
            bad = sorted(x for x in figs if x not in known)
            if bad:
                problems.append(f"{where}: {f} has figures not in the clause: {', '.join(_fmt(x) for x in bad)}")
        zh_len = len(re.sub(r"\s", "", clause.text))
        if len(c.en) < MIN_RATIO * zh_len:
            problems.append(f"{where}: en rendering has {len(c.en)} characters for a {zh_len}-character clause "
                            f"(want at least {MIN_RATIO}x: a full rendering, not a summary)")
    return problems


def _fmt(x: float) -> str:
    return str(int(x)) if x.is_integer() else str(x)
