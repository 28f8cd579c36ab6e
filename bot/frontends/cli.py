"""`policybot`: the command line for staff, scripts and the acceptance checks (SPEC section 3).

Exit codes: 0 success, 2 bad input (one line on stderr saying what was
wrong), 1 internal error. Each command imports what it needs when it runs, so
`policybot search` does not pay for pydantic or the dialogue.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys


class UsageError(Exception):
    """Bad input from the user: exit 2 with this one-line message."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage + message; we promise one line
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=None) + "\n")


# -- search / article --------------------------------------------------------

def known_doc(doc: str | None) -> str | None:
    if doc is None:
        return None
    import corpus

    docs = corpus.documents()
    if doc not in docs:
        raise UsageError(f"unknown document {doc!r}; known: {', '.join(docs)}")
    return doc


def cmd_search(a) -> int:
    from retrieval import search
    from retrieval.english import is_english

    query = " ".join(a.query).strip()
    if not query:
        raise UsageError("empty query: say what you are looking for, e.g. policybot search \"青年项目年龄\"")
    if a.top < 1:
        raise UsageError("--top must be at least 1")
    hits = search(query, top=a.top, doc=known_doc(a.doc))
    if a.json:
        emit_json([h.as_json("en" if is_english(query) else "zh") for h in hits])
        return 0
    if not hits:
        print("没有找到相关条款。" if not is_english(query) else "No clause matches that question.")
        return 0
    from .render import clause_block

    en = is_english(query)
    if hits[0].answer("en" if en else "zh"):  # the plain answer of the best clause leads (SPEC section 7)
        print(("Answer: " if en else "答：") + hits[0].answer("en" if en else "zh"))
        print()
    for n, h in enumerate(hits, 1):
        print(clause_block(h.doc, h.article, h.title, h.title_en, h.text, h.fields, en=en, number=n, score=h.score,
                           text_en=h.text_en))
        print()
    return 0


def cmd_article(a) -> int:
    from retrieval import canonical_article, chapter_items, find

    doc = known_doc(a.doc)
    label = canonical_article(" ".join(a.article))
    entry = find(doc, label)
    entries = [entry] if entry else chapter_items(doc, label)
    if not entries:
        from retrieval.index import load_index

        labels = [e.article for e in load_index()[0] if e.doc == doc]
        span = f"{labels[0]} … {labels[-1]}" if len(labels) > 8 else ", ".join(labels)
        raise UsageError(f"no article {label!r} in {doc}; it has {span}")
    if a.json:
        emit_json([{"doc": e.doc, "article": e.article, "title": e.title, "title_en": e.title_en,
                    "text": e.text, **(e.fields or {})} for e in entries])
        return 0
    from .render import clause_block

    for e in entries:
        print(clause_block(e.doc, e.article, e.title, e.title_en, e.text, e.fields, en=a.en))
        print()
    return 0


def cmd_eval(a) -> int:
    path = a.file
    if not os.path.exists(path):
        raise UsageError(f"no such file: {path}")
    if a.what == "retrieval":
        from retrieval.evaluate import evaluate, load_questions

        try:
            questions = load_questions(path)
        except (ValueError, KeyError) as e:
            raise UsageError(f"{path}: not a question file: {e}")
        r = evaluate(questions)
        if a.json:
            emit_json(r)
            return 0
        if a.verbose:
            for m in r["misses"]:
                print(f"  rank {m['rank']}: {m['q']}  top: {m['top']}")
        print(f"questions: {r['n']}" + (f" (and {r['unanswerable']} the sources do not answer, not scored)" if r.get("unanswerable") else ""))
        print(f"hit@1 {r['hit@1']:.3f}  hit@3 {r['hit@3']:.3f}  hit@5 {r['hit@5']:.3f}")
        print(f"MRR {r['mrr']:.3f}")
        return 0
    return eval_eligibility(path, a.verbose, a.json)


# -- corpus management ----------------------------------------------------------

def cmd_corpus(a) -> int:
    import corpus
    from corpus.staff import CorpusError, add, remove

    try:
        if a.action == "add":
            n = add(a.file, a.id, a.title, issuer=a.issuer or "", in_force=a.in_force or "", number=a.number or "",
                    cards=a.cards)
            from retrieval.index import scorer, scorer_en

            scorer(), scorer_en()  # the index now, with a progress bar when it takes a while, not at the next search
            print(f"added {a.id}: {n} clauses" + (" with their cards" if a.cards else "") + "; index rebuilt")
            return 0
        if a.action == "remove":
            remove(a.id)
            print(f"removed {a.id}")
            return 0
    except CorpusError as e:
        raise UsageError(str(e))
    counts: dict[str, int] = {}
    for c in corpus.load():
        counts[c.doc] = counts.get(c.doc, 0) + 1
    rows = [{"id": d.id, "title": d.title, "issuer": d.issuer, "in_force": d.in_force, "clauses": counts.get(d.id, 0),
             "builtin": d.builtin} for d in corpus.documents().values()]
    if a.json:
        emit_json(rows)
    else:
        for r in rows:
            print(f"{r['id']:<28} {r['clauses']:>4}  {r['title']}{'' if r['builtin'] else '  (added)'}")
    return 0


# -- eligibility ---------------------------------------------------------------

MAX_PROFILE_BYTES = 1_000_000  # a profile is a few hundred bytes; more is a mistake (or /dev/zero)


def read_profile(path: str | None):
    """A profile file (or stdin), bounded and strict: at most 1 MB, UTF-8 (a BOM is fine), a JSON object whose
    values have their own types ("34" is not an age, "yes" is not true)."""
    from ..eligibility.profile import ProfileError, profile_from_json

    if path in (None, "-"):
        raw, where = sys.stdin.buffer.read(MAX_PROFILE_BYTES + 1), "stdin"
    else:
        where = path
        if not os.path.exists(path):
            raise UsageError(f"no such file: {path}")
        if os.path.isdir(path):
            raise UsageError(f"{path}: is a directory, not a profile file")
        if not os.path.isfile(path):
            raise UsageError(f"{path}: not a regular file")
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_PROFILE_BYTES + 1)
        except OSError as e:
            raise UsageError(f"{path}: cannot read ({e.strerror})")
    if len(raw) > MAX_PROFILE_BYTES:
        raise UsageError(f"{where}: larger than {MAX_PROFILE_BYTES // 1_000_000} MB; a profile is a small JSON object")
    try:
        return profile_from_json(raw)
    except ProfileError as e:
        raise UsageError(f"{where}: {e}")


def cmd_check(a) -> int:
    from ..eligibility.engine import verdicts
    from ..eligibility.facts import label
    from ..eligibility.report import verdict_json, verdict_text

    profile = read_profile(a.file)
    lang = a.lang
    programs = None
    if a.program:
        from ..eligibility.rules import program_ids

        unknown = [p for p in a.program if p not in program_ids()]
        if unknown:
            raise UsageError(f"unknown program {unknown[0]!r}; see `policybot programs`")
        programs = a.program
    vs = verdicts(profile, programs)
    if a.json:
        emit_json({"as_of": profile.today().isoformat(), "verdicts": [verdict_json(v, lang) for v in vs]})
        return 0
    print(("评估日期 " if lang == "zh" else "As of ") + profile.today().isoformat())
    for v in vs:
        print()
        print(verdict_text(v, lang, facts_label=lambda f: label(f, lang)))
    return 0


def cmd_schema(a) -> int:
    from ..eligibility.profile import Profile

    emit_json(Profile.model_json_schema())
    return 0


def cmd_programs(a) -> int:
    from ..eligibility.rules import rulebook

    rows = [{"program": p.id, "name": p.name, "name_en": p.name_en, "doc": p.doc, "article": p.article}
            for p in rulebook().programs.values()]
    if a.json:
        emit_json(rows)
    else:
        for r in rows:
            print(f"{r['program']:<36} {r['name']}  ({r['doc']} {r['article']})")
    return 0


def eval_eligibility(path: str, verbose: bool, as_json: bool) -> int:
    from ..eligibility.engine import verdicts
    from ..eligibility.profile import ProfileError, parse_profile

    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise UsageError(f"{path}:{n}: not valid JSON: {e.msg}")
    checks = passed = 0
    failures = []
    for case in cases:
        try:
            profile = parse_profile(case["profile"])
        except (ProfileError, KeyError) as e:
            raise UsageError(f"{path}: case {case.get('name')!r}: {e}")
        by_id = {v.program.id: v for v in verdicts(profile)}
        for key, want in case.get("expect", {}).items():
            checks += 1
            if key.startswith("amount:"):
                v = by_id.get(key.split(":", 1)[1])
                got = [a.get("cny_per_year") for a in v.amounts] if v else None
                ok = bool(got) and any(g is not None and abs(g - want) < 0.5 for g in got)
            else:
                got = by_id[key].status if key in by_id else None
                ok = got == want
            passed += ok
            if not ok:
                failures.append({"case": case.get("name"), "check": key, "want": want, "got": got})
    if as_json:
        emit_json({"cases": len(cases), "checks": checks, "passed": passed, "failures": failures})
        return 0
    if verbose:
        for f in failures:
            print(f"  FAIL {f['case']}: {f['check']} want {f['want']!r} got {f['got']!r}")
    print(f"cases: {len(cases)}")
    print(f"checks passed: {passed}/{checks} ({passed / max(checks, 1):.3f})")
    return 0


# -- conversation ------------------------------------------------------------

def user_id(raw: str) -> str:
    raw = (raw or "").strip()
    if not raw or len(raw) > 200:
        raise UsageError("--user needs an id of 1 to 200 characters")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line ($'\xff')
        raise UsageError("--user must be UTF-8 text") from None
    if any(ord(ch) < 32 for ch in raw):
        raise UsageError("--user must not contain control characters")
    return raw


def cmd_say(a) -> int:
    from ..dialogue.assistant import Assistant

    reply = Assistant().handle(user_id(a.user), " ".join(a.message))
    if a.json:
        emit_json(reply.as_json())
    else:
        print(reply.text)
    return 0


def cmd_profile(a) -> int:
    from ..dialogue.assistant import Assistant
    from ..dialogue.focus import individual_programs
    from ..eligibility.engine import verdicts
    from ..eligibility.profile import Profile
    from ..eligibility.report import verdict_json

    session = Assistant().profile(user_id(a.user))
    profile = Profile.model_validate(session.facts)  # as of the assessment date (--as-of, $POLICYBOT_AS_OF)
    vs = verdicts(profile, session.focus or individual_programs())
    out = {"user": session.user, "lang": session.lang, "facts": session.facts, "focus": session.focus,
           "asking": session.asking, "declined": session.declined,
           "provenance": {f: p for f, p in session.provenance.items() if f in session.facts},
           "verdicts": [verdict_json(v, session.lang) for v in vs]}
    if a.json:
        emit_json(out)
        return 0
    from ..eligibility.facts import label
    from ..eligibility.report import show_value

    lang = session.lang
    if not session.facts:
        print("（没有记录）" if lang == "zh" else "(nothing stored)")
    for f, v in session.facts.items():
        p = session.provenance.get(f) or {}
        said = f"  ← {p.get('how', 'stated')}: {p['said'][:100]}" if p.get("said") else ""
        print(f"{label(f, lang)}: {show_value(f, v, lang)}{said}")
    print()
    for v in out["verdicts"]:
        print(f"{v['program']:<36} {v['status']}")
    return 0


def cmd_forget(a) -> int:
    from ..dialogue.assistant import Assistant

    gone = Assistant().forget(user_id(a.user))
    print("forgotten" if gone else "nothing stored for that user")
    return 0


def cmd_chat(a) -> int:
    from .terminal import run

    return run(json_mode=a.json, user=a.user)


def cmd_telegram(a) -> int:
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise UsageError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather (/newbot) and export its token")
    if a.webhook_url:
        url = a.webhook_url
        if not url.startswith(("https://", "http://")) or len(url) > 2048:
            raise UsageError(f"--webhook-url must be the public http(s) URL Telegram posts to, not {url[:80]!r}")
    elif a.listen or a.port or a.secret_token or a.workers != 1:
        raise UsageError("--listen, --port, --secret-token and --workers only apply with --webhook-url")
    if not 1 <= a.workers <= 64:
        raise UsageError("--workers must be between 1 and 64")
    if a.port is not None and not 1 <= a.port <= 65535:
        raise UsageError("--port must be between 1 and 65535")
    secret = a.secret_token or os.environ.get("TELEGRAM_WEBHOOK_SECRET") or None
    from .telegram import ConfigError, run

    try:
        return run(token, os.environ.get("TELEGRAM_API_BASE_URL"), webhook_url=a.webhook_url,
                   listen=a.listen or "127.0.0.1", port=a.port or 8443,
                   secret_token=secret if a.webhook_url else None, verbose=a.verbose, workers=a.workers)
    except ConfigError as e:
        raise UsageError(str(e))
    except RuntimeError as e:  # could not start (the Bot API unreachable …): one line, exit 2; --verbose for more
        raise UsageError(f"could not start the bot: {e}" + ("" if a.verbose else " (--verbose for details)"))


def cmd_web(a) -> int:
    if not 1 <= a.port <= 65535:
        raise UsageError("--port must be between 1 and 65535")
    from .web.security import AuthError, parse_credentials
    from .web.server import ServeError, serve

    raw = a.auth if a.auth is not None else os.environ.get("POLICYBOT_WEB_AUTH", "").strip() or None
    try:
        hosts = [h.strip() for h in (a.allowed_hosts or os.environ.get("POLICYBOT_WEB_HOSTS", "")).split(",") if h.strip()]
        if not 1 <= a.workers <= 64:
            raise UsageError("--workers must be between 1 and 64")
        serve(a.host, a.port, parse_credentials(raw) if raw else None, hosts=hosts, workers=a.workers)
    except (AuthError, ServeError) as e:
        raise UsageError(str(e))
    return 0


def build_parser() -> Parser:
    p = Parser(prog="policybot", description="Talent-policy assistant: clause search, eligibility checks, chat.")
    sub = p.add_subparsers(dest="command", parser_class=Parser)

    s = sub.add_parser("search", help="find the clauses that answer a question")
    s.add_argument("query", nargs="*")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--doc")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("article", help="print one clause, e.g. policybot article qianren-2017 第八条")
    s.add_argument("doc")
    s.add_argument("article", nargs="+")
    s.add_argument("--json", action="store_true")
    s.add_argument("--en", action="store_true", help="English title and labels")
    s.set_defaults(func=cmd_article)

    s = sub.add_parser("corpus", help="list, add or remove policy documents")
    csub = s.add_subparsers(dest="action", parser_class=Parser, required=True)
    c = csub.add_parser("list", help="the documents and their clause counts")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_corpus)
    c = csub.add_parser("add", help="add a document (text or markdown with 第X条 articles or numbered headings)")
    c.add_argument("file")
    c.add_argument("--id", required=True)
    c.add_argument("--title", required=True)
    c.add_argument("--issuer")
    c.add_argument("--in-force")
    c.add_argument("--number")
    c.add_argument("--cards", help="clause cards (TOML, as corpus/cards/*.toml): English renderings, lay questions, "
                                   "plain answers; checked before the document is added")
    c.set_defaults(func=cmd_corpus, json=False)
    c = csub.add_parser("remove", help="remove a document you added")
    c.add_argument("id")
    c.set_defaults(func=cmd_corpus, json=False)

    s = sub.add_parser("eval", help="score the retriever or the eligibility engine on a dev file")
    s.add_argument("what", choices=["retrieval", "eligibility"])
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.add_argument("--verbose", "-v", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("check", help="eligibility verdicts for a profile (JSON file or - for stdin)")
    s.add_argument("file", nargs="?")
    s.add_argument("--json", action="store_true")
    s.add_argument("--lang", choices=["zh", "en"], default="zh")
    s.add_argument("--program", action="append", help="only this program (repeatable)")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("schema", help="the JSON Schema of the profile")
    s.set_defaults(func=cmd_schema)

    s = sub.add_parser("programs", help="the programs the engine knows")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_programs)

    s = sub.add_parser("say", help="one conversation turn for a user (state kept in the session store)")
    s.add_argument("--user", required=True)
    s.add_argument("message", nargs="*")
    s.add_argument("--json", action="store_true")
    s.add_argument("--as-of", help=AS_OF_HELP)
    s.set_defaults(func=cmd_say)

    s = sub.add_parser("profile", help="the facts collected for a user and the current verdicts")
    s.add_argument("--user", required=True)
    s.add_argument("--json", action="store_true")
    s.add_argument("--as-of", help=AS_OF_HELP)
    s.set_defaults(func=cmd_profile)

    s = sub.add_parser("forget", help="delete everything stored about a user")
    s.add_argument("--user", required=True)
    s.set_defaults(func=cmd_forget)

    s = sub.add_parser("chat", help="terminal conversation")
    s.add_argument("--json", action="store_true", help="one JSON reply per input line")
    s.add_argument("--user", default="terminal")
    s.add_argument("--as-of", help=AS_OF_HELP)
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("telegram", help="run the Telegram bot (TELEGRAM_BOT_TOKEN; long polling unless --webhook-url)")
    s.add_argument("--webhook-url", help="public https URL Telegram posts updates to (webhook mode)")
    s.add_argument("--listen", help="address the webhook server binds (default 127.0.0.1, behind a reverse proxy)")
    s.add_argument("--port", type=int, help="port the webhook server binds (default 8443)")
    s.add_argument("--secret-token", help="webhook secret (default $TELEGRAM_WEBHOOK_SECRET, else a random one)")
    s.add_argument("--workers", type=int, default=1, help="webhook worker processes on one socket (default 1); "
                                                            "with several machines use PostgreSQL (POLICYBOT_DB)")
    s.add_argument("--verbose", action="store_true", help="log everything, start-up tracebacks included")
    s.set_defaults(func=cmd_telegram)

    s = sub.add_parser("web", help="the staff web page and its JSON API (http://127.0.0.1:8000/)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; any other needs --auth)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--auth", help="user:password for HTTP Basic auth (default $POLICYBOT_WEB_AUTH)")
    s.add_argument("--workers", type=int, default=1, help="worker processes (default 1), over one session store")
    s.add_argument("--allowed-hosts", help="host names a reverse proxy forwards, comma-separated "
                                           "(default $POLICYBOT_WEB_HOSTS; loopback names are always allowed on loopback)")
    s.add_argument("--as-of", help=AS_OF_HELP)
    s.set_defaults(func=cmd_web)
    return p


AS_OF_HELP = "assessment date YYYY-MM-DD (default $POLICYBOT_AS_OF, else today)"


def set_assessment_date(flag: str | None) -> None:
    """--as-of wins over $POLICYBOT_AS_OF; either is checked here, so a bad date is one line and exit 2."""
    raw = flag if flag is not None else os.environ.get("POLICYBOT_AS_OF", "").strip()
    if not raw:
        return  # (before importing the profile: `policybot search` does not pay for pydantic)
    from ..eligibility.profile import AS_OF_ENV, ProfileError, parse_as_of

    try:
        os.environ[AS_OF_ENV] = parse_as_of(raw).isoformat()
    except ProfileError as e:
        raise UsageError(f"{'--as-of' if flag is not None else AS_OF_ENV}: {e}") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        a = parser.parse_args(argv)
        if not getattr(a, "func", None):
            a = parser.parse_args(["chat"])
        set_assessment_date(getattr(a, "as_of", None))
        code = a.func(a)
    except UsageError as e:
        print(f"policybot: {e}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except sqlite3.Error as e:  # a corrupt, unreadable or full store: say which file
        from ..dialogue.store import describe_store

        print(f"policybot: cannot use the session store {describe_store()}: {e}", file=sys.stderr)
        code = 2
    except Exception as e:  # never a traceback in front of a user
        if os.environ.get("POLICYBOT_DEBUG"):
            raise
        if type(e).__module__.startswith(("psycopg", "psycopg_pool")):  # PostgreSQL unreachable, refused, full
            from ..dialogue.store import describe_store

            print(f"policybot: cannot use the session store {describe_store()}: {str(e).splitlines()[0][:300]}",
                  file=sys.stderr)
            return 2
        print(f"policybot: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        code = 1
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
