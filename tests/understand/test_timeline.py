"""The career timeline: dates on a month scale, consecutive posts, gaps, a year without a month, and durations
counted to the assessment date (SPEC sections 3 and 8)."""
import datetime as dt

import pytest

from bot.understand import timeline
from bot.understand.dates import Span, When, dates
from bot.understand.extract import extract
from bot.understand.text import normalize

TODAY = dt.date(2026, 11, 29)


def facts(text, today=TODAY):
    return extract(text, today=today).facts


# -- dates ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,role,lo,hi", [
    ("2021年6月", "point", (2021, 6), (2021, 6)),
    ("2019年", "point", (2019, 1), (2019, 12)),
    ("2021年初回国", "point", (2021, 1), (2021, 3)),
    ("24年8月从美国回来", "point", (2024, 8), (2024, 8)),
    ("18年博士毕业", "point", (2018, 1), (2018, 12)),
    ("since March 2020", "since", (2020, 3), (2020, 3)),
    ("2016年至今", "range", (2016, 1), (2016, 12)),
    ("from 2013 to 2020", "range", (2013, 1), (2013, 12)),
    ("PhD Berkeley '14", "point", (2014, 1), (2014, 12)),
    ("去年", "point", (2025, 1), (2025, 12)),
    ("前年3月", "point", (2024, 3), (2024, 3)),
    ("two years ago", "point", (2024, 11), (2024, 11)),
    ("last month", "point", (2026, 10), (2026, 10)),
])
def test_dates(text, role, lo, hi):
    (d,) = dates(normalize(text), TODAY)
    assert d.role == role
    assert d.when == When(lo[0] * 12 + lo[1] - 1, hi[0] * 12 + hi[1] - 1)


@pytest.mark.parametrize("text", ["我在美国工作了10年", "年薪2000元", "工作了15年", "10年的经验"])
def test_durations_and_amounts_are_no_dates(text):
    assert dates(normalize(text), TODAY) == []


def test_a_year_without_a_month_is_a_range():
    assert Span.between(When.year(2019), When.of(TODAY)) == Span(83, 94)


# -- consecutive posts, gaps, returns ----------------------------------------------------------------------
@pytest.mark.parametrize("text,field,lo,hi", [
    # consecutive posts abroad add up from the degree on
    ("2019年在新加坡国立大学拿的物理博士，毕业后留在NUS做博后，2022年转到NTU当助理教授，一直在新加坡。",
     "overseas_months_after_phd", 82, 95),
    ("PhD Stanford 2015 (EE), then about four years at Google, and I've been a senior staff engineer at Meta since 2019.",
     "overseas_months_after_phd", 130, 143),
    ("Morgan Stanley London (2014–2019, Executive Director, rates), then Bank of England, Senior Manager (2019–present). PhD Finance, LSE, 2014.",
     "overseas_finance_months", 142, 155),
    ("老师好 我是UW Seattle的AP，2022年入职。PhD是2020年在UT Austin拿的，中间在Microsoft Research做了两年postdoc。",
     "overseas_months_after_phd", 70, 83),
    # a stay in China between two stays abroad: only the last one is continuous
    ("PhD at UCL (2014), then a 2-yr postdoc at Karolinska. Went back to China in 2016 and worked at a hospital in Shenzhen "
     "for four years. Left again in 2020 for a research fellow job at the University of Melbourne.",
     "overseas_months_after_phd", 70, 83),
    # a gap between dated posts breaks the stretch
    ("PhD Imperial 2018, postdoc at Oxford 2018–2020, then a year off at home, and since Jan 2022 I've been a research "
     "scientist at DeepMind in London.", "overseas_months_after_phd", 58, 60),
    # back in China: to the return, and time back counted from it
    ("我是24年8月从美国回来的海归，之前在UCSD做了三年博后，回国后一直在北京一所985全职当特聘研究员。", "overseas_months_after_phd", 36, 36),
    ("我是24年8月从美国回来的海归，之前在UCSD做了三年博后，回国后一直在北京一所985全职当特聘研究员。", "years_in_china", 2.25, 2.34),
    ("Moved back to Shanghai two years ago after a decade in the Bay Area (PhD Berkeley '14, then Apple until I left in 2024).",
     "overseas_months_after_phd", 108, 131),
    # a company's age from its founding month
    ("我们公司21年11月在中关村注册，我是创始人。", "company_age_years", 4.9, 5.1),
    ("Co-founder & CTO at Synthera Bio (Beijing; founded March 2023).", "company_age_years", 3.6, 3.75),
])
def test_durations_to_the_month(text, field, lo, hi):
    got = facts(text)
    assert field in got and lo <= got[field] <= hi, got


def test_no_phd_no_months_after_it():
    got = facts("我是国内985硕士，没读博，2018年5月去了德国博世做研发工程师，一直干到现在。")
    assert "overseas_months_after_phd" not in got and 101 <= got["overseas_work_months"] <= 103


def test_the_current_post_abroad_is_the_title_not_an_earlier_one():
    assert facts("2015年在多伦多大学获得博士学位，之后在多大做了两年博后，2017年加入华为加拿大研究院任高级研究员至今。")[
        "overseas_title"] == "researcher"
    assert facts("我之前在Moderna做了5年Associate Director，再往前是Harvard postdoc。")["overseas_title"] == "senior_corporate"


def test_the_assessment_date_moves_every_duration():
    text = "Since March 2020 I have been a postdoc at Harvard."
    assert facts(text, dt.date(2026, 11, 29))["overseas_work_months"] == 80
    assert facts(text, dt.date(2023, 3, 1))["overseas_work_months"] == 36
    assert facts("公司2021年6月注册成立，我是创始人。", dt.date(2026, 6, 30))["company_age_years"] == 5.0


def test_every_derived_fact_says_where_it_came_from():
    ex = extract("PhD MIT 2019, then postdoc at Stanford, since 2022 assistant professor at NUS.", today=TODAY)
    said, how = ex.provenance["overseas_months_after_phd"]
    assert how == "derived" and "nus" in said and "months" in said
    assert ex.provenance["overseas_title"][1] == "derived"


def test_timeline_reads_events():
    tl = timeline.read(normalize("2016年在密歇根大学博士毕业，之后一直在美国陶氏化学研发部门工作至今，现在是senior research scientist。"), TODAY)
    assert [e.degree for e in tl.educations] == ["phd"]
    (post,) = tl.positions
    assert post.abroad and post.current and post.org.name.startswith("dow") and post.title == "researcher"
