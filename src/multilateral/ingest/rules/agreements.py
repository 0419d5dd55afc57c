"""Agreement facts: memoranda, declarations, treaties, each with its parties, date, place.

"The SCO signed memoranda with UNODC (14 June 2011, Astana, Kazakhstan), UNESCAP
(15 December 2015, Zhengzhou, China) ..." is one fact per memorandum, each with
the date and place of its own parenthesis; "with UNODC in Astana on 14 June 2011,
with ESCAP in Zhengzhou on 15 December 2015" the same with the date and place of
its own clause; "UN-OCHA and UNWTO (14 June 2019, Bishkek)" is two facts sharing one.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from multilateral.ingest.dates import DateMention, find_dates
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, date_fields
from multilateral.ingest.rules.parties import (
    SIGNED,
    candidate_mentions,
    is_location,
    list_from,
    parties_of,
    tail_list,
)
from multilateral.model.facts import Agreement, AgreementKind, Event, Modality

_KINDS: list[tuple[AgreementKind, re.Pattern[str]]] = [
    ("mou", re.compile(r"\b(?:memorand(?:um|a)(?: of understanding)?|MoUs?|MOUs?)\b", re.I)),
    ("joint_declaration", re.compile(r"\b(?:joint declarations?|(?:[A-Z][\w'’\-]+\s+){1,3}"
                                     r"Declaration)\b")),
    ("joint_statement", re.compile(r"\bjoint (?:communiqu[eé]|statements?)\b", re.I)),
    # "the Rome Statute": a treaty by another name
    ("treaty", re.compile(r"\btreat(?:y|ies)\b", re.I)),
    ("treaty", re.compile(r"\b(?!The\b)[A-Z][a-z]+ Statute\b")),
    ("convention", re.compile(r"\bconventions?\b", re.I)),
    ("charter", re.compile(r"\bcharters?\b", re.I)),
    ("protocol", re.compile(r"\bprotocols?\b", re.I)),
    ("agreement", re.compile(r"\b(?:agreements?|accords?)\b", re.I)),
]
_TITLE = re.compile(r"\b(?:Joint (?:Declaration|Statement|Communiqu[eé])|"
                    r"Memorandum of Understanding|"
                    r"(?:[A-Z][\w\-]+ )*"
                    r"(?:Agreement|Treaty|Convention|Charter|Protocol|Declaration|Statute))"
                    r"(?:\s+(?:on|of|between|for|concerning|regarding|among|and|the|to)\b"
                    r"(?:\s+(?:the|and|of|on|in|for|between|to)\b|\s+[A-Z][\w\-]*)+)*")
_SUMMIT_AFTER = re.compile(r"\s*(?:'s\s+)?(?:\w+\s+){0,2}?(?:summit|leaders|heads of state)",
                           re.I)
_PAREN = re.compile(r"\(([^()]{4,120})\)")
_WITH = re.compile(r"(?:^|[,;:])\s*(?:and\s+)?with\s+(?:the\s+)?", re.I)


# "Six member-states signed a protocol": signatories the sentence does not name
_UNNAMED = re.compile(r"\b(?:member[- ]states|members|countries|states|allies|signatories|"
                      r"parties|governments)\b[^.;]{0,30}$", re.I)
# "the 2005 Comprehensive Peace Agreement", "A 1994 treaty": a year that dates the instrument
_YEAR_BEFORE = re.compile(r"^(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,5}$")
_DATED_AFTER = re.compile(r"^\s+dated\s+$")


# an instrument word that only qualifies the noun after it
_MODIFIER = re.compile(r"\s+(?:changes?|talks|negotiations?|reforms?|revisions?|amendments?|"
                       r"obligations|commitments|partners?|allies|rights|bod(?:y|ies))\b", re.I)
# "Croatia ... signed the Treaty of Accession", "Armenia signed the Rome Statute": one state
# signs its side of a multilateral instrument
_SIGNS_ITS_SIDE = re.compile(r"\s+(?:[^;:()]{0,80}?\s)?(?:signed|ratified|signs|ratifies)\s+"
                             r"(?:the\s+|an?\s+|its\s+)?(?:[\w’'-]+\s+){0,2}$")
_ACCESSION = re.compile(r"\baccession\b", re.I)


def extract(ctx: Context) -> None:
    if not SIGNED.search(ctx.text):
        _recalled(ctx)
        return
    if _each_with(ctx):
        return
    kinds = _kinds(ctx)
    if not kinds:
        return
    groups = _parenthesised(ctx) or _with_groups(ctx, kinds[0][1].end())
    if groups:
        kind = kinds[0][0]
        signer = _signer(ctx, groups)
        for parties, date, place in groups:
            for party in parties:
                names = [signer, party] if signer is not None else [party]
                _emit(ctx, kind, names, date, place, None, kinds[0][1].start())
        return
    # "a protocol renewing the treaty": the treaty is one already known, no new instrument
    kinds = [k for index, k in enumerate(kinds) if index == 0 or _title(ctx, k[1]) is not None
             or not ctx.text[:k[1].start()].endswith(("the ", "The "))]
    for index, (kind, match) in enumerate(kinds):
        limit = kinds[index + 1][1].start() if index + 1 < len(kinds) else len(ctx.text)
        named_declaration = kind == "joint_declaration" and not match.group().lower().startswith(
            "joint")
        summit_org = _summit_org(ctx) if named_declaration else None
        title = _title(ctx, match)
        parties = [summit_org] if summit_org is not None else parties_of(ctx)
        joined: list[Mention] = []
        if _ACCESSION.search(ctx.text[max(0, match.start() - 20):match.end() + 20]):
            # "an accession treaty": the organization acceded to is no party to it
            joined = [p for p in parties if p.type == "organization"]
            parties = [p for p in parties if p.type != "organization"]
        if not parties:
            signed = SIGNED.search(ctx.text)
            if signed is None or not _UNNAMED.search(ctx.text[:signed.start()]):
                continue
        date = _date(ctx, match, limit)
        place = _place(ctx, match, limit)
        _emit(ctx, kind, parties, date, place, title, match.start(), orgs=joined or None)


_EACH_WITH = re.compile(r"\b(?:sign|conclude|ink)\w*\s+(?:\w+\s+){0,2}?(?P<word>agreements|"
                        r"accords|memoranda|treaties)\s+with\s+(?:the\s+)?", re.I)


def _each_with(ctx: Context) -> bool:
    """"Mongolia and the UAE are expected to sign trade agreements with the EAEU": one
    agreement for each state listed, with the organization named after "with"."""
    match = _EACH_WITH.search(ctx.text)
    if match is None:
        return False
    candidates = candidate_mentions(ctx)
    at = ctx.sentence.start + match.end()
    partner = next((m for m in candidates if m.start == at), None)
    subjects = list_from(ctx, candidates, ctx.sentence.start + len(ctx.text) - len(
        ctx.text.lstrip()))
    subjects = [m for m in subjects if m.start < ctx.sentence.start + match.start()]
    if partner is None or len(subjects) < 2:
        return False
    kind: AgreementKind = "mou" if match["word"].lower() == "memoranda" else \
        "treaty" if match["word"].lower() == "treaties" else "agreement"
    place = next((p for p in ctx.places() if p.start >= at), None)
    for subject in subjects:
        _emit(ctx, kind, [subject, partner], None, place, None, match.start())
    return True


_AT_THE_MEETING = re.compile(r"\b(?:at|during|after|on the sidelines of|at the end of)\s+the\s+"
                             r"(?:summit|meeting|session|talks|gathering|conference)\b", re.I)


def _meeting(ctx: Context, kind: AgreementKind) -> Event | None:
    """The dated event the article reported last, when the instrument is that event's
    (a joint statement, or one signed "at the summit")."""
    if kind not in ("joint_statement", "joint_declaration") and not _AT_THE_MEETING.search(
            ctx.text):
        return None
    return next((f for f in reversed(ctx.article.facts) if isinstance(f, Event)
                 and (f.date or f.date_partial) and f.modality in ("asserted", "planned")),
                None)


def _recalled(ctx: Context) -> None:
    """An instrument the sentence names with its date but does not sign: "under the 2005
    Comprehensive Peace Agreement", "The Treaty on the Union dated 29 May 2014", "A 1994
    treaty reaffirmed ...": an earlier act, `reported`, its parties unnamed."""
    for kind, match in _kinds(ctx):
        at = ctx.sentence.start + match.start()
        end = ctx.sentence.start + match.end()
        date = next((d for d in ctx.dated() if d.date is not None and d.end <= at
                     and at - d.end < 50 and _YEAR_BEFORE.match(ctx.between(d.end, at))), None)
        if date is None:
            title = _title(ctx, match)
            title_end = end if title is None else ctx.sentence.start + ctx.text.find(
                title) + len(title)
            date = next((d for d in ctx.dated() if d.date is not None and d.start >= end
                         and d.start - title_end < 12 and _DATED_AFTER.match(
                             " " + ctx.between(title_end, d.start))), None)
        if date is None:
            continue
        orgs = [m for m in ctx.orgs() if m.linked and end <= m.start
                and m.start - end < 20]
        _emit(ctx, kind, [], date, None, _title(ctx, match), match.start(),
              modality="reported", orgs=[ctx.organization_of(m) for m in orgs[:1]])


def _kinds(ctx: Context) -> list[tuple[AgreementKind, re.Match[str]]]:
    """Instrument words, leaving out those inside a name ("Collective Security Treaty
    Organization") or inside another instrument's title ("the Protocol to the North
    Atlantic Treaty"), and plural generic ones ("dozens of ASEAN agreements")."""
    inside = [(m.start - ctx.sentence.start, m.end - ctx.sentence.start) for m in ctx.mentions]
    titles = [t.span() for t in _TITLE.finditer(ctx.text)]
    found: list[tuple[AgreementKind, re.Match[str]]] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(ctx.text):
            start, end = match.span()
            if any(a <= start and end <= b for a, b in inside):
                continue
            if _MODIFIER.match(ctx.text, end):
                continue  # "treaty changes", "agreement talks": no instrument is made
            if any(found_match.start() <= start < found_match.end() for _, found_match in found):
                continue
            if match.group().lower().endswith(("ies", "ments", "nions", "cols", "ters",
                                               "randa", "mous")) and kind != "mou" and \
                    not ctx.dated():
                continue
            found.append((kind, match))
    found.sort(key=lambda k: k[1].start())
    kept: list[tuple[AgreementKind, re.Match[str]]] = []
    for kind, match in found:
        owner = next(((a, b) for a, b in titles if a <= match.start() < b), None)
        if kept and owner is not None and owner[0] <= kept[-1][1].start() < owner[1]:
            continue  # a second instrument word in the same title
        kept.append((kind, match))
    return kept


def _parenthesised(ctx: Context) -> list[tuple[list[Mention], Any, Mention | None]]:
    """Counterparts followed by "(date, place)": each group and its own date and place."""
    groups = []
    previous_end = ctx.sentence.start
    for match in _PAREN.finditer(ctx.text):
        inner_start = ctx.sentence.start + match.start(1)
        found = find_dates(match.group(1), ctx.article.published)
        if not any(d.date is not None or d.partial for d in found):
            continue
        date = next((d for d in ctx.dated() if d.start >= inner_start), None)
        open_at = ctx.sentence.start + match.start()
        parties = [m for m in ctx.mentions if m.type in ("organization", "state")
                   and previous_end <= m.start < open_at and m.kind != "adjective"]
        parties = tail_list(ctx, parties, open_at)
        place = next((m for m in ctx.places()
                      if inner_start <= m.start < open_at + len(match.group())), None)
        previous_end = ctx.sentence.start + match.end()
        if parties:
            groups.append((parties, date, place))
    return groups


def _with_groups(ctx: Context, after: int) -> list[tuple[list[Mention], Any, Mention | None]]:
    """"... with UNODC in Astana on 14 June 2011, with ESCAP in Zhengzhou on 15 December
    2015": each "with" clause a group, with its own place and date."""
    starts = [ctx.sentence.start + m.end() for m in _WITH.finditer(ctx.text, after)]
    if len(starts) < 2:
        return []
    groups = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else ctx.sentence.end
        parties = [m for m in ctx.mentions if m.type in ("organization", "state")
                   and start <= m.start < end and m.kind != "adjective"
                   and not is_location(ctx, m)]
        date = next((d for d in ctx.dated() if start <= d.start < end), None)
        place = next((p for p in ctx.places() if start <= p.start < end), None)
        if parties and (date or place):
            groups.append((parties, date, place))
    return groups if len(groups) >= 2 else []


def _signer(ctx: Context, groups: list[tuple[list[Mention], Any, Mention | None]]
            ) -> Mention | None:
    first = groups[0][0][0].start
    signed = SIGNED.search(ctx.text)
    before = [m for m in ctx.orgs() + ctx.states() if m.start < first and m.kind != "adjective"]
    if signed is not None:
        at = ctx.sentence.start + signed.start()
        subjects = [m for m in before if m.start < at]
        if subjects:
            return subjects[-1]
    if before:
        return before[-1]
    return ctx.topic_org()


def _summit_org(ctx: Context) -> Mention | None:
    """"The Kazan Declaration": a summit's declaration belongs to the organization whose
    summits the article reports ("the BRICS summit"), else the one it is about."""
    return ctx.org_named_with(_SUMMIT_AFTER) or ctx.topic_org()


_Span = TypeVar("_Span", DateMention, Mention)


def _own(items: list[_Span], start: int, stop: int, before: int) -> _Span | None:
    """The first item in an instrument's own stretch of the sentence, else the last one
    written before its name."""
    inside = [item for item in items if start <= item.start < stop]
    if inside:
        return inside[0]
    earlier = [item for item in items if item.end <= before]
    return earlier[-1] if earlier else None


def _date(ctx: Context, match: re.Match[str], limit: int) -> DateMention | None:
    at = ctx.sentence.start
    return _own(ctx.dated(), at + match.end(), at + limit, at + match.start())


def _place(ctx: Context, match: re.Match[str], limit: int) -> Mention | None:
    at = ctx.sentence.start
    return _own(ctx.places(), at + match.start(), at + limit, at + match.start())


def _title(ctx: Context, kind_match: re.Match[str]) -> str | None:
    for match in _TITLE.finditer(ctx.text):
        if match.start() <= kind_match.start() < match.end():
            title = match.group().strip().rstrip(",")
            title = re.sub(r"\s+(?:on|of|between|for|and|the|in|to)$", "", title)
            if any(ch.isupper() for ch in title[1:]) and len(title.split()) > 1:
                return title
    return None


def _emit(ctx: Context, kind: AgreementKind, parties: list[Mention], date: Any,
          place: Mention | None, title: str | None, trigger_at: int, *,
          modality: Modality | None = None, orgs: list[Mention] | None = None) -> None:
    own_side = kind in ("treaty", "convention", "protocol") and len(parties) == 1 and \
        _SIGNS_ITS_SIDE.fullmatch(ctx.between(parties[0].end, ctx.sentence.start + trigger_at))
    if len(parties) == 1 and parties[0].type == "state" and kind != "joint_declaration" \
            and not own_side:
        return  # one state alone signs no agreement: "Finland's instrument of accession"
    if kind == "charter" and len(parties) == 1 and parties[0].type == "organization":
        # "The Charter of the Organization was adopted": the organization's own charter,
        # its signatories unnamed
        orgs, parties = [parties[0]], []
    gazetteer = ctx.article.gazetteer
    names = [p.name for p in parties]
    org_ids = sorted({gazetteer.parents[p.id] for p in parties
                      if p.id is not None and p.id in gazetteer.parents})
    org_names = [gazetteer.name_of("organization", o) for o in org_ids] + [
        m.name for m in orgs or []]
    at = ctx.sentence.start + trigger_at
    when = date_fields(date)
    event = _meeting(ctx, kind) if date is None else None
    if event is not None:
        # "the joint statement read": dated by the summit the article reports
        when = {"date": event.date, "date_basis": "context" if event.date else None,
                "date_partial": event.date_partial}
        if place is None and event.place_id is not None:
            place = Mention(at, at, "place", event.place_id, event.place or "", "context")
    # the words after the instrument up to a clause break: "signed the Rome Statute in 1999
    # but did not ratify it" signed it all the same
    tail = re.search(r"\b(?:but|while|although|whereas)\b|;", ctx.between(at, at + 40))
    modality = modality or ctx.modality(at, at + (tail.start() if tail else 40), clause=True)
    ctx.emit(Agreement(
        kind=kind, parties=names, party_ids=[p.id for p in parties], **when,
        place=place.name if place else None, place_id=place.id if place else None,
        title=title, orgs=org_names or None, evidence=ctx.evidence, confidence=0.75,
        modality=modality))
