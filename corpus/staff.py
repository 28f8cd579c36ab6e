"""Adding and removing staff documents (`policybot corpus add | remove`): checked, parsed, then stored
in the user's data directory (corpus/user.py) and the process's corpus reloaded."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from .user import ID_RE, CorpusError, read_text, toml_str, user_dir


def add(path: str, doc_id: str, title: str, issuer: str = "", in_force: str = "", number: str = "") -> int:
    """Add a document; returns its number of clauses."""
    from . import documents, parse, reload

    if not ID_RE.match(doc_id):
        raise CorpusError(f"id {doc_id!r}: use 2-63 lowercase letters, digits and dashes, e.g. shanghai-2020")
    if doc_id in documents():
        raise CorpusError(f"a document with id {doc_id!r} exists already")
    if not title.strip():
        raise CorpusError("--title must not be empty")
    if in_force and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", in_force):
        raise CorpusError(f"--in-force {in_force!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    source = Path(path)
    if not source.is_file():
        raise CorpusError(f"no such file: {path}")
    text = read_text(source)
    clauses = parse.parse_any(doc_id, text)
    if not clauses:
        raise CorpusError(f"{path}: no clauses found (expected 第X条 articles or numbered headings like 一、 / 1. / ##)")
    root = user_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=".adding-"))
    try:
        (tmp / "source.txt").write_text(text, encoding="utf-8")
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
