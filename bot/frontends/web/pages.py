"""What each page shows, built from the core: the routes in app.py parse the request and render a template with
one of these. Nothing here decides a verdict or ranks a clause; it arranges what the core returned for reading
(marked words, the rule beside its quote, verdict cards)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

import corpus

HERE = Path(__file__).parent
LANGS = ("zh", "en")


@lru_cache(maxsize=1)
def ui_strings() -> dict[str, dict[str, str]]:
    return tomllib.loads((HERE / "ui.toml").read_text(encoding="utf-8"))


def ui(lang: str):
    """The interface's words in one language, as a template function: ui("nav_search")."""
    table = ui_strings()
    return lambda key: table[key]["en" if lang == "en" else "zh"]


def marked(text: str, spans: list[tuple[int, int]], cls: str = "hit") -> Markup:
    """The text escaped, with each span wrapped in <mark>: the only place corpus text becomes HTML."""
    out, at = [], 0
    for s, e in spans:
        out.append(escape(text[at:s]))
        out.append(Markup('<mark class="%s">%s</mark>') % (cls, text[s:e]))
        at = e
    out.append(escape(text[at:]))
    return Markup("").join(out)


def doc_choices(lang: str) -> list[tuple[str, str]]:
    return [(d.id, (d.title_en or d.title) if lang == "en" else d.title) for d in corpus.documents().values()]


def article_url(doc: str, article: str) -> str:
    from urllib.parse import quote

    return f"/article/{quote(doc)}/{quote(article)}"


def short_cite(doc: str, article: str, item: str = "", lang: str = "zh") -> str:
    """The article (and item) without the document's title: inside a verdict card the document is the card's."""
    full = cite(doc, article, item, lang)  # (the item as corpus.item_label prints it)
    d = corpus.documents()[doc]
    head = f"{d.title_en or d.title}, " if lang == "en" else f"《{d.title}》"
    return full[len(head):] if full.startswith(head) else full


def cite(doc: str, article: str, item: str = "", lang: str = "zh") -> str:
    if lang == "en":
        base = corpus.citation_en(doc, article)
        return base + ((" " + corpus.item_label(item, "en")) if item and not item.startswith("（") else item or "")
    return corpus.citation(doc, article, item, lang)


# -- search ---------------------------------------------------------------------------------------------------

@dataclass
class Result:
    doc: str
    article: str
    cite: str
    url: str
    title: str
    text: Markup
    text_en: Markup | None
    score: float
    exact: bool


@dataclass
class SearchPage:
    q: str
    doc: str | None
    qlang: str
    answer: str = ""  # the plain answer of the clause that answers, in the question's language
    answer_cite: str = ""
    answer_url: str = ""
    silent: str = ""  # the sources do not say this (a near clause is only related)
    results: list[Result] = field(default_factory=list)


def search_page(q: str, doc: str | None, top: int = 10) -> SearchPage:
    from retrieval import search
    from retrieval.answer import answer
    from retrieval.english import is_english
    from retrieval.highlight import english_spans, query_terms, term_spans

    from ...dialogue import messages as M

    qlang = "en" if is_english(q) else "zh"
    page = SearchPage(q, doc, qlang)
    hits = search(q, top=max(top, 5), doc=doc)
    a = answer(q, qlang, doc=doc, hits=hits)
    if a.no_article:
        page.silent = M.t(qlang, "no_such_article", label=a.no_article)
    elif a.hit is not None and a.hit.answer(qlang):
        page.answer = a.hit.answer(qlang)
        page.answer_cite = cite(a.hit.doc, a.hit.article, lang=qlang)
        page.answer_url = article_url(a.hit.doc, a.hit.article)
    elif a.gap:
        page.silent = M.t(qlang, "sources_silent_short", what=a.gap)
    terms = query_terms(q)
    for h in hits[:top]:
        text_en = marked(h.text_en, english_spans(h.text_en, terms)) if qlang == "en" and h.text_en else None
        page.results.append(Result(h.doc, h.article, cite(h.doc, h.article, lang=qlang), article_url(h.doc, h.article),
                                   h.title_en if qlang == "en" and h.title_en else h.title,
                                   marked(h.text, term_spans(h.text, terms)), text_en, h.score, h.exact))
    return page


# -- article --------------------------------------------------------------------------------------------------

@dataclass
class UseView:
    number: int  # the quote's number in the marked text
    kind: str
    text: str
    quote: str
    item: str
    programs: list[tuple[str, str]]  # (id, name)
    fact: str = ""
    test: str = ""
    found: bool = True
    item_label: str = ""


@dataclass
class ArticlePage:
    doc: str
    article: str
    doc_title: str
    title: str
    cite: str
    text: Markup
    text_en: str
    uses: list[UseView]
    quotes: list[tuple[int, str, bool, list[UseView]]]  # (number, quote, found in the text, the rules encoding it)
    previous: tuple[str, str] | None  # (label, url)
    next: tuple[str, str] | None
    refers: list[tuple[str, str, str]]  # (label, title, url): the articles its text names
    linked: list[tuple[str, str, str]]  # (citation, title, url): the clauses the rules read with it


def _quote_marks(text: str, quotes: list[str]) -> tuple[Markup, set[int]]:
    """The clause with every quoted passage marked and numbered; the numbers of the quotes not found."""
    from retrieval.highlight import locate

    cover: list[set[int]] = [set() for _ in text]
    ends: dict[int, list[int]] = {}
    missing = set()
    for n, q in enumerate(quotes, 1):
        spans = locate(q, text)
        if not spans:
            missing.add(n)
        for s, e in spans:
            for i in range(s, e):
                cover[i].add(n)
        if spans:
            ends.setdefault(spans[-1][1], []).append(n)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and cover[j] == cover[i] and not (j > i and j in ends):
            j += 1
        chunk = escape(text[i:j])
        if cover[i]:
            ids = sorted(cover[i])
            out.append(Markup('<mark class="quote" data-q="%s" title="%s">%s</mark>')
                       % (" ".join(map(str, ids)), " ".join(f"[{n}]" for n in ids), chunk))
        else:
            out.append(chunk)
        if j in ends:
            out.append(Markup('<sup class="qn">%s</sup>') % Markup("").join(
                Markup('<a href="#use-%d">[%d]</a>') % (n, n) for n in ends[j]))
        i = j
    return Markup("").join(out), missing


def _test_text(u, lang: str) -> str:
    """How a condition tests its fact, as a staff member checks it: 年龄 ≤ 40."""
    from ...eligibility.facts import label
    from ...eligibility.report import show_value

    if not u.fact or not u.op:
        return ""
    ops = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥", "<": "<", ">": ">", "in": "∈", "not_in": "∉",
           "between": "∈", "any_in": "∩", "contains": "∋"}
    value = u.value
    if isinstance(value, list):
        shown = ", ".join(show_value(u.fact, v, lang) or str(v) for v in value)
        shown = f"[{shown}]"
    else:
        shown = show_value(u.fact, value, lang) or str(value)
    return f"{label(u.fact, lang)} {ops.get(u.op, u.op)} {shown}"


def article_page(doc: str, article: str, lang: str) -> ArticlePage | None:
    from retrieval import find
    from retrieval.index import load_index
    from retrieval.search import referenced_articles

    from ...eligibility.rules import linked, rulebook, uses_of

    entry = find(doc, article)
    if entry is None:
        return None
    uses = uses_of(entry.doc, entry.article)
    quotes: list[str] = []
    for u in uses:
        if u.quote and u.quote not in quotes:
            quotes.append(u.quote)
    text, missing = _quote_marks(entry.text, quotes)
    programs = rulebook().programs
    views = []
    for u in uses:
        n = quotes.index(u.quote) + 1 if u.quote else 0
        views.append(UseView(n, u.kind, u.en if lang == "en" else u.zh, u.quote, u.item,
                             [(p, programs[p].name_en if lang == "en" else programs[p].name) for p in u.programs],
                             u.fact or "", _test_text(u, lang), n not in missing,
                             (u.item if u.item.startswith("（") else corpus.item_label(u.item, lang)) if u.item else ""))
    grouped = [(n, q, n not in missing, [v for v in views if v.number == n]) for n, q in enumerate(quotes, 1)]
    siblings = [e for e in load_index()[0] if e.doc == entry.doc]
    at = next(i for i, e in enumerate(siblings) if e.article == entry.article)
    prev = siblings[at - 1] if at > 0 else None
    nxt = siblings[at + 1] if at + 1 < len(siblings) else None
    refers = []
    for label in dict.fromkeys(referenced_articles(entry.text)):
        target = find(entry.doc, label)
        if target is not None and target.article != entry.article:
            refers.append((target.article, target.title_en if lang == "en" else target.title,
                           article_url(target.doc, target.article)))
    links = []
    for ldoc, larticle in linked(entry.doc, entry.article):
        target = find(ldoc, larticle)
        if target is not None:
            links.append((cite(ldoc, larticle, lang=lang), target.title_en if lang == "en" else target.title,
                          article_url(ldoc, larticle)))
    d = corpus.documents()[entry.doc]
    return ArticlePage(entry.doc, entry.article, (d.title_en or d.title) if lang == "en" else d.title,
                       entry.title_en if lang == "en" and entry.title_en else entry.title,
                       cite(entry.doc, entry.article, lang=lang), text, entry.text_en,
                       [v for v in views if not v.number], grouped,
                       (prev.article, article_url(prev.doc, prev.article)) if prev else None,
                       (nxt.article, article_url(nxt.doc, nxt.article)) if nxt else None, refers, links)


# -- checker --------------------------------------------------------------------------------------------------

def form_error(e, lang: str) -> tuple[str | None, str]:
    """(field, message) for a value the profile refuses, in the interface's language, to show beside the field."""
    from ...eligibility.facts import facts

    t = ui(lang)
    spec = facts().get(e.field or "", {})
    label = spec.get(lang, e.field or "")
    label = label[:1].upper() + label[1:] if lang == "en" else label
    problem = {"less_than": "less_than_equal", "greater_than": "greater_than_equal", "int_parsing": "whole",
               "float_parsing": "number", "int_from_float": "whole", "bool_parsing": "bool"}.get(e.problem, e.problem)
    key = f"err_{problem}"
    if problem == "date":
        return "as_of", t(key)
    if e.field and key in ui_strings():
        return e.field, t(key).format(label=label, min=_num(spec.get("min")), max=_num(spec.get("max")))
    return e.field, t("err_other").format(message=str(e))


def _num(x) -> str:
    return "" if x is None else f"{x:g}" if isinstance(x, float) else str(x)


@dataclass
class FieldView:
    name: str
    label: str
    help: str
    kind: str  # number | bool | choice | multi
    values: list[str]  # the current value(s) as text
    options: list[tuple[str, str]] = field(default_factory=list)
    min: float | None = None
    max: float | None = None
    step: str = "1"


UNIT_HINT = {"months": {"zh": "（月）", "en": " (months)"}, "years": {"zh": "（年）", "en": " (years)"},
             "percent": {"zh": "（%）", "en": " (%)"}, "money": {"zh": "（元）", "en": " (CNY)"}}


def form_fields(pairs: list[tuple[str, str]], lang: str) -> list[tuple[str, list[FieldView]]]:
    """The form, from the one definition of each fact (facts.toml): label, question, kind, bounds, options."""
    from ...eligibility.facts import facts, grouped, options
    from ...eligibility.rules import rulebook

    given: dict[str, list[str]] = {}
    for k, v in pairs:
        given.setdefault(k, []).append(v)
    spec = facts()
    groups = []
    for group, names in grouped().items():
        views = []
        for name in names:
            e = spec[name]
            kind = e["kind"]
            unit = UNIT_HINT.get(kind, {}).get(lang, "")
            if unit.strip(" （）()") in e[lang]:  # "yearly dedicated fund (CNY)" has its unit already
                unit = ""
            v = FieldView(name, e[lang][:1].upper() + e[lang][1:] + unit, e["ask_" + lang], "number", given.get(name, []),
                          min=e.get("min"), max=e.get("max"))
            if kind == "bool":
                v.kind = "bool"
            elif kind == "choice":
                v.kind = "multi" if e.get("list") else "choice"
                v.options = options(name, lang)
            elif kind == "programs":
                v.kind = "multi"
                v.options = [(p.id, p.name_en if lang == "en" else p.name) for p in rulebook().programs.values()]
            elif kind not in ("int", "months"):
                v.step = "any"
            views.append(v)
        groups.append((group, views))
    return groups


@dataclass
class Card:
    program: str
    name: str
    status: str
    status_text: str
    cite: str
    url: str
    conditions: list[dict]
    missing: list[tuple[str, str]]  # (fact, label)
    changes: list[str]
    review: list[str]
    amounts: list[str]
    steps: list[str]


def _annotate(conds: list[dict], lang: str) -> list[dict]:
    """Each condition of a verdict's JSON with its citation, link and the value shown as people read it; a met
    either-or keeps the alternative that met it in front and the others under "not needed"."""
    out = []
    for c in conds:
        c = dict(c)
        c["cite"] = short_cite(c["doc"], c["article"], c.get("item", ""), lang)
        c["full_cite"] = cite(c["doc"], c["article"], c.get("item", ""), lang)
        c["url"] = article_url(c["doc"], c["article"])
        c["shown"] = shown_value(c, lang) if "value" in c else ""
        if "any_of" in c:  # a met either-or: the option used, and apart the ones not needed
            c["children"] = _annotate(c["any_of"], lang)
            c["unused"] = _annotate(c.get("not_needed", []), lang)
        elif "all_of" in c:
            c["children"], c["unused"] = _annotate(c["all_of"], lang), []
        else:
            c["children"], c["unused"] = [], []
        out.append(c)
    return out


def shown_value(c: dict, lang: str) -> str:
    """The applicant's value beside a condition, of the fact the condition tests; a yes/no with its fact's label, so
    "Not of Chinese descent" reads "(Chinese descent: No)", not "(No)"."""
    from ...eligibility.facts import kind, label
    from ...eligibility.report import show_value

    fact = c.get("tests") or c.get("fact")
    value = show_value(fact, c.get("value"), lang)
    if fact and kind(fact) == "bool" and value:
        return f"{label(fact, lang)}{'：' if lang == 'zh' else ': '}{value}"
    return value


ORDER = {"eligible": 0, "needs_exception": 1, "not_yet": 2, "undetermined": 3, "ineligible": 4}


def verdict_cards(profile, lang: str) -> list[Card]:
    from ...dialogue.focus import individual_programs
    from ...dialogue.wrapup import failing_facts, next_steps, open_facts
    from ...eligibility.engine import verdicts
    from ...eligibility.facts import label
    from ...eligibility.report import STATUS_WORDS, amount_line, verdict_json

    known = profile.known()
    institution = any(k.startswith("org_") for k in known)
    person = any(not k.startswith("org_") and k != "as_of" for k in known)
    programs = individual_programs()
    if institution:
        from ...eligibility.rules import program_ids

        programs = [p for p in program_ids() if p not in programs or person]
    cards = []
    for v in verdicts(profile, programs):
        js = verdict_json(v, lang)
        # failing only for want of a signed contract (a step the applicant can take, whatever else is still
        # unknown): "not yet", with the open ones — not among the programs ruled out. A commitment below the
        # threshold (2 months a year where 6 are needed) is what the applicant said, and stays "not eligible".
        shown = "not_yet" if v.status == "ineligible" and failing_facts(v) == {"has_contract"} else v.status
        cards.append(Card(v.program.id, js["name"], shown, ui(lang)("not_yet") if shown == "not_yet" else
                          STATUS_WORDS[lang][v.status],
                          cite(v.program.doc, v.program.article, lang=lang),
                          article_url(v.program.doc, v.program.article), _annotate(js["conditions"], lang),
                          [(f, label(f, lang)) for f in (js["missing"] or open_facts(v))],
                          [c["text"] for c in js.get("changes", [])],
                          js.get("review", []),
                          [amount_line(a, lang, cite(a["doc"], a["article"], a.get("item", ""), lang)).strip()
                           for a in v.amounts],
                          next_steps([v], lang)))
    cards.sort(key=lambda c: ORDER[c.status])
    return cards


# -- chat -----------------------------------------------------------------------------------------------------

@dataclass
class ChatPage:
    turns: list[tuple[str, str]]  # (role, text): the conversation so far
    options: list[tuple[str, str]]  # (value, label): the pending question's choices, as buttons
    lang: str


def chat_page(assistant, user: str | None, ui_lang: str) -> ChatPage:
    from ...eligibility.facts import options

    if user is None:
        return ChatPage([], [], ui_lang)
    turns = assistant.store.recent_turns(user, 60)
    session = assistant.profile(user)
    lang = session.lang if turns else ui_lang
    opts = options(session.asking, lang) if session.asking else []
    return ChatPage(turns, opts, lang)
