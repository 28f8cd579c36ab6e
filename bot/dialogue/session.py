"""A user's session as the core reads and writes it, whichever store keeps it (store.py: SQLite,
store_postgres.py: PostgreSQL)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

SCHEMA_VERSION = 3
MAX_TURNS = 60  # rows (user and bot lines) kept per user
# a line kept in the transcript: a user's message is at most 4,000 characters, a /details reply can be longer (the
# web chat shows the transcript, and a reply cut mid-word read as a fault)
MAX_TURN_CHARS = 20_000
UPDATE_IDS_KEPT_S = 7 * 86400  # update ids older than a week are pruned (every 500th update)


@dataclass
class Session:
    user: str
    facts: dict = field(default_factory=dict)
    declined: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    asking: str | None = None
    lang: str = "zh"
    lang_forced: bool = False
    interviewing: bool = False
    attempts: dict = field(default_factory=dict)  # fact -> times asked without an answer understood
    # fact -> {"said": the user's words, "how": "stated" | "derived" | "assumed", "turn": n} (SPEC section 3)
    provenance: dict = field(default_factory=dict)
    turn_count: int = 0
    undo: dict = field(default_factory=dict)  # fact -> [value, provenance] before the last turn that changed facts
    # the writer speaks for the applicant (HR, a colleague): "他/she" is the applicant, "我" the writer
    proxy: bool = False
    # the stored turn_count when this session was read (None: no row yet): a turn computed on it is written only if
    # no other process wrote the user's session in between (SQLiteStore.commit)
    version: int | None = None
    # the stored JSON of provenance and undo as read, so an unchanged one is not encoded again
    raw: dict = field(default_factory=dict, repr=False, compare=False)
    new_turns: list[tuple[str, str]] = field(default_factory=list)
    deleted: bool = False

    def reset(self) -> None:
        self.facts, self.declined, self.focus, self.asking, self.interviewing = {}, [], [], None, False
        self.attempts, self.provenance, self.undo, self.proxy = {}, {}, {}, False


def _encoded(session: Session, name: str) -> str:
    """JSON of a session field, reusing the stored text when the field is as it was read."""
    value = getattr(session, name)
    raw, seen = session.raw.get(name, (None, None))
    if raw is not None and value == seen:
        return raw
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# the session columns, in the order both stores select them
COLUMNS = ("facts, declined, focus, asking, lang, lang_forced, interviewing, attempts, provenance, turn_count, undo, "
           "proxy")


def session_from_row(user: str, row) -> Session:
    """A session from its stored row (COLUMNS), or a new one; the stored JSON of provenance and undo is kept so an
    unchanged one is written back as it was."""
    if row is None:
        return Session(user)
    facts, declined, focus, asking, lang, forced, interviewing, attempts, provenance, turn_count, undo, proxy = row
    session = Session(user, json.loads(facts), json.loads(declined), json.loads(focus), asking, lang, bool(forced),
                      bool(interviewing), json.loads(attempts), json.loads(provenance), int(turn_count),
                      json.loads(undo), bool(proxy))
    session.raw = {"provenance": (provenance, dict(session.provenance)), "undo": (undo, dict(session.undo))}
    session.version = int(turn_count)
    return session
