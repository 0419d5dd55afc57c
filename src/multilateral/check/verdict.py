"""A verdict on one claim, and the questions a judge asks the knowledge base to reach it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from multilateral.check.claim import ArticleClaim
from multilateral.model.dates import DateLike
from multilateral.model.results import History, Members, Share


class KnowledgeSource(Protocol):
    """The questions a judge asks; the knowledge base's questions answer them."""

    @property
    def today(self) -> dt.date: ...

    def members(self, org: str, on: DateLike = None, status: str | None = None) -> Members: ...

    def history(self, org: str, state: str | None = None) -> History: ...

    def instruments(self, org: str) -> list[dict[str, Any]]: ...

    def chairs(self, org: str) -> list[dict[str, Any]]: ...

    def foundings(self, org: str) -> list[dict[str, Any]]: ...

    def share(self, org: str, on: DateLike = None, status: str = "member") -> Share: ...


@dataclass
class Verdict:
    claim: ArticleClaim
    verdict: str
    reason: str
    figure: Any = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {**self.claim.as_dict(), "verdict": self.verdict, "reason": self.reason,
                "figure": self.figure, "facts": self.facts, "changes": self.changes}
