"""Plain-text rendering of clauses and citations, shared by the CLI and the chat."""
from __future__ import annotations


def citation(doc: str, article: str, item: str | None = None, lang: str = "zh") -> str:
    """《国家海外高层次人才引进计划管理办法》第八条（一） / 《北京"海聚工程"介绍》三、引进条件—青年项目 第2项"""
    import corpus

    cite = f"《{corpus.documents()[doc].title}》{article}"
    if item:
        cite += item if item.startswith("（") else (f" 第{item}项" if lang == "zh" else f" item {item}")
    return cite


def clause_block(doc, article, title, title_en, text, fields=None, en=False, number=None, score=None) -> str:
    """Title (English above the Chinese for English readers), citation, then the verbatim text."""
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
    for para in text.splitlines():
        lines.append(indent + para)  # no re-wrapping: CJK width differs, terminals wrap
    if fields:
        if fields.get("category"):
            lines.append(f"{indent}{'Category' if en else '工作任务'}：{fields['category']}")
        if fields.get("units"):
            lines.append(f"{indent}{'Responsible units' if en else '责任单位'}：{fields['units']}")
    return "\n".join(lines)
