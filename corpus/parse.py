"""Turn the five source documents into citable clauses.

The sources are extraction output (two from PDFs, one from slides, one from a
markdown conversion), so the parser repairs, never the files:
- sentences cut by line or page breaks ("引\\n\\n进时", "对申\\n\\n\\n\\n报人") are joined;
- PDF page-break lines that start with a space and padding spaces inside
  sentences ("第十一条  外国专家", "2 至 5 年") are removed between CJK text;
- markdown bold (**第一条**) and slide bullet glyphs (❖ ◆ -) are dropped.
Each parser returns clauses in document order with SPEC section 2 labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import zh_number

# Sentence-final marks: a line ending in one of these ends a paragraph; any
# other line ending was cut by the layout and is joined to the next line.
SENTENCE_END = set("。；;：:！!？?")
CN_NUM = "一二三四五六七八九十百零"
BULLET_RE = re.compile(r"^(?:-\s*)?[❖◆●•▪■]\s*|^-\s+")
ITEM_RE = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")
ARTICLE_RE = re.compile(rf"^\**(第[{CN_NUM}]+条)\**\s*")
CHAPTER_RE = re.compile(rf"^#*\s*(第[{CN_NUM}]+章)\s*(.*)$")


@dataclass
class Clause:
    doc: str
    article: str
    text: str
    chapter: str = ""
    # (label, text) of numbered items: "（一）" in regulations, "1" .. in slides
    items: list[tuple[str, str]] = field(default_factory=list)
    # extra columns (the zgc task table: category, responsible units)
    fields: dict[str, str] = field(default_factory=dict)


def cn_int(numeral: str) -> int:
    """An article or chapter number (四十三, 43) as an int."""
    value = int(numeral) if numeral.isdigit() else zh_number(numeral, concat=False)
    if not isinstance(value, int):
        raise ValueError(f"not an article number: {numeral!r}")
    return value


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "+%")


def squeeze(text: str) -> str:
    """Drop layout spaces: keep one space only where it separates two ASCII words."""
    text = text.replace("\u3000", " ").replace("\xa0", " ").strip(" ")
    out = []
    parts = re.split(r"([ \t]+)", text.strip())
    for i, part in enumerate(parts):
        if "\t" in part:  # a table cell boundary: keep the cells apart
            out.append(" ")
            continue
        if part.startswith(" "):
            before = parts[i - 1][-1:] if i > 0 else ""
            after = parts[i + 1][:1] if i + 1 < len(parts) else ""
            if before and after and _is_ascii_word(before) and _is_ascii_word(after):
                out.append(" ")
            elif before and after and before in ".,;:)&" and _is_ascii_word(after):
                out.append(" ")
            continue
        out.append(part)
    return "".join(out)


def strip_markup(line: str) -> str:
    line = BULLET_RE.sub("", line.strip())
    return line.replace("**", "")


# A line shorter than this that ends without punctuation is a heading or a
# signature line (发文机关, 日期), not a sentence the page layout cut.
MIN_CUT_LINE = 16


# Lines of an issuing notice that end a unit without punctuation: its title
# (…的通知, …办法), its document number (…号) and its date (…日).
HEADING_ENDS = ("通知", "号", "日", "办法")


def paragraphs(lines: list[str]) -> list[str]:
    """Join layout-cut lines into paragraphs (one per sentence-final line end)."""
    paras: list[str] = []
    open_para = False
    for raw in lines:
        line = squeeze(strip_markup(raw))
        if not line:
            continue
        if open_para and paras and not ITEM_RE.match(line):
            paras[-1] += line
        else:
            paras.append(line)
        open_para = (line[-1] not in SENTENCE_END and len(paras[-1]) >= MIN_CUT_LINE
                     and not line.endswith(HEADING_ENDS))
    return paras


UNIT_END = set("部局委会区团县办位心院所厅府室司处")


def split_units(cell: str) -> list[str]:
    """Responsible units of a task row: space-separated, but a long unit name
    may itself be wrapped across the cell ("市人才工作 领导小组 相关成员单位")."""
    units: list[str] = []
    for part in cell.split():
        if units and (units[-1][-1] not in UNIT_END or part.startswith("等")):
            units[-1] += part
        else:
            units.append(part)
    return units


def split_items(paras: list[str]) -> list[tuple[str, str]]:
    items = []
    for p in paras:
        m = ITEM_RE.match(p)
        if m:
            items.append((f"（{m.group(1)}）", p[m.end():].strip()))
    return items


# -- regulations: qianren-2017, bj-foreign-experts-2013, haizhi-bases --------

def parse_regulation(doc: str, raw: str, preamble_label: str = "通知") -> list[Clause]:
    """Articles 第X条 in sequence. An article only starts where the next number
    is expected, so a wrapped line that happens to begin with 第X条 cannot
    start a clause. Text before 第一条 that is not a heading becomes a preamble
    clause (the bj-foreign-experts issuing notice)."""
    clauses: list[Clause] = []
    expected = 1
    chapter = ""
    current: list[str] | None = None
    preamble: list[str] = []

    def close():
        if current is not None:
            paras = paragraphs(current[1:])
            clauses.append(Clause(doc, current[0], "\n".join(paras), chapter_of_current[0],
                                  items=split_items(paras)))

    chapter_of_current = [""]
    for raw_line in raw.splitlines():
        line = squeeze(strip_markup(raw_line))
        chap = CHAPTER_RE.match(raw_line.strip().replace("**", ""))
        if chap and not ARTICLE_RE.match(line):
            chapter = f"{chap.group(1)} {squeeze(chap.group(2))}".strip()
            continue
        m = ARTICLE_RE.match(line)
        if m and cn_int(m.group(1)[1:-1]) == expected:
            close()
            current = [m.group(1), line[m.end():]]
            chapter_of_current[0] = chapter
            expected += 1
            continue
        if current is None:
            preamble.append(raw_line)
        else:
            current.append(raw_line)
    close()
    pre = [p for p in paragraphs(preamble) if not p.startswith("#")]
    if preamble_label and len("".join(pre)) > 80:
        clauses.insert(0, Clause(doc, preamble_label, "\n".join(pre), "", items=[]))
    return clauses


# -- slides: haiju-intro -----------------------------------------------------

SLIDE_HEADING_RE = re.compile(r"^([一二三四五六七八九十]+)、(\S+?)(?:[—-](\S+))?$")
SLIDE_STANDALONE = {"主要内容", "联系方式"}


ITEM_NUMBER_RE = re.compile(r"^(\d{1,2})[、.．]")


def parse_slides(doc: str, raw: str) -> list[Clause]:
    """Slides by heading `X、Y—Z`; repeated headings (the same heading on
    several slides) are merged into one clause so its label stays the one a
    person reads. Bullet lines become numbered items (第N项, N in slide order)."""
    order: list[str] = ["封面"]
    bodies: dict[str, list[str]] = {"封面": []}
    current = "封面"  # the title page: document title, web address, speaker
    for raw_line in raw.splitlines():
        stripped = raw_line.strip()
        if stripped.startswith("- ") or stripped.startswith("❖") or stripped.startswith("◆"):
            is_heading = False
        else:
            m = SLIDE_HEADING_RE.match(stripped)
            is_heading = bool(m) or stripped in SLIDE_STANDALONE
        if is_heading:
            if stripped in SLIDE_STANDALONE:
                label = stripped
            else:
                m = SLIDE_HEADING_RE.match(stripped)
                label = f"{m.group(1)}、{m.group(2)}" + (f"—{m.group(3)}" if m.group(3) else "")
            if label not in bodies:
                order.append(label)
                bodies[label] = []
            current = label
            continue
        bodies[current].append(raw_line)
    clauses = []
    for label in order:
        lines = bodies[label]
        text_lines, items = [], []
        # a slide whose bullets print their numbers ("1、…") is cited by those numbers; when a second list follows
        # a line of its own ("且具备以下条件之一：") its items are that list's ("且具备以下条件之一 1"), as a reader
        # sees them; a bullet without a number after a numbered list is its closing line ("… 末句")
        printed = any(BULLET_RE.match(l.strip()) and ITEM_NUMBER_RE.match(squeeze(strip_markup(l.strip())))
                      for l in lines if l.strip())
        heading = ""
        for raw_line in lines:
            stripped = raw_line.strip()
            if not stripped:
                continue
            bullet = bool(BULLET_RE.match(stripped))
            line = squeeze(strip_markup(stripped))
            if not line:
                continue
            if bullet:
                if printed:
                    m = ITEM_NUMBER_RE.match(line)
                    number = m.group(1) if m else "末句"
                    items.append((f"{heading} {number}" if heading else number, line))
                else:
                    items.append((str(len(items) + 1), line))
            elif items and line.rstrip().endswith(("：", ":")):
                heading = line.rstrip().rstrip("：:").strip()
            text_lines.append(line)
        chapter = label.split("—")[0]
        if not text_lines and "—" in label:
            # a photo slide: its heading is all the text it has ("组织创业园考察青岛软件园")
            text_lines = [label.split("—", 1)[1]]
        if text_lines:
            clauses.append(Clause(doc, label, "\n".join(text_lines), chapter, items=items))
    return clauses


# -- plan with a task table: zgc-ecosystem-2015 -------------------------------

ZGC_CHAPTER_RE = re.compile(r"^([一二三四五六七八九十]+)、(\S+)$")
TASK_RE = re.compile(r"^(\d+)\.\s*(.*)$")


def parse_plan(doc: str, raw: str) -> list[Clause]:
    lines = raw.splitlines()
    try:
        table_at = next(i for i, l in enumerate(lines) if l.startswith("工作任务\t具体内容"))
    except StopIteration:
        table_at = len(lines)
    body, table = lines[:table_at], lines[table_at:]

    clauses: list[Clause] = []
    # The issuing notice, then the plan's own title and preamble, then chapters.
    blocks: list[tuple[str, str, list[str]]] = [("通知", "", [])]
    for raw_line in body:
        s = squeeze(strip_markup(raw_line))
        if s == "中关村国际人才创新创业生态系统建设工程":
            blocks.append(("引言", "", []))
            continue
        m = ZGC_CHAPTER_RE.match(s)
        if m and len(s) <= 12:
            blocks.append((m.group(1), m.group(2), []))
            continue
        if s.startswith("附件") and blocks[-1][0] not in ("通知",) and ("分解表" in s or s == "附件"):
            blocks.append(("附件", "", []))
            continue
        blocks[-1][2].append(raw_line)

    for label, heading, blines in blocks:
        if label == "附件":
            continue
        paras = paragraphs(blines)
        # chapter items （一）...: each its own clause, e.g. 三（七）
        item_starts = [i for i, p in enumerate(paras) if ITEM_RE.match(p)]
        if not item_starts:
            if paras:
                clauses.append(Clause(doc, label, "\n".join(paras), heading))
            continue
        if item_starts[0] > 0:
            clauses.append(Clause(doc, label, "\n".join(paras[: item_starts[0]]), heading))
        bounds = item_starts + [len(paras)]
        for a, b in zip(bounds, bounds[1:]):
            m = ITEM_RE.match(paras[a])
            text = "\n".join([paras[a][m.end():].strip()] + paras[a + 1 : b])
            clauses.append(Clause(doc, f"{label}（{m.group(1)}）", text, heading))

    # Task table: tab-separated; category empty on continuation rows; header
    # row repeated after each page; the last appendix is a blank template.
    category = ""
    tasks: list[Clause] = []
    tail: list[str] = []
    for raw_line in table:
        if raw_line.startswith("工作任务\t具体内容"):
            continue
        cells = raw_line.split("\t")
        if len(cells) >= 3 and TASK_RE.match(cells[1].strip()):
            if cells[0].strip():
                category = squeeze(cells[0])
            m = TASK_RE.match(cells[1].strip())
            tasks.append(Clause(doc, f"任务{m.group(1)}", squeeze(m.group(2)), "附件 任务分解表",
                                fields={"category": category, "units": "、".join(split_units(cells[2]))}))
        elif not tasks or int(tasks[-1].article[2:]) < 38:
            continue
        else:
            tail.append(raw_line)
    clauses.extend(tasks)
    tpl = [squeeze(l.replace("\t", " ")) for l in tail if l.strip()]
    tpl = [t for t in tpl if t not in ("附件",)]
    if tpl:
        clauses.append(Clause(doc, "附件", "\n".join(tpl), "附件 工作任务实施方案（表样）"))
    return clauses


# -- staff-added documents with numbered headings instead of 第X条 ------------------

HEADING_RE = re.compile(r"^(?:#{1,6}\s*)?(?:\*\*)?("
                        r"[一二三四五六七八九十百]+、[^\n]{0,40}"      # 一、总则
                        r"|第[一二三四五六七八九十百]+[章节部分][^\n]{0,40}"  # 第二章 申请条件
                        r"|\d{1,3}[.、．]\s*[^\d\n][^\n]{0,40}"      # 1. 申请条件
                        r")(?:\*\*)?$")
MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.{1,60})$")


def parse_headings(doc: str, raw: str) -> list[Clause]:
    """Sections under numbered (一、 / 1. / 第二章) or markdown (## …) headings; the
    heading as written is the label. A heading line is short and has no sentence end."""
    clauses: list[Clause] = []
    label, body = None, []

    def close():
        paras = paragraphs(body)
        if label and paras:
            clauses.append(Clause(doc, label, "\n".join(paras), label, items=split_items(paras)))

    for raw_line in raw.splitlines():
        line = raw_line.strip()
        m = HEADING_RE.match(line) or MD_HEADING_RE.match(line)
        if m and not (line[-1] in SENTENCE_END and len(line) > 20):
            close()
            label, body = squeeze(m.group(1).replace("**", "")), []
            if label in {c.article for c in clauses}:
                label = f"{label}（{sum(c.article.startswith(label) for c in clauses) + 1}）"
            continue
        body.append(raw_line)
    close()
    return clauses


def parse_any(doc: str, raw: str) -> list[Clause]:
    """A staff-added document: articles 第X条 when it has them, else numbered headings."""
    clauses = [c for c in parse_regulation(doc, raw, preamble_label="") if c.article.startswith("第")]
    return clauses if clauses else parse_headings(doc, raw)


PARSERS = {"regulation": parse_regulation, "slides": parse_slides, "plan": parse_plan, "auto": parse_any}
