"""What the conversation says when the user steers it: a what-if on a copy of the profile, what would change
each verdict, and the wrap-up (fits / needs an exception / ruled out, the amounts, where and how to apply).

Every sentence here comes from the verdicts (SPEC section 5) and from next_steps.toml, whose steps sit beside
the clause each one says; nothing is stored by these functions.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path

from corpus import citation

from ..eligibility.engine import Verdict, verdicts
from ..eligibility.facts import label
from ..eligibility.profile import Profile
from ..eligibility.report import (
    amount_line,
    cite_text,
    short_name,
    status_text,
    unmet_leaves,
    verdict_changes,
    verdict_json,
    verdict_line,
)
from ..eligibility.rules import Cite

# facts a person can still settle before applying: a verdict that fails only on these is a step, not a wall
STEPS = {"has_contract", "commit_fulltime_years", "commit_years", "commit_months_per_year", "multiple_platforms"}


@lru_cache(maxsize=1)
def _steps() -> list[dict]:
    return tomllib.loads((Path(__file__).parent / "next_steps.toml").read_text(encoding="utf-8"))["step"]


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def failing_facts(v: Verdict) -> set[str]:
    """The facts of the requirements that fail or need an exception. A group that fails as a whole with no fact of
    its own (海聚's backgrounds, relaxable only by 破格) counts as "#<condition>", so it is never taken for a step."""
    # a cap exceeded ("a short stay", not full-time) is no step either: one cannot commit less to qualify
    return {leaf.cond.fact if leaf.cond.fact and leaf.cond.op not in ("<", "<=") else f"#{leaf.cond.id}"
            for o in v.outcomes if o.status in ("failed", "relaxable") for leaf in (unmet_leaves(o) or [o])}


def only_steps_left(v: Verdict) -> bool:
    """Ruled out only by what the applicant can still do (sign the contract, commit the time, use one platform),
    with every other condition known: a step away, not a promise over facts nobody has given."""
    from ..eligibility.report import walk
    return step_blocked(v) and not any(o.status == "unknown" for o in walk(v.outcomes))


def step_blocked(v: Verdict) -> bool:
    """Failing only on a step the applicant can still take (no contract yet …), whatever else is unknown: such a
    program is still open, in the interview and the summary, not one ruled out."""
    missing = failing_facts(v)
    return v.status == "ineligible" and bool(missing) and missing <= STEPS


def open_facts(v: Verdict) -> list[str]:
    """The facts an undetermined or step-blocked program still waits on, decisive first."""
    if v.status == "undetermined":
        return list(v.missing)
    if not step_blocked(v):
        return []
    from ..eligibility.report import walk
    out = []
    for o in walk(v.outcomes):
        if o.status == "unknown" and o.cond.fact and not o.children:
            f = o.missing[0] if o.missing else o.cond.fact
            if f not in out:
                out.append(f)
    return out


def step_lines(v: Verdict, lang: str) -> list[str]:
    """The steps that would settle a verdict that fails only on steps, each with its clause."""
    out = []
    for o in v.outcomes:
        if o.status not in ("failed", "relaxable"):
            continue
        for leaf in unmet_leaves(o) or [o]:
            c = leaf.cond
            out.append(f"{_t(lang, c.zh, c.en)} — {cite_text(c.cite, lang)}")
    return out


@lru_cache(maxsize=512)
def _program_steps(pid: str, lang: str, contract_missing: bool) -> tuple[tuple[tuple, str], ...]:
    out = []
    for step in _steps():
        if not any(pid == p or (p.endswith(".") and pid.startswith(p)) for p in step["programs"]):
            continue
        if step["kind"] == "contract" and not contract_missing:
            continue
        key = (step["doc"], step["article"], step["kind"], step[lang][:40])
        out.append((key, f"{step[lang]} — {citation(step['doc'], step['article'], '', lang)}"))
    return tuple(out)


def next_steps(vs: list[Verdict], lang: str) -> list[str]:
    """Where and how to apply for the programs that fit (or fit after a step), each step cited, said once."""
    seen, out = set(), []
    for v in vs:
        if v.status not in ("eligible", "needs_exception") and not only_steps_left(v):
            continue
        for key, line in _program_steps(v.program.id, lang, "has_contract" in failing_facts(v)):
            if key not in seen:
                seen.add(key)
                out.append(line)
    return out


def how_to_apply(vs: list[Verdict], lang: str) -> list[str]:
    """"Where do I apply?": the channels and procedure for these programs, whatever their verdict, each cited."""
    seen, out = set(), []
    for v in vs:
        for key, line in _program_steps(v.program.id, lang, "has_contract" in failing_facts(v)):
            if key not in seen:
                seen.add(key)
                out.append(line)
    return out


def deciding(v: Verdict, lang: str) -> str:
    """The first requirement that rules the program out, in the user's language (read off the outcomes)."""
    o = next((o for o in v.outcomes if o.status in ("failed", "relaxable")), None)
    return _t(lang, o.cond.zh, o.cond.en) if o else ""


def ruled_out_line(vs: list[Verdict], lang: str) -> str:
    """Programs ruled out, in one line grouped by what rules them out, instead of a wall of ❌."""
    groups: dict[str, list[str]] = {}
    for v in vs:
        groups.setdefault(deciding(v, lang), []).append(short_name(v.program.id, lang))
    parts = []
    for why, names in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        parts.append(f"{why}（{len(names)}个）" if lang == "zh" and len(names) > 1 else
                     f"{why}（{names[0]}）" if lang == "zh" else
                     f"{why} ({len(names)} programs)" if len(names) > 1 else f"{why} ({names[0]})")
    return (f"❌ 另有{len(vs)}个项目不符合：" if lang == "zh" else f"❌ {len(vs)} other programs ruled out: ") + \
        _t(lang, "；", "; ").join(parts[:4]) + _t(lang, "。发送“详细”查看。", ". Say \"details\" for each.")


def summary(vs: list[Verdict], lang: str, focus_named: bool = False, facts: dict | None = None,
            today: dt.date | None = None) -> str:
    """One message: what fits, what needs an exception and why, what is ruled out and by what, the amounts in
    figures, and the next steps."""
    fits = [v for v in vs if v.status == "eligible"]
    exc = [v for v in vs if v.status == "needs_exception"]
    steps = [v for v in vs if only_steps_left(v)]
    blocked = [v for v in vs if step_blocked(v) and v not in steps]  # a step to take, and facts still to know
    out_ = [v for v in vs if v.status == "ineligible" and v not in steps and v not in blocked]
    open_ = [v for v in vs if v.status == "undetermined"]
    lines = [_t(lang, "小结：", "Summary:")]
    if fits:
        lines.append(_t(lang, "✅ 符合：", "✅ Fits: ") + _t(lang, "、", ", ").join(short_name(v.program.id, lang) for v in fits))
    for v in steps:
        lines.append(_t(lang, "✅ 完成以下一步即符合：", "✅ Fits once you: ") + short_name(v.program.id, lang) + " — "
                     + "; ".join(step_lines(v, lang)))
    for v in blocked:
        sep = "、" if lang == "zh" else ", "
        lines.append(_t(lang, "⏳ 尚未满足，可完成的一步：", "⏳ Not yet — a step you can take: ") + short_name(v.program.id, lang)
                     + " — " + "; ".join(step_lines(v, lang)) + _t(lang, "；还需了解：", "; still to know: ")
                     + sep.join(label(f, lang) for f in open_facts(v)[:4]))
    for v in exc:
        why = verdict_changes(v, lang)
        lines.append(_t(lang, "⚠️ 需破格：", "⚠️ Needs an exception: ") + short_name(v.program.id, lang)
                     + (f" — {why[0]['text']}" if why else ""))
    if out_ and len(out_) <= (3 if focus_named else 2):  # a few named programs one by one; more in one line
        lines += [verdict_line(v, lang) for v in out_]  # the program, its status and the condition that decided it
    elif out_:
        lines.append(ruled_out_line(out_, lang))
    if open_:
        lines.append(_t(lang, "❓ 尚待确定：", "❓ Still open: ") + _t(lang, "、", ", ").join(short_name(v.program.id, lang) for v in open_))
    money = [(v, a) for v in fits + exc + steps for a in v.amounts]
    if money:
        lines.append(_t(lang, "资助与待遇：", "Funding and benefits:"))
        for v, a in money[:6]:
            lines.append(amount_line(a, lang, cite_text(Cite(a["doc"], a["article"], a["quote"], a.get("item", "")), lang)))
    if facts is not None and today is not None:
        lines += when_lines([v for v in vs if v.status != "ineligible" or only_steps_left(v)], facts, today, lang)
    todo = next_steps(vs, lang)
    if todo:
        lines.append(_t(lang, "下一步：", "Next steps:"))
        lines += [f"  {i}. {s}" for i, s in enumerate(todo, 1)]
    elif not fits and not exc and not steps and not blocked:
        lines.append(_t(lang, "目前没有符合的项目；说“我差什么”可看每个项目缺的条件。",
                        "Nothing fits yet; ask \"what would I need to change?\" to see what each program lacks."))
    return "\n".join(lines)


def what_to_change(vs: list[Verdict], lang: str, limit: int = 6) -> str:
    """Per program not yet a fit: the conditions that fail and what would meet them, each cited; the closest
    programs first (an exception or a step away, then those still open, then the rest)."""
    lines = [_t(lang, "要改变结论，需要：", "What would change the result:")]
    order = {"needs_exception": 0, "undetermined": 2, "ineligible": 3}
    vs = sorted(vs, key=lambda v: (1 if only_steps_left(v) else order.get(v.status, 4), len(failing_facts(v))))[:limit]
    for v in vs:
        if v.status == "eligible":
            continue
        ch = verdict_changes(v, lang)
        if not ch and v.status == "undetermined":
            missing = "、".join(label(f, lang) for f in v.missing[:4]) if lang == "zh" else ", ".join(label(f, lang) for f in v.missing[:4])
            ch = [{"text": _t(lang, f"还需告诉我：{missing}", f"tell me: {missing}"), "doc": v.program.doc, "article": ""}]
        if not ch:
            continue
        lines.append(f"• {short_name(v.program.id, lang)}（{status_text(v.status, lang)}）" if lang == "zh"
                     else f"• {short_name(v.program.id, lang)} ({status_text(v.status, lang)})")
        for c in ch[:3]:
            cite = f" — {citation(c['doc'], c['article'], '', lang)}" if c.get("article") else ""
            lines.append(f"  → {c['text']}{cite}")
    if len(lines) == 1:
        lines.append(_t(lang, "所关注的项目都已符合。", "Every program in focus already fits."))
    return "\n".join(lines)


def shifted(facts: dict, today: dt.date, years: int = 1) -> dict:
    """The profile a year on: older, longer abroad or back, the company older; commitments unchanged."""
    out = dict(facts)
    out["as_of"] = dt.date(today.year + years, today.month, min(today.day, 28)).isoformat()
    if "age" in out and "birth_year" not in out:
        out["age"] = out["age"] + years
    if facts.get("fulltime_in_china") is False:
        for f in ("overseas_months_after_phd", "overseas_work_months", "overseas_finance_months"):
            if f in out:
                out[f] = out[f] + 12 * years
        if "overseas_research_years" in out:
            out["overseas_research_years"] = round(out["overseas_research_years"] + years, 2)
    elif facts.get("fulltime_in_china") and "years_in_china" in out:
        out["years_in_china"] = round(out["years_in_china"] + years, 2)
    if "company_age_years" in out:
        out["company_age_years"] = round(out["company_age_years"] + years, 2)
    return out


def what_if(facts: dict, hypothesis: dict, programs: list[str], lang: str, said: str) -> tuple[str, list[dict]]:
    """The verdicts under a hypothesis on a copy of the profile, and what changes against today's."""
    now = {v.program.id: v for v in verdicts(Profile.model_validate(facts), programs)}
    then = verdicts(Profile.model_validate({**facts, **hypothesis}), programs)
    head = _t(lang, f"假设（{said}）——只是推演，您的资料未改动：", f"Supposing {said} (a what-if; your facts are unchanged):")
    lines = [head]
    moved = [v for v in then if v.status != now[v.program.id].status]
    better = [v for v in moved if v.status in ("eligible", "needs_exception")]
    rest = [v for v in moved if v not in better]
    if len(moved) > 6:  # the programs that would fit in full, the others in one line
        moved = better[:6]
        if rest:
            lines.append(_t(lang, f"另有{len(rest)}个项目的结论会变（多为“尚待确定”，还缺其他信息），发送“详细”查看。",
                            f"{len(rest)} other programs would change (mostly to undetermined: other facts are still missing); "
                            f"say \"details\" for each."))
            if not moved:
                return "\n".join(lines), [verdict_json(v, lang) for v in then]
    for v in moved:
        lines.append(f"• {short_name(v.program.id, lang)}：{status_text(now[v.program.id].status, lang)} → {status_text(v.status, lang)}"
                     if lang == "zh" else
                     f"• {short_name(v.program.id, lang)}: {status_text(now[v.program.id].status, lang)} → {status_text(v.status, lang)}")
        for c in verdict_changes(v, lang)[:1]:
            lines.append(f"  → {c['text']}")
    if not moved:
        lines.append(_t(lang, "所关注项目的结论都不变。", "None of the programs in focus would change."))
        close = [v for v in then if v.status in ("needs_exception", "undetermined") or only_steps_left(v)][:3]
        for v in close:
            for c in verdict_changes(v, lang)[:1]:
                lines.append(f"• {short_name(v.program.id, lang)}{_t(lang, '：', ': ')}{c['text']}")
    return "\n".join(lines[:16]), [verdict_json(v, lang) for v in then]


# -- conditions that time will change ------------------------------------------------------------------------

def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + y, m + 1, 1)


def when(v: Verdict, facts: dict, today: dt.date) -> list[dict]:
    """For each leaf condition time will change, the date it becomes met or stops being met (SPEC section 5):
    an age limit passed on a birthday, months abroad reached while one stays abroad, a company's age window,
    the time back in China."""
    from ..eligibility.report import walk

    out = []
    abroad_now = facts.get("fulltime_in_china") is False
    in_china_now = facts.get("fulltime_in_china") is True
    for o in walk(v.outcomes):
        c, val = o.cond, o.value
        if o.children or c.fact is None or c.op is None:
            continue
        date, becomes = None, None
        if c.fact == "age" and c.op in ("<=", "<") and isinstance(c.value, (int, float)):
            limit = int(c.value) + (1 if c.op == "<=" else 0)  # the age at which the limit is passed
            by, bm = facts.get("birth_year"), facts.get("birth_month")
            if by and bm:
                date = dt.date(by + limit, bm, 1)
            elif facts.get("age") is not None and facts["age"] == limit - 1:
                date = None  # one birthday away, month unknown: said without a date below
                out.append({"id": c.id, "fact": c.fact, "when": None, "becomes": "failed", "doc": c.doc, "article": c.article,
                            "text_zh": f"下次生日后满{limit}岁，{c.zh}将不再满足", "text_en": f"after your next birthday you turn {limit}: "
                            f"{c.en[:1].lower() + c.en[1:]} will no longer hold"})
                continue
            becomes = "failed"
        elif c.fact in ("overseas_months_after_phd", "overseas_work_months", "overseas_finance_months") and c.op in (">=", ">") \
                and abroad_now and isinstance(val, (int, float)) and val < c.value:
            date, becomes = _add_months(today, int(c.value - val) + (1 if c.op == ">" else 0)), "met"
        elif c.fact == "overseas_research_years" and c.op in (">=", ">") and abroad_now and isinstance(val, (int, float)) and val < c.value:
            date, becomes = _add_months(today, int(round((c.value - val) * 12))), "met"
        elif c.fact == "years_in_china" and c.op in ("<=", "<") and in_china_now and isinstance(val, (int, float)) and val <= c.value:
            date, becomes = _add_months(today, int(round((c.value - val) * 12)) + 1), "failed"
        elif c.fact == "company_age_years" and c.op == "between" and isinstance(val, (int, float)):
            lo, hi = c.value
            if val < lo:
                date, becomes = _add_months(today, int(round((lo - val) * 12))), "met"
            elif val <= hi:
                date, becomes = _add_months(today, int(round((hi - val) * 12)) + 1), "failed"
        if date is None or date <= today or (date - today).days > 5 * 366:
            continue
        verb_zh = "起满足" if becomes == "met" else "起不再满足"
        verb_en = "from then on it holds" if becomes == "met" else "after that it no longer holds"
        out.append({"id": c.id, "fact": c.fact, "when": date.isoformat(), "becomes": becomes, "doc": c.doc, "article": c.article,
                    "text_zh": f"{date.isoformat()}{verb_zh}：{c.zh}", "text_en": f"{c.en} — {verb_en} on {date.isoformat()}"})
    return out


def when_lines(vs: list[Verdict], facts: dict, today: dt.date, lang: str, limit: int = 4) -> list[str]:
    seen, lines = set(), []
    for v in vs:
        for w in when(v, facts, today):
            key = (w["id"], w["when"])
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"⏳ {short_name(v.program.id, lang)}{_t(lang, '：', ': ')}{w['text_' + lang]}"
                         f"（{w['article']}）" if lang == "zh" else
                         f"⏳ {short_name(v.program.id, lang)}: {w['text_en']} ({w['article']})")
    return lines[:limit]


def ranking(vs: list[Verdict], lang: str, limit: int = 5) -> str:
    """The programs by how close they are: fits, a step away, an exception away, still open (fewest unknowns
    first); each with its reason. The ruled-out ones in one line."""
    def rank(v):
        if v.status == "eligible":
            return (0, 0, 0)
        if only_steps_left(v):
            return (1, len(failing_facts(v)), 0)
        if v.status == "needs_exception":
            return (2, len(failing_facts(v)), 0)
        if v.status == "undetermined" or step_blocked(v):
            # more conditions already met first: a researcher's work programs before a startup's, which
            # only has fewer questions left because its conditions are reviews
            from ..eligibility.engine import MET
            return (3, -sum(o.status == MET for o in v.outcomes), len(open_facts(v)))
        return (9, 0, 0)
    close = sorted((v for v in vs if rank(v)[0] < 9), key=rank)[:limit]
    lines = [_t(lang, "按接近程度排列：", "Closest first:")]
    for i, v in enumerate(close, 1):
        r = rank(v)[0]
        if r == 0:
            why = _t(lang, "符合", "fits")
        elif r == 1:
            why = _t(lang, "完成一步即符合：", "fits once you: ") + "; ".join(step_lines(v, lang))
        elif r == 2:
            ch = verdict_changes(v, lang)
            why = _t(lang, "需破格：", "needs an exception: ") + (ch[0]["text"] if ch else "")
        else:
            sep = "、" if lang == "zh" else ", "
            why = _t(lang, "还需了解：", "still to know: ") + sep.join(label(f, lang) for f in open_facts(v)[:3])
            if step_blocked(v):
                why += _t(lang, "；还需完成：", "; then: ") + "; ".join(step_lines(v, lang))
        lines.append(f"{i}. {short_name(v.program.id, lang)} — {why}")
    out = [v for v in vs if rank(v)[0] == 9]
    if out:
        lines.append(ruled_out_line(out, lang))
    return "\n".join(lines)
