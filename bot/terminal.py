"""Terminal chat: read a line, answer with the best clause, until end of input."""
from __future__ import annotations

import json
import sys


def answer(text: str) -> dict:
    from retrieval import search
    from retrieval.english import is_english

    from .render import clause_block

    en = is_english(text)
    hits = search(text, top=1)
    if not hits:
        reply = "No clause matches that question." if en else "没有找到相关条款，请换个说法试试。"
    else:
        h = hits[0]
        reply = clause_block(h.doc, h.article, h.title, h.title_en, h.text, h.fields, en=en)
    return {"reply": reply, "lang": "en" if en else "zh"}


def run(json_mode: bool = False) -> int:
    interactive = sys.stdin.isatty() and not json_mode
    if interactive:
        print("人才政策助手 / Talent-policy assistant — 输入问题，Ctrl-D 退出 (Ctrl-D to leave)")
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            break
        if not line.strip():
            continue
        out = answer(line)
        print(json.dumps(out, ensure_ascii=False) if json_mode else out["reply"] + "\n")
        sys.stdout.flush()
    return 0
