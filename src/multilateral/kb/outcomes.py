"""What the article desk's batches report: each article stored or not, each review decision,
and the one exit policy over them."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from multilateral.errors import MultilateralError, batch_exit_code


@dataclass
class IngestItem:
    source: str
    article_id: int | None = None
    created: bool = False
    facts: int | None = 0  # None: not read this time (done before, by the ledger)
    error: str | None = None
    done_before: bool = False  # finished by an earlier run, passed over

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "article_id": self.article_id, "created": self.created,
                "facts": self.facts, "error": self.error, "done_before": self.done_before}


@dataclass
class IngestReport:
    """`items`: each article stored, unchanged or failed; `skipped`: how many inputs were no
    article, by reason (request records, images, pages naming no organization);
    `done_before`: the items a previous run finished, passed over (the ledger)."""

    items: list[IngestItem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    done_before: int = 0
    started: float = field(default_factory=time.monotonic)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    @property
    def failed(self) -> int:
        return sum(1 for item in self.items if item.error)

    @property
    def stored(self) -> int:
        return sum(item.created for item in self.items)

    @property
    def read(self) -> int:
        """The files and records this run read (not those done before, passed over)."""
        return len(self.items) + sum(self.skipped.values()) - sum(
            i.done_before for i in self.items)

    @property
    def total(self) -> int:
        """Every input the batch met: its exit code's denominator."""
        return len(self.items) + sum(self.skipped.values())

    def per_second(self) -> float:
        return self.read / max(time.monotonic() - self.started, 1e-6)

    @property
    def exit_code(self) -> int:
        return batch_exit_code(self.failed, self.total)

    def as_dict(self) -> dict[str, Any]:
        return {"articles": len(self.items), "stored": self.stored,
                "unchanged": sum(1 for i in self.items if not i.created and not i.error),
                "failed": self.failed, "read": self.read,
                "skipped": sum(self.skipped.values()), "skipped_by_reason": dict(
                    sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))),
                "done_before": self.done_before, "items": [item.as_dict() for item in self.items]}


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
