"""Documents staff add with `policybot corpus add`, kept in the user's data directory.

Each lives in its own folder (`<id>/source.txt` verbatim, `<id>/meta.toml`).
Adding writes everything into a temporary folder and renames it into place,
so a failed add leaves nothing behind; the index cache is keyed by content,
so the next search sees the new document.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class CorpusError(ValueError):
    """A document that cannot be added or removed: one line saying why."""


def data_home() -> Path:
    """The user's data directory for policybot (sessions, added documents)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "policybot"


def user_dir() -> Path:
    env = os.environ.get("POLICYBOT_CORPUS_DIR")
    return Path(env) if env else data_home() / "corpus"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def user_documents() -> dict:
    import tomllib

    from . import Document

    root = user_dir()
    docs = {}
    if not root.is_dir():
        return docs
    for folder in sorted(root.iterdir()):
        meta_path = folder / "meta.toml"
        if folder.name.startswith(".") or not meta_path.is_file():
            continue
        try:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
            docs[folder.name] = Document(id=folder.name, root=str(folder), builtin=False, **meta)
        except (OSError, ValueError, TypeError):
            continue  # a damaged folder is skipped, never fatal to search
    return docs


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CorpusError(f"cannot read {path}: {e.strerror}")
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese government documents are often GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CorpusError(f"{path}: not UTF-8 or GB18030 text")
    if "\x00" in text:
        raise CorpusError(f"{path}: looks like a binary file, not text")
    return text


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
            f"file = {_toml_str('source.txt')}", f"title = {_toml_str(title.strip())}", f"title_en = {_toml_str('')}",
            f"short = {_toml_str(title.strip()[:12])}", f"issuer = {_toml_str(issuer)}", f"number = {_toml_str(number)}",
            f"in_force = {_toml_str(in_force)}", f"in_force_note = {_toml_str(in_force)}", 'kind = "auto"', ""]),
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
