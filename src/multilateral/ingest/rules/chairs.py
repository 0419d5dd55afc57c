"""Chairmanship facts: which state chairs (or holds the presidency of) an organization, when.

"Kazakhstan, which chaired the SCO for 2023-2024, handed over the rotating
chairmanship to China for 2024-2025" is two facts: each chair word finds its own
state (the subject of its clause, or the state it is handed to) and its own dates.
A year or a month is the whole term ("for 2024": from 2024 to 2024); "from 1
January 2024" starts a term whose end the text does not give.
"""

from __future__ import annotations

import re

from multilateral.ingest.dates import DateMention
from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context, entity_fields
from multilateral.model.facts import Chairmanship, Modality

_CHAIR = re.compile(r"\b(?:chair(?:s|ed|ing)?(?:manship|personship|man|person|woman)?"
                    r"(?:[- ]in[- ]office)?|presidency|presides|presided)\b", re.I)
_MEETING_CHAIR = re.compile(r"\b(?:chaired by|presided over by|under the (?:chairmanship|"
                            r"presidency) of|chaired the (?:meeting|session|summit|talks|debate)|"
                            r"chairing the (?:meeting|session|summit)|chairs? of the (?:meeting|"
                            r"session|committee))\b", re.I)
_HANDOVER = re.compile(r"^\W{0,3}(?:\w+\W+){0,4}?(?:to|over to)\s+(?:the\s+)?$", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,]*$", re.I)
_REFERRING = re.compile(r"\b(?:the (?:bloc|organi[sz]ation|group|grouping|union|alliance|"
                        r"association|council|body|forum|presidency|chairmanship|"
                        r"chairpersonship|chair|conference|summit)|its|of Conference)\b", re.I)
_TERM_START = re.compile(r"\b(?:on|from|as of|since|starting)\s+$", re.I)
_TAKING = re.compile(r"\b(?:took|takes|taken|taking|assum(?:ed|es|ing)|hand(?:ed|s)? over|"
                     r"elected|holds?|held|holding)\b[^.]*$", re.I)
# A chair held now, though no term is written: "the serving chair", "whose country
# presently chairs the group", "will be the country chairing".
_NOW = re.compile(r"\b(?:current(?:ly)?|presently|now|serving|incumbent|outgoing|will be|"
                  r"will|is to)\b[^.,;]*$", re.I)
# "Brazil's BRICS chairmanship", "Russia's chairmanship in the association"
_POSSESSIVE = re.compile(r"^\s*['’]s?\s+(?:(?:upcoming|incoming|next|current|rotating|"
                         r"[A-Z][\w-]*)\s+){0,3}$")
# "Russia's chairmanship (of the CIS) in 2025": a date that belongs to the chair
_ATTACHED = re.compile(r"\s+(?:of\s+(?:the\s+)?[\w' ]{1,40}?\s+)?(?:in|for|during|from|of)\s+")
_COMING = re.compile(r"\b(?:upcoming|incoming|next|future|stage for|ahead of|prepar\w* for)\b",
                     re.I)
# "The Organization was chaired by Tajikistan": the organization itself is chaired
_ORG_CHAIRED = re.compile(r"^\s*(?:(?:is|was|has been|had been|will be)\s+)?(?:currently\s+)?$",
                          re.I)
# "this year's chair": the date names the term
_TERM_OWNER = re.compile(r"^\s*(?:['’]s)?\s+(?:(?:rotating|annual)\s+)?$")
_CHAIR_AFTER = re.compile(r"\s*(?:(?:is|was|has been)\s+)?(?:['’]s\s+)?(?:rotating\s+)?"
                          r"(?:presidency|chair)", re.I)
_CHAIR_BEFORE = re.compile(r"(?:presidency|chair(?:manship|personship)?|chair(?:ed|s)?)\s+"
                           r"(?:of\s+)?(?:the\s+)?$", re.I)
# "Summit elected ... Malawi ... as Chairperson": a chair given by a vote, no term written
_ELECTED = re.compile(r"\b(?:elected|appointed|designated|chosen|named)\b", re.I)
# "Deputy Chairperson", "Vice-Chair": a deputy holds no chairmanship
_DEPUTY = re.compile(r"\b(?:deputy|vice|co)[- ]?$", re.I)
_INCOMING = re.compile(r"\b(?:incoming|in-coming|next)\s+$", re.I)
_PAST = re.compile(r"\b(?:past|former|previous)\s+$", re.I)
# a person's titles and names, word by word (a word ends at a space or after a full stop, so
# that the pattern cannot split a word and backtrack over the ways to)
_NAME_WORD = r"(?:H\.\s?E\.?|the|[A-Z][\w'’\-]*\.?)"
_PERSON = rf"{_NAME_WORD}(?:(?:\s+|(?<=\.)){_NAME_WORD}){{0,8}}"
_TITLE = (r"(?:President|Prime Minister|Premier|Chancellor|King|Emir|Sultan|Head of State|"
          r"Head of Government|Foreign Minister|Minister (?:of|for) [\w ]{1,40}?)")
# "Chair of the Conference, the Prime Minister of Antigua and Barbuda", "past Chair Dr. X,
# Prime Minister of Trinidad and Tobago": the chair named by the head of government after it
_APPOSED = re.compile(
    rf"(?:\s+of\s+(?:the\s+)?(?:(?!,\s*and\b)[^;.]){{1,90}}?)??,?\s+(?:the\s+)?"
    rf"(?:{_PERSON},\s+(?:the\s+)?)?{_TITLE}\s+of\s+(?:the\s+)?$")
_FUTURE = re.compile(r"\b(?:will|shall|is to|are to|takes? over|is due|set to|is expected to|"
                     r"next year)\b", re.I)


def extract(ctx: Context) -> None:
    for match in _CHAIR.finditer(ctx.text):
        word = match.group().lower()
        at = ctx.sentence.start + match.start()
        end = ctx.sentence.start + match.end()
        meeting = _MEETING_CHAIR.search(ctx.between(max(ctx.sentence.start, at - 25),
                                                    min(ctx.sentence.end, end + 25)))
        if meeting and not _org_is_chaired(ctx, at):
            continue
        if word.startswith("chairman") and not word.startswith("chairmanship") and \
                re.search(r"\b(?:meeting|session|committee|board)\b", ctx.text, re.I):
            continue
        if _DEPUTY.search(ctx.between(max(ctx.sentence.start, at - 8), at)):
            continue
        if word == "presidency" and re.search(r"\b(?:his|her)\s+$", ctx.between(
                max(ctx.sentence.start, at - 6), at), re.I):
            continue  # "on the first day of his presidency": a person's term of office
        apposed = _apposed_state(ctx, end)
        state = apposed or _respective_state(ctx, at, end) or _state(ctx, at, end)
        org = _org(ctx, at, end)
        if state is None or org is None:
            continue
        if re.search(r"\b(?:Commission|Secretariat)$", org.name):
            continue  # "the new AU Commission chairman": a person's office, not a state's turn
        terms = _terms(ctx, at, end)
        lead = ctx.between(max(ctx.sentence.start, at - 40), at)
        possessive = _POSSESSIVE.match(ctx.between(state.end, at)) is not None
        if possessive and not any(
                d.date is not None and _ATTACHED.fullmatch(ctx.between(end, d.start))
                for d in ctx.dated() if d.start >= end):
            # "Brazil's chairmanship will publish ... next week": that date is the verb's
            before = [d for d in ctx.dated() if d.date is not None and d.end <= at
                      and at - d.end < 40]
            terms = [_term(ctx, before[-1])] if before else [(None, None)]
        elected = _ELECTED.search(ctx.between(ctx.sentence.start, at)) is not None
        if terms == [(None, None)] and not (_TAKING.search(lead) or _NOW.search(lead)
                                            or possessive or elected or apposed):
            continue  # "intends to use its Presidency": no term is stated
        for start, finish in terms:
            modality = _modality(ctx, at, end, start)
            if possessive:  # "Brazil's chairmanship will announce": the verb is not the chair's
                coming = _COMING.search(ctx.between(max(ctx.sentence.start, state.start - 25), at))
                modality = "planned" if coming or _later(ctx, start) else "asserted"
            if _INCOMING.search(lead):
                modality = "planned"  # "the Incoming Chairperson"
            elif _PAST.search(lead):
                modality = "reported"  # "immediate past Chair"
            ctx.emit(Chairmanship(**entity_fields("org", org), **entity_fields("state", state),
                                  start=start, end=finish, evidence=ctx.evidence,
                                  confidence=0.7, modality=modality))


def _state(ctx: Context, at: int, end: int) -> Mention | None:
    states = [m for m in ctx.mentions if m.type == "state"]
    if not states:
        return None
    after = [m for m in states if m.start >= end and m.start - end < 45
             and _HANDOVER.match(ctx.between(end, m.start))]
    if after:
        return after[0]
    before = [m for m in states if m.end <= at]
    if before:
        candidate = before[-1]
        gap = ctx.between(candidate.end, at)
        # "Russia, which holds the rotating chairmanship": the relative clause's subject
        if _RELATIVE.match(gap) or len(gap) < 60 and not re.search(r"[;.]", gap):
            return candidate
    following = [m for m in states if m.start >= end and m.start - end < 25
                 and re.match(r"^\s*(?:of|by|to)\s+(?:the\s+)?$", ctx.between(end, m.start))]
    return following[0] if following else None


def _apposed_state(ctx: Context, end: int) -> Mention | None:
    """"Chair of the Conference, the Prime Minister of Antigua and Barbuda": the state whose
    head of government the chair word is set beside."""
    for mention in ctx.states():
        if 0 <= mention.start - end < 200 and _APPOSED.fullmatch(
                ctx.between(end, mention.start)):
            return mention
    return None


def _respective_state(ctx: Context, at: int, end: int) -> Mention | None:
    """"elected A of Malawi and B of Zimbabwe as Chairperson and Deputy Chairperson,
    respectively": the chair word's place among the roles is its state's among the states."""
    rest = ctx.between(end, ctx.sentence.end)
    respectively = re.search(r"\brespectively\b", rest)
    head = ctx.between(ctx.sentence.start, at)
    roles_from = list(re.finditer(r"\bas\s+", head))
    if respectively is None or not roles_from:
        return None
    begin = ctx.sentence.start + roles_from[-1].end()
    roles = list(_CHAIR.finditer(ctx.between(begin, end + respectively.start())))
    index = sum(1 for role in roles if begin + role.start() < at)
    states = [m for m in ctx.states() if m.end <= begin]
    if len(roles) < 2 or len(states) < len(roles):
        return None
    return states[len(states) - len(roles) + index]


def _org(ctx: Context, at: int, end: int) -> Mention | None:
    orgs = [m for m in ctx.orgs() if m.linked or m.kind == "shape"]
    # "Chairperson of the Organ on Politics, ...": a body we lack, named as what is chaired
    close = [m for m in orgs if (-25 < at - m.end < 25 or 0 <= m.start - end < 30) and (
        m.linked or re.fullmatch(r"\s+of\s+(?:the\s+)?", ctx.between(end, m.start)))]
    if close:
        chosen = min(close, key=lambda m: min(abs(at - m.end), abs(m.start - end)))
        return ctx.organization_of(chosen)
    if _REFERRING.search(ctx.text) or not orgs:
        chaired = _chaired_org(ctx)
        if chaired is not None:
            return chaired
        topic = ctx.topic_org()
        if topic is not None:
            return topic
    nearby = [m for m in orgs if abs(m.start - at) < 120]
    return ctx.organization_of(min(nearby, key=lambda m: abs(m.start - at))) if nearby else None


def _chaired_org(ctx: Context) -> Mention | None:
    """"The presidency" means the organization the article gives a chair or presidency to
    ("India holds the G20 presidency"), not necessarily the one it names most."""
    return ctx.org_named_with(_CHAIR_AFTER, _CHAIR_BEFORE)


def _later(ctx: Context, start: str | None) -> bool:
    published = ctx.article.published
    return bool(start and published and start > str(published)[:len(start)])


def _org_is_chaired(ctx: Context, at: int) -> bool:
    """"The CSTO was chaired by Tajikistan": "chaired by" with the organization as its
    subject gives the organization's chair, not a meeting's."""
    if not ctx.between(at, at + 10).lower().startswith("chaired by"):
        return False
    return any(m.end <= at and _ORG_CHAIRED.match(ctx.between(m.end, at)) for m in ctx.orgs())


def _terms(ctx: Context, at: int, end: int) -> list[tuple[str | None, str | None]]:
    """The terms the clause after the chair word gives: one per date written there."""
    owner = [d for d in ctx.dated() if d.date is not None and d.end <= at
             and _TERM_OWNER.match(ctx.between(d.end, at))]
    if owner:
        return [_term(ctx, owner[-1])]
    clause_end = _clause_end(ctx, end)
    dated = [d for d in ctx.dated() if d.date is not None and end <= d.start < clause_end]
    if not dated:
        before = [d for d in ctx.dated() if d.date is not None and d.end <= at
                  and at - d.end < 40]
        dated = before[-1:]
    if not dated:
        return [(None, None)]
    if len(dated) >= 2 and re.search(r"\b(?:to|until|till|through)\s+$",
                                     ctx.between(dated[0].end, dated[1].start)):
        return [(str(dated[0].date), str(dated[1].date))]
    # "in 1996 and 2014": two terms; any other later date belongs to something else
    chosen = dated[:1]
    for date in dated[1:]:
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:in\s+)?",
                            ctx.between(chosen[-1].end, date.start)):
            break
        chosen.append(date)
    return [_term(ctx, d) for d in chosen]


def _term(ctx: Context, date: DateMention) -> tuple[str | None, str | None]:
    if date.end_date is not None:
        return str(date.date), str(date.end_date)
    before = ctx.between(max(ctx.sentence.start, date.start - 12), date.start)
    if date.date is not None and date.date.day is not None or _TERM_START.search(before):
        return str(date.date), None
    return str(date.date), str(date.date)


def _clause_end(ctx: Context, end: int) -> int:
    rest = ctx.between(end, ctx.sentence.end)
    head = ctx.between(ctx.sentence.start, end)
    inside_parenthesis = head.count("(") > head.count(")")
    stop = re.search(r"[;)]|,\s*(?:and|while|but|which|who)\b|\.\s" if inside_parenthesis
                     else r"[;]|,\s*(?:and|while|but|which|who)\b|\.\s", rest)
    return end + stop.start() if stop else ctx.sentence.end


def _modality(ctx: Context, at: int, end: int, start: str | None) -> Modality:
    modality = ctx.modality(at, end, clause=True)
    if modality != "asserted":
        return modality
    published = ctx.article.published
    if start and published and start > str(published)[:len(start)] and _FUTURE.search(
            ctx.between(max(ctx.sentence.start, at - 40), end)):
        return "planned"
    return modality
