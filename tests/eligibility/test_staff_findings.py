"""Verdicts a staff player found wrong on the web checker (each failed before its fix)."""
from bot.eligibility.engine import verdicts
from bot.eligibility.profile import Profile
from bot.eligibility.report import verdict_json

FOUNDER = dict(age=45, nationality="foreign", ethnic_chinese=False, degree="master", degree_abroad=True,
               is_founder=True, company_age_years=2, equity_percent=35, largest_natural_person_shareholder=True,
               product_stage="pilot", overseas_employer_renowned=True, overseas_startup_experience=False,
               employer_region="beijing", fulltime_in_china=True, as_of="2026-06-01")


def status(pid: str, **facts) -> str:
    return verdicts(Profile(**facts), [pid])[0].status


def test_haiju_work_experience_is_not_only_management():
    """创业类 asks for 国际知名企业的工作经历 (having worked there), not a management post: a senior engineer at a
    renowned company abroad qualifies, and "no management post" alone does not rule the founder out."""
    engineer = dict(FOUNDER, overseas_title="senior_corporate", intl_company_management=False)
    assert status("haiju.entrepreneur", **engineer) == "eligible"
    unclear = dict(FOUNDER, overseas_title="other", intl_company_management=False)
    v = verdicts(Profile(**unclear), ["haiju.entrepreneur"])[0]
    assert v.status == "eligible"  # the panel judges whether that work experience counts
    assert any("国际知名企业" in r for r in verdict_json(v)["review"])
    neither = dict(unclear, overseas_employer_renowned=False, intl_company_management=True)
    assert status("haiju.entrepreneur", **neither) == "eligible"  # management there is work there
    assert status("haiju.startup_team", **dict(engineer, team_main_shareholders=True)) != "ineligible"


def test_short_term_consulting_is_not_for_someone_already_full_time_in_china():
    assert status("bjfe.short_term_consulting", **FOUNDER) == "ineligible"
    visitor = dict(FOUNDER, fulltime_in_china=False, commit_fulltime_years=0)
    assert status("bjfe.short_term_consulting", **visitor) == "eligible"
    unknown = {k: v for k, v in FOUNDER.items() if k != "fulltime_in_china"}
    assert status("bjfe.short_term_consulting", **unknown) == "eligible"  # the authority judges the visit
