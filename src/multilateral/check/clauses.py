"""The clause of a sentence that makes a claim: the smallest span a claim is reported
with, so that two claims of one sentence ("founded in 2006 by four states, with a fifth
joining in 2011") are each judged on their own words."""

from __future__ import annotations

import re

# Where a clause begins or ends within a sentence: a semicolon, a colon, a dash, or a comma
# before a relative pronoun or a word that opens another clause.
_BOUNDARY = re.compile(r"[;:]\s*|\s[-–—]{1,2}\s|,\s+(?=(?:which|who|whose|while|whereas|but|"
                       r"with|and\s+(?:the|its|their|on|in)\b|after|before|following)\b)")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` (a sentence) around the words from `start` to `end`, as offsets
    into it, trimmed."""
    lo = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    after = _BOUNDARY.search(text, end)
    hi = after.start() if after else len(text.rstrip())
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, max(hi, end)
