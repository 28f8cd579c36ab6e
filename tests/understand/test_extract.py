"""bot/understand/: what a chat message states, in Chinese and English.

One table row per utterance: (id, text, the fact just asked or None, facts it
must yield, facts it must not yield, and optionally the question / correction /
decline flags). Then the answer templates of the simulated applicants, the
persona openings, robustness, types and the lazy cn2an import.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import typing
from typing import NamedTuple

import pytest

from bot.understand.extract import Extraction, extract
from bot.understand.numbers import parse_number
from bot.eligibility.profile import Profile

from conftest import DEV, ROOT

TODAY = dt.date(2025, 6, 1)


class Row(NamedTuple):
    id: str
    text: str
    asking: str | None
    must: dict
    must_not: tuple = ()
    q: bool | None = None          # is_question
    corr: bool | None = None       # correction
    declined: list | None = None


def R(id, text, asking=None, must=None, must_not=(), q=None, corr=None, declined=None):
    return Row(id, text, asking, must or {}, tuple(must_not), q, corr, declined)


ROWS = [
    # ---- ages, asked and free -------------------------------------------------------------
    R("zh-age-bare", "34", "age", {"age": 34}, q=False),
    R("zh-age-cn-bare", "三十四", "age", {"age": 34}),
    R("zh-age-cn-sui", "我今年三十四岁", None, {"age": 34}, q=False),
    R("zh-age-zhousui", "38周岁", None, {"age": 38}),
    R("zh-age-jinnian-le", "今年34周岁了", "age", {"age": 34}),
    R("zh-age-cn-free-in-sentence", "我今年三十八岁，想了解一下政策", None, {"age": 38}),
    R("zh-age-sishiwu", "四十五岁", "age", {"age": 45}),
    R("zh-age-limit-not-mine", "青年项目要求40岁以下吗？", None, {}, ("age",), q=True),
    R("zh-age-child-not-mine", "我孩子5岁", None, {}, ("age",)),
    R("zh-age-out-of-range-kept", "我200岁", None, {"age": 200}),
    R("en-age-bare", "41", "age", {"age": 41}),
    R("en-age-words", "thirty-four", "age", {"age": 34}),
    R("en-age-im", "I'm 41", "age", {"age": 41}),
    R("en-age-years-old", "41 years old", None, {"age": 41}),
    R("en-age-aged", "aged 41, PhD in chemistry", None, {"age": 41, "degree": "phd", "field": "natural_science"}),
    R("en-age-hyphen", "I'm a 52-year-old professor", None, {"age": 52, "overseas_title": "professor"}),
    R("en-age-im-free", "I'm 45, can I still apply to the Young Talent program?", None, {"age": 45}, q=True),
    R("en-age-not-duration", "I'm 5 years into my tenure-track job", None, {}, ("age",)),
    R("en-age-year-as-birth", "1985", "age", {"birth_year": 1985}, ("age",)),
    # ---- birth year / month ---------------------------------------------------------------
    R("zh-birth-year", "1985年出生", None, {"birth_year": 1985}, ("age",)),
    R("zh-birth-85-de", "我是85年的", None, {"birth_year": 1985}),
    R("zh-birth-cn-digits-month", "一九八五年三月出生", None, {"birth_year": 1985, "birth_month": 3}),
    R("zh-birth-shengyu", "生于1990年", None, {"birth_year": 1990}),
    R("zh-birth-month-free", "我是3月出生的", None, {"birth_month": 3}),
    R("zh-birth-month-asked", "3月份生日", "birth_month", {"birth_month": 3}),
    R("zh-birth-month-cn", "三月", "birth_month", {"birth_month": 3}),
    R("zh-birth-year-asked-2digit", "85年生的", "birth_year", {"birth_year": 1985}),
    R("en-birth-year", "born in 1990", None, {"birth_year": 1990}),
    R("en-birth-month-year", "I was born in March 1985", None, {"birth_year": 1985, "birth_month": 3}),
    R("en-birth-month-only", "born in March", None, {"birth_month": 3}, ("birth_year",)),
    R("en-birth-month-asked", "March", "birth_month", {"birth_month": 3}),
    R("en-birth-month-number", "month 11", "birth_month", {"birth_month": 11}),
    # ---- months facts: unit conversion ----------------------------------------------------
    R("zh-months-from-years", "4年", "overseas_months_after_phd", {"overseas_months_after_phd": 48}),
    R("zh-months-from-cn-years", "四年", "overseas_months_after_phd", {"overseas_months_after_phd": 48}),
    R("zh-months-san-nian-ban", "三年半", "overseas_work_months", {"overseas_work_months": 42}),
    R("zh-months-yi-nian-ban", "一年半", "overseas_finance_months", {"overseas_finance_months": 18}),
    R("zh-months-3-nian", "3年", "overseas_months_after_phd", {"overseas_months_after_phd": 36}),
    R("zh-months-plain", "30个月", "overseas_months_after_phd", {"overseas_months_after_phd": 30}),
    R("zh-months-dagai", "大概30个月吧", "overseas_work_months", {"overseas_work_months": 30}),
    R("zh-months-year-and-months", "1年3个月", "overseas_work_months", {"overseas_work_months": 15}),
    R("zh-months-ling", "一年零三个月", "overseas_work_months", {"overseas_work_months": 15}),
    R("zh-months-ban-nian", "半年", "overseas_work_months", {"overseas_work_months": 6}),
    R("zh-months-bare-number", "36", "overseas_months_after_phd", {"overseas_months_after_phd": 36}),
    R("en-months-from-years", "4 years", "overseas_months_after_phd", {"overseas_months_after_phd": 48}),
    R("en-months-year-and-half", "a year and a half", "overseas_work_months", {"overseas_work_months": 18}),
    R("en-months-one-and-half", "one and a half years", "overseas_finance_months", {"overseas_finance_months": 18}),
    R("en-months-in-a-row", "48 months in a row", "overseas_work_months", {"overseas_work_months": 48}),
    R("en-months-about", "about 30 months", "overseas_months_after_phd", {"overseas_months_after_phd": 30}),
    R("en-months-words", "four years", "overseas_work_months", {"overseas_work_months": 48}),
    # ---- years facts ----------------------------------------------------------------------
    R("zh-years-from-months", "18个月", "overseas_research_years", {"overseas_research_years": 1.5}),
    R("zh-years-san-nian", "三年", "commit_fulltime_years", {"commit_fulltime_years": 3}),
    R("zh-years-liang-nian-duo", "两年多", "years_in_china", {"years_in_china": 2}),
    R("zh-years-zero", "0", "years_in_china", {"years_in_china": 0}),
    R("zh-years-none", "没有", "years_in_china", {"years_in_china": 0}),
    R("zh-years-company", "成立3年了", "company_age_years", {"company_age_years": 3}),
    R("zh-years-nengquanzhi", "能全职干5年", "commit_fulltime_years", {"commit_fulltime_years": 5}),
    R("zh-years-lianxu", "连续3年", "commit_years", {"commit_years": 3}),
    R("en-years-from-months", "18 months", "overseas_research_years", {"overseas_research_years": 1.5}),
    R("en-years-at-least", "at least 5 years", "commit_fulltime_years", {"commit_fulltime_years": 5}),
    R("en-years-commit", "I can commit 5 years full-time", "commit_fulltime_years", {"commit_fulltime_years": 5}),
    R("en-years-consecutive", "3 consecutive years", "commit_years", {"commit_years": 3}),
    R("en-years-so-far", "5 years so far", "years_in_china", {"years_in_china": 5}),
    R("en-years-founded-ago", "founded 3 years ago", "company_age_years", {"company_age_years": 3}),
    R("en-years-never", "never", "years_in_china", {"years_in_china": 0}),
    # ---- months per year ------------------------------------------------------------------
    R("zh-mpy-meinian", "每年2个月", "commit_months_per_year", {"commit_months_per_year": 2}),
    R("zh-mpy-liang", "两个月", "commit_months_per_year", {"commit_months_per_year": 2}),
    R("zh-mpy-dai", "每年能待3个月", "commit_months_per_year", {"commit_months_per_year": 3}),
    R("en-mpy-plain", "2 months", "commit_months_per_year", {"commit_months_per_year": 2}),
    R("en-mpy-every-year", "3 months every year", "commit_months_per_year", {"commit_months_per_year": 3}),
    R("en-mpy-a-year-free", "I can come two months a year", None, {"commit_months_per_year": 2}),
    # ---- percent ---------------------------------------------------------------------------
    R("zh-pct-baifenzhi", "百分之三十", "equity_percent", {"equity_percent": 30}),
    R("zh-pct-sancheng", "三成", "equity_percent", {"equity_percent": 30}),
    R("zh-pct-sign", "30%", "equity_percent", {"equity_percent": 30}),
    R("zh-pct-bare", "35", "equity_percent", {"equity_percent": 35}),
    R("zh-pct-free-chigu", "我持股35%", None, {"equity_percent": 35}),
    R("zh-pct-free-zhangu", "占股百分之三十", None, {"equity_percent": 30}),
    R("zh-pct-out-of-range-kept", "持股130%", None, {"equity_percent": 130}),
    R("en-pct-percent", "30 percent", "equity_percent", {"equity_percent": 30}),
    R("en-pct-hold", "I hold 30%", "equity_percent", {"equity_percent": 30}),
    R("en-pct-free-own", "I own 45% of the company", None, {"equity_percent": 45}),
    # ---- money -----------------------------------------------------------------------------
    R("zh-money-wan", "15万", "annual_salary_cny", {"annual_salary_cny": 150000}),
    R("zh-money-wan-yuan", "15万元", "annual_salary_cny", {"annual_salary_cny": 150000}),
    R("zh-money-yuan", "150000元", "annual_salary_cny", {"annual_salary_cny": 150000}),
    R("zh-money-free-nianxin", "年薪80万", None, {"annual_salary_cny": 800000}),
    R("zh-money-free-cn", "年薪八十万元", None, {"annual_salary_cny": 800000}),
    R("zh-money-yuexin", "月薪5万", None, {"annual_salary_cny": 600000}),
    R("en-money-k", "150k", "annual_salary_cny", {"annual_salary_cny": 150000}),
    R("en-money-million", "1.5 million", "annual_salary_cny", {"annual_salary_cny": 1500000}),
    R("en-money-commas", "800,000 CNY", "annual_salary_cny", {"annual_salary_cny": 800000}),
    R("en-money-rmb-prefix", "RMB 500000 per year", "annual_salary_cny", {"annual_salary_cny": 500000}),
    R("en-money-free", "they offer a salary of 500k yuan", None, {"annual_salary_cny": 500000}),
    # ---- prior applications ----------------------------------------------------------------
    R("zh-prior-ci", "2次", "prior_applications", {"prior_applications": 2}),
    R("zh-prior-liangci", "两次", "prior_applications", {"prior_applications": 2}),
    R("zh-prior-free", "之前申请过两次", None, {"prior_applications": 2}),
    R("zh-prior-first", "这是第一次申请", None, {"prior_applications": 0}),
    R("zh-prior-never", "从来没申请过", None, {"prior_applications": 0}),
    R("zh-prior-second", "这是我第二次申报", None, {"prior_applications": 1}),
    R("en-prior-twice", "twice", "prior_applications", {"prior_applications": 2}),
    R("en-prior-never", "never", "prior_applications", {"prior_applications": 0}),
    R("en-prior-times-before", "3 times before", "prior_applications", {"prior_applications": 3}),
    R("en-prior-free", "I applied twice before", None, {"prior_applications": 2}),
    R("en-prior-zero", "0", "prior_applications", {"prior_applications": 0}),
    # ---- yes / no relative to the asked fact ------------------------------------------------
    R("zh-yes-shi", "是", "is_founder", {"is_founder": True}),
    R("zh-no-fou", "否", "fulltime_in_china", {"fulltime_in_china": False}),
    R("zh-yes-dui", "对", "largest_shareholder", {"largest_shareholder": True}),
    R("zh-yes-you", "有", "overseas_startup_experience", {"overseas_startup_experience": True}),
    R("zh-no-meiyou", "没有", "misconduct", {"misconduct": False}),
    R("zh-no-mei", "没", "intl_company_management", {"intl_company_management": False}),
    R("zh-no-wu", "无", "misconduct", {"misconduct": False}),
    R("zh-yes-yiqian", "已签", "has_contract", {"has_contract": True}),
    R("zh-no-weiqian", "未签", "has_contract", {"has_contract": False}),
    R("zh-yes-qianle", "签了", "has_contract", {"has_contract": True}),
    R("zh-no-haimei", "还没", "has_contract", {"has_contract": False}),
    R("zh-no-haimeiyou", "还没有", "fulltime_in_china", {"fulltime_in_china": False}),
    R("zh-yes-en", "嗯", "academy_member", {"academy_member": True}),
    R("zh-yes-shide", "是的", "multiple_platforms", {"multiple_platforms": True}),
    R("zh-no-bushi", "不是", "largest_natural_person_shareholder", {"largest_natural_person_shareholder": False}),
    R("zh-no-bu", "不", "receives_other_salary_subsidy", {"receives_other_salary_subsidy": False}),
    R("zh-no-conglai", "从来没有", "misconduct", {"misconduct": False}),
    R("zh-yes-fulltime-sentence", "对，已经全职在国内了", "fulltime_in_china", {"fulltime_in_china": True}),
    R("zh-no-still-abroad", "没有，还在海外", "fulltime_in_china", {"fulltime_in_china": False}),
    R("zh-yes-huayi", "是华裔", "ethnic_chinese", {"ethnic_chinese": True}),
    R("zh-no-huayi", "不是华裔", "ethnic_chinese", {"ethnic_chinese": False}),
    R("zh-abroad-yes", "在国外取得的", "degree_abroad", {"degree_abroad": True}),
    R("zh-abroad-no", "在国内取得的", "degree_abroad", {"degree_abroad": False}),
    R("zh-abroad-us", "美国读的", "degree_abroad", {"degree_abroad": True}),
    R("zh-renowned-yes", "是知名高校", "degree_from_renowned", {"degree_from_renowned": True}),
    R("zh-renowned-no", "不是知名高校", "degree_from_renowned", {"degree_from_renowned": False}),
    R("zh-renowned-ordinary", "一般的学校", "degree_from_renowned", {"degree_from_renowned": False}),
    R("zh-not-sponsored", "不是公派的", "unfulfilled_sponsorship", {"unfulfilled_sponsorship": False}),
    R("zh-no-platform-one", "没有，只走一个渠道", "multiple_platforms", {"multiple_platforms": False}),
    R("en-yes", "yes", "is_founder", {"is_founder": True}),
    R("en-yeah", "yeah", "academy_member", {"academy_member": True}),
    R("en-yep", "yep", "largest_shareholder", {"largest_shareholder": True}),
    R("en-sure", "sure", "multiple_platforms", {"multiple_platforms": True}),
    R("en-correct", "correct", "ethnic_chinese", {"ethnic_chinese": True}),
    R("en-no", "no", "misconduct", {"misconduct": False}),
    R("en-nope", "nope", "intl_company_management", {"intl_company_management": False}),
    R("en-never", "never", "overseas_startup_experience", {"overseas_startup_experience": False}),
    R("en-not-yet", "not yet", "has_contract", {"has_contract": False}),
    R("en-none-bool", "none", "misconduct", {"misconduct": False}),
    R("en-signed-one", "Yes, I signed one", "has_contract", {"has_contract": True}),
    R("en-i-have", "I have", "intl_company_management", {"intl_company_management": True}),
    R("en-i-did", "I did", "overseas_startup_experience", {"overseas_startup_experience": True}),
    R("en-i-havent", "I haven't", "has_contract", {"has_contract": False}),
    R("en-still-abroad", "no, I'm still abroad", "fulltime_in_china", {"fulltime_in_china": False}),
    R("en-abroad", "abroad", "degree_abroad", {"degree_abroad": True}),
    R("en-in-china", "in China", "degree_abroad", {"degree_abroad": False}),
    R("en-ethnic-yes", "yes, of Chinese descent", "ethnic_chinese", {"ethnic_chinese": True}),
    R("en-not-sponsored", "no, I wasn't government-sponsored", "unfulfilled_sponsorship", {"unfulfilled_sponsorship": False}),
    R("en-true-button", "true", "org_legal_person", {"org_legal_person": True}),
    # ---- choices -----------------------------------------------------------------------------
    R("zh-nat-cn", "中国国籍", "nationality", {"nationality": "chinese"}),
    R("zh-nat-foreign", "外国国籍", "nationality", {"nationality": "foreign"}),
    R("zh-nat-rují", "已经入了外国籍", "nationality", {"nationality": "foreign"}),
    R("en-nat-cn", "Chinese", "nationality", {"nationality": "chinese"}),
    R("en-nat-foreign", "foreign", "nationality", {"nationality": "foreign"}),
    R("en-nat-american", "American", "nationality", {"nationality": "foreign"}),
    R("en-nat-passport", "not Chinese, I have a foreign passport", "nationality", {"nationality": "foreign"}),
    R("zh-degree-phd", "博士", "degree", {"degree": "phd"}),
    R("zh-degree-master", "硕士", "degree", {"degree": "master"}),
    R("zh-degree-bachelor", "本科", "degree", {"degree": "bachelor"}),
    R("zh-degree-none", "没有学位", "degree", {"degree": "none"}),
    R("en-degree-phd", "PhD", "degree", {"degree": "phd"}),
    R("en-degree-doctorate", "a doctorate", "degree", {"degree": "phd"}),
    R("en-degree-master", "master's degree", "degree", {"degree": "master"}),
    R("en-degree-ba", "just a BA", "degree", {"degree": "bachelor"}),
    R("en-degree-none", "none", "degree", {"degree": "none"}),
    R("zh-field-natural", "自然科学", "field", {"field": "natural_science"}),
    R("zh-field-chem", "理科，做化学的", "field", {"field": "natural_science"}),
    R("zh-field-eng", "工程技术", "field", {"field": "engineering"}),
    R("zh-field-cs", "计算机", "field", {"field": "engineering"}),
    R("zh-field-econ", "经济学", "field", {"field": "social_science"}),
    R("zh-field-history", "历史", "field", {"field": "humanities"}),
    R("zh-field-finance", "金融", "field", {"field": "finance"}),
    R("zh-field-music", "音乐", "field", {"field": "culture_arts"}),
    R("en-field-physics", "physics", "field", {"field": "natural_science"}),
    R("en-field-ee", "electrical engineering", "field", {"field": "engineering"}),
    R("en-field-sociology", "sociology", "field", {"field": "social_science"}),
    R("en-field-humanities", "the humanities", "field", {"field": "humanities"}),
    R("en-field-arts", "culture and arts", "field", {"field": "culture_arts"}),
    R("en-field-other", "something else", "field", {"field": "other"}),
    R("zh-title-prof", "教授", "overseas_title", {"overseas_title": "professor"}),
    R("zh-title-full-prof", "正教授", "overseas_title", {"overseas_title": "professor"}),
    R("zh-title-assoc", "副教授", "overseas_title", {"overseas_title": "associate_professor"}),
    R("zh-title-asst", "助理教授", "overseas_title", {"overseas_title": "assistant_professor"}),
    R("zh-title-researcher", "研究员", "overseas_title", {"overseas_title": "researcher"}),
    R("zh-title-postdoc", "博士后", "overseas_title", {"overseas_title": "postdoc"}),
    R("zh-title-exec", "企业高管", "overseas_title", {"overseas_title": "senior_corporate"}),
    R("zh-title-cto", "技术总监", "overseas_title", {"overseas_title": "senior_corporate"}),
    R("zh-title-fin", "金融机构高管", "overseas_title", {"overseas_title": "senior_finance"}),
    R("zh-title-intl-org", "在国际组织做管理", "overseas_title", {"overseas_title": "intl_org_manager"}),
    R("zh-title-none", "没有", "overseas_title", {"overseas_title": "none"}),
    R("en-title-full", "full professor", "overseas_title", {"overseas_title": "professor"}),
    R("en-title-assoc", "associate professor", "overseas_title", {"overseas_title": "associate_professor"}),
    R("en-title-tenure-track", "tenure-track assistant professor", "overseas_title", {"overseas_title": "assistant_professor"}),
    R("en-title-research-scientist", "research scientist", "overseas_title", {"overseas_title": "researcher"}),
    R("en-title-staff-scientist", "staff scientist", "overseas_title", {"overseas_title": "researcher"}),
    R("en-title-postdoc", "postdoc", "overseas_title", {"overseas_title": "postdoc"}),
    R("en-title-vp", "VP of engineering", "overseas_title", {"overseas_title": "senior_corporate"}),
    R("en-title-senior-manager", "senior manager", "overseas_title", {"overseas_title": "senior_corporate"}),
    R("en-title-bank", "senior role at a bank", "overseas_title", {"overseas_title": "senior_finance"}),
    R("en-title-none", "none", "overseas_title", {"overseas_title": "none"}),
    R("zh-emp-gaoxiao", "高校", "employer_type", {"employer_type": "university"}),
    R("zh-emp-daxue", "国内一所大学", "employer_type", {"employer_type": "university"}),
    R("zh-emp-yanjiusuo", "中科院的研究所", "employer_type", {"employer_type": "research_institute"}),
    R("zh-emp-yangqi", "央企", "employer_type", {"employer_type": "central_soe"}),
    R("zh-emp-bank", "一家银行", "employer_type", {"employer_type": "financial_institution"}),
    R("zh-emp-regulator", "金融监管部门", "employer_type", {"employer_type": "financial_regulator"}),
    R("zh-emp-state-culture", "国有文化单位", "employer_type", {"employer_type": "state_cultural_unit"}),
    R("zh-emp-private-culture", "民营文化单位", "employer_type", {"employer_type": "private_cultural_unit"}),
    R("zh-emp-company", "一家公司", "employer_type", {"employer_type": "company"}),
    R("zh-emp-none", "还没有单位", "employer_type", {"employer_type": "none"}),
    R("en-emp-uni", "university", "employer_type", {"employer_type": "university"}),
    R("en-emp-cas", "an institute of the Chinese Academy of Sciences", "employer_type", {"employer_type": "research_institute"}),
    R("en-emp-soe", "central SOE", "employer_type", {"employer_type": "central_soe"}),
    R("en-emp-fin", "financial institution", "employer_type", {"employer_type": "financial_institution"}),
    R("en-emp-company", "a private tech company", "employer_type", {"employer_type": "company"}),
    R("zh-region-bj", "北京", "employer_region", {"employer_region": "beijing"}),
    R("zh-region-xj", "在新疆", "employer_region", {"employer_region": "xinjiang"}),
    R("zh-region-tibet", "西藏", "employer_region", {"employer_region": "tibet"}),
    R("zh-region-other", "其他地区", "employer_region", {"employer_region": "other"}),
    R("zh-region-shanghai", "上海", "employer_region", {"employer_region": "other"}),
    R("en-region-bj", "it's in Beijing", "employer_region", {"employer_region": "beijing"}),
    R("en-region-elsewhere", "elsewhere", "employer_region", {"employer_region": "other"}),
    R("zh-stage-rd", "研发阶段", "product_stage", {"product_stage": "research"}),
    R("zh-stage-pilot", "中试", "product_stage", {"product_stage": "pilot"}),
    R("zh-stage-mass", "已经量产了", "product_stage", {"product_stage": "industrialized"}),
    R("en-stage-rd", "R&D", "product_stage", {"product_stage": "research"}),
    R("en-stage-pilot", "pilot stage", "product_stage", {"product_stage": "pilot"}),
    R("en-stage-mass", "in mass production", "product_stage", {"product_stage": "industrialized"}),
    R("zh-awards-nobel", "诺贝尔奖", "awards", {"awards": ["nobel"]}),
    R("zh-awards-turing", "图灵奖", "awards", {"awards": ["turing"]}),
    R("zh-awards-fields", "菲尔兹奖", "awards", {"awards": ["fields"]}),
    R("zh-awards-none", "没有", "awards", {"awards": []}),
    R("en-awards-nobel", "Nobel Prize", "awards", {"awards": ["nobel"]}),
    R("en-awards-none", "no major awards", "awards", {"awards": []}),
    R("zh-programs-haiju", "海聚工程外专长期项目", "selected_programs", {"selected_programs": ["haiju.foreign_long"]}),
    R("zh-programs-none", "没有", "selected_programs", {"selected_programs": []}),
    R("zh-programs-youth-qianren", "入选过青年千人", None, {"selected_programs": ["qianren.youth"]}),
    R("en-programs-haiju", "Haiju foreign expert long-term", "selected_programs", {"selected_programs": ["haiju.foreign_long"]}),
    R("en-programs-none", "none", "selected_programs", {"selected_programs": []}),
    R("zh-apply-is-not-selected", "我想申请海聚工程青年项目", None, {}, ("selected_programs",), q=False),
    # ---- declines ----------------------------------------------------------------------------
    R("zh-decline-buqingchu", "不清楚", "age", {}, ("age",), declined=["age"]),
    R("zh-decline-buqueding", "这个我不太确定", "has_contract", {}, ("has_contract",), declined=["has_contract"]),
    R("zh-decline-bufangbian", "不方便说", "annual_salary_cny", {}, declined=["annual_salary_cny"]),
    R("zh-decline-free", "持股比例我不太清楚", None, {}, ("equity_percent",), declined=["equity_percent"]),
    R("en-decline-dont-know", "I don't know", "company_age_years", {}, declined=["company_age_years"]),
    R("en-decline-not-sure", "I'm not sure", "misconduct", {}, ("misconduct",), declined=["misconduct"]),
    R("en-decline-no-idea", "no idea", "has_contract", {}, ("has_contract",), declined=["has_contract"]),
    R("en-answer-is-no-decline", "3 years", "company_age_years", {"company_age_years": 3}, declined=[]),
    R("zh-question-is-no-decline", "我不知道青年项目的年龄限制是多少", "age", {}, ("age",), q=True, declined=[]),
    R("zh-side-question-while-asked", "青年项目要公示多久？", "age", {}, ("age",), q=True, declined=[]),
    R("zh-yes-then-question", "是的，请问下一步怎么办？", "has_contract", {"has_contract": True}, q=True),
    # ---- corrections ---------------------------------------------------------------------------
    R("zh-corr-budui", "不对，我是41岁", None, {"age": 41}, corr=True),
    R("zh-corr-gaicheng", "改成39", "age", {"age": 39}, corr=True),
    R("zh-corr-label", "把年龄改成39", None, {"age": 39}, corr=True),
    R("zh-corr-last-wins", "我40岁，不对，是41岁", None, {"age": 41}, corr=True),
    R("zh-corr-equity", "说错了，持股是40%", None, {"equity_percent": 40}, corr=True),
    R("en-corr-actually", "sorry, actually 41", "age", {"age": 41}, corr=True),
    R("en-corr-change", "change my age to 39", None, {"age": 39}, corr=True),
    R("en-no-corr", "I'm 41", None, {"age": 41}, corr=False),
    # ---- questions -----------------------------------------------------------------------------
    R("zh-q-gongshi", "青年项目要公示多久？", None, {}, ("age", "commit_years"), q=True),
    R("zh-q-no-mark", "能不能同时申请两个项目", None, {}, q=True),
    R("zh-q-ma", "外籍华人可以申请吗", None, {}, q=True),
    R("zh-q-with-facts", "我34岁，能申请青年项目吗？", None, {"age": 34}, q=True),
    R("zh-q-answer-not-q", "我在美国读的博士", None, {"degree": "phd", "degree_abroad": True}, q=False),
    R("en-q-age-limit", "what is the age limit?", None, {}, ("age",), q=True),
    R("en-q-how-long", "how long does the review take", None, {}, q=True),
    R("en-q-does", "does the youth program require a PhD", None, {}, q=True),
    R("en-q-statement", "I have a PhD from Stanford", None, {"degree": "phd", "degree_abroad": True}, q=False),
    # ---- negation -------------------------------------------------------------------------------
    R("zh-neg-startup", "没有海外创业经验", None, {"overseas_startup_experience": False}),
    R("zh-neg-huayi", "我不是华裔", None, {"ethnic_chinese": False}),
    R("zh-neg-feihuayi", "外籍非华裔", None, {"nationality": "foreign", "ethnic_chinese": False}),
    R("zh-neg-contract", "还没签合同", None, {"has_contract": False}),
    R("zh-neg-contract-after", "合同还没签", None, {"has_contract": False}),
    R("zh-neg-misconduct", "我没有违纪违法和学术不端记录", None, {"misconduct": False}),
    R("zh-neg-academy", "我不是院士", None, {"academy_member": False}),
    R("zh-neg-awards", "我没有获得过国际大奖", None, {"awards": []}),
    R("zh-neg-founder", "我不是创始人，但我是第一大股东", None, {"is_founder": False, "largest_shareholder": True}),
    R("zh-neg-phd", "我没有博士学位，是硕士", None, {"degree": "master"}),
    R("en-neg-founder", "I'm not a founder", None, {"is_founder": False}),
    R("en-neg-contract", "I haven't signed a contract yet", None, {"has_contract": False}),
    R("en-neg-misconduct", "no record of misconduct", None, {"misconduct": False}),
    R("en-neg-startup", "I have never founded a company abroad", None, {"overseas_startup_experience": False}),
    R("en-neg-ethnic", "not ethnic Chinese", None, {"ethnic_chinese": False}),
    R("en-neg-descent", "I'm a French engineer, not of Chinese descent", None, {"nationality": "foreign", "ethnic_chinese": False}),
    # ---- free sentences, several facts ---------------------------------------------------------------
    R("zh-free-dev-youth", "我想申请千人计划青年项目，我34岁，有海外博士学位。", None,
      {"age": 34, "degree": "phd", "degree_abroad": True}, ("field", "selected_programs", "is_founder"), q=False),
    R("zh-free-dev-entrepreneur", "我想申请国家创业人才项目，公司成立三年，我是第一大股东。", None,
      {"company_age_years": 3, "largest_shareholder": True}, ("is_founder", "years_in_china", "selected_programs")),
    R("zh-free-dev-keyfield", "我是外国专家，每年来北京工作两个月，能连续三年，年薪15万，有什么资助？", None,
      {"nationality": "foreign", "commit_months_per_year": 2, "commit_years": 3, "annual_salary_cny": 150000,
       "employer_region": "beijing"}, ("years_in_china", "commit_fulltime_years", "age"), q=True),
    R("en-free-dev-foreign", "I'm a US citizen of Chinese descent, 50 years old, professor of physics. "
      "Can I apply to the foreign expert program?", None,
      {"nationality": "foreign", "ethnic_chinese": True, "age": 50, "overseas_title": "professor",
       "field": "natural_science"}, (), q=True),
    R("zh-free-stanford", "我今年三十八岁，在美国斯坦福读的化学博士，毕业后在那边做了四年研究员，想申请千人计划青年项目。", None,
      {"age": 38, "degree": "phd", "degree_abroad": True, "degree_from_renowned": True, "field": "natural_science",
       "overseas_title": "researcher", "overseas_months_after_phd": 48}, ("years_in_china",)),
    R("zh-free-after-phd-context", "我是海外博士，毕业后做了四年研究员", None,
      {"overseas_title": "researcher", "overseas_months_after_phd": 48, "degree": "phd", "degree_abroad": True}),
    R("zh-free-china-years", "我在国内工作了两年", None, {"years_in_china": 2}, ("overseas_work_months",)),
    R("zh-free-fulltime-commit", "我打算全职回国工作五年", None, {"commit_fulltime_years": 5}, ("years_in_china",)),
    R("zh-free-company-founder", "我在北京创办了一家人工智能公司，公司成立刚满一年，我是创始人，占股60%", None,
      {"is_founder": True, "company_age_years": 1, "equity_percent": 60, "employer_region": "beijing",
       "field": "engineering"}, ("overseas_startup_experience",)),
    R("zh-free-np-shareholder", "我是第一大自然人股东", None, {"largest_natural_person_shareholder": True}, ("largest_shareholder",)),
    R("zh-free-startup-abroad", "我在美国创过业", None, {"overseas_startup_experience": True}, ("is_founder",)),
    R("zh-free-google-director", "我在谷歌做过总监", None,
      {"intl_company_management": True, "overseas_title": "senior_corporate", "overseas_employer_renowned": True}),
    R("zh-free-academy", "我是美国科学院院士", None, {"academy_member": True}),
    R("zh-free-academy-cas-not", "我是中国科学院院士", None, {}, ("academy_member",)),
    R("zh-free-contract", "已经签了意向书", None, {"has_contract": True}),
    R("zh-free-fulltime", "我已经全职在国内工作了", None, {"fulltime_in_china": True}),
    R("zh-free-still-abroad", "我目前还在国外", None, {"fulltime_in_china": False}),
    R("zh-free-domestic-phd", "我是清华博士", None, {"degree": "phd", "degree_abroad": False}),
    R("zh-free-guonei-phd", "国内博士，在德国做博士后", None, {"degree": "phd", "degree_abroad": False, "overseas_title": "postdoc"}),
    R("zh-free-sponsorship", "我是国家公派出去的，协议还没有履行", None, {"unfulfilled_sponsorship": True}),
    R("zh-free-platforms", "我没有通过多个平台申报", None, {"multiple_platforms": False}),
    R("zh-free-canadian", "我是加拿大籍华人，今年五十五岁，有博士学位，在多伦多大学当教授。北京一所大学想全职聘我", None,
      {"nationality": "foreign", "ethnic_chinese": True, "age": 55, "degree": "phd", "overseas_title": "professor",
       "overseas_employer_renowned": True, "employer_type": "university", "employer_region": "beijing"}),
    R("zh-free-xinjiang", "用人单位是新疆的一所高校", None, {"employer_type": "university", "employer_region": "xinjiang"}),
    R("zh-free-selected", "我去年已经入选海聚工程外专长期项目，用人单位每年付我80万元工资", None,
      {"selected_programs": ["haiju.foreign_long"], "annual_salary_cny": 800000}),
    R("zh-free-stage", "产品还在研发阶段", None, {"product_stage": "research"}),
    R("zh-free-nobel", "我获得过诺贝尔奖", None, {"awards": ["nobel"]}),
    R("en-free-cmu-google", "I'm 35 with a PhD in computer science from Carnegie Mellon in the US, and since graduating "
      "I've been a research scientist at Google in California for five years. A private tech company in Beijing wants "
      "to hire me.", None,
      {"age": 35, "degree": "phd", "degree_abroad": True, "degree_from_renowned": True, "field": "engineering",
       "overseas_title": "researcher", "overseas_months_after_phd": 60, "overseas_employer_renowned": True,
       "employer_type": "company", "employer_region": "beijing"}, ("years_in_china",)),
    R("en-free-siemens", "I'm 44. I did my master's in the UK and then spent eight years as a product director at Siemens "
      "in Germany. Three years ago I moved back and founded a medical-device company in Beijing; I'm the largest "
      "shareholder with 45%, and our core product is already in mass production.", None,
      {"age": 44, "degree": "master", "degree_abroad": True, "overseas_title": "senior_corporate",
       "overseas_work_months": 96, "intl_company_management": True, "company_age_years": 3, "is_founder": True,
       "largest_shareholder": True, "equity_percent": 45, "product_stage": "industrialized",
       "employer_region": "beijing"}, ("overseas_startup_experience",)),
    R("en-free-largest-individual", "I'm the largest individual shareholder, but after several VC rounds I only hold 20%.", None,
      {"largest_natural_person_shareholder": True, "equity_percent": 20}, ("largest_shareholder",)),
    R("en-free-keyfield", "A Beijing company has invited me to work there three months every year, three years in a row, "
      "and will pay me 120,000 yuan a year.", None,
      {"commit_months_per_year": 3, "commit_years": 3, "annual_salary_cny": 120000, "employer_type": "company",
       "employer_region": "beijing"}, ("years_in_china", "commit_fulltime_years")),
    R("en-free-company-age", "my company was founded 3 years ago", None, {"company_age_years": 3}),
    R("en-free-company-year", "the company was founded in 2021", None, {"company_age_years": 4}),
    R("en-free-commit-fulltime", "I will commit to 5 years full-time in China", None, {"commit_fulltime_years": 5}, ("years_in_china",)),
    R("en-free-china-years", "I have been working in China for 2 years", None, {"years_in_china": 2}),
    R("en-free-mit-phd", "PhD from MIT", None, {"degree": "phd", "degree_abroad": True, "degree_from_renowned": True}),
    R("en-free-academy", "I'm a member of the National Academy of Sciences", None, {"academy_member": True}),
    R("en-free-director-msft", "I was a director at Microsoft for six years", None,
      {"intl_company_management": True, "overseas_title": "senior_corporate"}),
    R("en-free-contract", "I signed a contract with Tsinghua", None, {"has_contract": True}),
    R("en-free-fulltime-false", "I'm still abroad", None, {"fulltime_in_china": False}),
    R("en-free-nobel", "I won the Nobel Prize in 2010", None, {"awards": ["nobel"]}),
    R("en-free-tibet", "My employer is a research institute in Tibet", None,
      {"employer_type": "research_institute", "employer_region": "tibet"}),
    R("en-free-first-time", "this is my first time applying", None, {"prior_applications": 0}),
    # ---- more phrasings: asked facts ----------------------------------------------------------------
    R("zh-age-date-of-birth", "1988年5月", "age", {"birth_year": 1988, "birth_month": 5}, ("age",)),
    R("zh-age-almost", "快40了", "age", {"age": 39}),
    R("en-age-will-be", "I'll be 40 in December", "age", {"age": 39}),
    R("zh-birth-year-cn-2digit", "八八年", "birth_year", {"birth_year": 1988}),
    R("en-birth-year-apostrophe", "'88", "birth_year", {"birth_year": 1988}),
    R("zh-nat-meiji", "美籍", "nationality", {"nationality": "foreign"}),
    R("en-nat-canadian", "I'm a Canadian citizen", "nationality", {"nationality": "foreign"}),
    R("en-nat-green-card", "I have a green card but a Chinese passport", "nationality", {"nationality": "chinese"}),
    R("zh-ethnic-parents", "对，我父母都是中国人", "ethnic_chinese", {"ethnic_chinese": True}),
    R("en-ethnic-parents", "my parents are both Chinese", "ethnic_chinese", {"ethnic_chinese": True}),
    R("zh-abroad-harvard", "哈佛", "degree_abroad", {"degree_abroad": True}),
    R("zh-abroad-tsinghua-only-degree", "清华大学", "degree_abroad", {"degree_abroad": False}, ("employer_type", "employer_region")),
    R("en-renowned-mit", "MIT", "overseas_employer_renowned", {"overseas_employer_renowned": True}),
    R("zh-renowned-small", "一家小公司", "overseas_employer_renowned", {"overseas_employer_renowned": False}),
    R("zh-field-bank-is-employer", "银行", "employer_type", {"employer_type": "financial_institution"}, ("field",)),
    R("en-title-asst-prof", "I'm an assistant prof", "overseas_title", {"overseas_title": "assistant_professor"}),
    R("en-title-md-goldman", "managing director at Goldman Sachs", "overseas_title", {"overseas_title": "senior_finance"}),
    R("zh-title-md-bank", "我是投行的董事总经理", "overseas_title", {"overseas_title": "senior_finance"}),
    R("zh-title-un", "我在联合国做处长", "overseas_title", {"overseas_title": "intl_org_manager"}),
    R("zh-title-partner-is-no-title", "不是，我是合伙人", "is_founder", {"is_founder": False}, ("overseas_title",)),
    R("zh-months-duo", "6年多", "overseas_months_after_phd", {"overseas_months_after_phd": 72}),
    R("zh-months-less-than", "不到三年", "overseas_work_months", {"overseas_work_months": 35}),
    R("en-years-decade", "about a decade", "overseas_research_years", {"overseas_research_years": 10}),
    R("en-years-since-year", "since 2019", "company_age_years", {"company_age_years": 6}),
    R("en-months-since-year", "since 2019", "overseas_months_after_phd", {"overseas_months_after_phd": 72}),
    R("zh-years-huiguo", "回国两年了", "years_in_china", {"years_in_china": 2}),
    R("zh-years-not-fulltime", "不全职", "commit_fulltime_years", {"commit_fulltime_years": 0}),
    R("en-years-not-fulltime", "I won't be full-time", "commit_fulltime_years", {"commit_fulltime_years": 0}),
    R("zh-mpy-quannian", "全年", "commit_months_per_year", {"commit_months_per_year": 12}),
    R("zh-company-qunian", "去年成立的", "company_age_years", {"company_age_years": 1}),
    R("zh-company-year", "2020年成立的", "company_age_years", {"company_age_years": 5}),
    R("zh-pct-sicheng", "四成", "equity_percent", {"equity_percent": 40}),
    R("zh-pct-yiban", "一半", "equity_percent", {"equity_percent": 50}),
    R("zh-money-yuexin-asked", "月薪三万", "annual_salary_cny", {"annual_salary_cny": 360000}),
    R("zh-money-cn-wan", "一百二十万", "annual_salary_cny", {"annual_salary_cny": 1200000}),
    R("en-money-half-million", "half a million yuan", "annual_salary_cny", {"annual_salary_cny": 500000}),
    R("zh-prior-diyici", "第一次", "prior_applications", {"prior_applications": 0}),
    R("zh-prior-disanci", "这是第三次了", "prior_applications", {"prior_applications": 2}),
    R("en-prior-first-time", "no, this is the first time", "prior_applications", {"prior_applications": 0}),
    R("zh-contract-talking", "还在谈", "has_contract", {"has_contract": False}),
    R("en-contract-mou", "We signed an MOU", "has_contract", {"has_contract": True}),
    R("en-yes-later-clause", "I hold 60%, so yes", "largest_shareholder", {"largest_shareholder": True}),
    R("en-fulltime-moved-back", "I moved back last year", "fulltime_in_china", {"fulltime_in_china": True}),
    R("zh-region-haidian", "海淀区", "employer_region", {"employer_region": "beijing"}),
    R("zh-region-urumqi", "乌鲁木齐", "employer_region", {"employer_region": "xinjiang"}),
    R("zh-startup-kaiguo", "在美国开过公司", "overseas_startup_experience", {"overseas_startup_experience": True}),
    R("zh-awards-nothing-big", "没拿过什么大奖", "awards", {"awards": []}, q=False),
    R("en-awards-two", "Fields Medal and a Wolf Prize", "awards", {"awards": ["fields", "other_major"]}),
    R("zh-platform-one", "只报了一个", "multiple_platforms", {"multiple_platforms": False}),
    R("en-subsidy", "I already receive the Foreign Thousand Talents subsidy", "receives_other_salary_subsidy",
      {"receives_other_salary_subsidy": True}),
    R("zh-programs-two", "入选了国家千人计划青年项目和海聚工程创业类", "selected_programs",
      {"selected_programs": ["qianren.youth", "haiju.entrepreneur"]}),
    R("en-org-area", "about 5,000 square meters", "org_area_m2", {"org_area_m2": 5000}),
    R("zh-org-fund", "每年200万元", "org_annual_fund_cny", {"org_annual_fund_cny": 2000000}),
    R("zh-org-enterprises", "入驻了30家企业", "org_enterprises", {"org_enterprises": 30}),
    R("en-org-location", "outside China", "org_location", {"org_location": "overseas"}),
    R("zh-decline-with-guess", "不知道，可能有五年", "overseas_work_months", {"overseas_work_months": 60}, declined=[]),
    R("zh-decline-renowned", "我也不确定是不是知名的", "overseas_employer_renowned", {}, ("overseas_employer_renowned",),
      declined=["overseas_employer_renowned"]),
    R("zh-corr-label-gap", "年龄写错了，应该是42", None, {"age": 42}, corr=True),
    R("en-corr-not-a-phd", "correction: I have a master's, not a PhD", None, {"degree": "master"}, corr=True),
    R("en-corr-company", "oops, company is 4 years old, not 3", None, {"company_age_years": 4}, ("age",), corr=True),
    R("en-corr-wait", "no wait, 3 years", "overseas_months_after_phd", {"overseas_months_after_phd": 36}, corr=True),
    # ---- more phrasings: free sentences ---------------------------------------------------------------
    R("zh-free-berkeley", "我今年41岁，美国籍华人，在加州大学伯克利分校当副教授，想了解海聚工程外专长期项目。", None,
      {"age": 41, "nationality": "foreign", "ethnic_chinese": True, "overseas_title": "associate_professor",
       "overseas_employer_renowned": True}, ("selected_programs",)),
    R("zh-free-siemens-intent", "本人1983年出生，德国慕尼黑工业大学博士，目前在西门子担任研发总监，有意回国创业。", None,
      {"birth_year": 1983, "degree": "phd", "degree_abroad": True, "overseas_title": "senior_corporate",
       "intl_company_management": True, "fulltime_in_china": False}, ("is_founder", "field")),
    R("zh-free-british-keyfield", "我是英国籍，不是华裔，想每年来北京工作三个月，可以连续干三年，对方开的年薪是20万元。", None,
      {"nationality": "foreign", "ethnic_chinese": False, "commit_months_per_year": 3, "commit_years": 3,
       "annual_salary_cny": 200000}, ("commit_fulltime_years", "years_in_china")),
    R("zh-free-tokyo", "我博士毕业五年了，一直在日本东京大学做研究员，今年33岁，能申请青年项目吗？", None,
      {"age": 33, "overseas_months_after_phd": 60, "overseas_title": "researcher", "overseas_employer_renowned": True}, q=True),
    R("zh-free-registered", "公司是2021年在北京注册的，我是法人和第一大股东，持股51%，产品已经进入中试阶段。", None,
      {"company_age_years": 4, "largest_shareholder": True, "equity_percent": 51, "product_stage": "pilot",
       "employer_region": "beijing"}),
    R("zh-free-goldman-md", "我是海外博士，在高盛工作了六年，现在是董事总经理，打算全职回国去一家银行。", None,
      {"overseas_finance_months": 72, "overseas_title": "senior_finance", "employer_type": "financial_institution",
       "degree_abroad": True}),
    R("zh-free-highest-degree-abroad", "我在国内读的本科和硕士，博士是在美国哈佛读的，毕业后做了两年博士后，今年35岁。", None,
      {"degree": "phd", "degree_abroad": True, "overseas_title": "postdoc", "overseas_months_after_phd": 24, "age": 35}),
    R("zh-free-beijing-fulltime", "我已经在北京全职工作两年了，之前在美国做了八年科研。", None,
      {"fulltime_in_china": True, "years_in_china": 2, "overseas_research_years": 8}),
    R("zh-free-no-flags", "我没有违纪违法记录，也不是公派留学，只通过一个渠道申报。", None,
      {"misconduct": False, "unfulfilled_sponsorship": False, "multiple_platforms": False}),
    R("en-free-since-phd-after", "I'm 39, a tenure-track assistant professor at Stanford with a PhD from MIT. "
      "I've worked in the US for 7 years since my PhD.", None,
      {"age": 39, "overseas_title": "assistant_professor", "overseas_months_after_phd": 84, "degree_abroad": True}),
    R("en-free-returned-from", "I'm a Chinese citizen who has been working full-time in Beijing for three years after "
      "returning from Canada.", None, {"nationality": "chinese", "years_in_china": 3, "fulltime_in_china": True},
      ("overseas_work_months",)),
    R("en-free-hire-as-professor", "We haven't signed anything yet, but Peking University wants to hire me as a professor.", None,
      {"has_contract": False, "employer_type": "university", "employer_region": "beijing"}, ("overseas_title",)),
    R("en-free-other-platform", "I've applied to the program once before and I'm not applying through any other platform.", None,
      {"prior_applications": 1, "multiple_platforms": False}),
    R("en-free-lecturer-now", "I did a postdoc at Oxford for three years and now I'm a lecturer at Imperial College.", None,
      {"overseas_title": "assistant_professor", "overseas_work_months": 36}),
    R("en-free-part-time-years", "I can spend two months per year in Beijing for the next five years.", None,
      {"commit_months_per_year": 2, "commit_years": 5}, ("commit_fulltime_years", "years_in_china")),
    R("en-free-team-equity", "the team holds 70%", "team_main_shareholders", {"team_main_shareholders": True}, ("equity_percent",)),
    R("zh-free-china-then-abroad", "我之前在国内工作过三年，后来出国读博", None, {"years_in_china": 3, "degree": "phd"}),
    R("en-free-title-in-china", "I'm currently a professor at Peking University", None, {}, ("overseas_title",)),
    R("zh-free-team-phds", "我们团队有5个博士", None, {}, ("degree",)),
    R("en-age-years-unit", "36 years", "age", {"age": 36}),
    R("zh-nat-passport-not-degree", "我拿的是美国护照", "nationality", {"nationality": "foreign"}, ("degree_abroad",)),
    R("en-degree-not-college", "I didn't finish college", "degree", {"degree": "none"}),
    R("en-title-postdoc-researcher", "a postdoctoral researcher", "overseas_title", {"overseas_title": "postdoc"}),
    R("zh-title-staff", "不算，就是普通职员", "overseas_title", {"overseas_title": "other"}),
    R("zh-months-year-half-month", "五年零六个月", "overseas_work_months", {"overseas_work_months": 66}),
    R("en-months-five-and-half", "five and a half years", "overseas_work_months", {"overseas_work_months": 66}),
    R("zh-years-not-back", "我还没回国", "years_in_china", {"years_in_china": 0, "fulltime_in_china": False}),
    R("en-years-running", "for four years running", "commit_years", {"commit_years": 4}),
    R("zh-emp-985", "一所985高校", "employer_type", {"employer_type": "university"}),
    R("en-emp-csrc", "China Securities Regulatory Commission", "employer_type", {"employer_type": "financial_regulator"}),
    R("en-emp-film", "a private film studio", "employer_type", {"employer_type": "private_cultural_unit"}),
    R("zh-founder-shareholder-is-no-founder", "我是大股东之一", "is_founder", {}, ("is_founder",)),
    R("zh-founder-main", "我是主要创办人", "is_founder", {"is_founder": True}),
    R("zh-company-duo", "成立两年多了", "company_age_years", {"company_age_years": 2}),
    R("zh-company-half-year", "刚注册半年", "company_age_years", {"company_age_years": 0.5}),
    R("zh-largest-no-investor", "不是，投资人持股更多", "largest_shareholder", {"largest_shareholder": False}),
    R("zh-startup-twice", "创过两次业", "overseas_startup_experience", {"overseas_startup_experience": True}),
    R("en-mgmt-apple", "I managed a team of 50 at Apple", "intl_company_management", {"intl_company_management": True}),
    R("zh-awards-wolf", "得过沃尔夫奖", "awards", {"awards": ["other_major"]}),
    R("en-academy-royal", "No, I'm not an academician", "academy_member", {"academy_member": False}),
    R("zh-sponsor-served", "我是公派出去的，但已经按协议回国服务期满", "unfulfilled_sponsorship", {"unfulfilled_sponsorship": False}),
    R("en-sponsor-broke", "yes, I broke a CSC agreement", "unfulfilled_sponsorship", {"unfulfilled_sponsorship": True}),
    R("en-misconduct-clean", "clean", "misconduct", {"misconduct": False}),
    R("en-misconduct-yes", "there was a plagiarism finding once", "misconduct", {"misconduct": True}),
    R("zh-money-month-wage", "月工资4万", "annual_salary_cny", {"annual_salary_cny": 480000}),
    R("zh-money-shuiqian", "年薪税前60万", "annual_salary_cny", {"annual_salary_cny": 600000}),
    R("en-money-thousand", "800 thousand yuan", "annual_salary_cny", {"annual_salary_cny": 800000}),
    R("en-subsidy-city-budget", "my salary is paid from the city budget", "receives_other_salary_subsidy",
      {"receives_other_salary_subsidy": True}),
    R("zh-dur-abroad-is-not-china", "我在美国工作了10年", "years_in_china", {"overseas_work_months": 120}, ("years_in_china",)),
    R("zh-dur-china-is-not-abroad", "回国三年了", "overseas_work_months", {"years_in_china": 3}, ("overseas_work_months",)),
    R("zh-dur-two-commitments", "每年两个月，连续三年", "commit_years", {"commit_months_per_year": 2, "commit_years": 3}),
    # ---- questions about the rules state no facts ----------------------------------------------------
    R("zh-q-rule-months", "博士毕业后需要在海外工作几年？", None, {}, ("degree", "overseas_months_after_phd"), q=True),
    R("zh-q-rule-commit", "短期项目要求每年来华工作不少于2个月，连续3年吗？", None, {},
      ("commit_months_per_year", "commit_years"), q=True),
    R("zh-q-rule-equity", "持股比例要不低于30%吗", None, {}, ("equity_percent",), q=True),
    R("zh-q-rule-shareholder", "第一大股东才能申请吗", None, {}, ("largest_shareholder", "largest_natural_person_shareholder"), q=True),
    R("zh-q-rule-nobel", "诺贝尔奖得主有什么特殊政策", None, {}, ("awards",), q=True),
    R("zh-q-rule-foreigners", "外籍人士能申请千人计划吗", None, {}, ("nationality",), q=True),
    R("zh-q-jieshao", "请介绍一下青年项目", None, {}, q=True),
    R("en-q-rule-shareholder", "Does the entrepreneur program require the applicant to be the largest shareholder?", None, {},
      ("largest_shareholder", "largest_natural_person_shareholder"), q=True),
    R("en-q-rule-postdoc", "Is a postdoc position enough?", None, {}, ("overseas_title", "degree"), q=True),
    R("en-q-rule-professor", "Do I need to be a professor?", None, {}, ("overseas_title",), q=True),
    R("en-q-rule-nobel", "Are Nobel laureates exempt from the age limit?", None, {}, ("awards", "age"), q=True),
    R("en-q-rule-months", "How many months a year do I need to work in China?", None, {},
      ("years_in_china", "commit_months_per_year"), q=True),
    R("en-q-tell-me", "tell me about the entrepreneur program", None, {}, ("is_founder",), q=True),
    R("en-not-q-thanks", "ok thanks", None, {}, q=False),
    R("zh-not-q-jinian", "我在那边做了几年博士后", None, {"overseas_title": "postdoc"}, q=False),
    R("zh-q-jinian", "青年项目要求海外工作几年", None, {}, q=True),
    R("en-free-wife-age", "My wife is 35", None, {}, ("age",)),
    R("zh-free-advisor-academician", "我的导师是院士", None, {}, ("academy_member",)),
    R("en-free-advisor-nobel", "my advisor won the Nobel prize", None, {}, ("awards",)),
    R("en-free-wife-citizen", "My wife is a US citizen, I'm Chinese", None, {"nationality": "chinese"}),
    # ---- robustness ----------------------------------------------------------------------------------
    R("robust-empty", "", None, {}, ("age",), q=False, corr=False, declined=[]),
    R("robust-empty-asked", "", "age", {}, ("age",), declined=[]),
    R("robust-emoji", "😀😀🎉🙏", "age", {}, ("age",)),
    R("robust-emoji-around", "🎉我今年34岁🎉", None, {"age": 34}),
    R("robust-control-chars", "\x00\x01\x02我今年34岁\x7f\x1b[31m", None, {"age": 34}),
    R("robust-20000-chars", "a" * 20000, None, {}),
    R("robust-long-repeat", "我今年34岁，" * 4000, None, {"age": 34}),
    R("robust-html", "<b>我今年34岁</b><script>alert('x')</script>", None, {"age": 34}),
    R("robust-markdown", "**I'm 41** _years_ `old`", "age", {"age": 41}),
    R("robust-fullwidth", "我今年３４岁", None, {"age": 34}),
    R("robust-rtl-zero-width", "\u202e34\u200b", "age", {"age": 34}),
    R("robust-only-punct", "？？？!!!", None, {}, q=True),
    R("robust-surrogate-ish", "\ufffd\ufffd\ufffd", "age", {}, ("age",)),
    R("robust-unknown-asking", "34", "no_such_fact", {}),
    R("robust-huge-number", "9" * 500, "age", {}),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_row(row: Row):
    got = extract(row.text, row.asking, today=TODAY)
    assert isinstance(got, Extraction)
    for fact, value in row.must.items():
        assert fact in got.facts, f"{fact} missing from {got}"
        assert got.facts[fact] == value, f"{fact}: {got.facts[fact]!r} != {value!r} in {got}"
    for fact in row.must_not:
        assert fact not in got.facts, f"{fact} should not be read from {row.text[:80]!r}: {got}"
    if row.q is not None:
        assert got.is_question is row.q, got
    if row.corr is not None:
        assert got.correction is row.corr, got
    if row.declined is not None:
        assert got.declined == row.declined, got


def test_table_is_large_and_bilingual():
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids)), "row ids are unique"
    assert len(ROWS) >= 170
    zh = sum(r.id.startswith("zh-") for r in ROWS)
    en = sum(r.id.startswith("en-") for r in ROWS)
    assert zh >= 70 and en >= 70


# ---- answer templates of the simulated applicants -----------------------------------------------

_CN = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 12: "十二", 34: "三十四", 35: "三十五"}


def _sample(fact: str, kind: str):
    if fact == "age":
        return 34
    if fact == "birth_year":
        return 1985
    if fact == "birth_month":
        return 3
    if fact == "prior_applications":
        return 2
    if fact == "commit_months_per_year":
        return 2
    if fact == "org_area_m2":
        return 500
    return {"int": 120, "months": 48, "years": 3, "percent": 35, "money": 150000}.get(kind, 3)


def _template_cases():
    from bot.eligibility.facts import kind as _kind

    paths = [DEV / "templates_dev.json", ROOT / "tests" / "data" / "templates_extra.json"]
    for path in paths:
        if not path.exists():
            continue
        for lang, facts in json.loads(path.read_text(encoding="utf-8")).items():
            for fact, answers in facts.items():
                if fact == "_unknown":
                    for text in answers:
                        for asked in ("age", "has_contract", "employer_type"):
                            yield pytest.param(text, asked, None, id=f"{path.stem}-{lang}-unknown-{asked}-{len(text)}")
                    continue
                kind = _kind(fact)
                for key, texts in answers.items():
                    for i, t in enumerate(texts):
                        if key == "*":
                            v = _sample(fact, kind)
                            wan = v // 10000 if kind == "money" else v
                            text = t.format(v=v, v_cn=_CN.get(v, str(v)), wan=wan,
                                            years_cn=_CN.get(v // 12 if kind == "months" else v, str(v)))
                            expected = wan * 10000 if "{wan}" in t else v
                        else:
                            text = t
                            expected = {"true": True, "false": False}.get(key, key)
                            if kind == "programs" or fact == "awards":
                                expected = [] if key == "none" else [key]
                        yield pytest.param(text, fact, expected, id=f"{path.stem}-{lang}-{fact}-{key}-{i}")


@pytest.mark.parametrize("text,asking,expected", list(_template_cases()))
def test_template_answers(text, asking, expected):
    got = extract(text, asking, today=TODAY)
    if expected is None:
        assert got.declined == [asking] and asking not in got.facts, got
    else:
        assert got.facts.get(asking) == expected, got
        assert got.declined == []


# ---- persona openings: whatever is read agrees with the persona ---------------------------------

def _personas():
    for path in (DEV / "personas_dev.jsonl", ROOT / "tests" / "data" / "personas_extra.jsonl"):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    p = json.loads(line)
                    yield pytest.param(p, id=p["name"])


@pytest.mark.parametrize("persona", list(_personas()))
def test_persona_openings_agree_with_truth(persona):
    got = extract(persona["opening"], today=TODAY)
    truth = persona["truth"]
    wrong = {f: (v, truth[f]) for f, v in got.facts.items() if f in truth and truth[f] != v}
    # research years read from the posts after the PhD are a lower bound: the persona's truth also counts the
    # PhD years abroad, which its opening does not state
    if "overseas_research_years" in wrong and wrong["overseas_research_years"][0] < truth["overseas_research_years"]:
        del wrong["overseas_research_years"]
    assert not wrong, wrong
    assert got.facts, got


# ---- types, validity, robustness ---------------------------------------------------------------

def test_values_have_the_profile_types_and_validate():
    for row in ROWS:
        facts = extract(row.text, row.asking, today=TODAY).facts
        for fact, value in facts.items():
            assert fact in Profile.model_fields, fact
            base = [a for a in typing.get_args(Profile.model_fields[fact].annotation) if a is not type(None)][0]
            if base is bool:
                assert isinstance(value, bool), (fact, value)
            elif base is int:
                assert isinstance(value, int) and not isinstance(value, bool), (fact, value)
            elif base is float:
                assert isinstance(value, float), (fact, value)
            elif typing.get_origin(base) is typing.Literal:
                assert value in typing.get_args(base), (fact, value)
            else:
                assert isinstance(value, list), (fact, value)
        if "out-of-range" in row.id:
            continue
        Profile.model_validate({**facts, "as_of": TODAY})


def test_never_raises_on_odd_input():
    odd = [None, 34, b"\xff\xfe", "\ud800", "\x00" * 50, "。" * 3000, "1" * 5000, "年" * 3000, "万" * 3000,
           "十" * 3000, "一" * 3000, "三年" * 1000, "a year " * 500, "<" * 3000, "(" * 3000, "百分之" * 700,
           "I'm " * 1000, "博士" * 1000, "not " * 600, "是" * 3000, "\n" * 3000]
    for text in odd:
        for asking in (None, "age", "annual_salary_cny", "overseas_months_after_phd", "awards", "has_contract"):
            assert isinstance(extract(text, asking), Extraction)


def test_never_raises_property():
    pytest.importorskip("hypothesis")
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=200), st.sampled_from([None, "age", "equity_percent", "commit_years", "degree", "misconduct"]))
    def run(text, asking):
        assert isinstance(extract(text, asking), Extraction)

    run()


def test_parse_number():
    assert parse_number("三十四") == 34
    assert parse_number("一九八五") == 1985
    assert parse_number("两千零二十") == 2020
    assert parse_number("一百五") == 150
    assert parse_number("两万五") == 25000
    assert parse_number("一点五") == 1.5
    assert parse_number("1,500,000") == 1500000
    assert parse_number("forty-one") == 41
    assert parse_number("五六", concat=False) is None


def test_cn2an_is_imported_only_when_needed():
    code = ("import sys; from bot.understand.extract import extract; "
            "extract('我今年三十四岁，年薪八十万，一年半'); extract('four years', 'overseas_work_months'); "
            "print('cn2an' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_program_ids_exist():
    from bot.eligibility.rules import program_ids
    from bot.understand.programs import family_mentions

    known = set(program_ids())
    for family, mentions in family_mentions().items():
        for pid, _ in mentions:
            assert pid in known and pid.startswith(family + "."), pid


@pytest.mark.parametrize("text,want", [
    ("我从来没在国内工作过", {"fulltime_in_china": False, "years_in_china": 0}),
    ("I have never worked in China", {"fulltime_in_china": False, "years_in_china": 0}),
    ("我要去国有文化单位工作", {"employer_type": "state_cultural_unit"}),
])
def test_phrasings_found_by_the_third_persona_set(text, want):
    got = extract(text).facts
    for k, v in want.items():
        assert got.get(k) == v, got


def test_a_short_statement_of_another_fact_is_no_answer_to_the_pending_question():
    """Asked about an unfulfilled 公派 agreement, "合同还没签" says the contract is not signed, not "no" to the
    question (a chat recorded 公派协议未履行 否 from it); an answer that opens with its no still answers both."""
    import datetime as dt

    from bot.understand.extract import extract

    today = dt.date(2026, 11, 29)
    assert extract("合同还没签", asking="unfulfilled_sponsorship", today=today).facts == {"has_contract": False}
    both = extract("没有，合同也没签", asking="multiple_platforms", today=today).facts
    assert both == {"has_contract": False, "multiple_platforms": False}
    assert extract("否", asking="unfulfilled_sponsorship", today=today).facts == {"unfulfilled_sponsorship": False}
