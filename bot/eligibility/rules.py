"""Eligibility rules as data: corpus/rules/<doc>.toml, one file per source document.

Each file holds
- `[condition.<id>]`: one requirement. A leaf tests one fact
  (`fact`, `op`, `value`); a group combines others (`any = [...]` or
  `all = [...]`). Every condition cites `article` (and `item`) and the
  verbatim `quote` it encodes, has Chinese and English wording (`zh`, `en`),
  and a `kind`: "hard" (default) or "review" (a merit judgement only the
  expert panel makes). A hard condition that a clause allows to relax names
  that clause in `relax = {article, quote}`; `tags` (e.g. "bar") exempt a
  condition from program-wide relaxations. `unknown_is_review = true` marks a
  fact SPEC's profile lacks: unstated, the condition is left to the panel
  rather than asked.
- `[relaxation.<id>]`: a clause that relaxes every failing condition of a
  program when its `when` test holds (第二十五条 for western regions), except
  conditions with one of `except_tags`; with `only_tags`, only conditions
  carrying one of those tags (海聚 破格: age, degree, position).
- `[family]`: how people name the document's programs (words that put them in focus, the
  regular expressions that read "海聚工程外专长期项目" as `haiju.foreign_long`).
- `[program."<program id>"]`: `name`, `name_en`, `article`, `conditions`
  (ids, in the order a person would check them), optional `relaxations`
  and `amounts`.
Condition ids are local to a file; a program may use any condition of its file.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from corpus import RULES_DIR

OPS = {"==", "!=", "<=", ">=", "<", ">", "in", "not_in", "between", "any_in", "contains"}


@dataclass(frozen=True)
class Cite:
    doc: str
    article: str
    quote: str
    item: str = ""


@dataclass
class Cited:
    """What every rule element carries: the clause it encodes, its verbatim words, and its wording for people."""
    doc: str
    article: str
    quote: str
    zh: str
    en: str


@dataclass
class Condition(Cited):
    id: str = ""
    item: str = ""
    kind: str = "hard"  # hard | review
    fact: str | None = None
    op: str | None = None
    value: object = None
    any: list[str] = field(default_factory=list)
    all: list[str] = field(default_factory=list)
    relax: Cite | None = None
    otherwise: Cite | None = None  # an any-group none of whose options holds is relaxable by this clause
    tags: list[str] = field(default_factory=list)
    unit: str = ""
    unit_en: str = ""
    # a fact SPEC's profile does not carry (海聚 backgrounds 4 and 5): when the applicant has not
    # stated it, the condition is the panel's to judge (review) rather than a question to ask
    unknown_is_review: bool = False
    # values the clause neither includes nor excludes (a postdoc for "正式教学或者科研职位"): the panel judges
    # them (review), rather than the engine failing or passing them
    review_values: list = field(default_factory=list)

    @property
    def cite(self) -> Cite:
        return Cite(self.doc, self.article, self.quote, self.item)

    @property
    def children(self) -> list[str]:
        return self.any or self.all


@dataclass
class Relaxation(Cited):
    id: str = ""
    when: dict | None = None  # absent: the relaxation always applies (海聚 全职工作类 破格)
    except_tags: list[str] = field(default_factory=list)
    only_tags: list[str] = field(default_factory=list)  # set: it relaxes only conditions with one of these tags


@dataclass
class Amount(Cited):
    kind: str = "cap"  # pct_of_salary | cap
    pct: float = 0.0
    cap: float = 0.0
    item: str = ""
    years: int | None = None


@dataclass
class Program:
    id: str
    doc: str
    name: str
    name_en: str
    article: str
    conditions: list[str]
    relaxations: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)


@dataclass
class Family:
    """The programs of one document as people name them (the file's `[family]` table)."""
    id: str
    doc: str
    words: list[str] = field(default_factory=list)
    words_en: list[str] = field(default_factory=list)
    mention_rank: int = 0
    mention_zh: str = ""
    mention_en: str = ""
    mentions: list[dict] = field(default_factory=list)


@dataclass
class RuleBook:
    conditions: dict[tuple[str, str], Condition]
    relaxations: dict[tuple[str, str], Relaxation]
    programs: dict[str, Program]
    families: dict[str, Family] = field(default_factory=dict)

    def condition(self, doc: str, cid: str) -> Condition:
        return self.conditions[(doc, cid)]


def _cite(doc: str, raw: dict | None) -> Cite | None:
    if not raw:
        return None
    return Cite(raw.get("doc", doc), raw["article"], raw["quote"], raw.get("item", ""))


def _load_file(path: Path, book: RuleBook) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    doc = data["doc"]
    for cid, raw in data.get("condition", {}).items():
        raw = dict(raw)
        raw["relax"] = _cite(doc, raw.get("relax"))
        raw["otherwise"] = _cite(doc, raw.get("otherwise"))
        cond = Condition(id=cid, doc=doc, **raw)
        if cond.fact and cond.op not in OPS:
            raise ValueError(f"{path.name}: condition {cid}: unknown op {cond.op!r}")
        book.conditions[(doc, cid)] = cond
    for rid, raw in data.get("relaxation", {}).items():
        book.relaxations[(doc, rid)] = Relaxation(id=rid, doc=doc, **raw)
    for pid, raw in data.get("program", {}).items():
        raw = dict(raw)
        amounts = [Amount(doc=doc, **a) for a in raw.pop("amounts", [])]
        book.programs[pid] = Program(id=pid, doc=doc, amounts=amounts, **raw)
    if "family" in data:
        fam = Family(doc=doc, **data["family"])
        book.families[fam.id] = fam


def validate(book: RuleBook) -> None:
    """Every referenced id exists and every program's conditions are its document's."""
    for (doc, cid), cond in book.conditions.items():
        for child in cond.children:
            if (doc, child) not in book.conditions:
                raise ValueError(f"{doc}: condition {cid} refers to unknown condition {child!r}")
        if not cond.fact and not cond.children and cond.kind != "review":
            raise ValueError(f"{doc}: condition {cid} tests nothing and is not a review condition")
    for pid, prog in book.programs.items():
        for cid in prog.conditions:
            if (prog.doc, cid) not in book.conditions:
                raise ValueError(f"{pid}: unknown condition {cid!r}")
        for rid in prog.relaxations:
            if (prog.doc, rid) not in book.relaxations:
                raise ValueError(f"{pid}: unknown relaxation {rid!r}")


@lru_cache(maxsize=1)
def rulebook() -> RuleBook:
    book = RuleBook({}, {}, {})
    for path in sorted(RULES_DIR.glob("*.toml")):
        _load_file(path, book)
    validate(book)
    return book


def thresholds(fact: str) -> list[tuple[str, object]]:
    """Every (op, value) a rule compares the fact with: an approximate value decides a condition only when
    both ends of its range fall on the same side of each of them."""
    return sorted({(c.op, c.value) for c in rulebook().conditions.values() if c.fact == fact and c.op and c.value is not None},
                  key=str)


def program_ids() -> list[str]:
    return list(rulebook().programs)


# -- the law beside its code: what the rules take from one clause ------------------------------------------

@dataclass(frozen=True)
class Use:
    """One place the rules encode a clause: a condition, a relaxation, an amount, or a program's defining
    article; `quote` is the clause's words it encodes and `programs` the programs it applies to."""
    kind: str  # condition | relaxation | relax | amount | program
    id: str
    quote: str
    zh: str
    en: str
    item: str = ""
    programs: tuple[str, ...] = ()
    fact: str | None = None
    op: str | None = None
    value: object = None


@lru_cache(maxsize=1)
def _programs_of() -> dict[tuple[str, str], tuple[str, ...]]:
    """(doc, condition id) -> the programs whose requirements include it, directly or inside a group."""
    book = rulebook()
    out: dict[tuple[str, str], list[str]] = {}

    def mark(doc: str, cid: str, pid: str) -> None:
        if pid in out.setdefault((doc, cid), []):
            return
        out[(doc, cid)].append(pid)
        for child in book.conditions[(doc, cid)].children:
            mark(doc, child, pid)

    for pid, prog in book.programs.items():
        for cid in prog.conditions:
            mark(prog.doc, cid, pid)
    return {k: tuple(v) for k, v in out.items()}


def uses_of(doc: str, article: str) -> list[Use]:
    """Every rule element that cites this clause, in rule-file order: what a staff member checks against the
    article's text."""
    book = rulebook()
    users = _programs_of()
    out: list[Use] = []
    for pid, p in book.programs.items():
        if p.doc == doc and p.article == article:
            out.append(Use("program", pid, "", p.name, p.name_en, programs=(pid,)))
    for (d, cid), c in book.conditions.items():
        progs = users.get((d, cid), ())
        if c.doc == doc and c.article == article:
            out.append(Use("condition", cid, c.quote, c.zh, c.en, c.item, progs, c.fact, c.op, c.value))
        for cite in (c.relax, c.otherwise):
            if cite and cite.doc == doc and cite.article == article:
                out.append(Use("relax", cid, cite.quote, c.zh, c.en, cite.item, progs))
    for (d, rid), r in book.relaxations.items():
        if r.doc == doc and r.article == article:
            progs = tuple(pid for pid, p in book.programs.items() if p.doc == d and rid in p.relaxations)
            out.append(Use("relaxation", rid, r.quote, r.zh, r.en, programs=progs))
    for pid, p in book.programs.items():
        for a in p.amounts:
            if a.doc == doc and a.article == article:
                out.append(Use("amount", pid, a.quote, a.zh, a.en, a.item, (pid,)))
    return out


def linked(doc: str, article: str) -> list[tuple[str, str]]:
    """The other clauses the rules read together with this one: where the programs using it are defined, the
    clauses that relax its conditions, and the clauses whose conditions this one relaxes."""
    book = rulebook()
    here = uses_of(doc, article)
    programs = {p for u in here for p in u.programs}
    out: list[tuple[str, str]] = []

    def add(d: str, a: str) -> None:
        if (d, a) != (doc, article) and (d, a) not in out:
            out.append((d, a))

    for pid in programs:
        p = book.programs[pid]
        add(p.doc, p.article)
        for rid in p.relaxations:
            r = book.relaxations[(p.doc, rid)]
            add(r.doc, r.article)
    for (d, cid), c in book.conditions.items():
        for cite in (c.relax, c.otherwise):
            if cite is None:
                continue
            if c.doc == doc and c.article == article:
                add(cite.doc, cite.article)
            if cite.doc == doc and cite.article == article:
                add(c.doc, c.article)
    return out
