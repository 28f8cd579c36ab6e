"""The session store on PostgreSQL, for several processes on several machines (POLICYBOT_DB=postgresql://…).

The same interface and the same guarantees as SQLiteStore:
- a turn is computed on a snapshot and written only if nobody wrote the user's session meanwhile (the UPDATE
  names the turn_count it read; zero rows updated is a conflict and the core computes the turn again), so one
  user's turns apply one after another across processes and machines, none lost;
- the update id goes into `updates` in the same transaction (its primary key refuses a second copy), so a
  redelivered Telegram update is applied once, whichever worker receives it;
- `forget` deletes the session and the turns and keeps only the anonymous update ids.
Connections come from a pool (psycopg_pool); the schema is created and migrated under an advisory lock, so
processes starting together do not race.
"""
from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager
from typing import Iterator

from .session import COLUMNS, MAX_TURN_CHARS, MAX_TURNS, SCHEMA_VERSION, UPDATE_IDS_KEPT_S, Session, _encoded, session_from_row

MIGRATE_LOCK = 7_240_517  # pg_advisory_xact_lock key: one migrating process at a time

# Each step brings a store from the version before it to its own; a new store runs them all.
MIGRATIONS = {
    3: """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    user_id TEXT PRIMARY KEY,
    facts TEXT NOT NULL DEFAULT '{}',
    declined TEXT NOT NULL DEFAULT '[]',
    focus TEXT NOT NULL DEFAULT '[]',
    asking TEXT,
    lang TEXT NOT NULL DEFAULT 'zh',
    lang_forced BOOLEAN NOT NULL DEFAULT FALSE,
    interviewing BOOLEAN NOT NULL DEFAULT FALSE,
    attempts TEXT NOT NULL DEFAULT '{}',
    updated DOUBLE PRECISION NOT NULL DEFAULT 0,
    provenance TEXT NOT NULL DEFAULT '{}',
    turn_count INTEGER NOT NULL DEFAULT 0,
    undo TEXT NOT NULL DEFAULT '{}',
    proxy BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE IF NOT EXISTS turns (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_user ON turns(user_id, id);
CREATE TABLE IF NOT EXISTS updates (update_id BIGINT PRIMARY KEY, user_id TEXT NOT NULL, at DOUBLE PRECISION NOT NULL);
CREATE INDEX IF NOT EXISTS updates_at ON updates(at);
""",
}



def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore:
    def __init__(self, url: str, min_size: int = 1, max_size: int = 8):
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.path = redact(url)  # what messages name (SQLiteStore.path is its file)
        # one direct connection first: an unreachable server or a refused login fails at once with its reason,
        # rather than after the pool's 30 s of retries (each logged)
        with psycopg.connect(url, connect_timeout=10) as conn:
            self._migrate(conn)
        self.pool = ConnectionPool(url, min_size=min_size, max_size=max_size, open=True, timeout=30,
                                   kwargs={"autocommit": False})

    # -- schema ------------------------------------------------------------------------------------------------

    def _migrate(self, conn) -> None:
        """Bring the schema to SCHEMA_VERSION: usually a read that finds it there; otherwise the steps, under an
        advisory lock so that processes starting together migrate once."""
        cur = conn.cursor()
        cur.execute("SELECT to_regclass('meta') IS NOT NULL")
        if cur.fetchone()[0]:
            cur.execute("SELECT value FROM meta WHERE key='schema_version'")
            row = cur.fetchone()
            if row and int(row[0]) == SCHEMA_VERSION:
                conn.rollback()
                return
        conn.rollback()
        with conn.transaction():
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            cur.execute("SELECT to_regclass('meta') IS NOT NULL")
            version = 0
            if cur.fetchone()[0]:
                cur.execute("SELECT value FROM meta WHERE key='schema_version'")
                row = cur.fetchone()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: session store schema {version} is newer than this program "
                                   f"({SCHEMA_VERSION})")
            for step in sorted(MIGRATIONS):
                if step > version:
                    cur.execute(MIGRATIONS[step])
            cur.execute("INSERT INTO meta(key, value) VALUES ('schema_version', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))

    # -- reading -----------------------------------------------------------------------------------------------

    @staticmethod
    def _read(cur, user: str, lock: bool = False) -> Session:
        cur.execute(f"SELECT {COLUMNS} FROM sessions WHERE user_id=%s" + (" FOR UPDATE" if lock else ""), (user,))
        return session_from_row(user, cur.fetchone())

    def load(self, user: str) -> Session:
        with self.pool.connection() as conn:
            return self._read(conn.cursor(), user)

    def snapshot(self, user: str, update_id: int | None = None) -> Session | None:
        with self.pool.connection() as conn:
            cur = conn.cursor()
            if update_id is not None:
                cur.execute("SELECT 1 FROM updates WHERE update_id=%s", (update_id,))
                if cur.fetchone():
                    return None
            return self._read(cur, user)

    def recent_turns(self, user: str, n: int = MAX_TURNS) -> list[tuple[str, str]]:
        with self.pool.connection() as conn:
            cur = conn.cursor()
            cur.execute("SELECT role, text FROM turns WHERE user_id=%s ORDER BY id DESC LIMIT %s", (user, n))
            return [(r, t) for r, t in cur.fetchall()][::-1]

    # -- writing -----------------------------------------------------------------------------------------------

    def commit(self, session: Session, update_id: int | None = None) -> str:
        """"ok", "duplicate" (the update was applied meanwhile) or "conflict" (the user's session was written since
        the snapshot): the last two write nothing."""
        with self.pool.connection() as conn:
            try:
                with conn.transaction():
                    cur = conn.cursor()
                    if update_id is not None and not self._claim(cur, session, update_id):
                        raise _Outcome("duplicate")
                    if not self._write(cur, session, check_version=True):
                        raise _Outcome("conflict")
            except _Outcome as o:
                return o.outcome
        return "ok"

    @contextmanager
    def turn(self, user: str, update_id: int | None = None) -> Iterator[Session | None]:
        """One turn under a lock on the user (an advisory lock: it also holds for a user with no row yet)."""
        with self.pool.connection() as conn:
            with conn.transaction():
                cur = conn.cursor()
                cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (user,))
                if update_id is not None:
                    cur.execute("SELECT 1 FROM updates WHERE update_id=%s", (update_id,))
                    if cur.fetchone():
                        yield None
                        return
                session = self._read(cur, user)
                yield session
                if update_id is not None:
                    self._claim(cur, session, update_id)
                self._write(cur, session, check_version=False)

    @staticmethod
    def _claim(cur, session: Session, update_id: int) -> bool:
        """Record the update id; False when it is there already (its primary key refuses a second copy)."""
        now = time.time()
        cur.execute("INSERT INTO updates(update_id, user_id, at) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                    (update_id, "" if session.deleted else session.user, now))
        if cur.rowcount == 0:
            return False
        if update_id % 500 == 0:  # Telegram redelivers within a day: a week of update ids is plenty
            cur.execute("DELETE FROM updates WHERE at < %s", (now - UPDATE_IDS_KEPT_S,))
        return True

    @staticmethod
    def _write(cur, session: Session, check_version: bool) -> bool:
        user, now = session.user, time.time()
        if session.deleted:
            cur.execute("DELETE FROM sessions WHERE user_id=%s", (user,))
            cur.execute("DELETE FROM turns WHERE user_id=%s", (user,))
            cur.execute("UPDATE updates SET user_id='' WHERE user_id=%s", (user,))
            return True
        values = (json.dumps(session.facts, ensure_ascii=False), json.dumps(session.declined),
                  json.dumps(session.focus), session.asking, session.lang, session.lang_forced, session.interviewing,
                  json.dumps(session.attempts), now, _encoded(session, "provenance"), session.turn_count,
                  _encoded(session, "undo"), session.proxy)
        sets = ("facts=%s, declined=%s, focus=%s, asking=%s, lang=%s, lang_forced=%s, interviewing=%s, attempts=%s, "
                "updated=%s, provenance=%s, turn_count=%s, undo=%s, proxy=%s")
        if check_version and session.version is not None:
            cur.execute(f"UPDATE sessions SET {sets} WHERE user_id=%s AND turn_count=%s", (*values, user, session.version))
            if cur.rowcount == 0:
                return False
        elif check_version:  # a new user: another process may have created the row meanwhile
            cur.execute("INSERT INTO sessions(user_id, facts, declined, focus, asking, lang, lang_forced, interviewing, "
                        "attempts, updated, provenance, turn_count, undo, proxy) "
                        "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (user_id) DO NOTHING",
                        (user, *values))
            if cur.rowcount == 0:
                return False
        else:
            cur.execute("INSERT INTO sessions(user_id, facts, declined, focus, asking, lang, lang_forced, interviewing, "
                        "attempts, updated, provenance, turn_count, undo, proxy) "
                        "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (user_id) DO UPDATE SET "
                        + ", ".join(f"{c}=excluded.{c}" for c in ("facts", "declined", "focus", "asking", "lang",
                                                                   "lang_forced", "interviewing", "attempts",
                                                                   "updated", "provenance", "turn_count", "undo",
                                                                   "proxy")),
                        (user, *values))
        if session.new_turns:
            cur.executemany("INSERT INTO turns(user_id, at, role, text) VALUES (%s, %s, %s, %s)",
                            [(user, now, role, text[:MAX_TURN_CHARS]) for role, text in session.new_turns])
        if session.turn_count % 8 == 0:  # as in SQLite: prune every eighth turn, keeping the write short
            cur.execute("DELETE FROM turns WHERE user_id=%s AND id < (SELECT min(id) FROM (SELECT id FROM turns "
                        "WHERE user_id=%s ORDER BY id DESC LIMIT %s) AS kept)", (user, user, MAX_TURNS))
        return True

    def forget(self, user: str) -> bool:
        with self.pool.connection() as conn:
            with conn.transaction():
                cur = conn.cursor()
                n = 0
                for sql in ("DELETE FROM sessions WHERE user_id=%s", "DELETE FROM turns WHERE user_id=%s",
                            "UPDATE updates SET user_id='' WHERE user_id=%s"):
                    cur.execute(sql, (user,))
                    n += cur.rowcount
        return n > 0

    def close(self) -> None:
        self.pool.close()


class _Outcome(Exception):
    """Leaves the transaction (rolled back) with a result that is not an error."""

    def __init__(self, outcome: str):
        self.outcome = outcome
