"""An organization's claims judged on one day: who is certain, uncertain, in conflict or
set aside, the counts by status, the chairs, and what a source's coverage leaves open.
Pure functions of the claims, shared by the questions and the pages built from them."""

from __future__ import annotations

from multilateral.model.dates import PartialDate, Span, Truth, parse_optional
from multilateral.model.membership import Claim, Ref, Standing, held, past_coverage, standings
from multilateral.model.results import Members, count_by_status


def members(org_ref: Ref, claims: list[Claim], when: PartialDate,
             wanted: str | None) -> Members:
    """Judge an organization's claims (all of them: ranks and disputes are judged over
    each pair's whole record) on `when`: certain, uncertain, in conflict, pending."""
    in_effect = [c for c in claims if not c.pending]
    judged = standings(in_effect, when, key=lambda c: c.member, context=claims)
    if wanted:
        judged = [st for st in judged if st.has(wanted)]
    pending = [{"member": c.member.as_dict(), "status": c.status, "decided": str(c.decided),
                "note": c.note, "sources": [src.as_dict() for src in c.sources]}
               for c in claims if c.pending and c.decided and c.decided.lo <= when.hi
               and (not wanted or held(c.status) == held(wanted))]
    return Members(org_ref, when, wanted, *split(judged), pending=pending,
                   notes=coverage_notes(judged, when))


def split(judged: list[Standing]
           ) -> tuple[list[Standing], list[Standing], list[Standing], list[Standing]]:
    """Certain, uncertain, in conflict, set aside (only an outranked source speaks)."""
    def of(kind: str) -> list[Standing]:
        return [st for st in judged if st.certainty == kind]
    return of("certain"), of("uncertain"), of("conflict"), of("set_aside")


def counts(claims: list[Claim], when: PartialDate) -> dict[str, int]:
    certain, *_ = split(standings([c for c in claims if not c.pending], when,
                                     key=lambda c: c.member))
    return count_by_status(certain)


def chair_on(chairs: list[dict[str, object]], when: PartialDate) -> list[dict[str, object]]:
    current = []
    for chair in chairs:
        span = Span(parse_optional(str(chair["start"]) if chair["start"] else None),
                    parse_optional(str(chair["end"]) if chair["end"] else None))
        if span.holds(when) is not Truth.NO:
            current.append(chair)
    return current


def coverage_notes(judged: list[Standing], when: PartialDate) -> list[str]:
    """Say when a dataset's coverage ends before the date asked about, and that leaves
    some member uncertain (no later source took over)."""
    ended = sorted({(c.dataset, c.known_until.year) for st in judged for c in st.claims
                    if st.certainty != "certain" and past_coverage(c, when)
                    and c.known_until is not None})
    return [f"{dataset} observes this organization only to {year}: its later members are "
            "listed as uncertain unless another source covers them" for dataset, year in ended]
