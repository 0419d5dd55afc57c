"""Agreement facts: memoranda, joint declarations, treaties, each with its parties, date, place.

"The SCO signed memoranda with UNODC (14 June 2011, Astana, Kazakhstan), UNESCAP
(15 December 2015, Zhengzhou, China) ..." is one fact per memorandum, each with
the date and place of its own parenthesis; "UN-OCHA and UNWTO (14 June 2019,
Bishkek)" is two facts sharing one.
"""

from __future__ import annotations

import re
from typing import Any

from multilateral.ingest.dates import find_dates
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields, nearest_date

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("mou", re.compile(r"\b(?:memorand(?:um|a) of understanding|MoUs?|MOUs?)\b", re.I)),
    ("joint_declaration", re.compile(r"\bjoint declarations?\b", re.I)),
    ("joint_statement", re.compile(r"\bjoint (?:communiqu[eé]|statements?)\b", re.I)),
    ("treaty", re.compile(r"\btreat(?:y|ies)\b", re.I)),
    ("convention", re.compile(r"\bconventions?\b", re.I)),
    ("charter", re.compile(r"\bcharters?\b", re.I)),
    ("protocol", re.compile(r"\bprotocols?\b", re.I)),
    ("agreement", re.compile(r"\b(?:agreements?|accords?)\b", re.I)),
]
_SIGNED = re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|s)?|conclud(?:ed|es|ing)|"
                     r"adopt(?:ed|s|ing)|entered into|seal(?:ed|s)|agreed)\b", re.I)
_BETWEEN_SECRETARIATS = re.compile(r"between the (?P<body>Secretariats|Commissions) of", re.I)
_TITLE = re.compile(r"\b(?:Joint (?:Declaration|Statement|Communiqu[eé])|"
                    r"Memorandum of Understanding|"
                    r"(?:[A-Z][\w\-]+ )*(?:Agreement|Treaty|Convention|Charter|Protocol))"
                    r"(?:\s+(?:on|of|between|for|concerning|regarding|among|and|the)\b"
                    r"(?:\s+(?:the|and|of|on|in|for|between)\b|\s+[A-Z][\w\-]*)+)*")
_PAREN = re.compile(r"\(([^()]{4,120})\)")


def extract(ctx: Context) -> None:
    signed = _SIGNED.search(ctx.text)
    if not signed:
        return
    kinds = [(kind, m) for kind, p in _KINDS for m in p.finditer(ctx.text)]
    kinds = _drop_nested(kinds)
    if not kinds:
        return
    groups = _parenthesised(ctx)
    if groups:
        kind = kinds[0][0]
        signer = _signer(ctx, groups)
        for parties, date, place in groups:
            for party in parties:
                names = [signer, party] if signer is not None else [party]
                _emit(ctx, kind, names, date, place, None, kinds[0][1].start())
        return
    for kind, match in kinds:
        parties = _parties(ctx)
        if len(parties) < 1:
            continue
        date = nearest_date(ctx, ctx.sentence.start + match.end())
        place = ctx.places()[0] if ctx.places() else None
        title = _title(ctx, match)
        _emit(ctx, kind, parties, date, place, title, match.start())


def _drop_nested(kinds: list[tuple[str, re.Match[str]]]) -> list[tuple[str, re.Match[str]]]:
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, match in sorted(kinds, key=lambda k: (k[1].start(), -k[1].end())):
        if any(m.start() <= match.start() < m.end() for _, m in kept):
            continue
        # "the Agreement on ..." named inside a memorandum's title is not a second instrument
        if kept and kind == "agreement" and kept[-1][0] != "agreement" and \
                match.start() - kept[-1][1].end() < 60:
            continue
        kept.append((kind, match))
    return kept


def _parenthesised(ctx: Context) -> list[tuple[list[Mention], Any, Mention | None]]:
    """Counterparts followed by "(date, place)": each group and its own date and place."""
    groups = []
    previous_end = ctx.sentence.start
    for match in _PAREN.finditer(ctx.text):
        inner_start = ctx.sentence.start + match.start(1)
        inner = match.group(1)
        found = find_dates(inner, ctx.article.published)
        if not any(d.date is not None or d.partial for d in found):
            continue
        date = next(d for d in ctx.dated() if d.start >= inner_start)
        open_at = ctx.sentence.start + match.start()
        parties = [m for m in ctx.mentions if m.type in ("organization", "state")
                   and previous_end <= m.start < open_at and m.kind != "adjective"]
        # only the counterparts right before the parenthesis ("UN-OCHA and UNWTO (...)")
        parties = _tail_list(ctx, parties, open_at)
        place = next((m for m in ctx.places() if inner_start <= m.start < open_at + len(
            match.group())), None)
        previous_end = ctx.sentence.start + match.end()
        if parties:
            groups.append((parties, date, place))
    return groups


def _tail_list(ctx: Context, parties: list[Mention], open_at: int) -> list[Mention]:
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


def _signer(ctx: Context, groups: list[tuple[list[Mention], Any, Mention | None]]
            ) -> Mention | None:
    first = groups[0][0][0].start
    signed = _SIGNED.search(ctx.text)
    before = [m for m in ctx.orgs() + ctx.states() if m.start < first]
    if signed is not None:
        at = ctx.sentence.start + signed.start()
        subjects = [m for m in before if m.start < at]
        if subjects:
            return subjects[-1]
    return before[-1] if before else None


def _parties(ctx: Context) -> list[Mention]:
    text = ctx.text
    secretariats = _BETWEEN_SECRETARIATS.search(text)
    parties: list[Mention] = []
    for mention in ctx.orgs() + ctx.states():
        if mention.kind == "adjective":
            continue
        before = ctx.between(max(ctx.sentence.start, mention.start - 10), mention.start)
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before) or any(
                p.end <= mention.start <= p.end + 3 for p in ctx.places()):
            continue
        parties.append(mention)
    parties.sort(key=lambda m: m.start)
    if secretariats:
        body_kind = "secretariat" if secretariats["body"].lower().startswith("secret") else \
            "commission"
        at = ctx.sentence.start + secretariats.end()
        bodies: list[Mention] = []
        for mention in parties:
            if mention.start >= at and mention.type == "organization" and mention.id:
                body = ctx.article.gazetteer.bodies.get((mention.id, body_kind))
                if body:
                    bodies.append(Mention(mention.start, mention.end, "organization", body,
                                          ctx.article.gazetteer.name_of("organization", body),
                                          "body"))
        if bodies:
            return bodies
    seen: set[str | None] = set()
    unique = []
    for mention in parties:
        if (mention.id or mention.name) not in seen:
            seen.add(mention.id or mention.name)
            unique.append(mention)
    return unique


def _title(ctx: Context, kind_match: re.Match[str]) -> str | None:
    for match in _TITLE.finditer(ctx.text):
        if match.start() <= kind_match.start() < match.end():
            title = match.group().strip().rstrip(",")
            title = re.sub(r"\s+(?:on|of|between|for|and|the|in)$", "", title)
            if any(ch.isupper() for ch in title[1:]) and len(title.split()) > 2:
                return title
    return None


def _emit(ctx: Context, kind: str, parties: list[Mention], date: Any, place: Mention | None,
          title: str | None, trigger_at: int) -> None:
    gazetteer = ctx.article.gazetteer
    names = [p.name for p in parties]
    orgs = sorted({gazetteer.parents[p.id] for p in parties
                   if p.id is not None and p.id in gazetteer.parents})
    fields: dict[str, Any] = {
        "kind": kind, "parties": names, "party_ids": [p.id for p in parties],
        **date_fields(date),
        "place": place.name if place else None, "place_id": place.id if place else None,
        "title": title,
    }
    if orgs:
        fields["orgs"] = [gazetteer.name_of("organization", o) for o in orgs]
    at = ctx.sentence.start + trigger_at
    ctx.emit("agreement", fields, 0.75, ctx.modality(at, at + 40))
