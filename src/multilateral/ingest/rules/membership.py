"""Membership facts: who joined, left, holds, was granted or applied for which status.

One sentence may name a whole list ("eight Member States - India, China, ...");
each named member becomes its own fact. The change follows one rule (see
gold/README.md): becoming a member is `joined`, any other status conferred is
`granted`, a status stated as current is `holds`.
"""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, entity_fields

_STATUS = re.compile(
    r"\b(?P<s>full[- ]fledged members?|full members?|full membership|members?hip|members?|"
    r"member (?:states?|countr(?:y|ies)|nations?)|observers?(?: status| states?| countr(?:y|ies))?|"
    r"dialogue partners?(?:hip)?(?: status)?|sectoral dialogue partners?|"
    r"partner (?:countr(?:y|ies)|states?)|partners?(?= status)|associate members?(?:hip)?|"
    r"candidates?(?: status| countr(?:y|ies))?|candidacy|suspended|suspension)\b",
    re.IGNORECASE)
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("lifted", re.compile(r"\b(?:lift(?:ed|s|ing)? (?:the |its |their )?suspension|"
                          r"reinstat(?:ed|es|ing|e)|readmit(?:ted|s)?|restored)\b", re.I)),
    ("suspended", re.compile(r"\bsuspen(?:ded|ds|d|sion|ding)\b", re.I)),
    ("left", re.compile(r"\b(?:left|leav(?:e|es|ing)|withdr(?:ew|aw|awn|awal|awing|aws)|"
                        r"exit(?:ed|s|ing)?|quit|expell?(?:ed|s|ing)?|expulsion|departure|"
                        r"ceased to be|pulled out|Brexit)\b", re.I)),
    ("applied", re.compile(r"\b(?:appl(?:ied|y|ies|ying|ication)s?|bid to join|"
                           r"requested (?:to join|membership)|request to join)\b", re.I)),
    ("granted", re.compile(r"\b(?:grant(?:ed|s|ing)?|conferr?(?:ed|ing|s)?|accorded|awarded|"
                           r"approv(?:ed|es|al|ing)|gave|given|recogni[sz]ed|elevat(?:ed|ing))\b",
                           re.I)),
    ("joined", re.compile(r"\b(?:join(?:ed|s|ing)?|accession|acced(?:ed|es|ing|e)|admi(?:tted|ts|t|"
                          r"ssion|tting)|bec(?:ame|ome|omes|oming)|welcom(?:ed|es|ing)|"
                          r"enlarg(?:ed|ement)|expan(?:ded|sion)|inclu(?:sion|ded) as|"
                          r"entered|entry)\b", re.I)),
    ("holds", re.compile(r"\b(?:compris(?:es|ing|ed)|consists? of|includ(?:es|ing)|"
                         r"(?:are|were|is|remains?|remained) (?:an? |the |its |full )?"
                         r"(?:members?|observers?|dialogue partners?|partners?|candidates?)|"
                         r"brings together|counts|now has|has|have|composed of|made up of|"
                         r"(?:members?|states?|partners?|observers?)(?: states)?"
                         r"\s*(?:are|:|[-–—]))\b",
                         re.I)),
]
_STATUS_VALUE = (("suspen", "suspended"), ("observer", "observer"),
                 ("dialogue", "dialogue_partner"), ("associate", "associate"),
                 ("candida", "candidate"), ("partner", "partner"), ("member", "member"))
# Verbs that name membership itself, so that no status word is needed.
_IMPLY_MEMBER = ("joined", "left", "suspended", "lifted", "applied")
_VERB_IMPLIES = re.compile(r"\b(?:join(?:ed|s|ing)?|acced(?:ed|es|ing|e)|accession|rejoin(?:ed|s)?|"
                           r"withdr(?:ew|aw|awn|awal)|left|quit|exit(?:ed)?|expell?ed|expulsion|"
                           r"suspen(?:ded|sion)|reinstat(?:ed|ement)|readmitted|applied to join|"
                           r"admitted (?:to|into))\b", re.I)
_REFERS = re.compile(r"\b(?:the (?:bloc|organi[sz]ation|group|grouping|alliance|union|body)|"
                     r"its|membership)\b", re.I)
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|visit(?:ed|ing)?)\s+(?:the\s+)?|,\s*)$", re.I)
_ROLE_AFTER = re.compile(r"^\s*(?:\(|,\s*(?:which|who)\s+(?:chair|host|hold|presid))", re.I)


def status_value(words: str) -> str:
    low = words.lower()
    for stem, value in _STATUS_VALUE:
        if stem in low:
            return value
    return "member"


def extract(ctx: Context) -> None:
    statuses = list(_STATUS.finditer(ctx.text))
    trigger = _trigger(ctx)
    if trigger is None:
        return
    change_word, trigger_at = trigger
    if not statuses and not (change_word in _IMPLY_MEMBER and _VERB_IMPLIES.search(ctx.text)):
        return
    containers = [m for m in ctx.orgs() if m.linked or m.kind == "shape"]
    if not containers:
        # "the bloc's eleventh member": the organization the paragraph is about
        topic = ctx.topic_org() if _REFERS.search(ctx.text) else None
        if topic is None:
            return
        containers = [topic]
    members = _members(ctx, change_word)
    if not members:
        return
    org = _container(ctx, containers, statuses, trigger_at, members)
    if org is None:
        return
    for member in members:
        if member.type == "organization" and member.id == org.id:
            continue
        if statuses:
            status_match = min(statuses, key=lambda m: abs(ctx.sentence.start + m.start()
                                                           - member.start))
            status = status_value(status_match.group("s"))
        else:
            status = "member"  # "X joined NATO", "Y left the Commonwealth"
        if change_word in ("suspended", "lifted"):
            status = "suspended"
        change = _change(change_word, status)
        fields = {**entity_fields("org", org), **entity_fields("state", member),
                  "status": status, "change": change}
        if change == "holds":
            fields.update(_holds_date(ctx, member))
        else:
            fields.update(date_fields(_member_date(ctx, member)))
        ctx.emit("membership", fields, 0.8 if member.linked else 0.5,
                 ctx.modality(ctx.sentence.start + trigger_at,
                              ctx.sentence.start + trigger_at + 12))


def _trigger(ctx: Context) -> tuple[str, int] | None:
    for word, pattern in _TRIGGERS:
        match = pattern.search(ctx.text)
        if match:
            return word, match.start()
    return None


def _change(word: str, status: str) -> str:
    if word in ("suspended",):
        return "granted"
    if word == "lifted":
        return "left"
    if word in ("left", "applied", "holds"):
        return word
    if word == "granted" or status != "member":
        return "granted" if status != "member" else "joined"
    return "joined"


def _members(ctx: Context, change_word: str) -> list[Mention]:
    chosen: list[Mention] = []
    for mention in ctx.states():
        before = ctx.between(max(ctx.sentence.start, mention.start - 14), mention.start)
        after = ctx.between(mention.end, min(ctx.sentence.end, mention.end + 30))
        # "in Astana, Kazakhstan" or "the summit in India": a place, not a member
        if _LOCATIVE.search(before) and (
                any(p.end <= mention.start <= p.end + 3 for p in ctx.places())
                or re.search(r"\b(?:in|at|near)\s+(?:the\s+)?$", before)):
            continue
        if _ROLE_AFTER.match(after) and "chair" in after.lower():
            continue
        chosen.append(mention)
    if change_word in ("joined", "granted", "left", "applied", "suspended", "lifted"):
        # An organization can join another ("the African Union joined the G20").
        orgs = ctx.orgs()
        if len(orgs) >= 2:
            for mention in orgs:
                after = ctx.between(mention.end, min(ctx.sentence.end, mention.end + 40))
                if re.match(r"\s*(?:,[^,]*,\s*)?(?:was |were |has |had |formally |officially )*"
                            r"(?:join|bec|admit|gain|grant|accorded|receiv)", after, re.I):
                    chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _container(ctx: Context, containers: list[Mention], statuses: list[re.Match[str]],
               trigger_at: int, members: list[Mention]) -> Mention | None:
    member_ids = {m.id for m in members if m.type == "organization"}
    options = [m for m in containers if m.id not in member_ids or m.id is None]
    if not options:
        return None
    anchors = [ctx.sentence.start + s.start() for s in statuses] + [ctx.sentence.start + trigger_at]

    def distance(mention: Mention) -> int:
        return min(abs(mention.start - a) for a in anchors)
    return min(options, key=distance)


def _member_date(ctx: Context, member: Mention):  # type: ignore[no-untyped-def]
    dated = ctx.dated()
    if not dated:
        return None
    following = [d for d in dated if d.start >= member.end]
    if following:
        return following[0]
    return min(dated, key=lambda d: abs(d.start - member.start))


def _holds_date(ctx: Context, member: Mention) -> dict[str, object]:
    own = _member_date(ctx, member)
    if own is not None and own.date is not None and own.date.precision.value != "year":
        return date_fields(own)
    published = ctx.article.published
    if published is None:
        return {"date": None}
    return {"date": str(published), "date_basis": "article_date"}
