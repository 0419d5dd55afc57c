"""Who chairs an organization, where the reader read no chairmanship: the state named as
the one holding the chair beside the word, or the head of the host who chaired its
meeting."""

from __future__ import annotations

import re

from multilateral.check.claim import ArticleClaim
from multilateral.check.modality import stated
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context
from multilateral.model.facts import Chairmanship, Evidence

# Words that say who chairs: "holds the chairmanship", "chaired by", "takes over the Chair".
CHAIR = re.compile(r"\b(?:chair(?:s|ed|ing)?|chairmanship|chairpersonship|chair-in-office|"
                   r"(?:rotating\s+)?presidency|presid(?:es|ed|ing)\s+over)\b", re.IGNORECASE)
# Between the state and the word: "Malta takes over the OSCE Chair", "Russia's
# chairmanship", "Tajikistan, which holds the rotating presidency".
_HOLDS = re.compile(r"(?:['’]s|,?\s+(?:which|who)?\s*(?:currently\s+|now\s+|presently\s+)?"
                    r"(?:holds?|held|takes?\s+over|took\s+over|assumes?|assumed|chairs?|"
                    r"chaired|presides?|presided|is|was|has|had|became|becomes|as)"
                    r"(?:\s+(?:the|its|this\s+year['’]s|the\s+rotating|rotating))?"
                    r"(?:\s+[A-Z][\w-]*){0,2}\s*)", re.IGNORECASE)
# The state of the person who chaired a meeting: "President of the Republic of Kazakhstan
# N. Nazarbayev chaired the meeting", "The Prime Minister of Belize, the Honourable Dean
# Barrow, chaired the proceedings": the head of the host chairs the organization's meeting.
_HEAD_OF = re.compile(r"\b(?:President|Prime\s+Minister|Premier|Chancellor|Emir|King|"
                      r"Sultan|Head\s+of\s+(?:State|Government))\s+of\s+(?:the\s+)?$")
_PERSON_THEN = re.compile(r",?\s+(?:the\s+)?(?:(?:Rt\.?\s+)?Hon(?:ou)?rable\s+|H\.\s?E\.\s+|"
                          r"(?:Mr|Mrs|Ms|Dr)\.?\s+)*(?:[A-Z][\w'’.-]*\s+){1,4}?"
                          r"(?:[A-Z][\w'’-]+),?\s+(?:has\s+|had\s+)?")
_MEETING_AFTER = re.compile(r"\s+(?:the|its|this|that)\s+(?:\w+\s+){0,2}?(?:meeting|"
                            r"proceedings|summit|session|conference|talks)\b", re.IGNORECASE)


def chairs_of(context: Context, org: Mention | None) -> list[ArticleClaim]:
    """Who chairs an organization, where the reader read no chairmanship: the state named
    nearest the word ("Malta takes over the OSCE Chairpersonship", "Russia holds the CIS
    chairmanship"), judged as the reader's chairmanships are."""
    sentence = context.sentence
    found = []
    for match in CHAIR.finditer(sentence.text):
        at = sentence.start + match.start()
        states = [m for m in context.mentions if m.type == "state" and m.linked]
        orgs = [m for m in context.mentions if m.type == "organization" and m.linked]
        if not states or not stated(context, at, sentence.start + match.end()):
            continue
        text = context.article.text
        end = sentence.start + match.end()
        holders = [m for m in states if m.end <= at and _HOLDS.fullmatch(text[m.end:at])] + [
            m for m in states if m.start >= end and re.fullmatch(r"\s+by\s+(?:the\s+)?",
                                                                 text[end:m.start])] + [
            m for m in states if m.end <= at and _chaired_by_head(text, m, at, end)]
        if not holders:
            continue  # a state named near the word, not as the one who chairs
        state = holders[0]
        body = min(orgs, key=lambda m: abs(m.start - at)) if orgs else org
        if body is None:
            continue
        # the claim is the words from the state to the chair, not the sentence around them
        # ("The text drafted by Tajikistan, which holds the SCO Chairmanship, was
        # co-sponsored by ...": the sponsors are another claim)
        lo, hi = min(state.start, at), max(state.end, end)
        fact = Chairmanship(evidence=Evidence(lo, hi, text[lo:hi]), org=body.name,
                            org_id=body.id, state=state.name, state_id=state.id,
                            confidence=0.5)
        found.append(ArticleClaim("chair", lo, hi, text[lo:hi], body.id, body.name,
                                  {"fact": fact.as_dict()}, [fact]))
        break  # one per sentence
    return found


def _chaired_by_head(text: str, state: Mention, at: int, end: int) -> bool:
    """Whether the head of `state`, named as such, chaired the meeting the sentence names
    ("President of the Republic of Kazakhstan N. Nazarbayev chaired the meeting")."""
    return (_HEAD_OF.search(text[max(0, state.start - 40):state.start]) is not None
            and _PERSON_THEN.fullmatch(text[state.end:at]) is not None
            and re.match(r"(?i:chaired|presided\s+over)$", text[at:end]) is not None
            and _MEETING_AFTER.match(text[end:end + 40]) is not None)
