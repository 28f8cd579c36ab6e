"""Which programs a message names or implies (the programs "in focus").

Program names come from the rules data (`keywords`, `keywords_en` of each
program, and the `[family]` words that name a whole document's programs); the
words below name a kind of applicant, and narrow or widen those matches.
"""
from __future__ import annotations

from ..eligibility.rules import rulebook

FOREIGN_EXPERT_WORDS = (["外国专家", "外籍专家", "外专"], ["foreign expert", "foreign scientist", "foreign specialist"])
FOREIGN_EXPERT_PROGRAMS = ["qianren.foreign_expert", "haiju.foreign_long", "haiju.foreign_short"]


def family_words() -> dict[str, tuple[list[str], list[str]]]:
    """Words that name a whole family of programs (the rules' `[family]` tables)."""
    return {f.id: (f.words, f.words_en) for f in rulebook().families.values()}


def _family(pid: str) -> str:
    return pid.split(".", 1)[0]


def _hit(text: str, words: tuple[list[str], list[str]]) -> bool:
    zh, en = words
    return any(w in text for w in zh) or any(w in text for w in en)


def individual_programs() -> list[str]:
    """Programs an applicant (not an institution) can be assessed for."""
    return [p for p in rulebook().programs if _family(p) != "haizhi"]


def named_programs(text: str) -> list[str]:
    """The programs the text names or implies, in rule order; [] when none."""
    low = text.lower()
    book = rulebook()
    hits = [(pid, k) for pid, p in book.programs.items()
            for k in [k for k in p.keywords if k in text] + [k for k in p.keywords_en if k in low]]
    # a longer name shadows the shorter one inside it: "外专短期项目" is not 短期项目,
    # "short-term foreign expert" is not "short-term"
    matched = {k for _, k in hits}
    specific = [pid for pid, k in hits if not any(k != other and k in other for other in matched)]
    specific = list(dict.fromkeys(specific))
    if any(_family(p) == "haizhi" for p in specific):
        # an institution applying for a base is not also an applicant for a person's program
        specific = [p for p in specific if _family(p) == "haizhi"]
    families = [f for f, words in family_words().items() if _hit(low, words)]
    if specific:
        # a program named by its own name wins over what the generic words imply
        named = [p for p in specific if _family(p) in families] or specific
    else:
        named = []
        if _hit(low, FOREIGN_EXPERT_WORDS):
            named = list(FOREIGN_EXPERT_PROGRAMS)
            if "bjfe" in families:
                named += [p for p in book.programs if _family(p) == "bjfe"]
        if named and families:
            named = [p for p in named if _family(p) in families] or named
        elif families:
            named = [p for p in book.programs if _family(p) in families]
    order = list(book.programs)
    return sorted(set(named), key=order.index)
