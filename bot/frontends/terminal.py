"""Terminal chat: a prompt, line editing and history, Ctrl-D to leave. A thin adapter over the core."""
from __future__ import annotations

import json
import os
import sys


def _setup_history() -> None:
    try:
        import atexit
        import readline
    except ImportError:  # no readline on this platform: plain input() still works
        return
    path = os.path.join(os.path.expanduser("~"), ".policybot_history")
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(500)
    atexit.register(lambda: _save(readline, path))


def _save(readline, path: str) -> None:
    try:
        readline.write_history_file(path)
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
    if interactive:
        _setup_history()
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
        if json_mode:
            print(json.dumps(reply.as_json(), ensure_ascii=False))
        else:
            print(render(reply) + "\n")
        sys.stdout.flush()
    return 0
