"""Documents staff add with `policybot corpus add`, kept in the user's data directory.

Each lives in its own folder (`<id>/source.txt` verbatim, `<id>/meta.toml`).
Adding writes everything into a temporary folder and renames it into place,
so a failed add leaves nothing behind; the index cache is keyed by content,
so the next search sees the new document.
"""
from __future__ import annotations

import os
import re
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


def toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def user_documents() -> dict:
    import tomllib

    from .document import Document

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


MAX_SOURCE_BYTES = 5_000_000  # a regulation is tens of kilobytes; 5 MB is a whole gazette, more is a mistake


def read_text(path: Path, limit: int = MAX_SOURCE_BYTES) -> str:
    if not path.is_file():
        raise CorpusError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)  # never the whole of a huge file
    except OSError as e:
        raise CorpusError(f"cannot read {path}: {e.strerror}")
    if len(data) > limit:
        raise CorpusError(f"{path}: larger than {limit // 1_000_000} MB (split the document, or add its relevant part)")
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
