"""Adding and removing staff documents (`policybot corpus add | remove`): checked, parsed, then stored
in the user's data directory (corpus/user.py) and the process's corpus reloaded."""
from __future__ import annotations

import os
import re
import unicodedata
import shutil
import tempfile
from pathlib import Path

from .user import ID_RE, CorpusError, read_text, toml_str, user_dir


def add(path: str, doc_id: str, title: str, issuer: str = "", in_force: str = "", number: str = "",
        cards: str | None = None) -> int:
    """Add a document, with its clause cards when given (validated like the built-in ones, corpus/cards.py);
    returns its number of clauses."""
    from . import documents, parse, reload

    if not ID_RE.match(doc_id):
        raise CorpusError(f"id {doc_id!r}: use 2-63 lowercase letters, digits and dashes, e.g. shanghai-2020")
    if doc_id in documents():
        raise CorpusError(f"a document with id {doc_id!r} exists already")
    if not title.strip():
        raise CorpusError("--title must not be empty")
    for name, value in (("--title", title), ("--issuer", issuer), ("--number", number)):
        if any(unicodedata.category(ch)[0] == "C" for ch in value):
            raise CorpusError(f"{name} must not contain control characters")
        if len(value) > 200:
            raise CorpusError(f"{name} is longer than 200 characters")
    if in_force and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", in_force):
        raise CorpusError(f"--in-force {in_force!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    source = Path(path)
    if not source.is_file():
        raise CorpusError(f"no such file: {path}")
    text = read_text(source)
    clauses = parse.parse_any(doc_id, text)
    if not clauses:
        raise CorpusError(f"{path}: no clauses found (expected 第X条 articles or numbered headings like 一、 / 1. / ##)")
    card_text = _checked_cards(cards, doc_id, clauses) if cards else None
    root = user_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=".adding-"))
    try:
        (tmp / "source.txt").write_text(text, encoding="utf-8")
        if card_text is not None:
            (tmp / "cards.toml").write_text(card_text, encoding="utf-8")
        (tmp / "meta.toml").write_text("\n".join([
            f"file = {toml_str('source.txt')}", f"title = {toml_str(title.strip())}", f"title_en = {toml_str('')}",
            f"short = {toml_str(title.strip()[:12])}", f"issuer = {toml_str(issuer)}", f"number = {toml_str(number)}",
            f"in_force = {toml_str(in_force)}", f"in_force_note = {toml_str(in_force)}", 'kind = "auto"', ""]),
            encoding="utf-8")
        os.rename(tmp, root / doc_id)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    reload()
    return len(clauses)


MAX_CARDS_BYTES = 2_000_000


def _checked_cards(path: str, doc_id: str, clauses) -> str:
    """A staff card file, read and checked against the document's clauses; CorpusError names the first problems."""
    from .cards import check, parse

    p = Path(path)
    if not p.is_file():
        raise CorpusError(f"no such card file: {path}")
    if p.stat().st_size > MAX_CARDS_BYTES:
        raise CorpusError(f"{path}: card file larger than {MAX_CARDS_BYTES // 1_000_000} MB")
    text = read_text(p)
    import tomllib

    try:
        found = parse(tomllib.loads(text))
    except tomllib.TOMLDecodeError as e:
        raise CorpusError(f"{path}: not valid TOML ({e})") from None
    except ValueError as e:
        raise CorpusError(f"{path}: {e}") from None
    problems = check(doc_id, found, clauses, complete=False)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CorpusError(f"{path}: {problems[0]}{more}")
    return text


def remove(doc_id: str) -> None:
    from . import builtin_documents, reload

    if doc_id in builtin_documents():
        raise CorpusError(f"{doc_id!r} is one of the built-in sources and cannot be removed")
    folder = user_dir() / doc_id
    if not (folder / "meta.toml").is_file():
        raise CorpusError(f"no added document with id {doc_id!r}")
    trash = folder.with_name(f".removing-{doc_id}")
    os.rename(folder, trash)  # one rename: the document is gone at once, even if deleting the files fails
    shutil.rmtree(trash, ignore_errors=True)
    reload()
