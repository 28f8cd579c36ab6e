"""`policybot corpus add/list/remove`: a staff member grows the corpus; bad input leaves nothing half-added."""
import json

import pytest

from conftest import policybot

REGULATION = """# 上海市海外高层次人才引进实施办法

## 第一章 总则

第一条  为吸引海外高层次人才来沪创新创业，制定本办法。

第二条  申报人应当具有博士学位，年龄不超过45岁，在海外连续工作
3年以上。

第三条  入选者给予一次性安家补贴50万元。
"""


@pytest.fixture
def env(tmp_path):
    return {"POLICYBOT_CORPUS_DIR": str(tmp_path / "corpus"), "POLICYBOT_CACHE": str(tmp_path / "cache")}


def test_add_search_cite_remove(tmp_path, env):
    src = tmp_path / "sh.md"
    src.write_text(REGULATION, encoding="utf-8")
    p = policybot("corpus", "add", str(src), "--id", "shanghai-2020", "--title", "上海市海外高层次人才引进实施办法",
                  "--issuer", "上海市", "--in-force", "2020-01-01", env=env)
    assert p.returncode == 0, p.stderr
    assert "3 clauses" in p.stdout
    hits = json.loads(policybot("search", "上海 安家补贴", "--json", env=env).stdout)
    assert (hits[0]["doc"], hits[0]["article"]) == ("shanghai-2020", "第三条")
    art = policybot("article", "shanghai-2020", "第二条", env=env)
    assert "在海外连续工作3年以上" in art.stdout  # the line cut is repaired by the same parser
    rows = json.loads(policybot("corpus", "list", "--json", env=env).stdout)
    assert {"id": "shanghai-2020", "clauses": 3, "builtin": False} .items() <= next(
        r for r in rows if r["id"] == "shanghai-2020").items()
    assert policybot("corpus", "remove", "shanghai-2020", env=env).returncode == 0
    hits = json.loads(policybot("search", "上海 安家补贴", "--json", env=env).stdout)
    assert all(h["doc"] != "shanghai-2020" for h in hits)


def test_numbered_headings_document(tmp_path, env):
    src = tmp_path / "h.txt"
    src.write_text("一、总体目标\n引进人才100名。\n二、支持措施\n给予住房补贴和子女入学便利。\n", encoding="utf-8")
    assert policybot("corpus", "add", str(src), "--id", "plan-x", "--title", "测试计划", env=env).returncode == 0
    assert "住房补贴" in policybot("article", "plan-x", "二、支持措施", env=env).stdout


def test_gbk_file_is_read(tmp_path, env):
    src = tmp_path / "gbk.txt"
    src.write_bytes(REGULATION.encode("gb18030"))
    assert policybot("corpus", "add", str(src), "--id", "gbk-doc", "--title", "GBK", env=env).returncode == 0


@pytest.mark.parametrize("content,args,message", [
    ("hello, no clauses\n", ["--id", "empty-doc", "--title", "x"], "no clauses"),
    (None, ["--id", "bin-doc", "--title", "x"], "not UTF-8"),
    (REGULATION, ["--id", "qianren-2017", "--title", "x"], "exists"),
    (REGULATION, ["--id", "Bad ID", "--title", "x"], "id"),
    (REGULATION, ["--id", "ok-id", "--title", "x", "--in-force", "soon"], "in-force"),
])
def test_bad_input_exits_2_and_adds_nothing(tmp_path, env, content, args, message):
    src = tmp_path / "in.txt"
    if content is None:
        src.write_bytes(b"\xff\xfe\x00\x01\x02\x80\x81")
    else:
        src.write_text(content, encoding="utf-8")
    p = policybot("corpus", "add", str(src), *args, env=env)
    assert p.returncode == 2 and message in p.stderr and len(p.stderr.strip().splitlines()) == 1
    rows = json.loads(policybot("corpus", "list", "--json", env=env).stdout)
    assert len(rows) == 5 and all(r["builtin"] for r in rows)


def test_builtin_cannot_be_removed_and_unknown_is_an_error(env):
    assert policybot("corpus", "remove", "qianren-2017", env=env).returncode == 2
    assert policybot("corpus", "remove", "nope-doc", env=env).returncode == 2
    assert policybot("corpus", "add", "/no/such/file", "--id", "x-y", "--title", "t", env=env).returncode == 2


CARDS = '''["第三条"]
title_zh = "上海安家补贴"
title_en = "Shanghai: one-off settling-in allowance"
en = """Article 3. Those selected shall be granted a one-off settling-in allowance of CNY 500,000, paid once to each selected person as set out in these measures."""
ask_zh = ["上海人才安家补贴多少钱？", "入选上海海外人才有安家费吗？", "安家补贴是一次性的吗？"]
ask_en = ["How much is the Shanghai relocation bonus?", "Do I get a housing allowance in Shanghai?", "Is the settling-in money paid once?"]
answer_zh = "入选者给予一次性安家补贴50万元。本条未说明是否征税。"
answer_en = "Those selected get a one-off settling-in allowance of CNY 500,000. The clause does not say whether it is taxed."
'''


def test_add_with_cards_gives_english_search_and_answers(tmp_path, env):
    src, cards = tmp_path / "sh.md", tmp_path / "sh.cards.toml"
    src.write_text(REGULATION, encoding="utf-8")
    cards.write_text(CARDS, encoding="utf-8")
    before = json.loads(policybot("search", "relocation bonus", "--json", env=env).stdout)
    assert all(h["doc"] != "shanghai-2020" for h in before)
    p = policybot("corpus", "add", str(src), "--id", "shanghai-2020", "--title", "上海市海外高层次人才引进实施办法",
                  "--cards", str(cards), env=env)
    assert p.returncode == 0 and "with their cards" in p.stdout, p.stderr
    hits = json.loads(policybot("search", "How much is the Shanghai relocation bonus?", "--json", env=env).stdout)
    assert (hits[0]["doc"], hits[0]["article"]) == ("shanghai-2020", "第三条")
    assert "CNY 500,000" in hits[0]["answer"] and hits[0]["text_en"].startswith("Article 3.")
    # a clause without a card falls back to what search did before: Chinese text, no English rendering
    art2 = json.loads(policybot("search", "第二条", "--doc", "shanghai-2020", "--json", env=env).stdout)[0]
    assert art2["text_en"] == "" and art2["answer"] == ""


@pytest.mark.parametrize("card,message", [
    (CARDS.replace("50万元", "80万元"), "figures not in the clause: 80, 800000"),
    (CARDS.replace('["第三条"]', '["第九条"]'), "no such clause"),
    ('["第三条"]\ntitle_zh = "x"\n', "missing"),
    ('["第三条"\n', "not valid TOML"),
])
def test_bad_cards_are_refused_and_nothing_is_added(tmp_path, env, card, message):
    src, cards = tmp_path / "sh.md", tmp_path / "sh.cards.toml"
    src.write_text(REGULATION, encoding="utf-8")
    cards.write_text(card, encoding="utf-8")
    p = policybot("corpus", "add", str(src), "--id", "shanghai-2020", "--title", "上海", "--cards", str(cards), env=env)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    rows = json.loads(policybot("corpus", "list", "--json", env=env).stdout)
    assert all(r["id"] != "shanghai-2020" for r in rows)


def test_huge_files_and_control_characters_are_refused(tmp_path, env):
    """Issue 13: a 200 MB file was accepted (the next search took 267 s); a control character in the title wrote
    invalid TOML and hid the document."""
    big = tmp_path / "big.md"
    with open(big, "wb") as f:
        f.write(REGULATION.encode("utf-8"))
        f.seek(6_000_000)
        f.write(b"\n")
    p = policybot("corpus", "add", str(big), "--id", "big-doc", "--title", "大文件", env=env)
    assert p.returncode == 2 and "larger than 5 MB" in p.stderr, p.stderr
    src = tmp_path / "sh.md"
    src.write_text(REGULATION, encoding="utf-8")
    p = policybot("corpus", "add", str(src), "--id", "sh-ctrl", "--title", "上海\x07办法", env=env)
    assert p.returncode == 2 and "control characters" in p.stderr, p.stderr
    p = policybot("corpus", "add", str(src), "--id", "sh-ctrl", "--title", "上海办法", env=env)
    assert p.returncode == 0, p.stderr  # the id was not taken by the refused attempt
