"""The conversation core end to end, with a real SQLite file."""
import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dialogue.assistant import Assistant
from bot.dialogue.store import SQLiteStore
from conftest import ROOT, SHARED, dev_file, policybot


@pytest.fixture
def bot(tmp_path):
    return Assistant(SQLiteStore(tmp_path / "sessions.db"))


def status(reply, program):
    return next((v["status"] for v in reply.verdicts if v["program"] == program), None)


def test_opening_with_facts_asks_the_next_question_with_its_reason(bot):
    r = bot.handle("u", "我想申请千人计划青年项目，我34岁，有海外博士学位。")
    assert r.lang == "zh" and r.kind == "question"
    assert [v["program"] for v in r.verdicts] == ["qianren.youth"]
    assert r.facts["age"] == 34 and r.facts["degree"] == "phd" and r.facts["degree_abroad"] is True
    assert r.asking and r.asking not in r.facts
    assert "第八条" in r.text or "第十" in r.text  # the question says which article it serves


def test_too_old_for_youth_is_decided_at_once_with_citation(bot):
    r = bot.handle("u", "I'm 45, can I still apply to the Young Talent program?")
    assert r.lang == "en"
    assert status(r, "qianren.youth") == "ineligible"


def test_yes_no_read_against_the_question(bot):
    r = bot.handle("u", "我想申请千人计划青年项目，我34岁")
    for _ in range(15):
        if r.asking in ("has_contract", "fulltime_in_china", "multiple_platforms"):
            break
        r = bot.handle("u", "不清楚")
    asked = r.asking
    assert asked in ("has_contract", "fulltime_in_china", "multiple_platforms")
    r = bot.handle("u", "是")
    assert r.facts[asked] is True


def test_dont_know_moves_on_and_is_not_asked_again(bot):
    r = bot.handle("u", "我想申请千人计划青年项目")
    first = r.asking
    r = bot.handle("u", "不清楚")
    assert r.asking != first
    seen = {first}
    for _ in range(30):
        if not r.asking:
            break
        assert r.asking not in seen or r.asking == "birth_month"
        seen.add(r.asking)
        r = bot.handle("u", "不知道")
    assert r.asking is None and r.kind == "verdict"


def test_correction_replaces_and_implausible_value_is_refused(bot):
    bot.handle("u", "我想申请青年项目，我38岁")
    r = bot.handle("u", "不对，我是41岁")
    assert r.facts["age"] == 41
    r = bot.handle("u", "我200岁")
    assert r.facts["age"] == 41
    assert "200" in r.text


def test_side_question_is_answered_and_the_interview_resumes(bot):
    r = bot.handle("u", "我想申请千人计划青年项目，我34岁")
    pending = r.asking
    r = bot.handle("u", "青年项目拟入选名单要公示多久？")
    assert "公示" in r.text and "第二十三条" in r.text
    assert r.asking == pending


def test_plain_question_gets_a_cited_clause(bot):
    r = bot.handle("u", "外国专家的配偶能办居留证件吗？")
    assert "第十条" in r.text and "配偶" in r.text


def test_commands(bot):
    assert "/check" in bot.handle("u", "/start").text
    assert "/forget" in bot.handle("u", "/help").text
    bot.handle("u", "我想申请青年项目，我34岁")
    assert "34" in bot.handle("u", "/profile").text
    r = bot.handle("u", "把年龄改成39")
    assert r.facts["age"] == 39
    assert bot.handle("u", "/lang en").lang == "en"
    assert bot.handle("u", "你好").lang == "en"  # forced language sticks
    r = bot.handle("u", "/why")
    assert r.asking and "decides" in r.text
    assert "第八条" in bot.handle("u", "/article qianren-2017 第八条").text
    assert "第十条" in bot.handle("u", "/search 外国专家工作许可").text
    bot.handle("u", "/reset")
    assert bot.handle("u", "/profile").facts == {}
    bot.handle("u", "我34岁")
    bot.handle("u", "/forget")
    assert bot.store.load("u").facts == {}


def test_why_cites_the_clause_text(bot):
    r = bot.handle("u", "我想申请千人计划青年项目，我34岁，有海外博士学位")
    r = bot.handle("u", "/why")
    assert r.asking and "《国家海外高层次人才引进计划管理办法》" in r.text


def test_users_do_not_see_each_other(bot):
    bot.handle("a", "我35岁")
    bot.handle("b", "I'm 50")
    assert bot.store.load("a").facts["age"] == 35
    assert bot.store.load("b").facts["age"] == 50


def test_verdict_message_names_article_quote_and_change(bot):
    r = bot.handle("u", "I'm 45, can I still apply to the Young Talent program?")
    v = next(v for v in r.verdicts if v["program"] == "qianren.youth")
    assert v["changes"] and "45" in v["changes"][0]["text"]


FUZZ_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=50),
    st.sampled_from(["", " ", "\x00\x01\x1b[31m", "😀" * 50, "<b>bold</b><script>x</script>", "/", "/lang", "/article",
                     "/check 青年", "?" * 100, "a" * 20000, "第" * 5000, "1e309", "-5岁", "NaN%"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(FUZZ_TEXT)
def test_any_text_gets_a_reply_and_never_loses_stored_facts(tmp_path_factory, text):
    store = SQLiteStore(tmp_path_factory.mktemp("fuzz") / "s.db")
    bot = Assistant(store)
    bot.handle("u", "我想申请千人计划青年项目，我34岁，有海外博士学位")
    before = dict(store.load("u").facts)
    r = bot.handle("u", text)
    assert r.text.strip()
    after = store.load("u").facts
    if not text.strip().startswith("/"):
        for k, v in before.items():  # a message may add or correct facts, never silently drop them
            assert k in after


def test_say_json_contract(tmp_path):
    env = {"POLICYBOT_DB": str(tmp_path / "s.db")}
    p = policybot("say", "--user", "x", "--json", "我想申请千人计划青年项目，我34岁", env=env)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) >= {"reply", "lang", "asking", "facts", "verdicts"}
    assert out["lang"] == "zh" and out["facts"]["age"] == 34
    p = policybot("profile", "--user", "x", "--json", env=env)
    assert json.loads(p.stdout)["facts"]["age"] == 34
    assert policybot("forget", "--user", "x", env=env).returncode == 0
    assert json.loads(policybot("profile", "--user", "x", "--json", env=env).stdout)["facts"] == {}
    assert policybot("say", "--json", "hi", env=env).returncode == 2


def run_simulator(personas, templates, tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "policybot")
    return subprocess.run([sys.executable, str(SHARED / "tools" / "simulate.py"), str(personas), str(templates),
                           "--policybot", exe], capture_output=True, text=True, timeout=1800,
                          env=dict(os.environ, POLICYBOT_DB=str(tmp_path / "sim.db")))


def test_simulated_applicants_dev_set(tmp_path):
    p = run_simulator(dev_file("personas_dev.jsonl"), dev_file("templates_dev.json"), tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.parametrize("name", ["extra", "third"])
def test_simulated_applicants_held_out(tmp_path, name):
    """Personas and answer phrasings written apart from the code (12 + 14, other programs and phrasings)."""
    personas = ROOT / "tests" / "data" / f"personas_{name}.jsonl"
    templates = ROOT / "tests" / "data" / f"templates_{name}.json"
    if not personas.exists():
        pytest.skip("no held-out personas")
    if not (SHARED / "tools" / "simulate.py").exists():
        pytest.skip("simulator not here")
    p = run_simulator(personas, templates, tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr


def test_an_institution_interview_for_a_haizhi_base(bot):
    r = bot.handle("org", "我们机构想申请首都海智工作基地，长期联系服务的海外科技人才有30人")
    assert [v["program"] for v in r.verdicts] == ["haizhi.work_base"]
    assert r.facts["org_overseas_talents_served"] == 30
    for _ in range(5):
        if r.asking is None:
            break
        r = bot.handle("org", {"org_location": "境内", "org_legal_person": "有"}.get(r.asking, "不清楚"))
    assert status(r, "haizhi.work_base") == "eligible"
    r = bot.handle("org2", "我们想申请国际研发社区，服务场地1500平米")
    assert status(r, "haizhi.rd_community") == "ineligible"
    assert "2000" in r.text


def test_a_correction_does_not_answer_the_pending_question(bot):
    r = bot.handle("c", "我88年3月出生，物理博士，在德国马普所当研究员，想申请千人计划青年项目")
    pending = r.asking
    assert pending
    r = bot.handle("c", "不对，我是89年的")
    assert r.facts["birth_year"] == 1989
    assert pending not in r.facts and r.asking == pending


def test_naming_a_program_as_an_answer_keeps_the_focus(bot):
    r = bot.handle("s", "我是外国专家，年薪50万，能拿到北京的配套工薪补助吗？")
    assert [v["program"] for v in r.verdicts] == ["bjfe.haiju_foreign_long_subsidy"]
    for _ in range(6):
        if r.asking is None:
            break
        answer = {"selected_programs": "海聚工程外专长期项目", "receives_other_salary_subsidy": "否"}.get(r.asking, "不清楚")
        r = bot.handle("s", answer)
    assert [v["program"] for v in r.verdicts] == ["bjfe.haiju_foreign_long_subsidy"]
    assert status(r, "bjfe.haiju_foreign_long_subsidy") == "eligible"
    assert any(a.get("cny_per_year") == 100000 for a in r.verdicts[0]["amounts"])


@pytest.mark.parametrize("question,expect", [
    ("青年项目的拟入选名单能不能不公示？", "第二十三条"),                     # names a program
    ("Can I bring my spouse if I am a foreign expert in Beijing?", "第十条"),  # carries a fact
    ("How do I apply for the Haiju program?", "申报"),                         # a procedure, not an application
    ("海聚工程有哪些申报方式？", "申报方式"),
])
def test_a_rule_question_mid_interview_is_answered_then_the_interview_resumes(bot, question, expect):
    r = bot.handle("q", "我想申请千人计划青年项目，我34岁，有海外博士学位")
    pending = r.asking
    r = bot.handle("q", question)
    assert expect in r.text and r.asking == pending
