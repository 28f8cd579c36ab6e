"""One conversation turn, step by step: command, understanding, facts, verdicts, next question."""
from __future__ import annotations

import re

from pydantic import ValidationError

from corpus import citation, citation_en

from ..eligibility.engine import Verdict, verdicts
from ..eligibility.facts import label, options, question
from ..eligibility.profile import Profile, assessment_date, describe
from ..eligibility.report import (
    cite_text,
    short_name,
    show_value,
    verdict_block,
    verdict_json,
    verdict_line,
    verdict_text,
)
from ..eligibility.rules import rulebook
from ..understand.career import lower_title_in_passing
from ..understand.extract import extract, search_story_cue, story, weigh_other_shares
from ..understand.person import DEG_RANK
from ..understand.intent import (
    ADD_RE,
    CHANGE_RE,
    APPLY_RE,
    FIT_RE,
    NEXT_YEAR_RE,
    STOP_RE,
    STOP_TOPICS,
    SUMMARY_RE,
    DETAILS_RE,
    GREETING_RE,
    INTENT_RE,
    PROCEDURE_RE,
    SELF_RE,
    WHY_RE,
    is_question,
)
from ..understand.text import normalize
from . import messages as M
from . import wrapup
from .focus import individual_programs, named_programs
from .reply import Reply
from .store import Session

MAX_ATTEMPTS = 2


# any of the steering requests, in one pattern (most turns have none)
STEER_CUE = re.compile("|".join(p.pattern for p in (STOP_RE, FIT_RE, CHANGE_RE, SUMMARY_RE, NEXT_YEAR_RE, APPLY_RE)), re.I)
# a correction that names no fact: "sorry, I meant 42", "I said NO", "不对，是42", "我说的是没有"
BARE_FIX = re.compile(r"^\s*(?:sorry|no wait|wait|oops|actually|correction|i meant|i said|不对|说错了|我说错了|更正|其实|我说的是|打错了|是)"
                      r"|(?<![a-z])(?:i meant|i said|i mean)(?![a-z])")
# "把X改成Y" / "change my X to Y" where X is a fact's label as /profile shows it
CHANGE_TO = re.compile(r"^\s*(?:请|麻烦)?(?:把|将)\s*(?P<label>[^，,。]{2,30}?)\s*(?:改成|改为|换成|更正为|修改为)\s*(?P<value>[^，,。]{1,30}?)\s*[。.!！]?\s*$"
                       r"|^\s*(?:please\s+)?(?:change|set|update|correct)\s+(?:my\s+|the\s+)?(?P<label_en>[a-z][a-z ()'-]{1,50}?)\s+to\s+"
                       r"(?P<value_en>[^,.;]{1,30}?)\s*[.!]?\s*$", re.I)
HYPO_MARK = re.compile(r"^\s*(?:what if|suppose|supposing|assuming|hypothetically|imagine|if|如果|假如|要是|假设|万一|若是|倘若|假使)\s*")


class Turn:
    def __init__(self, session: Session, text: str, history=None):
        self.s = session
        self.text = text
        self.lang = session.lang
        self._history = history  # the user's earlier messages, or a function that reads them when needed
        self.fixing = False  # this turn only corrected what was known: the pending question still stands
        self.quote: str | None = None  # the Chinese original quoted in an English answer (Telegram folds it)
        self.answered: str | None = None  # the pending question this message answered
        self._vs = None  # (facts and focus, their verdicts): see verdicts()

    @property
    def history(self) -> list[str]:
        if callable(self._history):
            self._history = self._history()
        return self._history or []

    # -- helpers ------------------------------------------------------------
    def profile(self) -> Profile:
        try:
            return Profile.model_validate(self.s.facts)
        except ValidationError:
            # a stored value that no longer validates (the model changed): drop the bad fields, keep the rest
            good = {}
            for k, v in self.s.facts.items():
                try:
                    Profile.model_validate({**good, k: v})
                    good[k] = v
                except ValidationError:
                    pass
            self.s.facts = good
            return Profile.model_validate(good)

    def focus(self) -> list[str]:
        focus = self.s.focus or individual_programs()
        # a program the user has already been selected into is not one they apply for
        selected = set(self.s.facts.get("selected_programs") or [])
        return [p for p in focus if p not in selected] or focus

    def verdicts(self) -> list[Verdict]:
        """The verdicts of the programs in focus; computed once per state of the facts and focus in a turn (a
        turn asks for them several times: the reply, the next question, the side answer)."""
        focus = self.focus()
        key = (repr(sorted(self.s.facts.items())), tuple(focus))
        if self._vs is None or self._vs[0] != key:
            self._vs = (key, verdicts(self.profile(), focus))
        return self._vs[1]

    def reply(self, text: str, kind: str = "info", vs: list[Verdict] | None = None, asking: str | None = None) -> Reply:
        if vs is None:
            vs = self.verdicts()
        today = self.profile().today() if kind in ("verdict", "summary") else None
        return Reply(text=text, lang=self.lang, asking=asking, options=options(asking, self.lang) if asking else [],
                     facts=dict(self.s.facts), kind=kind, quote=self.quote if self.quote and self.quote in text else None,
                     # the dated conditions and next steps ride on the replies that conclude, not on every question
                     verdicts=[self.verdict_out(v, today) if kind in ("verdict", "summary") else verdict_json(v, self.lang)
                               for v in vs])

    def verdict_out(self, v: Verdict, today) -> dict:
        """SPEC section 5, with the dialogue's additions: `next_steps` and, on a condition time will change, `when`."""
        js = verdict_json(v, self.lang)
        dated = {w["id"]: w for w in wrapup.when(v, self.s.facts, today)}
        if dated:
            def mark(conds):
                for c in conds:
                    if c.get("id") in dated:
                        c["when"] = dated[c["id"]]["when"]
                    mark(c.get("any_of", []) + c.get("all_of", []))
            mark(js["conditions"])
        steps = wrapup.next_steps([v], self.lang)
        if steps:
            js["next_steps"] = steps
        return js

    # -- the turn -------------------------------------------------------------
    def run(self) -> Reply:
        self.s.turn_count += 1  # the number of this turn, for each fact's provenance
        text = self.text
        if not text:
            return self.reask(M.t(self.lang, "empty"))
        if text.startswith("/"):
            return self.command(text)
        if GREETING_RE.match(text):
            return self.with_pending(M.t(self.lang, "welcome"))
        if DETAILS_RE.match(text):
            return self.details()
        if WHY_RE.match(text):
            return self.why()
        m = CHANGE_TO.match(text)
        if m:  # "把承诺全职在国内工作年限改成0", "change my highest degree to master": a fact named by its label
            f, rest = self.fact_by_label((m.group("label") or m.group("label_en")).strip())
            if f in Profile.model_fields and f != "as_of" and not rest:
                return self.edit(f"{f} {(m.group('value') or m.group('value_en')).strip()}")

        ex = extract(text, asking=self.s.asking, today=assessment_date(), proxy=self.s.proxy)
        self.s.proxy = ex.proxy  # once someone speaks for the applicant, "他/she" stays the applicant
        named = named_programs(text)
        intent = bool(INTENT_RE.search(text)) and not (PROCEDURE_RE.search(text) and not SELF_RE.search(text))
        if ex.correction and self.s.asking in ex.facts and set(ex.facts) - {self.s.asking}:
            # "不对，我是86年的" corrects an earlier answer; its 不 is not a no to the pending question
            del ex.facts[self.s.asking]
        # a question about the rules ("外国专家的配偶能办居留证件吗？") states nothing: the understanding
        # reads each clause and keeps only what describes the asker ("博后 德国马普 34岁 还没回国 想咨询下青千")
        org_facts = [f for f in ex.facts if f.startswith("org_")]
        if not named and not self.s.focus and org_facts and len(org_facts) * 2 > len(ex.facts):
            named = [p for p in rulebook().programs if p.startswith("haizhi.")]  # an institution speaking
        focus_now = named or self.s.focus
        institution = bool(focus_now) and all(p.startswith("haizhi.") for p in focus_now)
        # "a Chinese-American scientists' association" describes the institution, not a person's
        # nationality; "一家芯片企业" in a person's story is not a park's resident enterprises
        ex.facts = {f: v for f, v in ex.facts.items() if f.startswith("org_") == institution}
        if not ex.facts or (BARE_FIX.match(text.lower()) and set(ex.facts) <= {self.s.asking}):
            # "I said NO", "sorry, I meant 42": about what was recorded last turn, not the pending question
            fixed = self.bare_correction(text)
            if fixed:
                self.fixing = True
                notes: list[str] = []
                before = self.snapshot()
                changed = self.apply(fixed, notes, {f: (text[:120], "stated") for f in fixed}, {}, True)
                if changed:
                    self.s.undo = self.undo_record(before, changed)
                return self.progress(notes, changed)
        # "I own 35%" earlier, "the VC fund owns 40%" now: the applicant is not the largest shareholder
        weigh_other_shares(ex, self.s.facts, text)
        notes: list[str] = []
        before = self.snapshot()
        # a known fact is asked again only after /edit: the answer to it is a correction
        editing = bool(self.s.asking and self.s.asking in self.s.facts and self.s.asking in ex.facts)
        known_before = set(self.s.facts)
        changed = self.apply(ex.facts, notes, ex.provenance, ex.roles, ex.correction or editing)
        self.fixing = bool(changed) and set(changed) <= known_before
        if ex.correction and changed:
            changed += self.follow(before, changed, notes)
        if self.s.turn_count > 1 and search_story_cue(text) and self.history:
            # "Before that I did my PhD at Columbia, graduated in 2017" completes the career told before it
            told = story(self.history[-6:] + [text], assessment_date(), ex.correction)
            told = {f: d for f, d in told.items() if self.s.facts.get(f) != d[0] and ex.facts.get(f, d[0]) == ex.facts.get(f)
                    and not (ex.correction and f in ex.facts)}  # a correction's own value stands against the older story
            if told:
                changed += self.apply({f: d[0] for f, d in told.items()}, notes, {f: (d[1], "derived") for f, d in told.items()}, {},
                                      ex.correction)
        if changed:
            self.s.undo = self.undo_record(before, changed)  # /undo takes back exactly this turn's facts
        for f in ex.declined:
            if f not in self.s.declined:
                self.s.declined.append(f)
                notes.append(M.t(self.lang, "declined", label=label(f, self.lang)))
        steer = self.steer(text, ex, notes)
        if steer is not None:
            return steer
        answered = bool(self.s.asking and (self.s.asking in ex.facts or self.s.asking in ex.declined))
        if answered:
            self.s.attempts.pop(self.s.asking, None)
            self.answered = self.s.asking  # a side question in the same message must not re-ask it

        gave_facts = bool(ex.facts or ex.declined)
        # a program named inside an answer ("海聚工程外专长期项目" for "which programs are you in?")
        # is the answer, not a new focus
        names_selected = set(named) <= set(ex.facts.get("selected_programs") or [])
        # a question that tells about the asker before any interview ("我是外国专家，年薪80万，补助能拿多少？")
        # starts one; in the middle of an interview a question is a side question
        about_me = gave_facts and not self.s.asking
        focus_before = list(self.s.focus)
        if named and not answered and not names_selected and (intent or not ex.is_question or about_me):
            # "also check the Haiju youth project": added to the programs in focus; otherwise the named ones are the focus
            self.s.focus = list(dict.fromkeys(self.s.focus + named)) if self.s.focus and ADD_RE.search(text) else named
        elif named and self.s.focus and ADD_RE.search(text) and not names_selected:
            self.s.focus = list(dict.fromkeys(self.s.focus + named))
        if named and self.s.focus != focus_before and not gave_facts and not ex.is_question:
            # a program named on its own ("also check the Haiju youth project") is a request to assess it now
            self.s.interviewing = True
            names = ("、" if self.lang == "zh" else ", ").join(short_name(p, self.lang) for p in named[:4])
            return self.progress([M.t(self.lang, "focus", names=names)] + notes, [])
        if ex.is_question and not intent:
            if not about_me:
                # a question about the rules, even with a fact in it ("can I bring my spouse if I am a
                # foreign expert?"): answer it from the corpus, keep what it said, resume the interview
                return self.side_question(notes)
            answer = self.clause_answer()  # answer the question, then start the interview
            if answer:
                notes.append(answer)
        if gave_facts or (named and intent) or intent and not ex.is_question:
            self.s.interviewing = True
            return self.progress(notes, changed)
        if self.s.interviewing and self.s.asking:
            return self.not_understood(notes)
        return self.side_question(notes)

    def keeps(self, f: str, value, role: str, correction: bool) -> bool:
        """What the applicant said before stands against a later remark that is about something else: the employer
        being joined against the one worked for now, the current post against a past one or a visit, the highest
        degree against a lower one. A correction ("不对", "actually") always replaces."""
        if f not in self.s.facts:
            return False
        if correction and f == "overseas_title" and lower_title_in_passing(self.text, value, self.s.facts[f]):
            return True  # "my postdoc appointment started January 2024, not June 2023": a date fixed, not the post
        if correction:
            return False
        before = (self.s.provenance.get(f) or {}).get("as", "")
        if f in ("employer_type", "employer_region"):
            return role != "target" and before == "target"  # "my Ningbo employer is fine" is not the one joined
        if f == "overseas_title":
            return role in ("past", "side")
        if f == "degree":
            return DEG_RANK.get(value, 0) < DEG_RANK.get(self.s.facts[f], 0)
        return False

    def follow(self, before: tuple[dict, dict], changed: list[str], notes: list[str]) -> list[str]:
        """A corrected date moves every duration worked out from the same words: "2019年回国创办了公司" gave both
        the time back in China and the company's age, so "不对，我是2021年回国的" corrects both."""
        facts0, prov0 = before
        moved = {}
        for f in changed:
            p = prov0.get(f) or {}
            if p.get("how") != "derived" or not p.get("said") or f not in facts0:
                continue
            for g, pg in prov0.items():
                if g not in changed and g not in moved and (pg or {}).get("how") == "derived" \
                        and pg.get("said") == p["said"] and facts0.get(g) == facts0[f] and g in self.s.facts:
                    moved[g] = f
        if not moved:
            return []
        return self.apply({g: self.s.facts[f] for g, f in moved.items()}, notes,
                          {g: ((self.s.provenance.get(f) or {}).get("said", ""), "derived") for g, f in moved.items()}, {}, True)

    def snapshot(self) -> tuple[dict, dict]:
        return dict(self.s.facts), dict(self.s.provenance)

    @staticmethod
    def undo_record(before: tuple[dict, dict], changed: list[str]) -> dict:
        """Only what the turn changed, with the values before it: fact -> [value, provenance] (None = unset)."""
        facts, prov = before
        return {f: [facts.get(f), prov.get(f)] for f in dict.fromkeys(changed)}

    def fit(self, head: str) -> Reply:
        """"Which program fits me?": the programs closest to a fit first, each with why, then the question that
        splits the rest."""
        vs = self.verdicts()
        body = wrapup.ranking(vs, self.lang)
        fact, n = self.split_question(vs)
        parts = [p for p in (head, body) if p]
        if fact:
            self.s.asking = fact
            self.s.attempts[fact] = self.s.attempts.get(fact, 0) + 1
            why = M.t(self.lang, "splits", n=n) if n > 1 else self.reason(fact, vs)
            parts.append((why + (" " if self.lang == "en" else "") + question(fact, self.lang)).strip())
            return self.reply("\n".join(parts), "question", vs, asking=fact)
        return self.reply("\n".join(parts), "summary", vs)

    def apply_answer(self, head: str, named: list[str]) -> Reply | None:
        """"去哪报？" / "where would they submit it?": the channels and procedure of the programs named, else of the
        programs in focus still open (at most four), each step with its clause; None when none has steps on file."""
        vs = self.verdicts()
        if named:
            vs = verdicts(self.profile(), named)
        else:
            open_ = [v for v in vs if v.status != "ineligible" or wrapup.only_steps_left(v)]
            vs = (open_ or vs)[:4]
        lines = wrapup.how_to_apply(vs, self.lang)
        if not lines:
            return None
        names = ("、" if self.lang == "zh" else ", ").join(short_name(v.program.id, self.lang) for v in vs)
        body = M.t(self.lang, "how_to_apply", names=names) + "\n" + "\n".join(f"• {l}" for l in lines)
        from retrieval.answer import aspect_label, asked_aspects
        for a in asked_aspects(self.text):  # "什么时候截止？": the steps say nothing of it, and neither do the sources
            body += "\n" + M.t(self.lang, "sources_silent_short", what=aspect_label(a, self.lang))
        return self.with_pending((head + "\n" if head else "") + body)

    def split_question(self, vs: list[Verdict]) -> tuple[str | None, int]:
        """For "which program fits me?": the missing fact that the most open programs wait on (their decisive
        conditions first among equals), so each answer splits the field; with how many it decides for."""
        count: dict[str, float] = {}
        for v in vs:
            # a step the applicant can still take (sign, commit) is the same for every program: it splits nothing
            open_facts = [f for f in self.askable(v) if f not in wrapup.STEPS]
            for pos, f in enumerate(open_facts):
                count[f] = count.get(f, 0.0) + 1.0 + 0.01 / (1 + pos)
        if not count:
            fact = self.next_question(vs)
            return fact, 1
        best = max(count, key=count.get)
        return best, int(count[best])

    def bare_correction(self, text: str) -> dict:
        """"Sorry, I meant 42", "不对，是42", "I said NO": a new value for a fact recorded in the last turn (the one
        the user means: of the kind the value can be, closest to the old value), not for the pending question."""
        low = text.lower()
        recent = [f for f, p in self.s.provenance.items() if p.get("turn") == self.s.turn_count - 1 and f in self.s.facts]
        if not BARE_FIX.search(low):
            return {}
        num = re.search(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(?![\d.])", low)
        if num:
            v = float(num.group(1))
            numeric = []
            for back in (1, 2, 3):  # the latest turn that recorded a number: "sorry, I meant 42" two turns on
                numeric = [f for f, p in self.s.provenance.items() if p.get("turn") == self.s.turn_count - back
                           and isinstance(self.s.facts.get(f), (int, float)) and not isinstance(self.s.facts.get(f), bool)]
                if numeric:
                    break
            if numeric:
                f = min(numeric, key=lambda f: abs(self.s.facts[f] - v) / max(abs(self.s.facts[f]), 1))
                return {f: int(v) if v.is_integer() else v}
        said_no = re.search(r"(?<![a-z])no(?![a-z])|没有|不是|否", low)
        said_yes = re.search(r"(?<![a-z])yes(?![a-z])|是的|有的|(?<!不)是(?!不)", low)
        flags = [f for f in recent if isinstance(self.s.facts[f], bool)]
        def mentioned(f):  # "I said NO, I fulfilled it" names the sponsorship fact by a word of its label
            words = re.findall(r"[a-z]{5,}", (label(f, "en") + " " + f.replace("_", " ")).lower())
            return any(w in low or (len(w) > 6 and w[2:8] in low) for w in words) or any(
                label(f, "zh")[i:i + 2] in low for i in range(len(label(f, "zh")) - 1))
        named = [f for f in flags if mentioned(f)] or flags
        if said_no and not said_yes:
            hit = [f for f in named if self.s.facts[f] is True]
            if len(hit) == 1:
                return {hit[0]: False}
        if said_yes and not said_no:
            hit = [f for f in named if self.s.facts[f] is False]
            if len(hit) == 1:
                return {hit[0]: True}
        return {}

    # -- steering: what-ifs, what would change it, the wrap-up ------------------------------------------
    def steer(self, text: str, ex, notes: list[str]) -> Reply | None:
        """A what-if is answered on a copy of the profile; "我差什么" lists what would change each verdict;
        "总结" / "what now" gives the wrap-up. The facts the message also stated are already applied."""
        head = "\n".join(notes)
        if not (ex.what_ifs or STEER_CUE.search(text)):
            return None  # nothing to steer: the common case, decided with one search
        programs = self.focus()
        stop = STOP_RE.search(text)
        if stop:
            # "stop asking about startups", "别再问创业的事了": those programs leave the focus, and their questions with
            # them. The topic is in the sentence of the request: "不是第一大股东，别再问了。明年还能报创业项目吗？" names none
            ends = [m.start() for m in re.finditer(r"[。！!？?；;\n]|\.(?:\s|$)", text)]
            s0 = max([e + 1 for e in ends if e < stop.start()], default=0)
            s1 = min([e for e in ends if e >= stop.end()], default=len(text))
            topics = [t for t, rx in STOP_TOPICS.items() if re.search(rx, text[s0:s1], re.I)]
            parts = [x for t in topics for x in ((t, "startup") if t == "entrepreneur" else (t,))]
            keep = [p for p in programs if not any(x in p for x in parts)]
            if topics and keep and len(keep) < len(programs):
                self.s.focus = keep
                if self.s.asking and not any(self.s.asking in v.missing for v in self.verdicts()):
                    self.s.asking = None
                gone = len(programs) - len(keep)
                notes.append(M.t(self.lang, "focus_dropped", n=gone))
                return self.progress(notes, [])
            if not topics and not ex.facts and self.s.asking and self.s.asking not in self.s.facts:
                # "别再问了" / "stop asking that": that question, not the programs behind it
                self.s.declined.append(self.s.asking)
                notes.append(M.t(self.lang, "declined", label=label(self.s.asking, self.lang)))
                self.s.asking = None
        if FIT_RE.search(text):
            return self.fit(head)
        if APPLY_RE.search(text) and not ex.what_ifs:
            applied = self.apply_answer(head, named_programs(text))
            if applied is not None:
                return applied
        if CHANGE_RE.search(text):
            return self.reply((head + "\n" if head else "") + wrapup.what_to_change(self.verdicts(), self.lang), "answer")
        hypothesis, said = {}, []
        for w in (ex.what_ifs[:3] if len(text) <= 800 else []):  # a few suppositions in a question, not a pasted page
            core = HYPO_MARK.sub(" ", w[:200]).strip()
            hx = extract(core, today=assessment_date())
            hypothesis.update({f: v for f, v in hx.facts.items() if f in Profile.model_fields})
            said.append(w)
        # "明年再申请呢？", "不是第一大股东。明年下半年再报还行吗？": a question about next year, even after a fact
        next_year = NEXT_YEAR_RE.search(" ".join(ex.what_ifs) + " " + text) and (ex.what_ifs or ex.is_question)
        if next_year and not hypothesis.keys() - {"has_contract"}:  # "明年再申请呢？": the profile a year on
            hypothesis = {**wrapup.shifted(self.s.facts, assessment_date()), **hypothesis}
        if next_year and not said:  # the sentence that asks it, not the whole message
            m = NEXT_YEAR_RE.search(text)
            if m:
                s0 = max(text.rfind(c, 0, m.start()) for c in "。！!？?；;\n.")
                s1 = min([i for i in (text.find(c, m.end()) for c in "。！!？?；;\n") if i >= 0], default=len(text))
                said = [text[s0 + 1:s1 + 1].strip()[:80]]
            else:
                said = [text.strip()[:60]]
        if hypothesis:
            try:
                body, js = wrapup.what_if(self.s.facts, hypothesis, programs, self.lang, "; ".join(said)[:120])
            except ValidationError as err:
                return self.reply(M.t(self.lang, "refused", label="", value="", why=describe(err)), "error")
            reply = self.reply((head + "\n" if head else "") + body, "what_if")
            reply.what_if = js
            if self.s.asking:
                reply.text += "\n\n" + M.t(self.lang, "back_to_question") + ("" if self.lang == "zh" else " ") + question(self.s.asking, self.lang)
                reply.asking = self.s.asking
            return reply
        if SUMMARY_RE.search(text) and not ex.facts:
            self.s.interviewing = False
            return self.reply((head + "\n" if head else "") + wrapup.summary(self.verdicts(), self.lang, bool(self.s.focus),
                                                                             self.s.facts, self.profile().today()), "summary")
        return None

    def apply(self, facts: dict, notes: list[str], provenance: dict | None = None, roles: dict | None = None,
              correction: bool = False) -> list[str]:
        """Validate each new value against the profile; refuse implausible ones, keep the old value. Each value
        kept records the words that set it and how (SPEC section 3: provenance)."""
        noted, corrected, changed = [], [], []
        for f, value in facts.items():
            if f not in Profile.model_fields or f == "as_of":
                continue
            if (provenance or {}).get(f, (None, "stated"))[1] == "assumed" and f in self.s.facts:
                continue  # "三十多岁" does not replace the 36 said before
            role = (roles or {}).get(f, "")
            if self.keeps(f, value, role, correction):
                continue
            candidate = {**self.s.facts, f: value}
            if f == "age":
                candidate.pop("birth_year", None), candidate.pop("birth_month", None)
            if f == "birth_year":
                candidate.pop("age", None)
            try:
                Profile.model_validate(candidate)
            except ValidationError as err:
                notes.append(M.t(self.lang, "refused", label=label(f, self.lang), value=value, why=describe(err)))
                continue
            old = self.s.facts.get(f)
            self.s.facts = Profile.model_validate(candidate).known()
            if f in self.s.declined:
                self.s.declined.remove(f)
            said, how = (provenance or {}).get(f, (None, "stated"))
            self.s.provenance[f] = {"said": (said or "")[:160], "how": how, "turn": self.s.turn_count}
            if role:
                self.s.provenance[f]["as"] = role
            # "age: 36, already working full-time in China: No" (English labels run on into a Yes/No without it)
            item = f"{label(f, self.lang)}{' ' if self.lang == 'zh' else ': '}{show_value(f, self.s.facts.get(f), self.lang)}"
            if said and "≈" in said:
                item += f"（{said}）" if self.lang == "zh" else f" ({said})"  # a converted amount says its rate
            if old is not None and old != self.s.facts.get(f):
                # old → new, so the user sees what moved
                corrected.append(f"{label(f, self.lang)} {show_value(f, old, self.lang)} → {show_value(f, self.s.facts.get(f), self.lang)}")
            elif old != self.s.facts.get(f):
                noted.append(item)
            changed.append(f)
        sep = "、" if self.lang == "zh" else ", "
        if noted:
            notes.insert(0, M.t(self.lang, "noted", items=sep.join(noted)))
        if corrected:
            notes.insert(0, M.t(self.lang, "corrected", items=sep.join(corrected)))
        return changed

    # -- interview ----------------------------------------------------------------
    def next_question(self, vs: list[Verdict]) -> str | None:
        """The missing fact that can change the most verdicts in focus; among equals,
        the one that comes earliest in the programs' own order (their decisive conditions first)."""
        scores: dict[str, float] = {}
        for v in vs:
            open_facts = self.askable(v)
            for pos, f in enumerate(open_facts):
                # a program close to its verdict weighs more (1/len): finishing one
                # program beats nibbling at many; earlier facts are the decisive ones
                scores[f] = scores.get(f, 0.0) + 1.0 / len(open_facts) + 0.01 / (1 + pos)
        if not scores:
            return None
        return max(scores, key=scores.get)

    def askable(self, v: Verdict) -> list[str]:
        """The facts a program still waits on that may be asked now, decisive first. A program failing only on a
        step still to take (no contract yet) is open too. A fact is asked once: one asked before and left
        unanswered (the user told something else) is not asked again; it stays open in the summary, and the user
        can still say it or /edit it."""
        return [f for f in wrapup.open_facts(v) if f not in self.s.declined
                and (f not in self.s.attempts or (self.fixing and f == self.s.asking))]

    def reason(self, fact: str, vs: list[Verdict]) -> str:
        for v in vs:
            if fact not in wrapup.open_facts(v):
                continue
            cond = self.unknown_condition(v, fact)
            if cond is not None:
                return M.t(self.lang, "why_prefix", program=short_name(v.program.id, self.lang),
                           cond=cond.zh if self.lang == "zh" else cond.en[:1].lower() + cond.en[1:],
                           cite=cond.article + (cond.item if cond.item.startswith("（") else ""))
        return ""

    @staticmethod
    def unknown_condition(v: Verdict, fact: str):
        from ..eligibility.engine import UNKNOWN

        def walk(o):
            if o.status != UNKNOWN:
                return None
            if o.cond.fact == fact or (fact == "birth_month" and o.cond.fact == "age"):
                return o.cond
            for k in o.children:
                found = walk(k)
                if found is not None:
                    return found
            return None

        for o in v.outcomes:
            found = walk(o)
            if found is not None:
                return found
        return None

    def progress(self, notes: list[str], changed: list[str]) -> Reply:
        vs = self.verdicts()
        fact = self.next_question(vs)
        parts = list(notes)
        if fact:
            # a program failing only on a step still to take is not decided yet: it is shown in the summary
            decided = [v for v in vs if v.status != "undetermined" and not wrapup.step_blocked(v)
                       and any(c in v_facts(v) for c in changed)]
            walls = [v for v in decided if v.status == "ineligible" and not wrapup.step_blocked(v)]
            if self.s.focus or len(walls) <= 2:
                walls = []  # the programs the user named are shown one by one
            for v in decided:
                if v not in walls:
                    parts.append(self.verdict_line(v))
            if walls:
                parts.append(wrapup.ruled_out_line(walls, self.lang))
            self.s.asking = fact
            self.s.attempts[fact] = self.s.attempts.get(fact, 0) + 1
            parts.append((self.reason(fact, vs) + (" " if self.lang == "en" else "") + question(fact, self.lang)).strip())
            return self.reply("\n".join(parts), "question", vs, asking=fact)
        self.s.asking = None
        self.s.interviewing = False
        parts.append(self.verdict_message(vs))
        return self.reply("\n".join(p for p in parts if p), "verdict", vs)

    def not_understood(self, notes: list[str]) -> Reply:
        fact = self.s.asking
        if self.s.attempts.get(fact, 0) >= MAX_ATTEMPTS:
            # asked twice without an answer we understand: move on rather than loop
            self.s.declined.append(fact)
            self.s.attempts.pop(fact, None)
            sep = "" if self.lang == "zh" else " "
            return self.progress(notes + [M.t(self.lang, "not_understood") + sep + M.t(self.lang, "skip_after_tries")], [])
        self.s.attempts[fact] = self.s.attempts.get(fact, 0) + 1
        opts = options(fact, self.lang)
        hint = (" / ".join(l for _, l in opts)) if opts else ""
        sep = "" if self.lang == "zh" else " "
        hint = (f"（{hint}）" if self.lang == "zh" else f" ({hint})") if hint else ""
        text = "\n".join(notes + [M.t(self.lang, "not_understood") + sep + question(fact, self.lang) + hint])
        return self.reply(text, "question", asking=fact)

    def reask(self, head: str) -> Reply:
        if self.s.asking:
            return self.reply(f"{head}\n{question(self.s.asking, self.lang)}", "question", asking=self.s.asking)
        return self.reply(head)

    # -- verdict texts --------------------------------------------------------------
    def verdict_line(self, v: Verdict) -> str:
        return verdict_line(v, self.lang)

    def verdict_message(self, vs: list[Verdict]) -> str:
        lines = [M.t(self.lang, "verdict_head")]
        walls = [v for v in vs if v.status == "ineligible" and not wrapup.step_blocked(v)]
        if self.s.focus or len(walls) <= 2 or len(walls) == len(vs):
            walls = []  # named programs, or nothing else to show: each one in full
        for v in vs:
            if v in walls:
                continue
            lines.append("")
            lines += verdict_block(v, self.lang, lambda f: label(f, self.lang))
            if wrapup.only_steps_left(v):
                lines.append(("  → 这是尚可完成的一步：" if self.lang == "zh" else "  → a step you can still take: ")
                             + "; ".join(wrapup.step_lines(v, self.lang)))
        if walls:
            lines += ["", wrapup.ruled_out_line(walls, self.lang)]
        dated = wrapup.when_lines([v for v in vs if v not in walls], self.s.facts, self.profile().today(), self.lang)
        if dated:
            lines += [""] + dated
        steps = wrapup.next_steps(vs, self.lang)
        if steps:
            lines += ["", M.t(self.lang, "next_steps_head")] + [f"  {i}. {s}" for i, s in enumerate(steps[:4], 1)]
        lines.append("")
        lines.append(M.t(self.lang, "details_hint"))
        return "\n".join(lines)

    def details(self) -> Reply:
        vs = self.verdicts()
        text = "\n\n".join(verdict_text(v, self.lang, facts_label=lambda f: label(f, self.lang)) for v in vs)
        return self.with_pending(text, vs)

    def with_pending(self, text: str, vs=None) -> Reply:
        if self.s.asking:
            text += "\n\n" + M.t(self.lang, "back_to_question") + ("" if self.lang == "zh" else " ") + question(self.s.asking, self.lang)
            return self.reply(text, "answer", vs, asking=self.s.asking)
        return self.reply(text, "answer", vs)

    def why(self) -> Reply:
        fact = self.s.asking
        if not fact:
            return self.reply(M.t(self.lang, "why_none"))
        from retrieval import find

        vs = self.verdicts()
        lines = [M.t(self.lang, "why_full", label=label(fact, self.lang))]
        seen = set()
        for v in vs:
            cond = self.unknown_condition(v, fact)
            if cond is None:
                continue
            lines.append(f"• {short_name(v.program.id, self.lang)}：{cond.zh if self.lang == 'zh' else cond.en} — "
                         f"{cite_text(cond.cite, self.lang)}")
            key = (cond.doc, cond.article)
            if key not in seen and len(seen) < 2:
                seen.add(key)
                e = find(cond.doc, cond.article)
                if e:
                    lines.append("  " + e.text.replace("\n", "\n  "))
        lines.append("")
        lines.append(question(fact, self.lang))
        return self.reply("\n".join(lines), "question", vs, asking=fact)

    # -- side questions and commands ------------------------------------------------
    def clause_answer(self, query: str | None = None) -> str | None:
        """A question about the rules: the plain answer in the asker's language, then the clause (for an English
        reader its English rendering, with the Chinese original quoted); a close second is named. When the
        nearest clause does not answer the question's point, the reply says the sources do not say, and shows
        that clause as related, not as the answer (SPEC section 7)."""
        from retrieval.answer import answer

        q = query or asked_part(self.text)
        # a question that names no program is about the applicant's programs still open: "do I need a doctorate?"
        # from a 46-year-old foreign expert is 第九条's doctorate, not the youth project's
        prefer = set() if named_programs(q) else {(v.program.doc, v.program.article) for v in self.verdicts()
                                                  if v.status != "ineligible"}
        a = answer(q, self.lang, prefer=prefer)
        if a.no_article:
            return M.t(self.lang, "no_such_article", label=a.no_article)
        if a.hit is None and not a.related:
            return None
        if a.hit is None:
            near = a.related[0]
            return M.t(self.lang, "sources_silent", what=a.gap) + "\n" + self.clause_text(near)
        h = a.hit
        parts = [h.answer(self.lang)] if h.answer(self.lang) else []
        parts.append(self.clause_text(h))
        # a close second from another clause is named, so "青年项目" finds both the national and the Haiju rule
        if a.related:
            parts.append(("另见：" if self.lang == "zh" else "See also: ") + "；".join(
                f"{citation(x.doc, x.article)}（{x.title if self.lang == 'zh' else x.title_en}）" for x in a.related))
        return "\n".join(parts)

    def clause_text(self, h) -> str:
        """Citation and text; for English, the title and the full rendering, then the Chinese original (which
        Telegram shows in an expandable quote)."""
        units = (h.fields or {}).get("units")
        if self.lang == "zh" or not h.text_en:
            head = (f"{h.title_en}\n" if self.lang == "en" else "") + f"{citation(h.doc, h.article)}（{h.title}）"
            body = h.text + ((("\n责任单位：" if self.lang == "zh" else "\nResponsible units: ") + units) if units else "")
            return f"{head}\n{body}"
        original = f"{citation(h.doc, h.article)}\n{h.text}" + (f"\n责任单位：{units}" if units else "")
        self.quote = original
        return f"{h.title_en} — {citation_en(h.doc, h.article)}\n{h.text_en}\n{M.t('en', 'original')}\n{original}"

    def side_question(self, notes: list[str], query: str | None = None) -> Reply:
        answer = self.clause_answer(query)
        text = "\n".join(notes + [answer or M.t(self.lang, "no_hit")])
        if answer and not self.s.asking and not self.s.interviewing:
            text += "\n" + M.t(self.lang, "search_tip")
        if self.answered and self.s.asking == self.answered:
            # "I'm 46. And the work permit?": the age is answered; the next question, not the same one again
            self.s.asking = None
            if self.s.interviewing:
                vs = self.verdicts()
                nxt = self.next_question(vs)
                if nxt:
                    self.s.asking = nxt
                    self.s.attempts[nxt] = self.s.attempts.get(nxt, 0) + 1
                    return self.reply(text + "\n\n" + question(nxt, self.lang), "answer", vs, asking=nxt)
        return self.with_pending(text)

    def command(self, text: str) -> Reply:
        cmd, _, arg = text.partition(" ")
        cmd = cmd.lower().split("@", 1)[0]
        arg = arg.strip()
        if cmd == "/start":
            return self.reply(M.t(self.lang, "welcome"))
        if cmd == "/help":
            return self.with_pending(M.t(self.lang, "help"))
        if cmd == "/check":
            self.s.interviewing = True
            named = named_programs(arg) if arg else []
            if named:
                self.s.focus = named
            names = "、".join(short_name(p, self.lang) for p in self.focus()[:8]) + ("…" if len(self.focus()) > 8 else "")
            return self.progress([M.t(self.lang, "focus", names=names)], [])
        if cmd == "/search":
            if not arg:
                return self.reply(M.t(self.lang, "search_usage"))
            return self.side_question([], query=arg)
        if cmd == "/article":
            return self.article(arg)
        if cmd == "/profile":
            return self.show_profile()
        if cmd == "/undo":
            if not self.s.undo:
                return self.with_pending(M.t(self.lang, "undo_none"))
            gone = list(self.s.undo)
            for f, (value, prov) in self.s.undo.items():  # each fact back to what it was before that turn
                for store, old in ((self.s.facts, value), (self.s.provenance, prov)):
                    if old is None:
                        store.pop(f, None)
                    else:
                        store[f] = old
            self.s.undo = {}
            names = ("、" if self.lang == "zh" else ", ").join(label(f, self.lang) for f in gone) or "—"
            return self.with_pending(M.t(self.lang, "undone", items=names))
        if cmd == "/edit":
            return self.edit(arg)
        if cmd == "/reset":
            lang, forced = self.s.lang, self.s.lang_forced
            self.s.reset()
            self.s.lang, self.s.lang_forced = lang, forced
            return self.reply(M.t(self.lang, "reset"), vs=[])
        if cmd == "/forget":
            self.s.deleted = True
            self.s.reset()
            return Reply(M.t(self.lang, "forgotten"), self.lang, kind="info")
        if cmd == "/lang":
            if arg not in ("zh", "en"):
                return self.reply(M.t(self.lang, "lang_usage"))
            self.s.lang, self.s.lang_forced, self.lang = arg, True, arg
            return self.with_pending(M.t(arg, "lang_set"))
        if cmd == "/why":
            return self.why()
        if cmd in ("/details", "/trace"):
            return self.details()
        return self.reply(M.t(self.lang, "unknown_command", cmd=cmd[:30]))

    def edit(self, arg: str) -> Reply:
        """/edit FACT VALUE: the value read as an answer to that fact's question (so "/edit age 39",
        "/edit unfulfilled_sponsorship no", "/edit employer_region 新疆" all work)."""
        fact, _, value = arg.strip().partition(" ")
        if fact not in Profile.model_fields:
            fact, value = self.fact_by_label(arg.strip())  # "/edit 承诺全职在国内工作年限 0", "/edit age 39"
        if fact not in Profile.model_fields or fact == "as_of":
            return self.reply(M.t(self.lang, "edit_usage"), "error")
        if not value.strip():
            # "/edit age" (the profile's ✏️ button): ask that fact again; the answer replaces the old value
            self.s.asking = fact
            if fact in self.s.declined:
                self.s.declined.remove(fact)
            now = self.s.facts.get(fact)
            head = M.t(self.lang, "edit_now", label=label(fact, self.lang), value=show_value(fact, now, self.lang)) if now is not None else ""
            return self.reply((head + "\n" if head else "") + question(fact, self.lang), "question", asking=fact)
        ex = extract(value, asking=fact, today=assessment_date())
        if fact not in ex.facts:
            return self.reply(M.t(self.lang, "edit_unread", label=label(fact, self.lang), value=value[:40]), "error")
        notes: list[str] = []
        before = self.snapshot()
        changed = self.apply({fact: ex.facts[fact]}, notes, {fact: (f"/edit {arg.strip()}"[:120], "stated")}, {}, True)
        if changed:
            self.s.undo = self.undo_record(before, changed)
        return self.progress(notes, changed)

    @staticmethod
    def fact_by_label(arg: str) -> tuple[str, str]:
        """(fact, rest) for an /edit that names the fact by its label, as /profile shows it, in either language
        ("/edit 承诺全职在国内工作年限 0", "/edit highest degree master"); the longest label that starts it wins."""
        low = arg.lower()
        found, size = "", 0
        for f in Profile.model_fields:
            if f == "as_of":
                continue
            for lang in ("zh", "en"):
                name = label(f, lang).lower()
                fits = low.startswith(name) and (lang == "zh" or len(low) == len(name) or not low[len(name)].isalnum())
                if name and fits and len(name) > size:
                    found, size = f, len(name)
        if not found:
            return arg.partition(" ")[0], arg.partition(" ")[2]
        return found, arg[size:].strip(" ：:=")

    def article(self, arg: str) -> Reply:
        import corpus
        from retrieval import canonical_article, chapter_items, find

        docs = corpus.documents()
        doc, _, art = arg.partition(" ")
        if doc not in docs or not art.strip():
            return self.reply(M.t(self.lang, "article_usage", docs=", ".join(docs)))
        label_ = canonical_article(art.strip())
        entries = [e for e in [find(doc, label_)] if e] or chapter_items(doc, label_)
        if not entries:
            return self.reply(M.t(self.lang, "article_unknown", doc=doc, article=label_))
        parts = []
        for e in entries:
            head = f"{e.title_en}\n" if self.lang == "en" else ""
            parts.append(f"{head}{citation(e.doc, e.article)}（{e.title}）\n{e.text}")
        return self.with_pending("\n\n".join(parts))

    def show_profile(self) -> Reply:
        if not self.s.facts:
            return self.with_pending(M.t(self.lang, "profile_empty"))
        lines = [M.t(self.lang, "profile_head")]
        for f, v in self.s.facts.items():
            lines.append(f"• {label(f, self.lang)}：{show_value(f, v, self.lang)}" if self.lang == "zh"
                         else f"• {label(f, self.lang)}: {show_value(f, v, self.lang)}")
            p = self.s.provenance.get(f)
            if p and p.get("said"):  # the words that set it, and whether it was said, worked out or assumed
                lines.append(M.t(self.lang, "profile_said", said=p["said"][:120], how=M.t(self.lang, "how_" + p.get("how", "stated"))))
        lines.append(M.t(self.lang, "profile_edit"))
        reply = self.with_pending("\n".join(lines))
        # one ✏️ button per fact where the frontend has buttons (Telegram); "/edit FACT" elsewhere
        reply.edits = [(f, label(f, self.lang)) for f in self.s.facts if f in Profile.model_fields and f != "as_of"]
        return reply


def asked_part(text: str) -> str:
    """The sentences of a message that ask something: "I'm 46, an employee. Is there a green card in China?" is
    searched as its question, not as the facts told before it."""
    sents = [x.strip() for x in re.split(r"(?<=[。！!？?；;\n])|(?<=\.)\s", text) if x and x.strip()]
    asked = [x for x in sents if is_question(normalize(x))]
    return " ".join(asked) if asked and len(asked) < len(sents) else text


def v_facts(v: Verdict) -> set[str]:
    from ..eligibility.report import leaf_facts

    return {f for o in v.outcomes for f in leaf_facts(o)}

