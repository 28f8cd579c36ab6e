"""The assessment date (SPEC section 3): --as-of on say / chat / profile, $POLICYBOT_AS_OF for every
command, ages and verdicts computed as of that day, a bad date refused in one line with exit 2."""
import json

import pytest

from conftest import policybot


@pytest.mark.parametrize("args,env,says", [
    (["say", "--user", "u", "--as-of", "2026-13-01", "hi"], {}, "--as-of"),
    (["profile", "--user", "u", "--as-of", "yesterday"], {}, "--as-of"),
    (["search", "青年项目"], {"POLICYBOT_AS_OF": "29.11.2026"}, "POLICYBOT_AS_OF"),
])
def test_a_bad_date_is_one_line_and_exit_2(tmp_path, args, env, says):
    p = policybot(*args, env={"POLICYBOT_DB": str(tmp_path / "s.db"), **env})
    assert p.returncode == 2
    assert len(p.stderr.strip().splitlines()) == 1 and says in p.stderr and "Traceback" not in p.stderr


def test_age_and_verdicts_are_computed_as_of_the_assessment_date(tmp_path):
    env = {"POLICYBOT_DB": str(tmp_path / "s.db")}
    p = policybot("say", "--user", "a", "--as-of", "2030-06-01", "--json", "我1988年出生，想申请千人计划青年项目", env=env)
    assert p.returncode == 0, p.stderr
    youth = {v["program"]: v for v in json.loads(p.stdout)["verdicts"]}["qianren.youth"]
    assert youth["status"] == "ineligible"  # 41 or 42 in mid-2030: over 40 either way
    # the same stored facts, assessed in 2026 (via the environment): 37 or 38, nothing fails
    p = policybot("profile", "--user", "a", "--json", env={**env, "POLICYBOT_AS_OF": "2026-06-01"})
    youth = {v["program"]: v for v in json.loads(p.stdout)["verdicts"]}["qianren.youth"]
    assert youth["status"] != "ineligible"
    ages = [c.get("value") for c in youth["conditions"] if c["fact"] == "age"]
    assert ages == [[37, 38]]
    # --as-of wins over the environment
    p = policybot("profile", "--user", "a", "--json", "--as-of", "2030-06-01", env={**env, "POLICYBOT_AS_OF": "2026-06-01"})
    youth = {v["program"]: v for v in json.loads(p.stdout)["verdicts"]}["qianren.youth"]
    assert youth["status"] == "ineligible"


def test_check_honours_the_environment_date(tmp_path):
    profile = json.dumps({"birth_year": 1988, "birth_month": 1})
    p = policybot("check", "--json", "--program", "qianren.youth", "-", input=profile, env={"POLICYBOT_AS_OF": "2031-02-01"})
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["as_of"] == "2031-02-01" and out["verdicts"][0]["status"] == "ineligible"
