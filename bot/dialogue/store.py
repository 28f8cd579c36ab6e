"""Session store: what the assistant remembers per user, in SQLite (WAL).

Each turn reads and writes one user's session inside one transaction
(BEGIN IMMEDIATE … COMMIT), so a crash between turns loses nothing and a
crash during a turn loses only that turn. The Telegram update_id is recorded
in the same transaction, so a redelivered update is recognised and not
applied twice. `SessionStore` is the interface; SQLite implements it here and
PostgreSQL in store_postgres.py; `open_store` picks one from $POLICYBOT_DB.
"""
from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol

from .session import (  # noqa: F401 (re-exported)
    COLUMNS, MAX_TURN_CHARS, MAX_TURNS, SCHEMA_VERSION, UPDATE_IDS_KEPT_S, Session, _encoded, session_from_row)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    user TEXT PRIMARY KEY,
    facts TEXT NOT NULL DEFAULT '{}',
    declined TEXT NOT NULL DEFAULT '[]',
    focus TEXT NOT NULL DEFAULT '[]',
    asking TEXT,
    lang TEXT NOT NULL DEFAULT 'zh',
    lang_forced INTEGER NOT NULL DEFAULT 0,
    interviewing INTEGER NOT NULL DEFAULT 0,
    attempts TEXT NOT NULL DEFAULT '{}',
    updated REAL NOT NULL DEFAULT 0,
    provenance TEXT NOT NULL DEFAULT '{}',
    turn_count INTEGER NOT NULL DEFAULT 0,
    undo TEXT NOT NULL DEFAULT '{}',
    proxy INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user TEXT NOT NULL,
    at REAL NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_user ON turns(user, id);
CREATE TABLE IF NOT EXISTS updates (update_id INTEGER PRIMARY KEY, user TEXT NOT NULL, at REAL NOT NULL);
"""


class SessionStore(Protocol):
    def snapshot(self, user: str, update_id: int | None = None) -> Session | None: ...
    def commit(self, session: Session, update_id: int | None = None) -> str: ...
    def turn(self, user: str, update_id: int | None = None) -> Iterator[Session | None]: ...
    def load(self, user: str) -> Session: ...
    def forget(self, user: str) -> bool: ...
    def recent_turns(self, user: str, n: int = MAX_TURNS) -> list[tuple[str, str]]: ...


def default_path() -> Path:
    from corpus.user import data_home

    env = os.environ.get("POLICYBOT_DB")
    return Path(env) if env else data_home() / "sessions.db"


PG_SCHEMES = ("postgresql://", "postgres://")


def describe_store(where: str | None = None) -> str:
    """The store as messages name it: the SQLite file, or the PostgreSQL URL without its password."""
    where = where if where is not None else os.environ.get("POLICYBOT_DB", "")
    if where.startswith(PG_SCHEMES):
        from .store_postgres import redact

        return redact(where)
    return str(Path(where) if where else default_path())


def open_store(where: str | None = None):
    """The session store $POLICYBOT_DB names: a postgresql:// URL (several processes on several machines) or a
    SQLite file (the default: ~/.local/share/policybot/sessions.db, no server needed)."""
    where = where if where is not None else os.environ.get("POLICYBOT_DB", "")
    if where.startswith(PG_SCHEMES):
        from .store_postgres import PostgresStore

        return PostgresStore(where)
    return SQLiteStore(where or None)


class SQLiteStore:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrate(self._conn())

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a committed turn survives a process kill
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        # most starts find the store up to date: a read, not a write lock that 30 starting processes queue on
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row and int(row[0]) == SCHEMA_VERSION:
                return
        except sqlite3.OperationalError:  # no meta table yet: a new store
            pass
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA.split(";"):  # executescript would commit the open transaction
                if statement.strip():
                    conn.execute(statement)
            have = {r[1] for r in conn.execute("PRAGMA table_info(sessions)")}
            for col, decl in (("provenance", "TEXT NOT NULL DEFAULT '{}'"), ("turn_count", "INTEGER NOT NULL DEFAULT 0"),
                              ("undo", "TEXT NOT NULL DEFAULT '{}'"), ("proxy", "INTEGER NOT NULL DEFAULT 0")):
                if col not in have:  # a store written by schema 1: the new columns start empty
                    conn.execute(f"ALTER TABLE sessions ADD COLUMN {col} {decl}")
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: session store schema {version} is newer than this program ({SCHEMA_VERSION})")
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _read(self, conn, user: str) -> Session:
        row = conn.execute(f"SELECT {COLUMNS} FROM sessions WHERE user=?", (user,)).fetchone()
        return session_from_row(user, row)

    def load(self, user: str) -> Session:
        return self._read(self._conn(), user)

    def snapshot(self, user: str, update_id: int | None = None) -> Session | None:
        """The user's session as it is now, read without a lock; None when update_id was applied already."""
        conn = self._conn()
        if update_id is not None and conn.execute("SELECT 1 FROM updates WHERE update_id=?", (update_id,)).fetchone():
            return None
        return self._read(conn, user)

    def commit(self, session: Session, update_id: int | None = None) -> str:
        """Write a turn computed on a snapshot, in one short transaction: "ok", "duplicate" (the update was applied
        meanwhile) or "conflict" (another turn of the same user was written since the snapshot; nothing written)."""
        conn = self._conn()
        encoded = None if session.deleted else self._encode(session)
        fd = self._writer_lock()
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            return self._commit_locked(conn, session, update_id, encoded)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _commit_locked(self, conn, session: Session, update_id: int | None, encoded) -> str:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if update_id is not None and conn.execute("SELECT 1 FROM updates WHERE update_id=?", (update_id,)).fetchone():
                conn.execute("ROLLBACK")
                return "duplicate"
            row = conn.execute("SELECT turn_count FROM sessions WHERE user=?", (session.user,)).fetchone()
            if (row[0] if row else None) != session.version:
                conn.execute("ROLLBACK")
                return "conflict"
            self._write(conn, session, update_id, encoded)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if session.deleted:
            self._shred(conn)
        return "ok"

    def _writer_lock(self):
        """An exclusive lock on a file beside the store, held for a short write: processes waiting for it are woken
        by the kernel the moment it is free, where SQLite's busy handler sleeps 1, 2, 5 … ms between tries (that left
        most of four processes' time idle). SQLite's own lock still guards the data; this only orders the writers."""
        fd = getattr(self._local, "lockfd", None)
        if fd is None:
            fd = self._local.lockfd = os.open(f"{self.path}.writelock", os.O_RDWR | os.O_CREAT, 0o600)
        return fd

    @contextmanager
    def turn(self, user: str, update_id: int | None = None) -> Iterator[Session | None]:
        """One turn for one user, in one transaction. Yields None when update_id
        was already applied (a redelivery): nothing is changed then."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            if update_id is not None:
                seen = conn.execute("SELECT 1 FROM updates WHERE update_id=?", (update_id,)).fetchone()
                if seen:
                    conn.execute("ROLLBACK")
                    yield None
                    return
            session = self._read(conn, user)
            yield session
            self._write(conn, session, update_id)
            conn.execute("COMMIT")
            if session.deleted:
                self._shred(conn)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


    @staticmethod
    def _encode(session: Session) -> tuple:
        """The session row's values, encoded before the write lock is taken (the lock is held for the writes only)."""
        return (json.dumps(session.facts, ensure_ascii=False), json.dumps(session.declined), json.dumps(session.focus),
                json.dumps(session.attempts), _encoded(session, "provenance"), _encoded(session, "undo"))

    def _write(self, conn, session: Session, update_id: int | None, encoded: tuple | None = None) -> None:
        """The session, its new turns and the update id, inside the caller's transaction."""
        user = session.user
        now = time.time()
        facts, declined, focus, attempts, provenance, undo = encoded or self._encode(session)
        if session.deleted:
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("DELETE FROM sessions WHERE user=?", (user,))
            conn.execute("DELETE FROM turns WHERE user=?", (user,))
        else:
            conn.execute(
                "INSERT INTO sessions(user, facts, declined, focus, asking, lang, lang_forced, interviewing, attempts, "
                "updated, provenance, turn_count, undo, proxy) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(user) DO UPDATE SET "
                "facts=excluded.facts, declined=excluded.declined, focus=excluded.focus, asking=excluded.asking, "
                "lang=excluded.lang, lang_forced=excluded.lang_forced, interviewing=excluded.interviewing, "
                "attempts=excluded.attempts, updated=excluded.updated, provenance=excluded.provenance, "
                "turn_count=excluded.turn_count, undo=excluded.undo, proxy=excluded.proxy",
                (user, facts, declined, focus, session.asking, session.lang, int(session.lang_forced),
                 int(session.interviewing), attempts, now, provenance, session.turn_count, undo, int(session.proxy)))
            if session.new_turns:  # one statement for the turn's lines
                conn.executemany("INSERT INTO turns(user, at, role, text) VALUES (?,?,?,?)",
                                 [(user, now, role, text[:MAX_TURN_CHARS]) for role, text in session.new_turns])
            if session.turn_count % 8 == 0:  # pruning every eighth turn keeps the write short; a few extra rows wait
                conn.execute("DELETE FROM turns WHERE user=? AND id NOT IN "
                             "(SELECT id FROM turns WHERE user=? ORDER BY id DESC LIMIT ?)", (user, user, MAX_TURNS))
        if update_id is not None:  # after /forget the update is remembered, not whose it was
            conn.execute("INSERT INTO updates(update_id, user, at) VALUES (?,?,?)",
                         (update_id, "" if session.deleted else user, now))
            if update_id % 500 == 0:  # Telegram redelivers within a day: a week of update ids is plenty
                conn.execute("DELETE FROM updates WHERE at < ?", (now - UPDATE_IDS_KEPT_S,))
            if session.deleted:
                conn.execute("UPDATE updates SET user='' WHERE user=?", (user,))

    def forget(self, user: str) -> bool:
        conn = self._conn()
        conn.execute("PRAGMA secure_delete=ON")  # a forgotten user's rows are overwritten, not left in free pages
        conn.execute("BEGIN IMMEDIATE")
        try:
            n = conn.execute("DELETE FROM sessions WHERE user=?", (user,)).rowcount
            n += conn.execute("DELETE FROM turns WHERE user=?", (user,)).rowcount
            # the update ids stay (a redelivered update must still be recognised) but no longer name the user
            n += conn.execute("UPDATE updates SET user='' WHERE user=?", (user,)).rowcount
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._shred(conn)
        return n > 0

    @staticmethod
    def _shred(conn) -> None:
        """Forgotten rows also leave the write-ahead log: checkpoint it into the database and truncate it. (Ordinary
        turns run without secure_delete: it would zero the pages of every pruned turn.)"""
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:  # a reader holds the log: the next checkpoint removes them
            pass
        conn.execute("PRAGMA secure_delete=OFF")

    def recent_turns(self, user: str, n: int = MAX_TURNS) -> list[tuple[str, str]]:
        rows = self._conn().execute("SELECT role, text FROM turns WHERE user=? ORDER BY id DESC LIMIT ?", (user, n))
        return [(r, t) for r, t in rows][::-1]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
