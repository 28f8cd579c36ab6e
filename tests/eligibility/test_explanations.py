"""What a verdict says about why (issue 16): each condition names the fact that decided it, a met either-or shows
only the alternative it used, and items are cited by the number the source prints. The conversation reads these
fields to ask its next question and to say what would change a verdict."""
import json
import re

import pytest

import corpus
from bot.eligibility.engine import verdicts
from bot.eligibility.facts import facts as fact_specs
from bot.eligibility.profile import ProfileError, parse_profile
from bot.eligibility.report import verdict_json, verdict_text
from bot.eligibility.rules import rulebook

from test_eligibility import BASES, profile, program_of


def verdict(base: str, changes: dict, program: str | None = None) -> dict:
    (v,) = verdicts(parse_profile(profile(base, changes)), [program or program_of(base)])
    return verdict_json(v, "en")


def unmet(js: dict) -> list[dict]:
    return [c for c in js["conditions"] if c["status"] in ("failed", "relaxable")]


# -- the four findings ---------------------------------------------------------------------------------------

def test_haiju_fulltime_five_months_a_year_names_the_months():
    js = verdict("haiju.fulltime", {"commit_fulltime_years": 0, "commit_years": 3, "commit_months_per_year": 5})
    [c] = unmet(js)
    assert c["fact"] == "commit_months_per_year", c
    assert c["facts"][0] == "commit_months_per_year"
    assert any("6" in ch["text"] for ch in js.get("changes", []))


def test_haiju_foreign_short_one_and_a_half_months_names_the_months():
    js = verdict("haiju.foreign_short", {"commit_months_per_year": 1.5})
    [c] = unmet(js)
    assert c["fact"] == "commit_months_per_year", c


def test_youth_finance_route_names_the_months_that_decided_it():
    js = verdict("qianren.youth/finance", {"overseas_finance_months": 20})
    [c] = unmet(js)
    assert c["status"] == "relaxable"
    assert c["fact"] == "overseas_finance_months", c
    assert "employer_type" not in c["facts"][:1]


def test_a_met_either_or_shows_only_the_alternative_used():
    js = verdict("qianren.youth", {})
    assert js["status"] == "eligible"
    seen = []

    def check(conds):
        for c in conds:
            assert c["status"] in ("met", "review"), c  # nothing in a met verdict's tree reads as failing
            if "any_of" in c:
                assert len(c["any_of"]) == 1, c["id"]  # the alternative used
                seen.append(c["id"])
                assert c.get("not_needed"), c["id"]  # the others, apart
            check(c.get("any_of", []) + c.get("all_of", []))

    check(js["conditions"])
    assert "youth_track" in seen  # the research track used; the finance track apart, not needed


def test_details_mark_the_unused_alternatives_not_needed():
    (v,) = verdicts(parse_profile(profile("qianren.youth", {})), ["qianren.youth"])
    text = verdict_text(v, "en")
    assert "not needed" in text
    assert "≈" not in text and "✗" not in text


# -- item numbers as the source prints them -------------------------------------------------------------------

def cited_items():
    book = rulebook()
    for (doc, cid), c in book.conditions.items():
        if c.item:
            yield doc, c.article, c.item, c.quote
        for cite in (c.relax, c.otherwise):
            if cite and cite.item:
                yield cite.doc, cite.article, cite.item, cite.quote


def test_every_cited_item_is_the_number_the_source_prints():
    clauses = {(c.doc, c.article): c for c in corpus.load()}
    checked = 0
    for doc, article, item, quote in cited_items():
        items = dict(clauses[(doc, article)].items)
        assert item in items, (doc, article, item)
        printed = re.match(r"^(\d+)[、.．]", items[item])
        if printed:
            number = item.rsplit(" ", 1)[-1]
            assert number == printed.group(1), (doc, article, item, items[item])
            checked += 1
    assert checked >= 15


def test_haiju_backgrounds_are_items_of_their_own_list():
    js = verdict("haiju.fulltime", {"overseas_title": "other", "overseas_employer_renowned": False})
    cites = json.dumps(js, ensure_ascii=False)
    assert "且具备以下条件之一 1" in cites or "且具备以下条件之一 第1项" in cites
    def basic_items(conds):
        for c in conds:
            if c["article"] == "三、引进条件—基本条件" and c.get("item"):
                yield c["item"]
            yield from basic_items(c.get("any_of", []) + c.get("all_of", []))

    items = set(basic_items(js["conditions"]))
    assert items and not items & {str(n) for n in range(4, 12)}, items
    assert corpus.citation("haiju-intro", "三、引进条件—基本条件", "且具备以下条件之一 1") == \
        '《北京"海聚工程"介绍》三、引进条件—基本条件 且具备以下条件之一 第1项'


# -- every program, every condition -----------------------------------------------------------------------------

def failing_value(fact: str, op: str, value):
    spec = fact_specs()[fact]
    kind = spec["kind"]
    if spec.get("list") or op in ("any_in", "contains"):
        return None
    options = [o[0] for o in spec.get("options", [])]
    if kind == "bool":
        return (not value) if op == "==" else value if op == "!=" else None
    if kind == "choice":
        if op == "==":
            return next((o for o in options if o != value and o != "none"), None)
        if op == "!=":
            return value
        if op == "in":
            return next((o for o in options if o not in value and o != "none"), None)
        if op == "not_in":
            return value[0]
        return None
    step = 1 if kind in ("int", "months") else 0.5
    if op == ">=":
        return value - step
    if op == ">":
        return value
    if op == "<=":
        return value + step
    if op == "<":
        return value
    if op == "between":
        return value[1] + step
    if op == "==":
        return value + step
    return None


def met_leaves(conds):
    for c in conds:
        kids = c.get("any_of") or c.get("all_of")
        if kids:
            yield from met_leaves(kids)
        elif c["status"] == "met" and c.get("fact"):
            yield c


@pytest.mark.parametrize("base", sorted(BASES))
def test_failing_each_condition_names_the_fact_that_was_changed(base):
    """Start from an eligible applicant of each program, fail one met requirement at a time (its fact set just past
    the threshold), and read the verdict: every condition that now fails names that fact."""
    js = verdict(base, {})
    book = rulebook()
    walked = 0
    for leaf in met_leaves(js["conditions"]):
        cond = book.condition(leaf["doc"], leaf["id"])
        bad = failing_value(cond.fact, cond.op, cond.value)
        if bad is None:
            continue
        changes = {cond.fact: bad}
        try:
            after = verdict(base, changes)
        except ProfileError:
            continue  # outside the fact's bounds: nobody can state it
        walked += 1
        for c in unmet(after):
            assert c["fact"] == cond.fact, (base, cond.id, changes, c["id"], c["fact"], c["facts"])
    assert walked or base.startswith(("bjfe.short", "haizhi"))


def test_a_background_cites_its_own_item():
    """Haiju background 2 (a senior technical post at a well-known company) cites item 2 for its renowned
    employer, not background 1's "国外著名高校"."""
    js = verdict("haiju.fulltime", {"overseas_title": "senior_corporate", "overseas_employer_renowned": False})
    flat = json.dumps(js, ensure_ascii=False)
    assert '"quote": "国际知名企业、律师事务所"' in flat
