"""Where a joining the reader read is not what the sentence says, named precisely so the
verdict abstains instead of judging the wrong state or day: the state that receives an
instrument taken for the one joining, the day a protocol or an accession treaty was
signed (or talks ended) taken for the day of accession."""

from __future__ import annotations

import re

from multilateral.check.claim import ArticleClaim
from multilateral.model.facts import Membership

_INSTRUMENT = r"(?:protocols?|accession\s+treat(?:y|ies)|treat(?:y|ies)\s+of\s+accession)"
_SIGNED = re.compile(rf"\b{_INSTRUMENT}\b[^.]{{0,80}}\bsign|\bsign(?:ed|s|ing)?\b"
                     rf"[^.]{{0,80}}\b{_INSTRUMENT}\b|\b(?:finish|conclud|complet)\w*\s+"
                     r"(?:the\s+|its\s+)?accession\s+(?:talks|negotiations)", re.IGNORECASE)


def misread_joining(claim: ArticleClaim, fact: Membership) -> str | None:
    """Why the reader's joining cannot be judged as read, or None."""
    if claim.details.get("recipient"):
        return (f"{fact.state} receives the instrument here (the reader took the recipient "
                "for the state joining); the joiner is not checked.")
    if fact.date and _SIGNED.search(claim.text):
        return (f"{fact.date} is the day a protocol or treaty was signed or talks ended, not "
                f"{fact.state}'s accession (the reader gave that day to the joining).")
    return None
