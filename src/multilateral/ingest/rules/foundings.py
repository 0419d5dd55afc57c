"""Founding facts: an organization established, founded or created, when and where."""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields
from multilateral.model.facts import Founding

_FOUNDED = re.compile(r"\b(?:founded|established|created|set up|formed|launched|inaugurated|"
                      r"came into being|founding|establishment|creation|inception|"
                      r"began operating|began its work|began as|started as)\b", re.I)
# "established the National OIC Secretariat in February 2018": the founded body follows
_OBJECT_GAP = re.compile(r"^\s+(?:the|a|an)\s+(?:new\s+)?$|^\s+$")
_ACTIVE = re.compile(r"\b(?:has|have|had|they|it|which|who)\s+(?:\w+\s+)?$", re.I)
# "The CIS, established after the Soviet Union's dissolution, ...": an aside that founds it
_APPOSITION = re.compile(r"^\s*,\s*(?:which was\s+)?$")
# "the establishment of X": the noun founds X, whatever the sentence is about
_NOUNS = ("establishment", "creation", "founding", "inception")
_NOUN_OF = re.compile(r"^\s+of\s+(?:the\s+|a\s+|an\s+)?", re.I)
_PREP = re.compile(r"^[^.;]{0,60}?\b(?:in|on|since)\s*$", re.I)


def extract(ctx: Context) -> None:
    for match in _FOUNDED.finditer(ctx.text):
        at = ctx.sentence.start + match.start()
        end = ctx.sentence.start + match.end()
        date = next((d for d in ctx.dated() if d.date is not None and end <= d.start <= end + 65
                     and _PREP.match(ctx.between(end, d.start))), None)
        founded = _object(ctx, at, end)
        of = _NOUN_OF.match(ctx.between(end, min(ctx.sentence.end, end + 12)))
        if of and match.group().lower() in _NOUNS:
            named = [m for m in ctx.orgs() if m.start == end + of.end()]
            if not named:
                continue  # "the establishment of a Working Party": some other body's founding
            founded = ctx.organization_of(named[0])
        if date is None and founded is None:
            appositive = [m for m in ctx.orgs() if m.end <= at and m.linked
                          and _APPOSITION.match(ctx.between(m.end, at))]
            if not appositive or match.group().lower() not in ("founded", "established",
                                                                "created", "formed"):
                continue
            founded = ctx.organization_of(appositive[-1])
        if date is None and not re.search(r"\b(?:after|following|in|on|by|to|as)\b",
                                          ctx.between(end, end + 12)):
            continue
        org = founded or _subject(ctx, at)
        if org is None:
            continue
        place = next((p for p in ctx.places() if end <= p.start <= end + 45), None)
        ctx.emit(Founding(**entity_fields("org", org), **date_fields(date),
                          place=place.name if place else None,
                          place_id=place.id if place else None,
                          evidence=ctx.evidence, confidence=0.8, modality=ctx.modality(at, end)))


def _object(ctx: Context, at: int, end: int) -> Mention | None:
    if not _ACTIVE.search(ctx.between(max(ctx.sentence.start, at - 20), at)):
        return None
    after = [m for m in ctx.orgs() if m.start >= end and m.start - end < 12
             and _OBJECT_GAP.match(ctx.between(end, m.start))]
    return ctx.organization_of(after[0]) if after else None


def _subject(ctx: Context, at: int) -> Mention | None:
    lead = ctx.between(max(ctx.sentence.start, at - 50), at)
    referring = re.search(
        r"\b(?:its|it|the (?:[\w-]+\s+){0,3}?(?:organi[sz]ation|bloc|group|alliance|union|body|"
        r"grouping|association|community)(?:'s)?)(?:,?\s*(?:which|that))?"
        r"(?:\s+(?:was|were|had been|has been))?(?:\s+(?:initially|originally|first|formally|"
        r"officially))?\s*,?\s*$", lead, re.I)
    before = [m for m in ctx.orgs() if m.start < at and at - m.end < 90]
    if before and not (referring and at - before[-1].end > len(referring.group()) + 5):
        return ctx.organization_of(before[-1])
    if referring is not None:
        # "it was founded": the organization the sentence opened with, else the article's
        opening = [m for m in ctx.orgs() if m.linked and m.start < at]
        return ctx.organization_of(opening[0]) if opening else ctx.topic_org()
    if not ctx.between(ctx.sentence.start, at).strip():
        # "Founded in Shanghai in 2001, the SCO ...": the subject follows the clause
        after = [m for m in ctx.orgs() if m.start > at]
        return ctx.organization_of(after[0]) if after else None
    return None
