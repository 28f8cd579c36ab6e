"""Side questions answered in the asker's language (SPEC section 7): the plain answer first, then the clause; for
English its full rendering with the Chinese original quoted; a near clause that does not answer the question's
point is offered as related, under "the sources do not say"."""
import pytest

from bot.dialogue.assistant import Assistant
from bot.dialogue.store import SQLiteStore


def latin(s):
    return sum(ch.isascii() and ch.isalpha() for ch in s)


def cjk(s):
    return sum("\u4e00" <= ch <= "\u9fff" for ch in s)


@pytest.fixture
def bot(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYBOT_AS_OF", "2026-11-29")
    return Assistant(SQLiteStore(tmp_path / "s.db"))


def test_english_side_question_gets_english_with_the_chinese_quoted(bot):
    bot.handle("en", "Hello, I'm a Dutch agronomist, 41 years old, associate professor at Wageningen University.")
    r = bot.handle("en", "So, yes or no, can my wife get a permit? The text is Chinese, I cannot read it.")
    assert r.kind == "answer" and r.lang == "en"
    assert r.text.startswith("Long-term high-end foreign experts")  # the plain answer leads
    assert "Article 10 (第十条)" in r.text and "foreign spouses and children under the age of 18" in r.text
    assert "其外籍配偶和未满18周岁子女可办理2至5年的外国人居留证件" in r.text  # the original, quoted
    assert r.quote and r.quote in r.text and "第十条" in r.quote
    assert latin(r.text) >= 1.5 * cjk(r.text)
    assert r.facts.get("nationality") == "foreign" and "spouse" not in " ".join(r.facts)


def test_chinese_side_question_stays_chinese_with_its_plain_answer(bot):
    r = bot.handle("zh", "青千的年龄限制是多少？")
    assert r.lang == "zh" and "40" in r.text.split("\n")[0]  # the plain answer first, with its figure
    assert "《国家海外高层次人才引进计划管理办法》第八条" in r.text and r.quote is None
    assert cjk(r.text) >= 1.5 * latin(r.text)


@pytest.mark.parametrize("question,said,related", [
    ("Is the Beijing subsidy taxed?", "The sources do not say whether it is taxed", "Article 11 (第十一条)"),
    ("海聚工程的奖励要交税吗？", "现有文件没有规定是否征税", "五、政策待遇—生活保障"),
    ("Can my wife get a green card?", "The sources do not say permanent residence", "Article 10 (第十条)"),
])
def test_a_near_clause_is_related_not_the_answer(bot, question, said, related):
    r = bot.handle("g", question)
    assert r.text.startswith(said), r.text
    assert related in r.text and ("related, not an answer" in r.text or "并非对这个问题的回答" in r.text)
    # 第二十七条 (the national subsidy is tax-free) must not be offered as the answer for Beijing's subsidy
    assert "第二十七条" not in r.text


def test_a_clause_that_answers_is_the_answer(bot):
    r = bot.handle("t", "千人计划的补助要交税吗？")
    assert "现有文件没有规定" not in r.text and "第二十七条" in r.text and "免征个人所得税" in r.text


def test_search_command_leads_with_the_plain_answer_in_english(bot):
    r = bot.handle("s", "/search How long is a work permit valid for a foreign expert?")
    first = r.text.split("\n")[0]
    assert "2 to 5 years" in first and "Article 10 (第十条)" in r.text, r.text[:300]


def test_an_answer_in_a_message_with_a_question_is_not_asked_again(bot):
    """"I'm 46. … And is there anything like a green card?": the age is recorded, the question is searched on its
    own sentence (not on "not starting a company"), and the age is not asked again."""
    bot.handle("p", "Hi, I'm a data scientist with an Indian passport, VP at Citibank in New York. A Beijing fintech "
                    "wants to hire me. Would I qualify for the thousand talents?")
    r = bot.handle("p", "/edit age")  # the pending question is now the age, as when the bot asks it
    assert r.asking == "age"
    r = bot.handle("p", "I'm 46. But I'm not starting a company. And is there anything like a green card in China?")
    assert r.facts["age"] == 46 and r.asking != "age" and "How old" not in r.text, r.text
    assert "Article 10 (第十条)" in r.text and "permanent residence" in r.text


@pytest.mark.parametrize("opening,ask,says", [
    ("老师好，我是北京化工大学人事处的李婷。想替我们的候选人陈博士咨询一下：他36岁，中国籍，2018年多伦多大学博士，"
     "现在在马普所做研究组长，已签意向书，会全职来5年。", "海聚青年交哪？什么时候截止？",
     ["海外学人中心", "四、申报程序—申报渠道", "现有文件没有规定申报截止时间"]),
    ("老师好，我36岁，中国籍，2018年多伦多大学博士，现在在马普所做研究组长。", "那青千呢，去哪报？",
     ["自然科学基金会", "第十八条"]),
    ("I'm a British citizen, 58, professor at Imperial College; Xinjiang University asked me to join.",
     "Where would they submit it?", ["special office", "第十八条"]),
])
def test_where_to_apply_gets_the_channels_of_the_programs(bot, opening, ask, says):
    bot.handle("w", opening)
    r = bot.handle("w", ask)
    for s in says:
        assert s in r.text, r.text


def test_a_short_english_answer_keeps_a_chinese_conversation_chinese(bot):
    """A player's case: typing the title "Senior Scientist" switched every reply to English."""
    bot.handle("lz", "我33岁，在美国读的博士，现在在德州一家药企做研发。")
    r = bot.handle("lz", "Senior Scientist")
    assert r.lang == "zh" and cjk(r.text) > latin(r.text), r.text
    r = bot.handle("lz", "Sorry, can you please answer in English from now on?")
    assert r.lang == "en"


def test_an_english_summary_gives_the_amounts_in_english(bot):
    bot.handle("am", "Hi! I'm Dutch, 52, not of Chinese descent. I'm a full professor of hydrology at TU Delft. A Beijing "
                     "university wants me full-time for 3 years; we signed a letter of intent last week.")
    r = bot.handle("am", "summary")
    money = [l for l in r.text.splitlines() if l.strip().startswith("¥")]
    assert money and all(latin(l.split(" — ")[0]) > cjk(l.split(" — ")[0]) for l in money), money
