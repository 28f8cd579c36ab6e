"""Many `policybot say` processes on one session store at once (issue 13): before, the turn held the write lock
while it loaded jieba and understood the message, and 14 of 30 processes failed with "database is locked" and 5 of
20 turns of one user were lost. Now each turn is computed outside the lock and written in a short transaction that
checks the session's version."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

EXE = Path(sys.executable).parent / "policybot"


def run_all(db: Path, jobs: list[tuple[str, str]]) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, POLICYBOT_DB=str(db), POLICYBOT_AS_OF="2026-11-29")
    procs = [subprocess.Popen([str(EXE), "say", "--user", user, "--json", text], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for user, text in jobs]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=240)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def test_thirty_users_at_once_all_answered(tmp_path):
    db = tmp_path / "s.db"
    results = run_all(db, [(f"u{i}", f"我今年{30 + i % 10}岁，中国籍，想申请青年项目。") for i in range(30)])
    failed = [r.stderr for r in results if r.returncode != 0]
    assert not failed, failed[:3]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 30
    assert conn.execute("SELECT count(*) FROM turns WHERE role='user'").fetchone()[0] == 30


def test_twenty_turns_of_one_user_at_once_none_lost(tmp_path):
    db = tmp_path / "s.db"
    results = run_all(db, [("same", f"第{i}条消息：我在德国工作了{i + 1}年") for i in range(20)])
    failed = [r.stderr for r in results if r.returncode != 0]
    assert not failed, failed[:3]
    assert all(json.loads(r.stdout)["reply"] for r in results)
    conn = sqlite3.connect(db)
    said = [t for (t,) in conn.execute("SELECT text FROM turns WHERE user='same' AND role='user' ORDER BY id")]
    assert sorted(said) == sorted(f"第{i}条消息：我在德国工作了{i + 1}年" for i in range(20))  # each once
    assert conn.execute("SELECT turn_count FROM sessions WHERE user='same'").fetchone()[0] == 20
