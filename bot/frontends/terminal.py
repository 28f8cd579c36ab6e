"""Terminal chat: a prompt, line editing and history, Ctrl-D to leave. A thin adapter over the core."""
from __future__ import annotations

import json
import os
import sys


LEGACY_HISTORY = os.path.join(os.path.expanduser("~"), ".policybot_history")


def _setup_history():
    """Line editing and ↑ history for this session only: what a user types is never written to disk (earlier
    versions kept ~/.policybot_history; /forget removes it)."""
    try:
        import readline
    except ImportError:  # no readline on this platform: plain input() still works
        return None
    readline.set_history_length(500)
    return readline


def _forget_history(readline) -> None:
    if readline is not None:
        readline.clear_history()
    try:
        os.remove(LEGACY_HISTORY)
    except OSError:
        pass


def render(reply) -> str:
    text = reply.text
    if reply.options:
        text += "\n  [" + " | ".join(label for _, label in reply.options) + "]"
    return text


def run(json_mode: bool = False, user: str = "terminal") -> int:
    from ..dialogue.assistant import Assistant

    assistant = Assistant()
    interactive = sys.stdin.isatty() and not json_mode
    readline = None
    if interactive:
        readline = _setup_history()
        print(assistant.handle(user, "/start").text)
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            if interactive:
                print()
            break
        except KeyboardInterrupt:
            print()
            break
        if not line.strip():
            continue
        reply = assistant.handle(user, line)
        if line.strip().lower().startswith("/forget"):
            _forget_history(readline)
        if json_mode:
            print(json.dumps(reply.as_json(), ensure_ascii=False))
        else:
            print(render(reply) + "\n")
        sys.stdout.flush()
    return 0
