"""multilateral: a temporal, sourced knowledge base of international organizations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from multilateral.errors import MultilateralError

if TYPE_CHECKING:
    from multilateral.kb import KnowledgeBase
    from multilateral.model.dates import PartialDate
    from multilateral.model.status import Status

__all__ = ["KnowledgeBase", "MultilateralError", "PartialDate", "Status"]


def __getattr__(name: str) -> Any:
    # The knowledge base (and SQLAlchemy under it) and the model are imported when first
    # asked for, so that `multilateral --help` and the like start at once.
    if name == "KnowledgeBase":
        from multilateral.kb import KnowledgeBase
        return KnowledgeBase
    if name == "PartialDate":
        from multilateral.model.dates import PartialDate
        return PartialDate
    if name == "Status":
        from multilateral.model.status import Status
        return Status
    raise AttributeError(f"module 'multilateral' has no attribute {name!r}")
