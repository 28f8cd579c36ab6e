"""What the core returns for a turn; every frontend renders this."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reply:
    text: str
    lang: str
    asking: str | None = None  # the fact this reply asks for
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label) for buttons
    facts: dict = field(default_factory=dict)
    verdicts: list[dict] = field(default_factory=list)  # SPEC 5 verdicts of the programs in focus
    kind: str = "info"  # question | verdict | answer | summary | what_if | info | error | duplicate
    what_if: list[dict] | None = None  # for kind "what_if": the verdicts under the hypothesis (profile untouched)
    edits: list[tuple[str, str]] = field(default_factory=list)  # (fact, label): /profile's change buttons
    quote: str | None = None  # a part of `text` that is the Chinese original quoted (Telegram: expandable quote)

    def as_json(self) -> dict:
        return {"reply": self.text, "lang": self.lang, "asking": self.asking, "facts": self.facts,
                "verdicts": self.verdicts, "options": [{"value": v, "label": l} for v, l in self.options],
                "kind": self.kind, **({"what_if": self.what_if} if self.what_if is not None else {})}
