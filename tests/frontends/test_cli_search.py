"""`policybot search`, `article`, `eval retrieval` as a user runs them: real processes, exit codes, JSON."""
import json

import pytest

from conftest import dev_file, policybot


def test_search_json_shape():
    p = policybot("search", "青年项目的年龄要求", "--top", "3", "--json")
    assert p.returncode == 0, p.stderr
    hits = json.loads(p.stdout)
    assert len(hits) == 3
    assert {"doc", "article", "title", "score", "text"} <= set(hits[0])
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_search_english_shows_english_title_above_chinese_quote():
    p = policybot("search", "How long a work permit can a foreign expert in Beijing get?", "--top", "1")
    assert p.returncode == 0
    lines = p.stdout.splitlines()
    assert lines[0].startswith("Answer: ") and "2 to 5 years" in lines[0]  # the plain answer leads
    head = lines.index("1. Foreign experts: work permits, residence, children's schooling, awards")
    assert "第十条" in lines[head + 1]
    body = "\n".join(lines[head + 2:])
    assert body.index("work permits and work-type residence permits valid for 2 to 5 years") < body.index(
        "Original (Chinese):") < body.index("可办理2至5年的工作许可")  # the English rendering above the original


def test_article_prints_the_clause():
    p = policybot("article", "qianren-2017", "第八条")
    assert p.returncode == 0
    assert "《国家海外高层次人才引进计划管理办法》第八条" in p.stdout and "年龄不超过40岁" in p.stdout


def test_article_json_and_chapter_lookup():
    p = policybot("article", "zgc-ecosystem-2015", "三", "--json")
    assert p.returncode == 0
    assert [c["article"] for c in json.loads(p.stdout)][:2] == ["三（一）", "三（二）"]


def test_bad_input_exits_2_with_one_line():
    for args in (("search", ""), ("search", "   "), ("search", "x", "--doc", "nope"), ("article", "nope", "第一条"),
                 ("article", "qianren-2017", "第九十九条"), ("search", "x", "--top", "0"), ("frobnicate",),
                 ("eval", "retrieval", "/no/such/file")):
        p = policybot(*args)
        assert p.returncode == 2, (args, p.stdout, p.stderr)
        assert len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr, (args, p.stderr)
        assert p.stdout == ""


def test_eval_retrieval_prints_the_figures():
    p = policybot("eval", "retrieval", str(dev_file("retrieval_dev.jsonl")))
    assert p.returncode == 0
    assert "hit@1" in p.stdout and "hit@3" in p.stdout and "hit@5" in p.stdout and "MRR" in p.stdout


def test_chat_answers_each_line_and_exits_at_end_of_input():
    p = policybot("chat", input="青年项目年龄要求\nWhat is the age limit for the youth project?\n")
    assert p.returncode == 0
    assert "第八条" in p.stdout or "青年项目" in p.stdout


@pytest.mark.parametrize("args,code,says", [
    (["search", "第1000条", "--top", "1"], 0, ""),
    (["search", "第" + "9" * 5000 + "条", "--top", "1"], 0, ""),
    (["article", "qianren-2017", "Article 1000"], 2, "no article"),
    (["article", "qianren-2017", "第12345条"], 2, "no article"),
])
def test_article_numbers_of_any_size_never_crash(args, code, says):
    """Issue 13: any article number >= 1000 hit an IndexError in int_to_cn; 5,000 digits hit int()'s limit."""
    p = policybot(*args)
    assert p.returncode == code and "Traceback" not in p.stderr and "internal error" not in p.stderr, p.stderr
    assert says in p.stderr


def test_a_chat_question_about_a_missing_article_says_so(tmp_path):
    p = policybot("say", "--user", "a", "what does article 1000 say?", env={"POLICYBOT_DB": str(tmp_path / "s.db")})
    assert p.returncode == 0 and "None of the sources has an article" in p.stdout, p.stdout
