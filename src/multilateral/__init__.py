"""multilateral: a temporal, sourced knowledge base of international organizations."""

from multilateral.errors import MultilateralError
from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate
from multilateral.model.status import Status

__all__ = ["KnowledgeBase", "MultilateralError", "PartialDate", "Status"]
