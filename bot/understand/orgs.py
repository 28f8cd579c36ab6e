"""Organisations and places named in a message, from the gazetteer in vocab/organisations.toml.

`organisations(low)` finds every listed university, institute, company, financial institution,
regulator, international organisation or cultural unit, longest name first, each span once; a
Chinese university named in full also answers to its short form later in the message (东京大学 …
东大, 多伦多大学 … 多大). `places(low)` finds the places that say where something is: a
country or city abroad, or a Chinese city or province with its `employer_region`.

The scan is a dictionary lookup per position (names bucketed by their first two characters), so
its cost grows with the message, not with the size of the lists.
"""
from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .vocab import table

_DIR = Path(__file__).parent / "vocab"


@dataclass(frozen=True)
class Org:
    name: str                 # the first (canonical) name
    kind: str                 # university, institute, company, finance, regulator, intl_org, hospital, cultural
    country: str              # ISO code, "cn" for mainland China
    renowned: bool = False
    city: str | None = None   # for Chinese organisations: beijing / xinjiang / tibet / a city
    cn_type: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def abroad(self) -> bool | None:
        """Outside mainland China; Hong Kong, Macau and Taiwan are left open (None)."""
        if self.country == "cn":
            return False
        if self.country in ("hk", "mo", "tw"):
            return None
        return True

    @property
    def region(self) -> str | None:
        if self.city is None:
            return None
        return self.city if self.city in ("beijing", "xinjiang", "tibet") else "other"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    org: Org | None = None
    place: str | None = None       # for a place: "abroad" or a Chinese region (beijing/xinjiang/tibet/other)


@dataclass
class _Index:
    buckets: dict[str, list[tuple[str, object]]] = field(default_factory=dict)

    def add(self, name: str, value) -> None:
        self.buckets.setdefault(name[:2], []).append((name, value))

    def done(self) -> None:
        for items in self.buckets.values():
            items.sort(key=lambda it: -len(it[0]))

    def scan(self, low: str):
        """(start, end, name, value), longest match at each position, left to right, no overlaps."""
        i, n = 0, len(low)
        while i < n:
            hit = None
            for name, value in self.buckets.get(low[i:i + 2], ()):
                if low.startswith(name, i) and _bounded(low, i, i + len(name), name):
                    hit = (i, i + len(name), name, value)
                    break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "&")


def _bounded(low: str, s: int, e: int, name: str) -> bool:
    """Latin names only as whole words ("eth" not in "method"); Chinese names anywhere."""
    if _latin(name[0]) and s > 0 and _latin(low[s - 1]):
        return False
    if _latin(name[-1]) and e < len(low) and (_latin(low[e]) or low[e] == "-" and name in _NO_HYPHEN):
        return False
    return True


# short Latin names that are also word parts before a hyphen ("meta-analysis")
_NO_HYPHEN = {"meta"}


def _load() -> dict:
    path = _DIR / "organisations.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {"org": []}


@lru_cache(maxsize=1)
def _indexes() -> tuple[_Index, _Index, dict[str, Org]]:
    data = _load()
    orgs, by_name = _Index(), {}
    for row in data.get("org", []):
        names = list(dict.fromkeys(fold(str(n).strip().lower()) for n in row.get("names", []) if str(n).strip()))
        if not names:
            continue
        org = Org(names[0], row.get("kind", "company"), row.get("country", "").lower(), bool(row.get("renowned", False)),
                  row.get("city"), row.get("cn_type"), tuple(row.get("tags", ())))
        for n in names:
            if len(n) >= 2 and n not in by_name:
                by_name[n] = org
                orgs.add(n, org)
    orgs.done()
    places = _Index()
    for region, words in (data.get("cities") or {}).items():
        for w in words:
            places.add(str(w).lower(), region)
    for w in _abroad_places():
        places.add(w, "abroad")
    places.done()
    return orgs, places, by_name


def _abroad_places() -> list[str]:
    data = table("places.toml")  # the places the clause readers use, read once
    words = [w for w in data["abroad"]["zh"] if w not in ("海外", "国外", "境外", "外国", "出国", "留学", "香港", "澳门")]
    words += [w.replace("\\.", ".") for w in data["abroad"]["en_places"] if "\\" not in w and w not in ("states", "hong kong")]
    words += [w for w in data.get("abroad_cities", {}).get("names", [])]
    return words


# accented Latin letters to their base letter, one character for one, so positions stay ("école" → "ecole")
_FOLD = {c: unicodedata.normalize("NFD", chr(c))[0] for c in range(0xC0, 0x250)
         if chr(c).isalpha() and unicodedata.normalize("NFD", chr(c))[0].isascii()}


def fold(low: str) -> str:
    return low if low.isascii() else low.translate(_FOLD)


def organisations(low: str) -> list[Mention]:
    idx, _, _ = _indexes()
    low = fold(low)
    out = [Mention(s, e, name, org=org) for s, e, name, org in idx.scan(low)]
    # a Chinese university named in full answers to its short form later on: 东京大学 … 东大
    shorts = {}
    for m in out:
        if m.text.endswith("大学") and len(m.text) >= 4 and all("\u4e00" <= c <= "\u9fff" for c in m.text):
            stem = m.text[:-2]
            for k in (1, 2):
                if len(stem) > k:
                    shorts.setdefault(stem[:k] + "大", m.org)
    if shorts:
        taken = [(m.start, m.end) for m in out]
        for short, org in shorts.items():
            pos = low.find(short)
            while pos >= 0:
                if not any(a < pos + len(short) and pos < b for a, b in taken):
                    out.append(Mention(pos, pos + len(short), short, org=org))
                pos = low.find(short, pos + 1)
    out.sort(key=lambda m: m.start)
    return out


def places(low: str) -> list[Mention]:
    _, idx, _ = _indexes()
    return [Mention(s, e, name, place=region) for s, e, name, region in idx.scan(fold(low))]


def org_named(name: str) -> Org | None:
    return _indexes()[2].get(name.lower())
