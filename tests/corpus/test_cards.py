"""Clause cards (SPEC section 7): every built-in clause has a title pair, a full English rendering, 3-6 lay
questions per language and a plain answer per language; no figure in a rendering or an answer is absent from
the Chinese clause; a rendering is not a summary. The validator itself is tested on cards that break each rule."""
import pytest

import corpus
from corpus import cards as C


def clauses_of(doc):
    return [c for c in corpus.load() if c.doc == doc]


@pytest.mark.parametrize("doc", sorted(corpus.builtin_documents()))
def test_every_builtin_clause_has_a_complete_card(doc):
    found = C.cards().get(doc, {})
    assert found, f"no cards for {doc}"
    assert C.check(doc, found, clauses_of(doc)) == []
    assert len(found) == len(clauses_of(doc))


def test_all_176_clauses_have_cards():
    assert sum(len(v) for d, v in C.cards().items() if d in corpus.builtin_documents()) == len(
        [c for c in corpus.load() if c.doc in corpus.builtin_documents()]) == 176


def test_figures_are_read_in_both_languages():
    assert {100, 1_000_000, 50, 500_000, 6, 3} <= C.figures_zh("奖励100万元或50万元，每年不少于六个月，连续三年")
    assert C.figures_en("CNY 1 million or CNY 500,000, at least 6 months a year for 3 years, 30%") == {1_000_000, 500_000, 6, 3, 30}
    assert 14 in C.figures_zh("第十四条") and 40 in C.figures_zh("年龄不超过40岁")


def _card(**kw):
    base = dict(title_zh="青年项目申报条件", title_en="Youth project: eligibility",
                en="The youth project. Applicants must be no older than 40, hold a doctorate and have worked abroad for "
                   "36 months or more after the doctorate, in the natural sciences or engineering. " * 4,
                ask_zh=["青千年龄限制？", "青年千人要博士吗？", "博后算吗？"],
                ask_en=["Age limit for Young Thousand Talents?", "Do I need a PhD?", "Does a postdoc count?"],
                answer_zh="不超过40岁，博士后在海外工作36个月以上。", answer_en="40 or younger, 36 months abroad after the PhD.")
    base.update(kw)
    return C.Card(**{k: tuple(v) if k.startswith("ask_") else v for k, v in base.items()})


def test_the_validator_catches_each_kind_of_fault():
    clause = next(c for c in clauses_of("qianren-2017") if c.article == "第八条")
    assert C.check("qianren-2017", {"第八条": _card()}, [clause]) == []
    invented = C.check("qianren-2017", {"第八条": _card(answer_en="40 or younger; the subsidy is CNY 1 million.")}, [clause])
    assert invented and "1000000" in invented[0]
    assert any("ask_zh has 2" in p for p in C.check("qianren-2017", {"第八条": _card(ask_zh=["a", "b"])}, [clause]))
    assert any("summary" in p for p in C.check("qianren-2017", {"第八条": _card(en="Youth project: age 40, PhD.")}, [clause]))
    assert any("no card" in p for p in C.check("qianren-2017", {}, [clause]))
    assert C.check("qianren-2017", {}, [clause], complete=False) == []
    assert any("no such clause" in p for p in C.check("qianren-2017", {"第九百条": _card()}, [clause]))


def test_malformed_card_files_are_refused_with_one_line(tmp_path):
    bad = tmp_path / "x.toml"
    bad.write_text('["第八条"]\ntitle_zh = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="missing"):
        C.read(bad)
    bad.write_text('["第八条"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        C.read(bad)
