"""Reading short notes of our own words as a real page would be read: the shared set-up of
the tests that pin the shapes real pages write (gold/real, dev split)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from multilateral.kb import KnowledgeBase
from multilateral.model.dates import PartialDate

WEDNESDAY = PartialDate(2024, 5, 15)  # the notes' article date

Facts = list[dict[str, Any]]


def note_reader(sqlite_url: str) -> Callable[..., Facts]:
    """Read a note's text (under a headline, dated WEDNESDAY unless told) into its facts,
    optionally of one type."""
    kb = KnowledgeBase(sqlite_url)

    def facts(text: str, kind: str | None = None,
              published: PartialDate | None = WEDNESDAY) -> Facts:
        document = kb.extract_bytes("note.txt", f"Bloc note\n\n{text}\n".encode(),
                                    published=published, force=True)
        return [f for f in document.as_dict()["facts"] if kind is None or f["type"] == kind]
    return facts


def events(found: Facts) -> set[tuple[Any, ...]]:
    return {(f["kind"], f["place"], f["date"], f["modality"]) for f in found}
