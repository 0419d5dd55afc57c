"""Founding facts: an organization established, founded or created, when and where."""

from __future__ import annotations

import re

from multilateral.ingest.rules.context import Context, date_fields, entity_fields

_FOUNDED = re.compile(r"\b(?:founded|established|created|set up|formed|launched|inaugurated|"
                      r"came into being|founding|establishment|creation|inception)\b", re.I)
_PREP = re.compile(r"^[^.;]{0,40}?\b(?:in|on|since)\s*$", re.I)


def extract(ctx: Context) -> None:
    for match in _FOUNDED.finditer(ctx.text):
        at = ctx.sentence.start + match.start()
        end = ctx.sentence.start + match.end()
        date = next((d for d in ctx.dated() if d.date is not None and end <= d.start <= end + 45
                     and _PREP.match(ctx.between(end, d.start))), None)
        if date is None:
            continue
        org = _subject(ctx, at)
        if org is None:
            continue
        place = next((p for p in ctx.places() if end <= p.start <= end + 45), None)
        ctx.emit("founding", {**entity_fields("org", org), **date_fields(date),
                              "place": place.name if place else None,
                              "place_id": place.id if place else None},
                 0.8, ctx.modality(at, end))
        return


def _subject(ctx: Context, at: int):  # type: ignore[no-untyped-def]
    before = [m for m in ctx.orgs() if m.start < at and at - m.end < 90]
    if before:
        return before[-1]
    referring = re.search(
        r"\b(?:its|it|the (?:organi[sz]ation|bloc|group|alliance|union|body|grouping)(?:'s)?)"
        r"(?:\s+(?:was|were|had been|has been))?\s*$",
        ctx.between(max(ctx.sentence.start, at - 40), at), re.I)
    if referring is None:
        return None
    orgs = ctx.orgs()
    return orgs[0] if orgs else ctx.topic_org()
