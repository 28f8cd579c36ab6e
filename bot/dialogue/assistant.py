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
import re
import unicodedata

from . import messages as M
from .reply import Reply
from .store import SQLiteStore

log = logging.getLogger("policybot.core")

MAX_INPUT = 4000
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]")


def clean(text: str) -> str:
    """Printable text only, bounded: control characters out, NFC, at most MAX_INPUT characters."""
    text = unicodedata.normalize("NFC", text or "")[:MAX_INPUT]
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


def detect_lang(text: str, default: str) -> str:
    cjk, latin = len(CJK_RE.findall(text)), len(LATIN_RE.findall(text))
    if cjk == 0 and latin == 0:
        return default  # "34", "✓": keep the conversation's language
    return "zh" if cjk * 3 >= latin else "en"


class Assistant:
    def __init__(self, store: SQLiteStore | None = None):
        self.store = store or SQLiteStore()

    def handle(self, user: str, text: str, update_id: int | None = None) -> Reply:
        text = clean(text)
        with self.store.turn(str(user), update_id) as session:
            if session is None:
                return Reply("", "zh", kind="duplicate")
            if not session.lang_forced and not text.startswith("/"):  # "/profile" says nothing about the language
                session.lang = detect_lang(text, session.lang)
            from .turn import Turn

            try:
                reply = Turn(session, text).run()
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
