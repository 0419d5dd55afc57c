"""The vocabulary of membership statuses and of the changes between them."""

from __future__ import annotations

from enum import StrEnum

from multilateral.errors import InvalidInput


class Status(StrEnum):
    MEMBER = "member"
    ASSOCIATE = "associate"
    OBSERVER = "observer"
    DIALOGUE_PARTNER = "dialogue_partner"
    PARTNER = "partner"
    CANDIDATE = "candidate"
    SUSPENDED = "suspended"


    @classmethod
    def parse(cls, text: str) -> Status:
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        key = _ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise InvalidInput(f"Unknown status '{text}': use one of {allowed}.") from None


def rank(status: str | None) -> int:
    """Where a status stands in lists and counts: members first, then associate, observer,
    dialogue partner, partner, candidate, suspended (the order of `Status`); others last."""
    return _ORDER.get(str(status), len(_ORDER))  # str(): an enum member hashes by its name


_ORDER = {status.value: index for index, status in enumerate(Status)}


def label(status: str | None, count: int = 1) -> str:
    """A status (or any vocabulary word) as prose, in the number `count` asks for:
    "dialogue partner", "dialogue partners", but "suspended" (a participle takes no
    plural)."""
    words = (status or "").replace("_", " ")
    plural = count != 1 and words and not words.endswith("ed")
    return words + "s" if plural else words


_ALIASES = {
    "members": "member",
    "full_member": "member",
    "full_membership": "member",
    "observers": "observer",
    "dialogue_partners": "dialogue_partner",
    "associate_member": "associate",
    "associates": "associate",
    "partners": "partner",
    "candidates": "candidate",
}

# COW IGO v3 status codes (codebook 3.0): 1 full member, 2 associate, 3 observer.
COW_STATUS = {1: Status.MEMBER, 2: Status.ASSOCIATE, 3: Status.OBSERVER}
