"""Which language a text is written in: the one test used by retrieval (glossary or not) and by the
conversation (the reply's language)."""
from __future__ import annotations

import re

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]")


def language(text: str, default: str = "zh") -> str:
    """'zh' or 'en'. A Chinese sentence with an English name in it (我想申请 Thousand Talents) is Chinese:
    one Chinese character weighs as much as three Latin letters. Without letters of either ("34", "✓")
    the default, e.g. the conversation's language so far."""
    cjk, latin = len(CJK_RE.findall(text)), len(LATIN_RE.findall(text))
    if cjk == 0 and latin == 0:
        return default
    return "zh" if cjk * 3 >= latin else "en"
