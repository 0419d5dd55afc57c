"""Membership claims and what they say about a date.

A claim is one source's statement of one status spell. The store keeps every
claim; this module decides, for a date, where each member stands: certain
(every source that decides is sure), uncertain (the dates are too coarse, a
source's coverage has ended, or two sources of the same rank date the spell
differently), or in conflict (sources give different statuses). Only the
highest-ranked sources of a pair decide (`multilateral.model.ranks`); the claims
of lower-ranked ones that hold on the date are kept aside, to be shown.

A suspension is held within membership: a state in a `suspended` spell keeps its
membership with its rights suspended; it has not left. It stands with the status
`suspended` (so counts tell members in good standing from suspended ones) and the
flag `suspended`; `members --status member` lists it too, marked, and its `since` is
the start of the membership the suspension interrupted.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from multilateral.model.dates import PartialDate, Span, Truth
from multilateral.model.ranks import CURATED, rank
from multilateral.model.status import Status
from multilateral.model.status import rank as status_order

MEMBER, SUSPENDED = Status.MEMBER.value, Status.SUSPENDED.value


def held(status: str) -> str:
    """The status a spell's status stands for: a suspended state is still a member."""
    return MEMBER if status == SUSPENDED else status


@dataclass(frozen=True)
class Ref:
    """An entity as the library hands it out: its type, id and canonical name."""

    type: str
    id: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"type": self.type, "id": self.id, "name": self.name}


@dataclass(frozen=True)
class SourceRef:
    id: str
    kind: str
    title: str | None
    url: str | None
    citation: str | None
    published: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "url": self.url,
                "citation": self.citation, "published": self.published}


@dataclass(frozen=True)
class Claim:
    id: int
    org: Ref
    member: Ref
    status: str
    start: PartialDate | None
    end: PartialDate | None
    end_reason: str | None
    decided: PartialDate | None
    known_until: dt.date | None
    note: str | None
    dataset: str
    sources: tuple[SourceRef, ...] = ()
    observed: PartialDate | None = None  # seen to hold on this day, start unknown
    # The state line the member belongs to where a succession continues it (the USSR's
    # claims and Russia's are one member's): sources are ranked per line, not per state.
    line: str | None = None

    @property
    def lineage(self) -> str:
        return self.line or self.member.id

    @property
    def span(self) -> Span:
        # Worked out once per claim: a claim kept between questions is judged on every one.
        span: Span | None = self.__dict__.get("_span")
        if span is None:
            span = self.__dict__["_span"] = Span(self.start, self.end, self.known_until,
                                                 self.observed)
        return span

    @property
    def pending(self) -> bool:
        """Decided, not yet in effect."""
        return self.start is None and self.decided is not None and self.observed is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "org": self.org.as_dict(), "member": self.member.as_dict(),
            "status": self.status, "start": _s(self.start), "end": _s(self.end),
            "end_reason": self.end_reason, "decided": _s(self.decided),
            "observed": _s(self.observed),
            "known_until": self.known_until.isoformat() if self.known_until else None,
            "note": self.note, "dataset": self.dataset,
            "sources": [source.as_dict() for source in self.sources],
        }


def _s(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


@dataclass
class Standing:
    """Where one member (or, seen from a state, one organization) stands on a date."""

    subject: Ref
    status: str | None  # None when sources conflict
    certainty: str  # certain | uncertain | conflict | set_aside
    claims: list[Claim] = field(default_factory=list)
    possible: list[str] = field(default_factory=list)
    reason: str | None = None
    # Claims of lower-ranked sources on the same pair that hold on the date: not counted.
    outranked: list[Claim] = field(default_factory=list)
    suspended: bool = False  # a member whose rights are suspended on the date
    suspended_since: PartialDate | None = None
    began: PartialDate | None = None  # the start of an uninterrupted run of spells

    @property
    def since(self) -> PartialDate | None:
        if self.began is not None:
            return self.began
        starts = [c.start for c in self.claims
                  if c.start is not None and held(c.status) == self.status]
        return min(starts, key=lambda d: d.lo) if starts else None

    @property
    def shown_status(self) -> str:
        """The status as a table shows it (the possible ones when uncertain)."""
        return self.status or "/".join(self.possible)

    def has(self, status: str) -> bool:
        """Does the member stand, or may it stand, with `status`? A suspended member is a
        member (its membership held, its rights suspended)."""
        if self.certainty == "certain":
            return self.status == status or (self.status is not None
                                             and held(self.status) == status)
        return status in self.possible or any(held(p) == status for p in self.possible)

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.subject.as_dict(), "status": self.status, "certainty": self.certainty,
            "since": _s(self.since), "suspended": self.suspended,
            "suspended_since": _s(self.suspended_since),
            "possible_statuses": self.possible, "reason": self.reason,
            "claims": [claim_brief(claim) for claim in self.claims],
            "outranked": [claim_brief(claim) for claim in self.outranked],
        }


def claim_brief(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "status": claim.status, "start": _s(claim.start),
            "end": _s(claim.end), "dataset": claim.dataset, "note": claim.note,
            "sources": [source.as_dict() for source in claim.sources]}


def standings(claims: Iterable[Claim], when: PartialDate, key: Callable[[Claim], Ref],
              context: Iterable[Claim] | None = None) -> list[Standing]:
    """Group claims by `key` (the member, or the organization) and judge each group on `when`.

    `context` holds every claim on the same members and organizations (by default the
    claims themselves): it says which sources rank highest on each pair, which claims a
    later source has superseded, and where sources of one rank date a spell differently.
    A group that only lower-ranked sources speak for on `when` comes back `set_aside`.
    """
    claims = list(claims)
    if context is None:
        context = claims
    elif not isinstance(context, list):
        context = list(context)
    dropped = superseded(context, when)
    pairs, top = _grouped(context)
    groups: dict[Ref, list[tuple[Claim, Truth]]] = defaultdict(list)
    aside: dict[Ref, list[Claim]] = defaultdict(list)
    for claim in claims:
        truth = claim.span.holds(when)
        if truth is Truth.NO or claim.id in dropped:
            continue
        if rank(claim.dataset) < top.get(_pair(claim), rank(claim.dataset)):
            aside[key(claim)].append(claim)
            continue
        if truth is Truth.YES and _disputed(claim, when, pairs.get(_pair(claim), [])):
            truth = Truth.MAYBE
        groups[key(claim)].append((claim, truth))
    result = [_judge(subject, judged, when, pairs) for subject, judged in groups.items()]
    for standing in result:
        standing.outranked = aside.pop(standing.subject, [])
    result += [_set_aside(subject, kept) for subject, kept in aside.items()]
    return sorted(result, key=lambda st: (status_order(st.status), st.status or "",
                                          st.subject.name))


# The grouping of a context by pair and each pair's top rank do not depend on the date:
# a process asks many dates of one organization's kept claims, so they are worked out once
# per context list (held here, so its identity stays its own; never changed in place).
_GROUPED: OrderedDict[int, tuple[list[Claim], dict[tuple[str, str], list[Claim]],
                               dict[tuple[str, str], int]]] = OrderedDict()
_GROUPED_KEPT = 1024  # about two per organization
_GROUPED_LOCK = threading.Lock()


def _grouped(context: list[Claim]) -> tuple[dict[tuple[str, str], list[Claim]],
                                            dict[tuple[str, str], int]]:
    with _GROUPED_LOCK:
        found = _GROUPED.get(id(context))
        if found is not None and found[0] is context:
            _GROUPED.move_to_end(id(context))
            return found[1], found[2]
    pairs: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in context:
        pairs[_pair(claim)].append(claim)
    top = {pair: max(rank(c.dataset) for c in group) for pair, group in pairs.items()}
    with _GROUPED_LOCK:
        _GROUPED[id(context)] = (context, pairs, top)
        while len(_GROUPED) > _GROUPED_KEPT:
            _GROUPED.popitem(last=False)
    return pairs, top


def _pair(claim: Claim) -> tuple[str, str]:
    # Kept on the claim, as its span is: every standing asks it of every claim in context.
    pair: tuple[str, str] | None = claim.__dict__.get("_pair")
    if pair is None:
        pair = claim.__dict__["_pair"] = (claim.org.id, claim.lineage)
    return pair


def _disputed(claim: Claim, when: PartialDate, pair: list[Claim]) -> Claim | None:
    """A claim of the same rank and status, from other pages, that dates the same spell so
    that it does not hold on `when` (the EAEU's Kyrgyzstan from 6 or from 12 August 2015)."""
    for other in pair:
        if other.id == claim.id or other.member != claim.member \
                or other.status != claim.status or other.start is None \
                or rank(other.dataset) != rank(claim.dataset) \
                or not _other_pages(claim, other):
            continue
        if other.span.holds(when) is Truth.NO and _share_a_day(claim, other):
            return other
    return None


def _other_pages(a: Claim, b: Claim) -> bool:
    """Different datasets, or rows of one curated table that cite different pages."""
    if a.dataset != b.dataset:
        return True
    if rank(a.dataset) < CURATED:
        return False
    pages_a = {source.id for source in a.sources if source.kind != "dataset"}
    pages_b = {source.id for source in b.sources if source.kind != "dataset"}
    return bool(pages_a or pages_b) and pages_a != pages_b


def _share_a_day(a: Claim, b: Claim) -> bool:
    """Do both spells certainly hold on some common day: two accounts of one spell?"""
    if a.start is None or b.start is None:
        return False
    first = max(a.start.hi, b.start.hi)
    last = min(a.end.lo if a.end else dt.date.max, b.end.lo if b.end else dt.date.max)
    return first < last


def _set_aside(subject: Ref, held: list[Claim]) -> Standing:
    statuses = sorted({claim.status for claim in held})
    datasets = ", ".join(dict.fromkeys(claim.dataset for claim in held))
    return Standing(subject, statuses[0] if len(statuses) == 1 else None, "set_aside", [],
                    statuses, f"only {datasets} says so; a source that ranks above it dates "
                    "this member's spells and has none on this date", outranked=held)


def past_coverage(claim: Claim, when: PartialDate) -> bool:
    """Is `when` past the last day the claim's source observed its open spell?"""
    return claim.end is None and claim.known_until is not None and when.hi > claim.known_until


def superseded(claims: Iterable[Claim], when: PartialDate) -> set[int]:
    """Claims that may hold on `when` only because their source stopped looking (COW after
    2014), where another source speaks of the same member and organization after that day:
    for later dates the later source answers (the UK left the EU in 2020, which COW never
    saw). Their ids."""
    claims = list(claims)
    if not any(past_coverage(claim, when) for claim in claims):
        return set()  # most dates: no source has stopped looking yet
    by_pair: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_pair[(claim.org.id, claim.member.id)].append(claim)
    found: set[int] = set()
    for group in by_pair.values():
        for claim in group:
            if not past_coverage(claim, when):
                continue
            assert claim.known_until is not None
            if any(other.dataset != claim.dataset and other.start is not None
                   and (other.end is None or other.end.lo > claim.known_until)
                   for other in group):
                found.add(claim.id)
    return found


def _judge(subject: Ref, judged: list[tuple[Claim, Truth]], when: PartialDate,
           pairs: dict[tuple[str, str], list[Claim]]) -> Standing:
    sure = [claim for claim, truth in judged if truth is Truth.YES]
    maybe = [claim for claim, truth in judged if truth is Truth.MAYBE]
    sure_statuses = sorted({held(claim.status) for claim in sure})
    if len(sure_statuses) == 1:
        kind = sure_statuses[0]
        others = sorted({c.status for c in maybe if held(c.status) != kind})
        claims = sure + [c for c in maybe if held(c.status) == kind]
        suspensions = [c.start for c in sure if c.status == SUSPENDED and c.start is not None]
        # A member and a suspension from sources of one rank: the suspension is the news.
        status = SUSPENDED if suspensions or any(c.status == SUSPENDED for c in sure) else kind
        return Standing(subject, status, "certain", claims, others,
                        suspended=status == SUSPENDED,
                        suspended_since=min(suspensions, key=lambda d: d.lo, default=None),
                        began=_began(claims, kind, pairs))
    if len(sure_statuses) > 1:
        datasets = ", ".join(f"{c.status} ({c.dataset})" for c in sure)
        return Standing(subject, None, "conflict", sure, sorted({c.status for c in sure}),
                        f"sources disagree: {datasets}")
    statuses = sorted({held(claim.status) for claim in maybe})
    return Standing(subject, statuses[0] if len(statuses) == 1 else None, "uncertain", maybe,
                    sorted({claim.status for claim in maybe}),
                    "; ".join(sorted({_why_uncertain(c, when, pairs) for c in maybe})))


def _began(claims: list[Claim], status: str,
           pairs: dict[tuple[str, str], list[Claim]]) -> PartialDate | None:
    """Where the run of spells that holds now began: back through the spells of the same
    table that end where the next begins (member, suspended, member again)."""
    mine = [c for c in claims if c.start is not None and held(c.status) == status]
    if not mine:
        return None
    first = min(mine, key=lambda c: c.start.lo if c.start else dt.date.max)
    start = first.start
    assert start is not None
    group = pairs.get(_pair(first), [])
    if len(group) < 2:
        return start  # the one spell of its pair (most of COW's): nothing ran before it
    before = [c for c in group if c.dataset == first.dataset
              and held(c.status) == status and c.start is not None and c.end is not None]
    for _ in range(len(before)):
        earlier = next((c for c in before if c.end is not None and c.end.refines(start)
                        and c.start is not None and c.start.lo < start.lo), None)
        if earlier is None or earlier.start is None:
            break
        start = earlier.start
    return start


def _why_uncertain(claim: Claim, when: PartialDate,
                   pairs: dict[tuple[str, str], list[Claim]]) -> str:
    rival = (_disputed(claim, when, pairs.get(_pair(claim), []))
             if claim.span.holds(when) is Truth.YES else None)
    if rival is not None:
        return (f"sources disagree on the dates: {claim.status} from {claim.start} until "
                f"{claim.end or 'today'} ({_pages(claim)}) or from {rival.start} until "
                f"{rival.end or 'today'} ({_pages(rival)})")
    # Name what makes `when` doubtful, not every coarse date the claim has: a spell
    # that starts "2014" is uncertain in June 2014 because of its start, though its
    # source's coverage also ends that year.
    parts = []
    if claim.start is None:
        parts.append("no source gives its start")
    elif claim.start.hi > when.lo:
        parts.append(f"starts {claim.start} ({_precision(claim.start)} only)")
    if claim.end is not None and claim.end.lo <= when.hi:
        parts.append(f"ends {claim.end} ({_precision(claim.end)} only)")
    if parts:
        return f"{claim.dataset}: {claim.status} {' and '.join(parts)}, no finer date"
    if claim.end is None and claim.known_until is not None and when.hi > claim.known_until:
        return (f"{claim.dataset} observed it to {claim.known_until.year}, no later source "
                "speaks of it")
    return f"{claim.dataset}: {claim.status}, dates too coarse for {when}"


def _precision(date: PartialDate) -> str:
    return {"year": "a year", "month": "a month", "day": "a day"}[date.precision.value]


def _pages(claim: Claim) -> str:
    urls = [source.url for source in claim.sources if source.kind != "dataset" and source.url]
    return ", ".join(urls[:1]) or claim.dataset


@dataclass(frozen=True)
class Change:
    """One step in an organization's history: a status begins, ends or is decided."""

    date: PartialDate | None
    change: str  # start | end | decided
    claim: Claim

    def as_dict(self) -> dict[str, Any]:
        return {"date": _s(self.date), "change": self.change, "status": self.claim.status,
                "member": self.claim.member.as_dict(), "reason": self.claim.end_reason
                if self.change == "end" else None, "claim": claim_brief(self.claim)}


def changes(claims: Iterable[Claim]) -> list[Change]:
    """Every start, end and decision the claims state, in date order (undated last)."""
    out: list[Change] = []
    for claim in claims:
        if claim.decided is not None:
            out.append(Change(claim.decided, "decided", claim))
        if claim.start is not None:
            out.append(Change(claim.start, "start", claim))
        if claim.end is not None:
            out.append(Change(claim.end, "end", claim))
    order = {"end": 0, "decided": 1, "start": 2}
    return sorted(out, key=lambda ch: (ch.date is None, ch.date.lo if ch.date else dt.date.max,
                                       order[ch.change], ch.claim.member.name))
