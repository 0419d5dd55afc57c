"""What the article desk's batches report: each article stored or not, each review decision,
and the one exit policy over them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from multilateral.errors import MultilateralError, batch_exit_code


@dataclass
class IngestItem:
    source: str
    article_id: int | None = None
    created: bool = False
    facts: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "article_id": self.article_id, "created": self.created,
                "facts": self.facts, "error": self.error}


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for item in self.items if item.error)

    @property
    def exit_code(self) -> int:
        return batch_exit_code(self.failed, len(self.items))

    def as_dict(self) -> dict[str, Any]:
        return {"articles": len(self.items), "stored": sum(i.created for i in self.items),
                "unchanged": sum(1 for i in self.items if not i.created and not i.error),
                "failed": self.failed, "items": [item.as_dict() for item in self.items]}


@dataclass
class ReviewResult:
    candidate: dict[str, Any]
    action: str
    fact_type: str | None
    fact_id: int | None
    conflicts: list[str] = field(default_factory=list)
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"candidate": self.candidate, "action": self.action,
                "knowledge_base": {"fact_type": self.fact_type, "fact_id": self.fact_id},
                "conflicts": self.conflicts, "note": self.note}


@dataclass
class ReviewBatch:
    """Decisions made together (`review --accept 3 --reject 4`, `--accept-above 0.8`)."""

    results: list[ReviewResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attempt(self, candidate_id: int, decide: Callable[[], ReviewResult]) -> None:
        try:
            self.results.append(decide())
        except MultilateralError as exc:
            self.errors.append(f"candidate {candidate_id}: {exc.message}")

    @property
    def exit_code(self) -> int:
        return batch_exit_code(len(self.errors), len(self.errors) + len(self.results))

    def as_dict(self) -> dict[str, Any]:
        return {"reviewed": [r.as_dict() for r in self.results], "errors": self.errors}
