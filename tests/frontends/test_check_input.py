"""`policybot check` input is bounded and strict (issue 13): every bad input exits 2 with one line, never a
traceback or gigabytes of memory."""
import pytest

from conftest import policybot


def one_line_exit_2(p, says):
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1 and says in p.stderr, p.stderr


@pytest.mark.parametrize("content,says", [
    ('{"age":"34"}', "valid integer"),                     # a string is not coerced to a number
    ('{"academy_member":"yes"}', "valid boolean"),         # nor "yes" to true
    ("[" * 10000 + "]" * 10000, "nested too deeply"),
    ('{"age":' + "9" * 5000 + "}", "not a usable JSON number"),
    ('{"age": 34', "not valid JSON"),
    ('["age", 34]', "JSON object"),
])
def test_bad_profile_files(tmp_path, content, says):
    f = tmp_path / "p.json"
    f.write_text(content, encoding="utf-8")
    one_line_exit_2(policybot("check", str(f)), says)


def test_encodings_bom_and_non_files(tmp_path):
    ok = tmp_path / "bom.json"
    ok.write_bytes(b"\xef\xbb\xbf" + b'{"age": 34, "years_in_china": 2}')
    assert policybot("check", str(ok)).returncode == 0  # UTF-8 with a BOM is read
    for enc in ("utf-16", "latin-1"):
        f = tmp_path / f"{enc}.json"
        f.write_bytes('{"age": 34, "name": "José"}'.replace(', "name": "José"', ', "as_of": "2026-11-29"').encode(enc)
                      if enc == "utf-16" else '{"age": 34, "x": "Jos\xe9"}'.encode(enc))
        one_line_exit_2(policybot("check", str(f)), "not UTF-8")
    one_line_exit_2(policybot("check", str(tmp_path)), "is a directory")
    one_line_exit_2(policybot("check", "/dev/zero"), "not a regular file")


def test_stdin_is_read_at_most_one_megabyte():
    one_line_exit_2(policybot("check", "-", input=" " * 1_100_000), "larger than 1 MB")


def test_a_user_id_that_is_not_utf8_is_refused(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "policybot"
    p = subprocess.run([str(exe), "say", "--user", b"\xff".decode("utf-8", "surrogateescape"), "hi"],
                       capture_output=True, text=True, env=dict(os.environ, POLICYBOT_DB=str(tmp_path / "s.db")))
    one_line_exit_2(p, "--user must be UTF-8")


@pytest.mark.parametrize("make", ["corrupt", "directory"])
def test_a_bad_session_store_is_named_in_one_line(tmp_path, make):
    """Issue 13: database errors never named the file."""
    store = tmp_path / "s.db"
    if make == "corrupt":
        store.write_bytes(b"garbage garbage garbage" * 100)
    else:
        store.mkdir()
    p = policybot("say", "--user", "a", "hi", env={"POLICYBOT_DB": str(store)})
    one_line_exit_2(p, f"cannot use the session store {store}")
    if make == "corrupt":
        assert store.read_bytes().startswith(b"garbage")  # nothing stored is touched
