"""An organization's own names for its statuses, mapped to ours before a claim is compared.

The reader names a status by its head word ("Sectoral Dialogue Partner" is read as a
dialogue partner), but ASEAN's sectoral dialogue partners are what the knowledge base
records as partners: compared unmapped, a true claim would be contradicted.
"""

from __future__ import annotations

import re

# (the organization, or None for any; its words; our status). The first that fits wins.
# The first two are kinds of what we call a partner: a list or a join is compared as a
# partner's, but a count of one kind cannot be (the knowledge base counts them together).
OWN_NAMES: tuple[tuple[str | None, str, str], ...] = (
    (None, "sectoral dialogue partner", "partner"),
    (None, "development partner", "partner"),
    (None, "partners? for co-?operation", "partner"),
    (None, "observer states?", "observer"),
    (None, "member states?", "member"),
    (None, "full members?", "member"),
    (None, "associate members?", "associate"),
    (None, "candidate countr(?:y|ies)", "candidate"),
)
_PATTERNS = tuple((org, re.compile(rf"\b{words}s?\b", re.IGNORECASE), ours)
                  for org, words, ours in OWN_NAMES)


def our_status(org_id: str | None, words: str, read: str) -> str:
    """Our status for the one the reader read (`read`) from `words` of an organization's
    text: its own name for the status where the words hold one, else `read`."""
    for org, pattern, ours in _PATTERNS:
        if (org is None or org == org_id) and pattern.search(words):
            return ours if _same_head(read, ours) else read
    return read


def counted_together(words: str) -> bool:
    """Whether `words` name one of several kinds of status the knowledge base records as one
    (a count of ASEAN's sectoral dialogue partners is no count of its partners)."""
    return any(pattern.search(words) for _, pattern, _ in _PATTERNS[:2])


def _same_head(read: str, ours: str) -> bool:
    """Whether the reader's status is what the head word of the own name gives: only
    then is the own name the one it read ("a member state and a dialogue partner")."""
    return read == ours or (read, ours) == ("dialogue_partner", "partner")
