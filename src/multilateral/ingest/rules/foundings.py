"""Founding facts: an organization established, founded or created, when and where."""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields
from multilateral.model.facts import Founding

_FOUNDED = re.compile(r"\b(?:founded|established|created|set up|formed|launched|inaugurated|"
                      r"came into being|founding|establishment|creation|inception|"
                      r"began operating|began its work)\b", re.I)
_PREP = re.compile(r"^[^.;]{0,60}?\b(?:in|on|since)\s*$", re.I)


def extract(ctx: Context) -> None:
    for match in _FOUNDED.finditer(ctx.text):
        at = ctx.sentence.start + match.start()
        end = ctx.sentence.start + match.end()
        date = next((d for d in ctx.dated() if d.date is not None and end <= d.start <= end + 65
                     and _PREP.match(ctx.between(end, d.start))), None)
        if date is None:
            continue
        org = _subject(ctx, at)
        if org is None:
            continue
        place = next((p for p in ctx.places() if end <= p.start <= end + 45), None)
        ctx.emit(Founding(**entity_fields("org", org), **date_fields(date),
                          place=place.name if place else None,
                          place_id=place.id if place else None,
                          evidence=ctx.evidence, confidence=0.8, modality=ctx.modality(at, end)))


def _subject(ctx: Context, at: int) -> Mention | None:
    lead = ctx.between(max(ctx.sentence.start, at - 50), at)
    referring = re.search(
        r"\b(?:its|it|the (?:organi[sz]ation|bloc|group|alliance|union|body|grouping|"
        r"association|community)(?:'s)?)(?:,?\s*(?:which|that))?"
        r"(?:\s+(?:was|were|had been|has been))?\s*,?\s*$", lead, re.I)
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
