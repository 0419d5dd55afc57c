"""The records the library's questions return. `as_dict()` is the documented JSON shape."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from multilateral.model.conflicts import KINDS, Conflict
from multilateral.model.dates import PartialDate
from multilateral.model.membership import Change, Ref, Standing
from multilateral.model.status import rank
from multilateral.model.timeline import Timeline

WIKIDATA = "https://www.wikidata.org/wiki/"

# Search snippets mark the words found with these private-use characters; each edge turns
# them into its own markup (the web site into <mark>), so snippets never carry HTML.
MARK_START, MARK_END = "\ue000", "\ue001"


def count_by_status(standings: list[Standing]) -> dict[str, int]:
    """How many standings hold each status (those in conflict have none)."""
    counts = Counter(st.status for st in standings if st.status)
    return dict(sorted(counts.items(), key=lambda item: (rank(item[0]), item[0])))


@dataclass
class Members:
    """Who belongs to an organization on a date."""

    org: Ref
    on: PartialDate
    status: str | None
    certain: list[Standing]
    uncertain: list[Standing]
    conflicts: list[Standing]
    set_aside: list[Standing] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return count_by_status(self.certain)

    @property
    def suspended(self) -> int:
        """How many members are suspended (`counts` has them apart, as `suspended`)."""
        return sum(1 for st in self.certain if st.suspended)

    def as_dict(self) -> dict[str, Any]:
        return {
            "org": self.org.as_dict(), "on": str(self.on), "status": self.status,
            "counts": self.counts, "suspended": self.suspended,
            "members": [st.as_dict() for st in self.certain],
            "uncertain": [st.as_dict() for st in self.uncertain],
            "conflicts": [st.as_dict() for st in self.conflicts],
            "set_aside": [st.as_dict() for st in self.set_aside],
            "pending": self.pending, "notes": self.notes,
        }


@dataclass
class Memberships:
    """What a state belongs to on a date."""

    state: Ref
    on: PartialDate
    certain: list[Standing]
    uncertain: list[Standing]
    conflicts: list[Standing]
    set_aside: list[Standing] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state.as_dict(), "on": str(self.on),
            "counts": count_by_status(self.certain),
            "memberships": [st.as_dict() for st in self.certain],
            "uncertain": [st.as_dict() for st in self.uncertain],
            "conflicts": [st.as_dict() for st in self.conflicts],
            "set_aside": [st.as_dict() for st in self.set_aside],
        }


@dataclass
class History:
    org: Ref
    state: Ref | None
    changes: list[Change]
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"org": self.org.as_dict(), "state": self.state.as_dict() if self.state else None,
                "changes": [change.as_dict() for change in self.changes], "notes": self.notes}


@dataclass
class OrgProfile:
    org: Ref
    acronym: str | None
    kind: str
    website: str | None
    names: list[dict[str, Any]]
    parent: Ref | None
    bodies: list[Ref]
    foundings: list[dict[str, Any]]
    dissolved: str | None
    counts_today: dict[str, int]
    today: PartialDate
    on: PartialDate | None
    counts_on: dict[str, int] | None
    chairs: list[dict[str, Any]]
    chair_today: list[dict[str, Any]]
    chair_on: list[dict[str, Any]] | None
    instruments: list[dict[str, Any]]
    events: list[dict[str, Any]]
    conflicts: list[Conflict]
    notes: list[str] = field(default_factory=list)
    # The organization's Wikidata id and the page it was read from, where one is held.
    wikidata: str | None = None
    wikidata_source: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "org": self.org.as_dict(), "acronym": self.acronym, "kind": self.kind,
            "website": self.website, "names": self.names,
            "wikidata": ({"id": self.wikidata, "url": f"{WIKIDATA}{self.wikidata}",
                          "source": self.wikidata_source} if self.wikidata else None),
            "parent": self.parent.as_dict() if self.parent else None,
            "bodies": [body.as_dict() for body in self.bodies], "foundings": self.foundings,
            "dissolved": self.dissolved, "today": str(self.today),
            "counts_today": self.counts_today,
            "on": str(self.on) if self.on else None, "counts_on": self.counts_on,
            "chair_today": self.chair_today, "chair_on": self.chair_on, "chairs": self.chairs,
            "instruments": self.instruments, "events": self.events,
            "conflicts": [conflict.as_dict() for conflict in self.conflicts],
            "notes": self.notes,
        }


@dataclass
class Overview:
    """An organization's page: its profile, its members on a date, its timeline."""

    profile: OrgProfile
    members: Members
    timeline: Timeline

    def as_dict(self) -> dict[str, Any]:
        return {"org": self.profile.as_dict(), "on": str(self.members.on),
                "members": self.members.as_dict(), "timeline": self.timeline.as_dict()}


@dataclass
class Overlap:
    """States in both organizations on a date, with a status in `statuses` in each."""

    orgs: tuple[Ref, Ref]
    on: PartialDate
    rows: list[dict[str, Any]]
    statuses: tuple[str, ...] = ("member",)

    @property
    def both(self) -> int:
        """How many states certainly hold one of the statuses in both."""
        return sum(1 for row in self.rows if row["certainty"] == "certain")

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f"{row['status_a']}/{row['status_b']}"
                                   for row in self.rows if row["certainty"] == "certain").items()))

    def as_dict(self) -> dict[str, Any]:
        return {"orgs": [org.as_dict() for org in self.orgs], "on": str(self.on),
                "statuses": list(self.statuses), "both": self.both, "counts": self.counts,
                "states": self.rows}


def overlap(a: Members, b: Members, statuses: tuple[str, ...]) -> Overlap:
    """The states that stand (or may stand) with one of `statuses` in both `a` and `b`:
    members only by default, so that candidates and dialogue partners are not "in both"."""
    def wanted(st: Standing) -> bool:
        return any(st.has(status) for status in statuses)
    in_b = {st.subject.id: st for st in b.certain + b.uncertain if wanted(st)}
    rows = []
    for st in a.certain + a.uncertain:
        other = in_b.get(st.subject.id)
        if other is None or not wanted(st):
            continue
        sure = st.certainty == other.certainty == "certain"
        rows.append({"state": st.subject.as_dict(), "status_a": st.shown_status,
                     "status_b": other.shown_status,
                     "certainty": "certain" if sure else "uncertain"})
    return Overlap((a.org, b.org), a.on, sorted(rows, key=lambda r: r["state"]["name"]),
                   statuses)


def share_day(when: PartialDate) -> tuple[PartialDate, str]:
    """The day whose members a population share counts, and the rule, in words.

    A state that joined or left during a year is counted if it was a member on 1 July:
    the World Bank's figures are mid-year estimates. A month counts its 15th; a day itself.
    """
    if when.precision.value == "day":
        return when, (f"members on {when} (a state counts if it held the status that day), "
                      f"population of {when.year}")
    if when.month is not None:
        day = PartialDate(when.year, when.month, 15)
        return day, (f"members on {day}, the middle of the month asked about; "
                     f"population of {when.year}")
    day = PartialDate(when.year, 7, 1)
    return day, (f"members on 1 July {when.year}, mid-year, as the World Bank's population "
                 "estimates are: a state that joined or left during the year counts if it "
                 "was a member that day")


@dataclass
class Share:
    """The population share of an organization's members in a year, with the figures."""

    org: Ref
    on: PartialDate
    year: int
    status: str
    members: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    uncertain: list[dict[str, Any]]
    total: int
    world: int
    rule: str = ""

    @property
    def share(self) -> float:
        return self.total / self.world

    def as_dict(self) -> dict[str, Any]:
        return {
            "org": self.org.as_dict(), "on": str(self.on), "year": self.year,
            "status": self.status, "share": round(self.share, 6),
            "percent": round(100 * self.share, 2), "population": self.total,
            "world_population": self.world, "members": self.members,
            "missing_population": self.missing, "uncertain_members": self.uncertain,
            "rule": self.rule, "source": "wb-population",
        }


@dataclass
class Conflicts:
    """Every disagreement between the sources, for one organization or for all."""

    org: Ref | None
    conflicts: list[Conflict]
    compared: list[Ref] = field(default_factory=list)

    @property
    def by_kind(self) -> dict[str, int]:
        counts = Counter(conflict.kind for conflict in self.conflicts)
        return {kind: counts[kind] for kind in KINDS if counts[kind]}

    @property
    def by_org(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter[str]] = {}
        for conflict in self.conflicts:
            counts.setdefault(conflict.org.id, Counter())[conflict.kind] += 1
        return {org: {kind: c[kind] for kind in KINDS if c[kind]}
                for org, c in sorted(counts.items())}

    def as_dict(self) -> dict[str, Any]:
        return {
            "org": self.org.as_dict() if self.org else None,
            "total": len(self.conflicts), "by_kind": self.by_kind, "by_org": self.by_org,
            "compared": [org.as_dict() for org in self.compared],
            "conflicts": [conflict.as_dict() for conflict in self.conflicts],
        }
