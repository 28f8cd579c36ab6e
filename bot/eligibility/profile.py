"""The profile: what we know about an applicant or an institution (SPEC section 4), built from
the one definition of each fact in facts.toml (kind, bounds, options).

Every field is optional (absent = unknown). Unknown fields and values out of
range are rejected with a message that names the field, so a typo in a staff
member's JSON or an implausible chat answer never reaches the rules.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Literal, Optional

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from .facts import facts

AS_OF_ENV = "POLICYBOT_AS_OF"


def assessment_date() -> dt.date:
    """The date verdicts and durations are computed for: $POLICYBOT_AS_OF (YYYY-MM-DD, set by
    `--as-of` or by whoever runs the assistant for a given day), otherwise today."""
    raw = os.environ.get(AS_OF_ENV, "").strip()
    return parse_as_of(raw) if raw else dt.date.today()


def parse_as_of(raw: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ProfileError(f"the assessment date must be YYYY-MM-DD, not {raw[:40]!r}") from None
    if not 1990 <= day.year <= 2100:
        raise ProfileError(f"the assessment date {day} is outside 1990–2100")
    return day


# the Python type of each kind of fact (facts.toml `kind`)
_TYPES = {"int": int, "months": int, "years": float, "number": float, "percent": float, "money": float, "bool": bool,
          "programs": str}


def _annotation(spec: dict):
    if spec["kind"] == "choice":
        values = [o[0] for o in spec["options"] if not (spec.get("none_is_empty") and o[0] == "none")]
        t = Literal[tuple(values)]
    else:
        t = _TYPES[spec["kind"]]
    return Optional[list[t]] if spec.get("list") else Optional[t]


def _fields() -> dict:
    out = {"as_of": (Optional[dt.date], None)}
    for name, spec in facts().items():
        out[name] = (_annotation(spec), Field(default=None, ge=spec.get("min"), le=spec.get("max")))
    return out


class _ProfileBase(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    @model_validator(mode="after")
    def _consistent(self):
        if self.as_of is not None and not 1990 <= self.as_of.year <= 2100:
            raise ValueError(f"as_of {self.as_of} is outside 1990–2100")
        if self.birth_year is not None:
            year = self.today().year
            if not 16 <= year - self.birth_year <= 101:
                raise ValueError(f"birth_year {self.birth_year} gives an age outside 16–100")
        if self.selected_programs:
            from .rules import program_ids

            unknown = [p for p in self.selected_programs if p not in program_ids()]
            if unknown:
                raise ValueError(f"selected_programs: unknown program id {unknown[0]!r}")
        return self

    def today(self) -> dt.date:
        return self.as_of or assessment_date()

    def known(self) -> dict:
        """The facts that are known, as plain JSON values."""
        return self.model_dump(mode="json", exclude_none=True)


# one field per fact of facts.toml, in its order (the order facts are shown and asked in)
Profile = create_model("Profile", __base__=_ProfileBase,
                       **_fields())


FACTS = [name for name in Profile.model_fields if name != "as_of"]


class ProfileError(ValueError):
    """One line naming the field and what is wrong with it; `field` and `problem` (a pydantic error type, or
    "number", "whole", "bool", "twice", "unknown", "long") let a page say it in its own words beside the field."""

    def __init__(self, message: str, field: str | None = None, problem: str | None = None):
        super().__init__(message)
        self.field, self.problem = field, problem


def _error(err: ValidationError) -> "ProfileError":
    e = err.errors()[0]
    field = str(e["loc"][0]) if e["loc"] else None
    return ProfileError(describe(err), field, e["type"])


def describe(err: ValidationError) -> str:
    e = err.errors()[0]
    loc = ".".join(str(x) for x in e["loc"]) or "profile"
    if e["type"] == "extra_forbidden":
        return f"unknown field {loc!r}"
    msg = e["msg"].removeprefix("Value error, ")
    got = e.get("input")
    shown = f" (got {got!r})" if got is not None and not isinstance(got, (dict, list)) else ""
    return f"field {loc!r}: {msg}{shown}" if loc != "profile" else msg


def parse_profile(data, strict_json: str | None = None) -> Profile:
    """A profile from JSON data. With `strict_json` (the JSON text of `data`) the values must have their own JSON
    types: "34" is not an age and "yes" is not true (a file a staff member wrote is checked, not coerced)."""
    if not isinstance(data, dict):
        raise ProfileError("a profile is a JSON object of facts, e.g. {\"age\": 34}")
    try:
        if strict_json is not None:
            return Profile.model_validate_json(strict_json, strict=True)
        return Profile.model_validate(data)
    except ValidationError as err:
        raise _error(err) from None


def profile_from_json(raw: bytes) -> Profile:
    """A profile from the bytes of a JSON file or request body (the CLI's file, the API's body, the checker's
    upload): UTF-8 with or without a BOM, strict types. Text that is not JSON is a ProfileError with problem "json"
    (a 400 on the API); a JSON object that is not a valid profile names its field (a 422)."""
    import json

    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError("not UTF-8 text (save the profile as UTF-8)", problem="json") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ProfileError(f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}", problem="json") from None
    except RecursionError:
        raise ProfileError("JSON nested too deeply", problem="json") from None
    except ValueError as e:  # a number of thousands of digits
        raise ProfileError(f"not a usable JSON number ({str(e).split(':')[0]})", problem="json") from None
    parse_profile(data)  # the object check and the plain field errors first
    return parse_profile(data, strict_json=text)


MAX_FORM_VALUES = 200  # a profile has 59 facts; a form with more values is not one of ours
NUMBER_RE = __import__("re").compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")  # 1,200,000 or 12.5; no 1_0, no 1e9


def from_form(pairs: list[tuple[str, str]]) -> Profile:
    """A profile from a web form or a query string (the staff checker): every value arrives as text, so each is
    read by its fact's kind, an empty value is unknown, and a repeated key is a list fact's members. Other keys
    are not facts and are refused with a message naming them, like a typo in a JSON profile."""
    if len(pairs) > MAX_FORM_VALUES:
        raise ProfileError(f"too many values ({len(pairs)}); a profile has {len(FACTS)} facts")
    spec = facts()
    data: dict = {}
    for key, raw in pairs:
        raw = raw.strip()
        if not raw:
            continue
        shown = "".join(ch for ch in raw[:40] if ch.isprintable())
        if key == "as_of":
            try:
                data["as_of"] = parse_as_of(raw).isoformat()
            except ProfileError as e:
                raise ProfileError(str(e), "as_of", "date") from None
            continue
        entry = spec.get(key)
        if entry is None:
            raise ProfileError(f"unknown field {''.join(ch for ch in key[:40] if ch.isprintable())!r}", None, "unknown")
        if len(raw) > 100:
            raise ProfileError(f"field {key!r}: a value of at most 100 characters", key, "long")
        kind = entry["kind"]
        if entry.get("list"):
            members = data.setdefault(key, [])
            if not (raw == "none" and entry.get("none_is_empty")):  # "none of these": an empty list, known
                members.append(raw)
            continue
        if key in data:  # two values for one fact: which one the staff member meant is not ours to guess
            raise ProfileError(f"field {key!r}: given twice", key, "twice")
        if kind == "bool":
            if raw not in ("true", "false"):
                raise ProfileError(f"field {key!r}: yes or no, not {shown!r}", key, "bool")
            data[key] = raw == "true"
        elif kind in ("int", "months"):
            if not NUMBER_RE.fullmatch(raw) or "." in raw:
                raise ProfileError(f"field {key!r}: a whole number, not {shown!r}", key, "whole")
            data[key] = int(raw.replace(",", ""))
        elif kind in ("years", "number", "percent", "money"):
            if not NUMBER_RE.fullmatch(raw):
                raise ProfileError(f"field {key!r}: a number, not {shown!r}", key, "number")
            data[key] = float(raw.replace(",", ""))
        else:
            data[key] = raw
    return parse_profile(data)


def to_form(profile: Profile) -> list[tuple[str, str]]:
    """The inverse of from_form: the known facts as (key, text) pairs, for a shareable URL."""
    out: list[tuple[str, str]] = []
    for key, value in profile.known().items():
        for v in value if isinstance(value, list) else [value]:
            out.append((key, "true" if v is True else "false" if v is False else f"{v:g}" if isinstance(v, float) else str(v)))
    return out
