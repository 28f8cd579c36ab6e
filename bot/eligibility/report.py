"""Verdicts for people and for machines: the SPEC section 5 JSON, a readable
report, and for every negative verdict what would change it."""
from __future__ import annotations

from corpus import citation

from .engine import FAILED, MET, RELAXABLE, REVIEW, UNKNOWN, Outcome, Verdict
from .rules import Cite

# the one wording of each status, for every frontend
STATUS_WORDS = {
    "zh": {"eligible": "符合条件", "ineligible": "不符合条件", "needs_exception": "需破格（例外）申请",
           "undetermined": "尚待确定"},
    "en": {"eligible": "eligible", "ineligible": "not eligible", "needs_exception": "needs an exception",
           "undetermined": "undetermined"},
}
STATUS_ICON = {"eligible": "✅", "ineligible": "❌", "needs_exception": "⚠️", "undetermined": "❓"}


def status_text(status: str, lang: str) -> str:
    """'✅ 符合条件' / '❓ undetermined'."""
    return f"{STATUS_ICON[status]} {STATUS_WORDS['en' if lang == 'en' else 'zh'][status]}"


def short_name(pid: str, lang: str) -> str:
    """海聚工程青年项目 / "Haiju: Youth project": a program's name in a list."""
    import corpus

    from .rules import rulebook

    p = rulebook().programs[pid]
    if lang == "en":
        return p.name_en
    doc = corpus.documents()[p.doc].short
    return doc + p.name.split(" ", 1)[-1] if " " in p.name else p.name
MARK = {MET: "✓", FAILED: "✗", UNKNOWN: "?", RELAXABLE: "≈", REVIEW: "◇"}


def fmt(x) -> str:
    if isinstance(x, float):
        return f"{x:g}"
    if isinstance(x, list):
        return "–".join(fmt(v) for v in x)
    return str(x)


def cite_text(c: Cite, lang: str = "zh") -> str:
    return citation(c.doc, c.article, c.item, lang)


def cite_json(c: Cite) -> dict:
    out = {"doc": c.doc, "article": c.article, "quote": c.quote}
    if c.item:
        out["item"] = c.item
    return out


def met_leaves(o: Outcome) -> int:
    """Requirements met on what the applicant said (not on a value implied from another fact)."""
    if not o.children:
        return 1 if o.status == MET and not o.source else 0
    return sum(met_leaves(k) for k in o.children)


def closest(options: list[Outcome]) -> Outcome:
    """Of an either-or's failing options, the one nearest to holding: the fewest requirements unmet, then the
    most already met on what was said (5 months a year of a part-time commitment whose 3 years are met is nearer
    than a full-time commitment nobody made), then the first listed."""
    return min(options, key=lambda k: (len(unmet_leaves(k)) or 1, -met_leaves(k)))


def used_option(o: Outcome) -> Outcome | None:
    """The alternative that satisfied a met (or panel-judged) either-or."""
    return next((k for k in o.children if k.status == o.status), None) or next(
        (k for k in o.children if k.status in (MET, REVIEW)), None)


def deciding_facts(o: Outcome) -> list[str]:
    """The facts that decided this outcome, the decisive one first: a leaf's own fact; for a group, the facts of the
    members that made its status (the failed ones of a failed all-of, the alternative used by a met either-or, each
    option's failing fact of a failed either-or with the closest option first, the facts still missing of an
    undetermined one)."""
    if o.cond.fact:
        # a value implied by another fact (two years full-time: two years, twelve months a year) was decided by
        # what was said
        return [o.source] if o.source else [o.cond.fact]
    kids = o.children
    if not kids:
        return []
    if o.cond.any:
        if o.status in (MET, REVIEW):
            used = used_option(o)
            picked = [used] if used else []
        elif o.status == UNKNOWN:
            picked = [k for k in kids if k.status == UNKNOWN and k.best == MET] or [k for k in kids if k.status == UNKNOWN]
        else:
            failing = [k for k in kids if k.status in (FAILED, RELAXABLE)] or kids
            first = closest(failing)
            picked = [first] + [k for k in failing if k is not first]
    else:
        if o.status in (FAILED, RELAXABLE):
            picked = [k for k in kids if k.status in (FAILED, RELAXABLE)]
        elif o.status == UNKNOWN:
            picked = [k for k in kids if k.status == UNKNOWN]
        else:
            picked = kids
    out: list[str] = []
    for k in picked:
        for f in deciding_facts(k):
            if f not in out:
                out.append(f)
    return out or (o.missing[:1] if o.missing else [])


def deciding_fact(o: Outcome) -> str | None:
    """The fact a person should look at for this outcome (the first of deciding_facts)."""
    facts = deciding_facts(o)
    return facts[0] if facts else None


def leaf_facts(o: Outcome) -> list[str]:
    if o.cond.fact:
        return [o.cond.fact]
    out = []
    for k in o.children:
        for f in leaf_facts(k):
            if f not in out:
                out.append(f)
    return out


def walk(outcomes):
    """Every outcome in the tree, parents before children; options of an
    any-group that were not taken are skipped."""
    for o in outcomes:
        yield o
        if o.cond.any and o.status in (MET, REVIEW):
            taken = [k for k in o.children if k.status in (MET, REVIEW)][:1]
            yield from walk(taken)
        else:
            yield from walk(o.children)


def review_points(outcomes):
    """What the panel judges: a review outcome, once (a group under review is one point, not also each member)."""
    for o in outcomes:
        if o.status == REVIEW:
            yield o
        elif o.cond.any and o.status == MET:
            yield from review_points([k for k in o.children if k.status == MET][:1])
        else:
            yield from review_points(o.children)


def outcome_json(o: Outcome, lang: str) -> dict:
    """SPEC section 5's condition, with `fact` (the one that decided it) and `facts` (all that did, decisive first).
    A met either-or lists under `any_of` only the alternative it used; the others, not needed, are kept apart under
    `not_needed` (with their own statuses, for /details), so nothing there reads as failing or relaxable."""
    c = o.cond
    facts = deciding_facts(o)
    out = {"id": c.id, "text": c.zh if lang == "zh" else c.en, "quote": c.quote, "doc": c.doc, "article": c.article,
           "fact": facts[0] if facts else None, "facts": facts, "status": o.status, "kind": c.kind}
    if c.fact:
        out["tests"] = c.fact  # the fact the condition tests (`fact` names the one that decided it)
    if c.item:
        out["item"] = c.item
    if o.value is not None:
        out["value"] = o.value
    if o.relaxed_by:
        out["relaxed_by"] = cite_json(o.relaxed_by)
    if o.children:
        used = used_option(o) if c.any and o.status in (MET, REVIEW) else None
        if used is not None:
            out["any_of"] = [outcome_json(used, lang)]
            out["not_needed"] = [outcome_json(k, lang) for k in o.children if k is not used]
        else:
            out["any_of" if c.any else "all_of"] = [outcome_json(k, lang) for k in o.children]
    return out


# -- what would change it -----------------------------------------------------

def _gap(o: Outcome, lang: str) -> str:
    """'目前30个月，还差6个月' for a numeric condition with a known value."""
    c, v = o.cond, o.value
    if not isinstance(v, (int, float)) or isinstance(v, bool) or c.op not in ("<=", ">=", "<", ">", "between"):
        return ""
    unit = c.unit if lang == "zh" else (" " + c.unit_en if c.unit_en and c.unit_en != "%" else c.unit_en)

    def n(x) -> str:  # "1 year", "6 months"
        u = unit[:-1] if lang == "en" and x == 1 and unit.endswith("s") else unit
        return f"{fmt(x)}{u}"

    lo, hi = (c.value if c.op == "between" else (None, None))
    if c.op in (">=", ">") or (c.op == "between" and v < lo):
        target = lo if c.op == "between" else c.value
        short = target - v if c.op != ">" else None
        if lang == "zh":
            return f"目前{fmt(v)}{unit}" + (f"，还差{fmt(short)}{unit}" if short else f"，需超过{fmt(target)}{unit}")
        return f"now {n(v)}" + (f", {n(short)} short" if short else f", must exceed {n(target)}")
    target = hi if c.op == "between" else c.value
    over = v - target
    if lang == "zh":
        return f"目前{fmt(v)}{unit}，上限{fmt(target)}{unit}" + (f"，超出{fmt(over)}{unit}" if over else "")
    return f"now {n(v)}, {n(over) + ' ' if over else ''}over the limit of {n(target)}"


def _wait_hint(o: Outcome, lang: str) -> str:
    """Time cures a too-young company: say when it can apply."""
    c, v = o.cond, o.value
    if c.fact == "company_age_years" and c.op == "between" and isinstance(v, (int, float)) and v < c.value[0]:
        wait = c.value[0] - v
        return (f"公司成立满{fmt(c.value[0])}年后（还差{fmt(wait)}年）可申报" if lang == "zh"
                else f"can apply once the company is {fmt(c.value[0])} years old ({fmt(wait)} years from now)")
    return ""


def unmet_leaves(o: Outcome) -> list[Outcome]:
    if not o.children:
        return [o] if o.status in (FAILED, RELAXABLE) else []
    if o.cond.any:
        if o.status in (MET, REVIEW):
            return []
        return unmet_leaves(closest(o.children))
    return [leaf for k in o.children for leaf in unmet_leaves(k)]


def changes(o: Outcome, lang: str) -> list[str]:
    """Concrete sentences for a failed or relaxable outcome."""
    c = o.cond
    if o.status not in (FAILED, RELAXABLE):
        return []
    if c.children:
        if c.any:
            # the closest option (closest(): fewest unmet, then most met)
            options = [k for k in o.children if k.status in (FAILED, RELAXABLE)]
            best = closest(options) if options else None
            # one option clearly nearest: what it needs; two as near (a research track and a finance track each
            # one step away): the choice itself
            tied = [k for k in options if k is not best and len(unmet_leaves(k)) == len(unmet_leaves(best))
                    and met_leaves(k) == met_leaves(best)]
            if best is not None and len(unmet_leaves(best)) <= 2 and not tied:
                return changes(best, lang)
            return [("需满足其中之一：" if lang == "zh" else "Needs one of: ") + (c.zh if lang == "zh" else c.en)]
        return [s for k in o.children for s in changes(k, lang)]
    want = c.zh if lang == "zh" else c.en
    wait = _wait_hint(o, lang)
    if wait:
        return [wait]
    gap = _gap(o, lang)
    if lang == "zh":
        return [f"需{want}" + (f"（{gap}）" if gap else "")]
    return [f"Needs: {want}" + (f" ({gap})" if gap else "")]


def verdict_changes(v: Verdict, lang: str) -> list[dict]:
    out = []
    for o in v.outcomes:
        if o.status not in (FAILED, RELAXABLE):
            continue
        for text in changes(o, lang):
            entry = {"text": text, "doc": o.cond.doc, "article": o.cond.article}
            if o.status == RELAXABLE and o.relaxed_by:
                entry["relaxable_by"] = cite_json(o.relaxed_by)
                entry["text"] += ("；可依" + cite_text(o.relaxed_by, lang) + "“" + o.relaxed_by.quote + "”申请破格"
                                  if lang == "zh" else
                                  f"; an exception may be sought under {cite_text(o.relaxed_by, lang)} “{o.relaxed_by.quote}”")
            out.append(entry)
    return out


# -- whole verdicts ------------------------------------------------------------

def verdict_json(v: Verdict, lang: str = "zh") -> dict:
    p = v.program
    out = {"program": p.id, "name": p.name if lang == "zh" else p.name_en, "name_zh": p.name, "name_en": p.name_en,
           "status": v.status, "doc": p.doc, "article": p.article,
           "conditions": [outcome_json(o, lang) for o in v.outcomes],
           "missing": v.missing, "amounts": v.amounts}
    if v.status in ("ineligible", "needs_exception"):
        out["changes"] = verdict_changes(v, lang)
    if v.status == "needs_exception":
        out["relaxed_by"] = [cite_json(c) for c in v.relaxed_by()]
    reviews = [o.cond for o in review_points(v.outcomes)]
    if reviews:
        out["review"] = [c.zh if lang == "zh" else c.en for c in reviews]
    return out


UNITS = {"months": {"zh": "个月", "en": " months"}, "years": {"zh": "年", "en": " years"},
         "percent": {"zh": "%", "en": "%"}, "money": {"zh": "元", "en": " CNY"}}


def show_value(fact: str | None, value, lang: str) -> str:
    """A fact's value as a person reads it: 工程技术, not engineering."""
    if value is None or fact is None:
        return ""
    from .facts import facts, kind, options

    names = dict(options(fact, lang))
    unit = UNITS.get(facts().get(fact, {}).get("unit") or kind(fact), {}).get(lang, "")
    if unit and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.0f}{unit}" if kind(fact) == "money" else f"{fmt(value)}{unit}"
    if isinstance(value, bool):
        return names.get(str(value).lower(), str(value))
    if isinstance(value, list):
        return "、".join(names.get(str(x), fmt(x)) for x in value) if value else ("无" if lang == "zh" else "none")
    return names.get(str(value), fmt(value))


def verdict_text(v: Verdict, lang: str = "zh", facts_label=None) -> str:
    p = v.program
    name = p.name if lang == "zh" else p.name_en
    lines = [f"【{name}】 {STATUS_WORDS[lang][v.status]}"]

    def line(o: Outcome, indent: str, needed: bool = True) -> str:
        c = o.cond
        shown = show_value(c.fact, o.value, lang)
        if shown and isinstance(o.value, bool):  # "Not of Chinese descent (Chinese descent: No)", not "(No)"
            from .facts import label

            shown = f"{label(c.fact, lang)}{'：' if lang == 'zh' else ': '}{shown}"
        value = (f"（{shown}）" if lang == "zh" else f" ({shown})") if shown else ""
        mark = MARK[o.status] if needed else "·"
        note = "" if needed else ("（不需要）" if lang == "zh" else " (not needed)")
        return f"{indent}{mark} {c.zh if lang == 'zh' else c.en}{value}{note} — {cite_text(c.cite, lang)}"

    for o in v.outcomes:
        lines.append(line(o, "  "))
        if o.cond.any and o.children:  # an either-or: the option used, the others not needed (or why each failed)
            used = used_option(o) if o.status in (MET, REVIEW) else None
            for k in o.children:
                lines.append(line(k, "      ", used is None or k is used))
    if v.missing:
        label = facts_label or (lambda f: f)
        lines.append(("  还需了解：" if lang == "zh" else "  Still needed: ") + "、".join(label(f) for f in v.missing))
    for ch in verdict_changes(v, lang) if v.status in ("ineligible", "needs_exception") else []:
        lines.append(("  → " + ch["text"]))
    for a in v.amounts:
        lines.append(amount_line(a, lang, cite_text(Cite(a["doc"], a["article"], a["quote"], a.get("item", "")), lang)))
    return "\n".join(lines)


def amount_line(a: dict, lang: str, cite: str) -> str:
    """'  ¥ 年薪补助：200,000 元/年（上限） — 第十一条'."""
    amount = (f"：{a['cny_per_year']:,.0f} 元/年" if lang == "zh" else f": CNY {a['cny_per_year']:,.0f} a year") \
        if "cny_per_year" in a else ""
    up_to = ("（上限）" if lang == "zh" else " (cap)") if a.get("up_to") else ""
    text = a.get("text_en") or a["text"] if lang == "en" else a["text"]
    return f"  ¥ {text}{amount}{up_to} — {cite}"


def verdict_line(v: Verdict, lang: str) -> str:
    """One line: the program, its status and the condition that decided it, with its words."""
    js = verdict_json(v, lang)
    sep = "：" if lang == "zh" else ": "
    line = f"{short_name(v.program.id, lang)}{sep}{status_text(v.status, lang)}"
    deciding = [c for c in js["conditions"] if c["status"] in ("failed", "relaxable")]
    if deciding:
        c = deciding[0]
        line += (f" — {c['text']}（{c['article']}：“{c['quote']}”）" if lang == "zh"
                 else f" — {c['text']} ({c['article']}: “{c['quote']}”)")
    return line


STILL_UNKNOWN = {"zh": "还缺少：{labels}（您选择了跳过，结论暂定为“尚待确定”）。",
                 "en": "Still missing: {labels} (you skipped these, so the result stays undetermined)."}


def verdict_block(v: Verdict, lang: str, label) -> list[str]:
    """A verdict for a person: the status, each unmet requirement with its words, for an eligible
    program the first met ones and what the panel judges, what would change it, the amounts."""
    js = verdict_json(v, lang)
    lines = [f"【{short_name(v.program.id, lang)}】{status_text(v.status, lang)}"]
    for o in v.outcomes:
        if o.status not in ("failed", "relaxable"):
            continue
        for leaf in unmet_leaves(o) or [o]:  # the requirement itself, not the group it sits in
            c = leaf.cond
            mark = "≈" if "relaxable" in (o.status, leaf.status) else "✗"
            lines.append(f"  {mark} {c.zh if lang == 'zh' else c.en} — {cite_text(c.cite, lang)}"
                         f"{'：' if lang == 'zh' else ': '}“{c.quote}”")
    if v.status == "eligible":
        for c in [c for c in js["conditions"] if c["status"] == "met"][:3]:
            lines.append(f"  ✓ {c['text']} — {citation(c['doc'], c['article'], c.get('item', ''), lang)}")
        for r in js.get("review", []):
            lines.append(("  ◇ 需专家评审：" if lang == "zh" else "  ◇ for the expert panel: ") + r)
    for ch in js.get("changes", []):
        lines.append("  → " + ch["text"])
    for a in v.amounts:
        if "cny_per_year" in a:
            lines.append(amount_line(a, lang, a["article"]))
    if v.status == "undetermined" and v.missing:
        lines.append("  " + STILL_UNKNOWN[lang].format(labels="、".join(label(f) for f in v.missing)))
    return lines
