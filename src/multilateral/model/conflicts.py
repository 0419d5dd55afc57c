"""Where the sources of the knowledge base disagree, and how often.

Two kinds of comparison:

- claim against claim: two membership claims on the same member and organization
  from different sources (COW, the hand tables, the SCO seed; or two rows of a hand
  table citing different pages) that cannot both be right: a different start or end
  of the same status, or two statuses at once; and two founding dates;
- observation against standing: what the CIA World Factbook printed in January
  2020 set against where the knowledge base has the member on 2020-01-15: another
  status, a member the knowledge base lacks, a member the Factbook omits. Only
  organizations that some source covers on that day are compared.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from multilateral.model.dates import PartialDate
from multilateral.model.membership import Claim, Ref, SourceRef, claim_brief, standings
from multilateral.model.ranks import CURATED, rank

# The day a January 2020 snapshot is judged against: mid-month, so that a status
# dated to the month of January 2020 does not count as certain on it by accident.
OBSERVATION_DAY = PartialDate(2020, 1, 15)
KINDS = ("start", "end", "status", "founding", "observed_status", "observed_only",
         "observed_missing")


@dataclass(frozen=True)
class Observation:
    """One status a second source printed at one moment, never counted as a fact."""

    org: Ref
    member: Ref
    status: str | None  # our vocabulary; None when the source's words map to none
    status_text: str
    observed: PartialDate
    dataset: str
    source: SourceRef | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"org": self.org.as_dict(), "member": self.member.as_dict(),
                "status": self.status, "status_text": self.status_text,
                "observed": str(self.observed), "dataset": self.dataset,
                "sources": [self.source.as_dict()] if self.source else []}


@dataclass(frozen=True)
class Conflict:
    """Two sources that disagree about the same member, status or date."""

    kind: str  # one of KINDS
    org: Ref
    subject: str
    description: str
    claims: tuple[dict[str, Any], ...]

    @property
    def datasets(self) -> list[str]:
        return sorted({str(claim["dataset"]) for claim in self.claims})

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "org": self.org.as_dict(), "subject": self.subject,
                "description": self.description, "datasets": self.datasets,
                "claims": list(self.claims)}


def membership_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    """Claims on one member of one organization, from different sources, that cannot both
    be right."""
    # One group per member, or per line of states a succession continues (the USSR's
    # claims beside Russia's): COW's USSR to 1991 and a table's Russia from 1954 are
    # two accounts of one membership.
    by_member: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.start is not None:
            by_member[(claim.org.id, claim.lineage)].append(claim)
    found: list[Conflict] = []
    for group in by_member.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _different_sources(a, b):
                    found.extend(_compare(_named(a, b), a, b, group))
    return found


def _named(a: Claim, b: Claim) -> Ref:
    """The member a conflict is about: the later state of a line (Russia, not the USSR)."""
    return a.member if a.member.id == a.lineage or b.member.id != b.lineage else b.member


def _different_sources(a: Claim, b: Claim) -> bool:
    """Different datasets, or rows of one hand table that cite different pages (the
    only way a table may give two spells at once: one per source)."""
    if a.dataset != b.dataset:
        return True
    if a.member != b.member or rank(a.dataset) < CURATED:
        # Two states of one line in one table, or two rows of COW (whose succession
        # splits cite the succession's pages): one account, not two.
        return False
    pages_a = {source.id for source in a.sources if source.kind != "dataset"}
    pages_b = {source.id for source in b.sources if source.kind != "dataset"}
    return bool(pages_a or pages_b) and pages_a != pages_b


def _compare(member: Ref, a: Claim, b: Claim, group: list[Claim]) -> list[Conflict]:
    pair = (claim_brief(a), claim_brief(b))
    org = a.org
    if a.status != b.status:
        if _certainly_overlap(a, b):
            return [Conflict("status", org, member.name,
                             f"{member.name} in {org.id}: {a.status} ({a.dataset}) and "
                             f"{b.status} ({b.dataset}) at the same time", pair)]
        return []
    if not _overlaps(a, b):
        return []  # two spells of one status, one after the other
    assert a.start is not None and b.start is not None
    # Across datasets, a boundary inside one source's own run of spells (member until a
    # suspension, member again after it) is no claim about when the status began or
    # ended: the status conflict over the suspension already says where they differ.
    across = a.dataset != b.dataset
    if not a.start.refines(b.start) and (not across or (
            _opens(a, group) and _opens(b, group)
            and not _matched(a, b, group, "start") and not _matched(b, a, group, "start"))):
        return [Conflict("start", org, member.name,
                         f"{member.name} {a.status} of {org.id} from {a.start} "
                         f"({a.dataset}) or from {b.start} ({b.dataset})", pair)]
    if (_ends_disagree(a, b) or _ends_disagree(b, a)) and (not across or (
            _closes(a, group) and _closes(b, group)
            and not _matched(a, b, group, "end") and not _matched(b, a, group, "end"))):
        return [Conflict("end", org, member.name,
                         f"{member.name} {a.status} of {org.id} until "
                         f"{a.end or 'today'} ({a.dataset}) or until {b.end or 'today'} "
                         f"({b.dataset})", pair)]
    return []


def _opens(claim: Claim, group: list[Claim]) -> bool:
    """Does the claim begin its source's record of the member (no spell of the same
    dataset ends where it starts)?"""
    assert claim.start is not None
    return not any(other.dataset == claim.dataset and other.end is not None
                   and other.end.refines(claim.start) for other in group)


def _closes(claim: Claim, group: list[Claim]) -> bool:
    """Does the claim end its source's record of the member (open, or no spell of the same
    dataset starts where it ends)?"""
    return claim.end is None or not any(
        other.dataset == claim.dataset and other is not claim and other.start is not None
        and other.start.refines(claim.end) for other in group)


def _matched(a: Claim, b: Claim, group: list[Claim], edge: str) -> bool:
    """Does another spell of `b`'s dataset, of the same status, start (or end) when `a` does?"""
    mine = a.start if edge == "start" else a.end
    if mine is None:
        return False
    for other in group:
        theirs = other.start if edge == "start" else other.end
        if other.dataset == b.dataset and other.status == a.status and theirs is not None \
                and theirs.refines(mine):
            return True
    return False


def _ends_disagree(a: Claim, b: Claim) -> bool:
    """Does `a` end on a date `b` cannot end on, or before a day `b` says it still held?"""
    if a.end is None:
        return False
    if b.end is not None:
        return not a.end.refines(b.end)
    return a.end.hi < _certain_until(b)


def _overlaps(a: Claim, b: Claim) -> bool:
    """Could the two spells share a day?"""
    assert a.start is not None and b.start is not None
    a_end = a.end.hi if a.end else dt.date.max
    b_end = b.end.hi if b.end else dt.date.max
    return a.start.lo < b_end and b.start.lo < a_end


def _certainly_overlap(a: Claim, b: Claim) -> bool:
    """Do both spells certainly hold on some common day (inside both sources' coverage)?"""
    assert a.start is not None and b.start is not None
    first = max(a.start.hi, b.start.hi)
    last = min(_certain_until(a), _certain_until(b))
    return first < last


def _certain_until(claim: Claim) -> dt.date:
    if claim.end is not None:
        return claim.end.lo
    if claim.known_until is not None:
        return claim.known_until
    return dt.date.max


def founding_conflicts(org: Ref, foundings: list[tuple[PartialDate, str, dict[str, Any]]]
                       ) -> list[Conflict]:
    """Founding dates from different datasets that cannot name the same day."""
    found = []
    for i, (date_a, set_a, brief_a) in enumerate(foundings):
        for date_b, set_b, brief_b in foundings[i + 1:]:
            if set_a != set_b and not date_a.refines(date_b):
                found.append(Conflict("founding", org, org.name,
                                      f"{org.name} founded {date_a} ({set_a}) or {date_b} "
                                      f"({set_b})", (brief_a, brief_b)))
    return found


def observation_conflicts(org: Ref, observations: list[Observation],
                          claims: Iterable[Claim]) -> list[Conflict]:
    """A snapshot's statuses against the knowledge base's standing on OBSERVATION_DAY."""
    if not observations:
        return []
    # A standing only an outranked source speaks for is no standing of the knowledge base.
    judged = {st.subject.id: st for st in standings(
        [c for c in claims if not c.pending], OBSERVATION_DAY, key=lambda c: c.member)
        if st.certainty != "set_aside"}
    if not any(st.certainty == "certain" for st in judged.values()):
        return []  # no source covers this organization on that day: nothing to set against
    source = f"{observations[0].dataset} ({observations[0].observed})"
    found: list[Conflict] = []
    listed: set[str] = set()
    compared: set[tuple[str, str]] = set()
    for obs in observations:
        listed.add(obs.member.id)
        if obs.status is None or (obs.member.id, obs.status) in compared:
            continue
        compared.add((obs.member.id, obs.status))
        standing = judged.get(obs.member.id)
        said = f"{obs.status} ('{obs.status_text}', {source})"
        if standing is None:
            found.append(Conflict(
                "observed_only", org, obs.member.name,
                f"{obs.member.name} in {org.id}: {said}; the knowledge base has no status "
                f"on {OBSERVATION_DAY}", (_observed(obs),)))
        elif standing.certainty == "certain" and standing.status != obs.status:
            found.append(Conflict(
                "observed_status", org, obs.member.name,
                f"{obs.member.name} in {org.id}: {said}; {standing.status} on "
                f"{OBSERVATION_DAY} ({_datasets(standing.claims)})",
                (_observed(obs), *(claim_brief(c) for c in standing.claims))))
    for member_id, standing in sorted(judged.items()):
        if member_id in listed or standing.certainty != "certain" \
                or standing.subject.type != "state":
            continue
        found.append(Conflict(
            "observed_missing", org, standing.subject.name,
            f"{standing.subject.name} in {org.id}: {standing.status} on {OBSERVATION_DAY} "
            f"({_datasets(standing.claims)}); {source} does not list it",
            tuple(claim_brief(c) for c in standing.claims)))
    return found


def _observed(obs: Observation) -> dict[str, Any]:
    """An observation in the shape of a claim, so that every conflict lists its sides alike."""
    return {"id": None, "status": obs.status, "start": str(obs.observed), "end": None,
            "dataset": obs.dataset, "note": f"printed as '{obs.status_text}'",
            "sources": [obs.source.as_dict()] if obs.source else []}


def _datasets(claims: Iterable[Claim]) -> str:
    return ", ".join(dict.fromkeys(claim.dataset for claim in claims))
