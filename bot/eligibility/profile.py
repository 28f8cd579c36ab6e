"""The profile: what we know about an applicant or an institution (SPEC section 4).

Every field is optional (absent = unknown). Unknown fields and values out of
range are rejected with a message that names the field, so a typo in a staff
member's JSON or an implausible chat answer never reaches the rules.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Degree = Literal["phd", "master", "bachelor", "none"]
FieldOfWork = Literal["natural_science", "engineering", "social_science", "humanities", "finance", "culture_arts", "other"]
Title = Literal["professor", "associate_professor", "assistant_professor", "researcher", "postdoc",
                "senior_corporate", "senior_finance", "intl_org_manager", "other", "none"]
EmployerType = Literal["university", "research_institute", "central_soe", "financial_institution", "financial_regulator",
                       "state_cultural_unit", "private_cultural_unit", "company", "none"]
Region = Literal["beijing", "xinjiang", "tibet", "other"]
Award = Literal["nobel", "turing", "fields", "other_major"]

Months = Field(default=None, ge=0, le=1200)
Years = Field(default=None, ge=0, le=100)
Count = Field(default=None, ge=0, le=1_000_000)


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    as_of: Optional[dt.date] = None
    age: Optional[int] = Field(default=None, ge=16, le=100)
    birth_year: Optional[int] = Field(default=None, ge=1900, le=2100)
    birth_month: Optional[int] = Field(default=None, ge=1, le=12)
    nationality: Optional[Literal["chinese", "foreign"]] = None
    ethnic_chinese: Optional[bool] = None
    degree: Optional[Degree] = None
    degree_abroad: Optional[bool] = None
    degree_from_renowned: Optional[bool] = None
    field: Optional[FieldOfWork] = None
    overseas_title: Optional[Title] = None
    overseas_employer_renowned: Optional[bool] = None
    overseas_months_after_phd: Optional[int] = Months
    overseas_research_years: Optional[float] = Years
    overseas_finance_months: Optional[int] = Months
    overseas_work_months: Optional[int] = Months
    fulltime_in_china: Optional[bool] = None
    years_in_china: Optional[float] = Years
    commit_fulltime_years: Optional[float] = Years
    commit_months_per_year: Optional[float] = Field(default=None, ge=0, le=12)
    commit_years: Optional[float] = Years
    has_contract: Optional[bool] = None
    employer_type: Optional[EmployerType] = None
    employer_region: Optional[Region] = None
    is_founder: Optional[bool] = None
    company_age_years: Optional[float] = Years
    largest_shareholder: Optional[bool] = None
    largest_natural_person_shareholder: Optional[bool] = None
    equity_percent: Optional[float] = Field(default=None, ge=0, le=100)
    product_stage: Optional[Literal["research", "pilot", "industrialized"]] = None
    overseas_startup_experience: Optional[bool] = None
    intl_company_management: Optional[bool] = None
    awards: Optional[list[Award]] = None
    academy_member: Optional[bool] = None
    prior_applications: Optional[int] = Field(default=None, ge=0, le=100)
    multiple_platforms: Optional[bool] = None
    unfulfilled_sponsorship: Optional[bool] = None
    misconduct: Optional[bool] = None
    annual_salary_cny: Optional[float] = Field(default=None, ge=0, le=1e9)
    selected_programs: Optional[list[str]] = None
    receives_other_salary_subsidy: Optional[bool] = None
    # Added where the rules need them (haiju 基本条件 backgrounds 4 and 5, 创业团队项目 2):
    led_major_intl_project: Optional[bool] = None
    owns_ip_or_core_tech: Optional[bool] = None
    team_main_shareholders: Optional[bool] = None

    # institutions (haizhi-bases)
    org_location: Optional[Literal["domestic", "overseas"]] = None
    org_legal_person: Optional[bool] = None
    org_overseas_talents_served: Optional[int] = Count
    org_area_m2: Optional[float] = Field(default=None, ge=0, le=1e8)
    org_enterprises: Optional[int] = Count
    org_overseas_institutions: Optional[int] = Count
    org_talents_attracted: Optional[int] = Count
    org_annual_fund_cny: Optional[float] = Field(default=None, ge=0, le=1e12)
    org_local_partners: Optional[int] = Count
    org_beijing_partners: Optional[int] = Count
    org_talents_recommended_per_year: Optional[int] = Count
    org_rd_institutions: Optional[int] = Count
    org_intl_org_partners: Optional[int] = Count
    org_embassy_letter: Optional[bool] = None
    org_local_policy: Optional[bool] = None
    org_park_cast: Optional[bool] = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.birth_year is not None:
            year = (self.as_of or dt.date.today()).year
            if not 16 <= year - self.birth_year <= 101:
                raise ValueError(f"birth_year {self.birth_year} gives an age outside 16–100")
        if self.selected_programs:
            from .rules import program_ids

            unknown = [p for p in self.selected_programs if p not in program_ids()]
            if unknown:
                raise ValueError(f"selected_programs: unknown program id {unknown[0]!r}")
        return self

    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    def known(self) -> dict:
        """The facts that are known, as plain JSON values."""
        return self.model_dump(mode="json", exclude_none=True)


FACTS = [name for name in Profile.model_fields if name != "as_of"]


class ProfileError(ValueError):
    """One line naming the field and what is wrong with it."""


def describe(err: ValidationError) -> str:
    e = err.errors()[0]
    loc = ".".join(str(x) for x in e["loc"]) or "profile"
    if e["type"] == "extra_forbidden":
        return f"unknown field {loc!r}"
    msg = e["msg"].removeprefix("Value error, ")
    got = e.get("input")
    shown = f" (got {got!r})" if got is not None and not isinstance(got, (dict, list)) else ""
    return f"field {loc!r}: {msg}{shown}" if loc != "profile" else msg


def parse_profile(data) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError("a profile is a JSON object of facts, e.g. {\"age\": 34}")
    try:
        return Profile.model_validate(data)
    except ValidationError as err:
        raise ProfileError(describe(err)) from None
