"""Resolution facts: body, number, date, subject, effect; and the status a resolution grants.

"General Assembly resolution 59/48 of 2 December 2004 granting the SCO official
Observer status" is a resolution fact and, because it says so, a membership
fact: the SCO observer in the General Assembly from that day.
"""

from __future__ import annotations

import re
from typing import Any

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields

_RESOLUTION = re.compile(r"\bresolutions?\b", re.I)
_NUMBER = re.compile(r"\b(?:A/RES/|S/RES/)?(?P<n>\d{1,3}/\d{1,4}|\d{3,4}\s*\((?:[IVXLC]+|\d{4})\))")
_BODIES = (("General Assembly", "UNGA"), ("Security Council", "UNSC"),
           ("Human Rights Council", None), ("Economic and Social Council", None))
_OBSERVER = re.compile(r"\bobserver(?:\s+status)?\b", re.I)
_COOPERATION = re.compile(r"\bcooperation between\b", re.I)
_ADOPTED = re.compile(r"\b(?:adopt(?:ed|s|ing)|pass(?:ed|es)|approv(?:ed|es)|granting|"
                      r"grant(?:ed|s)|under|recall(?:ed|ing)?|by|with)\b", re.I)


def extract(ctx: Context) -> None:
    word = _RESOLUTION.search(ctx.text)
    if not word:
        return
    number = _NUMBER.search(ctx.text, word.start())
    if number and number.start() - word.end() > 40:
        number = None
    body_name, body_id = _body(ctx, word.start())
    if body_name is None:
        return
    if number is None and not _ADOPTED.search(ctx.text):
        return
    anchor = ctx.sentence.start + (number.end() if number else word.end())
    date = next((d for d in ctx.dated() if d.start >= anchor and d.start - anchor < 30), None)
    if date is None:
        dated = ctx.dated()
        date = min(dated, key=lambda d: abs(d.start - anchor)) if dated else None
    subject = _subject(ctx, body_id, anchor)
    observer = _OBSERVER.search(ctx.text)
    effect = "observer_status" if observer else \
        "cooperation" if _COOPERATION.search(ctx.text) else "other"
    modality = ctx.modality(ctx.sentence.start + word.start(), ctx.sentence.start + word.end())
    fields: dict[str, Any] = {
        "body": body_name, "body_id": body_id,
        "number": re.sub(r"\s+", " ", number.group("n")) if number else None,
        **date_fields(date), **_subject_fields(subject), "effect": effect,
    }
    ctx.emit("resolution", fields, 0.85 if number else 0.6, modality)
    if effect == "observer_status" and subject is not None and body_id == "UNGA":
        ctx.emit("membership", {
            "org": body_name, "org_id": body_id, **entity_fields("state", subject),
            "status": "observer", "change": "granted", **date_fields(date)}, 0.75, modality)


def _body(ctx: Context, at: int) -> tuple[str | None, str | None]:
    for words, body_id in _BODIES:
        if words.lower() in ctx.text.lower():
            if body_id:
                return ctx.article.gazetteer.name_of("organization", body_id), body_id
            return words, None
    if re.search(r"\bA/RES/", ctx.text):
        return ctx.article.gazetteer.name_of("organization", "UNGA"), "UNGA"
    return None, None


def _subject(ctx: Context, body_id: str | None, anchor: int) -> Mention | None:
    skip = {body_id, "UN", "UNSC", "UNGA", "UNSEC"}
    following = [m for m in ctx.orgs() + ctx.states()
                 if m.start >= anchor and m.id not in skip and m.kind != "adjective"]
    if following:
        return min(following, key=lambda m: m.start)
    before = [m for m in ctx.orgs() if m.start < anchor and m.id not in skip]
    return before[-1] if before else None


def _subject_fields(subject: Mention | None) -> dict[str, Any]:
    fields = entity_fields("subject", subject)
    return fields
