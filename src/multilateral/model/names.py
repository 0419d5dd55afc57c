"""Name normalisation shared by loading and lookup, so that both sides agree."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

_SPELLINGS = {
    "organisation": "organization",
    "organisations": "organizations",
    "programme": "program",
    "centre": "center",
    "&": "and",
}
_DROP = re.compile(r"[^\w\s&]")
# "Co-operation", "co operation" and "cooperation" are one word.
_CO = re.compile(r"\bco[\s-]+(?=operat|ordinat)")
_SPACE = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Case, accents, punctuation, a leading "the" and British spellings do not matter."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROP.sub(" ", _CO.sub("co", text.replace("'", "")))
    words = [_SPELLINGS.get(word, word) for word in _SPACE.split(text.replace("&", " & ")) if word]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


class OrgName(NamedTuple):
    id: str
    name: str
    parent_id: str | None
    kind: str
    dissolved: str | None


class EntityName(NamedTuple):
    entity_type: str  # organization | state | place
    entity_id: str
    name: str
    kind: str  # canonical | acronym | alias | former | ...


@dataclass(frozen=True)
class KnownNames:
    """What the reader needs to know of the knowledge base to find mentions: every
    organization with its parent, the canonical names of states and places, and every
    name, acronym and alias."""

    organizations: list[OrgName]
    canonical: list[EntityName]
    names: list[EntityName]
    cities: list[tuple[str, str]] = field(default_factory=list)  # (GeoNames id, name)
