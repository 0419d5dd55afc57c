"""Questions of membership over time: members, memberships, history, profiles, conflicts,
overlap and population share.

Every method accepts ids, acronyms or names, and dates as "YYYY", "YYYY-MM" or
"YYYY-MM-DD" (a year or month is judged as the whole period).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from multilateral.errors import NoData, OutOfExistence, UnknownEntity
from multilateral.kb.database import Database
from multilateral.kb.lazy import lazy_module
from multilateral.model.conflicts import (
    Conflict,
    Observation,
    founding_conflicts,
    membership_conflicts,
    observation_conflicts,
)
from multilateral.model.dates import DateLike, PartialDate, Span, Truth, as_partial, parse_optional
from multilateral.model.membership import (
    Claim,
    Ref,
    Standing,
    changes,
    held,
    past_coverage,
    standings,
)
from multilateral.model.observed import unsourced_note, with_sightings
from multilateral.model.ranks import founded
from multilateral.model.results import (
    Conflicts,
    History,
    Members,
    Memberships,
    OrgProfile,
    Overlap,
    Overview,
    Share,
    count_by_status,
    overlap,
    share_day,
)
from multilateral.model.status import Status
from multilateral.model.timeline import Timeline, timeline
from multilateral.store import reads
from multilateral.store.reads import Reader

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from multilateral.store import queries, resolve
    from multilateral.store import search as search_store
else:  # SQLAlchemy: only for the questions that do not read through `reads`
    queries = lazy_module("multilateral.store.queries")
    resolve = lazy_module("multilateral.store.resolve")
    search_store = lazy_module("multilateral.store.search")

WORLD = "WLD"
FACTBOOK_FROM = 2015  # the first year of the Factbook's weekly editions loaded as observations


class Questions:
    """The questions asked of the reference data: who belongs, since when, per which source."""

    def __init__(self, db: Database, today: dt.date) -> None:
        self.db = db
        self.today = today
        # What `members` reads (names resolved, an organization's claims and existence),
        # each with the stamp of the facts it was read under: they change only with `init`
        # and an accepted review, which move the stamp on.
        self._kept: dict[tuple[str, ...], tuple[tuple[str, ...], Any]] = {}

    # -- lookups -------------------------------------------------------------

    def organization(self, name: str) -> Ref:
        with self.db.connect() as connection:
            return resolve.resolve(connection, "organization", name)

    def state(self, name: str) -> Ref:
        with self.db.connect() as connection:
            return resolve.resolve(connection, "state", name)

    def find(self, text: str, entity_type: str | None = None,
             limit: int = 20) -> list[tuple[Ref, str]]:
        """Organizations, states and places whose names contain `text`, shortest names
        first; at most `limit` (ask for one more to learn whether the list was cut)."""
        with self.db.connect() as connection:
            return resolve.find(connection, text, entity_type, limit)

    # -- questions -----------------------------------------------------------

    def members(self, org: str, on: DateLike = None, status: str | None = None) -> Members:
        when = as_partial(on, self.today)
        wanted = Status.parse(status).value if status else None
        with self.db.read() as reader:
            stamp = reads.facts_stamp(reader)
            org_ref: Ref = self._kept_or(stamp, ("organization", org),
                                         lambda: self._entity(reader, "organization", org))
            _check_existence(org_ref, when, self._kept_or(
                stamp, ("existence", org_ref.id), lambda: reads.existence(reader, org_ref.id)))
            # Every claim, not only those that may hold on `when`: ranks and disputes
            # are judged over each pair's whole record.
            claims: list[Claim] = self._kept_or(
                stamp, ("claims", org_ref.id), lambda: reads.claims(reader, org_ids=[org_ref.id]))
            # Past COW's years (or where it stops early), what the Factbook listed: read
            # only where no claim holds on `when` or one holds past its coverage.
            wanted_sightings = when.hi.year >= FACTBOOK_FROM and _past_what_holds(claims, when)
            seen = reads.sightings(reader, org_ref.id) if wanted_sightings else []
        result = _members(org_ref, claims, when, wanted)
        note = unsourced_note(result.certain + result.uncertain + result.conflicts, seen, when,
                              org_ref.name) if not wanted else None
        return dataclasses.replace(result, uncertain=with_sightings(result.uncertain, seen, when),
                                   notes=result.notes + ([note] if note else []))

    def memberships(self, member: str, on: DateLike = None) -> Memberships:
        """What a state (or an organization, such as an observer in the UN General Assembly)
        belongs to on a date."""
        when = as_partial(on, self.today)
        with self.db.connect() as connection:
            state_ref = _member_ref(connection, member)
            # The whole line a succession continues (the USSR with Russia) is the context:
            # a table that codes Russia from 1954 outranks COW's USSR too.
            lines = queries.state_lines(connection)
            line = lines.get(state_ref.id)
            kin = sorted(s for s, of in lines.items() if of == line) if line else [state_ref.id]
            context = [c for kin_id in kin
                       for c in queries.claims(connection, member_id=kin_id)]
            claims = [c for c in context if c.member.id == state_ref.id]
            foundings = queries.founding_dates(connection, sorted({c.org.id for c in claims}))
        # No organization has members before it exists (COW's SCO of 1996).
        unfounded = {org_id for org_id, dates in foundings.items()
                     if (first := founded(dates)) is not None and when.hi < first[0].lo}
        judged = standings([c for c in claims if not c.pending and c.org.id not in unfounded],
                           when, key=lambda c: c.org, context=context)
        return Memberships(state_ref, when, *_split(judged))

    def history(self, org: str, state: str | None = None) -> History:
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org)
            # The member may be an organization (the SCO at the General Assembly).
            state_ref = _member_ref(connection, state) if state else None
            claims = queries.claims(connection, org_id=org_ref.id,
                                    member_id=state_ref.id if state_ref else None)
        notes = sorted({f"{c.dataset} observed to {c.known_until.year}; later changes need "
                        "another source" for c in claims if c.known_until and c.end is None})
        return History(org_ref, state_ref, changes(claims), notes)

    def org(self, org: str, on: DateLike = None) -> OrgProfile:
        when = as_partial(on) if on is not None else None
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org)
            claims = queries.claims(connection, org_id=org_ref.id)
            return self._profile(connection, org_ref, claims, when)

    def overview(self, org: str, on: DateLike = None) -> Overview:
        """What an organization's page shows, from one reading of its claims: the profile,
        the members on a date (today by default) and the timeline."""
        when = as_partial(on, self.today)
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org)
            _check_existence(org_ref, when, queries.existence(connection, org_ref.id))
            claims = queries.claims(connection, org_id=org_ref.id)
            profile = self._profile(connection, org_ref, claims, when)
        founded = [PartialDate.parse(f["date"]).lo for f in profile.foundings if f["date"]]
        return Overview(profile, _members(org_ref, claims, when, None),
                        timeline(org_ref, claims, lambda c: c.member, self.today,
                                 min(founded, default=None)))

    def _profile(self, connection: Connection, org_ref: Ref, claims: list[Claim],
                 when: PartialDate | None) -> OrgProfile:
        today = PartialDate.of(self.today)
        row = queries.organization_row(connection, org_ref.id)
        bodies = queries.children(connection, org_ref.id)
        family = [org_ref.id, *(body.id for body in bodies)]
        foundings = queries.foundings(connection, org_ref.id)
        chairs = queries.chairmanships(connection, org_ref.id)
        return OrgProfile(
            org=org_ref, acronym=row.acronym, kind=row.kind, website=row.website,
            names=queries.names_of(connection, "organization", org_ref.id),
            parent=(resolve.ref(connection, "organization", row.parent_id)
                    if row.parent_id else None),
            bodies=bodies, foundings=foundings, dissolved=row.dissolved,
            today=today, counts_today=_counts(claims, today), on=when,
            counts_on=_counts(claims, when) if when else None,
            chairs=chairs, chair_today=_chair_on(chairs, today),
            chair_on=_chair_on(chairs, when) if when else None,
            instruments=queries.instruments(connection, family),
            events=queries.events(connection, family),
            conflicts=_conflicts(org_ref, claims, foundings,
                                 queries.observations(connection, [org_ref.id])),
            notes=_coverage_notes(standings([c for c in claims if not c.pending], today,
                                            key=lambda c: c.member), today),
            wikidata=row.wikidata_id, wikidata_source=row.wikidata_source,
        )

    # -- what the claim checker asks: one part of a profile, not the whole ---------------

    def instruments(self, org: str) -> list[dict[str, Any]]:
        """The instruments of an organization and its bodies."""
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org)
            bodies = queries.children(connection, org_ref.id)
            return queries.instruments(connection, [org_ref.id, *(b.id for b in bodies)])

    def chairs(self, org: str) -> list[dict[str, Any]]:
        with self.db.connect() as connection:
            org_id = resolve.resolve(connection, "organization", org).id
            return queries.chairmanships(connection, org_id)

    def foundings(self, org: str) -> list[dict[str, Any]]:
        with self.db.connect() as connection:
            org_id = resolve.resolve(connection, "organization", org).id
            return queries.foundings(connection, org_id)

    def conflicts(self, org: str | None = None) -> Conflicts:
        """Where the sources disagree: on one organization, or on every organization that
        more than COW speaks of (COW alone cannot disagree with itself)."""
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org) if org else None
            from multilateral.reference.cow import DATASET as COW  # the loaders: not for members
            ids = [org_ref.id] if org_ref else queries.orgs_with_claims_beyond(connection, COW)
            claims: dict[str, list[Claim]] = {org_id: [] for org_id in ids}
            for claim in queries.claims_of(connection, ids):
                claims[claim.org.id].append(claim)
            observed: dict[str, list[Observation]] = {org_id: [] for org_id in ids}
            for observation in queries.observations(connection, ids):
                observed[observation.org.id].append(observation)
            refs = [org_ref] if org_ref else [resolve.ref(connection, "organization", i)
                                              for i in ids]
            found = [conflict for each in refs for conflict in _conflicts(
                each, claims[each.id], queries.foundings(connection, each.id), observed[each.id])]
        return Conflicts(org_ref, found, refs)

    def overlap(self, first: str, second: str, on: DateLike = None,
                statuses: Sequence[str] | None = None) -> Overlap:
        """States in both organizations, holding one of `statuses` in each (default:
        member, suspended members included). Pass every status to see all standings."""
        wanted = tuple(Status.parse(s).value for s in statuses) if statuses else ("member",)
        return overlap(self.members(first, on), self.members(second, on), wanted)

    def share(self, org: str, on: DateLike = None, status: str = "member") -> Share:
        """Share of the world's population (World Bank) of the members with `status`."""
        with self.db.connect() as connection:
            years = queries.population_years(connection)
        if years is None:
            raise NoData("No population figures are loaded. Run `multilateral init`.")
        asked = (as_partial(on) if on is not None
                 else PartialDate(min(self.today.year, years[1])))
        if not years[0] <= asked.year <= years[1]:
            raise NoData(f"World Bank population figures run from {years[0]} to {years[1]}; "
                         f"there is none for {asked.year}. Pass --on {years[1]} or earlier.")
        when, rule = share_day(asked)
        result = self.members(org, when, status)
        with self.db.connect() as connection:
            iso = queries.state_iso3(connection, [st.subject.id for st in result.certain])
            codes = [code for code in iso.values() if code] + [WORLD]
            figures = queries.population(connection, codes, when.year)
        if WORLD not in figures:
            raise NoData(f"No world population figure for {when.year}.")
        members: list[dict[str, Any]] = []
        missing: list[dict[str, Any]] = []
        for st in result.certain:
            code = iso.get(st.subject.id)
            if code and code in figures:
                members.append({"state": st.subject.as_dict(), "iso3": code,
                                "population": figures[code]})
            else:
                missing.append({"state": st.subject.as_dict(), "iso3": code})
        total = sum(m["population"] for m in members)
        uncertain = [st.subject.as_dict() for st in result.uncertain + result.conflicts]
        return Share(result.org, when, when.year, result.status or status, members, missing,
                     uncertain, total, figures[WORLD], rule)

    def timeline(self, org: str) -> Timeline:
        """Every dated membership spell of an organization, one row per member."""
        with self.db.connect() as connection:
            org_ref = resolve.resolve(connection, "organization", org)
            claims = queries.claims(connection, org_id=org_ref.id)
            founded = [PartialDate.parse(date).lo for date, _ in
                       queries.existence(connection, org_ref.id)[0]]
        return timeline(org_ref, claims, lambda c: c.member, self.today,
                        min(founded) if founded else None)

    def state_timeline(self, member: str) -> Timeline:
        """Every dated membership spell of a state, one row per organization."""
        with self.db.connect() as connection:
            state_ref = _member_ref(connection, member)
            claims = queries.claims(connection, member_id=state_ref.id)
        return timeline(state_ref, claims, lambda c: c.org, self.today)

    def match(self, text: str, entity_type: str, limit: int = 5) -> list[tuple[Ref, int, bool]]:
        """Candidate entities for a name with scores, for reconciling spreadsheets."""
        with self.db.connect() as connection:
            return resolve.match(connection, entity_type, text, limit)

    def wikidata_ids(self, entity_type: str, ids: Sequence[str] | None = None
                     ) -> dict[str, str]:
        """The Wikidata ids held for organizations or states (of `ids`, or all), by our id;
        an entity with none held is left out (organizations have none yet)."""
        with self.db.connect() as connection:
            return queries.wikidata_ids(connection, entity_type, ids)

    def by_wikidata(self, entity_type: str, qid: str) -> Ref | None:
        """The organization or state whose Wikidata id is `qid` ("Q148"), if one is held."""
        with self.db.connect() as connection:
            return queries.by_wikidata(connection, entity_type, qid.strip().upper())

    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        """Full text over articles and entity names."""
        with self.db.connect() as connection:
            return search_store.search(connection, text, limit)

    # -- helpers -------------------------------------------------------------

    def _kept_or(self, stamp: tuple[str, ...], key: tuple[str, ...],
                 read: Callable[[], Any]) -> Any:
        """What `read` returns, read once per process until the facts change. The caller
        reads the stamp before the data, so data read under an older stamp are never
        taken for newer ones."""
        kept = self._kept.get(key)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        if len(self._kept) > 5000:
            self._kept.clear()
        value = read()
        self._kept[key] = (stamp, value)
        return value

    def _entity(self, reader: Reader, entity_type: str, name: str) -> Ref:
        """The entity `name` names; where it names none or several, `resolve` says which
        were meant."""
        found = reads.entity(reader, entity_type, name)
        if found is not None:
            return found
        with self.db.connect() as connection:
            return resolve.resolve(connection, entity_type, name)

def _past_what_holds(claims: list[Claim], when: PartialDate) -> bool:
    """No claim holds on `when`, or one holds only past its source's coverage."""
    holding = [c for c in claims if c.span.holds(when) is not Truth.NO]
    return not holding or any(past_coverage(c, when) for c in holding)


def _check_existence(org: Ref, when: PartialDate,
                     existence: tuple[list[tuple[str, str]], str | None]) -> None:
    """Refuse a date before the earliest founding or after the dissolution."""
    foundings, dissolved = existence
    first = founded([(PartialDate.parse(date), dataset) for date, dataset in foundings])
    if first is not None and when.hi < first[0].lo:
        raise OutOfExistence(
            f"{org.name} did not exist on {when}: it was founded {first[0]} ({first[1]}); "
            "a predecessor's members belong to the predecessor. "
            f"Ask about {first[0]} or later.")
    if dissolved and when.lo > PartialDate.parse(dissolved).hi:
        raise OutOfExistence(f"{org.name} was dissolved in {dissolved}; it had no members "
                             f"on {when}. Ask about {dissolved} or earlier.")


def _member_ref(connection: Connection, member: str) -> Ref:
    """A state, or failing that an organization that is itself a member of another."""
    try:
        return resolve.resolve(connection, "state", member)
    except UnknownEntity as miss:
        try:
            return resolve.resolve(connection, "organization", member)
        except UnknownEntity:
            raise miss from None


def _members(org_ref: Ref, claims: list[Claim], when: PartialDate,
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
    return Members(org_ref, when, wanted, *_split(judged), pending=pending,
                   notes=_coverage_notes(judged, when))


def _conflicts(org: Ref, claims: list[Claim], foundings: list[dict[str, Any]],
               observations: list[Observation]) -> list[Conflict]:
    dated = [(PartialDate.parse(f["date"]), f["dataset"], f) for f in foundings if f["date"]]
    return (founding_conflicts(org, dated) + membership_conflicts(claims)
            + observation_conflicts(org, observations, claims))


def _split(judged: list[Standing]
           ) -> tuple[list[Standing], list[Standing], list[Standing], list[Standing]]:
    """Certain, uncertain, in conflict, set aside (only an outranked source speaks)."""
    def of(kind: str) -> list[Standing]:
        return [st for st in judged if st.certainty == kind]
    return of("certain"), of("uncertain"), of("conflict"), of("set_aside")


def _counts(claims: list[Claim], when: PartialDate) -> dict[str, int]:
    certain, *_ = _split(standings([c for c in claims if not c.pending], when,
                                     key=lambda c: c.member))
    return count_by_status(certain)


def _chair_on(chairs: list[dict[str, object]], when: PartialDate) -> list[dict[str, object]]:
    current = []
    for chair in chairs:
        span = Span(parse_optional(str(chair["start"]) if chair["start"] else None),
                    parse_optional(str(chair["end"]) if chair["end"] else None))
        if span.holds(when) is not Truth.NO:
            current.append(chair)
    return current


def _coverage_notes(judged: list[Standing], when: PartialDate) -> list[str]:
    """Say when a dataset's coverage ends before the date asked about, and that leaves
    some member uncertain (no later source took over)."""
    ended = sorted({(c.dataset, c.known_until.year) for st in judged for c in st.claims
                    if st.certainty != "certain" and past_coverage(c, when)
                    and c.known_until is not None})
    return [f"{dataset} observes this organization only to {year}: its later members are "
            "listed as uncertain unless another source covers them" for dataset, year in ended]
