"""Every fact keeps the words that set it and how (SPEC section 3): `profile --json` and `/profile` show them."""
import json

from conftest import policybot


def test_profile_json_carries_provenance(tmp_path):
    env = {"POLICYBOT_DB": str(tmp_path / "s.db"), "POLICYBOT_AS_OF": "2026-11-29"}
    r = policybot("say", "--user", "p", "I'm 36, PhD MIT 2019, then a postdoc at Stanford, and since 2022 an assistant "
                  "professor at NUS. Tsinghua offered me a job.", env=env)
    assert r.returncode == 0, r.stderr
    r = policybot("say", "--user", "p", "三十多岁吧", env=env)
    out = json.loads(policybot("profile", "--user", "p", "--json", env=env).stdout)
    prov = out["provenance"]
    assert set(prov) == set(out["facts"])
    assert prov["overseas_months_after_phd"]["how"] == "derived" and "nus" in prov["overseas_months_after_phd"]["said"]
    assert out["facts"]["overseas_months_after_phd"] == 89
    assert prov["employer_region"]["said"].startswith("tsinghua") and prov["employer_region"]["turn"] == 1
    assert prov["age"] == {"said": "i'm 36", "how": "stated", "turn": 1}


def test_chat_profile_shows_the_words(tmp_path):
    env = {"POLICYBOT_DB": str(tmp_path / "s.db"), "POLICYBOT_AS_OF": "2026-11-29"}
    policybot("say", "--user", "z", "我是24年8月从美国回来的，之前在UCSD做了三年博后，现在在北京一所985全职。", env=env)
    text = policybot("say", "--user", "z", "/profile", env=env).stdout
    assert "由此推算" in text and "24年8月从美国回来的" in text
