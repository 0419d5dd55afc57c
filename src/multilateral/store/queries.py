"""SQL that fetches facts with their sources; the temporal judgement happens in `model`."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, or_, select, text

from multilateral.model.conflicts import Observation
from multilateral.model.dates import PartialDate
from multilateral.model.membership import Claim, Ref, SourceRef
from multilateral.model.names import EntityName, KnownNames, OrgName
from multilateral.model.observed import Sighting
from multilateral.store import reads
from multilateral.store import schema as s


class AlchemyReader:
    """A `reads.Reader` over SQLAlchemy's connection: the plain SQL of `reads` on any database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def rows(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return self.connection.execute(text(sql), dict(params)).all()

    def day(self, value: dt.date) -> Any:
        return value.isoformat() if self.connection.dialect.name == "sqlite" else value


# Statements on the hot path are built once; SQLAlchemy then reuses their compiled form.
_SOURCES = (
    select(s.fact_sources.c.fact_id, s.sources)
    .join(s.sources, s.sources.c.id == s.fact_sources.c.source_id)
    .where(s.fact_sources.c.fact_type == bindparam("fact_type"),
           s.fact_sources.c.fact_id.in_(bindparam("ids", expanding=True)))
    .order_by(s.fact_sources.c.fact_id, s.sources.c.kind, s.sources.c.id)
)


def sources_for(connection: Connection, fact_type: str,
                ids: Sequence[int]) -> dict[int, tuple[SourceRef, ...]]:
    """Sources of many facts in one query (chunked under SQL parameter limits)."""
    found: dict[int, list[SourceRef]] = defaultdict(list)
    for chunk in range(0, len(ids), 900):
        rows = connection.execute(
            _SOURCES, {"fact_type": fact_type, "ids": list(ids[chunk:chunk + 900])}).all()
        for row in rows:
            found[row.fact_id].append(SourceRef(row.id, row.kind, row.title, row.url, row.citation,
                                                  row.published))
    return {fact_id: tuple(refs) for fact_id, refs in found.items()}


def _with_sources(connection: Connection, fact_type: str, rows: Sequence[Row[Any]],
                  shape: Callable[[Row[Any]], dict[str, Any]]) -> list[dict[str, Any]]:
    """Each fact row as a dict, with its sources."""
    cited = sources_for(connection, fact_type, [row.id for row in rows])
    return [{**shape(row), "sources": [src.as_dict() for src in cited.get(row.id, ())]}
            for row in rows]


def claims(connection: Connection, *, org_id: str | None = None, member_id: str | None = None,
           when: PartialDate | None = None) -> list[Claim]:
    """Membership claims of an organization or of a member, optionally only those that
    may hold at some point of `when`, plus decisions not yet in effect."""
    return reads.claims(AlchemyReader(connection), org_ids=[org_id] if org_id is not None else None,
                        member_id=member_id, when=when)


def claims_of(connection: Connection, org_ids: Sequence[str]) -> list[Claim]:
    """Every membership claim of several organizations, with sources."""
    return reads.claims(AlchemyReader(connection), org_ids=org_ids)


def state_lines(connection: Connection) -> dict[str, str]:
    return reads.state_lines(AlchemyReader(connection))


def orgs_with_claims_beyond(connection: Connection, dataset: str) -> list[str]:
    """Organizations with membership claims from some dataset other than `dataset`, or
    with founding dates from more than one: where sources can disagree."""
    m = s.memberships
    other = select(m.c.org_id).where(m.c.dataset != dataset).distinct()
    f = s.foundings
    founded = (select(f.c.org_id).group_by(f.c.org_id)
               .having(func.count(f.c.dataset.distinct()) > 1))
    return sorted(set(connection.scalars(other)) | set(connection.scalars(founded)))


def observations(connection: Connection, org_ids: Sequence[str],
                 dataset: str = "cia-factbook-2020") -> list[Observation]:
    """What a second source printed at one moment about these organizations' members, with
    the source: by default the Factbook of January 2020, which `conflicts` compares."""
    o = s.observations
    rows = connection.execute(
        select(o, s.states.c.name.label("state_name"), s.organizations.c.name.label("org_name"),
               s.sources.c.kind, s.sources.c.title, s.sources.c.url, s.sources.c.citation,
               s.sources.c.published)
        .join(s.states, s.states.c.id == o.c.member_id)
        .join(s.organizations, s.organizations.c.id == o.c.org_id)
        .outerjoin(s.sources, s.sources.c.id == o.c.dataset)
        .where(o.c.org_id.in_(org_ids), o.c.dataset == dataset)
        .order_by(o.c.org_id, s.states.c.name, o.c.id)
    ).all()
    return [Observation(
        org=Ref("organization", row.org_id, row.org_name),
        member=Ref("state", row.member_id, row.state_name), status=row.status,
        status_text=row.status_text, observed=PartialDate.parse(row.observed),
        dataset=row.dataset,
        source=SourceRef(row.dataset, row.kind, row.title, row.url, row.citation, row.published)
        if row.kind else None) for row in rows]


def sightings(connection: Connection, org_id: str) -> list[Sighting]:
    """The runs of weekly Factbook editions (2015-2026) that list a state in `org_id`."""
    return reads.sightings(AlchemyReader(connection), org_id)


def existence(connection: Connection, org_id: str) -> tuple[list[tuple[str, str]], str | None]:
    """The founding dates (with their datasets) and the dissolution date of an organization."""
    return reads.existence(AlchemyReader(connection), org_id)


def founding_dates(connection: Connection, org_ids: Sequence[str]
                   ) -> dict[str, list[tuple[PartialDate, str]]]:
    """Each organization's founding dates with their datasets, for many at once."""
    f = s.foundings
    found: dict[str, list[tuple[PartialDate, str]]] = defaultdict(list)
    for chunk in range(0, len(org_ids), 900):
        rows = connection.execute(
            select(f.c.org_id, f.c.date, f.c.dataset)
            .where(f.c.org_id.in_(list(org_ids[chunk:chunk + 900])), f.c.date.is_not(None))
        ).all()
        for row in rows:
            found[row.org_id].append((PartialDate.parse(row.date), row.dataset))
    return found


def organization_row(connection: Connection, org_id: str) -> Row[Any]:
    return connection.execute(select(s.organizations).where(s.organizations.c.id == org_id)).one()


def names_of(connection: Connection, entity_type: str, entity_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        select(s.names.c.name, s.names.c.kind, s.names.c.valid_from, s.names.c.valid_to)
        .where(s.names.c.entity_type == entity_type, s.names.c.entity_id == entity_id)
        .order_by(s.names.c.id)
    ).all()
    return [dict(row._mapping) for row in rows]


def children(connection: Connection, org_id: str) -> list[Ref]:
    rows = connection.execute(
        select(s.organizations.c.id, s.organizations.c.name)
        .where(s.organizations.c.parent_id == org_id).order_by(s.organizations.c.name)
    ).all()
    return [Ref("organization", row.id, row.name) for row in rows]


def foundings(connection: Connection, org_id: str) -> list[dict[str, Any]]:
    f = s.foundings
    rows = connection.execute(
        select(f, s.places.c.name.label("place_name"))
        .outerjoin(s.places, s.places.c.id == f.c.place_id)
        .where(f.c.org_id == org_id).order_by(f.c.date_lo, f.c.id)
    ).all()
    return _with_sources(connection, "founding", rows, lambda row: {
        "id": row.id, "date": row.date, "place": row.place_name, "note": row.note,
        "dataset": row.dataset})


def chairmanships(connection: Connection, org_id: str) -> list[dict[str, Any]]:
    c = s.chairmanships
    rows = connection.execute(
        select(c, s.states.c.name.label("state_name"))
        .join(s.states, s.states.c.id == c.c.state_id)
        .where(c.c.org_id == org_id).order_by(c.c.end_lo, c.c.start_lo)
    ).all()
    return _with_sources(connection, "chairmanship", rows, lambda row: {
        "id": row.id, "state": {"type": "state", "id": row.state_id, "name": row.state_name},
        "start": row.start, "end": row.end, "note": row.note, "dataset": row.dataset})


def instruments(connection: Connection, org_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Instruments an organization (or one of its bodies) is party to or the subject of."""
    i, p = s.instruments, s.instrument_parties
    party_of = select(p.c.instrument_id).where(p.c.party_id.in_(org_ids))
    rows = connection.execute(
        select(i, s.places.c.name.label("place_name"))
        .outerjoin(s.places, s.places.c.id == i.c.place_id)
        .where(or_(i.c.id.in_(party_of), i.c.subject_org_id.in_(org_ids)))
        .order_by(i.c.date_lo, i.c.id)
    ).all()
    ids = [row.id for row in rows]
    parties: dict[int, list[dict[str, str]]] = defaultdict(list)
    for party in connection.execute(
        select(p.c.instrument_id, p.c.party_id, s.organizations.c.name)
        .join(s.organizations, s.organizations.c.id == p.c.party_id)
        .where(p.c.instrument_id.in_(ids)).order_by(p.c.instrument_id, p.c.position)
    ):
        parties[party.instrument_id].append(
            {"type": "organization", "id": party.party_id, "name": party.name})
    return _with_sources(connection, "instrument", rows, lambda row: {
        "id": row.id, "kind": row.kind, "number": row.number, "title": row.title,
        "date": row.date, "place": row.place_name, "effect": row.effect,
        "parties": parties[row.id], "note": row.note, "dataset": row.dataset})


def events(connection: Connection, org_ids: Sequence[str]) -> list[dict[str, Any]]:
    e, o = s.events, s.event_organizers
    rows = connection.execute(
        select(e, s.places.c.name.label("place_name"))
        .outerjoin(s.places, s.places.c.id == e.c.place_id)
        .where(e.c.id.in_(select(o.c.event_id).where(o.c.organizer_id.in_(org_ids))))
        .order_by(e.c.start_lo, e.c.id)
    ).all()
    return _with_sources(connection, "event", rows, lambda row: {
        "id": row.id, "kind": row.kind, "name": row.name, "start": row.start,
        "end": row.end, "place": row.place_name, "note": row.note, "dataset": row.dataset})


def population(connection: Connection, codes: Sequence[str], year: int) -> dict[str, int]:
    rows = connection.execute(
        select(s.population.c.code, s.population.c.value)
        .where(s.population.c.year == year, s.population.c.code.in_(codes))
    ).all()
    return {row.code: int(row.value) for row in rows}


def population_years(connection: Connection) -> tuple[int, int] | None:
    row = connection.execute(
        select(func.min(s.population.c.year), func.max(s.population.c.year))
    ).one()
    return None if row[0] is None else (int(row[0]), int(row[1]))


def state_iso3(connection: Connection, state_ids: Sequence[str]) -> dict[str, str | None]:
    rows = connection.execute(
        select(s.states.c.id, s.states.c.iso3).where(s.states.c.id.in_(state_ids))
    ).all()
    return {row.id: row.iso3 for row in rows}


def known_names(connection: Connection) -> KnownNames:
    """Every organization, state and place with its names, for the reader's gazetteer."""
    orgs = s.organizations.c
    organizations = [OrgName(*row) for row in connection.execute(
        select(orgs.id, orgs.name, orgs.parent_id, orgs.kind, orgs.dissolved))]
    canonical = [EntityName(kind, row.id, row.name, "canonical")
                 for table, kind in ((s.states, "state"), (s.places, "place"))
                 for row in connection.execute(select(table.c.id, table.c.name))]
    names = [EntityName(*row) for row in connection.execute(
        select(s.names.c.entity_type, s.names.c.entity_id, s.names.c.name, s.names.c.kind))]
    kept = connection.scalar(select(s.meta.c.value).where(s.meta.c.key == reads.CITIES_KEY))
    cities = [(str(key), str(name)) for key, name in json.loads(kept)] if kept else []
    return KnownNames(organizations, canonical, names, cities)


def export_organizations(connection: Connection) -> list[dict[str, Any]]:
    """Every organization for an export: id, name, acronym, dissolved, Wikidata id and the
    page it was read from."""
    o = s.organizations.c
    rows = connection.execute(select(o.id, o.name, o.acronym, o.dissolved, o.wikidata_id,
                                     o.wikidata_source).order_by(o.id)).all()
    return [{"id": r.id, "name": r.name, "acronym": r.acronym, "dissolved": r.dissolved,
             "wikidata_id": r.wikidata_id, "wikidata_source": r.wikidata_source} for r in rows]


def export_states(connection: Connection) -> list[dict[str, Any]]:
    """Every state with its COW code and its years in the state system."""
    t = s.states.c
    rows = connection.execute(select(t.id, t.name, t.cow_code, t.system_start, t.system_end)
                              .order_by(t.cow_code, t.id)).all()
    return [{"id": r.id, "name": r.name, "cow_code": r.cow_code,
             "system_start": r.system_start, "system_end": r.system_end} for r in rows]


def wikidata_ids(connection: Connection, entity_type: str,
                 ids: Sequence[str] | None = None) -> dict[str, str]:
    """Our id -> Wikidata id, for the organizations or states that have one."""
    table = s.organizations if entity_type == "organization" else s.states
    statement = select(table.c.id, table.c.wikidata_id).where(table.c.wikidata_id.is_not(None))
    if ids is not None:
        statement = statement.where(table.c.id.in_(list(ids)))
    return {row.id: row.wikidata_id for row in connection.execute(statement)}


def by_wikidata(connection: Connection, entity_type: str, qid: str) -> Ref | None:
    table = s.organizations if entity_type == "organization" else s.states
    row = connection.execute(select(table.c.id, table.c.name)
                             .where(table.c.wikidata_id == qid)).first()
    return Ref(entity_type, row.id, row.name) if row is not None else None
