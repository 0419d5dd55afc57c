"""multilateral: a temporal, sourced knowledge base of international organizations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from multilateral.errors import MultilateralError
from multilateral.model.dates import PartialDate
from multilateral.model.status import Status

if TYPE_CHECKING:
    from multilateral.kb import KnowledgeBase

__all__ = ["KnowledgeBase", "MultilateralError", "PartialDate", "Status"]


def __getattr__(name: str) -> Any:
    # The knowledge base (and SQLAlchemy under it) is imported when first asked for, so
    # that `multilateral --help` and the like start at once.
    if name == "KnowledgeBase":
        from multilateral.kb import KnowledgeBase
        return KnowledgeBase
    raise AttributeError(f"module 'multilateral' has no attribute {name!r}")
