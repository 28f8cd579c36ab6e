"""A source document's metadata (documents.toml, or a staff-added document's meta.toml)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCES = Path(__file__).parent / "sources"


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str
    title_en: str
    short: str
    issuer: str
    number: str
    in_force: str
    in_force_note: str
    kind: str
    hints: tuple[str, ...] = ()
    # how much a question that names no document leans to this one (retrieval multiplies its scores): the
    # national measures are what "青年项目" or "the youth project" means when nobody says whose
    prior: float = 1.0
    root: str = ""  # directory of a staff-added document; built-in ones live in SOURCES
    builtin: bool = True

    @property
    def path(self) -> Path:
        return (Path(self.root) if self.root else SOURCES) / self.file

    def raw(self) -> str:
        return self.path.read_text(encoding="utf-8")
