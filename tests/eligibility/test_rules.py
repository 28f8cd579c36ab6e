"""The rules data against its sources: every quote is in the clause it cites."""
import re

import corpus
from bot.eligibility.rules import rulebook


def norm(s: str) -> str:
    return re.sub(r"\s", "", s)


CLAUSES = {(c.doc, c.article): c for c in corpus.load()}


def check_cite(doc, article, quote, item=""):
    clause = CLAUSES.get((doc, article))
    assert clause is not None, f"{doc} {article}: no such clause"
    assert norm(quote) in norm(clause.text), f"{doc} {article}: quote not found: {quote}"
    if item:
        items = dict(clause.items)
        assert item in items, f"{doc} {article}: no item {item}"
        if not item.startswith("（"):  # slide bullets: the quote is on that very bullet
            assert norm(quote) in norm(items[item]), f"{doc} {article} 第{item}项 does not say: {quote}"


def test_every_condition_quote_is_in_its_clause():
    book = rulebook()
    assert len(book.conditions) > 100
    for (doc, cid), c in book.conditions.items():
        check_cite(doc, c.article, c.quote, c.item)
        for extra in (c.relax, c.otherwise):
            if extra:
                check_cite(extra.doc, extra.article, extra.quote, extra.item)
        assert c.zh and c.en, cid


def test_every_relaxation_and_amount_quote_is_in_its_clause():
    book = rulebook()
    for r in book.relaxations.values():
        check_cite(r.doc, r.article, r.quote)
    for p in book.programs.values():
        check_cite(p.doc, p.article, CLAUSES[(p.doc, p.article)].text[:10])
        for a in p.amounts:
            check_cite(a.doc, a.article, a.quote, a.item)


def test_every_program_of_the_spec_is_encoded():
    ids = set(rulebook().programs)
    assert ids >= {
        "qianren.innovation_long", "qianren.innovation_short", "qianren.entrepreneur", "qianren.youth",
        "qianren.foreign_expert", "qianren.top_talent", "qianren.xinjiang_tibet", "qianren.culture_arts",
        "haiju.fulltime", "haiju.youth", "haiju.short_term", "haiju.foreign_long", "haiju.foreign_short",
        "haiju.entrepreneur", "haiju.startup_team",
        "bjfe.haiju_foreign_long_subsidy", "bjfe.key_field_hire", "bjfe.short_term_consulting",
        "haizhi.work_base", "haizhi.offshore_base", "haizhi.overseas_base", "haizhi.rd_community"}


def test_every_fact_a_rule_tests_is_a_profile_field_with_a_question():
    from bot.eligibility.facts import facts
    from bot.eligibility.profile import Profile

    for (doc, cid), c in rulebook().conditions.items():
        if c.fact:
            assert c.fact in Profile.model_fields, (doc, cid, c.fact)
            assert c.fact in facts(), f"no question for {c.fact}"


def test_qianren_bars_apply_to_every_qianren_program():
    book = rulebook()
    for pid, p in book.programs.items():
        if pid.startswith("qianren."):
            for bar in ("one_platform", "no_unfulfilled_sponsorship", "no_misconduct"):
                assert bar in p.conditions, (pid, bar)
            # 第十三条: entrepreneur and youth have no application limit; 第十四条: no contract for entrepreneurs
            assert ("application_count" in p.conditions) == (pid not in ("qianren.entrepreneur", "qianren.youth"))
            assert ("contract" in p.conditions) == (pid != "qianren.entrepreneur")
