"""Chairmanship facts: which state chairs (or holds the presidency of) an organization, when."""

from __future__ import annotations

import re

from multilateral.ingest.rules.context import Context, entity_fields

_CHAIR = re.compile(r"\b(?:chair(?:s|ed|ing|manship|mans?hip|person)?|presiden(?:cy|t)|"
                    r"presid(?:es|ed|ing))\b", re.I)
_EVENT_CHAIR = re.compile(r"\b(?:chaired by|presided over by|chaired the|chairing the|"
                          r"chair(?:ed|s) (?:a|the) (?:meeting|session|summit))\b", re.I)
_PERSON = re.compile(r"\bpresident(?:s)?\s+(?:of\s+)?[A-Z]|\bPresident\b")


def extract(ctx: Context) -> None:
    match = _CHAIR.search(ctx.text)
    if match is None or _EVENT_CHAIR.search(ctx.text):
        return
    if match.group().lower().startswith("president") and not re.search(
            r"presidency", match.group(), re.I):
        return  # "President Xi" is a person, not a presidency
    at = ctx.sentence.start + match.start()
    orgs = [m for m in ctx.orgs() if m.linked]
    states = [m for m in ctx.mentions if m.type == "state"]
    if not orgs or not states:
        return
    org = min(orgs, key=lambda m: abs(m.start - at))
    if abs(org.start - at) > 130:
        return
    state = min(states, key=lambda m: (abs(m.start - at), m.start))
    if abs(state.start - at) > 80:
        return
    fields = {**entity_fields("org", org), **entity_fields("state", state)}
    dated = [d for d in ctx.dated() if d.date is not None]
    if dated:
        date = min(dated, key=lambda d: abs(d.start - at))
        fields["start"] = str(date.date)
        fields["end"] = str(date.end_date) if date.end_date else None
    else:
        fields["start"] = None
        fields["end"] = None
    ctx.emit("chairmanship", fields, 0.7, ctx.modality(at, at + len(match.group())))
