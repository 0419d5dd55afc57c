"""Who a membership sentence makes a member: its states (not the places, speakers, offices,
neighbours and guests it also names) and the organizations that stand among them."""

from __future__ import annotations

import re

from multilateral.ingest.mentions import Mention
from multilateral.ingest.rules.context import Context

_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|visit(?:ed|ing)?)\s+(?:the\s+)?|,\s*)$", re.I)

_ROLE_AFTER = re.compile(r"^\s*(?:\(|,\s*(?:which|who)\s+(?:chair|host|hold|presid))", re.I)

_NOT_MEMBER_BEFORE = re.compile(r"\b(?:(?:with|against|near|towards?|except|on|by|between|"
                                r"versus|like|[Bb]efore|[Aa]fter|than|invad(?:ed|es|ing)|"
                                r"attack(?:ed|s|ing)?|independence from)\s+(?:the\s+)?"
                                r"(?:(?:[Pp]residents?|[Gg]overnments?|[Ll]eaders?) of\s+"
                                r"(?:the\s+)?)?|(?:pressure|opposition|objections?|threats?|"
                                r"criticism|veto) from\s+(?:the\s+)?|"
                                r"(?:chairmanship|presidency|chairpersonship|"
                                r"representatives?|delegations?|[Pp]ermanent [Mm]ission) of\s+"
                                r"(?:the\s+)?|hosted by\s+(?:the\s+)?)$")

# "In addition to Nicaragua, Venezuela ...": the one set aside, not the rest of the list
_ASIDE_BEFORE = re.compile(r"\b(?:[Ii]n addition to|[Bb]esides|[Aa]part from)\s+(?:the\s+)?$")

_SPEAKER_AFTER = re.compile(r"^\s*,?\s*(?:announced|said|says|stated|noted|told|added|argued|"
                            r"warned|insisted|slammed|critici[sz]ed|condemned|accused|"
                            r"invaded|attacked)\b", re.I)

# "the US Secretary of State", "the French government said": the state names an office
_OFFICE_AFTER = re.compile(r"^\s*(?:Secretary|Minister|Prime Minister|President|[Gg]overnment|"
                           r"Foreign|Ambassador|[Ee]nvoy|[Oo]fficials?|State Department|"
                           r"Embassy|Treasury|Congress|Parliament|[Cc]ourts?|[Aa]rmy|forces)\b")

# "with Turkmenistan as an associate member": the status follows the member
_AS_STATUS = re.compile(r"^\s*(?:\s(?:as (?:an? )?(?:associate|observer|full)?\s*(?:member|"
                        r"observer|partner)|(?:joining|acceding|becoming|being admitted)\b)|"
                        r"[–—]\s*(?:also\s+)?an?\s+(?:[A-Z][\w\-]*\s+)?member\b)", re.I)

# "after Niger and Gabon were suspended": the state is the subject of its own clause
OWN_VERB_AFTER = re.compile(r"^(?:\s*,?\s*(?:and\s+)?[A-Z][\w\-]+)*\s+(?:was|were|had been|"
                             r"has been|have been)\s+(?:\w+\s+)?(?:suspended|admitted|expelled|"
                             r"readmitted|reinstated)\b")

# "the Republic of Sudan": a state's formal name, not "Port of Spain"
_FORMAL_NAME = re.compile(r"\b(?:Republic|Kingdom|Federation|Sultanate|Principality|Emirate|"
                          r"Duchy|State|Commonwealth) of\s+$")

# "like Mozambique, which joined in 1995": the relative clause makes it a member again
_RELATIVE_ACT = re.compile(r"^\s*,\s*(?:which|who)\s+(?:\w+\s+){0,2}(?:joined|became|acceded|"
                           r"left|withdrew|applied|was admitted|was suspended)\b")
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and|as well as)?\s*(?:the\s+)?$", re.I)

def members_of(ctx: Context) -> list[Mention]:
    chosen: list[Mention] = []
    excluded: list[Mention] = []
    for mention in ctx.states():
        if any(adjacent(ctx, other, mention) for other in excluded):
            excluded.append(mention)  # the rest of a list of signatories or neighbours
            continue
        before = ctx.between(max(ctx.sentence.start, mention.start - 14), mention.start)
        after = ctx.between(mention.end, min(ctx.sentence.end, mention.end + 30))
        # "in Astana, Kazakhstan" or "the summit in India": a place, not a member
        if _LOCATIVE.search(before) and (
                any(p.end <= mention.start <= p.end + 3 for p in ctx.places())
                or re.search(r"\b(?:in|at|near)\s+(?:the\s+)?$", before)):
            excluded.append(mention)  # and so is the rest of its list ("in Chile, Peru ...")
            continue
        if re.match(r"^\s*['’]s\s+(?:chair|presiden|foreign|prime|capital|ministry)", after, re.I):
            continue
        role_after = ctx.between(mention.end, min(ctx.sentence.end, mention.end + 70))
        if _ROLE_AFTER.match(role_after) and re.search(r"chair|presiden", role_after, re.I):
            continue
        if _SPEAKER_AFTER.match(after) or _OFFICE_AFTER.match(after) or _ASIDE_BEFORE.search(
                ctx.between(max(ctx.sentence.start, mention.start - 20), mention.start)):
            continue  # "Brazil announced on Monday": the speaker, not the member
        founded_by = re.search(r"\b(?:founded|established|created|set up)\b[^.;]{0,60}\bby\s+"
                               r"(?:the\s+)?$", ctx.between(max(ctx.sentence.start,
                                                                 mention.start - 80),
                                                             mention.start))
        wide = ctx.between(max(ctx.sentence.start, mention.start - 40), mention.start)
        status_after = _AS_STATUS.match(after) or OWN_VERB_AFTER.match(after) or \
            _RELATIVE_ACT.match(after) or \
            re.search(r"\baccession (?:discussions|talks|negotiations|process(?:es)?) with\s+"
                      r"(?:the\s+)?$", ctx.between(max(ctx.sentence.start, mention.start - 40),
                                                 mention.start))
        if not founded_by and not status_after and (_NOT_MEMBER_BEFORE.search(wide)
                               or (re.search(r"\b[A-Z]\w+ of\s+$", before)
                                   and not _FORMAL_NAME.search(before))):
            excluded.append(mention)  # "a border with Russia", "signed by Belarus", "Port of Spain"
            continue
        chosen.append(mention)
    chosen += _member_orgs(ctx, chosen)
    if not chosen:
        # "The association has held observer status in the General Assembly since 2006"
        lead = re.match(r"\s*(?:The (?:association|bloc|organi[sz]ation|group|alliance|union)|"
                        r"It)\b", ctx.text)
        topic = ctx.topic_org() if lead else None
        if lead is not None and topic is not None and any(
                m.id != topic.id for m in ctx.orgs() if m.linked):
            chosen.append(Mention(ctx.sentence.start + lead.start(),
                                  ctx.sentence.start + lead.end(),
                                  "organization", topic.id, topic.name, "reference"))
    return sorted(chosen, key=lambda m: m.start)

def _member_orgs(ctx: Context, states: list[Mention]) -> list[Mention]:
    """Organizations that are members: inside a list of states ("China, the European Union,
    India"), or the subject of joining ("the African Union joined the G20")."""
    found = []
    orgs = [m for m in ctx.orgs() if m.linked]
    for org in orgs:
        neighbours = [s for s in states if adjacent(ctx, s, org) or adjacent(ctx, org, s)]
        ends_item = re.match(r"\s*(?:[,;.:)]|and\b|as well as\b|$)",
                             ctx.between(org.end, min(ctx.sentence.end, org.end + 12)))
        if neighbours and ends_item:
            found.append(org)
            continue
        lead = ctx.between(max(ctx.sentence.start, org.start - 16), org.start)
        if ends_item and re.search(r"(?:,|\band|:)\s*(?:the\s+)?$", lead) and any(
                m.start < org.start for m in orgs if m is not org) and re.search(
                r"\b(?:members?|comprises|includes|brings together|now has)\b",
                ctx.between(ctx.sentence.start, org.start), re.I):
            found.append(org)
            continue
        if len(orgs) >= 2:
            after = ctx.between(org.end, min(ctx.sentence.end, org.end + 40))
            # the subject of joining, or of being admitted ("the AU was admitted"), not of
            # admitting ("the General Assembly admitted ASEAN")
            if re.match(r"\s*(?:,[^,]*,\s*|,\s*(?:which|who)\s+)?"
                        r"(?:formally |officially |also |now |long )*"
                        r"(?:(?:has |have |had )?(?:join|bec|gain|receiv|h[oe]ld|had|enjoy|obtain)|"
                        r"(?:was|were|has been|had been) (?:formally |officially )?"
                        r"(?:admit|grant|accorded|given|elevat))", after, re.I):
                found.append(org)
    return found

def adjacent(ctx: Context, first: Mention, second: Mention) -> bool:
    return first.end <= second.start and bool(_LIST_GAP.match(
        ctx.between(first.end, second.start))) and second.start - first.end < 12

def list_head(ctx: Context, member: Mention) -> Mention:
    """The first item of the list the member ends ("Brazil, Russia and India": Brazil)."""
    states = [m for m in ctx.states() if m.end <= member.start]
    head = member
    for other in reversed(states):
        if not adjacent(ctx, other, head):
            break
        head = other
    return head


def list_tail_end(ctx: Context, member: Mention) -> int:
    """Where the list the member starts ends ("Cuba and Laos have": after Laos)."""
    tail = member
    for other in ctx.states():
        if other.start >= tail.end and adjacent(ctx, tail, other):
            tail = other
    return tail.end
