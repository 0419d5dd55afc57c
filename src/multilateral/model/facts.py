"""Facts read from an article, in the one JSON shape of docs/FACTS.md.

A fact is one record per type (`Membership`, `Agreement`, ...) with that type's
fields, the span of cleaned text that states it (and, in `also`, every other span of the
article that states it again), a confidence and a modality.
Every fact is checked where it is built: the dataclass refuses a value outside
its vocabulary (`change`, `status`, `kind`, `effect`, `modality`, `date_basis`)
whoever builds it, and `Fact.from_dict` is the one way in from JSON (a stored
candidate, an editor's edit, a gold file). `as_dict` is the document the CLI
prints, the review queue stores and the evaluation scores.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, Literal

from multilateral.errors import InvalidFact
from multilateral.model.status import Status

Modality = Literal["asserted", "planned", "negated", "reported"]
Change = Literal["joined", "left", "granted", "applied", "holds"]
AgreementKind = Literal["mou", "agreement", "joint_declaration", "joint_statement", "treaty",
                        "convention", "charter", "protocol"]
EventKind = Literal["summit", "meeting", "high_level_event", "conference", "session"]
Effect = Literal["observer_status", "cooperation", "other"]

FACT_TYPES = ("membership", "agreement", "resolution", "event", "chairmanship", "founding")
MODALITIES: tuple[Modality, ...] = ("asserted", "planned", "negated", "reported")
CHANGES: tuple[Change, ...] = ("joined", "left", "granted", "applied", "holds")
AGREEMENT_KINDS: tuple[AgreementKind, ...] = (
    "mou", "agreement", "joint_declaration", "joint_statement", "treaty", "convention",
    "charter", "protocol")
EVENT_KINDS: tuple[EventKind, ...] = ("summit", "meeting", "high_level_event", "conference",
                                      "session")
EFFECTS: tuple[Effect, ...] = ("observer_status", "cooperation", "other")
STATUSES = tuple(status.value for status in Status)
DATE_BASES = ("text", "relative", "article_date", "context")

_COMMON = ("evidence", "also", "confidence", "modality")
ALSO_KEPT = 20  # further spans of one fact kept: a page that repeats itself says no more
# Written only when known: FACTS.md leaves them out otherwise.
_WHEN_KNOWN = frozenset({"org_mention", "state_mention", "subject_mention", "date_basis",
                         "date_partial", "orgs"})
_LISTS = frozenset({"parties", "party_ids", "organizers", "organizer_ids", "orgs"})
_IDS = frozenset({"party_ids", "organizer_ids"})  # a name not in the knowledge base is null
_EMPTY: tuple[Any, ...] = (None, [], "")


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Any) -> Evidence:
        """A gold file's evidence may give the text alone: its offsets are then -1."""
        raw = {} if data is None else data
        if not isinstance(raw, dict):
            raise InvalidFact("evidence", data, problem="must be an object "
                              '{"start": int, "end": int, "text": str}')
        start, end, text = raw.get("start", -1), raw.get("end", -1), raw.get("text", "")
        if not isinstance(start, int) or not isinstance(end, int) or not isinstance(text, str):
            raise InvalidFact("evidence", data, problem="must be an object "
                              '{"start": int, "end": int, "text": str}')
        return cls(start, end, text)


@dataclass(kw_only=True)
class Fact:
    """What every fact has; a subclass per type adds its fields, in FACTS.md's order."""

    type: ClassVar[str]
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {}
    _nullable: ClassVar[frozenset[str]] = frozenset()

    evidence: Evidence
    confidence: float = 1.0
    modality: Modality = "asserted"
    # The other spans that state the same fact, in text order (merging fills it); written
    # only when there are any, so a fact stated once keeps the shape it always had.
    also: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise InvalidFact("modality", self.modality, MODALITIES, fact_type=self.type)
        for name, allowed in self._vocabulary.items():
            value = getattr(self, name)
            if value is None and name in self._nullable:
                continue
            if value not in allowed:
                raise InvalidFact(name, value, allowed, fact_type=self.type)

    @property
    def when(self) -> str | None:
        """The date the fact is dated by (a chairmanship's start)."""
        raise NotImplementedError

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type}
        for name in self._field_names():
            value = getattr(self, name)
            if value is None and name in _WHEN_KNOWN:
                continue
            body[name] = value.value if isinstance(value, Status) else value
        spans = {"also": [e.as_dict() for e in self.also]} if self.also else {}
        return {**body, "evidence": self.evidence.as_dict(), **spans,
                "confidence": round(self.confidence, 2), "modality": self.modality}

    def add_evidence(self, other: Fact) -> None:
        """Keep the spans of a second statement of this fact beside its own: the first
        ALSO_KEPT of them, so that a page repeating one sentence thousands of times keeps
        its facts small and its reading linear."""
        if len(self.also) >= ALSO_KEPT:
            return
        seen = {(self.evidence.start, self.evidence.end)} | {(e.start, e.end) for e in self.also}
        for span in (other.evidence, *other.also):
            if (span.start, span.end) not in seen and len(self.also) < ALSO_KEPT:
                seen.add((span.start, span.end))
                self.also.append(span)
        self.also.sort(key=lambda e: (e.start, e.end))

    def fill(self, other: Fact) -> None:
        """Take from a second statement of the same fact what this one left empty."""
        for name in self._field_names():
            if getattr(self, name) in _EMPTY and getattr(other, name) not in _EMPTY:
                setattr(self, name, getattr(other, name))

    @classmethod
    def _field_names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name not in _COMMON]

    @staticmethod
    def from_dict(data: Any) -> Fact:
        """A fact from its JSON (a stored candidate, an edited fact, a gold fact): the inverse
        of `as_dict`; raises InvalidFact naming the field that is wrong."""
        if not isinstance(data, dict):
            raise InvalidFact("fact", data, problem="must be a JSON object (docs/FACTS.md)")
        body = dict(data)
        kind = body.pop("type", None)
        cls = _TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise InvalidFact("type", kind, FACT_TYPES)
        evidence = Evidence.from_dict(body.pop("evidence", None))
        also = body.pop("also", None) or []
        if not isinstance(also, list):
            raise InvalidFact("also", also, fact_type=cls.type,
                              problem="must be a list of evidence objects "
                              '[{"start": int, "end": int, "text": str}, ...]')
        more = [Evidence.from_dict(span) for span in also]
        confidence = body.pop("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise InvalidFact("confidence", confidence, fact_type=cls.type,
                              problem="must be a number from 0 to 1")
        modality = body.pop("modality", "asserted")
        known = {f.name: f for f in fields(cls) if f.name not in _COMMON}
        unknown = sorted(set(body) - set(known))
        if unknown:
            raise InvalidFact(unknown[0], body[unknown[0]], fact_type=cls.type,
                              problem="is not a field of this type; its fields are "
                              + ", ".join(known))
        values: dict[str, Any] = {}
        for name, spec in known.items():
            if name not in body:
                if spec.default is MISSING and spec.default_factory is MISSING:
                    raise InvalidFact(name, None, cls._vocabulary.get(name, ()),
                                      fact_type=cls.type)
                continue
            values[name] = _value(cls.type, name, body[name])
        return cls(**values, evidence=evidence, confidence=float(confidence), modality=modality,
                   also=more)


def _value(fact_type: str, name: str, value: Any) -> Any:
    """A JSON value in the type its field holds: text or null, or a list of text."""
    if name in _LISTS:
        if value is None:
            return None if name == "orgs" else []
        if isinstance(value, list) and all(
                isinstance(item, str) or (item is None and name in _IDS) for item in value):
            return list(value)
        raise InvalidFact(name, value, fact_type=fact_type, problem="must be a list of names")
    if value is None or isinstance(value, str):
        return value
    raise InvalidFact(name, value, fact_type=fact_type, problem="must be text or null")


@dataclass(kw_only=True)
class Membership(Fact):
    type: ClassVar[str] = "membership"
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {
        "status": STATUSES, "change": CHANGES, "date_basis": DATE_BASES}
    _nullable: ClassVar[frozenset[str]] = frozenset({"date_basis"})

    org: str | None = None
    org_id: str | None = None
    org_mention: str | None = None
    state: str | None = None  # the member, which may be an organization
    state_id: str | None = None
    state_mention: str | None = None
    status: Status
    change: Change
    date: str | None = None
    date_basis: str | None = None
    date_partial: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self.status = Status(self.status)

    @property
    def when(self) -> str | None:
        return self.date


@dataclass(kw_only=True)
class Agreement(Fact):
    type: ClassVar[str] = "agreement"
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {
        "kind": AGREEMENT_KINDS, "date_basis": DATE_BASES}
    _nullable: ClassVar[frozenset[str]] = frozenset({"date_basis"})

    kind: AgreementKind
    parties: list[str] = field(default_factory=list)
    party_ids: list[str | None] = field(default_factory=list)
    date: str | None = None
    date_basis: str | None = None
    date_partial: str | None = None
    place: str | None = None
    place_id: str | None = None
    title: str | None = None
    orgs: list[str] | None = None  # the parties' parent organizations, where they differ

    @property
    def when(self) -> str | None:
        return self.date


@dataclass(kw_only=True)
class Resolution(Fact):
    type: ClassVar[str] = "resolution"
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {
        "effect": EFFECTS, "date_basis": DATE_BASES}
    _nullable: ClassVar[frozenset[str]] = frozenset({"effect", "date_basis"})

    body: str | None = None
    body_id: str | None = None
    number: str | None = None
    date: str | None = None
    date_basis: str | None = None
    date_partial: str | None = None
    subject: str | None = None
    subject_id: str | None = None
    subject_mention: str | None = None
    effect: Effect | None = None

    @property
    def when(self) -> str | None:
        return self.date


@dataclass(kw_only=True)
class Event(Fact):
    type: ClassVar[str] = "event"
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {
        "kind": EVENT_KINDS, "date_basis": DATE_BASES}
    _nullable: ClassVar[frozenset[str]] = frozenset({"date_basis"})

    kind: EventKind
    name: str | None = None
    date: str | None = None
    date_basis: str | None = None
    date_partial: str | None = None
    end_date: str | None = None
    place: str | None = None
    place_id: str | None = None
    organizers: list[str] = field(default_factory=list)
    organizer_ids: list[str | None] = field(default_factory=list)
    chair: str | None = None

    @property
    def when(self) -> str | None:
        return self.date


@dataclass(kw_only=True)
class Chairmanship(Fact):
    type: ClassVar[str] = "chairmanship"

    org: str | None = None
    org_id: str | None = None
    org_mention: str | None = None
    state: str | None = None
    state_id: str | None = None
    state_mention: str | None = None
    start: str | None = None
    end: str | None = None

    @property
    def when(self) -> str | None:
        return self.start


@dataclass(kw_only=True)
class Founding(Fact):
    type: ClassVar[str] = "founding"
    _vocabulary: ClassVar[dict[str, tuple[str, ...]]] = {"date_basis": DATE_BASES}
    _nullable: ClassVar[frozenset[str]] = frozenset({"date_basis"})

    org: str | None = None
    org_id: str | None = None
    org_mention: str | None = None
    date: str | None = None
    date_basis: str | None = None
    date_partial: str | None = None
    place: str | None = None
    place_id: str | None = None

    @property
    def when(self) -> str | None:
        return self.date


_TYPES: dict[str, type[Fact]] = {cls.type: cls for cls in (
    Membership, Agreement, Resolution, Event, Chairmanship, Founding)}


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
