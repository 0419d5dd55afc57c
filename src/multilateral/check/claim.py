"""One checkable claim of an article: its kind, the span of text that makes it, the
organization it is about and what it states."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from multilateral.model.facts import Fact


@dataclass
class ArticleClaim:
    kind: str  # count | list | joined | chair | founding | instrument | share |
    # superlative | officeholder
    start: int
    end: int
    text: str
    org_id: str | None = None
    org: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "org": {"id": self.org_id, "name": self.org} if self.org_id else None,
                "details": self.details}
