"""The session store: transactions per turn, redelivery, schema version, crash survival."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.dialogue.store import SCHEMA_VERSION, SQLiteStore


def test_turn_commits_and_reloads(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    with store.turn("u1") as s:
        s.facts["age"] = 34
        s.focus = ["qianren.youth"]
        s.asking = "degree"
        s.new_turns = [("user", "hi"), ("bot", "hello")]
    again = SQLiteStore(tmp_path / "s.db").load("u1")
    assert again.facts == {"age": 34} and again.focus == ["qianren.youth"] and again.asking == "degree"
    assert store.recent_turns("u1") == [("user", "hi"), ("bot", "hello")]


def test_a_failed_turn_changes_nothing(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    with store.turn("u1") as s:
        s.facts["age"] = 34
    with pytest.raises(RuntimeError):
        with store.turn("u1") as s:
            s.facts["age"] = 99
            raise RuntimeError("boom")
    assert store.load("u1").facts == {"age": 34}


def test_redelivered_update_is_not_applied_twice(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    with store.turn("u1", update_id=7) as s:
        s.facts["age"] = 34
    with store.turn("u1", update_id=7) as s:
        assert s is None
    assert store.load("u1").facts == {"age": 34}


def test_forget_deletes_everything(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    with store.turn("u1") as s:
        s.facts["age"] = 34
        s.new_turns = [("user", "x")]
    assert store.forget("u1")
    assert store.load("u1").facts == {} and store.recent_turns("u1") == []
    assert not store.forget("u1")


def test_schema_is_versioned_and_wal(tmp_path):
    SQLiteStore(tmp_path / "s.db")
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path):
    SQLiteStore(tmp_path / "s.db")
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    with pytest.raises(RuntimeError, match="newer"):
        SQLiteStore(tmp_path / "s.db")


def test_turns_are_capped(tmp_path):
    store = SQLiteStore(tmp_path / "s.db")
    from bot.dialogue.store import MAX_TURNS

    for i in range(MAX_TURNS + 10):
        with store.turn("u1") as s:
            s.new_turns = [("user", f"m{i}")]
    turns = store.recent_turns("u1", 1000)
    # pruned every eighth turn: at most seven rows over the cap wait for the next pruning
    assert MAX_TURNS <= len(turns) < MAX_TURNS + 8 and turns[-1] == ("user", f"m{MAX_TURNS + 9}")


def test_session_survives_kill_9_between_turns(tmp_path):
    """A real chat process killed with SIGKILL: everything answered before is kept."""
    db = tmp_path / "s.db"
    env = dict(os.environ, POLICYBOT_DB=str(db))
    exe = str(Path(sys.executable).parent / "policybot")
    proc = subprocess.Popen([exe, "chat", "--json", "--user", "crash"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in ("我想申请千人计划青年项目，我34岁", "博士"):
            proc.stdin.write(line + "\n")
            proc.stdin.flush()
            json.loads(proc.stdout.readline())
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    out = subprocess.run([exe, "profile", "--user", "crash", "--json"], capture_output=True, text=True, env=env, timeout=60)
    facts = json.loads(out.stdout)["facts"]
    assert facts.get("age") == 34
    assert facts.get("degree") == "phd"
    assert json.loads(out.stdout)["focus"] == ["qianren.youth"]


def test_a_schema_1_store_is_migrated_in_place(tmp_path):
    """A store written before provenance existed opens, keeps its sessions and gains the new columns."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "CREATE TABLE sessions (user TEXT PRIMARY KEY, facts TEXT NOT NULL DEFAULT '{}', declined TEXT NOT NULL DEFAULT '[]',"
        " focus TEXT NOT NULL DEFAULT '[]', asking TEXT, lang TEXT NOT NULL DEFAULT 'zh', lang_forced INTEGER NOT NULL DEFAULT 0,"
        " interviewing INTEGER NOT NULL DEFAULT 0, attempts TEXT NOT NULL DEFAULT '{}', updated REAL NOT NULL DEFAULT 0);"
        "INSERT INTO sessions(user, facts) VALUES ('old', '{\"age\": 41}');")
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    s = store.load("old")
    assert s.facts == {"age": 41} and s.provenance == {} and s.turn_count == 0
    with store.turn("old") as s:
        s.provenance["age"] = {"said": "我41岁", "how": "stated", "turn": 1}
    assert SQLiteStore(path).load("old").provenance["age"]["said"] == "我41岁"
    assert sqlite3.connect(path).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_forget_leaves_nothing_that_names_the_user(tmp_path):
    """Issue 13: `forget` left the user's rows in `updates` (and /forget added one); the text stayed in the -wal.
    After forget, neither the database nor its log holds the user's id or words; a redelivered update is still
    recognised."""
    from bot.dialogue.assistant import Assistant

    path = tmp_path / "s.db"
    bot = Assistant(SQLiteStore(path))
    secret = "UNIQUE-MARKER-7731 我今年37岁"
    bot.handle("user-4242", secret, update_id=1)
    bot.handle("user-4242", "我是中国国籍", update_id=2)
    assert bot.forget("user-4242")
    r = bot.handle("user-4242", "/forget", update_id=3)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"UNIQUE-MARKER-7731" not in raw and b"user-4242" not in raw
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM updates WHERE user != ''").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM updates").fetchone()[0] == 3  # still deduplicated
    assert bot.handle("user-4242", secret, update_id=1).kind == "duplicate"


def test_terminal_history_is_not_written_and_forget_removes_an_old_one(tmp_path, monkeypatch):
    from bot.frontends import terminal

    legacy = tmp_path / ".policybot_history"
    legacy.write_text("我今年37岁\n", encoding="utf-8")
    monkeypatch.setattr(terminal, "LEGACY_HISTORY", str(legacy))
    rl = terminal._setup_history()
    terminal._forget_history(rl)
    assert not legacy.exists()
    import inspect
    assert "write_history_file" not in inspect.getsource(terminal)


def test_old_update_ids_are_pruned(tmp_path):
    import time as _time

    from bot.dialogue.store import UPDATE_IDS_KEPT_S

    store = SQLiteStore(tmp_path / "s.db")
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute("INSERT INTO updates(update_id, user, at) VALUES (1, 'x', ?)", (_time.time() - UPDATE_IDS_KEPT_S - 10,))
    conn.commit()
    with store.turn("u", 500) as s:  # every 500th update prunes
        s.new_turns = [("user", "hi")]
    assert [r[0] for r in conn.execute("SELECT update_id FROM updates ORDER BY update_id")] == [500]
