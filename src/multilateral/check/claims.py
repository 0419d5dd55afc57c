"""The checkable claims of an article: counts, lists, joins, chairs, foundings, instruments,
population shares and superlatives, each with the span of text that makes it.

Most claims are facts the extractor already reads (a list of members, an
accession, a memorandum); counts, shares and superlatives are found here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from multilateral.ingest.gazetteer import Gazetteer
from multilateral.ingest.mentions import Mention, find_mentions
from multilateral.ingest.rules.membership import status_value
from multilateral.ingest.sentences import Sentence, split_sentences
from multilateral.model.facts import (
    Agreement,
    Chairmanship,
    Document,
    Fact,
    Founding,
    Membership,
    Resolution,
)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "twenty": 20}
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")"
_COUNT = re.compile(
    _NUMBER + r"\s+(?:full\s+|current\s+|permanent\s+)?(?P<s>member(?:\s+(?:states?|countries|"
    r"nations))?s?|observer(?:\s+(?:states?|countries))?s?|dialogue\s+partners?|"
    r"partner\s+countries|partners|associate\s+members?|candidates?(?:\s+countries)?)\b",
    re.IGNORECASE)
_SHARE = re.compile(
    r"(?P<q>over|more than|above|nearly|almost|about|around|some|roughly|approximately|"
    r"close to|at least|less than|under)?\s*(?P<pct>\d{1,2}(?:\.\d+)?)\s*(?:%|per\s?cent|percent)"
    r"\s+of\s+(?:the\s+)?(?:world'?s|global|world)\s+population", re.IGNORECASE)
_SUPERLATIVE = re.compile(
    r"\b(?:the\s+)?(?:world'?s\s+)?(?P<w>largest|biggest|most\s+populous|oldest|most\s+"
    r"powerful|most\s+influential|first|only)\b[^.;]{0,40}?\b(?:organi[sz]ation|bloc|"
    r"alliance|group(?:ing)?|union|forum|body)\b", re.IGNORECASE)


@dataclass
class ArticleClaim:
    kind: str  # count | list | joined | chair | founding | instrument | share | superlative
    start: int
    end: int
    text: str
    org_id: str | None = None
    org: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "org": {"id": self.org_id, "name": self.org} if self.org_id else None,
                "details": self.details}


def find_claims(document: Document, gazetteer: Gazetteer) -> list[ArticleClaim]:
    text = document.text
    mentions = find_mentions(text, gazetteer)
    claims: list[ArticleClaim] = []
    sentences = split_sentences(text)
    for sentence in sentences:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        org = _org_for(sentence, inside, mentions)
        claims += _counts(sentence, org)
        claims += _shares(sentence, org)
        claims += _superlatives(sentence, org)
    claims += _from_facts(document, sentences)
    return sorted(claims, key=lambda c: (c.start, c.kind))


def _org_for(sentence: Sentence, inside: list[Mention], everything: list[Mention]
             ) -> Mention | None:
    orgs = [m for m in inside if m.type == "organization" and m.linked]
    if orgs:
        return orgs[0]
    before = [m for m in everything if m.type == "organization" and m.linked
              and m.end <= sentence.start]
    return before[-1] if before else None


def _counts(sentence: Sentence, org: Mention | None) -> list[ArticleClaim]:
    found = []
    for match in _COUNT.finditer(sentence.text):
        raw = match.group("n").lower()
        number = int(raw) if raw.isdigit() else _NUMBERS[raw]
        status = status_value(match.group("s"))
        start = sentence.start + match.start()
        found.append(ArticleClaim("count", start, sentence.start + match.end(), match.group(),
                           org.id if org else None, org.name if org else None,
                           {"number": number, "status": status.value}))
    return found


def _shares(sentence: Sentence, org: Mention | None) -> list[ArticleClaim]:
    found = []
    for match in _SHARE.finditer(sentence.text):
        qualifier = (match.group("q") or "").lower() or None
        found.append(ArticleClaim("share", sentence.start + match.start("pct") - (
            len(match.group("q")) + 1 if match.group("q") else 0),
            sentence.start + match.end(), match.group().strip(),
            org.id if org else None, org.name if org else None,
            {"percent": float(match.group("pct")), "qualifier": qualifier}))
    return found


def _superlatives(sentence: Sentence, org: Mention | None) -> list[ArticleClaim]:
    return [ArticleClaim("superlative", sentence.start + m.start(), sentence.start + m.end(),
                  m.group(), org.id if org else None, org.name if org else None,
                  {"word": m.group("w").lower()}) for m in _SUPERLATIVE.finditer(sentence.text)]


def _from_facts(document: Document, sentences: list[Sentence]) -> list[ArticleClaim]:
    """Lists (the members a sentence names as current), joins, chairs, foundings, instruments."""
    claims: list[ArticleClaim] = []
    lists: dict[tuple[int, str | None, str | None], ArticleClaim] = {}
    for fact in document.facts:
        if fact.modality not in ("asserted", "reported"):
            continue
        span = fact.evidence
        if isinstance(fact, Membership) and fact.change == "holds":
            key = (span.start, fact.org_id, fact.status)
            claim = lists.get(key)
            if claim is None:
                claim = ArticleClaim("list", span.start, span.end, span.text, fact.org_id, fact.org,
                              {"status": fact.status.value, "members": []})
                lists[key] = claim
                claims.append(claim)
            claim.details["members"].append({"id": fact.state_id, "name": fact.state})
            claim.facts.append(fact)
        elif isinstance(fact, Membership) and fact.change in ("joined", "granted", "left"):
            claims.append(ArticleClaim("joined", span.start, span.end, span.text, fact.org_id,
                                fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Chairmanship):
            claims.append(ArticleClaim("chair", span.start, span.end, span.text, fact.org_id,
                                       fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Founding):
            claims.append(ArticleClaim("founding", span.start, span.end, span.text, fact.org_id,
                                fact.org, {"fact": fact.as_dict()}, [fact]))
        elif isinstance(fact, Agreement | Resolution):
            claims.append(ArticleClaim("instrument", span.start, span.end, span.text, None, None,
                                {"fact": fact.as_dict()}, [fact]))
    return claims
