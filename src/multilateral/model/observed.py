"""What the CIA World Factbook's weekly history observed, said beside an uncertain answer.

Past the end of a source's coverage (COW after 2014) a member is "uncertain". Where the
Factbook's weekly editions 2015-2026 listed it, the reason says so, with the days it was
first and last seen: an observation of a second source, never a decision, so the
standing stays uncertain and no count changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from multilateral.model.dates import PartialDate
from multilateral.model.membership import Standing, past_coverage

SOURCE = "the CIA World Factbook"


@dataclass(frozen=True)
class Sighting:
    """A run of weekly editions of the Factbook that list one member with one status."""

    member_id: str
    member_name: str
    status: str | None  # our vocabulary; None when the Factbook's words map to none
    status_text: str
    first: dt.date
    last: dt.date

    def says(self) -> str:
        words = self.status if self.status == self.status_text else f"'{self.status_text}'"
        return f"{words} from {self.first} to {self.last}"


def with_sightings(judged: Iterable[Standing], sightings: Iterable[Sighting],
                   when: PartialDate) -> list[Standing]:
    """`judged` with what the Factbook observed added to the reason of each member left
    uncertain because a source's coverage ended before `when`."""
    by_member: dict[str, list[Sighting]] = defaultdict(list)
    for sighting in sightings:
        by_member[sighting.member_id].append(sighting)
    if not by_member:
        return list(judged)  # the Factbook does not speak of this organization
    newest = max(s.last for group in by_member.values() for s in group)
    result = []
    for standing in judged:
        if standing.certainty == "uncertain" and any(past_coverage(c, when)
                                                     for c in standing.claims):
            observed = observation(by_member.get(standing.subject.id, []), when, newest)
            reason = "; ".join(part for part in (standing.reason, observed) if part)
            standing = dataclasses.replace(standing, reason=reason)
        result.append(standing)
    return result


def observation(sightings: list[Sighting], when: PartialDate, newest: dt.date) -> str:
    """One member's sightings, as they bear on `when`; `newest` is the last edition read."""
    if not sightings:
        return f"not listed by {SOURCE} in 2015-2026 (observed, not a decision)"
    covering = [s for s in sightings if s.first <= when.hi and s.last >= when.lo]
    if covering:
        said = "; ".join(s.says() for s in sorted(covering, key=lambda s: s.first))
        return f"listed by {SOURCE} as {said} (observed, not a decision)"
    before = [s for s in sightings if s.last < when.lo]
    if before:
        latest = max(before, key=lambda s: s.last)
        after = ("its last edition read" if latest.last >= newest
                 else "not in its editions after")
        return f"last listed by {SOURCE} as {latest.says()}, {after} (observed, not a decision)"
    first = min(sightings, key=lambda s: s.first)
    return f"first listed by {SOURCE} as {first.says()} (observed, not a decision)"


def unsourced_note(judged: Iterable[Standing], sightings: Iterable[Sighting],
                   when: PartialDate, org_name: str) -> str | None:
    """A note on the states the Factbook lists on `when` that no source here gives (COW
    stops early for some organizations, ICAO among them); None when there are none."""
    known = {standing.subject.id for standing in judged}
    listed: dict[str, set[str]] = defaultdict(set)
    for s in sightings:
        if s.status and s.member_id not in known and s.first <= when.hi and s.last >= when.lo:
            listed[s.status].add(s.member_name)
    if not listed:
        return None
    counts = ", ".join(f"{len(names)} as {status}" for status, names in sorted(listed.items()))
    names = sorted(set().union(*listed.values()))
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    also = " also" if known else ""
    return (f"{SOURCE} (weekly editions 2015-2026){also} lists states in {org_name} on "
            f"{when} that no source here gives: {counts} ({shown}); observed, not a "
            "decision, so none is counted")
