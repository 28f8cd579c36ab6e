"""What the interview knows about each fact: label, question, kind, options (facts.toml)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def facts() -> dict[str, dict]:
    return tomllib.loads((Path(__file__).parent / "facts.toml").read_text(encoding="utf-8"))


def label(fact: str, lang: str = "zh") -> str:
    entry = facts().get(fact)
    return entry[lang] if entry else fact


def question(fact: str, lang: str = "zh") -> str:
    entry = facts().get(fact)
    return entry["ask_" + lang] if entry else fact


def options(fact: str, lang: str = "zh") -> list[tuple[str, str]]:
    """(value, label) pairs for buttons; yes/no for booleans."""
    entry = facts().get(fact, {})
    if entry.get("kind") == "bool":
        return [("true", "是" if lang == "zh" else "Yes"), ("false", "否" if lang == "zh" else "No")]
    return [(v, zh if lang == "zh" else en) for v, zh, en in entry.get("options", [])]


def kind(fact: str) -> str:
    return facts().get(fact, {}).get("kind", "text")


GROUPS = ("person", "career", "commitments", "company", "record", "institution")


def grouped() -> dict[str, list[str]]:
    """The facts by the group the checker's form shows them in, each group in facts.toml order."""
    out: dict[str, list[str]] = {g: [] for g in GROUPS}
    for name, entry in facts().items():
        out[entry["group"]].append(name)
    return out
