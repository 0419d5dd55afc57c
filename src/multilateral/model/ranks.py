"""How far each source is trusted where sources speak of the same member.

Sources get ranks, as Wikidata's statements do. A curated table that dates each
change to the day from the organization's own pages (the hand tables, the SCO
seed) ranks above a coarse or older dataset (COW: year precision, to 2014) and
above facts read from articles. Where a higher-ranked source speaks of an
(organization, member) pair at all, its spells decide that pair's standing on
every date; a lower-ranked source that disagrees stays visible, in `conflicts`
and in the answer's `set_aside` list, but makes no answer on its own.
"""

from __future__ import annotations

from multilateral.model.dates import PartialDate

CURATED = 2  # day precision, from the organization's own records, kept to date
COARSE = 1  # year precision or stale coverage (COW), or facts read from articles

# Dataset names as the loaders in `multilateral.reference` write them ("multilateral-hand"
# holds the foundings of hand/organizations.csv).
_RANKS = {"hand-memberships": CURATED, "sco-seed": CURATED, "multilateral-hand": CURATED}


def rank(dataset: str) -> int:
    """A dataset's rank: higher decides. Unknown datasets rank as coarse."""
    return _RANKS.get(dataset, COARSE)


def label(dataset: str) -> str:
    """How the answers name a rank."""
    return "curated" if rank(dataset) >= CURATED else "coarse"


def founded(foundings: list[tuple[PartialDate, str]]) -> tuple[PartialDate, str] | None:
    """The founding date that decides when an organization begins to exist: the earliest
    from the highest-ranked datasets (the SCO from 2001-06-15 by the SCO seed, not from
    COW's 1996 coding of the Shanghai Five). With its dataset."""
    if not foundings:
        return None
    top = max(rank(dataset) for _, dataset in foundings)
    return min(((date, dataset) for date, dataset in foundings if rank(dataset) == top),
               key=lambda pair: pair[0].lo)
