"""The house in rooms: imports run one way, nothing imports in a circle, and what is defined once
(a fact, a program family's names, a status word, a vocabulary list) is not written again in code."""
import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
from conftest import ROOT

PACKAGES = ("bot", "retrieval", "corpus")


def test_import_linter_contracts_hold():
    """frontends -> dialogue -> understand -> eligibility -> retrieval -> corpus (pyproject.toml)."""
    exe = Path(sys.executable).parent / "lint-imports"
    p = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    assert "0 broken" in p.stdout


def test_no_import_cycles():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    modules = sorted(graph.modules)
    seen: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(m: str, path: list[str]):
        seen[m] = 1
        for n in sorted(graph.find_modules_directly_imported_by(m)):
            if n not in graph.modules:
                continue
            if seen.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(n):] + [n]))
            if n not in seen:
                visit(n, path + [n])
        seen[m] = 2

    for m in modules:
        if m not in seen:
            visit(m, [m])


def _code_strings(path: Path) -> list[tuple[str, str]]:
    """(enclosing top-level name, string) for every string constant that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    out = []
    for top in tree.body:
        name = getattr(top, "name", None) or next((t.id for t in getattr(top, "targets", []) if isinstance(t, ast.Name)), "")
        for n in ast.walk(top):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings:
                out.append((name, n.value))
    return out


def _sources():
    for pkg in ("bot", "retrieval"):
        yield from sorted((ROOT / pkg).rglob("*.py"))


def test_facts_are_defined_once():
    """The Profile, the interview and the understanding take every fact's kind, bounds, label,
    question and options from facts.toml; no module lists the facts again."""
    from bot.eligibility.facts import facts, kind, label, question
    from bot.eligibility.profile import Profile

    defined = facts()
    assert [f for f in Profile.model_fields if f != "as_of"] == list(defined)
    for name, spec in defined.items():
        assert label(name, "zh") == spec["zh"] and label(name, "en") == spec["en"]
        assert question(name, "en") == spec["ask_en"] and kind(name) == spec["kind"]
        field = Profile.model_fields[name]
        bounds = {type(m).__name__: m for m in field.metadata}
        if "min" in spec:
            assert bounds["Ge"].ge == spec["min"], name
        if "max" in spec:
            assert bounds["Le"].le == spec["max"], name
    for path in _sources():
        by_owner: dict[str, set[str]] = {}
        for owner, s in _code_strings(path):
            if s in defined:
                by_owner.setdefault(owner, set()).add(s)
        for owner, listed in by_owner.items():  # a table of the facts, like the old _KIND, is a copy
            assert len(listed) < 12, f"{path.relative_to(ROOT)} {owner} lists {len(listed)} facts: a copy of facts.toml?"


def test_program_names_have_one_home():
    """Program families' and documents' names live in the rules' [family] tables and
    documents.toml; code does not spell them again (the masking pattern in understand/programs.py,
    which names the written forms of all programs at once, is the one exception left)."""
    names: set[str] = set()
    for path in (ROOT / "corpus" / "rules").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        fam = data.get("family", {})
        if fam.get("id") != "bjfe":  # its words are the generic 补助 / subsidy / funding, not a name
            names |= set(fam.get("words", [])) | set(fam.get("words_en", []))
        # (a program's own keywords, 工薪补助 or 顶尖, are also plain words of the facts they describe)
    docs = tomllib.loads((ROOT / "corpus" / "documents.toml").read_text(encoding="utf-8"))
    for d in docs.values():
        names |= set(d.get("hints", []))
    ids = {pid.split(".")[0] for path in (ROOT / "corpus" / "rules").glob("*.toml")
           for pid in tomllib.loads(path.read_text(encoding="utf-8")).get("program", {})}
    # "haizhi" in "haizhi.work_base" is an id, not a name; two characters (补助, 资助) are common words too
    names = {n for n in names if len(n) >= 3} - ids
    allowed = {("bot/understand/programs.py", "PROGRAM_NAME"),
               ("bot/understand/choices.py", "region_value")}  # 中关村 there is a district of Beijing
    for path in _sources():
        rel = str(path.relative_to(ROOT))
        for owner, s in _code_strings(path):
            if (rel, owner) in allowed:
                continue
            alternatives = {a.strip("()?:") for a in s.split("|")}
            again = alternatives & names
            assert not again, f"{rel} ({owner}) spells program names {sorted(again)[:3]} again"


def test_status_words_and_verdict_text_have_one_home():
    from bot.eligibility.report import STATUS_WORDS

    for path in _sources():
        if path.name == "report.py":
            continue
        strings = {s for _, s in _code_strings(path)}
        for lang in STATUS_WORDS.values():
            for word in lang.values():
                if len(word) > 3 and word not in lang:  # "undetermined" is also the status id
                    assert word not in strings, f"{path.relative_to(ROOT)} spells the status {word!r} again"
