"""The conversation core: (user, text) -> Reply. Frontends (terminal, CLI, Telegram) are thin adapters.

A turn: read the user's session, understand the message (a command, facts,
a side question, an answer to the pending question), update the facts (each
validated against the profile model; an implausible value is refused and the
old one kept), recompute the verdicts of the programs in focus, and either ask
the one missing fact that matters most or give the verdicts. The whole turn
is one transaction of the session store.
"""
from __future__ import annotations

import logging
import random
import re
import time
import unicodedata

from corpus.language import language

from . import messages as M
from .reply import Reply
from .store import SessionStore, open_store

log = logging.getLogger("policybot.core")

MAX_INPUT = 4000
MAX_RETRIES = 50  # optimistic attempts before a turn takes the write lock for its whole computation


def clean(text: str) -> str:
    """Printable text only, bounded: control characters out, NFC, at most MAX_INPUT characters."""
    text = unicodedata.normalize("NFC", text or "")[:MAX_INPUT]
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()




def conversation_language(text: str, current: str, turns: int) -> str:
    """The reply's language for this message. A Chinese conversation stays Chinese for a short English answer
    ("Senior Scientist", "AP", "PhD"): people type titles and terms in English; two or more English words that make
    a sentence of their own (a verb, 4+ words) switch it."""
    lang = language(text, current)
    if turns and current == "zh" and lang == "en" and len(re.findall(r"[A-Za-z]+", text)) < 4:
        return "zh"
    return lang


class Assistant:
    def __init__(self, store: SessionStore | None = None):
        self.store = store or open_store()

    def handle(self, user: str, text: str, update_id: int | None = None) -> Reply:
        """One turn. It is computed on a snapshot of the session, outside any lock (understanding a message and
        loading the index take milliseconds to seconds), then written in one short transaction that checks nobody
        else wrote this user's session meanwhile; on a conflict the turn is computed again on the new session, so a
        user's turns still apply one after another and none is lost or applied twice."""
        text = clean(text)
        user = str(user)
        for attempt in range(MAX_RETRIES):
            session = self.store.snapshot(user, update_id)
            if session is None:
                return Reply("", "zh", kind="duplicate")
            reply = self.compute(session, user, text)
            outcome = self.store.commit(session, update_id)
            if outcome == "ok":
                return reply
            if outcome == "duplicate":
                return Reply("", "zh", kind="duplicate")
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))  # another turn of this user won: compute again on it
        with self.store.turn(user, update_id) as session:  # very busy user: the old way, under the write lock
            if session is None:
                return Reply("", "zh", kind="duplicate")
            return self.compute(session, user, text)

    def compute(self, session, user: str, text: str) -> Reply:
        """The turn on a session object (mutated in place; the caller writes it)."""
        if not session.lang_forced:
            # "/profile" says nothing about the language; "/search <question>" does, by its question
            said = text.partition(" ")[2] if text.lower().startswith("/search ") else "" if text.startswith("/") else text
            if said:
                session.lang = conversation_language(said, session.lang, session.turn_count)
        from .turn import Turn

        # the user's earlier messages: a career told over several turns is laid out as one timeline
        def history() -> list[str]:  # read only when a message adds to a career told before
            return [t for role, t in self.store.recent_turns(user, 12) if role == "user" and not t.startswith("/")]
        try:
            reply = Turn(session, text, history).run()
        except Exception:  # one bad turn must not lose the session: answer, keep the stored facts
            log.exception("turn failed for a user (message not logged)")
            reply = Reply(M.t(session.lang, "internal_error"), session.lang, session.asking, kind="error")
        if not session.deleted:
            session.new_turns = [("user", text), ("bot", reply.text)]
        return reply

    def profile(self, user: str):
        return self.store.load(str(user))

    def forget(self, user: str) -> bool:
        return self.store.forget(str(user))


_default: Assistant | None = None


def handle(user: str, text: str, update_id: int | None = None) -> Reply:
    """The one entry point frontends call."""
    global _default
    if _default is None:
        _default = Assistant()
    return _default.handle(user, text, update_id)
