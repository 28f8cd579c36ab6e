"""Conversations people steer (SPEC section 8), written as transcripts: each user line, what the reply must say,
which facts must hold after it and what kind of reply it is. Both languages."""
import pytest

from bot.dialogue.assistant import Assistant
from bot.dialogue.store import SQLiteStore


@pytest.fixture
def bot(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYBOT_AS_OF", "2026-11-29")
    return Assistant(SQLiteStore(tmp_path / "s.db"))


def play(bot, user, script):
    """script: [(line, {"says": [...], "not_says": [...], "facts": {...}, "absent": [...], "kind": str})]"""
    for line, want in script:
        r = bot.handle(user, line)
        for s in want.get("says", []):
            assert s in r.text, f"{line!r}: {s!r} not in reply:\n{r.text}"
        for s in want.get("not_says", []):
            assert s not in r.text, f"{line!r}: {s!r} in reply:\n{r.text}"
        for f, v in want.get("facts", {}).items():
            assert r.facts.get(f) == v, f"{line!r}: {f}={r.facts.get(f)!r}, want {v!r}"
        for f in want.get("absent", []):
            assert f not in r.facts, f"{line!r}: {f} must stay unset: {r.facts}"
        if "kind" in want:
            assert r.kind == want["kind"], f"{line!r}: kind {r.kind}"
    return r


def test_corrections_stick_and_say_old_to_new(bot):
    play(bot, "en", [
        ("I'm 38, a Chinese citizen, assistant professor at NUS. I was government-sponsored and did not fulfil the agreement.",
         {"facts": {"age": 38, "unfulfilled_sponsorship": True}}),
        ("I said NO, I fulfilled it.", {"says": ["Yes → No"], "facts": {"unfulfilled_sponsorship": False, "age": 38}}),
        ("Sorry, I meant 42", {"says": ["38 → 42"], "facts": {"age": 42}}),
    ])
    play(bot, "zh", [
        ("我今年44岁，中国籍，在多伦多大学当副教授，四川大学想全职引进我。", {"facts": {"age": 44, "employer_region": "other"}}),
        ("不对，我记错了，我今年43岁。", {"says": ["44 → 43"], "facts": {"age": 43}}),
        ("更正一下：想引进我的是西藏大学，不是四川大学。", {"facts": {"employer_region": "tibet", "age": 43}}),
    ])


def test_undo_and_edit(bot):
    play(bot, "u", [
        ("我35岁，中国籍。", {"facts": {"age": 35}}),
        ("我在斯坦福做博后。", {"facts": {"overseas_title": "postdoc"}}),
        ("/undo", {"says": ["已撤销"], "absent": ["overseas_title"], "facts": {"age": 35}}),
        ("/edit age 36", {"facts": {"age": 36}}),
        ("/edit nosuchfact 3", {"says": ["/edit"], "kind": "error"}),
    ])
    prov = bot.profile("u").provenance
    assert prov["age"]["said"] == "/edit age 36"


def test_edit_a_fact_by_asking_it_again(bot):
    """/edit FACT alone (the profile's ✏️ button) asks that fact again; the answer replaces the value even where
    a later remark would not (the employer being joined), and /profile offers a change per fact."""
    r = play(bot, "e", [
        ("I'm 41, a Chinese citizen, full professor at Imperial College. Sichuan University wants me full-time.",
         {"facts": {"age": 41, "employer_region": "other"}}),
        ("/profile", {"says": ["age: 41"]}),
    ])
    assert ("age", "age") in r.edits and "employer_region" in dict(r.edits)
    play(bot, "e", [
        ("/edit employer_region", {"kind": "question", "says": ["employer"]}),
        ("Xinjiang", {"facts": {"employer_region": "xinjiang", "age": 41}, "says": ["→"]}),
        ("/edit age", {"kind": "question", "says": ["41"]}),
        ("40", {"facts": {"age": 40}, "says": ["41 → 40"]}),
    ])
    play(bot, "z", [
        ("我38岁，中国籍，博士。", {"facts": {"age": 38}}),
        ("/edit degree", {"kind": "question", "says": ["博士"]}),
        ("硕士", {"facts": {"degree": "master", "age": 38}, "says": ["博士 → 硕士"]}),
    ])


def test_what_if_answers_on_a_copy(bot):
    r = play(bot, "w", [
        ("I'm 39, Chinese citizen, PhD from MIT in 2019, assistant professor at Purdue since 2021. Tsinghua offered me a job.",
         {"facts": {"age": 39}}),
        ("What if I had signed a contract already?", {"kind": "what_if", "says": ["your facts are unchanged"], "absent": ["has_contract"]}),
    ])
    assert r.what_if and {v["program"] for v in r.what_if}
    assert bot.profile("w").facts["age"] == 39 and "has_contract" not in bot.profile("w").facts


def test_next_year_is_a_what_if_a_year_on(bot):
    play(bot, "y", [("我40岁，中国籍，在哈佛当助理教授，博士是2019年在MIT读的，北京大学想引进我。", {"facts": {"age": 40}})])
    r = play(bot, "y", [("明年再申请呢？", {"kind": "what_if", "facts": {"age": 40}})])
    now = {v["program"]: v["status"] for v in bot.handle("y", "/profile").verdicts}
    then = {v["program"]: v["status"] for v in r.what_if}
    assert then["qianren.youth"] == "ineligible" and now.get("qianren.youth") != "ineligible"  # 41 next year
    assert bot.profile("y").facts["age"] == 40


def test_what_would_i_need_to_change(bot):
    play(bot, "c", [
        ("我43岁，中国籍，在加州理工当副教授，博士毕业后在美国连续工作了十年。清华想引进我。", {"facts": {"age": 43}}),
        ("我差什么？", {"kind": "answer", "says": ["要改变结论"]}),
    ])


def test_wrap_up_gives_fits_amounts_and_cited_next_steps(bot):
    r = play(bot, "s", [
        ("I'm a 62-year-old German professor at TU Munich, not of Chinese descent. A Beijing company will hire me "
         "full-time for three years at RMB 1,200,000 a year; the contract is signed. I do not receive any other "
         "salary subsidy, and I was already selected into the Haiju long-term foreign expert project.", {}),
        ("summary", {"kind": "summary", "says": ["Summary:", "Next steps:"]}),
    ])
    assert "第七条" in r.text or "第十八条" in r.text or "申报渠道" in r.text  # a cited channel
    assert "CNY" in r.text or "万元" in r.text or "¥" in r.text  # the amounts in figures


def test_ruled_out_programs_are_one_line_not_a_wall(bot):
    r = bot.handle("wall", "I'm 43, a Chinese citizen, associate professor at Caltech, ten years abroad after my PhD. Tsinghua wants me.")
    assert r.text.count("❌") <= 2, r.text


@pytest.mark.parametrize("user_line", ["What would I need to change to become eligible?", "我差什么？"])
def test_change_questions_are_understood(bot, user_line):
    bot.handle("q", "I'm 45, Chinese citizen, postdoc at Harvard.")
    r = bot.handle("q", user_line)
    assert "didn't understand" not in r.text and "没能理解" not in r.text


@pytest.mark.parametrize("lang,opening,stop", [
    ("en", "I'm 39, Chinese citizen, VP at HSBC London since 2017, master's from LSE.", "stop asking about startups"),
    ("zh", "我39岁，中国籍，在伦敦汇丰做VP，2017年入职，LSE硕士。", "别再问创业的事了"),
])
def test_stop_asking_takes_programs_out_of_focus(bot, lang, opening, stop):
    bot.handle(lang, opening)
    r = bot.handle(lang, stop)
    programs = {v["program"] for v in r.verdicts}
    assert programs and not any("entrepreneur" in p or "startup" in p for p in programs)
    assert r.asking not in ("is_founder", "company_age_years", "overseas_startup_experience", "equity_percent")


def test_conditions_time_will_change_carry_their_date(bot):
    bot.handle("t", "我1986年12月出生，中国籍，在新加坡DBS银行做VP，2024年1月入职，哥大金融博士。工行总行想引进我，已签意向书，愿意全职回国五年。")
    s = bot.handle("t", "总结")
    youth = next(v for v in s.verdicts if v["program"] == "qianren.youth")

    def dated(conds):
        for c in conds:
            yield from ([c] if "when" in c else [])
            yield from dated(c.get("any_of", []) + c.get("all_of", []))
    whens = {c["fact"]: c["when"] for c in dated(youth["conditions"])}
    assert whens.get("age") == "2027-12-01"  # turns 41 then
    assert "⏳" in s.text and "2027-12-01" in s.text


@pytest.mark.parametrize("opening,fit,add", [
    ("I'm 36, Chinese citizen, PhD Oxford 2019, postdoc at Oxford since. Tsinghua offered me a job.",
     "Which program fits me?", "also check the Haiju youth project"),
    ("我36岁，中国籍，2019年牛津博士毕业，之后一直在牛津做博后，清华想引进我。", "我适合哪个项目？", "再看看海聚青年项目"),
])
def test_which_program_fits_and_adding_a_program(bot, opening, fit, add):
    bot.handle("f", opening)
    r = bot.handle("f", fit)
    assert ("Closest first" in r.text or "按接近程度" in r.text) and "1." in r.text
    r = bot.handle("f", add)
    assert any(v["program"] == "haiju.youth" for v in r.verdicts) and "didn't understand" not in r.text and "没能理解" not in r.text


def test_a_step_away_is_said_only_when_nothing_else_is_unknown(bot):
    bot.handle("o", "老师好 我36 2019年在帝国理工拿的博士 之后一直在剑桥做博后 清华想引进我 还没签")
    s = bot.handle("o", "总结")
    # nationality is unknown, so the foreign-expert programs are no "step away", however the contract goes
    assert "完成以下一步即符合：海聚工程外专" not in s.text and "Fits once you" not in s.text
    assert "还需了解：国籍" in s.text  # it is "not yet", with what is still to know
    r = bot.handle("o", "如果我签了合同呢？")
    assert r.kind == "what_if" and "会变" in r.text and "所关注项目的结论都不变" not in r.text


@pytest.mark.parametrize("opening,fit,split", [
    ("Hi, I'm a Chinese citizen, 37, doing research in Germany. Which program fits me?", None, "This decides"),
    ("你好，我是中国籍，37岁，在德国做研究。", "我适合哪个项目？", "这一项决定"),
])
def test_which_fits_asks_the_fact_that_splits_the_programs(bot, opening, fit, split):
    """The question after the ranking is the one most open programs wait on (not a step such as the contract,
    which is the same for all), and a researcher's work programs rank before the startup ones."""
    r = bot.handle("s", opening)
    if fit:
        r = bot.handle("s", fit)
    # the degree was asked once already in Chinese (before "which fits"): a fact is asked only once
    # the fact most open programs wait on: the degree, or the post abroad (since the Haiju founders' work experience
    # also reads it)
    assert split in r.text and r.asking in ("degree", "degree_abroad", "overseas_title"), r.text
    first = r.text.split("\n1. ", 1)[1].split("\n", 1)[0]
    assert "startup" not in first and "创业" not in first, first
    r = bot.handle("s", "PhD from Heidelberg, 2016" if fit is None else "2016年海德堡大学博士")
    r = bot.handle("s", "which program fits me best?" if fit is None else "哪个项目最适合我？")
    assert r.asking not in (None, "has_contract", "commit_fulltime_years", "degree"), r.text


@pytest.mark.parametrize("opening,fix", [
    ("我45岁，中国籍，2008年加州理工博士，在英特尔工作了10年，2019年回国在上海创办了芯片公司。", "不对，我是2021年回国的"),
    ("I'm 45, Chinese citizen, PhD from Caltech 2008, worked at Intel in Oregon for 10 years, came back to China in 2019 "
     "and founded a chip startup in Shanghai.", "sorry, I actually came back in 2021, not 2019"),
])
def test_a_corrected_date_moves_every_duration_read_from_it(bot, opening, fix):
    r = bot.handle("d", opening)
    assert r.facts["years_in_china"] == r.facts["company_age_years"] > 7
    r = bot.handle("d", fix)
    assert 5 < r.facts["years_in_china"] < 6 and r.facts["company_age_years"] == r.facts["years_in_china"], r.text
    assert r.facts["age"] == 45


def test_another_holders_larger_share_said_later(bot):
    """"I own 35%" in one message, "the VC fund owns 40%" in the next: not the largest shareholder, but still
    possibly the largest individual one (a fund is not a person)."""
    play(bot, "v", [
        ("I founded a battery startup in Beijing two years ago. PhD from Stanford, 44, Chinese citizen. I own 35%.",
         {"facts": {"equity_percent": 35}}),
        ("the VC fund owns 40%", {"facts": {"largest_shareholder": False}, "absent": ["largest_natural_person_shareholder"]}),
    ])


def test_a_proxy_keeps_speaking_for_the_applicant(bot):
    """HR asks for a candidate: the writer's own age is not the applicant's, and in the next message "他" is still
    the applicant (for an applicant writing about themselves "他" would be someone else)."""
    play(bot, "hr", [
        ("老师好，我是北京化工大学人事处的李婷，我今年32岁，国内博士（北航）。想替我们的候选人陈博士咨询一下：他36岁，"
         "2018年多伦多大学博士，现在在马普所做研究组长。", {"facts": {"age": 36, "degree_abroad": True}}),
        ("他是中国国籍，已经签了意向书，会全职来三年。", {"facts": {"nationality": "chinese", "age": 36}}),
    ])
    play(bot, "self", [
        ("我是中国国籍，今年36岁。", {"facts": {"age": 36}}),
        ("我先生是美国籍，他45岁。", {"facts": {"nationality": "chinese", "age": 36}}),
    ])


def test_stop_asking_that_drops_a_question_not_the_programs(bot):
    """"不是第一大股东，别再问了。…明年下半年再报国家千人创业项目还行吗？": the topic of "stop" is in its own sentence
    (none), the programs stay in focus, and the next-year question is answered as a what-if."""
    bot.handle("st", "我44岁，中国籍，斯坦福博士，在谷歌做过高级经理，2022年回国在苏州创办了一家芯片公司，产品在中试，我持股35%。")
    r = bot.handle("st", "不是第一大股东，别再问了。最后一个问题：明年下半年再报国家千人创业项目还行吗？")
    assert r.kind == "what_if" and "千人计划创业人才项目" in r.text and "不再考虑" not in r.text, r.text
    assert r.facts["largest_shareholder"] is False and "qianren.entrepreneur" in {v["program"] for v in r.verdicts}
    r = bot.handle("st2", "I'm 41, Chinese citizen, PhD from MIT, assistant professor at Purdue.")
    asked = r.asking
    r = bot.handle("st2", "stop asking that")
    assert asked in bot.profile("st2").declined and r.asking != asked


def test_a_date_correction_sticks_and_leaves_the_current_post(bot):
    """A player's case: the correction of a postdoc's start date was overwritten by the career told before, and the
    current title flipped to postdoc. The corrected months stand and the title stays; a title said outright still
    changes it."""
    play(bot, "k", [
        ("I'm 38, US citizen born in Chengdu, research assistant professor at Caltech since Sept 2025; PhD from Stanford "
         "in 2023, then a Caltech postdoc from June 2023.", {"facts": {"overseas_title": "assistant_professor"}}),
        ("Oh and actually I need to correct something I said — the degree was officially conferred in December 2023. "
         "My Caltech postdoc appointment officially started January 2024, not June 2023.",
         {"facts": {"overseas_title": "assistant_professor", "overseas_months_after_phd": 34}}),
        ("Actually I am a postdoc, not an assistant professor.", {"facts": {"overseas_title": "postdoc"}}),
    ])


@pytest.mark.parametrize("ask", ["Undetermined why? What else do you need to know from me?", "还需要我提供哪些信息？"])
def test_what_else_do_you_need_lists_the_missing_facts(bot, ask):
    bot.handle("n", "I'm German, 56, not of Chinese descent, PhD from KIT, senior technical expert at Bosch; a Beijing "
                    "company wants me full-time for 3 years.")
    r = bot.handle("n", ask)
    assert ("tell me:" in r.text or "还需告诉我" in r.text) and "found no clause" not in r.text, r.text


@pytest.mark.parametrize("lang,opening,aside", [
    ("en", "I'm 41, a Chinese citizen, PhD from MIT, assistant professor at Purdue. Tsinghua wants to hire me.",
     "By the way my field is materials science."),
    ("zh", "我41岁，中国籍，MIT博士，在普渡当助理教授，清华想引进我。", "顺便说一下，我的专业是材料科学。"),
])
def test_a_fact_is_asked_at_most_once(bot, lang, opening, aside):
    """A question left unanswered (the user told something else) is not asked again in the rest of the interview;
    answers are given to every other question until the verdicts are in."""
    r = bot.handle(lang, opening)
    skipped = r.asking
    assert skipped
    r = bot.handle(lang, aside)
    asked = [r.asking]
    for _ in range(25):
        if r.asking is None:
            break
        r = bot.handle(lang, {"has_contract": "no", "commit_fulltime_years": "3", "multiple_platforms": "no",
                              "prior_applications": "0", "unfulfilled_sponsorship": "no", "misconduct": "no"}.get(r.asking, "no"))
        asked.append(r.asking)
    assert skipped not in asked, (skipped, asked)
    questions = [a for a in asked if a]
    assert len(questions) == len(set(questions)), asked  # and no other question twice


def test_a_fact_is_changed_by_its_label_as_profile_shows_it(bot):
    """A player's case: "/edit 承诺全职在国内工作年限 0" was refused and "把…改成0" changed another fact."""
    play(bot, "lb", [
        ("我50岁，英国籍，剑桥正教授，想全职来北京3年。", {"facts": {"commit_fulltime_years": 3}}),
        ("/edit 承诺全职在国内工作年限 0", {"facts": {"commit_fulltime_years": 0}, "says": ["3年 → 0年"]}),
        ("把年龄改成51", {"facts": {"age": 51}, "says": ["50 → 51"]}),
        ("change my highest degree to master", {"facts": {"degree": "master"}}),
    ])
    r = bot.handle("lb", "把承诺全职在国内工作年限改成4")
    assert r.facts["commit_fulltime_years"] == 4 and "commit_years" not in r.facts


def test_remarks_about_the_bot_set_nothing(bot):
    play(bot, "rm", [
        ("I'm 36, Chinese citizen, postdoc in Boston, PhD Paris 2019.", {"facts": {"age": 36}}),
        ("you didn't say anything about csc. also you still haven't fixed the finance thing",
         {"absent": ["unfulfilled_sponsorship", "field"]}),
        ("我在海外没创过业", {"facts": {"overseas_startup_experience": False}}),
    ])


def test_no_contract_yet_keeps_a_program_open_and_asked_about(bot):
    """A classic youth candidate without a signed letter of intent: the youth projects fail only on that step, so they
    stay open (their other facts are asked, not startup questions) and the summary says "not yet — a step you can
    take", not "nothing fits"."""
    r = bot.handle("nc", "老师好，我是90年的，2019年在新加坡国立大学博士毕业，后来一直在剑桥做博后，现在是课题组长，中国籍。"
                         "清华想全职引进我，意向书还没签。")
    assert r.asking not in ("overseas_startup_experience", "intl_company_management", "largest_shareholder"), r.asking
    assert "千人计划青年项目：❌" not in r.text
    s = bot.handle("nc", "总结")
    assert "⏳" in s.text and "千人计划青年项目" in s.text and "目前没有符合的项目" not in s.text, s.text


def test_a_background_that_fails_is_never_presented_as_a_step(bot):
    """A researcher (not an associate professor) who commits 0 years: Haiju full-time fails on its backgrounds (a
    group with no fact of its own) as well as on the commitment and contract; it is no "fits once you" line."""
    for line in ("老师好，我是90年的，2019年在新加坡国立大学博士毕业，后来一直在剑桥做博后，现在是课题组长，中国籍。"
                 "清华想全职引进我，意向书还没签。", "物理", "0"):
        bot.handle("bg", line)
    s = bot.handle("bg", "总结")
    assert "完成以下一步即符合：海聚工程全职工作类" not in s.text, s.text


def test_a_cap_exceeded_is_no_step(bot):
    """Committing full-time rules out short-term consulting support; "commit less" is not offered as a step."""
    bot.handle("cap", "Hi! I'm Dutch, 52, not of Chinese descent. I'm a full professor of hydrology at TU Delft. A Beijing "
                      "university wants me full-time for 3 years; we signed a letter of intent last week.")
    r = bot.handle("cap", "Which program fits me best?")
    assert "short-term consulting support — fits" not in r.text and "Comes to Beijing for a short stay" in r.text, r.text
