"""Facts read from an article, in the one JSON shape of docs/FACTS.md.

A fact is a type, its type's fields, the span of cleaned text that states it, a
confidence and a modality. The fields stay a plain mapping because each type has
its own (FACTS.md lists them); the pipeline fills them and `as_dict` is the
document the CLI prints, the review queue stores and the evaluation scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FACT_TYPES = ("membership", "agreement", "resolution", "event", "chairmanship", "founding")
MODALITIES = ("asserted", "planned", "negated", "reported")
CHANGES = ("joined", "left", "granted", "applied", "holds")
AGREEMENT_KINDS = ("mou", "agreement", "joint_declaration", "joint_statement", "treaty",
                   "convention", "charter", "protocol")
EVENT_KINDS = ("summit", "meeting", "high_level_event", "conference", "session")


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Fact:
    type: str
    fields: dict[str, Any]
    evidence: Evidence
    confidence: float
    modality: str = "asserted"

    def get(self, key: str) -> Any:
        return self.fields.get(key)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, **self.fields, "evidence": self.evidence.as_dict(),
                "confidence": round(self.confidence, 2), "modality": self.modality}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        """The inverse of `as_dict` (a stored candidate, an edited fact, a gold fact)."""
        body = dict(data)
        kind = body.pop("type")
        if kind not in FACT_TYPES:
            raise ValueError(f"unknown fact type '{kind}': use one of {', '.join(FACT_TYPES)}")
        raw = body.pop("evidence", None) or {}
        evidence = Evidence(int(raw.get("start", -1)), int(raw.get("end", -1)),
                            str(raw.get("text", "")))
        confidence = float(body.pop("confidence", 1.0))
        modality = str(body.pop("modality", "asserted"))
        if modality not in MODALITIES:
            raise ValueError(f"unknown modality '{modality}': use one of {', '.join(MODALITIES)}")
        return cls(kind, body, evidence, confidence, modality)


@dataclass
class Document:
    """One article read: its metadata, cleaned text and the facts it states."""

    source: str
    sha256: str
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    photo_credits: list[str] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        document: dict[str, Any] = {
            "source": self.source, "sha256": self.sha256, "title": self.title,
            "published": self.published, "language": self.language, "author": self.author,
            "photo_credits": self.photo_credits, "tags": self.tags,
        }
        if with_text:
            document["text"] = self.text
        return {"document": document, "facts": [fact.as_dict() for fact in self.facts],
                "warnings": self.warnings}
