"""Acts on instruments a page states in its own voice: an instrument of accession or of
ratification deposited or handed over, an application submitted, a treaty ratified or
entering into force, a withdrawal announced or notified, resolutions adopted or
co-sponsored.

They are claims whether or not the reader read a membership from them; the knowledge base
records statuses held, not these steps, so each is found, said precisely and judged
unverifiable unless a claim the reader's facts make already covers the clause.
"""

from __future__ import annotations

import re

from multilateral.check.claim import ArticleClaim
from multilateral.check.clauses import clause_around
from multilateral.check.modality import stated
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context

_INSTRUMENT = (r"(?:instruments?|papers|documents?|protocols?|treat(?:y|ies)|statute|charter|"
               r"conventions?|agreements?)")
# A sentence that names no party may still name the instrument acted on ("The treaty came
# into effect on 20 April 1994", "The ratification process was concluded").
_NAMES_INSTRUMENT = re.compile(rf"\b(?:{_INSTRUMENT}|ratification|accession|negotiations)\b",
                               re.IGNORECASE)
# Each act by its verb; the names say what the knowledge base would have to record.
_ACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("deposit", re.compile(r"\bdeposit(?:s|ed|ing)?\b|\bdeposit\s+of\b", re.IGNORECASE)),
    ("application", re.compile(r"\bapplications?\b[^.;]{0,40}?\b(?:submitted|forwarded|"
                               r"lodged|filed)\b|\b(?:submitted|lodged|filed)\s+(?:\w+\s+){0,2}"
                               r"applications?\b|\bsince\s+(?:it|they)\s+applied\b",
                               re.IGNORECASE)),
    ("handover", re.compile(r"\b(?:hand(?:s|ed|ing)?\s+over|present(?:s|ed|ing)?|"
                            r"submit(?:s|ted|ting)?|forward(?:s|ed)?)\b[^.;]{0,60}?\b"
                            rf"(?:{_INSTRUMENT}|applications?)\b", re.IGNORECASE)),
    ("ratification", re.compile(r"\b(?:ratif(?:y|ies|ied|ying)|ratification\s+(?:process\s+)?"
                                r"(?:was|were|has\s+been)\s+(?:\w+\s+)?(?:concluded|"
                                r"completed))\b", re.IGNORECASE)),
    ("in force", re.compile(r"\b(?:c[ao]me|comes|went|goes|entered|enters)\s+into\s+"
                            r"(?:effect|force)\b|\bbec(?:ame|omes)\s+effective\b",
                            re.IGNORECASE)),
    # a decision or an intention to leave, made known: not "the decision to leave came as
    # a surprise", which speaks of it
    ("withdrawal", re.compile(r"\b(?:gave|gives|given|served)\s+notice\b|\bdenunciation\s+of\b|"
                              r"\b(?:announc|inform|notif|communicat|confirm)\w*\b[^.;]{0,60}?"
                              r"\b(?:decision|intention)\s+to\s+(?:leave|withdraw|quit)\b",
                              re.IGNORECASE)),
    ("adoption", re.compile(r"\badopt(?:s|ed)\s+(?:\w+\s+){0,3}?(?:resolutions?|texts|drafts?|"
                            r"decisions?)\b|"
                            r"\b(?:texts|resolutions|drafts)\s+(?:\w+\s+){0,3}?(?:were|was)\s+"
                            r"adopted\b|\badopted\s+by\s+(?:a\s+)?(?:recorded\s+)?vote\b",
                            re.IGNORECASE)),
    ("vote", re.compile(r"\bvot(?:ed|es)\s+(?:unanimously\s+)?(?:in\s+favou?r|against|"
                        r"to\s+\w+)\b|\bunanimously\s+(?:concluded|decided|agreed|voted)\b",
                        re.IGNORECASE)),
    ("sponsorship", re.compile(r"\bco-?(?:authored|sponsored)\b", re.IGNORECASE)),
    ("talks", re.compile(r"\b(?:accession\s+)?negotiations\s+(?:were\s+)?(?:concluded|"
                         r"completed|closed)\b|\baccession\s+was\s+(?:\w+\s+)?approved\b",
                         re.IGNORECASE)),
)
_SAID = {
    "deposit": "the deposit of an instrument",
    "handover": "the handing over of an instrument or an application",
    "application": "an application",
    "ratification": "a ratification",
    "in force": "an instrument's entry into force",
    "withdrawal": "a notice or a decision of withdrawal",
    "adoption": "the adoption of resolutions",
    "talks": "the end of accession talks or their approval",
    "sponsorship": "who sponsored a resolution",
    "vote": "how a body's members voted",
}


def acts(context: Context, org: Mention | None, covered: list[tuple[int, int]]
         ) -> list[ArticleClaim]:
    """The acts on instruments a sentence states, each in its own clause, where no other
    claim covers the act's words: in a sentence that names a state, an organization or a
    place the gazetteer knows, in the page's voice (not inside a quotation), neither
    planned, hoped for nor denied."""
    sentence = context.sentence
    if not context.mentions and not _NAMES_INSTRUMENT.search(sentence.text):
        return []  # nothing the act is of: no state, organization, place or instrument
    for act, pattern in _ACTS:
        match = pattern.search(sentence.text)
        if match is None:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(s < end and start < e for s, e in covered):
            return []  # the reader's fact, a count or a chair already makes this claim
        if _quoted(sentence.text[:match.start()]) or not stated(context, start, end,
                                                               tail=False):
            continue
        lo, hi = clause_around(sentence.text, match.start(), match.end())
        text = sentence.text[lo:hi]
        return [ArticleClaim("instrument", sentence.start + lo, sentence.start + hi, text,
                             org.id if org else None, org.name if org else None,
                             {"act": act})]
    return []


def _quoted(before: str) -> bool:
    """Whether the words after `before` lie inside a quotation (someone's words, not the
    page's): more opening marks than closing ones, or an odd number of straight ones."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def judge_act(claim: ArticleClaim) -> str:
    """Why an act on an instrument is unverifiable: the knowledge base records statuses
    held, not the steps that lead to them."""
    return (f"The knowledge base records statuses held, not the steps towards them: "
            f"{_SAID[claim.details['act']]} is not checked.")
