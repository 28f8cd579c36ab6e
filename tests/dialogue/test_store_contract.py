"""The session store's contract, run against both stores: SQLite (a file) and PostgreSQL (a real server the tests
start themselves, tests/conftest.py). Whatever a frontend relies on — a turn commits whole or not at all, a
redelivered update is applied once, concurrent turns of one user are none lost, forget leaves nothing naming the
user — holds for both."""
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.dialogue.assistant import Assistant
from bot.dialogue import store as store_module
from bot.dialogue.store import MAX_TURNS, SCHEMA_VERSION, SQLiteStore

EXE = Path(sys.executable).parent / "policybot"
OPENED: list = []


def open_store(where):
    """The store, closed when the test ends (a PostgreSQL pool left to the garbage collector complains)."""
    s = store_module.open_store(where)
    OPENED.append(s)
    return s


@pytest.fixture(autouse=True)
def _close_stores():
    yield
    while OPENED:
        OPENED.pop().close()


@pytest.fixture(params=["sqlite", "postgres"])
def where(request, tmp_path):
    """What POLICYBOT_DB would say: a SQLite file or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return request.getfixturevalue("postgres_server")()


def rows(where: str, sql: str) -> list[tuple]:
    """The store's tables as they are on disk, read past the store."""
    if where.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(where) as conn:
            return conn.execute(re.sub(r"\buser\b", "user_id", sql)).fetchall()  # "user" is a keyword there
    return sqlite3.connect(where).execute(sql).fetchall()


def test_the_store_is_picked_by_policybot_db(where):
    store = open_store(where)
    assert type(store).__name__ == ("PostgresStore" if where.startswith("postgresql") else "SQLiteStore")
    assert rows(where, "SELECT value FROM meta WHERE key='schema_version'") == [(str(SCHEMA_VERSION),)]
    open_store(where)  # a second start finds it up to date


def test_turn_commits_and_reloads(where):
    store = open_store(where)
    with store.turn("u1") as s:
        s.facts["age"] = 34
        s.focus = ["qianren.youth"]
        s.asking = "degree"
        s.proxy = True
        s.new_turns = [("user", "我34岁"), ("bot", "好的")]
    again = open_store(where).load("u1")
    assert again.facts == {"age": 34} and again.focus == ["qianren.youth"] and again.asking == "degree"
    assert again.proxy is True
    assert store.recent_turns("u1") == [("user", "我34岁"), ("bot", "好的")]


def test_a_failed_turn_changes_nothing(where):
    store = open_store(where)
    with store.turn("u1") as s:
        s.facts["age"] = 34
    with pytest.raises(RuntimeError):
        with store.turn("u1") as s:
            s.facts["age"] = 99
            s.new_turns = [("user", "lost")]
            raise RuntimeError("boom")
    assert store.load("u1").facts == {"age": 34} and store.recent_turns("u1") == []


def test_redelivered_update_is_applied_once(where):
    store = open_store(where)
    with store.turn("u1", update_id=7) as s:
        s.facts["age"] = 34
    with store.turn("u1", update_id=7) as s:
        assert s is None
    assert store.snapshot("u1", update_id=7) is None
    taken = store.snapshot("u1", update_id=8)
    late = store.snapshot("u1", update_id=8)  # the same update, received by a second worker
    taken.turn_count += 1
    assert store.commit(taken, update_id=8) == "ok"
    late.turn_count += 1
    late.facts["age"] = 99
    assert store.commit(late, update_id=8) == "duplicate"
    assert store.load("u1").facts == {"age": 34}


def test_a_turn_computed_on_a_stale_snapshot_is_refused(where):
    store = open_store(where)
    for user in ("new-user", "old-user"):
        if user == "old-user":
            with store.turn(user) as s:
                s.turn_count = 1
        a, b = store.snapshot(user), store.snapshot(user)
        a.turn_count += 1
        a.facts["age"] = 30
        b.turn_count += 1
        b.facts["age"] = 40
        assert store.commit(a) == "ok"
        assert store.commit(b) == "conflict"
        assert store.load(user).facts == {"age": 30}


def test_forget_leaves_nothing_that_names_the_user(where):
    store = open_store(where)
    with store.turn("alice", update_id=11) as s:
        s.facts["age"] = 34
        s.new_turns = [("user", "我叫Alice，34岁")]
    assert store.forget("alice")
    assert store.load("alice").facts == {} and store.recent_turns("alice") == []
    assert not store.forget("alice")
    assert rows(where, "SELECT count(*) FROM sessions")[0][0] == 0
    assert rows(where, "SELECT count(*) FROM turns")[0][0] == 0
    assert rows(where, "SELECT update_id, user FROM updates") == [(11, "")]  # still recognised, anonymous
    with store.turn("alice", update_id=11) as s:
        assert s is None


def test_turns_are_capped(where):
    store = open_store(where)
    for i in range(100):
        with store.turn("u1") as s:
            s.turn_count += 1
            s.new_turns = [("user", f"m{i}"), ("bot", f"r{i}")]
    kept = store.recent_turns("u1", 1000)
    assert MAX_TURNS <= len(kept) <= MAX_TURNS + 16 and kept[-1] == ("bot", "r99")


def test_threads_of_one_user_none_lost(where):
    """Twenty turns of one user at once in one process (a web server's threads): each applied once, in turn."""
    bot = Assistant(open_store(where))
    said = [f"第{i}条：我在德国工作了{i + 1}年" for i in range(20)]
    threads = [threading.Thread(target=bot.handle, args=("same", text)) for text in said]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert bot.profile("same").turn_count == 20
    users = [t for r, t in bot.store.recent_turns("same", 100) if r == "user"]
    assert sorted(users) == sorted(said)


def test_processes_of_one_user_none_lost(where):
    """The same from separate `policybot say` processes, as several workers would."""
    env = dict(os.environ, POLICYBOT_DB=where, POLICYBOT_AS_OF="2026-11-29")
    said = [f"消息{i}：我今年{30 + i}岁" for i in range(12)]
    procs = [subprocess.Popen([str(EXE), "say", "--user", "same", "--json", text], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for text in said]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs][:2]
    assert all(json.loads(o)["reply"] for o, _ in outs)
    store = open_store(where)
    assert store.load("same").turn_count == 12
    assert sorted(t for r, t in store.recent_turns("same", 100) if r == "user") == sorted(said)


def test_a_newer_schema_is_refused(where):
    open_store(where)
    if where.startswith("postgresql"):
        import psycopg

        with psycopg.connect(where, autocommit=True) as conn:
            conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    else:
        conn = sqlite3.connect(where)
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
        conn.commit()
    with pytest.raises(RuntimeError, match="newer"):
        open_store(where)


def test_an_unreachable_postgres_is_one_line(tmp_path):
    r = subprocess.run([str(EXE), "say", "--user", "u", "hi"], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, POLICYBOT_DB="postgresql://bob:secret@127.0.0.1:1/x"))
    assert r.returncode == 2
    assert "cannot use the session store postgresql://bob:***@127.0.0.1:1/x" in r.stderr
    assert "secret" not in r.stderr and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_long_reply_is_kept_whole(where):
    """/details in English runs past 4,000 characters: the transcript keeps it whole (the web chat shows it)."""
    store = open_store(where)
    long_reply = "x" * 9000 + " years"
    with store.turn("u1") as s:
        s.turn_count = 1
        s.new_turns = [("user", "/details"), ("bot", long_reply)]
    assert store.recent_turns("u1")[-1] == ("bot", long_reply)
