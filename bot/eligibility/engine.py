"""The eligibility engine: a deterministic verdict per program from the rules data.

Three-valued: each condition is met, failed or unknown; a failed condition a
clause allows to relax is `relaxable`; a merit condition only a panel can
judge is `review` and never blocks. A program is
- ineligible       as soon as a hard condition fails (other facts may be unknown),
- undetermined     when nothing fails but facts are missing (most decisive first),
- needs_exception  when only relaxable conditions fail (citing the relaxing clause),
- eligible         otherwise.
Reading conventions (SPEC 5): 以上/以下/不超过/不少于 include the number
(`<=`/`>=` in the data), 超过/不满/低于 exclude it (`<`/`>`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .profile import Profile
from .rules import Cite, Condition, Program, Relaxation, RuleBook, rulebook

MET, FAILED, UNKNOWN, RELAXABLE, REVIEW = "met", "failed", "unknown", "relaxable", "review"


@dataclass
class Outcome:
    cond: Condition
    status: str
    value: object = None
    missing: list[str] = field(default_factory=list)
    children: list["Outcome"] = field(default_factory=list)
    relaxed_by: Cite | None = None
    # for an unknown outcome, the best it can still become (met, or only relaxable):
    # an option that can at best be relaxed cannot decide an any-group another option already relaxes
    best: str = MET
    # a review that may well be met (a value the clause neither includes nor excludes, review_values), unlike a
    # merit judgement every applicant faces: it keeps an either-or open instead of letting it fail
    maybe: bool = False
    # the stated fact this outcome's value was implied from (2 years full-time: 2 years, 12 months a year)
    source: str | None = None


# -- facts -------------------------------------------------------------------

def fact_values(profile: Profile, fact: str) -> list | None:
    """The possible values of a fact: one when known, several when only a range
    is known (age from birth_year without birth_month), None when unknown."""
    if fact == "age":
        if profile.age is not None:
            return [profile.age]
        if profile.birth_year is None:
            return None
        today = profile.today()
        if profile.birth_month is not None:
            # the birthday's day is unknown: in the birth month itself, count it as passed
            return [today.year - profile.birth_year - (1 if profile.birth_month > today.month else 0)]
        return [today.year - profile.birth_year - 1, today.year - profile.birth_year]
    value = getattr(profile, fact)
    if value is None:
        value = implied(profile, fact)
    return None if value is None else [value]


def implication(profile: Profile, fact: str) -> tuple[object, str | None]:
    """What one fact says about another, and which stated fact says it: two months a year is not a full-time
    commitment, full-time for N years is twelve months a year for N years, and the shareholder facts below.
    (None, None) when nothing is implied."""
    # the applicant is a natural person: the largest shareholder is the largest individual one, and one who is
    # not the largest individual shareholder is not the largest overall; more than half is the largest of all
    if fact in ("largest_shareholder", "largest_natural_person_shareholder") and (profile.equity_percent or 0) > 50:
        return True, "equity_percent"
    if fact == "largest_natural_person_shareholder" and profile.largest_shareholder:
        return True, "largest_shareholder"
    if fact == "largest_shareholder" and profile.largest_natural_person_shareholder is False:
        return False, "largest_natural_person_shareholder"
    if fact == "commit_fulltime_years" and profile.commit_months_per_year is not None \
            and profile.commit_months_per_year < 12:
        return 0, "commit_months_per_year"
    if profile.commit_fulltime_years:
        if fact == "commit_months_per_year":
            return 12, "commit_fulltime_years"
        if fact == "commit_years":
            return profile.commit_fulltime_years, "commit_fulltime_years"
    return None, None


def implied(profile: Profile, fact: str):
    return implication(profile, fact)[0]


def implied_by(profile: Profile, fact: str) -> str | None:
    """The stated fact an implied value comes from: what decided a condition on an implied value is what the
    applicant said (None when the fact itself was stated)."""
    return None if getattr(profile, fact, None) is not None else implication(profile, fact)[1]


def missing_fact(profile: Profile, fact: str) -> str:
    if fact == "age" and profile.birth_year is not None:
        return "birth_month"
    return fact


def test(op: str, actual, expected) -> bool:
    if op == "==":
        return actual == expected
    if op == "!=":
        return actual != expected
    if op == "<=":
        return actual <= expected
    if op == ">=":
        return actual >= expected
    if op == "<":
        return actual < expected
    if op == ">":
        return actual > expected
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    if op == "between":
        lo, hi = expected
        return lo <= actual <= hi
    if op == "any_in":
        return any(a in expected for a in actual)
    if op == "contains":
        return expected in actual
    raise ValueError(op)


# -- evaluation --------------------------------------------------------------

class Evaluator:
    def __init__(self, profile: Profile, program: Program, book: RuleBook):
        self.profile = profile
        self.program = program
        self.book = book
        self.active_relaxations = [r for r in (book.relaxations[(program.doc, rid)] for rid in program.relaxations)
                                   if self._holds(r.when)]

    def _holds(self, when: dict | None) -> bool:
        if not when:
            return True
        values = fact_values(self.profile, when["fact"])
        return values is not None and all(test(when["op"], v, when["value"]) for v in values)

    def _program_relaxation(self, cond: Condition) -> Relaxation | None:
        for r in self.active_relaxations:
            if set(cond.tags) & set(r.except_tags):
                continue
            if r.only_tags and not set(cond.tags) & set(r.only_tags):
                continue
            return r
        return None

    def evaluate(self, cid: str) -> Outcome:
        cond = self.book.condition(self.program.doc, cid)
        if cond.children:
            return self._group(cond)
        if cond.kind == "review":
            return Outcome(cond, REVIEW)
        values = fact_values(self.profile, cond.fact)
        if values is None:
            if cond.unknown_is_review:
                return Outcome(cond, REVIEW)
            return Outcome(cond, UNKNOWN, missing=[cond.fact])
        shown = values[0] if len(values) == 1 else values
        if cond.review_values and all(v in cond.review_values for v in values):
            return Outcome(cond, REVIEW, shown, maybe=True)
        results = {test(cond.op, v, cond.value) for v in values}
        if results == {True}:
            return Outcome(cond, MET, shown, source=implied_by(self.profile, cond.fact))
        if results == {True, False}:
            return Outcome(cond, UNKNOWN, shown, missing=[missing_fact(self.profile, cond.fact)])
        out = self._failed(cond, shown)
        out.source = implied_by(self.profile, cond.fact)
        return out

    def _failed(self, cond: Condition, value=None, children=None) -> Outcome:
        if cond.relax:
            return Outcome(cond, RELAXABLE, value, children=children or [], relaxed_by=cond.relax)
        r = self._program_relaxation(cond)
        if r:
            return Outcome(cond, RELAXABLE, value, children=children or [], relaxed_by=Cite(r.doc, r.article, r.quote))
        return Outcome(cond, FAILED, value, children=children or [])

    def _group(self, cond: Condition) -> Outcome:
        kids = [self.evaluate(c) for c in cond.children]
        states = {k.status for k in kids}
        if cond.any:
            # review options (a merit judgement) neither satisfy nor fail an any-group
            if MET in states:
                return Outcome(cond, MET, children=kids)
            if not states - {REVIEW}:
                return Outcome(cond, REVIEW, children=kids)
            if UNKNOWN in states:
                unknown = [k for k in kids if k.status == UNKNOWN]
                promising = [k for k in unknown if k.best == MET]
                if promising:
                    return Outcome(cond, UNKNOWN, children=kids, missing=_merge(k.missing for k in promising))
                if RELAXABLE not in states and not cond.otherwise:
                    return Outcome(cond, UNKNOWN, children=kids, missing=_merge(k.missing for k in unknown),
                                   best=RELAXABLE)
            # an option whose value the clause neither includes nor excludes (review_values: "no management post"
            # for "worked at a well-known company") may hold: the panel judges it, the group has not failed
            if any(k.status == REVIEW and k.maybe for k in kids):
                return Outcome(cond, REVIEW, children=kids, maybe=True)
            if RELAXABLE in states:
                relaxed = next(k.relaxed_by for k in kids if k.status == RELAXABLE)
                return Outcome(cond, RELAXABLE, children=kids, relaxed_by=relaxed)
            if cond.otherwise:
                return Outcome(cond, RELAXABLE, children=kids, relaxed_by=cond.otherwise)
            return self._failed(cond, children=kids)
        # all-of
        if FAILED in states:
            return self._failed(cond, children=kids)
        if UNKNOWN in states:
            unknown = [k for k in kids if k.status == UNKNOWN]
            best = RELAXABLE if RELAXABLE in states or any(k.best == RELAXABLE for k in unknown) else MET
            return Outcome(cond, UNKNOWN, children=kids, missing=_merge(k.missing for k in unknown), best=best)
        if RELAXABLE in states:
            relaxed = next(k.relaxed_by for k in kids if k.status == RELAXABLE)
            return Outcome(cond, RELAXABLE, children=kids, relaxed_by=relaxed)
        if states == {REVIEW}:
            return Outcome(cond, REVIEW, children=kids)
        return Outcome(cond, MET, children=kids)


def _merge(lists) -> list[str]:
    out: list[str] = []
    for lst in lists:
        for f in lst:
            if f not in out:
                out.append(f)
    return out


@dataclass
class Verdict:
    program: Program
    status: str
    outcomes: list[Outcome]
    missing: list[str]
    amounts: list[dict]

    def relaxed_by(self) -> list[Cite]:
        out: list[Cite] = []
        for o in self.outcomes:
            if o.status == RELAXABLE and o.relaxed_by and o.relaxed_by not in out:
                out.append(o.relaxed_by)
        return out


def compute_amounts(program: Program, profile: Profile, lang: str = "zh") -> list[dict]:
    out = []
    salary = profile.annual_salary_cny
    for a in program.amounts:
        entry = {"text": a.zh if lang == "zh" else a.en, "doc": a.doc, "article": a.article, "quote": a.quote,
                 "text_en": a.en}  # a verdict computed once is shown in either language
        if a.item:
            entry["item"] = a.item
        if a.years:
            entry["years"] = a.years
        if a.kind == "pct_of_salary":
            entry["cap_cny_per_year"] = a.cap
            if salary is not None:
                raw = salary * a.pct / 100
                value = min(raw, a.cap)
                entry["cny_per_year"] = round(value, 2)
                entry["formula"] = f"min({a.pct:g}% × {salary:,.0f}, {a.cap:,.0f}) = {value:,.0f}"
        elif a.kind == "cap":
            entry["cny_per_year"] = a.cap
            entry["up_to"] = True
        else:
            raise ValueError(f"{program.id}: unknown amount kind {a.kind!r}")
        out.append(entry)
    return out


def verdict(program: Program, profile: Profile, book: RuleBook | None = None) -> Verdict:
    book = book or rulebook()
    ev = Evaluator(profile, program, book)
    outcomes = [ev.evaluate(cid) for cid in program.conditions]
    states = {o.status for o in outcomes}
    if FAILED in states:
        status = "ineligible"
    elif UNKNOWN in states:
        status = "undetermined"
    elif RELAXABLE in states:
        status = "needs_exception"
    else:
        status = "eligible"
    missing = _merge(o.missing for o in outcomes if o.status == UNKNOWN) if status == "undetermined" else []
    amounts = compute_amounts(program, profile) if status in ("eligible", "needs_exception", "undetermined") else []
    return Verdict(program, status, outcomes, missing, amounts)


def verdicts(profile: Profile, programs: list[str] | None = None) -> list[Verdict]:
    book = rulebook()
    ids = programs or list(book.programs)
    return [verdict(book.programs[p], profile, book) for p in ids]
