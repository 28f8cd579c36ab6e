"""The parsed corpus: every article once and in order, nothing invented, nothing lost."""
import re

import pytest

import corpus
from corpus.parse import cn_int, split_units

CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    if n < 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


def labels(doc):
    return [c.article for c in corpus.load() if c.doc == doc]


@pytest.mark.parametrize("doc,n", [("qianren-2017", 43), ("bj-foreign-experts-2013", 18), ("haizhi-bases", 26)])
def test_regulation_articles_once_in_order(doc, n):
    arts = [a for a in labels(doc) if a.startswith("第")]
    assert arts == [f"第{cn(i)}条" for i in range(1, n + 1)]


def test_zgc_tasks_once_in_order_with_category_and_units():
    tasks = [c for c in corpus.load() if c.doc == "zgc-ecosystem-2015" and c.article.startswith("任务")]
    assert [c.article for c in tasks] == [f"任务{i}" for i in range(1, 39)]
    assert all(c.fields["category"] and c.fields["units"] for c in tasks)
    by = {c.article: c for c in tasks}
    # continuation rows inherit the category; the repeated header row is not a task
    assert by["任务2"].fields["category"] == "深入实施重大人才工程"
    assert by["任务11"].fields["category"] == "打造国际人才创业平台"  # "打造国际人才 创业平台" in the PDF
    assert by["任务27"].fields["units"] == "中关村管委会、中关村发展集团"
    assert by["任务38"].fields["units"] == "市人才工作领导小组相关成员单位"  # one unit wrapped over three lines


def test_zgc_main_text_labels():
    arts = labels("zgc-ecosystem-2015")
    assert {"一", "二", "三（一）", "三（七）", "三（十）", "四（三）"} <= set(arts)


def test_haiju_headings_normalised_and_repeated_ones_merged():
    arts = labels("haiju-intro")
    assert "三、引进条件—青年项目" in arts and "三、引进条件—基本条件" in arts
    assert len(arts) == len(set(arts))
    basic = corpus_clause("haiju-intro", "三、引进条件—基本条件")
    # both slides titled 基本条件 are in the one clause, bullets kept as numbered items
    assert "海外博士学位" in basic.text and "发展潜力大、专业水平高的博士后" in basic.text
    assert basic.items[0] == ("1", "1、海外博士学位（创业取得学位即可）")
    assert all(g not in basic.text for g in "❖◆")


def corpus_clause(doc, article):
    return next(c for c in corpus.load() if c.doc == doc and c.article == article)


def test_known_extraction_artefacts_repaired():
    assert "引进时未全职在国内工作" in corpus_clause("qianren-2017", "第六条").text      # "引\n\n进时"
    assert "对申报人创办的企业" in corpus_clause("qianren-2017", "第十八条").text         # page break
    assert "(视同国家奖金)" in corpus_clause("qianren-2017", "第二十七条").text
    t11 = corpus_clause("bj-foreign-experts-2013", "第十一条").text
    assert t11.startswith("外国专家入选“海聚工程外专长期项目”，并能严格履行合同的")   # doubled spaces, line cut
    assert "最高20万元" in t11
    assert "可办理2至5年的工作许可" in corpus_clause("bj-foreign-experts-2013", "第十条").text
    assert "海外科技人才的团结引领" in corpus_clause("haizhi-bases", "第四条").text     # page line starting with a space
    assert "**" not in "".join(c.text for c in corpus.load())


SENTENCE_END = "。；;：:！？!?）)”"


@pytest.mark.parametrize("doc", ["qianren-2017", "bj-foreign-experts-2013", "haizhi-bases"])
def test_no_break_inside_a_sentence(doc):
    for c in corpus.load():
        if c.doc != doc or not c.article.startswith("第"):
            continue
        for line in c.text.splitlines():
            assert line[-1] in SENTENCE_END, f"{doc} {c.article}: line cut mid-sentence: …{line[-20:]}"


def test_no_break_inside_a_sentence_in_zgc_main_text():
    for c in corpus.load():
        if c.doc == "zgc-ecosystem-2015" and re.match(r"^[一二三四]", c.article):
            for line in c.text.splitlines():
                assert line[-1] in SENTENCE_END, f"{c.article}: …{line[-20:]}"


def normalise(text: str) -> str:
    """Whitespace, markdown bold, list dashes and bullet glyphs are layout, not content."""
    return re.sub(r"[\s*❖◆]", "", re.sub(r"(?m)^\s*-\s", "", text))


def without_running_headers(raw: str) -> str:
    """A slide heading repeated on the next slides (七、中心介绍—工作职责 ×9) is a
    running header: the parser merges those slides under one label."""
    seen, out = set(), []
    for line in raw.splitlines():
        key = line.strip()
        if re.match(r"^[一二三四五六七]、\S+—", key):
            if key in seen:
                continue
            seen.add(key)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("doc", list(corpus.documents()))
def test_nothing_invented(doc):
    source = normalise(corpus.documents()[doc].raw())
    for c in corpus.load():
        if c.doc != doc:
            continue
        for line in c.text.splitlines():
            # a bullet line dropped its "- " marker; a table row joined its cells
            assert normalise(line).lstrip("-") in source, f"{doc} {c.article}: {line[:40]!r} not in source"
        for value in c.fields.values():
            assert normalise(value.replace("、", "")) in normalise(source.replace("、", "")) or all(
                normalise(u) in source for u in value.split("、"))


@pytest.mark.parametrize("doc", list(corpus.documents()))
def test_nothing_lost(doc):
    """The clauses cover at least 98 % of the source's non-whitespace characters."""
    from collections import Counter

    source = Counter(normalise(without_running_headers(corpus.documents()[doc].raw())))
    clauses = Counter()
    for c in corpus.load():
        if c.doc == doc:
            clauses += Counter(normalise(c.text + "".join(c.fields.values()) + c.article))
    covered = sum(min(n, clauses[ch]) for ch, n in source.items())
    assert covered / sum(source.values()) >= 0.98, f"{doc}: {covered / sum(source.values()):.3f}"


def test_every_clause_has_zh_and_en_title():
    for c in corpus.load():
        pair = corpus.titles()[c.doc][c.article]
        assert pair[0] and pair[1], (c.doc, c.article)


def test_metadata_per_spec():
    docs = corpus.documents()
    assert set(docs) == {"qianren-2017", "haiju-intro", "zgc-ecosystem-2015", "bj-foreign-experts-2013", "haizhi-bases"}
    assert docs["bj-foreign-experts-2013"].number == "京外专发〔2013〕6号"
    assert docs["qianren-2017"].in_force == "2017-02-24"
    assert docs["zgc-ecosystem-2015"].number == "京人才发〔2015〕3号"


def test_sources_are_verbatim_copies():
    from conftest import SHARED

    for d in corpus.documents().values():
        shared = SHARED / "sources" / d.file
        if shared.exists():
            assert d.path.read_bytes() == shared.read_bytes()


def test_helpers():
    assert [cn_int(x) for x in ("一", "十", "十三", "二十", "四十三", "一百零五")] == [1, 10, 13, 20, 43, 105]
    assert split_units("市科委等 市人才工作领导小组相关成员单位") == ["市科委等市人才工作领导小组相关成员单位"]
    assert split_units("中关村管委会 海淀区 等相关区县") == ["中关村管委会", "海淀区等相关区县"]
