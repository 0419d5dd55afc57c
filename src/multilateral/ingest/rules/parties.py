"""Who signs: the parties an agreement sentence names ("between X and Y", "signed by
X, Y and Z", "X signed ... with Y", "the Union" for the article's organization), leaving
out the states it excepts ("except Georgia")."""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context

SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|s)?|conclud(?:ed|es|ing)|"
                    r"adopt(?:ed|s|ing)|entered into|seal(?:ed|s)|agreed)\b", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.I)
_BY = re.compile(r"\b(?:signed|adopted|concluded)\b[^.;]{0,60}?\bby\s+(?:the\s+)?", re.I)
_BETWEEN_BODIES = re.compile(r"between the (?P<body>Secretariats|Commissions) of", re.I)
# "(except Azerbaijan, Georgia and Uzbekistan)": states the sentence leaves out
_EXCEPT = re.compile(r"\b(?:except(?: for)?|excluding|apart from|other than|with the exception "
                     r"of|save)\b[^;)]*", re.I)
_REFERRING = re.compile(r"\b(?:[Tt]he (?P<org>Union|Organi[sz]ation|bloc|Association|Alliance|"
                        r"two organi[sz]ations|Community)(?!'s)|(?P<body>[Ii]ts secretariat|[Tt]he "
                        r"Organi[sz]ation's secretariat))\b")


def tail_list(ctx: Context, parties: list[Mention], open_at: int) -> list[Mention]:
    tail: list[Mention] = []
    cursor = open_at
    for mention in reversed(parties):
        gap = ctx.between(mention.end, cursor)
        if tail and not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", gap):
            break
        if not tail and gap.strip():
            break
        tail.insert(0, mention)
        cursor = mention.start
    return tail


def is_location(ctx: Context, mention: Mention) -> bool:
    before = ctx.between(max(ctx.sentence.start, mention.start - 10), mention.start)
    return bool(re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before)) or any(
        p.end <= mention.start <= p.end + 3 for p in ctx.places())


def candidate_mentions(ctx: Context) -> list[Mention]:
    left_out = [(ctx.sentence.start + m.start(), ctx.sentence.start + m.end())
                for m in _EXCEPT.finditer(ctx.text)]
    found = [m for m in ctx.orgs() + ctx.states()
             if m.kind != "adjective" and not is_location(ctx, m)
             and not any(a <= m.start < b for a, b in left_out)]
    return sorted(found, key=lambda m: m.start)


def parties_of(ctx: Context) -> list[Mention]:
    candidates = candidate_mentions(ctx)
    bodies = _secretariats(ctx, candidates)
    if bodies:
        return bodies
    by = _BY.search(ctx.text)
    if by:
        at = ctx.sentence.start + by.end()
        signers = list_from(ctx, candidates, at)
        if signers:
            return signers
    between = _BETWEEN.search(ctx.text)
    if between:
        at = ctx.sentence.start + between.end()
        referred = referred_org(ctx, ctx.between(at - 12, min(ctx.sentence.end, at + 32)))
        if referred is not None:
            rest = re.search(r"\band\s+(?:the\s+)?", ctx.text[between.end():])
            if rest:
                other = list_from(ctx, candidates, at + rest.end())
                if other:
                    return dedupe([referred, *other])
        pair = list_from(ctx, candidates, at)
        if pair:
            if len(pair) == 1 and re.match(r"\s*(?:the\s+)?(?:Organi[sz]ation|Union|bloc)\b",
                                           ctx.between(at, pair[0].start)):
                topic = ctx.topic_org()
                return [topic, pair[0]] if topic else pair
            return pair
    signed = SIGNED.search(ctx.text)
    if signed:
        at = ctx.sentence.start + signed.start()
        subjects = [m for m in candidates if m.end <= at
                    and not re.search(r"[,;]\s*$|\b(?:said|says|of|for)\s+(?:the\s+)?$",
                                      ctx.between(m.end, at))]
        objects = [m for m in candidates if m.start >= at]
        with_ = re.search(r"\bwith\s+(?:the\s+)?", ctx.text[signed.end():])
        chosen = dedupe(subjects[-3:] if subjects else [])
        referred = referred_org(ctx, ctx.between(max(ctx.sentence.start, at - 60), at))
        if referred is not None and all(m.id != referred.id for m in chosen):
            chosen.insert(0, referred)
        if with_:
            start = ctx.sentence.start + signed.end() + with_.end()
            chosen += list_from(ctx, objects, start)
            referred = referred_org(ctx, ctx.between(start, min(ctx.sentence.end, start + 30)))
            if referred is not None and all(m.id != referred.id for m in chosen):
                chosen.append(referred)
        if chosen:
            return dedupe(chosen)
    return dedupe(candidates)


def referred_org(ctx: Context, region: str) -> Mention | None:
    """"the Union", "the two organisations", "its secretariat": the article's organization
    (or its secretariat)."""
    match = _REFERRING.search(region)
    if match is None:
        return None
    topic = ctx.topic_org()
    if topic is None or topic.id is None:
        return topic
    if match.group("body"):
        body = ctx.article.gazetteer.bodies.get((topic.id, "secretariat"))
        if body:
            return Mention(topic.start, topic.end, "organization", body,
                           ctx.article.gazetteer.name_of("organization", body), "body")
    return topic


def list_from(ctx: Context, candidates: list[Mention], at: int) -> list[Mention]:
    """The mentions listed from `at`: "X, Y and Z" up to the first other word."""
    chosen: list[Mention] = []
    cursor = at
    for mention in candidates:
        if mention.start < at:
            continue
        gap = ctx.between(cursor, mention.start)
        allowed = r"\s*(?:the\s+)?(?:(?:[Pp]residents?|[Pp]rime [Mm]inisters?|[Ff]oreign "
        allowed += r"[Mm]inisters?|leaders?|heads?)\s+of\s+(?:the\s+)?)?"
        if chosen:
            allowed = r"\s*(?:,|and|&|,\s*and)\s*" + allowed
        if not re.fullmatch(allowed, gap):
            break
        chosen.append(mention)
        cursor = mention.end
    return dedupe(chosen)


def dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    unique = []
    for mention in mentions:
        key = mention.id or mention.name
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique


def _secretariats(ctx: Context, candidates: list[Mention]) -> list[Mention]:
    match = _BETWEEN_BODIES.search(ctx.text)
    if not match:
        return []
    body_kind = "secretariat" if match["body"].lower().startswith("secret") else "commission"
    at = ctx.sentence.start + match.end()
    bodies: list[Mention] = []
    for mention in candidates:
        if mention.start >= at and mention.type == "organization" and mention.id:
            body = ctx.article.gazetteer.bodies.get((mention.id, body_kind))
            if body:
                bodies.append(Mention(mention.start, mention.end, "organization", body,
                                      ctx.article.gazetteer.name_of("organization", body),
                                      "body"))
    return bodies
