"""Whether words of a page state a fact of its day: the reader's modality (planned,
negated) asked on the claim's own clause, and the plans, hopes, conditions and purposes
a claim needs told apart besides."""

from __future__ import annotations

import re

from multilateral.ingest.rules.context import Context
from multilateral.ingest.sentences import Sentence

# Plans, hopes, conditions and purposes: what follows them is no fact of the page's day
# ("look forward to welcoming", "in order to join", "if admitted", "aims to unite"). The
# reader's own modality (planned, negated) is asked first; these add what a claim needs.
_NOT_A_FACT = re.compile(
    r"\b(?:look(?:s|ed|ing)?\s+forward\s+to|in\s+order\s+to|so\s+as\s+to|in\s+a\s+bid\s+to|"
    r"hop(?:e|es|ed|ing)\s+(?:to|that|for)|wish(?:es|ed)?\s+to|aspir\w+|eager\s+to|"
    r"ready\s+to|willing(?:ness)?\s+to|want(?:s|ed)?\s+to|would|could|might|should|must|"
    r"striv(?:e|es|ing)\s+to|"
    r"(?-i:may)|if|unless|whether|aim(?:s|ed|ing)?\s+(?:to|at)|purpose|objectives?|goals?|"
    r"seek(?:s|ing)?\s+to|sought\s+to|commit(?:s|ted)?\s+to|determined\s+to|vision|"
    r"candida(?:te|cy)\s+for|bid\s+(?:to|for)|invit(?:e|es|ed|ation)\b[^.;]{0,40}\bto\s+join|"
    r"call(?:s|ed)?\s+(?:on|for|upon)|(?<=\bto\s)(?:deposit|sign|submit|hand\s+over))\b",
    re.IGNORECASE)
# What keeps a title beside a name from saying who holds the office: a condition or a
# supposition. A request or a hope addressed to the holder ("called on the Chairperson of
# the Commission, X, to engage") still names who holds it.
_SUPPOSED = re.compile(r"\b(?:would|could|might|should|(?-i:may)|if|unless|whether)\b",
                       re.IGNORECASE)
_CLAUSE = re.compile(r"[;:(]|,\s|\s[-–—]\s|\b(?:while|whereas|but|although|which|who|whose|"
                     r"where)\b")


def stated(context: Context, start: int, end: int, *, tail: bool = True,
           office: bool = False) -> bool:
    """Whether the words from `start` to `end` state a fact of the page's day: not planned,
    negated, hoped for, conditional or a purpose (the reader's modality, in the claim's own
    clause, and the words of plans and purposes it does not know). Without `tail`, only the
    words before the claim count ("Secretary-General X will speak" names who holds it); with
    `office`, only conditions and suppositions, not requests or hopes, unsay a title."""
    sentence = context.sentence
    text = context.article.text
    head = text[max(sentence.start, start - 90):start]
    lo = start - len(head) + max((m.end() for m in _CLAUSE.finditer(head)), default=0)
    after = text[end:min(sentence.end, end + 30)] if tail else ""
    stop = _CLAUSE.search(after)
    hi = end + (stop.start() if stop else len(after))
    clause = Context(context.article, Sentence(lo, hi, text[lo:hi]), context.mentions,
                     context.dates)
    if clause.modality(start, end, clause=True) != "asserted":
        return False
    return (_SUPPOSED if office else _NOT_A_FACT).search(text[lo:hi]) is None
