"""Whose fact a statement is, and whether it states one (SPEC section 8), in both languages: third parties,
negation, hypotheticals, past vs future, the employer being joined vs the one abroad, and a question that
also tells facts."""
import datetime as dt

import pytest

from bot.understand.extract import extract

TODAY = dt.date(2026, 11, 29)


def facts(text, asking=None):
    return extract(text, asking=asking, today=TODAY).facts


# (id, message, facts that must be read, facts that must stay unset)
CASES = [
    # another holder's share: more than the applicant's means the applicant is not the largest shareholder
    ("zh-fund-more", "我和朋友3年前在北京合伙创办了一家生物科技公司，我占25%，投资基金占40%。",
     {"equity_percent": 25, "largest_shareholder": False}, ("largest_natural_person_shareholder",)),
    ("en-cofounder-more", "I hold 30%, my co-founder holds 45%.",
     {"largest_shareholder": False, "largest_natural_person_shareholder": False}, ()),
    ("en-cofounder-less", "I own 60% and my co-founder has 30%.", {"equity_percent": 60},
     ("largest_shareholder", "largest_natural_person_shareholder")),
    # the post said to be "now" wins over one the career timeline thinks is ongoing
    ("zh-now-title", "2019年博士毕业，后来一直在剑桥做博后，现在是课题组长，中国籍。", {"overseas_title": "researcher"}, ()),
    # parents from Hong Kong or Taiwan are of Chinese descent
    ("zh-parents-hk", "我父母是台湾人", {"ethnic_chinese": True}, ()),
    ("en-parents-hk", "My parents are from Hong Kong", {"ethnic_chinese": True}, ()),
    # a contract to be signed is not signed
    ("zh-will-sign", "应该明年初能签意向书", {"has_contract": False}, ()),
    ("en-will-sign", "I will sign the contract next month", {"has_contract": False}, ()),
    # two-digit years before an event are dates, not durations
    ("zh-yy-event", "22年博士毕业", {}, ("overseas_months_after_phd",)),
    ("zh-yy-founded", "20年在杭州创办了AI公司", {"is_founder": True}, ("company_age_years",)),
    # an age between commas after a nationality
    ("en-german-age", "I'm German, 56, not of Chinese descent, PhD from KIT", {"age": 56, "nationality": "foreign"}, ()),
    # a year corrected in passing: "不对 打错了 是88年的 不是85"
    ("zh-year-fixed", "中国国籍。不对 打错了 是88年的 不是85", {"birth_year": 1988, "nationality": "chinese"}, ()),
    ("zh-year-denied", "我不是85年出生的", {}, ("birth_year",)),
    # he/she in the applicant's own message is someone else; "my 19-year-old" is a child
    ("en-he-husband", "Can my husband work in Beijing on his residence permit? He's a mechanical engineer. "
                      "And is my 19-year-old covered at all?", {}, ("field", "age")),
    ("en-son-then-me", "My SON is 19. I am 56.", {"age": 56}, ()),
    ("en-label-no", "largest shareholder: no. main founder: no. I own zero percent.",
     {"is_founder": False, "largest_shareholder": False, "equity_percent": 0}, ("largest_natural_person_shareholder",)),
    # a proxy (HR) speaks for the applicant: "他/our candidate" is the applicant, the writer's own age is not
    ("zh-proxy-hr", "老师好，我是北京化工大学人事处的李婷，我今年32岁，国内博士（北航）。想替我们的候选人陈博士咨询一下："
                    "他36岁，2018年多伦多大学博士，现在在马普所做研究组长。",
     {"age": 36, "degree_abroad": True, "employer_region": "beijing"}, ()),
    ("en-proxy-hr", "I'm an HR manager at a Beijing fintech. Our candidate is 46, an Indian citizen; he is a VP at Citibank. "
                    "I'm 35 myself.", {"age": 46, "nationality": "foreign"}, ()),
    ("zh-applicant-writes-to-hr", "尊敬的人事处老师：您好！我是材料学院的张某某，今年43岁。", {"age": 43}, ()),
    # past vs future: 已经 about having said it, the years still to come
    ("zh-said-future", "现在中山大学在挖我，我已经表态可以去广州全职干三年以上。", {"commit_fulltime_years": 3}, ("years_in_china",)),
    ("zh-did-past", "我已经在广州全职干了三年。", {"years_in_china": 3}, ("commit_fulltime_years",)),
    # third parties: a spouse, an advisor, colleagues, a co-founder
    ("zh-spouse", "本人中国国籍，我爱人是美国籍。", {"nationality": "chinese"}, ()),
    ("zh-spouse-only", "我爱人是美国籍，孩子在美国上学。", {}, ("nationality",)),
    ("en-wife", "I'm American and not of Chinese descent. My wife is Chinese and her family lives in Beijing.",
     {"nationality": "foreign", "ethnic_chinese": False}, ("employer_region",)),
    ("zh-advisor", "我导师是美国科学院院士，组里好几个师兄回国都拿了青千。", {}, ("academy_member", "selected_programs")),
    ("en-advisor", "My PhD advisor is a Nobel laureate and a member of the National Academy.", {}, ("awards", "academy_member")),
    ("zh-husband", "我先生是英国人，我是中国籍。", {"nationality": "chinese"}, ()),
    ("en-ceo-largest", "I hold 18% of the company; our CEO holds 35% and is the largest shareholder.",
     {"equity_percent": 18, "largest_shareholder": False, "largest_natural_person_shareholder": False}, ()),
    ("zh-fund-largest", "我持股26%，最大股东是一家基金（34%），不过我是最大的自然人股东。",
     {"largest_shareholder": False, "largest_natural_person_shareholder": True}, ()),
    ("en-parents-descent", "My parents are both Chinese but I was born in Canada.", {"ethnic_chinese": True}, ()),
    ("en-mentor", "My old postdoc mentor is a member of the US National Academy of Engineering and has a Turing Award.", {},
     ("academy_member", "awards")),
    ("en-colleague-of-mine", "A colleague of mine, Lars, founded a spin-off in Shanghai in 2020 and he's still its largest shareholder.",
     {}, ("is_founder", "largest_shareholder", "company_age_years")),
    ("zh-third-party-goes-on", "我先生在深圳自己开了家公司，他是第一大股东，公司成立三年了。", {},
     ("is_founder", "largest_shareholder", "company_age_years", "employer_type")),
    ("zh-third-party-then-me", "我爱人是美国籍，所以我想问问，我是中国籍。", {"nationality": "chinese"}, ()),
    ("zh-parents-descent-not-citizenship", "我父母都是中国人", {"ethnic_chinese": True}, ("nationality",)),
    ("zh-parents-foreign", "我是法国人，法国籍，父母都是法国人，跟中国没有血缘关系。", {"nationality": "foreign", "ethnic_chinese": False}, ()),
    # negation
    ("zh-denial-after-list", "合同、意向书都还没签。学术不端、违法违纪更是从来没有过。", {"has_contract": False, "misconduct": False}, ()),
    ("zh-denial-also", "学术不端也没有，论文从没撤过稿。", {"misconduct": False}, ()),
    ("zh-sponsorship-fulfilled", "博士是国家公派出去读的，毕业后按协议回国服务了两年，留基委那边手续都清了，不存在违约。",
     {"unfulfilled_sponsorship": False}, ()),
    ("zh-no-misconduct", "本人没有任何学术不端，也不是公派出国的。", {"misconduct": False, "unfulfilled_sponsorship": False}, ()),
    ("en-not-descent", "I'm a US citizen, not of Chinese descent, and I have never been government-sponsored.",
     {"nationality": "foreign", "ethnic_chinese": False, "unfulfilled_sponsorship": False}, ()),
    ("zh-no-phd", "我是国内985硕士，没读博，2018年5月去了德国博世做研发工程师，一直干到现在。",
     {"degree": "master"}, ("overseas_months_after_phd",)),
    # hypotheticals: they set nothing and are kept as what-ifs
    ("zh-if-contract", "我42岁，德国马普所的group leader，如果明年签了国内的合同，能走创新长期吗？", {"age": 42}, ("has_contract",)),
    ("zh-if-tibet", "如果我去西藏大学工作，年龄是不是可以放宽？我现在45岁。", {"age": 45}, ("employer_region", "employer_type")),
    ("en-what-if", "Weird question: what if I move to Xinjiang? I'm 41, Chinese citizen.", {"age": 41, "nationality": "chinese"},
     ("employer_region",)),
    ("en-suppose", "Suppose I joined a Beijing company paying ¥1.5M, would that change anything? I'm 35.", {"age": 35},
     ("annual_salary_cny", "employer_type", "employer_region")),
    ("en-if-factual", "Am I too old for the youth program if I'm 40 and a half?", {"age": 40}, ()),
    # past vs future
    ("zh-past-fulltime", "2020年初从新加坡回国，之后一直在我校全职工作，至今已连续全职工作六年多。",
     {"fulltime_in_china": True}, ("commit_fulltime_years",)),
    ("zh-future-commit", "我在新加坡国立大学当助理教授，愿意全职回国工作五年。", {"commit_fulltime_years": 5, "fulltime_in_china": False},
     ("years_in_china",)),
    ("en-past-back", "I returned to China in September 2022 and have worked full-time at Wuhan University ever since.",
     {"fulltime_in_china": True, "employer_type": "university", "employer_region": "other"}, ("commit_fulltime_years",)),
    ("en-future-commit", "I'm a professor at Georgia Tech and I am prepared to move to Beijing full-time for at least five years.",
     {"commit_fulltime_years": 5, "fulltime_in_china": False}, ()),
    # the employer being joined, not the one abroad or a spouse's
    ("zh-target", "我在哈佛做博后，清华想引进我。", {"employer_type": "university", "employer_region": "beijing",
                                                 "overseas_title": "postdoc"}, ()),
    ("en-target", "I'm an assistant professor at Purdue. Tsinghua reached out to me; no contract yet.",
     {"employer_type": "university", "employer_region": "beijing", "has_contract": False, "overseas_title": "assistant_professor"}, ()),
    ("zh-spouse-employer", "我在东京大学当副教授。太太在北京一家央企上班。", {"overseas_title": "associate_professor"},
     ("employer_type", "employer_region")),
    ("en-current-china", "Since 2020 I've been back in Hangzhou working full-time at a private company.",
     {"employer_type": "company", "employer_region": "other", "fulltime_in_china": True}, ()),
    ("zh-past-china-post", "2016年至2018年回国在深圳一家企业工作，2018年10月再次出国，加入三星电子韩国研究院，现任Principal Engineer。",
     {"fulltime_in_china": False, "overseas_title": "senior_corporate"}, ("employer_type", "employer_region")),
    ("zh-offer-target", "乌鲁木齐一家新能源民企给了我研发副总的offer，上周刚签了意向书。",
     {"employer_region": "xinjiang", "employer_type": "company", "has_contract": True}, ()),
    # a question that also tells
    ("zh-question-facts", "老师好 想咨询下青千 博后 德国马普 34岁 还没回国",
     {"age": 34, "overseas_title": "postdoc", "fulltime_in_china": False, "overseas_employer_renowned": True}, ()),
    ("zh-question-facts-2", "本人85年，美国博后三年，请问能报青千吗？", {"overseas_title": "postdoc", "overseas_months_after_phd": 36}, ()),
    ("en-question-facts", "hi! AP at NUS since 2023, PhD CMU 2021 then postdoc at ETH, 32yo, any tips for 青千?",
     {"overseas_title": "assistant_professor", "age": 32, "degree": "phd", "degree_abroad": True}, ()),
    ("zh-rule-question", "外籍人士能申请千人计划吗？", {}, ("nationality",)),
    ("en-rule-question", "Can a postdoc apply for the youth program?", {}, ("overseas_title", "degree")),
]


@pytest.mark.parametrize("text,must,never", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_scope(text, must, never):
    got = facts(text)
    for f, v in must.items():
        assert got.get(f) == v, f"{f}: {got.get(f)!r} != {v!r} in {got}"
    for f in never:
        assert got.get(f) in (None, []), f"{f} must stay unset: {got}"


def test_hypotheticals_are_kept_as_what_ifs():
    ex = extract("我42岁。如果明年签了国内的合同，能走创新长期吗？", today=TODAY)
    assert ex.what_ifs and "签了国内的合同" in ex.what_ifs[0]
    ex = extract("What if I move to Xinjiang? I'm 41.", today=TODAY)
    assert ex.what_ifs == ["what if i move to xinjiang"]


def test_third_party_clauses_are_reported():
    ex = extract("我爱人是美国籍。我是中国籍。", today=TODAY)
    assert ex.third_party == ["我爱人是美国籍"] and ex.facts["nationality"] == "chinese"


def test_a_statement_is_not_a_yes_to_the_pending_question():
    """"I'm still based in Singapore at the moment" answered "are you applying through several platforms?" with yes."""
    assert "multiple_platforms" not in facts("I'm still based in Singapore at the moment.", asking="multiple_platforms")
    assert facts("I am.", asking="is_founder") == {"is_founder": True}
