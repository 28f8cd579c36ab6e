"""Plain-text rendering of clauses and citations, shared by the CLI and the chat."""
from __future__ import annotations

from corpus import citation


def clause_block(doc, article, title, title_en, text, fields=None, en=False, number=None, score=None,
                 text_en: str = "") -> str:
    """Title (English above the Chinese for English readers), citation, then for English readers the clause's
    English rendering, then the verbatim text."""
    head = f"{number}. " if number else ""
    lines = []
    if en and title_en:
        lines.append(f"{head}{title_en}")
        lines.append(f"   {citation(doc, article)} {title}")
    else:
        lines.append(f"{head}{citation(doc, article)} {title}")
    if score is not None:
        lines[-1] += f"  [{score:.2f}]"
    indent = "   "
    if en and text_en:
        for para in text_en.splitlines():
            lines.append(indent + para)
        lines.append(indent + "Original (Chinese):")
    for para in text.splitlines():
        lines.append(indent + para)  # no re-wrapping: CJK width differs, terminals wrap
    if fields:
        if fields.get("category"):
            lines.append(f"{indent}{'Category' if en else '工作任务'}：{fields['category']}")
        if fields.get("units"):
            lines.append(f"{indent}{'Responsible units' if en else '责任单位'}：{fields['units']}")
    return "\n".join(lines)
